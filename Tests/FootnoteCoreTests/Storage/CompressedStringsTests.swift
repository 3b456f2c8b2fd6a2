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
            #expect(store.withBytes(i) { String(decoding: $0, as: UTF8.self) } == texts[i])
        }
        #expect(store.byteCount == texts.bytes.count)
        #expect(store.nonEmptyCount == 300 - 9)   // every 37th string is empty
    }

    /// A column that fits the cache keeps every block; a smaller budget keeps
    /// fewer (at least one) and evicts; reads are right either way, from
    /// several threads at once too.
    @Test func theCacheHoldsWhatTheBudgetAllows() {
        let store = CompressedStrings.compress(texts)
        #expect(store.cachedBlockLimit == store.blockCount)
        for budget in [1, store.byteCount / store.blockCount * 2, 1 << 30] {
            let column = CompressedStrings(blockStart: store.blockStart, compressed: store.compressed, count: store.count,
                                           byteCount: store.byteCount, nonEmptyCount: store.nonEmptyCount, cacheBudget: budget)
            #expect(column.cachedBlockLimit == (budget == 1 ? 1 : budget == 1 << 30 ? store.blockCount : 2))
            let scattered = (0..<900).map { ($0 * 7919) % 300 }
            concurrentForEach(4) { part in
                for i in scattered[(part * 225)..<((part + 1) * 225)] {
                    #expect(column.withBytes(i) { String(decoding: $0, as: UTF8.self) } == texts[i])
                }
            }
        }
    }

    @Test func aDamagedBlockReadsAsEmptyText() {
        let store = CompressedStrings.compress(texts)
        // The last block cut short: it cannot decode.
        var starts = Array(store.blockStart)
        starts[starts.count - 1] -= 10
        let cut = CompressedStrings(blockStart: FlatArray(starts), compressed: FlatArray(Array(store.compressed.dropLast(10))),
                                    count: store.count, byteCount: store.byteCount, nonEmptyCount: store.nonEmptyCount)
        #expect(cut.withBytes(299) { $0.count } == 0)
        #expect(cut.withBytes(3) { String(decoding: $0, as: UTF8.self) } == texts[3])   // other blocks unharmed
        // Flipped bytes inside a block: whatever comes out, nothing crashes and other blocks read right.
        for offset in [0, 5, 17, 40] {
            var bytes = Array(store.compressed)
            bytes[store.blockStart[1] + offset] ^= 0xFF
            let flipped = CompressedStrings(blockStart: store.blockStart, compressed: FlatArray(bytes), count: store.count,
                                            byteCount: store.byteCount, nonEmptyCount: store.nonEmptyCount)
            for i in 64..<128 { _ = flipped.withBytes(i) { $0.count } }
            #expect(flipped.withBytes(3) { String(decoding: $0, as: UTF8.self) } == texts[3])
        }
    }

    @Test func passageListsCompareByContentWhateverTheStorage() {
        let passages = (0..<100).map { Passage(document: 0, id: $0 % 2 == 0 ? "p\($0)" : nil, section: $0 % 3 == 0 ? [] : ["Part \($0 % 7)"],
                                               text: "text \($0)", lines: $0...$0, bytes: $0..<($0 + 7)) }
        let plain = PassageList(passages)
        let bare = plain.withoutTexts()   // the other columns compressed
        #expect(bare.texts == nil)
        #expect(Array(bare) == passages.map { var p = $0; p.text = ""; return p })
        #expect(bare == PassageList(documents: plain.documents, bounds: plain.bounds, texts: nil, sections: plain.sections,
                                    ids: plain.ids, flags: plain.flags))
        #expect(bare.headingByteCount == plain.headingByteCount)
    }
}
