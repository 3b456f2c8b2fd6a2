import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

@Suite struct LeadPriorTests {
    /// Three pages of two sections each; every section long enough to be a passage of its own.
    static func pages() -> TemporaryFolder {
        let folder = TemporaryFolder()
        let filler = "Each section of this page says enough about its own subject to answer a question on it alone."
        for name in ["gc", "stash", "blame"] {
            folder.write(
                "git-\(name).md",
                """
                # git-\(name)

                ## Description

                The \(name) command does its housekeeping work on the repository. \(filler)

                ## Configuration

                The auto setting changes when \(name) runs on its own, and when \(name) waits. \(filler)
                """)
        }
        return folder
    }

    @Test func factorsFallWithThePlaceInTheFile() throws {
        let folder = Self.pages()
        let corpus = try CorpusLoader().load(folder.path)
        #expect(corpus.documents.count == 3 && corpus.passages.count == 6)
        let prior = LeadPrior(passages: corpus.passages, documentCount: 3)
        let scale = LeadPrior.defaultStrength * (1 - 1.0 / 3)
        for p in 0..<6 {
            let place = p % 2  // each file's passages are consecutive
            #expect(abs(prior(Int32(p)) - (1 + scale * expf(-Float(place) / LeadPrior.defaultDecay))) < 1e-6)
        }
        #expect(prior.maximum == prior(0))
        #expect(prior(99) == 1)
    }

    @Test func oneDocumentAndBEIRPassagesHaveNoPrior() throws {
        let folder = Self.pages()
        let seed = try CorpusLoader().load(seedCorpusPath)
        let prior = LeadPrior(passages: seed.passages, documentCount: seed.documents.count)
        #expect(prior.maximum == 1 && prior.factor.allSatisfy { $0 == 1 })
        let beir = PassageList([
            Passage(document: 0, id: "d1", section: ["t1"], text: "first", lines: 1...1, bytes: 0..<5),
            Passage(document: 0, id: "d2", section: ["t2"], text: "second", lines: 2...2, bytes: 6..<12),
        ])
        #expect(LeadPrior(passages: beir, documentCount: 5).factor == [1, 1])
        let off = try CorpusLoader().load(folder.path)
        #expect(LeadPrior(passages: off.passages, documentCount: 3, strength: 0).maximum == 1)
    }

    /// "What does git gc do?": both of git-gc's passages name gc, its description comes first.
    @Test func theOpeningOfAPageWinsATie() throws {
        let folder = Self.pages()
        let corpus = try CorpusLoader().load(folder.path)
        let engine = AnswerEngine(corpus: corpus)
        let top = engine.answer("gc", top: 2).items
        #expect(top.map(\.citation.section) == ["git-gc › Description", "git-gc › Configuration"])
        var options = AnswerEngine.Options()
        options.leadPrior = 0
        let flat = AnswerEngine(corpus: corpus, options: options).answer("gc", top: 2).items
        #expect(flat.first?.citation.section == "git-gc › Configuration", "without the prior, the longer match wins")
    }

    /// `explain` multiplies by the same factor `search` did, with one term or several.
    @Test func explanationsIncludeThePrior() throws {
        let folder = Self.pages()
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.path))
        var checked = 0
        for question in ["gc", "stash runs", "housekeeping repository", "auto setting"] {
            let query = Query(question, analyzer: engine.searcher.analyzer, index: engine.index, syntax: true)
            for hit in engine.searcher.search(query, top: 6).hits {
                let e = engine.searcher.explain(query, passage: hit.passage)
                #expect(e.score == hit.score, "\(question) passage \(hit.passage)")
                #expect(e.leadPrior == engine.searcher.leadPrior?(hit.passage))
                checked += 1
            }
        }
        #expect(checked > 8)
    }

    @Test func historyFilesAreKnownByName() {
        for path in [
            "changelog.Debian.gz", "sqlite3/changelog.gz", "tar/changelog.1.gz", "ChangeLog", "CHANGES.md", "NEWS", "NEWS.Debian.gz",
            "HISTORY.rst", "git/RelNotes/2.39.0.txt", "docs/release-notes/v1.html",
        ] {
            #expect(LeadPrior.isHistoryFile(path), "\(path)")
        }
        for path in ["news-reader.md", "git-commit.html", "changes-to-make.txt", "history/intro.md", "README", "whatsnew/3.11.html"] {
            #expect(!LeadPrior.isHistoryFile(path), "\(path)")
        }
    }

    /// A changelog's passages weigh half as much: the manual answers first,
    /// but a question only the changelog answers still gets it; `explain` agrees.
    @Test func changelogsWeighLess() throws {
        let f = TemporaryFolder()
        f.write("hooks.md", "# Hooks\n\n## pre-commit\n\nThe pre-commit hook runs before the commit message is asked for.\n")
        f.write(
            "changelog",
            "Version 2.1: the pre-commit hook runs before the commit message; pre-commit hook fixes.\n\nVersion 2.0: fixed CVE-2025-1234 in the parser.\n"
        )
        let engine = AnswerEngine(corpus: try CorpusLoader().load(f.path))
        #expect(engine.answer("when does the pre-commit hook run", top: 2).items.map(\.citation.file) == ["hooks.md", "changelog"])
        #expect(engine.answer("CVE-2025-1234", top: 1).items.first?.citation.file == "changelog")
        let query = Query("pre-commit hook", analyzer: engine.searcher.analyzer, index: engine.index, syntax: true)
        for hit in engine.searcher.search(query, top: 4).hits {
            #expect(engine.searcher.explain(query, passage: hit.passage).score == hit.score)
        }
        let factors = engine.corpus.passages.indices.map { engine.searcher.leadPrior?(Int32($0)) ?? 1 }
        #expect(factors.contains { $0 < 1 })
    }

    /// A question only the changelog answers is not declined when a manual
    /// passage with some of its words outranks it: the confidence judges the
    /// best by score, the changelog's.
    @Test func aChangelogAnswerOutrankedByThePriorIsStillJudged() throws {
        let f = TemporaryFolder()
        let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/formats").path
        for (name, from) in [("manual.pdf", "/pdf/manual.pdf"), ("changelog.gz", "/compressed/changelog.gz")] {
            f.write(name, Array(FileManager.default.contents(atPath: fixtures + from)!))
        }
        let engine = AnswerEngine(corpus: try CorpusLoader().load(f.path))
        let answer = engine.answer("when does the thermostat cut out", top: 2)
        #expect(answer.items.map(\.citation.file) == ["manual.pdf", "changelog.gz"], "\(String(describing: answer.notice))")
    }
}
