import Foundation
import Testing
@testable import footnote

/// Citations name files so that a terminal user can open them from where
/// they stand (`corpus/notes.md:12`), JSON keeps `file` and adds `path`, and an
/// HTML section is named by its anchor.
@Suite struct OpenablePathsTests {
    let question = "How do people access closed models?"

    @Test func aRelativeCorpusIsCitedFromTheCurrentFolder() throws {
        let r = try runFootnote(["ask", "-c", "corpus", "-n", "1", question], directory: repositoryRoot.path)
        #expect(r.stdout.contains("\n[1] corpus/open-source-vs-closed-ai.txt:27-35 · What Are Open Source"), "\(r.stdout)")
        let dotted = try runFootnote(["ask", "-c", "./corpus/", "-n", "1", question], directory: repositoryRoot.path)
        #expect(dotted.stdout.contains("\n[1] corpus/open-source-vs-closed-ai.txt:27-35"), "\(dotted.stdout)")
        let json = try runFootnote(["ask", "-c", "corpus", "-n", "1", "--json", question], directory: repositoryRoot.path)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["answers"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "open-source-vs-closed-ai.txt")
        #expect(first["path"] as? String == "corpus/open-source-vs-closed-ai.txt")
    }

    @Test func anAbsoluteCorpusOrOneFile() throws {
        let absolute = try runFootnote(["ask", "-c", seedCorpus, "-n", "1", question])
        #expect(absolute.stdout.contains("[1] \(seedCorpus)/open-source-vs-closed-ai.txt:27-35"), "\(absolute.stdout)")
        let file = try runFootnote(
            ["ask", "-c", "corpus/open-source-vs-closed-ai.txt", "-n", "1", question], directory: repositoryRoot.path)
        #expect(file.stdout.contains("[1] corpus/open-source-vs-closed-ai.txt:27-35"), "\(file.stdout)")
        // The path opens the file: it is there, from the folder the command ran in.
        #expect(FileManager.default.fileExists(atPath: repositoryRoot.path + "/corpus/open-source-vs-closed-ai.txt"))
    }

    @Test func anHTMLSectionIsNamedByItsAnchor() throws {
        let f = TemporaryFolder()
        f.write(
            "site/guide.html",
            """
            <html><head><title>Guide</title></head><body>
            <h1>Guide</h1>
            <h2 id="descaling">Descaling</h2>
            <p>Descale the kettle with citric acid every month.</p>
            </body></html>
            """)
        let r = try runFootnote(["ask", "-c", "site", "-n", "1", "descale the kettle"], directory: f.path)
        #expect(r.stdout.contains("[1] site/guide.html#descaling · line 4 · Guide › Descaling"), "\(r.stdout)")
        let json = try runFootnote(["ask", "-c", "site", "-n", "1", "--json", "descale the kettle"], directory: f.path)
        #expect(json.stdout.contains(#""file":"guide.html","path":"site/guide.html","lines":[4,4]"#), "\(json.stdout)")
        #expect(json.stdout.contains(#""anchor":"descaling""#))
    }

    @Test func pathsForEachKindOfCorpus() {
        #expect(OpenablePaths(corpusPath: "corpus", isFile: false).path("a/b.md") == "corpus/a/b.md")
        #expect(OpenablePaths(corpusPath: "./corpus//", isFile: false).path("b.md") == "corpus/b.md")
        #expect(OpenablePaths(corpusPath: ".", isFile: false).path("b.md") == "b.md")
        #expect(OpenablePaths(corpusPath: "/", isFile: false).path("etc/x") == "/etc/x")
        #expect(OpenablePaths(corpusPath: "/srv/docs", isFile: false).path("bundle.zip/notes.md") == "/srv/docs/bundle.zip/notes.md")
        #expect(OpenablePaths(corpusPath: "data/corpus.jsonl", isFile: true).path("corpus.jsonl") == "data/corpus.jsonl")
    }
}
