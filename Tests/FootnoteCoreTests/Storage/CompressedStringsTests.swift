import Testing
@testable import FootnoteCore

@Suite struct CompressedStringsTests {
    let texts = StringTable((0..<300).map { i in
        i % 37 == 0 ? "" : "Passage \(i): kettles, teapots and naïve café crema ☕️ " + String(repeating: "tea ", count: i % 11)
    })

    @Test func everyTextReadsBackInAnyOrder() {
        let store = CompressedStrings.compress(texts)
        #expect(store.count == 300 && store.blockCount == CompressedStrings.blocks(for: 300))
        #expect(store.compressed.count < texts.bytes.count / 2)
        for i in [299, 0, 64, 63, 150, 1, 298, 128, 37] + Array(0..<300) {
            #expect(store.withText(i) { String(decoding: $0, as: UTF8.self) } == texts[i])
        }
        #expect(store.byteCount == texts.bytes.count)
    }

    @Test func aDamagedBlockReadsAsEmptyText() {
        let store = CompressedStrings.compress(texts)
        var bytes = Array(store.compressed)
        bytes[store.blockStart[1] + 5] ^= 0xFF   // inside block 1
        let damaged = CompressedStrings(offsets: store.offsets, blockStart: store.blockStart, compressed: FlatArray(bytes))
        #expect(damaged.withText(70) { $0.count } == 0)
        #expect(damaged.withText(3) { String(decoding: $0, as: UTF8.self) } == texts[3])   // other blocks unharmed
    }

    @Test func passageListsCompareByTextWhateverTheStorage() {
        let passages = (0..<100).map { Passage(document: 0, section: [], text: "text \($0)", lines: 1...1, bytes: 0..<1) }
        let plain = PassageList(passages)
        #expect(plain.compressed() == plain)
        #expect(Array(plain.compressed()) == passages)
        #expect(plain.compressed().textByteCount == plain.textByteCount)
    }
}
