import Foundation
import Testing
@testable import FootnoteCorpus

/// Word documents: headings from styles, lists, tables as rows, what is left out.
@Suite struct WordDocumentParserTests {
    static let w =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    /// The blocks of a `word/document.xml` body, with `styles`.
    static func blocks(_ body: String, styles: [String: WordDocumentParser.Style] = [:]) -> [Block] {
        var reader = WordDocumentParser.BodyReader(styles: styles)
        _ = XMLStream.read(Array("<w:document \(w)><w:body>\(body)</w:body></w:document>".utf8)) { reader.take($0) }
        return reader.finish()
    }

    static func p(_ text: String, _ ppr: String = "") -> String { "<w:p><w:pPr>\(ppr)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    @Test func headingsFromStylesOutlineLevelsAndStyleIDs() {
        let styles = WordDocumentParser.styles(
            Array(
                """
                <w:styles \(Self.w)><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
                <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Chapter"/><w:basedOn w:val="Kop1"/></w:style>
                <w:style w:type="paragraph" w:styleId="Deep"><w:name w:val="Deep"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
                <w:style w:type="character" w:styleId="Kop1Char"><w:name w:val="heading 1 Char"/></w:style></w:styles>
                """.utf8))
        #expect(styles["Kop1"]?.level == 1 && styles["Mine"]?.level == 1 && styles["Deep"]?.level == 3 && styles["Kop1Char"] == nil)
        let blocks = Self.blocks(
            Self.p("Dutch heading", #"<w:pStyle w:val="Kop1"/>"#) + Self.p("Inherited", #"<w:pStyle w:val="Mine"/>"#)
                + Self.p("Deep one", #"<w:pStyle w:val="Deep"/>"#) + Self.p("By outline", #"<w:outlineLvl w:val="1"/>"#)
                + Self.p("Undeclared", #"<w:pStyle w:val="Heading4"/>"#) + Self.p("Body text"), styles: styles)
        #expect(
            blocks.map(\.kind) == [
                .heading(level: 1), .heading(level: 1), .heading(level: 3), .heading(level: 2), .heading(level: 4), .paragraph,
            ])
        #expect(blocks.map(\.lines) == (1...6).map { $0...$0 })
    }

    /// A document whose paragraph styles are all built-in ids reads the same
    /// without styles.xml (which is then not parsed: it is often ten times the text).
    @Test func builtInStyleIDsNeedNoStylesXML() throws {
        let body =
            Self.p("Handbook", #"<w:pStyle w:val="Title"/>"#) + Self.p("Care", #"<w:pStyle w:val="Heading1"/>"#)
            + Self.p("Wipe it", #"<w:pStyle w:val='ListBullet'/>"#)
            + Self.p("Dry it", #"<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>"#)
            + Self.p("Body", #"<w:pStyle w:val="BodyText"/>"#) + Self.p("Plain")
        let document = Array("<w:document \(Self.w)><w:body>\(body)</w:body></w:document>".utf8)
        let ids = try #require(WordDocumentParser.usedStyleIDs(document))
        #expect(ids == ["Title", "Heading1", "ListBullet", "ListParagraph", "BodyText"])
        #expect(ids.allSatisfy { WordDocumentParser.BodyReader.styleByID($0) != nil })
        let declared = WordDocumentParser.styles(
            Array(
                """
                <w:styles \(Self.w)><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
                <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
                <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/></w:style>
                <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
                <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/></w:style></w:styles>
                """.utf8))
        #expect(Self.blocks(body, styles: declared) == Self.blocks(body, styles: [:]))
        let expected: [String] = ["Handbook", "Care", "\u{2022} Wipe it\n  \u{2022} Dry it", "Body", "Plain"]
        #expect(Self.blocks(body).map(\.text) == expected)
        // A custom or localized id needs styles.xml; a pStyle this scan cannot read, too.
        #expect(WordDocumentParser.BodyReader.styleByID("berschrift1") == nil && WordDocumentParser.BodyReader.styleByID("Fancy") == nil)
        #expect(WordDocumentParser.usedStyleIDs(Array(#"<w:pStyle w:val=Heading1/>"#.utf8)) == nil)
    }

    @Test func listsByNumberingAndStyle() {
        let styles = ["Bullet": WordDocumentParser.Style(isList: true)]
        let numbered = #"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>"#
        let blocks = Self.blocks(
            Self.p("Intro") + Self.p("First", #"<w:pStyle w:val="Bullet"/>"#) + Self.p("Nested", numbered)
                + Self.p("Not a list", #"<w:pStyle w:val="Bullet"/><w:numPr><w:numId w:val="0"/></w:numPr>"#), styles: styles)
        #expect(blocks.map(\.text) == ["Intro", "\u{2022} First\n  \u{2022} Nested", "Not a list"])
        #expect(blocks[1].kind == .list && blocks[1].lines == 2...3)
    }

    /// Table rows are paragraphs of cells; a nested table's text stays in its cell.
    @Test func tablesAsRows() {
        func row(_ cells: [String]) -> String { "<w:tr>" + cells.map { "<w:tc>\($0)</w:tc>" }.joined() + "</w:tr>" }
        let nested = "<w:tbl>" + row([Self.p("inner a"), Self.p("inner b")]) + "</w:tbl>"
        let blocks = Self.blocks(
            "<w:tbl>" + row([Self.p("Tea"), Self.p("Minutes")]) + row([Self.p("Green") + Self.p("sencha"), nested]) + "</w:tbl>"
                + Self.p("After"))
        #expect(blocks.map(\.text) == ["Tea | Minutes", "Green sencha | inner a inner b", "After"])
    }

    /// Deleted text, field codes, run properties and the fallback copy of a
    /// text box are left out; the text box follows its paragraph; tabs and breaks are spaces.
    @Test func whatIsLeftOut() {
        let textBox =
            #"<w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>"#
        let body =
            #"<w:p><w:r><w:t xml:space="preserve">Keep </w:t></w:r><w:del><w:r><w:delText>gone </w:delText></w:r></w:del><w:r><w:rPr><w:b/></w:rPr><w:t>this</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>that</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"#
            + textBox + "</w:p>"
            + Self.p("Contents 1", #"<w:pStyle w:val="TOC1"/>"#)
            + Self.p("Restyled", #"<w:pStyle w:val="Heading1"/><w:pPrChange><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange>"#)
        let blocks = Self.blocks(body)
        #expect(blocks.map(\.text) == ["Keep this and that", "Boxed", "Restyled"])
        #expect(blocks.last?.kind == .heading(level: 1))  // the tracked change's old style is not the paragraph's
    }

    @Test func theFixture() throws {
        let bytes = Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/office/report.docx")!)
        guard case .blocks(let blocks) = WordDocumentParser().parse(bytes) else { Issue.record("not read"); return }
        let headings = blocks.filter { if case .heading = $0.kind { return true } else { return false } }
        #expect(headings.map(\.text) == ["Kettle Care Handbook", "Descaling", "Temperatures", "Warranty", "Claims"])
        #expect(headings.map(\.kind) == [1, 2, 3, 3, 4].map { Block.Kind.heading(level: $0) })
        #expect(blocks.contains { $0.text == "Green | 80 \u{b0}C | 2" })
        #expect(!blocks.contains { $0.text.contains("month") || $0.text.contains("PAGE") || $0.text.contains("Descaling 2") })
    }

    @Test func skipsSayWhy() {
        let folder = FormatGoldenTests.formatsFolder
        func reason(_ path: String, limit: Int = 0) -> String? {
            guard
                case .skip(let why) = WordDocumentParser().parse(
                    Array(FileManager.default.contents(atPath: folder + "/" + path)!), expandingTo: limit)
            else { return nil }
            return why
        }
        #expect(reason("office/secret.docx")?.hasPrefix("encrypted Word document: it needs a password") == true)
        #expect(
            reason("bomb.docx", limit: 1 << 20)?.hasPrefix("larger than --max-file-size once uncompressed (Word document, over 1 MB)")
                == true)
        #expect(reason("containers/bundle.zip")?.hasPrefix("not a Word document: no word/document.xml") == true)
        #expect(reason("bomb.docx", limit: 0) == nil)
        #expect(CorpusNotice(.skipped, path: "a.docx", reason: reason("office/secret.docx")!).category == "encrypted Word documents")
        #expect(CorpusNotice(.skipped, path: "a.docx", reason: reason("bomb.docx", limit: 1 << 20)!).category == "too large")
    }
}
