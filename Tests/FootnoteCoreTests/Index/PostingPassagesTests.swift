import Testing
@testable import FootnoteStorage
@testable import FootnoteIndex

@Suite struct PostingPassagesTests {
    /// Lists of every shape: empty, one posting, just under, at and over a
    /// block, many blocks; dense runs (one-byte gaps, the eight-at-once path)
    /// and gaps of up to four bytes.
    static func lists() -> [[Int32]] {
        var rng = SplitMix(seed: 5)
        var out: [[Int32]] = [[], [0], [7], [Int32.max - 1]]
        for length in [2, 8, 9, 127, 128, 129, 255, 256, 257, 1000, 5000] {
            for spread in [1, 3, 200, 40_000, 2_000_000] where length * spread < 2_000_000_000 {
                var p = Int(rng.next() % 10)
                out.append(
                    (0..<length).map { _ in
                        defer { p += 1 + Int(rng.next() % UInt64(spread)) }
                        return Int32(p)
                    })
            }
        }
        return out
    }

    static func encoded(_ lists: [[Int32]]) -> (PostingPassages, Offsets) {
        let flat = lists.flatMap { $0 }
        var starts = [0]
        for l in lists { starts.append(starts.last! + l.count) }
        let postingStart = Offsets(starts)
        return (flat.withUnsafeBufferPointer { PostingPassages($0, postingStart: postingStart) }, postingStart)
    }

    @Test func listsRoundTripWholeAndBlockByBlock() {
        let lists = Self.lists()
        let (encoded, _) = Self.encoded(lists)
        #expect(encoded.isConsistent(termCount: lists.count))
        var builder = PostingPassages.Builder()
        for l in lists { l.withUnsafeBufferPointer { builder.append($0) } }
        #expect(builder.build() == encoded)
        for (t, list) in lists.enumerated() {
            #expect(encoded.passages(term: t, count: list.count) == list)
            var reader = PostingPassages.BlockReader(encoded, term: t, count: list.count, passageCount: Int(Int32.max))
            #expect(reader.blockCount == (list.count + 127) / 128)
            var decoded: [Int32] = []
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingPassages.blockSize) { block in
                while true {
                    if let last = reader.lastPassage(ofBlock: reader.block) {
                        #expect(last == Int(list[(reader.block + 1) * 128 - 1]))
                    }
                    let n = reader.decode(into: block.baseAddress!)
                    if n == 0 { break }
                    decoded += block[0..<n]
                }
            }
            #expect(decoded == list)
        }
        let flat = Self.lists().flatMap { $0 }.count
        #expect(encoded.bytes.count < flat * 4, "compressed: \(encoded.bytes.count) bytes for \(flat) postings")
    }

    /// Enough postings to be encoded in runs on several cores: the joined
    /// lists equal one builder's.
    @Test func listsEncodedInRunsEqualOneBuilders() {
        var rng = SplitMix(seed: 17)
        let lists: [[Int32]] = (0..<2500).map { t in
            var p = Int(rng.next() % 50)
            return (0..<(20 + (t * 37) % 300)).map { _ in
                defer { p += 1 + Int(rng.next() % 90) }; return Int32(p)
            }
        }
        let (encoded, _) = Self.encoded(lists)
        #expect(lists.reduce(0) { $0 + $1.count } > 200_000)
        var builder = PostingPassages.Builder()
        for l in lists { l.withUnsafeBufferPointer { builder.append($0) } }
        #expect(builder.build() == encoded)
        #expect(encoded.isConsistent(termCount: lists.count))
        for t in stride(from: 0, to: lists.count, by: 97) { #expect(encoded.passages(term: t, count: lists[t].count) == lists[t]) }
    }

    @Test func skippingBlocksLandsOnTheRightPassages() {
        let list = (0..<1000).map { Int32($0 * 3) }
        let (encoded, _) = Self.encoded([list])
        for skips in 0...7 {
            var reader = PostingPassages.BlockReader(encoded, term: 0, count: 1000, passageCount: 3000)
            for _ in 0..<skips { let skipped = reader.skipBlock(); #expect(skipped) }
            #expect(reader.block == skips)
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingPassages.blockSize) { block in
                let n = reader.decode(into: block.baseAddress!)
                #expect(Array(block[0..<n]) == Array(list[(skips * 128)..<min(1000, skips * 128 + 128)]))
            }
        }
        var reader = PostingPassages.BlockReader(encoded, term: 0, count: 1000, passageCount: 3000)
        for _ in 0..<7 { let skipped = reader.skipBlock(); #expect(skipped) }
        let pastTheEnd = reader.skipBlock()
        #expect(!pastTheEnd)  // the last block has no skip entry: it is decoded
    }

    /// Damage never reads out of bounds or yields a passage out of range:
    /// the reader stops early instead.
    @Test func damagedListsYieldFewerPostingsNeverWrongOnes() {
        let list = (0..<600).map { Int32($0 * 5 + 1) }
        let (encoded, _) = Self.encoded([list])
        // Passages at or past the limit are not returned (a packed block holding one is dropped whole).
        let limited = encoded.passages(term: 0, count: 600, passageCount: 1001)
        #expect(limited == Array(list.prefix(limited.count)) && limited.count <= 200 && limited.count >= 128)
        // Every byte flipped in turn, and the list cut at every length.
        let bytes = Array(encoded.bytes)
        for at in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[at] ^= 0xA5
            let lists = PostingPassages(termByteStart: Offsets([0, damaged.count]), bytes: FlatArray(damaged))
            for p in lists.passages(term: 0, count: 600, passageCount: 3001) { #expect(p >= 0 && p < 3001) }
            var reader = PostingPassages.BlockReader(lists, term: 0, count: 600, passageCount: 3001)
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingPassages.blockSize) { block in
                var total = 0
                while total <= 600 {
                    if reader.block % 2 == 1 && reader.skipBlock() { continue }
                    let n = reader.decode(into: block.baseAddress!)
                    if n == 0 { break }
                    for p in block[0..<n] { #expect(p >= 0 && p < 3001) }
                    total += n
                }
            }
        }
        for cut in stride(from: 0, to: bytes.count, by: 5) {
            let lists = PostingPassages(termByteStart: Offsets([0, cut]), bytes: FlatArray(Array(bytes[0..<cut])))
            let decoded = lists.passages(term: 0, count: 600, passageCount: 3001)
            #expect(decoded == Array(list.prefix(decoded.count)))
        }
        #expect(!PostingPassages(termByteStart: Offsets([0, 5]), bytes: FlatArray(bytes)).isConsistent(termCount: 1))
    }
}
