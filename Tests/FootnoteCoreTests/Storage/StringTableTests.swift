import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus

@Suite struct StringTableTests {
    @Test func storesStringsAndFindsThemInByteOrder() {
        let words = ["", "a", "ab", "abc", "b", "zeta", "é"]  // byte order: "é" (0xC3…) sorts last
        let table = StringTable(words)
        #expect(Array(table) == words)
        for (i, w) in words.enumerated() { #expect(table.sortedIndex(of: w) == i) }
        #expect(table.sortedIndex(of: "aa") == nil)
        #expect(table.sortedIndex(of: "zz") == nil)
        var key = "abb"
        #expect(key.withUTF8 { table.lowerBound($0) } == 3)
    }

    @Test func flatArrayCopiesAndCompares() {
        let a = FlatArray([1, 2, 3] as [Int32])
        #expect(Array(a) == [1, 2, 3])
        #expect(a == [1, 2, 3])
        #expect(FlatArray<Int>().isEmpty)
    }

    @Test func passageListRoundTripsPassages() {
        let passages = [
            Passage(document: 0, id: nil, section: ["Top", "Sub \u{1F}part"], text: "Body one.", lines: 1...3, bytes: 0..<20),
            Passage(document: 1, id: "d-7", section: ["Title"], text: "Body two.", lines: 1...1, bytes: 5..<9),
            Passage(document: 1, id: "", section: [], text: "", lines: 2...2, bytes: 9..<9),
        ]
        let list = PassageList(passages)
        #expect(list[0].section == ["Top", "Sub  part"])  // the separator byte cannot appear inside a heading
        #expect(Array(list[1...]) == Array(passages[1...]))
        #expect(list.id(2) == "")
        // Lines and bytes beyond 32 bits survive their VarInt records, plain and compressed.
        let far = Passage(document: 0, section: [], text: "x", lines: 70_000...70_012, bytes: 5_000_000_000..<5_000_000_123)
        #expect(PassageList([far])[0] == far)
        var bare = far
        bare.text = ""
        #expect(PassageList([far]).withoutTexts()[0] == bare)
        let damaged = PassageList(
            documents: [0], bounds: .plain(StringTable(bytes: [0xFF], offsets: [0, 1])), texts: .plain(StringTable(["x"])),
            sections: .plain(StringTable([""])), ids: .plain(StringTable([""])), flags: [0])
        #expect(damaged.bounds(0).lines == 1...1 && damaged.bounds(0).bytes == 0..<0)
        #expect(list.texts?.byteCount == 18 && list.headingByteCount == (13 + 1) + (5 + 1))  // each heading path and its line break
    }
}
