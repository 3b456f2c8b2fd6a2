/// Looking up the postings of a few terms for a few passages: what phrase
/// matching, proximity, `explain` and the conversation's page checks ask of the
/// index, without decoding whole lists.
extension InvertedIndex {
    /// The postings of `terms` for each of `passages`, row by row:
    /// `result[c · terms.count + i]` is the posting of term i for passage c,
    /// −1 when absent. Each list is walked once, in passage order, jumping
    /// by its skip table over the blocks that hold no candidate and decoding
    /// only those that may (then galloping search inside each) — or, when
    /// `decoded` has the whole list already, by galloping search over it.
    public func postings(
        of terms: [Int32], in passages: [Int32],
        decoded: (Int32) -> UnsafeBufferPointer<Int32>? = { _ in nil }
    ) -> [Int] {
        let n = terms.count
        var result = [Int](repeating: -1, count: passages.count * n)
        // Candidates in passage order (a key per candidate: passage, then position in the list).
        let order = passages.indices.map { UInt64(UInt32(bitPattern: passages[$0])) << 32 | UInt64($0) }.sorted()
            .map { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: $0)) }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingCursor.blockSize) { buffer in
            let block = UnsafeBufferPointer(buffer)
            for (i, t) in terms.enumerated() {
                var list = self.cursor(t)
                let first = list.postings.lowerBound
                if let whole = decoded(t) {
                    var at = 0
                    for c in order {
                        at = GallopingSearch.firstAtLeast(whole, from: at, to: whole.count, target: passages[c])
                        if at == whole.count { break }
                        if whole[at] == passages[c] { result[c * n + i] = first + at }
                    }
                    continue
                }
                var filled = 0, blockFirst = 0, at = 0  // the decoded block's size, its first posting, and the place in it
                for c in order {
                    let target = passages[c]
                    at = GallopingSearch.firstAtLeast(block, from: at, to: filled, target: target)
                    while at == filled {  // past this block (or none yet): on to the next that may hold the target
                        while let last = list.lastPassage(ofBlock: list.block), last < Int(target), list.skipBlock() {}
                        blockFirst = list.block * PostingCursor.blockSize
                        filled = list.nextBlock(into: buffer.baseAddress!)
                        if filled == 0 { break }
                        at = GallopingSearch.firstAtLeast(block, from: 0, to: filled, target: target)
                    }
                    if filled == 0 { break }
                    if block[at] == target { result[c * n + i] = first + blockFirst + at }
                }
            }
        }
        return result
    }

    /// The posting of term `t` for `passage`; nil when absent.
    public func posting(of t: Int32, in passage: Int32) -> Int? {
        let p = postings(of: [t], in: [passage])[0]
        return p >= 0 ? p : nil
    }
}
