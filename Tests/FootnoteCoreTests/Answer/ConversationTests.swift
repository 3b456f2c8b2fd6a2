import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// How a `Conversation` reads each turn over the bundled essay, corrections,
/// and `:open`'s context.
@Suite struct ConversationTests {
    let engine: AnswerEngine

    init() throws {
        engine = AnswerEngine(corpus: try CorpusLoader().load(seedCorpusPath))
    }

    func topText(_ answer: Answer) -> String {
        answer.items.first.flatMap { try? engine.corpus.passageText($0.passage).get() } ?? ""
    }

    @Test func ellipticalFollowUpLeansOnTheEarlierTurns() {
        let conversation = Conversation(engine: engine)
        let first = conversation.ask("What is open source AI?", top: 3)
        #expect(first.reading == .alone && first.carried.isEmpty)
        #expect(topText(engine.answer("examples?", top: 3)).contains("Commercial large language models"))
        let followUp = conversation.ask("examples?", top: 3)
        #expect(followUp.reading == .followUp)
        #expect(topText(followUp).contains("LLaMA"))
        #expect(followUp.carriedWords.contains("open"))
        // The subject's words carry at σ, less than a word of the question's own.
        #expect(followUp.carried.contains { $0.term.word == "open" && $0.weight > 0 && $0.weight < 1 })
        #expect(followUp.query?.terms.first { $0.word == "examples" }?.boost == 1)
        #expect(conversation.turns.map(\.reading) == [.alone, .followUp])
    }

    /// A complete question on another part of the essay is answered as if
    /// asked alone, whatever came before.
    @Test func completeQuestionAfterAnUnrelatedOneStandsAlone() {
        let conversation = Conversation(engine: engine)
        _ = conversation.ask("Why does open source AI foster rapid innovation?", top: 3)
        let question = "How do people access closed models?"
        let answer = conversation.ask(question, top: 3)
        let alone = engine.answer(question, top: 3)
        #expect(answer.reading == .alone && answer.carried.isEmpty && answer.carriedWords.isEmpty)
        #expect(answer.items.first?.passage == alone.items.first?.passage)
        #expect(topText(answer).contains("accessed via APIs"))
    }

    /// "and closed AI?" after "when does open source AI excel?" replaces
    /// "open source", the words it contrasts with, instead of adding to them.
    @Test func contrastReplacesTheContrastedWords() {
        let conversation = Conversation(engine: engine)
        let first = conversation.ask("When does open source AI excel?", top: 3)
        #expect(topText(first).contains("Research and experimentation"))
        let contrast = conversation.ask("and closed AI?", top: 3)
        #expect(contrast.reading == .contrast)
        #expect(contrast.replacedWords == ["open", "source"])
        #expect(!contrast.carried.contains { ["open", "source"].contains($0.term.word) })
        #expect(topText(contrast).contains("Plug-and-play solutions"), "\(topText(contrast))")
    }

    /// "yes" answers the bot: it is not searched for, and keeps the topic.
    @Test func replyKeepsTheTopic() {
        let conversation = Conversation(engine: engine)
        _ = conversation.ask("What is open source AI?", top: 3)
        let reply = conversation.ask("Yes, I am", top: 3)
        #expect(reply.reading == .reply)
        #expect(!reply.items.isEmpty)
        #expect(reply.query?.terms.contains { $0.text == "yes" } == false)
        #expect(reply.carried.contains { $0.term.word == "open" })
        #expect(conversation.turns.last?.reading == .reply && conversation.turns.last?.terms.isEmpty == true)
        // A reply's words are not the subject: the next follow-up still leans on the first question.
        let next = conversation.ask("examples?", top: 3)
        #expect(next.reading == .followUp && next.carried.contains { $0.term.word == "open" })
        #expect(topText(next).contains("LLaMA"))
    }

    @Test func courtesyAsksNothingAndResetForgets() {
        let conversation = Conversation(engine: engine)
        _ = conversation.ask("What is open source AI?", top: 3)
        #expect(conversation.ask("thanks!", top: 3).notice == .nothingAsked)
        #expect(conversation.turns.count == 1)
        conversation.reset()
        #expect(conversation.turns.isEmpty && !conversation.canContinue)
        let alone = conversation.ask("examples?", top: 3)
        #expect(alone.reading == .alone && alone.carried.isEmpty)
    }

    /// `more` ranks the last question again with the same carried words and pages.
    @Test func moreContinuesTheSameQuery() throws {
        let conversation = Conversation(engine: engine)
        _ = conversation.ask("What is open source AI?", top: 3)
        let followUp = conversation.ask("examples?", top: 2)
        let more = try #require(conversation.more(top: 5))
        #expect(more.reading == followUp.reading)
        #expect(more.carried == followUp.carried)
        #expect(Array(more.items.prefix(2).map(\.passage)) == followUp.items.map(\.passage))
        #expect(conversation.turns.count == 2)
    }

    /// Words of earlier turns weigh ρ·γ^distance, the subject's at least σ.
    @Test func carriedWeightsDecayWithDistance() {
        var options = Conversation.Options()
        options.subjectWeight = 0.4
        options.recentWeight = 0.6
        options.decay = 0.5
        let conversation = Conversation(engine: engine, options: options)
        _ = conversation.ask("transparency", top: 1)
        _ = conversation.ask("collaboration", top: 1)
        _ = conversation.ask("customization", top: 1)
        let weights = Dictionary(
            uniqueKeysWithValues: conversation.carriedWords(except: [], replacing: []).map { ($0.term.word, $0.weight) })
        #expect(weights["customization"] == 0.6)
        #expect(weights["collaboration"] == 0.3)
        #expect(weights["transparency"] == 0.4)  // the subject: max(σ, ρ·γ²) = max(0.4, 0.15)
    }

    @Test func pageOfABEIRPassageIsItsTitlesFirstPart() throws {
        let folder = TemporaryFolder()
        folder.write(
            "corpus.jsonl",
            """
            {"_id": "a1", "title": "Loans › Repayment", "text": "Repay your loan monthly."}
            {"_id": "a2", "title": "Loans › Forgiveness", "text": "Some loans are forgiven."}
            {"_id": "b1", "title": "Licenses", "text": "Renew your license online."}
            """)
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.path + "/corpus.jsonl"))
        let conversation = Conversation(engine: engine)
        let pages = (0..<3).map { conversation.page(of: $0) }
        #expect(pages[0] == pages[1] && pages[0].title == "Loans" && pages[2].title == "Licenses")
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
