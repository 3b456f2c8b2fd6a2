/// Document-at-a-time top-k retrieval with MaxScore pruning (Turtle & Flood
/// 1995, "Query evaluation: strategies and optimizations"; as in Lucene's
/// `MaxScoreBulkScorer`).
///
/// Each query term's contribution to any passage is at most its `bound`
/// (query weight × the term's largest posting score). Terms are ordered by
/// bound; once the k-th best score θ exceeds the sum of the smallest bounds,
/// those terms become *non-essential*: a passage found only in their postings
/// cannot reach the top k, so candidates come from the other (essential)
/// lists alone, and non-essential postings are only looked up (by galloping
/// search) for candidates whose bound still reaches θ.
///
/// Scores are exactly those of term-at-a-time accumulation: a candidate's
/// contributions are summed in query-term order, from zero, as the
/// accumulator adds them; a candidate is dropped only when its bound is
/// strictly below θ (with a relative margin of 1e-5 for the rounding of the
/// bound's own sum). The top k is therefore the same set, in the same order
/// (`TopK` breaks ties by passage number).
struct MaxScore {
    /// A known query term with a positive weight.
    struct Term {
        var id: Int32
        var weight: Float
        /// Most it can add to a passage's score.
        var bound: Float
        /// Its position among the query's weighted terms (the order of summation).
        var order: Int
    }

    /// The best `depth` passages for `terms` under `model`.
    static func top<Model: ScoringModel>(_ terms: [Term], depth: Int, model: Model, index: InvertedIndex) -> TopK {
        var top = TopK(depth)
        guard depth > 0, !terms.isEmpty else { return top }
        // Lowest bound first; prefix[i] = Σ bounds of the i lowest, with a margin.
        let sorted = terms.sorted { $0.bound != $1.bound ? $0.bound < $1.bound : $0.order < $1.order }
        let n = sorted.count
        var prefix = [Float](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + sorted[i].bound }
        for i in 1...n { prefix[i] *= 1 + 1e-5 }

        let passages = index.postingPassage.buffer, frequencies = index.postingFrequency.buffer
        // Per sorted term: cursor, end, weight and summation slot, in flat scratch memory.
        let cursor = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let end = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let weight = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        let slot = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        // Per query-order slot: this candidate's contribution, 0 when it has none.
        let contribution = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        let present = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        defer { [cursor, end, slot].forEach { $0.deallocate() }; weight.deallocate(); contribution.deallocate(); present.deallocate() }
        for (i, term) in sorted.enumerated() {
            cursor[i] = index.postingStart[Int(term.id)]
            end[i] = index.postingStart[Int(term.id) + 1]
            weight[i] = term.weight
            slot[i] = term.order
            present[i] = false
        }
        var nonEssential = 0      // sorted[0..<nonEssential] are non-essential
        var threshold = -Float.infinity

        while true {
            // The next candidate: the smallest passage at an essential cursor.
            var candidate = Int32.max
            for i in nonEssential..<n where cursor[i] < end[i] {
                candidate = min(candidate, passages[cursor[i]])
            }
            if candidate == Int32.max { break }

            var essentialSum: Float = 0
            for i in nonEssential..<n where cursor[i] < end[i] && passages[cursor[i]] == candidate {
                let c = weight[i] * model.postingScore(frequency: frequencies[cursor[i]], passage: candidate)
                contribution[slot[i]] = c
                present[slot[i]] = true
                essentialSum += c
                cursor[i] += 1
            }
            // Non-essential terms, highest bound first, while the candidate can still make it.
            var reachable = essentialSum * (1 + 1e-5) + prefix[nonEssential] >= threshold
            var i = nonEssential - 1
            while reachable && i >= 0 {
                cursor[i] = Self.advance(passages, from: cursor[i], to: end[i], target: candidate)
                if cursor[i] < end[i] && passages[cursor[i]] == candidate {
                    let c = weight[i] * model.postingScore(frequency: frequencies[cursor[i]], passage: candidate)
                    contribution[slot[i]] = c
                    present[slot[i]] = true
                    essentialSum += c
                }
                reachable = essentialSum * (1 + 1e-5) + prefix[i] >= threshold
                i -= 1
            }
            if reachable {
                var score: Float = 0
                for k in 0..<n where present[k] { score += contribution[k] }
                if score > 0 && score >= threshold {
                    top.insert(score, candidate)
                    let t = top.threshold
                    if t > threshold {
                        threshold = t
                        while nonEssential < n && prefix[nonEssential + 1] < threshold { nonEssential += 1 }
                    }
                }
            }
            for k in 0..<n { present[k] = false }
        }
        return top
    }

    /// The first posting at or after `from` whose passage is ≥ `target`:
    /// galloping then binary search (Bentley & Yao 1976).
    @inline(__always)
    static func advance(_ passages: UnsafeBufferPointer<Int32>, from: Int, to end: Int, target: Int32) -> Int {
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
