/// Finding a passage in an ascending posting list from a cursor that only
/// moves forward: galloping (doubling steps) then binary search (Bentley &
/// Yao 1976, "An almost optimal algorithm for unbounded searching"), so a
/// jump of d postings costs O(log d) however long the list is.
enum GallopingSearch {
    /// The first index in `from..<end` whose passage is ≥ `target` (`end` when none is).
    @inline(__always)
    static func firstAtLeast(_ passages: UnsafeBufferPointer<Int32>, from: Int, to end: Int, target: Int32) -> Int {
        guard from < end, passages[from] < target else { return from }
        var step = 1, lo = from, hi = from + 1
        while hi < end && passages[hi] < target {
            lo = hi
            step <<= 1
            hi = min(end, hi + step)
        }
        // passages[lo] < target; the answer is in lo+1...hi.
        var a = lo + 1, b = min(hi, end)
        while a < b {
            let mid = (a + b) / 2
            if passages[mid] < target { a = mid + 1 } else { b = mid }
        }
        return a
    }
}
