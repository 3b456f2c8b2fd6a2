/// One structural piece of a parsed document: a heading, a paragraph or a list.
///
/// Every format reader (plain text, Markdown, reStructuredText, HTML) turns a file
/// into an ordered array of blocks; `PassageBuilder` then groups the blocks into
/// passages under their section headings. A block remembers where it came from in
/// the original file so that citations can name exact lines.
public struct Block: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A section heading. `level` 1 is the outermost; deeper sections count up.
        case heading(level: Int)
        /// Running text: one paragraph.
        case paragraph
        /// A bulleted or numbered list (all of its consecutive items).
        case list
        /// The term of a definition-list entry, glossary entry or option
        /// (`<dt>`): it stays with the description that follows it.
        case term
    }

    public var kind: Kind
    /// The block's text as it should be indexed and shown: for text formats the
    /// exact bytes of the file (markup included); for HTML the decoded text.
    public var text: String
    /// First and last line of the block in the original file, 1-based, inclusive.
    public var lines: ClosedRange<Int>
    /// Byte range of the block in the original file.
    public var bytes: Range<Int>
    /// True when `text` is exactly `file[bytes]`, so offsets into `text` map to
    /// file offsets by adding `bytes.lowerBound`.
    public var isVerbatim: Bool
    /// A heading's or term's fragment identifier in an HTML page (its `id`,
    /// or the id of the section element it opens); nil elsewhere.
    public var anchor: String?

    public init(kind: Kind, text: String, lines: ClosedRange<Int>, bytes: Range<Int>, isVerbatim: Bool, anchor: String? = nil) {
        self.anchor = anchor
        self.kind = kind
        self.text = text
        self.lines = lines
        self.bytes = bytes
        self.isVerbatim = isVerbatim
    }
}
