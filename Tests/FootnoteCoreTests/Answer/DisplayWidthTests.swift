import Testing
@testable import FootnoteAnalysis
@testable import FootnoteAnswer

@Suite struct DisplayWidthTests {
    @Test func countsCharactersWithWhitespaceRunsOnce() {
        let bytes = Array("né  à\n\n  b".utf8)  // n é ␠ à ␠ b
        let w = DisplayWidth(bytes)
        #expect(w.of(0..<bytes.count) == 6)
        #expect(w.of(0..<3) == 2)  // "né" is 3 bytes
    }

    @Test func findsEndsAndStartsWithinABudget() {
        let bytes = Array("ééééé".utf8)  // 10 bytes, 5 characters
        let w = DisplayWidth(bytes)
        #expect(w.end(from: 0, budget: 3, limit: bytes.count) == 6)
        #expect(w.start(before: bytes.count, budget: 2, floor: 0) == 6)
        #expect(w.end(from: 0, budget: 99, limit: bytes.count) == bytes.count)
    }

    @Test func excerptBudgetIsInCharactersNotBytes() {
        // 40 accented words of 6 characters (7 bytes each with the space): the
        // excerpt may hold ~35 words of 250 characters, not ~20 of 250 bytes.
        let text = Array(repeating: "éléphant", count: 80).joined(separator: " ") + " zèbre."
        let analyzer = Analyzer()
        var weights: [String: Float] = [:]
        for t in analyzer.terms("zèbre") { weights[t] = 1 }
        let e = ExcerptBuilder(maxCharacters: 100).excerpt(of: text, termWeights: weights, analyzer: analyzer)
        #expect(e.text.unicodeScalars.count > 90)
        #expect(e.text.unicodeScalars.count <= 102)  // budget plus the "…" marks
    }
}
