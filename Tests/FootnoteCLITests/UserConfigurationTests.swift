import Foundation
import Testing
@testable import footnote

/// Defaults without typing them: `FOOTNOTE_CORPUS`, the config file, and the
/// current folder when neither is set and there is no `./corpus`.
@Suite struct UserConfigurationTests {
    /// A folder with notes (a Markdown file and a log) and a config folder.
    func notes() -> TemporaryFolder {
        let f = TemporaryFolder()
        f.write("notes/kettle.md", "# Kettle\n\nDescale the kettle with citric acid every month.\n")
        f.write("notes/teapot.md", "# Teapot\n\nWarm the teapot with hot water before brewing.\n")
        f.write("notes/kettle.log", "kettle descale citric acid kettle descale citric acid\n")
        return f
    }

    @Test func environmentNamesTheCorpus() throws {
        let f = notes()
        let r = try runFootnote(
            ["ask", "-n", "1", "how do I descale the kettle"], environment: ["FOOTNOTE_CORPUS": f.path + "/notes"],
            directory: f.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("citric acid"))
        // --corpus wins over the environment.
        let option = try runFootnote(
            ["ask", "-c", seedCorpus, "-n", "1", "closed models"], environment: ["FOOTNOTE_CORPUS": f.path + "/notes"])
        #expect(option.stdout.contains("open-source-vs-closed-ai.txt"))
    }

    @Test func configFileSetsCorpusTopScoringColourAndIgnore() throws {
        let f = notes()
        f.write(
            "config/footnote/config",
            """
            # my defaults
            corpus = "\(f.path)/notes"
            top = 1
            scoring = tfidf
            colour = never
            ignore = *.log

            """)
        let environment = ["XDG_CONFIG_HOME": f.path + "/config"]
        let r = try runFootnote(["--json", "how do I descale the kettle"], environment: environment, directory: f.path)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let answers = try #require(object["answers"] as? [[String: Any]])
        #expect(answers.count == 1)
        #expect(answers.first?["file"] as? String == "kettle.md")
        // The log is ignored: not indexed at all.
        let sources = try runFootnote([], input: ":sources\n", environment: environment, directory: f.path)
        #expect(sources.stdout.contains("kettle.md") && !sources.stdout.contains("kettle.log"), "\(sources.stdout)")
        #expect(sources.stdout.contains("2 files"))
        // The scoring model the session ranks with.
        let stats = try runFootnote([], input: ":stats\n", environment: environment, directory: f.path)
        #expect(stats.stdout.contains("scoring     tfidf, top 1"), "\(stats.stdout)")
        // Options on the command line win.
        let wide = try runFootnote(["-n", "2", "--scoring", "bm25"], input: ":stats\n", environment: environment, directory: f.path)
        #expect(wide.stdout.contains("scoring     bm25, top 2"), "\(wide.stdout)")
        // eval does not read it: its figures do not depend on who runs it.
        let data = TemporaryFolder()
        data.write("corpus.jsonl", #"{"_id": "d1", "title": "Kettle", "text": "Descale the kettle."}"# + "\n")
        data.write("queries.jsonl", #"{"_id": "q1", "text": "descale kettle"}"# + "\n")
        data.write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n")
        let eval = try runFootnote(["eval", data.path], environment: environment)
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains("bm25"), "\(eval.stdout)")
    }

    @Test func aBadConfigFileIsOneLineNamingItsLine() throws {
        let f = notes()
        for (text, message) in [
            ("top = 3\ntopp = 5\n", "config:2: unknown key 'topp'; the keys are corpus, top, scoring, color and ignore"),
            ("top = 500\n", "config:1: top must be a number from 1 to 100, got '500'"),
            ("scoring = bm26\n", "config:1: scoring must be bm25 or tfidf, got 'bm26'"),
            ("just words\n", "config:1: expected 'key = value', got 'just words'"),
        ] {
            f.write("config/footnote/config", text)
            let r = try runFootnote(["ask", "-c", seedCorpus, "models"], environment: ["XDG_CONFIG_HOME": f.path + "/config"])
            #expect(r.status == 78, "\(text): \(r.status)")
            #expect(r.stderr == "footnote: \(f.path)/config/footnote/config\(message.dropFirst("config".count))\n", "\(r.stderr)")
            // Help and the version still show.
            for arguments in [["--help"], ["-V"], ["ask", "--help"]] {
                #expect(try runFootnote(arguments, environment: ["XDG_CONFIG_HOME": f.path + "/config"]).status == 0, "\(arguments)")
            }
        }
        let folder = TemporaryFolder()
        folder.write("footnote/config/inside", "x")
        let r = try runFootnote(["ask", "-c", seedCorpus, "models"], environment: ["XDG_CONFIG_HOME": folder.path])
        #expect(r.status == 78)
        #expect(
            r.stderr == "footnote: \(folder.path)/footnote/config: the config file is not a text file of at most 1 MB; fix or remove it\n",
            "\(r.stderr)")
    }

    /// No --corpus, FOOTNOTE_CORPUS, config or ./corpus: the current folder, cited by bare names.
    @Test func theCurrentFolderWhenNothingElseIsSet() throws {
        let f = notes()
        let r = try runFootnote(["-n", "1", "warm the teapot"], directory: f.path + "/notes")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("[1] teapot.md:3 · Teapot"), "\(r.stdout)")
        // ./corpus, when it exists, comes first.
        f.write("notes/corpus/otter.md", "# Otter\n\nThe otter holds hands while it sleeps.\n")
        let corpus = try runFootnote(["-n", "1", "otter sleeps"], directory: f.path + "/notes")
        #expect(corpus.stdout.contains("[1] corpus/otter.md:3 · Otter"), "\(corpus.stdout)")
    }

    @Test func parsesKeysQuotesCommentsAndHome() throws {
        let c = try UserConfiguration.parse(
            "# c\n\n corpus = ~/docs \nignore=*.tmp\nignore = \"build/\"\ncolor=ALWAYS\n", path: "cfg", home: "/home/u")
        #expect(c.corpus == "/home/u/docs" && c.ignore == ["*.tmp", "build/"] && c.color == .always && c.corpusOrigin == "cfg")
        #expect(try UserConfiguration.parse("corpus = notes\n", path: "cfg", home: "/home/u").corpus == "/home/u/notes")
        #expect(try UserConfiguration.parse("corpus = /srv/x\n", path: "cfg", home: "/home/u").corpus == "/srv/x")
        #expect(throws: UserConfiguration.Failure.self) { try UserConfiguration.parse("top =\n", path: "cfg", home: nil) }
        let environment = try UserConfiguration.load(environment: ["FOOTNOTE_CORPUS": "/srv/docs", "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(environment.corpus == "/srv/docs" && environment.corpusOrigin == "FOOTNOTE_CORPUS")
        #expect(UserConfiguration.filePath(environment: ["HOME": "/home/u"]) == "/home/u/.config/footnote/config")
    }
}
