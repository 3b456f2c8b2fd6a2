import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// The bundled essay, asked as a new user would (`Tests/Fixtures/essay/questions.tsv`:
/// one or two questions per section, each with a line its answer must cite, and
/// off-topic questions that must be declined), piped: each question alone.
@Suite struct EssayQuestionsTests {
    struct Case { var question: String; var line: Int? }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/essay/questions.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let cells = row.split(separator: "\t")
            return Case(question: String(cells[0]), line: Int(cells[1]))
        }
    }

    @Test func everyOnTopicQuestionCitesItsAnswerFirstAndOffTopicOnesAreDeclined() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(seedCorpusPath))
        let cases = try Self.cases()
        #expect(cases.filter { $0.line != nil }.count >= 30 && cases.filter { $0.line == nil }.count >= 8)
        for c in cases {
            let answer = engine.answer(c.question, top: 3)
            if let line = c.line {
                let top = answer.items.first?.citation.lines
                #expect(top?.contains(line) == true, "\(c.question): cited \(String(describing: top)), confidence \(answer.confidence)")
            } else {
                #expect(answer.items.isEmpty, "\(c.question): answered (confidence \(answer.confidence))")
            }
        }
    }

    /// An everyday word the essay lacks ("people") does not sink a strong
    /// match: in a corpus this small it counts a quarter against the confidence.
    @Test(.enabled(if: EnglishWordList.shared != nil, "needs Debian's wamerican (/usr/share/dict/american-english)"))
    func anEverydayWordTheCorpusLacksDoesNotSinkTheAnswer() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(seedCorpusPath))
        let with = engine.answer("How do people access closed models?", top: 1)
        let without = engine.answer("How do access closed models?", top: 1)
        #expect(with.items.first?.citation.lines == 27...35)
        #expect(with.confidence >= AnswerEngine.Options().minConfidence && with.confidence > 0.7 * without.confidence)
        let named = engine.answer("How do Zorblax access closed models?", top: 1)  // a name the corpus lacks counts in full
        #expect(named.confidence < with.confidence)
    }
}

/// The same text in two files (a page and its copy) is cited once, the
/// other listed with it, and the answer still shows `top` distinct passages.
@Suite struct SameTextTests {
    @Test func aTextInTwoFilesIsCitedOnce() throws {
        let f = TemporaryFolder()
        f.write("a.md", "# Kettles\n\nA kettle boils water for tea. Vinegar removes limescale from kettles.\n")
        f.write("b.md", "# Kettles\n\nA  kettle boils water for tea.\nVinegar removes LIMESCALE from kettles.\n")
        f.write("c.md", "# Other\n\nLimescale is calcium carbonate; vinegar dissolves it.\n")
        f.write("d.md", "# Third\n\nDescaling with vinegar leaves limescale soft.\n")
        let engine = AnswerEngine(corpus: try CorpusLoader().load(f.path))
        let answer = engine.answer("what removes limescale", top: 3)
        #expect(answer.items.map(\.citation.file) == ["a.md", "c.md", "d.md"])
        #expect(answer.items.map(\.rank) == [1, 2, 3])
        #expect(answer.items[0].alsoIn.map(\.location) == ["b.md:3-4"])
        #expect(answer.items[1].alsoIn.isEmpty)
    }
}
