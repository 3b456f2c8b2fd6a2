import Foundation
import Testing
@testable import FootnoteCorpus

/// OpenDocument text: headings, lists, tables, notes, what is left out.
@Suite struct OpenDocumentParserTests {
    static let ns =
        #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#

    static func blocks(_ body: String) -> [Block] {
        var reader = OpenDocumentParser.BodyReader()
        _ = XMLStream.read(
            Array(
                "<office:document-content \(ns)><office:body><office:text>\(body)</office:text></office:body></office:document-content>"
                    .utf8)
        ) {
            reader.take($0)
        }
        return reader.finish()
    }

    @Test func headingsListsAndSpaces() {
        let blocks = Self.blocks(
            #"<text:h text:outline-level="2">Sowing</text:h><text:h>Untitled level</text:h>"#
                + #"<text:p>Three<text:s text:c="3"/>spaces<text:tab/>a tab<text:line-break/>a break</text:p>"#
                + "<text:list><text:list-item><text:p>Outer</text:p><text:list><text:list-item><text:p>Inner</text:p></text:list-item></text:list></text:list-item></text:list>"
                + "<text:p>After</text:p>")
        #expect(blocks.map(\.kind) == [.heading(level: 2), .heading(level: 1), .paragraph, .list, .paragraph])
        #expect(
            blocks.map(\.text) == ["Sowing", "Untitled level", "Three spaces a tab a break", "\u{2022} Outer\n  \u{2022} Inner", "After"])
    }

    /// A footnote follows its paragraph; its mark, comments, tracked deletions
    /// and generated tables of contents are left out; a spanned cell's cover is not a cell.
    @Test func notesTablesAndWhatIsLeftOut() {
        let blocks = Self.blocks(
            "<text:table-of-content><text:index-body><text:p>Sowing 1</text:p></text:index-body></text:table-of-content>"
                + "<text:tracked-changes><text:changed-region><text:deletion><text:p>deleted</text:p></text:deletion></text:changed-region></text:tracked-changes>"
                + "<text:p>Sow thinly<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Or in pots.</text:p></text:note-body></text:note>."
                + "<office:annotation><text:p>a comment</text:p></office:annotation></text:p>"
                + #"<table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Wide</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>c</text:p></table:table-cell></table:table-row></table:table>"#
        )
        #expect(blocks.map(\.text) == ["Sow thinly.", "Or in pots.", "Wide | c"])
    }

    /// Paragraph styles: derived from Title (an automatic style), or with a default outline level, through their parents.
    @Test func titleAndHeadingsByParagraphStyle() {
        let ns = #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0""#
        let declared = OpenDocumentParser.styles(
            Array(
                """
                <s \(ns)><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
                <style:style style:name="Kop" style:display-name="Title" style:family="paragraph"/>
                <style:style style:name="H" style:family="paragraph" style:default-outline-level="3"/>
                <style:style style:name="P2" style:family="paragraph" style:parent-style-name="H"/>
                <style:style style:name="T1" style:family="text" style:parent-style-name="Title"/>
                <style:style style:name="Loop" style:family="paragraph" style:parent-style-name="Loop"/></s>
                """.utf8))
        let levels = OpenDocumentParser.resolved(declared)
        #expect(levels == ["Kop": 0, "H": 3, "P2": 3])  // P1's parent Title is not declared here
        var withTitle = declared
        withTitle["Title"] = OpenDocumentParser.Style(isTitle: true)
        #expect(OpenDocumentParser.resolved(withTitle)["P1"] == 0)
    }

    @Test func theFixtureAndItsCopyWithoutAName() throws {
        let folder = FormatGoldenTests.formatsFolder + "/office/"
        let bytes = Array(FileManager.default.contents(atPath: folder + "garden.odt")!)
        #expect(OpenDocumentParser().recognizes(head: bytes.prefix(1024)))
        #expect(
            DocumentParsers.format(recognizing: Array(FileManager.default.contents(atPath: folder + "garden-copy")!).prefix(1024))
                == .openDocument)
        guard case .blocks(let blocks) = OpenDocumentParser().parse(bytes) else { Issue.record("not read"); return }
        #expect(blocks.first?.text == "Garden Notebook" && blocks.first?.kind == .heading(level: 1))
        #expect(blocks.contains { $0.text == "Tomatoes" && $0.kind == .heading(level: 2) })
        #expect(blocks.contains { $0.text == "Storage" && $0.kind == .heading(level: 3) })
        #expect(blocks.contains { $0.text == "Gardener\u{2019}s Delight | 65" })
        #expect(!blocks.contains { $0.text.contains("check this") || $0.text.contains("Tomatoes 1") })
        guard case .skip(let why) = OpenDocumentParser().parse(Array(FileManager.default.contents(atPath: folder + "broken.odt")!)) else {
            Issue.record("a truncated file read"); return
        }
        #expect(why.hasPrefix("damaged OpenDocument file: "))
    }
}
