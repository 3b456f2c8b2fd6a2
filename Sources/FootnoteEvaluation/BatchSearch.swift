import FootnoteSearch
import FootnoteAnswer

/// Runs many questions through one `AnswerEngine`, timing each, as
/// `anchors.py run` measures the reference engines: one untimed warm-up pass,
/// then one query at a time, question string → ranked list.
public struct BatchSearch {
    public struct Result {
        /// The ranked list of each query, in query order (six-decimal scores, trec order).
        public var run: TRECRun
        /// Hits per query, in query order.
        public var hits: [[Searcher.Hit]]
        /// Per-query latency in milliseconds, in query order.
        public var latenciesMs: [Double]
    }

    public let engine: AnswerEngine

    public init(engine: AnswerEngine) { self.engine = engine }

    /// The id a run file uses for a passage: its BEIR `_id`, or `file:line`.
    public func documentID(_ passage: Int) -> String {
        let passages = engine.corpus.passages
        return passages.id(passage)
            ?? "\(engine.corpus.documents[Int(passages.documents[passage])].citedPath):\(passages.bounds(passage).lines.lowerBound)"
    }

    public func run(
        _ queries: [BEIRQuery], top k: Int, warmupPasses: Int = 1,
        clock: () -> Double
    ) -> Result {
        for _ in 0..<warmupPasses {
            for q in queries { _ = engine.searcher.search(q.text, top: k, evidence: false) }
        }
        var hits: [[Searcher.Hit]] = []
        var latencies: [Double] = []
        hits.reserveCapacity(queries.count)
        latencies.reserveCapacity(queries.count)
        for q in queries {
            let start = clock()
            let result = engine.searcher.search(q.text, top: k, evidence: false)
            latencies.append((clock() - start) * 1000)
            hits.append(result.hits)
        }
        var run = TRECRun()
        for (q, list) in zip(queries, hits) {
            let entries = list.map { TRECRun.Entry(document: documentID(Int($0.passage)), score: TRECRun.stored($0.score)) }
            run.rankings[q.id] = RetrievalMetrics.trecOrder(entries)
        }
        return Result(run: run, hits: hits, latenciesMs: latencies)
    }

    /// Nearest-rank percentile (`anchors.py`'s `pct`): the value at rank ⌈p·n/100⌉.
    public static func percentile(_ p: Double, of values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count) / 100).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
