/// Document-at-a-time top-k retrieval with MaxScore pruning (Turtle & Flood
/// 1995, "Query evaluation: strategies and optimizations") over windows of
/// passages bounded by block maxima (`PostingScoreBounds`; as Lucene's
/// `MaxScoreBulkScorer`, and Mallia et al. 2019, "An experimental study of
/// index compression and DAAT query processing methods").
///
/// Each query term's contribution to any passage is at most its `bound`
/// (query weight × the term's largest posting score). Terms are ordered by
/// bound; once the k-th best score θ exceeds the sum of the smallest bounds,
/// those terms become *non-essential*: a passage found only in their postings
/// cannot reach the top k.
///
/// The passages are visited in windows: a window ends where the current
/// block of postings of an essential term ends, so inside it each term's
/// contribution is bounded by one block's maximum (or is zero when the term
/// has no posting there). A window whose bounds sum below θ is skipped
/// whole; otherwise the terms are partitioned again by their window bounds,
/// candidates come from the window's essential lists, and the other lists
/// are only looked up (by galloping search) for candidates whose bound still
/// reaches θ.
///
/// Scores are exactly those of term-at-a-time accumulation: a candidate's
/// contributions are summed in query-term order, from zero, as the
/// accumulator adds them; a candidate or window is dropped only when its
/// bound is strictly below θ (with a relative margin of 1e-5 for the rounding
/// of the bound's own sum). The top k is therefore the same set, in the same
/// order (`TopK` breaks ties by passage number).
struct MaxScore {
    /// Relative margin on sums of bounds, for their own rounding.
    static let margin: Float = 1 + 1e-5

