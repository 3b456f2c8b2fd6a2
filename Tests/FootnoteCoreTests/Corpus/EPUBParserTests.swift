import Foundation
import Testing
@testable import FootnoteCorpus

/// EPUB books: chapters in spine order, titled from the table of contents, cited by chapter.
@Suite struct EPUBParserTests {
    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/office/" + name)!)
    }

    /// EPUB 3: the cover (no text) and the navigation document are no
    /// chapters; "The Lighthouse" opens with its own title; "The Storm" gets
    /// its title from the nav, above its own headings.
    @Test func epub3ChaptersInSpineOrder() {
        guard case .blocks(let blocks) = EPUBParser().parse(Self.fixture("keeper.epub")) else { Issue.record("not read"); return }
        let headings = blocks.filter { if case .heading = $0.kind { return true } else { return false } }
        #expect(headings.map(\.text) == ["The Lighthouse", "The Lamp", "The Storm", "Night", "Morning"])
        #expect(headings.map(\.kind) == [1, 2, 1, 2, 3].map { Block.Kind.heading(level: $0) })
        #expect(headings.map(\.lines) == [1...1, 1...1, 2...2, 2...2, 2...2])
        #expect(!blocks.contains { $0.text.contains("Contents") || $0.text.contains("Cover") })
        #expect(blocks.allSatisfy { $0.sourceMarks.isEmpty && $0.anchor == nil && !$0.isVerbatim })
    }

    /// EPUB 2: titles from `toc.ncx`; a chapter without headings is headed by its title.
    @Test func epub2TitlesFromTheNCX() {
        guard case .blocks(let blocks) = EPUBParser().parse(Self.fixture("bread.epub")) else { Issue.record("not read"); return }
        #expect(blocks.first?.text == "Before You Begin" && blocks.first?.kind == .heading(level: 1))
        #expect(blocks.contains { $0.text == "A Plain Loaf" && $0.lines == 2...2 })
    }

    @Test func drmIsSkippedFontObfuscationIsNot() {
        guard case .skip(let why) = EPUBParser().parse(Self.fixture("locked.epub")) else { Issue.record("DRM book read"); return }
        #expect(why == "EPUB book with DRM: its chapters are encrypted")
        #expect(CorpusNotice(.skipped, path: "a.epub", reason: why).category == "EPUB books with DRM")
        func encryption(_ algorithm: String, _ uri: String) -> [UInt8] {
            Array(
                #"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="\#(algorithm)"/><enc:CipherData><enc:CipherReference URI="\#(uri)"/></enc:CipherData></enc:EncryptedData></encryption>"#
                    .utf8)
        }
        #expect(
            !EPUBParser.encryptsText(encryption("http://www.idpf.org/2008/embedding", "OEBPS/ch1.xhtml"), chapters: ["OEBPS/ch1.xhtml"]))
        #expect(
            !EPUBParser.encryptsText(
                encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/font.otf"), chapters: ["OEBPS/ch1.xhtml"]))
        #expect(
            EPUBParser.encryptsText(
                encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/ch1.xhtml"), chapters: ["OEBPS/ch1.xhtml"]))
    }

    @Test func hrefsResolveAgainstTheirFolder() {
        #expect(EPUBParser.resolve("text/ch%201.xhtml#frag", in: "OEBPS/") == "OEBPS/text/ch 1.xhtml")
        #expect(EPUBParser.resolve("../images/a.png", in: "OEBPS/text/") == "OEBPS/images/a.png")
        #expect(EPUBParser.resolve("./b.xhtml", in: "") == "b.xhtml")
        #expect(EPUBParser.resolve("/root.xhtml", in: "OEBPS/") == "root.xhtml")
        #expect(EPUBParser.percentDecoded("caf%C3%A9%2") == "caf\u{e9}%2")
        #expect(EPUBParser.folder(of: "OEBPS/content.opf") == "OEBPS/" && EPUBParser.folder(of: "content.opf") == "")
    }

    @Test func damagedBooksSayWhy() {
        func reason(_ bytes: [UInt8]) -> String? {
            guard case .skip(let why) = EPUBParser().parse(bytes) else { return nil }
            return why
        }
        #expect(reason(Array(Self.fixture("keeper.epub").prefix(300)))?.hasPrefix("damaged EPUB book") == true)
        // A zip that is no EPUB: no container.
        let docx = Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/office/report.docx")!)
        #expect(reason(docx) == "damaged EPUB book: no package named in META-INF/container.xml")
    }
}
