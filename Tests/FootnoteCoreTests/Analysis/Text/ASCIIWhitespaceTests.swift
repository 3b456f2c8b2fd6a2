import Testing
@testable import FootnoteAnalysis

@Suite struct ASCIIWhitespaceTests {
    /// Exactly space, tab, LF, VT, FF and CR, over every byte value.
    @Test func exactlyTheSixBytes() {
        let expected: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
        for b in UInt8.min...UInt8.max {
            #expect(ASCIIWhitespace.contains(b) == expected.contains(b), "byte \(b)")
            #expect(ASCIIWhitespace.isWithinLine(b) == (expected.contains(b) && b != 0x0A && b != 0x0D), "byte \(b)")
        }
    }

    /// The sentence splitter ends a sentence before a form feed as before a space.
    @Test func theSplitterReadsEveryKindAlike() {
        for space in ["\u{0B}", "\u{0C}", "\t", "\r\n", " "] {
            let text = "It rains.\(space)The river rises."
            #expect(SentenceSplitter.sentences(in: text).count == 2, "\(Array(space.utf8))")
        }
    }
}
