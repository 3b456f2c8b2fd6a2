import Testing
@testable import FootnoteAnalysis
@testable import FootnoteAnswer

@Suite struct AnswerCueTests {
    @Test func readsTheKindOfAnswerFromQuestionWords() {
        #expect(AnswerCue(question: "When was Operation Market Garden?") == .time)
        #expect(AnswerCue(question: "In what year did the Normans arrive?") == .time)
        #expect(AnswerCue(question: "How many people live in Warsaw?") == .quantity)
        #expect(AnswerCue(question: "What percentage of voters agreed?") == .quantity)
        #expect(AnswerCue(question: "Who won Super Bowl 50?") == .name)
        #expect(AnswerCue(question: "The Normans came from where?") == .place)
        #expect(AnswerCue(question: "Which team won the AFC title?") == .name)
        #expect(AnswerCue(question: "What was the name of the ship?") == .name)
        #expect(AnswerCue(question: "In what country is Normandy?") == .place)
        #expect(AnswerCue(question: "What is the capital of France?") == nil)
        #expect(AnswerCue(question: "How do people access closed models?") == nil)
        #expect(AnswerCue(question: "Why is transparency important?") == nil)
    }

    func words(_ cue: AnswerCue, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { cue.candidates(in: $0) }.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func findsCandidateWordsOfEachKind() {
        #expect(words(.time, "It began in September 1944 and ended in the 1950s, after 12 days.") == ["September", "1944", "1950s"])
        #expect(words(.quantity, "About 1.7 million people, or two thirds, live there.") == ["1", "7", "million", "two"])
        // Capitalized words that do not start a sentence.
        #expect(words(.name, "The game was won by the Denver Broncos. Fans cheered.") == ["Denver", "Broncos"])
    }

    @Test func excerptCutsKeepTheSideWithTheAskedForWord() {
        let analyzer = Analyzer()
        var weights: [String: Float] = [:]
        for t in analyzer.terms("When was the bridge at Nijmegen captured?") { weights[t] = 1 }
        // "1944" stands about 100 bytes before the matches: outside the default cut, inside the budget.
        let text =
            "After a long approach in 1944 through flooded fields and towns along the river, the allied "
            + "paratroopers finally captured the bridge at Nijmegen, which was then held for several days by a small garrison while the armoured "
            + "columns moved north along the single road toward Arnhem and the last bridge over the lower Rhine."
        let builder = ExcerptBuilder(maxCharacters: 150)
        let plain = builder.excerpt(of: text, termWeights: weights, analyzer: analyzer)
        #expect(!plain.text.contains("1944"))
        let withCue = builder.excerpt(of: text, termWeights: weights, analyzer: analyzer, cue: .time)
        #expect(withCue.text.contains("1944"))
        #expect(withCue.text.contains("captured the bridge at Nijmegen"))
    }

    @Test func aClusterNearAnAskedForWordWinsATie() {
        let analyzer = Analyzer()
        var weights: [String: Float] = [:]
        for t in analyzer.terms("When did the bridge open?") { weights[t] = 1 }
        // Two equally dense clusters; without a cue the earlier one wins.
        let text = "The bridge opened to praise from engineers. Nobody doubted it at all. The bridge opened in 1932 to traffic."
        let builder = ExcerptBuilder(maxCharacters: 45, extendWithContext: false, clusterCharacters: 30)
        #expect(builder.excerpt(of: text, termWeights: weights, analyzer: analyzer).text == "The bridge opened to praise from engineers.")
        #expect(
            builder.excerpt(of: text, termWeights: weights, analyzer: analyzer, cue: .time).text == "The bridge opened in 1932 to traffic.")
    }
}
