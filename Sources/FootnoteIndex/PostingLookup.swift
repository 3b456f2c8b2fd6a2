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
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingCursor.blockSize) { block in
            let list = UnsafeBufferPointer(block)
            for (i, t) in terms.enumerated() {
                var postings = self.cursor(t)
                let first = postings.postings.lowerBound
                if let whole = decoded(t) {
                    var cursor = 0
                    for c in order {
                        cursor = GallopingSearch.firstAtLeast(whole, from: cursor, to: whole.count, target: passages[c])
                        if cursor == whole.count { break }
                        if whole[cursor] == passages[c] { result[c * n + i] = first + cursor }
                    }
                    continue
                }
                var decoded = 0, blockFirst = 0, cursor = 0  // the decoded block's size, first posting, and cursor in it
                for c in order {
                    let target = passages[c]
                    cursor = GallopingSearch.firstAtLeast(list, from: cursor, to: decoded, target: target)
                    while cursor == decoded {  // past this block (or none yet): on to the next that may hold the target
                        while let last = postings.lastPassage(ofBlock: postings.block), last < Int(target), postings.skipBlock() {}
                        blockFirst = postings.block * PostingCursor.blockSize
                        decoded = postings.nextBlock(into: block.baseAddress!)
                        if decoded == 0 { break }
                        cursor = GallopingSearch.firstAtLeast(list, from: 0, to: decoded, target: target)
                    }
                    if decoded == 0 { break }
                    if list[cursor] == target { result[c * n + i] = first + blockFirst + cursor }
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
