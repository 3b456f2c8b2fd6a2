import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex

/// `PostingCursor` against the lists read whole, on a corpus whose lists
/// span several blocks (`ScoringModelConformanceTests.passages`' shape).
@Suite struct PostingCursorTests {
    static let index: InvertedIndex = {
        let passages: [Passage] = (0..<700).map { i in
            let words = ["alder", "birch", "cedar", "dogwood", "elm"].enumerated().filter { i % ($0.offset + 1) == 0 }.map(\.element)
            let repeated = words.flatMap { Array(repeating: $0, count: 1 + i % 4) }
            return Passage(
                document: 0, section: [], text: repeated.joined(separator: " ") + " grove.", lines: (i + 1)...(i + 1),
                bytes: 0..<1)
        }
        return IndexBuilder().build(passages)
    }()

    /// Walks every list block by block with one cursor moved from term to term.
    @Test func blocksGiveEveryPostingWithItsFrequency() {
        let index = Self.index
        #expect(PostingCursor.blockSize == PostingBlock.size && PostingBlock.size.nonzeroBitCount == 1)
        var cursor = index.cursor(0)
        var sawSeveralBlocks = false
        for t in 0..<Int32(index.termCount) {
            cursor.move(to: t)
            #expect(cursor.term == t && cursor.postings == index.postings(t) && cursor.count == index.documentFrequency(t))
            var passages: [Int32] = [], frequencies: [Float] = []
            var block = [Int32](repeating: 0, count: PostingCursor.blockSize),
                scratch = [Float](repeating: 0, count: PostingCursor.blockSize)
            while true {
                let b = cursor.block
                let n = block.withUnsafeMutableBufferPointer { cursor.nextBlock(into: $0.baseAddress!) }
                if n == 0 { break }
                scratch.withUnsafeMutableBufferPointer { cursor.frequencies(passages.count..<(passages.count + n), into: $0.baseAddress!) }
                if let last = cursor.lastPassage(ofBlock: b) { #expect(last == Int(block[n - 1])) }
                passages += block[0..<n]
                frequencies += scratch[0..<n]
            }
            sawSeveralBlocks = sawSeveralBlocks || cursor.blockCount > 2
            #expect(passages == index.passages(ofTerm: t))
            #expect(frequencies == index.postings(t).map { index.frequency(ofPosting: $0) })
            #expect(cursor.block == cursor.blockCount)
        }
        #expect(sawSeveralBlocks)
    }

    /// Skipping blocks lands on the block whose passages come next, as decoding them would.
    @Test func skippingMatchesDecoding() throws {
        let index = Self.index
        let t = try #require(index.termID("alder"))  // in every passage: 6 blocks
        var whole = index.cursor(t), skipping = index.cursor(t)
        var block = [Int32](repeating: 0, count: PostingCursor.blockSize)
        let skippedTwo = skipping.skipBlock() && skipping.skipBlock()
        #expect(skippedTwo && skipping.block == 2)
        _ = block.withUnsafeMutableBufferPointer { whole.nextBlock(into: $0.baseAddress!) }
        _ = block.withUnsafeMutableBufferPointer { whole.nextBlock(into: $0.baseAddress!) }
        let a = block.withUnsafeMutableBufferPointer { whole.nextBlock(into: $0.baseAddress!) }
        let fromWhole = Array(block[0..<a])
        let b = block.withUnsafeMutableBufferPointer { skipping.nextBlock(into: $0.baseAddress!) }
        #expect(Array(block[0..<b]) == fromWhole)
        while skipping.skipBlock() {}
        #expect(skipping.block == skipping.blockCount - 1)  // the last block has no skip entry: it is decoded
        let skippedPastTheEnd = skipping.skipBlock()
        #expect(!skippedPastTheEnd)
    }

    /// The merge walk's distance is the brute-force minimum over both position lists.
    @Test func smallestDistanceIsTheClosestPair() throws {
        let index = Self.index
        let alder = try #require(index.termID("alder")), birch = try #require(index.termID("birch"))
        for (pa, passage) in zip(index.postings(alder), index.passages(ofTerm: alder)).prefix(40) {
            let row = index.postings(of: [birch], in: [passage])
            guard row[0] >= 0 else { continue }
            let a = index.positions(pa), b = index.positions(row[0])
            let brute = a.flatMap { x in b.map { abs(Int(x) - Int($0)) } }.min()!
            #expect(index.smallestDistance(index.positions(ofPosting: pa), index.positions(ofPosting: row[0])) == brute)
        }
    }
}
