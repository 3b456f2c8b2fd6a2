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
    private var accumulator: [Float]
    private var touched: [Int32] = []

    public init(index: InvertedIndex, model: any ScoringModel, analyzer: Analyzer? = nil) {
        self.index = index
        self.model = model
        self.analyzer = analyzer ?? Analyzer(settings: index.analyzerSettings)
        accumulator = [Float](repeating: 0, count: index.passageCount)
    }

    public func search(_ text: String, top k: Int) -> Result {
        search(Query(text, analyzer: analyzer, index: index), top: k)
    }

    public func search(_ query: Query, top k: Int) -> Result {
        let weights = model.queryWeights(
            documentFrequencies: query.terms.map { $0.id.map(index.documentFrequency) ?? 0 },
            queryFrequencies: query.terms.map(\.frequency))
        for (term, weight) in zip(query.terms, weights) {
            guard let t = term.id, weight > 0 else { continue }
            for p in index.postings(t) {
                let passage = index.postingPassage[p]
                let i = Int(passage)
                if accumulator[i] == 0 { touched.append(passage) }
                accumulator[i] += weight * model.postingScore(frequency: index.postingFrequency[p], passage: passage)
            }
        }
        var top = TopK(k)
        for passage in touched {
            let score = accumulator[Int(passage)]
            if score > 0 { top.insert(score, passage) }
            accumulator[Int(passage)] = 0
        }
        touched.removeAll(keepingCapacity: true)
        let hits = top.sorted().map { Hit(passage: $0.passage, score: $0.score) }
        let confidence = hits.first.map { model.confidence(score: $0.score, queryWeights: weights) } ?? 0
        return Result(query: query, hits: hits, weights: weights, confidence: confidence)
    }
}
