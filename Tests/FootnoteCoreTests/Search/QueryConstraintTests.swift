import Testing
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// Quoted phrases, `+word` and `-word` through `AnswerEngine` and `Searcher`.
@Suite struct QueryConstraintTests {
    static let text = """
        Closed models keep their weights secret, while open models publish them.

        Models that are closed cost money to use.

        Open source models invite scrutiny from researchers.

        Closed models and open models differ in their licence.

        Open weights help researchers reproduce results.
        """

    let engine: AnswerEngine
    let folder = TemporaryFolder()

    init() throws {
        folder.write("notes.txt", Self.text)
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        // A passage a paragraph: the short note is not read as one section.
        let paragraphs = PassageBuilder(sectionWords: 0, minWords: 0)
        engine = AnswerEngine(corpus: try CorpusLoader(passageBuilder: paragraphs).load(folder.path), options: options)
    }

    func texts(_ question: String) -> [String] {
        engine.answer(question, top: 10).items.map { (try? engine.corpus.passageText($0.passage).get()) ?? "" }
    }

    @Test func quotedPhraseMustOccurAsAPhrase() {
        let found = texts("\"closed models\"")
        #expect(Set(found) == [Self.text.split(separator: "\n\n")[0].description, Self.text.split(separator: "\n\n")[3].description])
        #expect(!texts("\"models closed\"").contains { $0.hasPrefix("Closed models keep") })
        // Stop words inside a phrase keep their places: "keep their weights" is three words apart, not two.
        #expect(texts("\"keep their weights\"").count == 1)
        #expect(texts("\"keep weights\"").isEmpty)
    }

    @Test func requiredAndExcludedWords() {
        // Every passage with "researchers"; the one with "models" too ranks first.
        #expect(
            texts("models +researchers") == [
                "Open source models invite scrutiny from researchers.",
                "Open weights help researchers reproduce results.",
            ])
        let withoutClosed = texts("models -closed")
        #expect(withoutClosed == ["Open source models invite scrutiny from researchers."])
        #expect(texts("open -\"open models\"").allSatisfy { !$0.contains("open models") })
    }

    @Test func noPassageMeetingTheConstraintsIsSaid() {
        #expect(engine.answer("\"closed licence\"", top: 5).notice == .noPassageMeetsConstraints)
        #expect(engine.answer("models +zebra", top: 5).notice != nil)
    }

    @Test func constrainedTopIsThePlainRankingFiltered() {
        let searcher = engine.searcher
        for (question, plain, keep) in [
            ("open models -licence", "open models", { (t: String) in !t.contains("licence") }),
            ("researchers +open", "researchers open", { (t: String) in t.lowercased().contains("open") }),
        ] {
            let constrained = searcher.search(Query(question, analyzer: searcher.analyzer, index: engine.index, syntax: true), top: 10)
            let expected = searcher.search(plain, top: 10).hits.filter {
                keep((try? engine.corpus.passageText(Int($0.passage)).get()) ?? "")
            }
            #expect(constrained.hits == expected, "\(question)")
        }
    }

    @Test func operatorsAreTextWithoutSyntax() {
        let q = Query("\"closed models\" -open", analyzer: engine.searcher.analyzer, index: engine.index)
        #expect(q.constraints.isEmpty && q.terms.map(\.text).contains("open"))
    }
}
