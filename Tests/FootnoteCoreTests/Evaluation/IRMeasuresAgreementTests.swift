import Foundation
import Testing
@testable import FootnoteEvaluation

/// Our metrics against values ir_measures 0.4.3 (pytrec_eval) computed for the
/// same run files, the way `anchors.py evaluate` calls it. Fixtures:
/// `Tests/Fixtures/metrics/` — Cranfield queries 1-20 of a bm25s run (with
/// score ties), and `ties/`, a hand-made run whose rank column contradicts
/// trec_eval's order (score descending, then docid descending).
@Suite struct IRMeasuresAgreementTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/metrics").path

    func check(_ folder: String) throws {
        let run = TRECRun.parse(try String(contentsOfFile: folder + "/run.trec", encoding: .utf8))
        let qrels = try Qrels.read(folder + "/qrels.tsv")
        let expected = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json"))) as? [String: Any])
        let names: [(RetrievalMetrics.Measure, String)] = [
            (.nDCG10, "nDCG@10"), (.map100, "AP@100"), (.recall100, "R@100"), (.precision10, "P@10"),
        ]
        let mean = try #require(expected["mean"] as? [String: Double])
        for (measure, name) in names {
            let ours = RetrievalMetrics.mean(measure, run: run, qrels: qrels)
            #expect(abs(ours - mean[name]!) < 1e-9, "\(name): \(ours) vs \(mean[name]!)")
        }
        let perQuery = try #require(expected["per_query"] as? [String: [String: Double]])
        for (q, values) in perQuery {
            for (measure, name) in names {
                let ours = RetrievalMetrics.value(measure, ranking: run.rankings[q] ?? [], grades: qrels.grades[q] ?? [:])
                #expect(abs(ours - values[name]!) < 1e-9, "query \(q) \(name)")
            }
        }
    }

    @Test func cranfieldSampleAgreesWithIRMeasures() throws { try check(Self.fixtures) }

    @Test func tieBreakingAgreesWithTrecEval() throws { try check(Self.fixtures + "/ties") }
}
