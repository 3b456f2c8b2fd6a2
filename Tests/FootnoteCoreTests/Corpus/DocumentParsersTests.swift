import Foundation
import Testing
@testable import FootnoteCorpus

/// The format registry: which parser reads a file, by name and by signature.
@Suite struct DocumentParsersTests {
    @Test func formatsByName() {
        let cases: [(String, DocumentFormat)] = [
            ("notes.txt", .plainText), ("README.md", .markdown), ("_sources/os.rst.txt", .restructuredText),
            ("guide.rst", .restructuredText),
            ("git.adoc", .asciidoc), ("index.HTML", .html), ("corpus.jsonl", .beirJSONL), ("manual.pdf", .pdf),
            ("git-commit.1", .manPage), ("perlfunc.3pm.gz", .manPage), ("openssl.1ssl.gz", .manPage), ("tclsh.n", .manPage),
            ("changelog.Debian.gz", .unknown), ("NEWS.md.xz", .markdown), ("guide.pdf.bz2", .pdf), ("data.tar.gz", .unknown),
            ("notes.cfg", .unknown), (".profile", .unknown), ("gz", .unknown), (".gz", .unknown), ("a.12345", .unknown),
            ("report.docx", .word), ("book.EPUB", .epub), ("notes.odt", .openDocument), ("slides.pptx", .zipContainer),
            ("bundle.zip", .zipContainer), ("poster.ps", .postScript), ("minutes.DOC", .compoundFile), ("budget.xls", .compoundFile),
        ]
        for (name, format) in cases { #expect(DocumentFormat(path: name) == format, "\(name)") }
    }

    /// A file its name says nothing about is known by its first bytes.
    @Test func formatsBySignature() {
        #expect(DocumentParsers.format(recognizing: ArraySlice(Array("%PDF-1.7\n".utf8))) == .pdf)
        #expect(DocumentParsers.format(recognizing: ArraySlice(Array("junk before\n%PDF-1.4".utf8))) == .pdf)
        #expect(DocumentParsers.format(recognizing: ArraySlice(Array("plain words".utf8))) == .unknown)
        let (decoded, format) = CorpusLoader.decode(
            Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/pdf/leaflet")!),
            format: .unknown, maxBytes: 0)
        #expect(format == .pdf)
        guard case .text = decoded else { Issue.record("leaflet not read: \(decoded)"); return }
    }

    /// Zip containers Footnote does not read are told apart by content,
    /// whatever their name, and skipped with what they are; OpenDocument
    /// texts and EPUB books are known by content and read.
    @Test func zipContainersSayWhatTheyAre() {
        let folder = FormatGoldenTests.formatsFolder + "/containers/"
        let cases = ["report.zip": "a Word document under another name", "figures.xlsx": "Office spreadsheet", "bundle.zip": "zip archive"]
        let office = FormatGoldenTests.formatsFolder + "/office/"
        #expect(
            DocumentParsers.format(recognizing: Array(FileManager.default.contents(atPath: office + "garden.odt")!)[...]) == .openDocument)
        #expect(DocumentParsers.format(recognizing: Array(FileManager.default.contents(atPath: office + "keeper.epub")!)[...]) == .epub)
        for (name, what) in cases {
            let bytes = Array(FileManager.default.contents(atPath: folder + name)!)
            #expect(DocumentParsers.format(recognizing: bytes[...]) == .zipContainer)
            guard case .skip(let reason) = ZipContainerParser().parse(bytes) else { Issue.record("\(name) read"); continue }
            #expect(reason.hasPrefix(what), "\(name): \(reason)")
            #expect(CorpusNotice(.skipped, path: name, reason: reason).category != "other reasons")
        }
    }

    /// Old Office files (OLE compound files) say what they are, by name or by signature.
    @Test func oldOfficeFilesSayWhatTheyAre() {
        let folder = FormatGoldenTests.formatsFolder + "/office/"
        let doc = Array(FileManager.default.contents(atPath: folder + "minutes.doc")!)
        #expect(DocumentParsers.format(recognizing: doc.prefix(1024)) == .compoundFile)
        #expect(CompoundFileParser.reason(doc).hasPrefix("Word 97-2003 document (.doc)"))
        guard case .skip(let why) = WordDocumentParser().parse(doc) else { Issue.record("read"); return }
        #expect(why == "a Word 97-2003 document (.doc) under a .docx name: save it as .docx to index it")
        let secret = Array(FileManager.default.contents(atPath: folder + "secret.docx")!)
        #expect(CompoundFileParser.reason(secret) == "encrypted Office document: it needs a password to open")
        #expect(CorpusNotice(.skipped, path: "a.doc", reason: CompoundFileParser.reason(doc)).category == "Word 97-2003 documents")
    }

    /// Each format is registered once, and no two parsers claim an extension.
    @Test func registryIsConsistent() {
        let formats = DocumentParsers.all.map(\.format)
        #expect(Set(formats).count == formats.count)
        var claimed: [String: DocumentFormat] = [:]
        for parser in DocumentParsers.all {
            for ext in parser.extensions {
                #expect(claimed[ext] == nil, "\(ext) claimed by \(claimed[ext]?.rawValue ?? "") and \(parser.format)")
                claimed[ext] = parser.format
            }
        }
        for parser in DocumentParsers.all { #expect(DocumentParsers.parser(for: parser.format).format == parser.format) }
        #expect(DocumentParsers.parser(for: DocumentFormat(rawValue: "from-a-later-version")).format == .unknown)
    }

    /// Binary detection comes after the format: a PDF is read, an image is
    /// binary, and each skip says its real reason.
    @Test func skipsSayTheirReason() throws {
        let f = TemporaryFolder()
        f.write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        for name in ["photo.bin.gz", "truncated.txt.gz"] {
            f.write(name, Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/compressed/" + name)!))
        }
        for name in ["locked.pdf", "scan.pdf", "manual.pdf"] {
            f.write(name, Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/pdf/" + name)!))
        }
        let c = try CorpusLoader().load(f.path)
        let reasons = Dictionary(uniqueKeysWithValues: c.notices.map { ($0.path, $0.reason) })
        #expect(reasons["image.png"] == "binary file (contains NUL bytes), in no format Footnote reads")
        #expect(reasons["photo.bin.gz"]?.hasPrefix("compressed (gzip), not text inside") == true)
        #expect(reasons["truncated.txt.gz"]?.hasPrefix("compressed (gzip) but damaged") == true)
        #expect(reasons["locked.pdf"] == "encrypted PDF: it needs a password to open")
        #expect(reasons["scan.pdf"]?.hasPrefix("image-only PDF: no text layer") == true)
        #expect(c.documents.map(\.path) == ["manual.pdf"])
        #expect(
            CorpusNotice.summary(of: c.notices, kind: .skipped)
                == "skipped 5 files: 2 compressed, 1 binary, 1 encrypted PDF, 1 image-only PDF")
    }
}
