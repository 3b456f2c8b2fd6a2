import Testing
@testable import FootnoteAnalysis
@testable import FootnoteAnswer

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

    /// The sentences around the densest cluster alone: no context added.
    let clusterSentences = ExcerptBuilder(extendWithContext: false)

    @Test func picksTheSentencesThatCoverTheQuestion() {
        let text = "Cats sleep a lot. Dogs bark at night. The moon is bright tonight. Owls hunt at night too."
        let e = excerpt(text, "Why do dogs bark?", builder: clusterSentences)
        #expect(e.text == "Dogs bark at night.")
        #expect(highlighted(e) == ["Dogs", "bark"])
    }

    @Test func fillsTheBudgetWithTheFollowingSentencesFirst() {
        let text = "Cats sleep a lot. Dogs bark at night. The moon is bright tonight. Owls hunt at night too."
        // Three prose sentences at most: the match, then the next two.
        #expect(excerpt(text, "Why do dogs bark?").text == "Dogs bark at night. The moon is bright tonight. Owls hunt at night too.")
        // With room for one more sentence only, the preceding one comes in when the next does not fit.
        let short = ExcerptBuilder(maxCharacters: 40)
        #expect(excerpt(text, "Why do dogs bark?", builder: short).text == "Cats sleep a lot. Dogs bark at night.")
        // At the end of a passage it grows backwards.
        #expect(
            excerpt(text, "owls hunting", builder: ExcerptBuilder(maxCharacters: 70)).text
                == "The moon is bright tonight. Owls hunt at night too.")
    }

    @Test func anchorsOnTheDensestClusterOfMatches() {
        // The first sentence has both words far apart; the last has them together.
        let filler = String(repeating: "filler ", count: 40)
        let text = "Quantum ideas \(filler)and a capacitor. Nothing here at all. The quantum capacitor hums."
        let e = excerpt(text, "quantum capacitor", builder: ExcerptBuilder(maxCharacters: 60, clusterCharacters: 40))
        #expect(e.text.contains("The quantum capacitor hums."))
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
        #expect(excerpt(text, "alpha beta", builder: clusterSentences).text == "Alpha is first. Beta comes next.")
    }

    @Test func leadsWithTheOpeningWhenNothingMatches() {
        let e = excerpt("First sentence here. Second one. Third.", "zebra")
        #expect(e.text == "First sentence here. Second one. Third.")
        #expect(e.highlights.isEmpty)
    }

    @Test func listItemsDoNotCountAsSentences() {
        let text =
            "Examples include:\n\n  • Meta’s LLaMA (partially open)\n  • Stable Diffusion\n  • Various open-source transformer models"
        let e = excerpt(text, "examples of open source models")
        #expect(e.text == "Examples include: • Meta’s LLaMA (partially open) • Stable Diffusion • Various open-source transformer models")
        #expect(highlighted(e) == ["Examples", "open", "open", "source", "models"])
    }
}
