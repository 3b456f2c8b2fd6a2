import Foundation
import Testing

/// The formats beyond text end to end: PDFs cited by page, man pages by
/// section, compressed files read by their inner name.
@Suite struct DocumentFormatsTests {
    static let formats = repositoryRoot.appendingPathComponent("Tests/Fixtures/formats").path

    /// A folder with a PDF, a man page and a gzipped man page, as a user's docs folder would be.
    func formatsFolder() -> TemporaryFolder {
        let f = TemporaryFolder()
        for name in ["pdf/manual.pdf", "pdf/locked.pdf", "man/kettle.1", "compressed/descale.8.gz", "compressed/changelog.gz"] {
            f.write(String(name.split(separator: "/").last!), Array(FileManager.default.contents(atPath: Self.formats + "/" + name)!))
        }
        return f
    }

    @Test func pdfAnswersCiteTheirPage() throws {
        let f = formatsFolder()
        let text = try runFootnote(
            ["ask", "--corpus", ".", "--color", "never", "--top", "1", "how do I descale with citric acid"], directory: f.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("[1] manual.pdf p. 2 · 2 Descaling › 2.1 Citric acid"), "\(text.stdout)")
        #expect(text.stderrLines.contains { $0.hasPrefix("footnote: skipped 1 file: 1 encrypted PDF") }, "\(text.stderr)")
        let json = try runFootnote(["ask", "--corpus", ".", "--json", "--top", "1", "what does the warranty cover"], directory: f.path)
        #expect(json.stdout.contains("\"file\":\"manual.pdf\",\"path\":\"manual.pdf\",\"pages\":[3,4]"), "\(json.stdout)")
        #expect(!json.stdout.contains("\"lines\""))
    }

    @Test func manPageAnswersCiteTheirSection() throws {
        let f = formatsFolder()
        let text = try runFootnote(
            ["ask", "--corpus", ".", "--color", "never", "--top", "1", "how do I keep the water warm after heating"], directory: f.path)
        #expect(text.stdout.contains("[1] kettle.1:27-28 · kettle(1) › OPTIONS › --keep-warm"), "\(text.stdout)")
        let gz = try runFootnote(
            ["ask", "--corpus", ".", "--color", "never", "--top", "1", "where is the descale configuration file"], directory: f.path)
        #expect(gz.stdout.contains("[1] descale.8.gz:12-13 · descale(8) › FILES › /etc/kettle/descale.conf"), "\(gz.stdout)")
    }

