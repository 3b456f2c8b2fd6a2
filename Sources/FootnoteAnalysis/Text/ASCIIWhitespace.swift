/// The one definition of whitespace in text Footnote reads: the ASCII
/// whitespace bytes, space (0x20) and tab, LF, VT, FF, CR (0x09…0x0D).
/// The sentence splitter, the excerpt builder and its display width, the
/// passage builder, numbered paragraphs and the JSON Lines readers use it;
/// a blank line is one of `isWithinLine` bytes only.
///
/// Markup with whitespace rules of its own keeps them where it is parsed:
/// HTML's (tab, LF, FF, CR, space: `HTMLDocumentParser`), XML's (`XMLStream`,
/// `WordDocumentParser`) and roff's (space and tab: `ManPageParser`). The
/// tokenizer has none: every byte that is not part of a word separates words.
public enum ASCIIWhitespace {
    /// Whether `byte` is ASCII whitespace.
    @inline(__always)
    public static func contains(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// Whitespace that does not end a line: space, tab, VT, FF (CR and LF do).
    @inline(__always)
    public static func isWithinLine(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }
}
