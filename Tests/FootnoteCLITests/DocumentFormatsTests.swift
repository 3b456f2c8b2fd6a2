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
        let text = try runFootnote(["ask", "--corpus", f.path, "--color", "never", "--top", "1", "how do I descale with citric acid"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("[1] manual.pdf p. 2 · 2 Descaling › 2.1 Citric acid"), "\(text.stdout)")
        #expect(text.stderrLines.contains { $0.hasPrefix("footnote: skipped 1 file: 1 encrypted PDF") }, "\(text.stderr)")
        let json = try runFootnote(["ask", "--corpus", f.path, "--json", "--top", "1", "what does the warranty cover"])
        #expect(json.stdout.contains("\"file\":\"manual.pdf\",\"pages\":[3,4]"), "\(json.stdout)")
        #expect(!json.stdout.contains("\"lines\""))
    }

    @Test func manPageAnswersCiteTheirSection() throws {
        let f = formatsFolder()
        let text = try runFootnote(["ask", "--corpus", f.path, "--color", "never", "--top", "1", "how do I keep the water warm after heating"])
        #expect(text.stdout.contains("[1] kettle.1:27-28 · kettle(1) › OPTIONS › --keep-warm"), "\(text.stdout)")
        let gz = try runFootnote(["ask", "--corpus", f.path, "--color", "never", "--top", "1", "where is the descale configuration file"])
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
            let docx = try runFootnote(["ask", "--corpus", f.path, "--color", "never", "--top", "1", "how often should I descale the kettle"])
            #expect(docx.status == 0)
            #expect(docx.stdout.contains("Descale the kettle every thirty days with citric acid."), "run \(run): \(docx.stdout)")
            #expect(docx.stdout.contains("[1] report.docx \u{B6}\u{B6} 3\u{2013}6 \u{B7} Kettle Care Handbook \u{203A} Descaling"), "run \(run): \(docx.stdout)")
            let epub = try runFootnote(["ask", "--corpus", f.path, "--color", "never", "--top", "1", "who watched the spray from the gallery"])
            #expect(epub.stdout.contains("[1] keeper.epub ch. 2 \u{B7} The Storm \u{203A} Night"), "run \(run): \(epub.stdout)")
            if run == 1 {
                #expect(docx.stderrLines.contains { $0.hasPrefix("footnote: skipped 2 files: 1 EPUB books with DRM, 1 encrypted Word documents") }, "\(docx.stderr)")
            }
        }
        let json = try runFootnote(["ask", "--corpus", f.path, "--json", "--top", "1", "when should tomatoes be picked"])
        #expect(json.stdout.contains("\"file\":\"garden.odt\",\"paragraphs\":[9,9]"), "\(json.stdout)")
        let chapters = try runFootnote(["ask", "--corpus", f.path, "--json", "--top", "1", "how many steps does the keeper climb"])
        #expect(chapters.stdout.contains("\"file\":\"keeper.epub\",\"chapters\":[1,1]"), "\(chapters.stdout)")
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
        let ask = try runFootnote(["ask", "--corpus", "/usr/share/doc", "--max-file-size", "16K", "--color", "never", "--top", "3",
                                   "sqlite3 backport upstream security fix CVE"])
        #expect(ask.stdout.contains("sqlite3/changelog.Debian.gz:"), "\(ask.stdout)")
    }
}
