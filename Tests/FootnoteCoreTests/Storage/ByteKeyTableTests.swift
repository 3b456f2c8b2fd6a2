import Testing
@testable import FootnoteStorage

@Suite struct ByteKeyTableTests {
    @Test func numbersKeysInOrderAndFindsThemAfterGrowing() {
        var table = ByteKeyTable(capacity: 2)
        let keys: [[UInt8]] = [[]] + (0..<5000).map { Array("key-\($0)-\(String(repeating: "x", count: $0 % 23))".utf8) }
        for (i, key) in keys.enumerated() {
            let (number, inserted) = table.insert(key)
            #expect(number == Int32(i) && inserted)
        }
        #expect(table.count == keys.count)
        for (i, key) in keys.enumerated() {
            #expect(table.find(key) == Int32(i))
            #expect(table.insert(key) == (Int32(i), false))
            #expect(Array(table.key(i)) == key)
        }
        #expect(table.find(Array("key-1-".utf8)) == nil)
        #expect(table.find(Array("key-1-xy".utf8)) == nil)
    }

    /// Byte order, shorter first on a tie: keys sharing 8-byte prefixes,
    /// prefixes of each other, high bytes and NUL included.
    @Test func sortedOrderIsByteOrder() {
        var rng = SplitMix(seed: 21)
        var table = ByteKeyTable()
        var keys: [[UInt8]] = []
        let alphabet: [UInt8] = [0, 1, 0x61, 0x62, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<3000 {
            let stem: [UInt8] = rng.next() % 2 == 0 ? Array("interpol".utf8) : []
            let key = stem + (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let (_, inserted) = key.withUnsafeBufferPointer { table.insert($0) }
            if inserted { keys.append(key) }
        }
        let expected = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        #expect(table.sortedOrder() == expected)
    }
}
