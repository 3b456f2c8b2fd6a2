/// Ranks passages for a query: the best `max(k, rerankDepth)` by the model's
/// score (`ScoreAccumulator`, or `SingleTermBlockMax` for a single long list), then the
/// proximity bonus re-ranks them and the best `k` are kept.
///
/// Not thread-safe (its analyzer and accumulator keep state); make one per thread.
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
        // Known terms with the most each can add to a score (the proximity
        // bonus's scale), and those of them with a positive weight, ranked by.
        var known: [(Int32, Float)] = [], scored: [WeightedTerm] = []
        for (term, weight) in zip(query.terms, weights) {
            guard let t = term.id else { continue }
            let bound = weight * model.maxPostingScore(term: t)
            known.append((t, bound))
            if weight > 0 { scored.append(WeightedTerm(id: t, weight: weight, bound: bound, order: scored.count)) }
        }
        let rerank = proximity != nil && known.count > 1 && k > 0
        let top = self.top(scored, depth: rerank ? max(k, rerankDepth) : k)
        let byScore = top.sorted()
        var ranked = byScore
        if rerank, let proximity {
            let terms = known.map(\.0), termWeights = known.map(\.1)
            // Candidates come best first: once even the largest possible bonus
            // cannot lift one to the k-th best, none after it can rise either.
            let largestBonus = proximity.maximum(weights: termWeights) * (1 + 1e-5)
            // The lists the accumulator decoded for this query, when it ran.
            let postings = index.postings(of: terms, in: byScore.map(\.passage),
                                          decoded: { self.accumulated ? self.accumulator.decodedList($0) : nil })
            var reranked = TopK(k)
            postings.withUnsafeBufferPointer { postings in
                for (c, (score, passage)) in byScore.enumerated() {
                    if score + largestBonus < reranked.threshold { break }
                    let row = UnsafeBufferPointer(rebasing: postings[(c * terms.count)..<((c + 1) * terms.count)])
                    // The most this passage's own terms can earn: when even that
                    // cannot lift it into the top k, its positions are not read.
                    if score + proximity.maximum(postings: row, weights: termWeights) * (1 + 1e-5) < reranked.threshold { continue }
                    reranked.insert(score + proximity.bonus(postings: row, weights: termWeights, index: index), passage)
                }
            }
            ranked = reranked.sorted()
        }
        let hits = ranked.map { Hit(passage: $0.passage, score: $0.score) }
        var confidence: Float = 0
        if let best = hits.first {
            // Judged on the ranking score alone: the proximity bonus reorders, it does not vouch.
            let ceiling = model.ceiling(terms: query.terms.map(\.id), queryWeights: weights)
            let base = byScore.first { $0.passage == best.passage }?.score ?? best.score
            confidence = ceiling > 0 ? min(1, base / ceiling) : 0
        }
        return Result(query: query, hits: hits, weights: weights, confidence: confidence)
    }

    /// Made at the first query that needs it.
    private lazy var accumulator = ScoreAccumulator(passageFactor: model.passageFactor)
    /// Whether the last top k came from `accumulator` (whose decoded lists
    /// are then this query's).
    private var accumulated = false

    /// Runs the retrieval strategy specialized for the concrete model, so that
    /// the posting score is inlined in its loop rather than called through the protocol.
    private func top(_ terms: [WeightedTerm], depth: Int) -> TopK {
        if let bm25 = model as? BM25 { return top(terms, depth: depth, model: bm25) }
        if let tfidf = model as? TFIDFCosine { return top(terms, depth: depth, model: tfidf) }
        return open(model, terms, depth: depth)
    }

    private func open<Model: ScoringModel>(_ model: Model, _ terms: [WeightedTerm], depth: Int) -> TopK {
        top(terms, depth: depth, model: model)
    }

    /// The exact top `depth` by the faster of two strategies, measured on
    /// the kernel corpus (BENCHMARKS.md): block-max skipping for one term
    /// whose list is long against the depth (its block maxima skip most of
    /// the list: 2× faster at k=10); the accumulator otherwise (a
    /// document-at-a-time MaxScore was 2–3× slower at depth 200, where the
    /// re-rank's deep θ prunes little, and at k=10 for two terms or more).
    private func top<Model: ScoringModel>(_ terms: [WeightedTerm], depth: Int, model: Model) -> TopK {
        accumulated = false
        if terms.count == 1 && index.documentFrequency(terms[0].id) > Self.singleTermSkipRatio * depth {
            return SingleTermBlockMax.top(terms[0], depth: depth, model: model, index: index)
        }
        accumulated = true
        return accumulator.top(terms, depth: depth, model: model, index: index)
    }

    /// A single term's list must be this many times the depth for `SingleTermBlockMax` to be chosen.
    static let singleTermSkipRatio = 16
}
