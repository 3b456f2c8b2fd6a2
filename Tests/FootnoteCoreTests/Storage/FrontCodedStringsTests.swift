import Testing
@testable import FootnoteStorage

@Suite struct FrontCodedStringsTests {
    /// Sorted strings sharing all, part or none of their neighbours' bytes,
    /// an empty one, multi-byte characters cut anywhere, and strings longer
    /// than the decoder's stack buffer.
    static let strings: [String] = {
        var words = [
            "", "a", "ab", "abc", "abd", "b", "naïve", "naïvely", "schedul", "schedule", "scheduler", "z",
            String(repeating: "x", count: 700), String(repeating: "x", count: 700) + "y", "ζ",
        ]
        for i in 0..<300 { words.append("term\(i)") }
        return words.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }()
    static let coded = FrontCodedStrings(StringTable(strings))

    @Test func everyStringReadsBackInAnyOrder() {
        let c = Self.coded
        #expect(c.count == Self.strings.count && c.isConsistent())
        #expect(Array(c) == Self.strings)
        for i in [c.count - 1, 0, 17, 16, 15, 200] { #expect(c[i] == Self.strings[i]) }
        #expect(c.bytes.count < StringTable(Self.strings).bytes.count)
        #expect(c.table() == StringTable(Self.strings))
        #expect(FrontCodedStrings(StringTable([String]())).isEmpty && FrontCodedStrings().isConsistent())
    }

    /// Lookups agree with a plain table's, for present keys and for keys
    /// before, between and after them.
    @Test func lookupsMatchThePlainTable() {
        let plain = StringTable(Self.strings), c = Self.coded
        var keys = Self.strings
        keys += ["", "0", "aa", "abcd", "scheduled", "term", "term1000", "term99x", "zz", "ζζ", "xx", String(repeating: "x", count: 701)]
        for key in keys {
            var k = key
            let expected = k.withUTF8 { plain.lowerBound($0) }
            #expect(k.withUTF8 { c.lowerBound($0) } == expected, "\(key.prefix(20))")
            #expect(c.sortedIndex(of: key) == plain.sortedIndex(of: key), "\(key.prefix(20))")
        }
        var seen: [String] = []
        c.forEach(from: 14) { i, s in
            seen.append(String(decoding: s, as: UTF8.self))
            return i < 40
        }
        #expect(seen == Array(Self.strings[14...40]))
    }

    /// Damaged bytes or block starts read as wrong or empty strings, never
    /// out of bounds; block starts out of order are caught.
    @Test func damageIsReadSafely() {
        let c = Self.coded
        for offset in stride(from: 0, to: c.bytes.count, by: 37) {
            var bytes = Array(c.bytes)
            bytes[offset] ^= 0xFF
            let damaged = FrontCodedStrings(bytes: FlatArray(bytes), blockStart: c.blockStart, count: c.count)
            for i in 0..<damaged.count { _ = damaged[i] }
            _ = damaged.sortedIndex(of: "term5")
        }
        var starts = Array(c.blockStart)
        starts.swapAt(2, 3)
        let shuffled = FrontCodedStrings(bytes: c.bytes, blockStart: Offsets(starts), count: c.count)
        #expect(!shuffled.isConsistent())
        for i in 0..<shuffled.count { _ = shuffled[i] }
        #expect(!FrontCodedStrings(bytes: c.bytes, blockStart: c.blockStart, count: c.count + 20).isConsistent())
    }
}
