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
    /// For derived text, where its source lines begin: pairs of a byte
    /// offset into `text` and the file offset its text there comes from, in
    /// increasing order (HTML: the first text after each line break of the
    /// source). Windows cut from a long block cite their own lines with it;
    /// empty when `text` is verbatim or the parser keeps no such map.
    public var sourceMarks: [SourceMark] = []
    /// A heading that closes a caption's scope: the section it repeats (the
    /// one around the caption) goes on after the captioned table or example
    /// (`HTMLDocumentParser`). Over nothing, it is dropped, not read as text.
    public var returnsToSection = false

    public struct SourceMark: Equatable, Sendable {
        public var text: Int
        public var file: Int
        public init(text: Int, file: Int) {
            self.text = text
            self.file = file
        }
    }

    /// The file bytes that the source line holding text offset `offset`
    /// spans: from the last source mark at or before it (the first mark for
    /// an offset before every mark) to the next mark, or to the block's end;
    /// nil without marks.
    func sourceSpan(ofText offset: Int) -> Range<Int>? {
        guard !sourceMarks.isEmpty else { return nil }
        var lo = 0, hi = sourceMarks.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if sourceMarks[mid].text <= offset { lo = mid } else { hi = mid }
        }
        let end = lo + 1 < sourceMarks.count ? sourceMarks[lo + 1].file : bytes.upperBound
        return sourceMarks[lo].file..<max(sourceMarks[lo].file, end)
    }

    public init(kind: Kind, text: String, lines: ClosedRange<Int>, bytes: Range<Int>, isVerbatim: Bool, anchor: String? = nil) {
        self.anchor = anchor
        self.kind = kind
        self.text = text
        self.lines = lines
        self.bytes = bytes
        self.isVerbatim = isVerbatim
    }
}
