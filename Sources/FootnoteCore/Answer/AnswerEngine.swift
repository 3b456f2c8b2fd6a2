/// Turns a question into an `Answer` over one corpus: search, abstain when the
/// evidence is too weak, cut excerpts, cite.
///
/// Not thread-safe (its searcher and analyzer are reused); make one per thread.
public final class AnswerEngine {
    public struct Options: Sendable {
        public var scoring: ScoringChoice
        public var k1: Float
        public var b: Float
        /// Below this `Searcher.Result.confidence` the bot says nothing answers.
        public var minConfidence: Float
        public var excerpt: ExcerptBuilder
        /// Term-pair proximity bonus (nil: none).
        public var proximity: ProximityBonus?
        /// How the index weighs titles and headings.
        public var index: IndexBuilder

        public init(scoring: ScoringChoice = .bm25, k1: Float = BM25.defaultK1, b: Float = BM25.defaultB,
                    minConfidence: Float = 0.40, excerpt: ExcerptBuilder = ExcerptBuilder(),
                    proximity: ProximityBonus? = ProximityBonus(), index: IndexBuilder = IndexBuilder()) {
            self.scoring = scoring
            self.k1 = k1
            self.b = b
            self.minConfidence = minConfidence
            self.excerpt = excerpt
            self.proximity = proximity
            self.index = index
        }
    }

    public let corpus: Corpus
    public let index: InvertedIndex
    public let options: Options
    public let searcher: Searcher

    public init(corpus: Corpus, index: InvertedIndex, options: Options = Options()) {
        self.corpus = corpus
        self.index = index
        self.options = options
        searcher = Searcher(index: index, model: options.scoring.model(for: index, k1: options.k1, b: options.b),
                            proximity: options.proximity)
    }

    /// Reads nothing: builds the index of an already loaded corpus.
    public convenience init(corpus: Corpus, options: Options = Options()) {
        self.init(corpus: corpus, index: options.index.build(corpus.passages), options: options)
    }

    public func answer(_ question: String, top k: Int) -> Answer {
        let result = searcher.search(question, top: k)
        let terms = result.query.terms.map(\.text)
        if result.query.isEmpty {
            let hasWords = question.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            return Answer(question: question, items: [], notice: hasWords ? .onlyStopWords : .emptyQuestion, terms: terms)
        }
        guard !result.hits.isEmpty, result.confidence >= options.minConfidence else {
            return Answer(question: question, items: [], notice: .noAnswer, terms: terms, confidence: result.confidence)
        }
        let termWeights = Self.termWeights(result.query, result.weights)
        let cue = AnswerCue(question: question)
        var items: [Answer.Item] = []
        for (rank, hit) in result.hits.enumerated() {
            let p = Int(hit.passage)
            switch corpus.passageText(p) {
            case .success(let text):
                items.append(Answer.Item(rank: rank + 1, passage: p, score: hit.score, citation: citation(forPassage: p),
                                         excerpt: options.excerpt.excerpt(of: text, termWeights: termWeights,
                                                                          analyzer: searcher.analyzer, cue: cue)))
            case .failure(let failure):
                // Never an excerpt of a file that is no longer what was indexed.
                return Answer(question: question, items: [], notice: .sourceUnavailable(failure), terms: terms,
                              confidence: result.confidence)
            }
        }
        return Answer(question: question, items: items, notice: nil, terms: terms, confidence: result.confidence)
    }

    /// The excerpt the bot would show for `passage` in answer to `question`,
    /// or why its text could not be read.
    public func excerpt(question: String, passage: Int) -> Result<Excerpt, PassageTextFailure> {
        let query = Query(question, analyzer: searcher.analyzer, index: index)
        return corpus.passageText(passage).map { text in
            options.excerpt.excerpt(of: text, termWeights: Self.termWeights(query, searcher.weights(for: query)),
                                    analyzer: searcher.analyzer, cue: AnswerCue(question: question))
        }
    }

    /// Query term → its query weight (the excerpt builder's notion of importance).
    static func termWeights(_ query: Query, _ queryWeights: [Float]) -> [String: Float] {
        var weights: [String: Float] = [:]
        for (term, weight) in zip(query.terms, queryWeights) where term.id != nil {
            weights[term.text] = weight
        }
        return weights
    }

    /// Passage `p`'s citation, from the passage columns (no text read).
    public func citation(forPassage p: Int) -> Citation {
        let passages = corpus.passages
        return Citation(file: corpus.documents[Int(passages.documents[p])].path, lines: passages.bounds(p).lines,
                        section: Passage.sectionLabel(passages.section(p)), id: passages.id(p))
    }
}
