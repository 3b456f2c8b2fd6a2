/// Rewards passages where query terms stand close together — a term-pair
/// proximity model in the spirit of Rasolofo & Savoy 2003 ("Term proximity
/// scoring for keyword-based retrieval systems") and Büttcher, Clarke &
/// Lushman 2006:
///
///     bonus(q, d) = λ · Σ_{i<j} min(w_i, w_j) · (W + 1 − δ_ij) / W    for δ_ij ≤ W
///
/// over every pair of distinct query terms found in the passage body, where
/// `δ_ij` is the smallest distance in token positions between an occurrence of
/// one and of the other, `W` the window, and `w` the most each term can add
/// to the ranking score in this corpus (query weight × `maxPostingScore`), so
/// that λ means the same under BM25 and TF-IDF.
public struct ProximityBonus: Sendable {
    /// λ: the weight of the bonus relative to the ranking score.
    public var weight: Float
    /// W: the largest distance, in token positions, that earns a bonus.
    public var window: Int

    public init(weight: Float = 0.2, window: Int = 8) {
        self.weight = weight
        self.window = window
    }

    /// The bonus of `passage` for query terms `terms` with `weights`.
    /// - Complexity: O(Σ occurrences) per pair, after a binary search per term.
    public func bonus(passage: Int32, terms: [Int32], weights: [Float], index: InvertedIndex) -> Float {
        let postings = terms.map { index.posting(of: $0, in: passage) ?? -1 }
        return postings.withUnsafeBufferPointer { bonus(postings: $0, weights: weights, index: index) }
    }

    /// The bonus of the passage whose posting of query term i is
    /// `postings[i]` (−1: the passage lacks the term), for terms with `weights`.
    /// - Complexity: O(Σ occurrences) per pair.
    public func bonus(postings: UnsafeBufferPointer<Int>, weights: [Float], index: InvertedIndex) -> Float {
        guard weight > 0, postings.count > 1 else { return 0 }
        return withUnsafeTemporaryAllocation(of: (slice: Range<Int>, weight: Float).self, capacity: postings.count) { lists in
            var found = 0
            for (p, w) in zip(postings, weights) where p >= 0 {
                lists[found] = (index.positionRuns.run(p), w)
                found += 1
            }
            guard found > 1 else { return 0 }
            let bytes = index.positionRuns.bytes.buffer
            var total: Float = 0
            for i in 0..<(found - 1) {
                for j in (i + 1)..<found {
                    let d = Self.minimumDistance(bytes, lists[i].slice, lists[j].slice)
                    if d <= window {
                        total += min(lists[i].weight, lists[j].weight) * Float(window + 1 - d) / Float(window)
                    }
                }
            }
            return weight * total
        }
    }

    /// The largest bonus the passage whose postings of the query terms are
    /// `postings` (−1: absent) can get: every pair of the terms it has
    /// adjacent. 0 when it has fewer than two.
    public func maximum(postings: UnsafeBufferPointer<Int>, weights: [Float]) -> Float {
        guard weight > 0, postings.count > 1 else { return 0 }
        var total: Float = 0
        for i in 0..<(postings.count - 1) where postings[i] >= 0 {
            for j in (i + 1)..<postings.count where postings[j] >= 0 { total += min(weights[i], weights[j]) }
        }
        return weight * total
    }

    /// The largest bonus any passage can get for terms with `weights`: every
    /// pair adjacent (`λ · Σ_{i<j} min(w_i, w_j)`).
    public func maximum(weights: [Float]) -> Float {
        guard weight > 0, weights.count > 1 else { return 0 }
        var total: Float = 0
        for i in 0..<(weights.count - 1) {
            for j in (i + 1)..<weights.count { total += min(weights[i], weights[j]) }
        }
        return weight * total
    }

    /// Smallest |a − b| over two ascending position lists, each a run of
    /// `PositionRuns` in `bytes` (a merge walk, decoding as it goes).
    static func minimumDistance(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        var i = PositionRuns.Reader(bytes, run: a), j = PositionRuns.Reader(bytes, run: b)
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
        return best == 0 ? 1 : best
    }
}

extension InvertedIndex {
    /// The postings of `terms` for each of `passages`, row by row:
    /// `result[c · terms.count + i]` is the posting of term i for passage c,
    /// −1 when absent. Each list is walked once, in passage order, jumping
    /// by its skip table over the blocks that hold no candidate and decoding
    /// only those that may (then galloping search inside each) — or, when
    /// `decoded` has the whole list already, by galloping search over it.
    public func postings(of terms: [Int32], in passages: [Int32],
                         decoded: (Int32) -> UnsafeBufferPointer<Int32>? = { _ in nil }) -> [Int] {
        let n = terms.count
        var result = [Int](repeating: -1, count: passages.count * n)
        // Candidates in passage order (a key per candidate: passage, then position in the list).
        let order = passages.indices.map { UInt64(UInt32(bitPattern: passages[$0])) << 32 | UInt64($0) }.sorted()
            .map { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: $0)) }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingPassages.blockSize) { block in
            let list = UnsafeBufferPointer(block)
            for (i, t) in terms.enumerated() {
                let first = postingStart[Int(t)]
                if let whole = decoded(t) {
                    var cursor = 0
                    for c in order {
                        cursor = GallopingSearch.firstAtLeast(whole, from: cursor, to: whole.count, target: passages[c])
                        if cursor == whole.count { break }
                        if whole[cursor] == passages[c] { result[c * n + i] = first + cursor }
                    }
                    continue
                }
                var reader = blockReader(t)
                var decoded = 0, blockFirst = 0, cursor = 0   // the decoded block's size, first posting, and cursor in it
                for c in order {
                    let target = passages[c]
                    cursor = GallopingSearch.firstAtLeast(list, from: cursor, to: decoded, target: target)
                    while cursor == decoded {   // past this block (or none yet): on to the next that may hold the target
                        while let last = reader.lastPassage(ofBlock: reader.block), last < Int(target), reader.skipBlock() {}
                        blockFirst = reader.block * PostingPassages.blockSize
                        decoded = reader.decode(into: block.baseAddress!)
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
