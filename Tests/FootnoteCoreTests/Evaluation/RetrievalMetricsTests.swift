import Foundation
import Testing
@testable import FootnoteEvaluation

/// Metrics against values computed by hand from trec_eval's definitions.
@Suite struct RetrievalMetricsTests {
    typealias E = TRECRun.Entry

    // Query q1: graded judgments; the run retrieves d3 (2), d9 (0), d1 (3), d7 (unjudged).
    let grades = ["d1": 3, "d2": 1, "d3": 2, "d4": 0]
    let ranking = [E(document: "d3", score: 4), E(document: "d9", score: 3), E(document: "d1", score: 2), E(document: "d7", score: 1)]

    @Test func ndcgAt10() {
        // DCG = 2/log2(2) + 0 + 3/log2(4) + 0 = 2 + 1.5; IDCG = 3 + 2/log2(3) + 1/log2(4).
        let expected = 3.5 / (3 + 2 / log2(3.0) + 0.5)
        #expect(abs(RetrievalMetrics.value(.nDCG10, ranking: ranking, grades: grades) - expected) < 1e-12)
    }

    @Test func averagePrecisionRecallPrecisionSuccess() {
        // Relevant: d1, d2, d3 (R = 3). Hits at ranks 1 and 3: AP = (1/1 + 2/3) / 3.
        #expect(abs(RetrievalMetrics.value(.map100, ranking: ranking, grades: grades) - (1 + 2.0 / 3) / 3) < 1e-12)
        #expect(abs(RetrievalMetrics.value(.recall100, ranking: ranking, grades: grades) - 2.0 / 3) < 1e-12)
        #expect(RetrievalMetrics.value(.precision10, ranking: ranking, grades: grades) == 0.2)  // divides by 10, not by 4
        #expect(RetrievalMetrics.value(.success1, ranking: ranking, grades: grades) == 1)
        let late = [E(document: "x", score: 9), E(document: "y", score: 8)] + ranking
        #expect(RetrievalMetrics.value(.success1, ranking: late, grades: grades) == 0)
        #expect(RetrievalMetrics.value(.success5, ranking: late, grades: grades) == 1)
    }

    @Test func tiesAreOrderedByDocumentIDDescendingWhateverTheInputOrder() {
        // Equal scores: trec_eval puts "d3" before "d1".
        let tied = [E(document: "d1", score: 1), E(document: "d3", score: 1)]
        #expect(RetrievalMetrics.trecOrder(tied).map(\.document) == ["d3", "d1"])
        #expect(RetrievalMetrics.value(.success1, ranking: tied, grades: ["d1": 1]) == 0)
        #expect(RetrievalMetrics.value(.success1, ranking: tied, grades: ["d3": 1]) == 1)
    }

    @Test func meansCoverJudgedQueriesAndCountMissingOnesAsZero() {
        let qrels = Qrels(["q1": grades, "q2": ["a": 1], "q3": ["b": 0]])  // q3 has nothing relevant: not judged
        #expect(qrels.judgedQueries == ["q1", "q2"])
        let run = TRECRun(["q1": ranking, "q3": [E(document: "b", score: 1)]])
        #expect(RetrievalMetrics.mean(.success1, run: run, qrels: qrels) == 0.5)
    }

    @Test func runFilesRoundTripWithSixDecimals() {
        let text = TRECRun.lines(
            query: "q1", entries: [E(document: "d3", score: 4.25), E(document: "d9", score: TRECRun.stored(0.1234567))])
        #expect(text == "q1 Q0 d3 1 4.250000 footnote\nq1 Q0 d9 2 0.123457 footnote\n")
        let parsed = TRECRun.parse(text)
        #expect(parsed.rankings["q1"] == [E(document: "d3", score: 4.25), E(document: "d9", score: 0.123457)])
    }

    @Test func qrelsReadBEIRAndTRECLayouts() throws {
        let folder = TemporaryFolder()
        let beir = folder.write("qrels.tsv", "query-id\tcorpus-id\tscore\n1\t184\t2\n1\t29\t4\n2\t12\t0\n")
        #expect(try Qrels.read(beir).grades == ["1": ["184": 2, "29": 4], "2": ["12": 0]])
        let trec = folder.write("qrels.txt", "1 0 184 2\n")
        #expect(try Qrels.read(trec).grades == ["1": ["184": 2]])
        let bad = folder.write("bad.tsv", "query-id\tcorpus-id\tscore\n1\t2\tx\n")
        #expect(throws: EvaluationInputError(path: bad, line: 2, reason: "grade 'x' is not an integer")) { try Qrels.read(bad) }
    }

    @Test func excerptContainmentNormalizesCaseAndWhitespace() {
        #expect(ExcerptMetrics.contains("…the  Denver\nBroncos won…", anyOf: ["denver broncos"]))
        #expect(!ExcerptMetrics.contains("Denver won", anyOf: ["Denver Broncos", ""]))
        #expect(ExcerptMetrics.length(" a  b\n c ") == 5)
    }
}
