import Testing
@testable import FootnoteStorage

@Suite struct OffsetsTests {
    @Test func offsetsThatFitTake4BytesAndTheRest8() {
        let small: Offsets = [0, 5, 5, Int(UInt32.max)]
        #expect(!small.isWide && small.elementSize == 4 && small.rawBytes.count == 16)
        #expect(Array(small) == [0, 5, 5, Int(UInt32.max)])
        let large = Offsets([0, Int(UInt32.max) + 1])
        #expect(large.isWide && large.elementSize == 8 && large.rawBytes.count == 16)
        #expect(Array(large) == [0, Int(UInt32.max) + 1])
        #expect(Offsets([Int]()).isEmpty)
    }

    /// The same offsets are equal whatever their width.
    @Test func equalityIgnoresTheWidth() {
        let values = [0, 3, 70_000, 1 << 31]
        #expect(Offsets(narrow: FlatArray(values.map(UInt32.init))) == Offsets(wide: FlatArray(values)))
        #expect(Offsets(values) != Offsets([0, 3]))
    }
}
