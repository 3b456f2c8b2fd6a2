import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// The words of the asking are left out of questions (`AskingWords`), not out of the text.
@Suite struct AskingWordsTests {
    let engine: AnswerEngine
    let folder = TemporaryFolder()

    init() throws {
        folder.write(
            "notes.txt",
            """
            Closed models are accessed through paid APIs.

            Thank you notes would please anyone; say it with a card.

            Open models can be downloaded and run locally.
            """)
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        engine = AnswerEngine(
            corpus: try CorpusLoader(passageBuilder: PassageBuilder(sectionWords: 0, minWords: 0)).load(folder.path),
            options: options)
    }

    func terms(_ question: String, syntax: Bool = true) -> [String] {
        Query(question, analyzer: engine.searcher.analyzer, index: engine.searcher.index, syntax: syntax).terms.map(\.text)
    }

    @Test func theAskingIsNotTheSubject() {
        let plain = terms("how are closed models accessed?")
        #expect(terms("Hi! Could you tell me how closed models are accessed? Thanks") == plain)
        #expect(terms("I would like to know how closed models are accessed", syntax: false) == plain)
        // Interjections and hedges of speech are no more the subject ("um, tell me something about…").
        #expect(terms("Oh, um, maybe tell me something about how closed models are really accessed, hmm?") == plain)
        #expect(engine.answer("Hello, could you please say how closed models are accessed?", top: 1).items.first?.citation.lines == 1...1)
    }

    /// "thanks" asks nothing, and is not a follow-up on the last question
    /// either; a question of stop and asking words alone still says so.
    @Test func courtesyAloneAsksNothing() throws {
        let conversation = Conversation(engine: engine)
        _ = conversation.ask("how are closed models accessed?", top: 1)
        for turn in ["Thank you!", "ok, great", "Hi", "thanks, that would be great"] {
            let answer = conversation.ask(turn, top: 3)
            #expect(answer.notice == .nothingAsked, "\(turn)")
            #expect(answer.items.isEmpty && answer.carriedWords.isEmpty)
        }
        #expect(engine.answer("could you tell me?", top: 3).notice == .onlyStopWords)
        #expect(!conversation.ask("Could you tell me more?", top: 3).items.isEmpty)  // a follow-up, as before
        #expect(AskingWords.isCourtesyOnly("Thanks!") && !AskingWords.isCourtesyOnly("thanks, and open models?"))
    }

    @Test func quotedOrRequiredTheyAreSearchedFor() {
        #expect(engine.answer("\"thank you\"", top: 3).items.first?.citation.lines == 3...3)
        #expect(engine.answer("+please", top: 3).items.first?.citation.lines == 3...3)
        #expect(AskingWords.english.allSatisfy { w in Array(w.utf8).withUnsafeBufferPointer { AskingWords.contains(folded: $0) } })
        #expect(Array("WOULD".utf8).withUnsafeBufferPointer { AskingWords.contains(surface: $0) })
    }
}
