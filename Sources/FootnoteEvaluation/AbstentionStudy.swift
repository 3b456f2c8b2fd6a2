import FootnoteCorpus
import FootnoteAnswer

/// Measures how well a confidence threshold separates questions the corpus
/// can answer from questions it cannot.
///
/// Protocol (leave one article out): passages are grouped by their title
/// (a SQuAD article). For every group, the questions whose gold passage lies
/// in it are asked twice: of the whole corpus (an answer exists: the bot
/// should answer) and of the corpus without that group (no answer exists: it
/// should decline). Each question is read as the bot reads it
/// (`AnswerEngine.read`: corrections, everyday words) and each ask records
/// the top hit's confidence (`Searcher.Result.confidence`) and, for
/// comparison, its coverage alone (the confidence before calibration). For
/// a threshold τ the bot answers when confidence ≥ τ.
public struct AbstentionStudy {
    /// Top-hit confidence per question with its article present.
    public private(set) var present: [Float] = []
    /// Top-hit confidence per question with its article left out (0: no hit).
    public private(set) var heldOut: [Float] = []
    /// The same asks' `Searcher.Result.coverage`.
    public private(set) var presentCoverage: [Float] = []
    public private(set) var heldOutCoverage: [Float] = []

    /// One point of the curve.
    public struct Point: Sendable, Equatable {
        public var threshold: Float
        /// Share of answerable questions answered.
        public var answered: Double
        /// Share of unanswerable questions declined.
        public var declined: Double
    }

    /// - Parameter whole: the engine over the whole corpus; each held-out
    ///   corpus gets an engine with its options.
    /// - Throws: when the passages' text (which each held-out index is built
    ///   from) cannot be read back from the corpus files.
    public init(whole: AnswerEngine, queries: [BEIRQuery], qrels: Qrels) throws(PassageTextFailure) {
        let corpus = try whole.corpus.withTexts().get(), options = whole.options
        let passages = corpus.passages
        var passageOf: [String: Int] = [:]
        for i in passages.indices { if let id = passages.id(i) { passageOf[id] = i } }
        let groupOf = passages.indices.map { passages.section($0).first ?? "" }
        // Questions by the group of their (first) relevant passage.
        var questions: [String: [BEIRQuery]] = [:]
        for q in queries {
            guard let gold = qrels.grades[q.id]?.first(where: { $0.value > 0 })?.key, let p = passageOf[gold] else { continue }
            questions[groupOf[p], default: []].append(q)
        }
        for group in questions.keys.sorted() {
            let asked = questions[group]!
            for q in asked {
                let result = whole.ranking(of: q.text)
                present.append(result.confidence)
                presentCoverage.append(result.coverage)
            }
            var rest = corpus
            var kept = PassageList.Builder()
            for i in passages.indices where groupOf[i] != group {
                kept.append(rows: i..<(i + 1), of: passages, document: passages.documents[i])
            }
            rest.passages = kept.build()
            let without = AnswerEngine(corpus: rest, options: options)
            for q in asked {
                let result = without.ranking(of: q.text)
                heldOut.append(result.confidence)
                heldOutCoverage.append(result.coverage)
            }
        }
    }

    /// The point for threshold `tau`.
    public func point(_ tau: Float) -> Point {
        Point(
            threshold: tau,
            answered: present.isEmpty ? 0 : Double(present.filter { $0 >= tau }.count) / Double(present.count),
            declined: heldOut.isEmpty ? 0 : Double(heldOut.filter { $0 < tau }.count) / Double(heldOut.count))
    }

    /// The share of unanswerable questions declined at the highest threshold
    /// that still answers `answered` of the answerable ones, judged by the
    /// confidence or (`coverage`) by the coverage alone: one point to
    /// compare the two by.
    public func declined(whenAnswering answered: Double, coverage: Bool = false) -> Double {
        let (yes, no) = coverage ? (presentCoverage, heldOutCoverage) : (present, heldOut)
        guard !yes.isEmpty, !no.isEmpty else { return 0 }
        let sorted = yes.sorted()
        let tau = sorted[min(sorted.count - 1, Int(Double(sorted.count) * (1 - answered)))]
        return Double(no.filter { $0 < tau }.count) / Double(no.count)
    }

    /// The curve at thresholds 0, 0.01, …, 0.5.
    public var curve: [Point] { (0...50).map { point(Float($0) / 100) } }

    /// The highest threshold on the curve that still answers at least
    /// `minimumAnswered` of the answerable questions.
    public func bestThreshold(minimumAnswered: Double = 0.95) -> Point? {
        curve.last { $0.answered >= minimumAnswered }
    }
}
