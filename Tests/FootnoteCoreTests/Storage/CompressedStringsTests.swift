import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus

@Suite struct CompressedStringsTests {
    let texts = StringTable(
        (0..<300).map { i in
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
        #expect(store.nonEmptyCount == 300 - 9)  // every 37th string is empty
    }

    /// A column that fits the cache keeps every block; a smaller budget keeps
    /// fewer (at least one) and evicts; reads are right either way, from
    /// several threads at once too.
    @Test func theCacheHoldsWhatTheBudgetAllows() {
        let store = CompressedStrings.compress(texts)
        #expect(store.cachedBlockLimit == store.blockCount)
        for budget in [1, store.byteCount / store.blockCount * 2, 1 << 30] {
            let column = CompressedStrings(
                blockStart: store.blockStart, compressed: store.compressed, count: store.count,
                byteCount: store.byteCount, nonEmptyCount: store.nonEmptyCount, cacheBudget: budget)
            #expect(column.cachedBlockLimit == (budget == 1 ? 1 : budget == 1 << 30 ? store.blockCount : 2))
            let scattered = (0..<900).map { ($0 * 7919) % 300 }
            _ = concurrentMap(4) { part in
                for i in scattered[(part * 225)..<((part + 1) * 225)] {
                    #expect(column.withBytes(i) { String(decoding: $0, as: UTF8.self) } == texts[i])
                }
            }
        }
    }

    /// Front-coded blocks read back every string — empty ones, ones that
    /// share all, part or none of the one before, multi-byte characters cut
    /// anywhere — and take less room than plain blocks for ids like these.
    @Test func frontCodedStringsReadBack() {
        let ids = StringTable(
            (0..<400).map { i -> String in
                i % 50 == 0 ? "" : i % 23 == 0 ? "café/naïve ☕️ \(i / 23)" : "Documentation/ABI/file\(i / 10).rst#\(i % 10)"
            } + ["same", "same", "samer", "sam", ""])
        let store = CompressedStrings.compress(ids, layout: .frontCoded)
        for i in 0..<ids.count { #expect(store.withBytes(i) { String(decoding: $0, as: UTF8.self) } == ids[i], "string \(i)") }
        #expect(store.compressed.count < CompressedStrings.compress(ids).compressed.count)
        // A shared prefix longer than the string before it, or suffixes past the block: not decoded.
        #expect(CompressedStrings.decodeFrontCoded([0, 3, 1, 1, 0x61, 0x62], strings: 2, as: 0) == nil)
        #expect(CompressedStrings.decodeFrontCoded([0, 1, 9, 1, 0x61, 0x62], strings: 2, as: 0) == nil)
        // "ab", then "a" + "c".
        #expect(CompressedStrings.decodeFrontCoded([0, 1, 2, 1, 0x61, 0x62, 0x63], strings: 2, as: 0)?.bytes == Array("abac".utf8))
        // A column compressed another way is compressed again for the layout asked for.
        let plain = StringColumn.compressed(CompressedStrings.compress(ids))
        #expect(plain.compressed(layout: .frontCoded).layout == .frontCoded)
        #expect(StringColumn.compressed(plain.compressed(layout: .frontCoded)) == plain)
    }

    @Test func aDamagedBlockReadsAsEmptyText() {
        let store = CompressedStrings.compress(texts)
        // The last block cut short: it cannot decode.
        var starts = Array(store.blockStart)
        starts[starts.count - 1] -= 10
        let cut = CompressedStrings(
            blockStart: Offsets(starts), compressed: FlatArray(Array(store.compressed.dropLast(10))),
            count: store.count, byteCount: store.byteCount, nonEmptyCount: store.nonEmptyCount)
        #expect(cut.withBytes(299) { $0.count } == 0)
        #expect(cut.withBytes(3) { String(decoding: $0, as: UTF8.self) } == texts[3])  // other blocks unharmed
        // Flipped bytes inside a block: whatever comes out, nothing crashes and other blocks read right.
        for offset in [0, 5, 17, 40] {
            var bytes = Array(store.compressed)
            bytes[store.blockStart[1] + offset] ^= 0xFF
            let flipped = CompressedStrings(
                blockStart: store.blockStart, compressed: FlatArray(bytes), count: store.count,
                byteCount: store.byteCount, nonEmptyCount: store.nonEmptyCount)
            for i in 64..<128 { _ = flipped.withBytes(i) { $0.count } }
            #expect(flipped.withBytes(3) { String(decoding: $0, as: UTF8.self) } == texts[3])
        }
    }

    @Test func passageListsCompareByContentWhateverTheStorage() {
        let passages = (0..<100).map {
            Passage(
                document: 0, id: $0 % 2 == 0 ? "p\($0)" : nil, section: $0 % 3 == 0 ? [] : ["Part \($0 % 7)"],
                text: "text \($0)", lines: $0...$0, bytes: $0..<($0 + 7))
        }
        let plain = PassageList(passages)
        let bare = plain.withoutTexts()  // the other columns compressed
        #expect(bare.texts == nil)
        #expect(
            Array(bare)
                == passages.map {
                    var p = $0; p.text = ""; return p
                })
        #expect(
            bare
                == PassageList(
                    documents: plain.documents, bounds: plain.bounds, texts: nil, sections: plain.sections,
                    ids: plain.ids, flags: plain.flags))
        #expect(bare.headingByteCount == plain.headingByteCount)
    }

