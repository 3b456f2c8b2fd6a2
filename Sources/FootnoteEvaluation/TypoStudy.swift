import FootnoteSearch
import FootnoteAnswer

/// Measures typo tolerance (`SpellingCorrector`): Success@1 (the top passage
/// is judged relevant) on questions as written, then with one content word
/// misspelled (`Misspeller`), searched with correction and without.
///
/// Protocol: the judged questions are shuffled with `seed`; the first
/// `count` that have a content word are misspelled, one slip each. All three
/// runs read the questions as plain text (no `QuerySyntax`), so only the
/// spelling differs.
public struct TypoStudy {
    /// The questions as misspelled, in the order asked, with their ids.
    public private(set) var misspellings: [(id: String, misspelling: Misspeller.Misspelling)] = []
    /// Success@1 as written, misspelled and corrected, misspelled and not corrected.
    public private(set) var asWritten = 0.0
    public private(set) var corrected = 0.0
    public private(set) var uncorrected = 0.0
    /// Misspelled words corrected back to the word as written (folded).
    public private(set) var restored = 0

    public init(engine: AnswerEngine, queries: [BEIRQuery], qrels: Qrels, count: Int = 500, seed: UInt64 = 1) {
        var random = Misspeller(seed: seed)
        var judged = queries.filter { qrels.grades[$0.id]?.values.contains { $0 > 0 } ?? false }
        // Fisher–Yates, from the same generator.
        if judged.count > 1 {
            for i in stride(from: judged.count - 1, to: 0, by: -1) { judged.swapAt(i, random.next(below: i + 1)) }
        }
        let searcher = engine.searcher, index = engine.index, corrector = engine.corrector
        func success(_ query: Query, _ id: String) -> Double {
            guard let top = searcher.search(query, top: 1).hits.first, let passage = engine.corpus.passages.id(Int(top.passage))
            else { return 0 }
            return (qrels.grades[id]?[passage] ?? 0) > 0 ? 1 : 0
        }
        var sums = (0.0, 0.0, 0.0)
        for q in judged {
            guard misspellings.count < count else { break }
            guard let m = random.misspell(q.text, analyzer: searcher.analyzer, index: index) else { continue }
            misspellings.append((q.id, m))
            sums.0 += success(Query(q.text, analyzer: searcher.analyzer, index: index), q.id)
            let fixed = Query(m.question, analyzer: searcher.analyzer, index: index, corrector: corrector)
            sums.1 += success(fixed, q.id)
            sums.2 += success(Query(m.question, analyzer: searcher.analyzer, index: index), q.id)
            if fixed.corrections.contains(where: { $0.replacement == String(decoding: Query.folded(m.word), as: UTF8.self) }) {
                restored += 1
            }
        }
        let n = Double(max(misspellings.count, 1))
        (asWritten, corrected, uncorrected) = (sums.0 / n, sums.1 / n, sums.2 / n)
    }
}
