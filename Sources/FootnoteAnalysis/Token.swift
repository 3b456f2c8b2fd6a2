/// One token flowing through the analysis pipeline.
///
/// The pipeline reuses a single `Token` value for every token of a text (as in
/// tantivy's tokenizer API): filters rewrite `term` in place and never touch the
/// offsets, so `start..<end` always names the token's bytes in the *original*
/// text — that is what makes highlighting exact.
public struct Token {
    /// The token's current form as UTF-8 bytes: surface text from the tokenizer,
    /// then folded, then stemmed by the filters.
    public var term: [UInt8] = []
    /// Byte offset of the token's first byte in the analyzed text.
    public var start: Int = 0
    /// Byte offset one past the token's last byte in the analyzed text.
    public var end: Int = 0
    /// Ordinal of the token among all tokens of the text, stop words included,
    /// so that distances between surviving tokens stay true.
    public var position: Int = 0

    public init() { term.reserveCapacity(32) }

    /// The current term as a String (tests and edges only).
    public var termString: String { String(decoding: term, as: UTF8.self) }
}
