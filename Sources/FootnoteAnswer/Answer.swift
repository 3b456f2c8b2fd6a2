import FootnoteCorpus
import FootnoteSearch

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
        /// Other passages with the same text (case and spacing aside), ranked
        /// lower: an HTML page and its source, twin pages. Cited here, not again.
        public var alsoIn: [Citation] = []
    }

    /// Why the bot gave no passages.
    public enum Notice: Sendable, Equatable {
        /// The question is empty, or only punctuation.
        case emptyQuestion
        /// Every word of the question is a stop word.
        case onlyStopWords
        /// The words are courtesy alone ("thanks", "ok, great", "hi"): nothing is asked.
        case nothingAsked
        /// Nothing matched, or the best match is too weak to be an answer.
        case noAnswer
        /// No passage meets the question's quoted phrases, `+word`s and `-word`s.
        case noPassageMeetsConstraints
        /// A passage found could not be read back from its file (changed
        /// since it was indexed, or unreadable): the index needs updating.
        case sourceUnavailable(PassageTextFailure)

        public var message: String {
            switch self {
            case .emptyQuestion: return "Ask a question with some words in it."
            case .onlyStopWords: return "That question has only very common words (like \"the\" or \"what\"); add a word about the topic."
            case .nothingAsked: return "Nothing to look up there; ask about something in the corpus."
            case .noAnswer: return "Nothing in the corpus answers that."
            case .noPassageMeetsConstraints:
                return "No passage has every quoted phrase and +word without the -words; drop one and ask again."
            case .sourceUnavailable(.changed(let path)):
                return
                    "The answer is in \(path), which changed since it was indexed; update the index (:reload, or footnote index) and ask again."
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
    /// That the corpus answers the question (0...1, `ConfidenceEvidence.calibrated`;
    /// 0 when nothing matched). The bot abstains below `AnswerEngine.Options.minConfidence`.
    public var confidence: Float = 0
    /// The query searched for (with any carried-over terms): what `:why` explains.
    public var query: Query?
    /// Words corrected before searching, and words neither known nor correctable.
    public var corrections: [Query.Correction] = []
    public var unknownWords: [String] = []
    /// How a `Conversation` read the question (nil: asked on its own, outside one).
    public var reading: Conversation.Reading?
    /// The earlier turns' words it was searched with, heaviest first (`Conversation`).
    public var carried: [Conversation.CarriedWord] = []
    /// Of those, the words the shown passages contain: "(following on: …)".
    public var carriedWords: [String] = []
    /// Words of the last question this one replaced: "(instead of: …)".
    public var replacedWords: [String] = []
    /// A follow-up declined although asked both alone and with its context.
    public var contextTried = false
    /// Passage → the factor the conversation's page prior multiplied its
    /// score by (only passages on a page the conversation cited).
    public var pagePrior: [Int: Float] = [:]
    /// A question read alone whose list interleaves the context's passages
    /// (`Conversation.Options.interleave`): those passages, and the query
    /// (with the carried words) they were ranked by.
    public var fromContext: Set<Int> = []
    public var contextQuery: Query?
    /// When the question was too long and was cut (`question` is what was
    /// read): its length in bytes as asked.
    public var askedBytes: Int?
    /// What `confidence` was calibrated from (nil when nothing matched).
    public var evidence: ConfidenceEvidence?
}
