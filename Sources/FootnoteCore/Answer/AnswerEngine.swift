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
        let items = result.hits.enumerated().map { rank, hit in
            let passage = corpus.passages[Int(hit.passage)]
            return Answer.Item(rank: rank + 1, passage: Int(hit.passage), score: hit.score,
                               citation: citation(for: passage),
                               excerpt: options.excerpt.excerpt(of: passage.text, termWeights: termWeights, analyzer: searcher.analyzer,
                                                                cue: cue))
        }
        return Answer(question: question, items: items, notice: nil, terms: terms, confidence: result.confidence)
    }

    /// The excerpt the bot would show for `passage` in answer to `question`.
    public func excerpt(question: String, passage: Int) -> Excerpt {
        let query = Query(question, analyzer: searcher.analyzer, index: index)
        return options.excerpt.excerpt(of: corpus.passages.text(passage),
                                       termWeights: Self.termWeights(query, searcher.weights(for: query)),
                                       analyzer: searcher.analyzer, cue: AnswerCue(question: question))
    }

    /// Query term → its query weight (the excerpt builder's notion of importance).
    static func termWeights(_ query: Query, _ queryWeights: [Float]) -> [String: Float] {
        var weights: [String: Float] = [:]
        for (term, weight) in zip(query.terms, queryWeights) where term.id != nil {
            weights[term.text] = weight
        }
        return weights
    }

    public func citation(for passage: Passage) -> Citation {
        Citation(file: corpus.documents[passage.document].path, lines: passage.lines,
                 section: passage.sectionLabel, id: passage.id)
    }
}
