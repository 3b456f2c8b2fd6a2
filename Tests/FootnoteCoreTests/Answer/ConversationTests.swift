import Foundation
import Testing
@testable import FootnoteCore

/// Follow-up questions, corrections and `:open`'s context over the bundled corpus.
@Suite struct ConversationTests {
    let engine: AnswerEngine

    init() throws {
        engine = AnswerEngine(corpus: try CorpusLoader().load(seedCorpusPath))
    }

    func topText(_ answer: Answer) -> String {
        answer.items.first.flatMap { try? engine.corpus.passageText($0.passage).get() } ?? ""
    }

    @Test func shortFollowUpLeansOnTheLastTopic() {
        let first = engine.answer("What is open source AI?", top: 3)
        #expect(!first.topic.isEmpty)
        let alone = engine.answer("examples?", top: 3)
        let followUp = engine.answer("examples?", top: 3, context: first.topic)
        #expect(topText(alone).contains("Commercial large language models"))
        #expect(topText(followUp).contains("LLaMA"))
        #expect(followUp.carriedWords.contains("open"))
        #expect(followUp.query?.terms.contains { $0.boost == engine.options.carriedBoost } == true)
        // The follow-up's topic keeps what it used, at full weight.
        #expect(followUp.topic.contains { $0.word == "open" && $0.boost == 1 })
    }

    @Test func questionThatStandsAloneIgnoresTheContext() {
        let first = engine.answer("What is open source AI?", top: 3)
        let answer = engine.answer("Which organizations control proprietary systems and their internal workings?", top: 3,
                                   context: first.topic)
        #expect(answer.carriedWords.isEmpty)
        #expect(answer.query?.terms.allSatisfy { $0.boost == 1 } == true)
    }

    @Test func misspelledWordsAreCorrectedAndUnknownOnesNamed() {
        let answer = engine.answer("how do researchers examine systems for acountability?", top: 1)
        #expect(answer.corrections == [Query.Correction(word: "acountability", replacement: "accountability")])
        #expect(topText(answer).contains("supports accountability"))
        let unknown = engine.answer("qzxvy transparency", top: 1)
        #expect(unknown.unknownWords == ["qzxvy"] && unknown.corrections.isEmpty)
    }

    @Test func passageContextHasTheCitedLinesAndTheirNeighbours() throws {
        let answer = engine.answer("examples of closed AI models", top: 1)
        let item = try #require(answer.items.first)
        let context = try engine.corpus.context(ofPassage: item.passage, surrounding: 2).get()
        let cited = item.citation.lines
        #expect(context.lines.filter(\.inPassage).map(\.number) == Array(cited))
        #expect(context.lines.first?.number == max(1, cited.lowerBound - 2))
        #expect(context.lines.last?.number == cited.upperBound + 2)
        #expect(context.lines.filter(\.inPassage).map(\.text).joined(separator: " ").contains("Commercial large language models"))
    }
}
