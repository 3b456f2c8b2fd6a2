import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteAnswer

@Suite struct PDFLayoutTests {
    typealias Line = PDFDocumentText.Line
    func page(_ lines: [String], size: Double = 10) -> PDFDocumentText.Page {
        PDFDocumentText.Page(lines: lines.map { Line(text: $0, fontSize: size) })
    }

    @Test func hyphenatedWordsAreJoined() {
        #expect(PDFLayout.joined(["a fine white sedi-", "ment that rinses"]) == "a fine white sediment that rinses")
        #expect(PDFLayout.joined(["if ELE-", "MENT is NULL"]) == "if ELEMENT is NULL")
        #expect(PDFLayout.joined(["Open-", "Source models"]) == "Open-Source models")
        #expect(PDFLayout.joined(["pages 4 -", "5"]) == "pages 4 - 5")
        #expect(PDFLayout.joined(["one", "two"]) == "one two")
    }

    @Test func pageNumbersAndContentsLinesAreNotText() {
        for line in ["12", "iv", "Page 3", "Page 3 of 9", "3 / 9"] { #expect(PDFLayout.isPageNumber(line), "\(line)") }
        for line in ["12 monkeys", "I", "Page three tells", "2026 was a year of tea"] where line != "I" {
            #expect(!PDFLayout.isPageNumber(line), "\(line)")
        }
        #expect(PDFLayout.isContentsLine("Introduction . . . . . . . . 1"))
        #expect(PDFLayout.isContentsLine("Naming.......... 3"))
        #expect(!PDFLayout.isContentsLine("Wait... then 3"))
    }

    /// Running heads recur at page edges; a paragraph cut by a page break
    /// in mid-sentence goes on across it and cites both pages.
    @Test func runningHeadsDropAndParagraphsCrossPages() {
        let doc = PDFDocumentText(
            pages: [
                page(["Tea Manual", "The kettle boils water for the tea, and the", "pot keeps it warm while it brews", "Tea Manual 1"]),
                page(["Tea Manual", "for four minutes before it is poured.", "Tea Manual 2"]),
                page(["Tea Manual", "A new paragraph starts here.", "Tea Manual 3"]),
            ], outline: [])
        let b = PDFLayout.blocks(doc)
        #expect(
            b.map(\.text) == [
                "The kettle boils water for the tea, and the pot keeps it warm while it brews for four minutes before it is poured.",
                "A new paragraph starts here.",
            ])
        #expect(b.map(\.lines) == [1...2, 3...3])
        #expect(b.allSatisfy { !$0.isVerbatim })
    }

    /// Without an outline, short lines in a larger font are headings, by size.
    @Test func fontSizeHeadings() {
        let doc = PDFDocumentText(
            pages: [
                PDFDocumentText.Page(lines: [
                    Line(text: "Brewing Guide", fontSize: 20), Line(text: "Green tea", fontSize: 14),
                    Line(text: "Brew green tea at 80 degrees for two minutes, never longer.", fontSize: 10),
                    Line(text: "Black tea", fontSize: 14), Line(text: "Black tea wants a full boil.", fontSize: 10),
                    Line(text: "A long line set large that ends like a sentence does, so it is text.", fontSize: 14),
                ])
            ], outline: [])
        let b = PDFLayout.blocks(doc)
        #expect(b.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph, .heading(level: 2), .paragraph, .paragraph])
    }

    /// Bookmarks open their section at the line that reads as their title,
    /// or at the page's start; a bookmark's depth is its level.
    @Test func outlineHeadings() {
        let doc = PDFDocumentText(
            pages: [
                page(["Intro text on the first page."]),
                page(["Some text before the section.", "", "2.1 Citric Acid", "Citric acid descales faster."]),
            ],
            outline: [
                PDFDocumentText.OutlineEntry(title: "1 Introduction", level: 1, page: 1),
                PDFDocumentText.OutlineEntry(title: "Citric acid", level: 2, page: 2),
            ])
        let b = PDFLayout.blocks(doc)
        #expect(
            b.map(\.text) == [
                "1 Introduction", "Intro text on the first page.", "Some text before the section.", "Citric acid",
                "Citric acid descales faster.",
            ])
        #expect(b.map(\.kind) == [.heading(level: 1), .paragraph, .paragraph, .heading(level: 2), .paragraph])
    }
}

/// PDFs through poppler: the committed fixtures (scripts/make-format-fixtures).
@Suite struct PDFParserTests {
    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/pdf/" + name)!)
    }

    @Test func outlineAndPages() throws {
        guard case .success(let doc) = PDFDocumentText.read(Self.fixture("manual.pdf")) else { Issue.record("manual.pdf unread"); return }
        #expect(doc.pages.count == 4)
        #expect(doc.outline.map(\.title) == ["1 Safety", "2 Descaling", "2.1 Citric acid", "3 Warranty"])
        #expect(doc.outline.map(\.level) == [1, 1, 2, 1])
        #expect(doc.outline.map(\.page) == [1, 2, 2, 3])
        // With an outline, font sizes are not read (they only make headings without one).
        #expect(doc.pages[0].lines.contains { $0.text == "1 Safety" && $0.fontSize == 0 })
        guard case .success(let gazette) = PDFDocumentText.read(Self.fixture("gazette.pdf")) else {
            Issue.record("gazette.pdf unread"); return
        }
        #expect(gazette.outline.isEmpty)
        #expect(gazette.pages[0].lines.map(\.fontSize) == [18] + Array(repeating: 10, count: gazette.pages[0].lines.count - 1))
    }

    /// A two-column page reads down the left column, then the right.
    @Test func twoColumnsInReadingOrder() throws {
        guard case .blocks(let blocks) = PDFParser().parse(Self.fixture("gazette.pdf")) else { Issue.record("gazette.pdf unread"); return }
        let text = blocks.map(\.text).joined(separator: "\n")
        let left = try #require(text.range(of: "which stops them oxidising")), right = try #require(text.range(of: "Right column: oolong"))
        #expect(left.upperBound <= right.lowerBound)
        #expect(blocks.first?.kind == .heading(level: 1))
        #expect(blocks.first?.text == "Tea Gazette")
    }

    @Test func encryptedImageOnlyAndDamagedAreSkipped() {
        #expect(PDFParser().parse(Self.fixture("locked.pdf")) == .skip("encrypted PDF: it needs a password to open"))
        guard case .skip(let scan) = PDFParser().parse(Self.fixture("scan.pdf")) else { Issue.record("scan.pdf read"); return }
        #expect(scan.hasPrefix("image-only PDF: no text layer (1 page;"))
        guard case .skip(let damaged) = PDFParser().parse(Array("%PDF-1.4\nnot really".utf8)) else { Issue.record("junk read"); return }
        #expect(damaged.hasPrefix("damaged PDF"))
        #expect(PDFParser().parse([]) != .blocks([Block(kind: .paragraph, text: "", lines: 1...1, bytes: 0..<0, isVerbatim: false)]))
    }

    /// Citations name pages: `manual.pdf p. 2`, `pp. 3–4`, JSON-free here.
    @Test func citationsNamePages() {
        #expect(Citation(file: "manual.pdf", lines: 2...2, section: "", id: nil, unit: .pages).location == "manual.pdf p. 2")
        #expect(
            Citation(file: "manual.pdf", lines: 3...4, section: "3 Warranty", id: nil, unit: .pages).label
                == "manual.pdf pp. 3\u{2013}4 · 3 Warranty")
        #expect(Citation(file: "notes.md", lines: 3...4, section: "", id: nil).location == "notes.md:3-4")
    }
}
