import Testing
@testable import FootnoteCore

@Suite struct ExcerptBuilderTests {
    let analyzer = Analyzer()

    func excerpt(_ text: String, _ question: String, builder: ExcerptBuilder = ExcerptBuilder()) -> Excerpt {
        var weights: [String: Float] = [:]
        for t in analyzer.terms(question) { weights[t] = 1 }
        return builder.excerpt(of: text, termWeights: weights, analyzer: analyzer)
    }

    func highlighted(_ e: Excerpt) -> [String] {
        let scalars = Array(e.text.unicodeScalars)
        return e.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func picksTheSentencesThatCoverTheQuestion() {
        let text = "Cats sleep a lot. Dogs bark at night. The moon is bright tonight. Owls hunt at night too."
        let e = excerpt(text, "Why do dogs bark?")
        #expect(e.text == "Dogs bark at night.")
        #expect(highlighted(e) == ["Dogs", "bark"])
    }

    @Test func collapsesWhitespaceAndKeepsOffsetsInScalars() {
        let text = "Naïve   models\n  are   accessed\tvia APIs."
        let e = excerpt(text, "accessed naive models")
        #expect(e.text == "Naïve models are accessed via APIs.")
        #expect(highlighted(e) == ["Naïve", "models", "accessed"])
    }

    @Test func cutsALongSentenceAroundTheMatches() {
        let filler = String(repeating: "lorem ipsum dolor ", count: 30)
        let text = filler + "the quantum flux capacitor hums " + filler + "end."
        let e = excerpt(text, "quantum capacitor", builder: ExcerptBuilder(maxCharacters: 80))
        #expect(e.text.hasPrefix("…"))
        #expect(e.text.hasSuffix("…"))
        #expect(e.text.unicodeScalars.count <= 82)
        #expect(highlighted(e) == ["quantum", "capacitor"])
    }

    @Test func prefersTwoSentencesWhenTheQuestionSpansThem() {
        let text = "Alpha is first. Beta comes next. Gamma is unrelated here and rather long to read."
        #expect(excerpt(text, "alpha beta").text == "Alpha is first. Beta comes next.")
    }

    @Test func leadsWithTheOpeningWhenNothingMatches() {
        let e = excerpt("First sentence here. Second one. Third.", "zebra")
        #expect(e.text == "First sentence here. Second one. Third.")
        #expect(e.highlights.isEmpty)
    }

    @Test func listItemsDoNotCountAsSentences() {
        let text = "Examples include:\n\n  • Meta’s LLaMA (partially open)\n  • Stable Diffusion\n  • Various open-source transformer models"
        let e = excerpt(text, "examples of open source models")
        #expect(e.text == "Examples include: • Meta’s LLaMA (partially open) • Stable Diffusion • Various open-source transformer models")
        #expect(highlighted(e) == ["Examples", "open", "open", "source", "models"])
    }
}
