import FootnoteAnswer

/// The figures `footnote eval` prints for one run over a BEIR collection.
public struct EvaluationReport {
    /// (name, value) in print order: ranking metrics, then answer and excerpt
    /// figures when the queries carry gold answers.
    public private(set) var figures: [(String, Double)] = []

    /// - Parameters:
    ///   - engine: the engine that produced `result` (for top-1 passages and excerpts).
    ///   - result: `BatchSearch.run` over `queries`.
    public init(engine: AnswerEngine, queries: [BEIRQuery], qrels: Qrels, result: BatchSearch.Result) {
        for m in [RetrievalMetrics.Measure.nDCG10, .map100, .recall100, .precision10] {
            figures.append((m.rawValue, RetrievalMetrics.mean(m, run: result.run, qrels: qrels)))
        }
        let asked = queries.indices.filter { !queries[$0].answers.isEmpty }
        guard !asked.isEmpty else { return }
        for m in [RetrievalMetrics.Measure.success1, .success5] {
            figures.append((m.rawValue, RetrievalMetrics.mean(m, run: result.run, qrels: qrels)))
        }
        // Top-1 as trec_eval orders the run; its passage text and its excerpt.
        let passages = engine.corpus.passages
        var passageOf: [String: Int] = [:]
        for i in passages.indices { passageOf[passages.id(i) ?? ""] = i }
        var answerHits = 0, excerptHits = 0, excerptChars = 0, excerpts = 0
        for i in asked {
            let q = queries[i]
            guard let top = result.run.rankings[q.id]?.first, let p = passageOf[top.document] else { continue }
            // A passage whose text cannot be read counts as a miss (and an empty excerpt).
            guard case .success(let text) = engine.corpus.passageText(p),
                case .success(let excerpt) = engine.excerpt(question: q.text, passage: p)
            else { excerpts += 1; continue }
            if ExcerptMetrics.contains(text, anyOf: q.answers) { answerHits += 1 }
            if ExcerptMetrics.contains(excerpt.text, anyOf: q.answers) { excerptHits += 1 }
            excerptChars += ExcerptMetrics.length(excerpt.text)
            excerpts += 1
        }
        let n = Double(asked.count)
        figures.append(("answer@1", Double(answerHits) / n))
        figures.append(("excerpt@1", Double(excerptHits) / n))
        figures.append(("excerpt_chars", excerpts > 0 ? Double(excerptChars) / Double(excerpts) : 0))
    }

    public func value(_ name: String) -> Double? { figures.first { $0.0 == name }?.1 }
}
