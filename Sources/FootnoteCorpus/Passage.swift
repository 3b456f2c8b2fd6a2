/// The unit Footnote retrieves and cites: a paragraph (with any list it
/// introduces) under its section heading, or a window of a long paragraph, or one
/// line of a BEIR `.jsonl` file.
public struct Passage: Sendable, Equatable {
    /// Index of the source file in `Corpus.documents`.
    public var document: Int
    /// The BEIR `_id` for passages read from `.jsonl`; nil for other formats.
    public var id: String?
    /// The heading path, outermost first (`["Transparency vs Performance",
    /// "The Transparency Advantage"]`); the BEIR title for `.jsonl`; may be empty.
    public var section: [String]
    /// The passage's text: what is indexed, and what excerpts are cut from.
    public var text: String
    /// First and last line in the source file, 1-based, inclusive.
    public var lines: ClosedRange<Int>
    /// Byte range in the source file's text (the file, decoded: `TextEncoding`).
    public var bytes: Range<Int>
    /// True when `text` is exactly those bytes of the file's text (plain
    /// text, Markdown, reStructuredText), so it can be read back from the
    /// file; false when it was derived from them (HTML, JSON, joined lines).
    public var isVerbatim: Bool
    /// The fragment identifier of the passage's section or term in an HTML
    /// page (`term-generator`: cite `glossary.html#term-generator`); nil elsewhere.
    public var anchor: String?
    /// True when the passage is a term and its description (a glossary
    /// entry, an option), cited under the term: `section`'s last name is the term.
    public var isTerm: Bool

    public init(
        document: Int, id: String? = nil, section: [String], text: String,
        lines: ClosedRange<Int>, bytes: Range<Int>, isVerbatim: Bool = false, anchor: String? = nil, isTerm: Bool = false
    ) {
        self.anchor = anchor
        self.isTerm = isTerm
        self.document = document
        self.id = id
        self.section = section
        self.text = text
        self.lines = lines
        self.bytes = bytes
        self.isVerbatim = isVerbatim
    }

    /// The section as shown in citations: the heading path joined by " › ".
    public var sectionLabel: String { Self.sectionLabel(section) }

    /// A heading path as citations show it.
    public static func sectionLabel(_ section: [String]) -> String { section.joined(separator: " › ") }
}