    /// Word, OpenDocument and EPUB files cited by paragraph and chapter,
    /// under their headings, the same when the excerpt is read back for a
    /// stored index (the second run) as when the folder was just read.
    @Test func officeDocumentsAndBooksCiteParagraphsAndChapters() throws {
        let f = TemporaryFolder()
        for name in ["report.docx", "garden.odt", "keeper.epub", "secret.docx", "locked.epub"] {
            f.write(name, Array(FileManager.default.contents(atPath: Self.formats + "/office/" + name)!))
        }
        for run in 1...2 {
            let docx = try runFootnote(
                ["ask", "--corpus", ".", "--color", "never", "--top", "1", "how often should I descale the kettle"], directory: f.path)
            #expect(docx.status == 0)
            #expect(docx.stdout.contains("Descale the kettle every thirty days with citric acid."), "run \(run): \(docx.stdout)")
            #expect(
                docx.stdout.contains("[1] report.docx \u{B6}\u{B6} 3\u{2013}6 \u{B7} Kettle Care Handbook \u{203A} Descaling"),
                "run \(run): \(docx.stdout)")
            let epub = try runFootnote(
                ["ask", "--corpus", ".", "--color", "never", "--top", "1", "who watched the spray from the gallery"], directory: f.path)
            #expect(epub.stdout.contains("[1] keeper.epub ch. 2 \u{B7} The Storm \u{203A} Night"), "run \(run): \(epub.stdout)")
            if run == 1 {
                #expect(
                    docx.stderrLines.contains {
                        $0.hasPrefix("footnote: skipped 2 files: 1 EPUB books with DRM, 1 encrypted Word documents")
                    }, "\(docx.stderr)")
            }
        }
        let json = try runFootnote(["ask", "--corpus", ".", "--json", "--top", "1", "when should tomatoes be picked"], directory: f.path)
        #expect(json.stdout.contains("\"file\":\"garden.odt\",\"path\":\"garden.odt\",\"paragraphs\":[9,9]"), "\(json.stdout)")
        let chapters = try runFootnote(
            ["ask", "--corpus", ".", "--json", "--top", "1", "how many steps does the keeper climb"], directory: f.path)
        #expect(chapters.stdout.contains("\"file\":\"keeper.epub\",\"path\":\"keeper.epub\",\"chapters\":[1,1]"), "\(chapters.stdout)")
    }

    /// `.zip` archives: skipped by default with the way to read them;
    /// with `--archives` each file inside is a document cited by the archive
    /// and its path there, read back from the archive for a stored index,
    /// and updated with the archive; the flag's change rebuilds the index.
    @Test func zipArchivesAreReadMemberByMemberWithArchives() throws {
        let f = TemporaryFolder(), index = TemporaryFolder()
        f.write("bundle.zip", Array(FileManager.default.contents(atPath: Self.formats + "/archives/bundle.zip")!))
        f.write("kettle.txt", "The kettle switches itself off when the water boils.\n")
        let plain = try runFootnote(
            ["ask", "--corpus", ".", "--index-dir", index.path, "--color", "never", "--verbose", "oolong temperature"], directory: f.path)
        #expect(
            plain.stderr.contains("skipped: bundle.zip: zip archive: its files are not read; pass --archives to index them"),
            "\(plain.stderr)")
        for run in 1...2 {
            let r = try runFootnote(
                [
                    "ask", "--corpus", ".", "--index-dir", index.path, "--archives", "--color", "never", "--top", "1",
                    "at what temperature should oolong be brewed",
                ], directory: f.path)
            #expect(r.status == 0)
            #expect(r.stdout.contains("Oolong is half oxidised: brew it at 90 degrees"), "run \(run): \(r.stdout)")
            #expect(r.stdout.contains("[1] bundle.zip/notes/tea.md:5 \u{B7} Tea \u{203A} Oolong"), "run \(run): \(r.stdout)")
            if run == 1 {
                #expect(r.stderrLines.contains("footnote: index: the index was built without --archives; rebuilding"), "\(r.stderr)")
                #expect(
                    r.stderrLines.contains("footnote: skipped 3 files: 2 binary, 1 archives inside archives; --verbose lists them"),
                    "\(r.stderr)")
            } else {
                #expect(r.stderr.isEmpty, "\(r.stderr)")
            }
        }
        let docx = try runFootnote(
            [
                "ask", "--corpus", ".", "--index-dir", index.path, "--archives", "--json", "--top", "1",
                "how long does the warranty last",
            ], directory: f.path)
        #expect(
            docx.stdout.contains("\"file\":\"bundle.zip/report.docx\",\"path\":\"bundle.zip/report.docx\",\"paragraphs\":[14,14]"),
            "\(docx.stdout)")
        // The archive replaced by one without the notes: updated, the notes gone.
        try FileManager.default.removeItem(atPath: f.path + "/bundle.zip")
        f.write("bundle.zip", Array(FileManager.default.contents(atPath: Self.formats + "/archives/empty.zip")!))
        let updated = try runFootnote(["index", "--corpus", ".", "--index-dir", index.path, "--archives"], directory: f.path)
        #expect(updated.stdout.contains("updated (0 added, 1 changed, 0 removed)"), "\(updated.stdout)")
        let gone = try runFootnote(
            ["ask", "--corpus", ".", "--index-dir", index.path, "--archives", "--color", "never", "oolong"], directory: f.path)
        #expect(!gone.stdout.contains("tea.md"), "\(gone.stdout)")
    }

    /// `/usr/share/doc` read as a folder: its compressed changelogs and
    /// READMEs are documents, and the skips are one summary line by reason.
    /// Files over 16 KB are left out (the whole folder is 350 MB of text
    /// once decompressed: 25 s in a release build, minutes in the debug
    /// build the tests run; `make bench` measures all of it).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/doc/sqlite3")))
    func debianDocumentationFolder() throws {
        let index = try runFootnote(["index", "--corpus", "/usr/share/doc", "--max-file-size", "16K"])
        #expect(index.status == 0, "\(index.stderr)")
        let summary = try #require(index.stderrLines.first { $0.hasPrefix("footnote: skipped ") }, "\(index.stderr)")
        #expect(summary.hasSuffix("; --verbose lists them") && summary.contains(" too large"), "\(summary)")
        #expect(index.stderrLines.count <= 2, "\(index.stderr)")
        let ask = try runFootnote([
            "ask", "--corpus", "/usr/share/doc", "--max-file-size", "16K", "--color", "never", "--top", "3",
            "sqlite3 backport upstream security fix CVE",
        ])
        #expect(ask.stdout.contains("sqlite3/changelog.Debian.gz:"), "\(ask.stdout)")
    }
}
