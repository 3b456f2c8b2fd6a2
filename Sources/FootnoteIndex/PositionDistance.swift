extension InvertedIndex {
    /// A posting's positions, located but not decoded: what
    /// `smallestDistance` walks (`positions(_:)` decodes them into an array).
    public struct Positions: Sendable {
        let run: Range<Int>
    }

    /// Posting `p`'s positions (a posting number: `PostingCursor.postings`, `postings(of:in:)`).
    public func positions(ofPosting p: Int) -> Positions { Positions(run: positionRuns.run(p)) }

    /// The smallest |a − b| over a position of `a` and one of `b`: a merge
    /// walk over both ascending runs, decoding as it goes; `Int.max` when
    /// either has none.
    /// - Complexity: O(positions of a + positions of b).
    public func smallestDistance(_ a: Positions, _ b: Positions) -> Int {
        let bytes = positionRuns.bytes.buffer
        var i = PositionRuns.Reader(bytes, run: a.run), j = PositionRuns.Reader(bytes, run: b.run)
        var best = Int.max
        guard let firstX = i.next(), let firstY = j.next() else { return best }
        var x = Int(firstX), y = Int(firstY)
        while true {
            best = min(best, abs(x - y))
            if x < y {
                guard let next = i.next() else { break }
                x = Int(next)
            } else {
                guard let next = j.next() else { break }
                y = Int(next)
            }
        }
        return best
    }
}
