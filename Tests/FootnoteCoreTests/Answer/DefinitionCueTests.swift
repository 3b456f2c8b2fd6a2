import Foundation
import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteAnswer

@Suite struct DefinitionCueTests {
    @Test func questionsThatAskWhatANameMeans() {
        #expect(DefinitionCue(question: "What is the GIL?")?.subject == "gil")
        #expect(DefinitionCue(question: "what are generators")?.subject == "generators")
        #expect(DefinitionCue(question: "What's a detached HEAD?")?.subject == "detached head")
        #expect(DefinitionCue(question: "define mutex")?.subject == "mutex")
        #expect(DefinitionCue(question: "What does MRO mean?")?.subject == "mro")
        #expect(DefinitionCue(question: "How do I create a virtual environment?") == nil)
        #expect(DefinitionCue(question: "What is the best way to read a file line by line in a script?") == nil)  // a clause
        #expect(DefinitionCue(question: "what is") == nil)
    }

    @Test func termHeadingsThatNameTheSubject() throws {
        let analyzer = Analyzer(settings: .standard)
        let gil = try #require(DefinitionCue(question: "what is the GIL"))
        #expect(gil.isNamed(by: "global interpreter lock (GIL)", analyzer: analyzer))
        #expect(gil.isNamed(by: "GIL", analyzer: analyzer))
        #expect(!gil.isNamed(by: "Releasing the GIL from extension code", analyzer: analyzer))
        let lock = try #require(DefinitionCue(question: "What is a global interpreter lock?"))
        #expect(lock.isNamed(by: "global interpreter lock (GIL)", analyzer: analyzer))
        let verbose = try #require(DefinitionCue(question: "what is --verbose"))
        #expect(verbose.isNamed(by: "-v, --verbose", analyzer: analyzer))
        #expect(!verbose.isNamed(by: "-q, --quiet", analyzer: analyzer))
        let tablespace = try #require(DefinitionCue(question: "What is a tablespace?"))
        #expect(!tablespace.isNamed(by: "-D tablespace --tablespace=tablespace", analyzer: analyzer))
        #expect(!tablespace.isNamed(by: "-s --tablespaces", analyzer: analyzer))
        #expect(tablespace.isNamed(by: "Tablespace", analyzer: analyzer))
    }

    @Test func openingExcerptsCutBetweenWords() {
        let long = String(repeating: "A definition that goes on and on without a full stop ", count: 10)
        let e = ExcerptBuilder().excerpt(of: long, termWeights: ["definit": 1], analyzer: Analyzer(settings: .standard), opening: true)
        #expect(e.text.hasPrefix("A definition that goes on"))
        #expect(e.text.hasSuffix("…"))
        let words = Set(long.split(separator: " ").map(String.init))
        #expect(e.text.dropLast().split(separator: " ").allSatisfy { words.contains(String($0)) })
        #expect(e.text.count <= 251)
    }

    /// A definition question ranks deep to find its entry, but reads only the
    /// passages it may show: a file changed since indexing that holds only
    /// a passage ranked far below them does not spoil the answer.
    @Test func aDefinitionQuestionReadsOnlyWhatItMayShow() throws {
        let folder = TemporaryFolder()
        for n in 1...30 {
            let uses = String(repeating: "widget ", count: 31 - n)
            folder.write(String(format: "note%02d.txt", n), "Note \(n) mentions the \(uses)in passing, among other words of its own.\n")
        }
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.path))
        let before = engine.answer("What is a widget?", top: 3)
        #expect(before.items.map(\.citation.file) == ["note01.txt", "note02.txt", "note03.txt"])
        folder.write("note30.txt", "Rewritten after indexing.\n")
        let after = engine.answer("What is a widget?", top: 3)
        #expect(after.notice == nil)
        #expect(after.items.map(\.citation.file) == ["note01.txt", "note02.txt", "note03.txt"])
    }

    /// The glossary entry comes first, though a page that uses the word more often outranks it.
    @Test func theDefiningEntryIsCitedFirst() throws {
        let folder = TemporaryFolder()
        let filler = "The words of this entry explain the idea at length, so that a reader learns what it is and when it matters."
        folder.write(
            "glossary.html",
            "<h1>Glossary</h1><dl>" + (1...6).map { "<dt>term\($0)</dt><dd><p>\(filler)</p></dd>" }.joined()
                + "<dt>mutex</dt><dd><p>A lock that one thread holds at a time. \(filler)</p></dd></dl>")
        folder.write(
            "threads.md",
            "# Threads\n\n## Locking\n\nTake the mutex, then release the mutex: a mutex held too long stalls every mutex waiter.\n")
        let corpus = try CorpusLoader().load(folder.path)
        #expect(corpus.passages.contains { $0.isTerm && $0.section.last == "mutex" })
        let engine = AnswerEngine(corpus: corpus)
        // By score alone (no heading match, which also favours the entry named "mutex"), the page comes first.
        var scoreOnly = AnswerEngine.Options()
        scoreOnly.headingMatch = HeadingMatch(strength: 0)
        let plain = AnswerEngine(corpus: corpus, options: scoreOnly).answer("mutex", top: 2).items
        #expect(plain.first?.citation.file == "threads.md")
        #expect(engine.answer("mutex", top: 2).items.first?.citation.file == "glossary.html")
        let asked = engine.answer("What is a mutex?", top: 2).items
        #expect(asked.first?.citation.file == "glossary.html")
        #expect(asked.first?.citation.section == "Glossary › mutex")
        #expect(asked.count == 2)
        #expect(asked.first?.excerpt.text.hasPrefix("mutex A lock that one thread holds at a time.") == true)  // the definition's opening
        // The mark survives the index file.
        let path = folder.path + "/" + IndexFile.fileName
        try IndexFile.write(corpus, engine.index, to: path)
        let loaded = try IndexFile.read(path)
        #expect(loaded.corpus.passages.flags == corpus.passages.flags)
        #expect(
            AnswerEngine(corpus: loaded.corpus, index: loaded.index).answer("What is a mutex?", top: 1).items.first?.citation.file
                == "glossary.html")
    }
}
