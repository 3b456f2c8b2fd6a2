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
    /// That the corpus answers the question (0...1, `ConfidenceEvidence.calibrated`;
    /// 0 when nothing matched). The bot abstains below `AnswerEngine.Options.minConfidence`.
    public var confidence: Float = 0
    /// The query searched for (with any carried-over terms): what `:why` explains.
    public var query: Query?
    /// Words corrected before searching, and words neither known nor correctable.
    public var corrections: [Query.Correction] = []
    public var unknownWords: [String] = []
    /// Words carried over from the conversation that the shown passages contain.
    public var carriedWords: [String] = []
    /// When the question was too long and was cut (`question` is what was
    /// read): its length in bytes as asked.
    public var askedBytes: Int?
    /// What `confidence` was calibrated from (nil when nothing matched).
    public var evidence: ConfidenceEvidence?
}

extension Answer {
    /// What a follow-up question may lean on: the question's known terms and
    /// the carried-over terms its passages contain, at full weight. Empty when
    /// the bot gave no passages (the conversation keeps its previous topic).
    public var topic: [Query.Term] {
        guard !items.isEmpty, let query else { return [] }
        return query.terms.filter { $0.id != nil && ($0.boost == 1 || carriedWords.contains($0.word)) }.map {
            var term = $0
            term.boost = 1
            return term
        }
    }
}

extension Answer {
    /// The earlier topic's terms this answer was asked with (carried over, at a
    /// lower weight): the context to ask the same question with again (`:more`).
    public var carriedTerms: [Query.Term] { query?.terms.filter { $0.boost != 1 } ?? [] }
}
