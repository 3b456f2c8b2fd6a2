import Foundation
import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus

@Suite struct CorpusLoaderTests {
    @Test func walksFoldersSkippingHiddenAndBinary() throws {
        let f = TemporaryFolder()
        f.write("a.txt", "Alpha text.\n")
        f.write("sub/b.md", "# B\n\nBeta text.\n")
        f.write(".hidden/c.txt", "Hidden.\n")
        f.write(".secret.txt", "Secret.\n")
        f.write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        f.write("blob.dat", [0x61, 0x62, 0xFF, 0xFE, 0x63])
        f.write("notes.cfg", "gamma = delta\n")
        f.write("empty.txt", "")
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["a.txt", "notes.cfg", "sub/b.md"])
        let skipped = Dictionary(uniqueKeysWithValues: c.notices.filter { $0.kind == .skipped }.map { ($0.path, $0.reason) })
        #expect(skipped["image.png"]?.contains("binary") == true)
        #expect(skipped["blob.dat"]?.contains("UTF-8") == true)
        #expect(skipped["empty.txt"] == "empty file")
        #expect(c.notices.count == 3)
    }

    /// Latin-1 and Windows-1252 text is read as such, known extension or not
    /// (`Café`, `“quoted”`); its passages read back from the file the same.
    @Test func windows1252TextIsReadAsWindows1252() throws {
        let f = TemporaryFolder()
        f.write(
            "latin1.txt",
            Array("Caf".utf8) + [0xE9] + Array(" au lait, ".utf8) + [0x93] + Array("tr".utf8) + [0xE8, 0x73] + Array(" chaud".utf8) + [
                0x94, 0x2E, 0x0A,
            ])
        f.write(
            "NOTES",
            Array("Na".utf8) + [0xEF] + Array("ve notes on cr".utf8) + [0xE8, 0x6D, 0x65] + Array(" br".utf8) + [
                0xFB, 0x6C, 0xE9, 0x65, 0x2E, 0x0A,
            ])
        let c = try CorpusLoader().load(f.path)
        #expect(
            c.passages.map(\.text) == [
                "Na\u{EF}ve notes on cr\u{E8}me br\u{FB}l\u{E9}e.", "Caf\u{E9} au lait, \u{201C}tr\u{E8}s chaud\u{201D}.",
            ])
        #expect(c.notices.isEmpty)
        #expect(c.documents.map(\.encoding) == [.transcoded, .transcoded])
    }

    /// UTF-8 with a damaged byte is not Windows-1252 (that would turn its
    /// `é` into `Ã©`): it is decoded with a replacement character and a warning.
    @Test func damagedUTF8InKnownTextIsDecodedLossilyWithAWarning() throws {
        let f = TemporaryFolder()
        f.write("notes.txt", Array("Caf\u{E9} cr\u{E8}me: ".utf8) + [0xE9] + Array(" au lait.\n".utf8))
        f.write("notes.cfg", Array("Caf\u{E9} cr\u{E8}me: ".utf8) + [0xE9] + Array(" au lait.\n".utf8))
        let c = try CorpusLoader().load(f.path)
        #expect(c.passages.map(\.text) == ["Caf\u{E9} cr\u{E8}me: \u{FFFD} au lait."])
        #expect(
            c.notices == [
                CorpusNotice(.skipped, path: "notes.cfg", reason: "not UTF-8 text (unknown extension)"),
                CorpusNotice(.warning, path: "notes.txt", reason: "invalid UTF-8, decoded with replacement characters"),
            ])
    }

    @Test func utf16WithBOMIsDecoded() throws {
        let f = TemporaryFolder()
        let text = "Unicode text here.\n"
        f.write("wide.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try CorpusLoader().load(f.path).passages.map(\.text) == ["Unicode text here."])
    }

    @Test func symlinkLoopsEndAndLinksAreFollowedOnce() throws {
        let f = TemporaryFolder()
        f.write("docs/a.txt", "Alpha text.\n")
        symlink(f.path + "/docs", f.path + "/docs/loop")
        let outside = TemporaryFolder()
        outside.write("x.txt", "Outside text.\n")
        symlink(outside.path, f.path + "/external")
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["docs/a.txt", "external/x.txt"])
    }

    /// A file reached through a symbolic link or a hard link is indexed once,
    /// under its own name (`index.html -> git.html` keeps `git.html`).
    @Test func aFileReachedTwiceIsIndexedOnce() throws {
        let f = TemporaryFolder()
        f.write("git.html", "<h1>git</h1><p>The stupid content tracker.</p>")
        symlink(f.path + "/git.html", f.path + "/index.html")
        f.write("notes/a.txt", "Alpha text about kettles.\n")
        link(f.path + "/notes/a.txt", f.path + "/notes/b.txt")
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["git.html", "notes/a.txt"])
        #expect(c.notices.contains { $0.path == "index.html" && $0.reason.contains("the same file as git.html") })
        #expect(c.notices.contains { $0.path == "notes/b.txt" && $0.reason.contains("the same file as notes/a.txt") })
    }

    /// A page's source beside the page rendered from it (git's `.txt`,
    /// Sphinx's `_sources/*.rst.txt`) is passed over, saying why.
    @Test func sourcesOfRenderedPagesArePassedOver() throws {
        let f = TemporaryFolder()
        f.write("git-commit.html", "<h1>git-commit</h1><p>Record changes to the repository.</p>")
        f.write("git-commit.txt", "git-commit(1)\n=============\n\nRecord changes to the repository.\n")
        f.write("lonely.txt", "A source with no page is read.\n")
        f.write("library/os.html", "<h1>os</h1><p>Miscellaneous operating system interfaces.</p>")
        f.write("_sources/library/os.rst.txt", "os\n==\n\nMiscellaneous operating system interfaces.\n")
        f.write("_sources/library/sys.rst.txt", "sys\n===\n\nSystem-specific parameters and functions.\n")
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["_sources/library/sys.rst.txt", "git-commit.html", "library/os.html", "lonely.txt"])
        #expect(
            c.notices.contains { $0.path == "git-commit.txt" && $0.reason == "the source of git-commit.html, which is indexed instead" })
        #expect(c.notices.contains { $0.path == "_sources/library/os.rst.txt" && $0.reason.contains("library/os.html") })
        // A Sphinx source is read as reStructuredText: its underlined title is a heading.
        let sys = try #require(c.passages.first { $0.text.contains("System-specific") })
        #expect(sys.section == ["sys"])
        #expect(RenderedSources.renderedPage(of: "docs/_sources/a/b.rst.txt") == "docs/a/b.html")
        #expect(RenderedSources.renderedPage(of: "page.html") == nil)
    }

    /// rustdoc's, javadoc's and Doxygen's pages of source code repeat the
    /// pages documenting that code: passed over, counted as source listings.
    @Test func rustdocSourceListingsArePassedOver() throws {
        let f = TemporaryFolder()
        let head = "<!DOCTYPE html><html lang=\"en\"><head><meta name=\"generator\" content=\"rustdoc\"><title>T</title></head>"
        f.write(
            "src/alloc/string.rs.html",
            head + "<body class=\"rustdoc source\"><pre><code>//! A UTF-8–encoded, growable string.</code></pre></body></html>")
        f.write(
            "src/core/lib.rs.html", head + "<body class=\"rustdoc src\"><pre><code>//! The Rust Core Library</code></pre></body></html>")
        // javadoc's src-html/ and Doxygen's *_source.html are listings too.
        f.write(
            "src-html/Validate.html",
            "<html><head><title>Source code</title></head><body class=\"source-page\"><pre>/* A string. */</pre></body></html>")
        f.write(
            "value_8h_source.html",
            "<html><body><div class=\"title\">value.h</div><div class=\"fragment\"><div class=\"line\">"
                + "<a name=\"l00001\"></a><span class=\"lineno\">1</span>// A UTF-8–encoded, growable string.</div></div></body></html>")
        f.write(
            "std/string/index.html",
            head + "<body class=\"rustdoc mod\"><h1>Module std::string</h1>"
                + "<span class=\"out-of-band\">1.0.0 · <a class=\"srclink\" href=\"x\">source</a> · [−]</span>"
                + "<details open><summary class=\"hideme\"><span>Expand description</span></summary><p>A UTF-8–encoded, growable string.</p></details></body></html>"
        )
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["std/string/index.html"])
        #expect(
            c.notices.filter { $0.category == "source listings" }.map(\.path).sorted()
                == ["src-html/Validate.html", "src/alloc/string.rs.html", "src/core/lib.rs.html", "value_8h_source.html"])
        #expect(c.passages.map(\.text) == ["A UTF-8–encoded, growable string."])
    }

    /// A fragment that a rendered page's AsciiDoc source includes (git's
    /// `merge-options.txt`) is in that page already: passed over, saying by
    /// whom, through fragments that include fragments too. A fragment no
    /// rendered source reaches, and an included file that is not AsciiDoc, are read.
    @Test func fragmentsIncludedInRenderedPagesArePassedOver() throws {
        let f = TemporaryFolder()
        f.write("git-merge.html", "<h1>git-merge</h1><p>Join two or more development histories together.</p>")
        f.write(
            "git-merge.txt",
            "git-merge(1)\n============\n\nOPTIONS\n-------\ninclude::merge-options.txt[]\n\ninclude::sub/../example.py[]\n")
        f.write("merge-options.txt", "--commit::\n\tPerform the merge and commit the result.\n\ninclude::signoff-option.txt[]\n")
        f.write("signoff-option.txt", "--signoff::\n\tAdd a Signed-off-by trailer.\n")
        f.write("example.py", "print('an included example stays')\n")
        f.write("unreached.txt", "include::lonely-fragment.txt[]\n")
        f.write("lonely-fragment.txt", "A fragment only an unrendered file includes is read.\n")
        let c = try CorpusLoader().load(f.path)
        #expect(c.documents.map(\.path) == ["example.py", "git-merge.html", "lonely-fragment.txt", "unreached.txt"])
        #expect(
            c.notices.contains {
                $0.path == "merge-options.txt" && $0.reason == "included by git-merge.txt, whose page git-merge.html is indexed"
            })
        #expect(
            c.notices.contains {
                $0.path == "signoff-option.txt" && $0.reason == "included by merge-options.txt, itself included in a page"
            })
        #expect(c.notices.first { $0.path == "merge-options.txt" }?.category == "fragments of indexed pages")
        #expect(
            AsciiDocIncludes.targets(
                in: Array("include::a.txt[]\n include::indented.txt[]\ninclude::{build_dir}/x.txt[]\ninclude::../b.adoc[tag=x]".utf8))
                == ["a.txt", "../b.adoc"])
        #expect(AsciiDocIncludes.resolve("../b.adoc", from: "doc/sub/page.txt") == "doc/b.adoc")
        #expect(AsciiDocIncludes.resolve("../../b.adoc", from: "page.txt") == nil)
    }

    /// A file is read whole whatever its size says: a large one, an empty
    /// one, and one whose size reads 0 though it has text (`/proc`).
    @Test func filesAreReadWhole() throws {
        let f = TemporaryFolder()
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        guard case .success(let read) = CorpusLoader.readFile(f.write("big.bin", big)) else { Issue.record("unread"); return }
        #expect(read == big)
        guard case .success(let empty) = CorpusLoader.readFile(f.write("empty.txt", "")) else { Issue.record("unread"); return }
        #expect(empty.isEmpty)
        if FileManager.default.fileExists(atPath: "/proc/self/status"),
            case .success(let status) = CorpusLoader.readFile("/proc/self/status")
        {
            #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
        }
        guard case .failure(let reason) = CorpusLoader.readFile(f.path + "/missing") else { Issue.record("read a missing file"); return }
        #expect(reason.hasPrefix("cannot open"))
    }

    @Test func singleFileCorpus() throws {
        let f = TemporaryFolder()
        let path = f.write("one.md", "# One\n\nOnly text.\n")
        let c = try CorpusLoader().load(path)
        #expect(c.documents.map(\.path) == ["one.md"])
        #expect(c.passages.map(\.sectionLabel) == ["One"])
    }

    @Test func beirJSONLPassagesAreCitedByID() throws {
        let f = TemporaryFolder()
        f.write(
            "corpus.jsonl",
            """
            {"_id": "d1", "title": "Cats", "text": "Cats purr."}
            not json
            {"_id": 7, "title": "", "text": "Dogs bark."}
            {"title": "no id", "text": "x"}

            """)
        let c = try CorpusLoader().load(f.path)
        #expect(c.passages.map(\.id) == ["d1", "7"])
        #expect(c.passages.map(\.text) == ["Cats purr.", "Dogs bark."])
        #expect(c.passages.map(\.lines) == [1...1, 3...3])
        #expect(c.passages[0].section == ["Cats"])
        let warning = try #require(c.notices.first)
        #expect(warning.kind == .warning)
        #expect(warning.reason.contains("line 2"))
        #expect(warning.reason.contains("line 4"))
    }

    @Test func missingAndEmptyCorpora() throws {
        #expect(throws: CorpusError.notFound(path: "/nonexistent/footnote")) { try CorpusLoader().load("/nonexistent/footnote") }
        let f = TemporaryFolder()
        f.write("bin.dat", [0, 1, 2])
        #expect {
            try CorpusLoader().load(f.path)
        } throws: { error in
            guard case .empty(_, let notices) = error as? CorpusError else { return false }
            return notices.count == 1
        }
    }

    @Test func parallelLoadingEqualsOnePass() throws {
        let f = TemporaryFolder()
        for i in 0..<300 {
            switch i % 50 {
            case 7: f.write("d\(i / 40)/bin\(i).dat", [0, 1, 2, 3])
            case 8: f.write("d\(i / 40)/empty\(i).txt", "")
            case 9: f.write("d\(i / 40)/bad\(i).txt", [0x41, 0x81, 0x42, 0x0A])  // 0x81: not Windows-1252 either
            default:
                f.write("d\(i / 40)/note\(i).md", "# Note \(i)\n\n" + String(repeating: "Words about tea \(i). ", count: i % 13 + 1) + "\n")
            }
        }
        let one = try CorpusLoader(threads: 1).load(f.path)
        let two = try CorpusLoader(threads: 2).load(f.path)
        #expect(one.documents == two.documents)
        #expect(one.passages == two.passages)
        #expect(one.notices == two.notices)
        #expect(one.files == two.files)
        #expect(one.documents.count == 300 - 12)  // binary and empty files skipped; invalid UTF-8 read with a warning
        #expect(one.notices.filter { $0.kind == .warning }.count == 6)
    }

    /// A file deleted, and one truncated, after the folder was listed and
    /// before they were read: the first is skipped with the reason, the
    /// second read as it now is; the rest of the corpus is indexed.
    @Test func filesDeletedOrTruncatedBetweenListingAndReading() throws {
        let f = TemporaryFolder()
        f.write("a.txt", "Alpha stays.\n")
        f.write("b.txt", "Beta will be deleted.\n")
        f.write("c.txt", "Gamma will be cut short. This sentence goes.\n")
        let loader = CorpusLoader()
        let scan = try loader.scan(f.path)
        unlink(f.path + "/b.txt")
        truncate(f.path + "/c.txt", 10)
        let c = loader.load(scan)
        #expect(c.documents.map(\.path) == ["a.txt", "c.txt"])
        #expect(c.notices.contains { $0.path == "b.txt" && $0.kind == .skipped && $0.reason.contains("No such file") }, "\(c.notices)")
        #expect(c.passages.map(\.text) == ["Alpha stays.", "Gamma will"])
    }

    @Test func rawPathsKeepBytesThatAreNotUTF8() {
        let bytes: [UInt8] = Array("bad".utf8) + [0xFF, 0xC3] + Array("é.txt".utf8) + [0xE2, 0x82]
        let name = RawPath.decode(bytes)
        #expect(name.hasPrefix("bad") && name.contains("é.txt"))
        #expect(name.unicodeScalars.filter(RawPath.isEscapedByte).count == 4)
        let back = RawPath.withCString(name) {
            Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)))
        }
        #expect(back == bytes)
        #expect(RawPath.decode(Array("plain.txt".utf8)) == "plain.txt")
    }
}
