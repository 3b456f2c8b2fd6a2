/// The bot's reply to one question: cited excerpts, or a notice saying why there
/// are none.
public struct Answer: Sendable {
    public struct Item: Sendable {
        /// 1-based.
        public var rank: Int
        /// Index into `Corpus.passages`.
        public var passage: Int
        public var score: Float
        public var citation: Citation
        public var excerpt: Excerpt
    }

    /// Why the bot gave no passages.
    public enum Notice: Sendable, Equatable {
        /// The question is empty, or only punctuation.
        case emptyQuestion
        /// Every word of the question is a stop word.
        case onlyStopWords
        /// Nothing matched, or the best match is too weak to be an answer.
        case noAnswer
        /// A passage found could not be read back from its file (changed
        /// since it was indexed, or unreadable): the index needs updating.
        case sourceUnavailable(PassageTextFailure)

        public var message: String {
            switch self {
            case .emptyQuestion: return "Ask a question with some words in it."
            case .onlyStopWords: return "That question has only very common words (like \"the\" or \"what\"); add a word about the topic."
            case .noAnswer: return "Nothing in the corpus answers that."
            case .sourceUnavailable(.changed(let path)):
                return "The answer is in \(path), which changed since it was indexed; update the index (:reload, or footnote index) and ask again."
            case .sourceUnavailable(.unreadable(let path, let reason)):
                return "The answer is in \(path), which cannot be read now (\(reason)); check the file and ask again."
            }
        }
    }

    public var question: String
    public var items: [Item]
    public var notice: Notice?
    /// The query's analyzed terms, for display and highlighting.
    public var terms: [String]
    /// The best passage's score over the best score possible for this
    /// question (0...1; 0 when nothing matched). The bot abstains below
    /// `AnswerEngine.Options.minConfidence`.
    public var confidence: Float = 0
}
