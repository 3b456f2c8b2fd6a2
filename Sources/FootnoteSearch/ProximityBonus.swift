import FootnoteIndex

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
    func bonus(postings: UnsafeBufferPointer<Int>, weights: [Float], index: InvertedIndex) -> Float {
        guard weight > 0, postings.count > 1 else { return 0 }
        return withUnsafeTemporaryAllocation(of: (positions: InvertedIndex.Positions, weight: Float).self, capacity: postings.count) {
            lists in
            var found = 0
            for (p, w) in zip(postings, weights) where p >= 0 {
                lists[found] = (index.positions(ofPosting: p), w)
                found += 1
            }
            guard found > 1 else { return 0 }
            var total: Float = 0
            for i in 0..<(found - 1) {
                for j in (i + 1)..<found {
                    // Distance 0 (two terms at one position) counts as adjacent, 1.
                    let d = max(1, index.smallestDistance(lists[i].positions, lists[j].positions))
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
    func maximum(postings: UnsafeBufferPointer<Int>, weights: [Float]) -> Float {
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
}
