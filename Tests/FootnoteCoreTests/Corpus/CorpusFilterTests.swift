import Foundation
import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus

@Suite struct GlobPatternTests {
    func matches(_ glob: String, _ path: String) -> Bool { GlobPattern(glob).matches(path) }

    @Test func starsQuestionMarksAndClasses() {
        #expect(matches("*.log", "build.log") && !matches("*.log", "logs/build.log") && !matches("*.log", "build.logs"))
        #expect(matches("a?c", "abc") && !matches("a?c", "a/c"))
        #expect(matches("[a-c]x", "bx") && !matches("[a-c]x", "dx") && matches("[!a-c]x", "dx") && matches("[^a]x", "bx"))
        #expect(matches("\\*.md", "*.md") && !matches("\\*.md", "a.md"))
        #expect(matches("[unclosed", "[unclosed"))
        #expect(!matches("*", "a/b") && matches("*/*", "a/b"))
    }

    @Test func doubleStarsCrossFolders() {
        #expect(matches("**/x.txt", "x.txt") && matches("**/x.txt", "a/b/x.txt") && !matches("**/x.txt", "a/bx.txt"))
        #expect(matches("docs/**", "docs/a") && matches("docs/**", "docs/a/b.md") && !matches("docs/**", "doc/a"))
        #expect(matches("a/**/b", "a/b") && matches("a/**/b", "a/x/y/b") && !matches("a/**/b", "a/xb"))
        #expect(matches("**", "anything/at/all"))
    }
}

@Suite struct CorpusFilterTests {
    func paths(_ f: TemporaryFolder, _ filter: CorpusFilter = CorpusFilter()) throws -> [String] {
        try CorpusLoader(filter: filter).load(f.path).documents.map(\.path)
    }

    func tree() -> TemporaryFolder {
        let f = TemporaryFolder()
        f.write("a.txt", "Kettles boil water for tea.\n")
        f.write("sub/b.txt", "Giraffes have long necks.\n")
        f.write("sub/notes.md", "# Notes\n\nSecret kettle notes.\n")
        f.write("sub/keep.md", "# Keep\n\nKept kettle notes.\n")
        f.write("node_modules/x/c.txt", "Node modules kettle.\n")
        f.write("build/d.txt", "Build output kettle.\n")
        f.write("logs/e.log", "A log line about kettles.\n")
        f.write(".gitignore", "# generated\nnode_modules/\n/build\n*.log\n")
        f.write("sub/.ignore", "*.md\n!keep.md\n")
        return f
    }

    /// .gitignore and .ignore rules as git reads them: folders, anchors,
    /// names at any depth, a deeper file's rules first, `!` re-including.
    @Test func ignoreFilesAreHonoured() throws {
        let f = tree()
        #expect(try paths(f) == ["a.txt", "sub/b.txt", "sub/keep.md"])
        #expect(
            try paths(f, CorpusFilter(readsIgnoreFiles: false))
                == ["a.txt", "build/d.txt", "logs/e.log", "node_modules/x/c.txt", "sub/b.txt", "sub/keep.md", "sub/notes.md"])
        f.write(".footnoteignore", "sub/b.txt\n")
        #expect(try paths(f) == ["a.txt", "sub/keep.md"])
    }

    @Test func includeAndExcludeGlobs() throws {
        let f = tree()
        #expect(try paths(f, CorpusFilter(exclude: ["sub"])) == ["a.txt"])
        #expect(try paths(f, CorpusFilter(exclude: ["/sub/b.txt", "a.*"])) == ["sub/keep.md"])
        #expect(try paths(f, CorpusFilter(include: ["*.md"])) == ["sub/keep.md"])
        #expect(
            try paths(f, CorpusFilter(readsIgnoreFiles: false, include: ["sub/**"], exclude: ["keep.md"])) == ["sub/b.txt", "sub/notes.md"])
    }

    @Test func ruleSyntax() {
        let rules = IgnoreRules(folder: "docs", text: "# comment\n\n*.tmp\n/only-here.txt\nout/\n!keep.tmp\n\\#hash\n")
        #expect(rules.verdict("docs/a.tmp", isFolder: false) == true)
        #expect(rules.verdict("docs/deep/a.tmp", isFolder: false) == true)
        #expect(rules.verdict("docs/keep.tmp", isFolder: false) == false)
        #expect(rules.verdict("docs/only-here.txt", isFolder: false) == true)
        #expect(rules.verdict("docs/x/only-here.txt", isFolder: false) == nil)
        #expect(rules.verdict("docs/out", isFolder: true) == true && rules.verdict("docs/out", isFolder: false) == nil)
        #expect(rules.verdict("docs/#hash", isFolder: false) == true)
        #expect(rules.verdict("other/a.tmp", isFolder: false) == nil)
    }

    /// Damaged compressed files are skipped for what they are, and the summary counts by reason.
    @Test func compressedFilesAndTheSummaryLine() throws {
        let f = TemporaryFolder()
        f.write("a.txt", "Kettles boil water.\n")
        f.write("changelog.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00])
        f.write("old.xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00])
        f.write("x.bin", [0x00, 0x01])
        f.write("_static/jquery.js", "function $(s) { return document.querySelector(s) }\n")
        f.write("searchindex.js", "Search.setIndex({docnames:[\"index\"]})\n")
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["a.txt"])
        #expect(c.notices.first { $0.path == "changelog.gz" }?.reason.hasPrefix("compressed (gzip) but damaged: ") == true)
        #expect(c.notices.first { $0.path == "_static/jquery.js" }?.reason == "web asset (script, style sheet, font or image)")
        #expect(CorpusNotice.summary(of: c.notices, kind: .skipped) == "skipped 5 files: 2 compressed, 2 web assets, 1 binary")
        // A web asset named as the corpus itself is read.
        #expect(try CorpusLoader().load(f.path + "/searchindex.js").documents.count == 1)
        #expect(CorpusNotice.summary(of: c.notices, kind: .warning) == nil)
        #expect(formatCount(1716) == "1,716" && formatCount(1_234_567) == "1,234,567" && formatCount(12) == "12")
    }
}
