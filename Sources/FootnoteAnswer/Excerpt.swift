/// The part of a passage shown to the user: one to three sentences, whitespace
/// collapsed, with the words that matched the question marked.
public struct Excerpt: Sendable, Equatable {
    /// Plain text, single-spaced; may begin or end with "…" where cut.
    public var text: String
    /// Matched words as ranges of Unicode scalar offsets into `text` (Python
    /// string indices), ascending and non-overlapping.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}
