/// Ranks passages for a query: the best `max(k, rerankDepth)` by the model's
/// score (`MaxScore`, which skips passages that cannot make the cut), then the
/// proximity bonus re-ranks them and the best `k` are kept.
///
/// Not thread-safe (its analyzer keeps state); make one per thread.
public final class Searcher {
    public struct Hit: Sendable, Equatable {
        public var passage: Int32
        public var score: Float
    }

    public struct Result: Sendable {
        public var query: Query
        public var hits: [Hit]
        /// The query weights, one per `query.terms` (unknown terms included).
        public var weights: [Float]
        /// `hits[0].score` over the query's ceiling (0 when nothing matched).
        public var confidence: Float
    }

    public let index: InvertedIndex
    public let model: any ScoringModel
    public let analyzer: Analyzer
    /// Added to the ranking score of the best candidates (nil: none).
    public let proximity: ProximityBonus?
    /// How many of the best candidates by ranking score get the proximity
    /// bonus and are re-ranked: `max(k, rerankDepth)`.
    public var rerankDepth = 200

    public init(index: InvertedIndex, model: any ScoringModel, analyzer: Analyzer? = nil, proximity: ProximityBonus? = nil) {
        self.index = index
        self.model = model
        self.proximity = proximity
        self.analyzer = analyzer ?? Analyzer(settings: index.analyzerSettings)
    }

    public func search(_ text: String, top k: Int) -> Result {
        search(Query(text, analyzer: analyzer, index: index), top: k)
    }

    /// The model's weight for each of `query.terms` (unknown terms included).
    public func weights(for query: Query) -> [Float] {
        model.queryWeights(documentFrequencies: query.terms.map { $0.id.map(index.documentFrequency) ?? 0 },
                           queryFrequencies: query.terms.map(\.frequency))
    }

    public func search(_ query: Query, top k: Int) -> Result {
        let weights = weights(for: query)
        // Known terms with the most each can add to a score (the proximity bonus's scale, and MaxScore's bounds).
        let known = zip(query.terms, weights).compactMap { term, w in term.id.map { ($0, w * model.maxPostingScore(term: $0)) } }
        let rerank = proximity != nil && known.count > 1 && k > 0
        var scored: [MaxScore.Term] = []
        for (term, weight) in zip(query.terms, weights) {
            guard let t = term.id, weight > 0 else { continue }
            scored.append(MaxScore.Term(id: t, weight: weight, bound: weight * model.maxPostingScore(term: t), order: scored.count))
        }
        let top = Self.top(model, scored, depth: rerank ? max(k, rerankDepth) : k, index: index)
        var ranked = top.sorted()
        var baseScore: [Int32: Float] = [:]
        if rerank, let proximity {
            for (score, passage) in ranked { baseScore[passage] = score }
            let terms = known.map(\.0), termWeights = known.map(\.1)
            // Candidates come best first: once even the largest possible bonus
            // cannot lift one to the k-th best, none after it can rise either.
            let largestBonus = proximity.maximum(weights: termWeights) * (1 + 1e-5)
            var reranked = TopK(k)
            for (score, passage) in ranked {
                if score + largestBonus < reranked.threshold { break }
                reranked.insert(score + proximity.bonus(passage: passage, terms: terms, weights: termWeights, index: index), passage)
            }
            ranked = reranked.sorted()
        }
        let hits = ranked.map { Hit(passage: $0.passage, score: $0.score) }
        var confidence: Float = 0
        if let best = hits.first {
            // Judged on the ranking score alone: the proximity bonus reorders, it does not vouch.
            let ceiling = model.ceiling(terms: query.terms.map(\.id), queryWeights: weights)
            confidence = ceiling > 0 ? min(1, (baseScore[best.passage] ?? best.score) / ceiling) : 0
        }
        return Result(query: query, hits: hits, weights: weights, confidence: confidence)
    }

    /// Runs `MaxScore` specialized for the concrete model, so that the posting
    /// score is inlined in its loop rather than called through the protocol.
    private static func top(_ model: any ScoringModel, _ terms: [MaxScore.Term], depth: Int, index: InvertedIndex) -> TopK {
        if let bm25 = model as? BM25 { return MaxScore.top(terms, depth: depth, model: bm25, index: index) }
        if let tfidf = model as? TFIDFCosine { return MaxScore.top(terms, depth: depth, model: tfidf, index: index) }
        return open(model, terms, depth: depth, index: index)
    }

    private static func open<Model: ScoringModel>(_ model: Model, _ terms: [MaxScore.Term], depth: Int, index: InvertedIndex) -> TopK {
        MaxScore.top(terms, depth: depth, model: model, index: index)
    }
}
