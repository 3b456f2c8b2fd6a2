import Testing
@testable import FootnoteCorpus
@testable import FootnoteAnswer

/// Identifiers (`work_mem`) are words of their own and their parts are too
/// (`Tokenizer`): asked whole they find their own name first, and a quoted
/// identifier is not any passage holding its parts.
@Suite struct IdentifierQueryTests {
    static let paragraphs = [
        "maintenance_work_mem sets the memory for maintenance operations such as VACUUM and CREATE INDEX.",
        "work_mem sets the base memory a query operation may use before writing to temporary files.",
        "Work memory is precious; the mem in it is short for memory.",
    ]

    let engine: AnswerEngine
    let folder = TemporaryFolder()

    init() throws {
        folder.write("settings.txt", Self.paragraphs.joined(separator: "\n\n") + "\n")
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        engine = AnswerEngine(
            corpus: try CorpusLoader(passageBuilder: PassageBuilder(sectionWords: 0, minWords: 0)).load(folder.path),
            options: options)
    }

    func texts(_ question: String) -> [String] {
        engine.answer(question, top: 10).items.map { (try? engine.corpus.passageText($0.passage).get()) ?? "" }
    }

    @Test func anIdentifierFindsItsOwnNameFirst() {
        #expect(texts("What does work_mem control?").first == Self.paragraphs[1])
        #expect(texts("maintenance_work_mem").first == Self.paragraphs[0])
    }

    @Test func itsPartsStillFindEveryPassageThatHasThem() {
        #expect(Set(texts("work mem")) == Set(Self.paragraphs))
    }

    @Test func aQuotedIdentifierIsThatIdentifier() {
        #expect(texts("\"work_mem\"") == [Self.paragraphs[1]])
    }

    @Test func anIdentifierTheCorpusLacksIsNeitherCorrectedNorReported() {
        let query = engine.answer("work_men settings", top: 3).query
        #expect(query?.corrections.allSatisfy { $0.word != "work_men" } == true)
        #expect(query?.unknownWords.contains("work_men") == false)
        #expect(query?.terms.contains { $0.text == "work" } == true)  // its parts are read
    }
}
