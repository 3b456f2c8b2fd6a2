import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteAnswer
@testable import FootnoteEvaluation

@Suite struct TypoStudyTests {
    static let sample = repositoryRoot.appendingPathComponent("Tests/Fixtures/squad-sample").path

    @Test func misspellerSlipsOneContentWordReproducibly() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(Self.sample + "/corpus.jsonl"))
        let question = "Which team won the championship game in Santa Clara?"
        var first = Misspeller(seed: 7), second = Misspeller(seed: 7)
        var slips = Set<Misspeller.Slip>()
        for _ in 0..<30 {
            let made = first.misspell(question, analyzer: engine.searcher.analyzer, index: engine.index)
            let again = second.misspell(question, analyzer: engine.searcher.analyzer, index: engine.index)
            #expect(made == again)
            let a = try #require(made)
            slips.insert(a.slip)
            #expect(["team", "championship", "game", "santa", "clara"].contains(a.word.lowercased()))
            #expect(a.misspelled != a.word && a.question.replacingOccurrences(of: a.misspelled, with: a.word) == question)
            let grown = a.misspelled.count - a.word.count
            switch a.slip {
            case .swap: #expect(grown == 0 && a.misspelled.sorted() == a.word.sorted())
            case .drop: #expect(grown == -1)
            case .double: #expect(grown == 1)
            }
        }
        #expect(slips == Set(Misspeller.Slip.allCases))
        let none = first.misspell("What is it?", analyzer: engine.searcher.analyzer, index: engine.index)
        #expect(none == nil)
    }

    /// The bar, on the committed sample: Success@1 with one word
    /// misspelled per question stays within 5 points of Success@1 as
    /// written. (The full SQuAD-dev figures are in README.md: `footnote eval --typos 500`.)
    @Test func correctionKeepsSuccessWithinFivePoints() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(Self.sample + "/corpus.jsonl"))
        let study = TypoStudy(
            engine: engine, queries: try BEIRQueries.read(Self.sample + "/queries.jsonl"),
            qrels: try Qrels.read(Self.sample + "/qrels.tsv"), count: 300, seed: 1)
        #expect(study.misspellings.count == 300)
        #expect(study.asWritten - study.corrected <= 0.05, "as written \(study.asWritten), corrected \(study.corrected)")
        // The misspellings do hurt when left alone: the correction is what holds Success@1.
        #expect(study.asWritten - study.uncorrected > 0.05, "uncorrected \(study.uncorrected)")
        #expect(study.restored > 200)
    }

    static let squadDev = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/squad-dev").path

    /// The measurement itself, when the collection is beside the project:
    /// 500 seeded misspellings on SQuAD-dev, within 5 points of as written.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: squadDev + "/qrels.tsv"), "needs ../shared/data/squad-dev"))
    func squadDevFiveHundredMisspellings() throws {
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        let engine = AnswerEngine(corpus: try CorpusLoader().load(Self.squadDev + "/corpus.jsonl"), options: options)
        let study = TypoStudy(
            engine: engine, queries: try BEIRQueries.read(Self.squadDev + "/queries.jsonl"),
            qrels: try Qrels.read(Self.squadDev + "/qrels.tsv"), count: 500, seed: 1)
        #expect(study.misspellings.count == 500)
        #expect(study.asWritten - study.corrected <= 0.05, "as written \(study.asWritten), corrected \(study.corrected)")
    }
}
