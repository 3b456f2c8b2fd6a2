import FootnoteAnalysis

/// Counts what an excerpt shows: characters after whitespace runs collapse to
/// one space — the unit of the excerpt budget (and of `anchors.py`'s lengths),
/// as opposed to UTF-8 bytes.
struct DisplayWidth {
    /// `prefix[i]`: characters shown for bytes `0..<i`.
    private var prefix: [Int32]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        prefix = [Int32](repeating: 0, count: bytes.count + 1)
        var shown: Int32 = 0
        var inSpace = false
        for (i, b) in bytes.enumerated() {
            let space = ASCIIWhitespace.contains(b)
            if space {
                if !inSpace { shown += 1 }
                inSpace = true
            } else {
                if b & 0xC0 != 0x80 { shown += 1 }  // the first byte of a scalar
                inSpace = false
            }
            prefix[i + 1] = shown
        }
    }

    /// Characters shown for `range`.
    func of(_ range: Range<Int>) -> Int { Int(prefix[range.upperBound] - prefix[range.lowerBound]) }

    /// The furthest scalar boundary ≤ `limit` such that `start..<end` shows at most `budget` characters.
    func end(from start: Int, budget: Int, limit: Int) -> Int {
        var lo = start, hi = limit
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(prefix[mid] - prefix[start]) <= budget { lo = mid } else { hi = mid - 1 }
        }
        while lo > start && lo < bytes.count && bytes[lo] & 0xC0 == 0x80 { lo -= 1 }  // a scalar boundary
        return lo
    }

    /// The earliest scalar boundary ≥ `floor` such that `start..<end` shows at most `budget` characters.
    func start(before end: Int, budget: Int, floor: Int) -> Int {
        var lo = floor, hi = end
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(prefix[end] - prefix[mid]) <= budget { hi = mid } else { lo = mid + 1 }
        }
        while lo < end && bytes[lo] & 0xC0 == 0x80 { lo += 1 }  // a scalar boundary
        return lo
    }
}
