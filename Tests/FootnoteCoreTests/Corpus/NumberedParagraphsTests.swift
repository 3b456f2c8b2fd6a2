import Testing
@testable import FootnoteCorpus

/// Paragraph numbering for word-processor documents.
@Suite struct NumberedParagraphsTests {
    @Test func headingsParagraphsListsAndRowsCountOneEach() {
        var p = NumberedParagraphs()
        p.heading("Care", level: 1)
        p.paragraph("  Keep it\tdry.\n ")
        p.paragraph("   ")  // empty: counts none
        p.listItem("Unplug it.", depth: 0)
        p.listItem("Wipe it.", depth: 1)
        p.row(["Tea", "", "4"])
        p.row(["", " "])  // empty row: none
        let blocks = p.finish()
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .list, .paragraph])
        #expect(blocks.map(\.text) == ["Care", "Keep it dry.", "\u{2022} Unplug it.\n  \u{2022} Wipe it.", "Tea | | 4"])
        #expect(blocks.map(\.lines) == [1...1, 2...2, 3...4, 5...5])
        #expect(blocks.allSatisfy { !$0.isVerbatim })
        // Bytes: each block's place in the text joined by newlines.
        #expect(blocks[1].bytes == 5..<17 && blocks[2].bytes.lowerBound == 18)
    }

    /// A title goes above the headings, which move one level down.
    @Test func aTitleHeadsTheHeadings() {
        var p = NumberedParagraphs()
        p.title("Handbook")
        p.heading("Care", level: 1)
        p.heading("Storage", level: 2)
        #expect(p.finish().map(\.kind) == [.heading(level: 1), .heading(level: 2), .heading(level: 3)])
        var q = NumberedParagraphs()
        q.heading("Care", level: 1)
        #expect(q.finish().map(\.kind) == [.heading(level: 1)])
    }
}
