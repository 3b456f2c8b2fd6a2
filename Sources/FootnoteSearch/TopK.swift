/// Keeps the `k` best (score, passage) pairs seen, in a bounded binary min-heap
/// (Williams 1964): the root is the worst kept pair, replaced when a better one
/// arrives. Ties on score prefer the lower passage number, so results are
/// deterministic.
/// - Complexity: O(log k) per insertion, O(k log k) for `sorted()`.
public struct TopK {
    public let k: Int
    private var heap: [(score: Float, passage: Int32)] = []
    /// Whether `heap` is in ascending rank order (worst first), as
    /// `init(_:worstFirst:)` receives it until the next insertion: `sorted()`
    /// then only reverses it.
    private var isAscending = false

    public init(_ k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(self.k)
    }

    /// The top `k` of pairs already selected, given worst first (an
    /// ascending array is a min-heap as it is); at most `k` of them.
    init(_ k: Int, worstFirst pairs: [(score: Float, passage: Int32)]) {
        precondition(pairs.count <= max(0, k), "more pairs than the top holds")
        assert(zip(pairs, pairs.dropFirst()).allSatisfy { Self.worse($0, $1) }, "pairs not worst first")
        self.k = max(0, k)
        heap = pairs
        isAscending = true
    }

    /// True when `a` ranks below `b`.
    @inline(__always)
    static func worse(_ a: (score: Float, passage: Int32), _ b: (score: Float, passage: Int32)) -> Bool {
        a.score < b.score || (a.score == b.score && a.passage > b.passage)
    }

    /// The lowest score still kept once full (−∞ before).
    public var threshold: Float { heap.count < k ? -.infinity : heap[0].score }

    public mutating func insert(_ score: Float, _ passage: Int32) {
        guard k > 0 else { return }
        isAscending = false
        let item = (score: score, passage: passage)
        if heap.count < k {
            heap.append(item)
            heap.withUnsafeMutableBufferPointer { heap in
                // Sift up: move worse-ranked parents down into the hole.
                var i = heap.count - 1
                while i > 0 {
                    let parent = (i - 1) / 2
                    guard Self.worse(item, heap[parent]) else { break }
                    heap[i] = heap[parent]
                    i = parent
                }
                heap[i] = item
            }
        } else if Self.worse(heap[0], item) {
            heap.withUnsafeMutableBufferPointer { heap in
                // Sift down from the root: move the worse child up into the hole.
                let count = heap.count
                var i = 0
                while true {
                    let l = 2 * i + 1
                    guard l < count else { break }
                    var m = l
                    if l + 1 < count && Self.worse(heap[l + 1], heap[l]) { m = l + 1 }
                    guard Self.worse(heap[m], item) else { break }
                    heap[i] = heap[m]
                    i = m
                }
                heap[i] = item
            }
        }
    }

    /// The kept pairs, best first.
    public func sorted() -> [(score: Float, passage: Int32)] {
        if isAscending { return heap.reversed() }
        // Scores of 0 or more (the case of every model here) order as their
        // bit patterns do: sort one integer key per pair, high score first,
        // then low passage.
        guard heap.allSatisfy({ $0.score >= 0 && $0.passage >= 0 }) else { return heap.sorted { Self.worse($1, $0) } }
        return heap.map { Self.key($0.score, $0.passage) }.sorted(by: >).map { (score: Self.score($0), passage: Self.passage($0)) }
    }

    /// A score of 0 or more and a passage as one integer that orders as the
    /// top ranks: higher score first, then lower passage (such a float's bits
    /// order as its value).
    @inline(__always)
    static func key(_ score: Float, _ passage: Int32) -> UInt64 {
        UInt64(score.bitPattern) << 32 | UInt64(UInt32.max - UInt32(bitPattern: passage))
    }

    /// The score of a `key`.
    @inline(__always)
    static func score(_ key: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32)) }

    /// The passage of a `key`.
    @inline(__always)
    static func passage(_ key: UInt64) -> Int32 { Int32(bitPattern: UInt32.max - UInt32(truncatingIfNeeded: key)) }
}
