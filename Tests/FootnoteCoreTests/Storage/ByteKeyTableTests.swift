import Testing
@testable import FootnoteCore

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
}
