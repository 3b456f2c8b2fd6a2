/// Ranks passages for a query: term-at-a-time accumulation into a dense score
/// array, then a bounded heap over the touched passages.
///
/// Not thread-safe (it reuses its accumulator); make one per thread.
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
    private var accumulator: [Float]
    private var touched: [Int32] = []

    public init(index: InvertedIndex, model: any ScoringModel, analyzer: Analyzer? = nil, proximity: ProximityBonus? = nil) {
        self.index = index
        self.model = model
        self.proximity = proximity
        self.analyzer = analyzer ?? Analyzer(settings: index.analyzerSettings)
        accumulator = [Float](repeating: 0, count: index.passageCount)
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
        for (term, weight) in zip(query.terms, weights) {
            guard let t = term.id, weight > 0 else { continue }
            accumulate(model, term: t, weight: weight)
        }
        // Known terms with the most each can add to a score (the proximity bonus's scale).
        let known = zip(query.terms, weights).compactMap { term, w in term.id.map { ($0, w * model.maxPostingScore(term: $0)) } }
        let rerank = proximity != nil && known.count > 1 && k > 0
        var top = TopK(rerank ? max(k, rerankDepth) : k)
        for passage in touched {
            let score = accumulator[Int(passage)]
            if score > 0 { top.insert(score, passage) }
            accumulator[Int(passage)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        var ranked = top.sorted()
        var baseScore: [Int32: Float] = [:]
        if rerank, let proximity {
            for (score, passage) in ranked { baseScore[passage] = score }
            let terms = known.map(\.0), termWeights = known.map(\.1)
            var reranked = TopK(k)
            for (score, passage) in ranked {
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

    /// Adds `weight × postingScore` of every posting of `t` to the accumulator.
    /// Generic over the model so that the hot loop is specialized for it (the
    /// existential is opened once per term, not called once per posting), and
    /// run over the flat arrays through buffer pointers.
    private func accumulate<Model: ScoringModel>(_ model: Model, term t: Int32, weight: Float) {
        let range = index.postings(t)
        let passages = index.postingPassage.buffer, frequencies = index.postingFrequency.buffer
        accumulator.withUnsafeMutableBufferPointer { scores in
            for p in range {
                let passage = passages[p]
                let i = Int(passage)
                if scores[i] == 0 { touched.append(passage) }
                scores[i] += weight * model.postingScore(frequency: frequencies[p], passage: passage)
            }
        }
    }
}