    /// Bounds records stored field by field read back as they were: lines and
    /// bytes that run on, restart (a new document) or pass 32 bits; a block
    /// holding anything but such records is stored plainly.
    @Test func passageBoundsReadBackFieldByField() {
        var rng = SplitMix(seed: 9)
        var passages: [Passage] = []
        var line = 1, byte = 0
        for i in 0..<1000 {
            if i % 37 == 0 { line = 1; byte = 0 }  // a new document
            let lines = Int(rng.next() % 4), bytes = 1 + Int(rng.next() % 900)
            let start = i == 500 ? 6_000_000_000 : byte + Int(rng.next() % 3)
            passages.append(Passage(document: 0, section: [], text: "", lines: line...(line + lines), bytes: start..<(start + bytes)))
            line += lines + 1 + Int(rng.next() % 2)
            byte = start + bytes
        }
        let list = PassageList(passages)
        guard case .plain(let plain) = list.bounds else { Issue.record("plain bounds expected"); return }
        let packed = CompressedStrings.compress(plain, layout: .passageBounds)
        let strings = CompressedStrings.compress(plain)
        #expect(
            packed.compressed.count < strings.compressed.count * 2 / 3, "\(packed.compressed.count) vs \(strings.compressed.count) bytes")
        let bare = list.withoutTexts()
        for i in 0..<1000 {
            #expect(packed.withBytes(i) { Array($0) } == plain.utf8(i).map { $0 })
            #expect(bare.bounds(i).lines == passages[i].lines && bare.bounds(i).bytes == passages[i].bytes)
        }
        // Not records: stored plainly, read back all the same.
        let odd = StringTable((0..<130).map { $0 == 70 ? "not a record" : String(decoding: plain.utf8($0), as: UTF8.self) })
        let mixed = CompressedStrings.compress(odd, layout: .passageBounds)
        for i in 0..<130 { #expect(mixed.withBytes(i) { Array($0) } == Array(odd.utf8(i))) }
        // Damage: an unknown layout byte or cut fields read as empty strings, never a crash.
        for flip in [0, 1, 5, 17] {
            var bytes = Array(packed.compressed)
            bytes[packed.blockStart[2] + flip] ^= 0x5A
            let damaged = CompressedStrings(
                blockStart: packed.blockStart, compressed: FlatArray(bytes), count: packed.count,
                byteCount: packed.byteCount, nonEmptyCount: packed.nonEmptyCount, layout: .passageBounds)
            for i in 128..<192 { _ = damaged.withBytes(i) { $0.count } }
        }
    }
}