    /// The best `depth` passages for `terms` under `model`.
    static func top<Model: ScoringModel>(_ terms: [WeightedTerm], depth: Int, model: Model, index: InvertedIndex) -> TopK {
        var top = TopK(depth)
        guard depth > 0, !terms.isEmpty else { return top }
        // Lowest bound first; prefix[i] = Σ bounds of the i lowest, with a margin.
        let sorted = terms.sorted { $0.bound != $1.bound ? $0.bound < $1.bound : $0.order < $1.order }
        let n = sorted.count
        var prefix = [Float](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + sorted[i].bound }
        for i in 1...n { prefix[i] *= margin }

        let passages = index.postingPassage.buffer, frequencies = index.postingFrequency
        let bounds = model.bounds
        let shift = PostingScoreBounds.blockShift
        // Per sorted term, in flat scratch memory: cursor, first and end posting,
        // first block, weight, global bound, summation slot, bound in the window.
        let cursor = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let start = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let end = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let firstBlock = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let slot = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let weight = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        let bound = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        let windowBound = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        // The terms by window bound, lowest first, and the window's prefix sums.
        let order = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        let windowPrefix = UnsafeMutableBufferPointer<Float>.allocate(capacity: n + 1)
        // Per query-order slot: this candidate's contribution, and whether it has one.
        let contribution = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
        let present = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        defer {
            [cursor, start, end, firstBlock, slot, order].forEach { $0.deallocate() }
            [weight, bound, windowBound, windowPrefix, contribution].forEach { $0.deallocate() }
            present.deallocate()
        }
        bounds.blockStart.withUnsafeBufferPointer { blockStart in
        bounds.blockMaximum.withUnsafeBufferPointer { blockMaximum in
        for (i, term) in sorted.enumerated() {
            start[i] = index.postingStart[Int(term.id)]
            cursor[i] = start[i]
            end[i] = index.postingStart[Int(term.id) + 1]
            firstBlock[i] = Int(blockStart[Int(term.id)])
            weight[i] = term.weight
            bound[i] = term.bound
            slot[i] = term.order
            present[i] = false
        }
        var nonEssential = 0      // sorted[0..<nonEssential] are non-essential over all passages
        var threshold = -Float.infinity
        var windowMin: Int32 = 0

        while true {
            // The window ends where the first current block of an essential term ends.
            var windowMax = Int32.max
            for i in nonEssential..<n where cursor[i] < end[i] {
                if passages[cursor[i]] < windowMin {
                    cursor[i] = GallopingSearch.firstAtLeast(passages, from: cursor[i], to: end[i], target: windowMin)
                    if cursor[i] == end[i] { continue }
                }
                let blockEnd = min(end[i], start[i] + ((cursor[i] - start[i]) >> shift + 1) << shift)
                windowMax = min(windowMax, passages[blockEnd - 1])
            }
            // No essential postings left: what remains cannot reach θ.
            if windowMax == Int32.max { break }

            // Each term's bound in the window: its block's maximum when one
            // block covers the window, 0 when it has no posting there.
            for i in 0..<n {
                windowBound[i] = 0
                guard cursor[i] < end[i] else { continue }
                if passages[cursor[i]] < windowMin {
                    cursor[i] = GallopingSearch.firstAtLeast(passages, from: cursor[i], to: end[i], target: windowMin)
                    if cursor[i] == end[i] { continue }
                }
                if passages[cursor[i]] > windowMax { continue }
                let block = (cursor[i] - start[i]) >> shift
                let blockEnd = min(end[i], start[i] + (block + 1) << shift)
                windowBound[i] = passages[blockEnd - 1] >= windowMax ? weight[i] * blockMaximum[firstBlock[i] + block] : bound[i]
            }
            // Insertion sort by window bound (a handful of terms).
            for j in 0..<n {
                let i = j
                var k = j
                while k > 0 && windowBound[order[k - 1]] > windowBound[i] { order[k] = order[k - 1]; k -= 1 }
                order[k] = i
            }
            windowPrefix[0] = 0
            for j in 0..<n { windowPrefix[j + 1] = windowPrefix[j] + windowBound[order[j]] }
            for j in 1...n { windowPrefix[j] *= margin }

            if windowPrefix[n] >= threshold {
                var local = 0          // order[0..<local] are non-essential in this window
                while local < n && windowPrefix[local + 1] < threshold { local += 1 }
                while true {
                    // The next candidate: the smallest passage in the window at an essential cursor.
                    var candidate = Int32.max
                    for j in local..<n {
                        let i = order[j]
                        if cursor[i] < end[i] { candidate = min(candidate, passages[cursor[i]]) }
                    }
                    if candidate > windowMax { break }

                    var sum: Float = 0
                    for j in local..<n {
                        let i = order[j]
                        if cursor[i] < end[i] && passages[cursor[i]] == candidate {
                            let c = weight[i] * model.postingScore(frequency: frequencies[cursor[i]], passage: candidate)
                            contribution[slot[i]] = c
                            present[slot[i]] = true
                            sum += c
                            cursor[i] += 1
                        }
                    }
                    // Non-essential terms, highest window bound first, while the candidate can still make it.
                    var reachable = sum * margin + windowPrefix[local] >= threshold
                    var j = local - 1
                    while reachable && j >= 0 {
                        let i = order[j]
                        if windowBound[i] > 0 {
                            cursor[i] = GallopingSearch.firstAtLeast(passages, from: cursor[i], to: end[i], target: candidate)
                            if cursor[i] < end[i] && passages[cursor[i]] == candidate {
                                let c = weight[i] * model.postingScore(frequency: frequencies[cursor[i]], passage: candidate)
                                contribution[slot[i]] = c
                                present[slot[i]] = true
                                sum += c
                            }
                        }
                        reachable = sum * margin + windowPrefix[j] >= threshold
                        j -= 1
                    }
                    if reachable {
                        var score: Float = 0
                        for s in 0..<n where present[s] { score += contribution[s] }
                        if score > 0 && score >= threshold {
                            top.insert(score, candidate)
                            let t = top.threshold
                            if t > threshold {
                                threshold = t
                                while local < n && windowPrefix[local + 1] < threshold { local += 1 }
                                while nonEssential < n && prefix[nonEssential + 1] < threshold { nonEssential += 1 }
                            }
                        }
                    }
                    for s in 0..<n { present[s] = false }
                }
            }
            windowMin = windowMax + 1
        }
        }}
        return top
    }
}
