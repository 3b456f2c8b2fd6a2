import FootnoteIndex

/// Top-k retrieval for a question of one known term, skipping the blocks of
/// its list that cannot reach the top k (block-max indexes: Ding & Suel 2011,
/// "Faster top-k document retrieval using block-max indexes"; as Lucene's
/// impacts). A block whose bound — the query weight × its largest posting
/// score (`PostingScoreBounds`), with a relative margin of 1e-5 for rounding —
/// is strictly below the k-th best score so far is passed over undecoded
/// (`PostingCursor.skipBlock`).
///
/// Each posting that is scored gets `weight × postingScore`, exactly what
/// `ScoreAccumulator` adds to an empty slot, and a skipped posting could not
/// have entered the top k (ties included: a score equal to the k-th best
/// still competes, so only a bound strictly below it skips). The top k is
/// therefore the accumulator's, in the same order.
enum SingleTermBlockMax {
    /// Relative margin on a block's bound, for its rounding.
    static let margin: Float = 1 + 1e-5

    /// The best `depth` passages for `term` under `model`.
    static func top<Model: ScoringModel>(_ term: WeightedTerm, depth: Int, model: Model, index: InvertedIndex) -> TopK {
        var top = TopK(depth)
        guard depth > 0 else { return top }
        let bounds = model.bounds
        let firstBlock = Int(bounds.blockStart[Int(term.id)])
        var cursor = index.cursor(term.id)
        var threshold = -Float.infinity
        withUnsafeTemporaryAllocation(of: Float.self, capacity: PostingCursor.blockSize) { frequencies in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingCursor.blockSize) { passages in
                while cursor.block < cursor.blockCount {
                    let b = cursor.block
                    if term.weight * bounds.blockMaximum[firstBlock + b] * margin < threshold && cursor.skipBlock() { continue }
                    let n = cursor.nextBlock(into: passages.baseAddress!)
                    guard n > 0 else { break }
                    let base = b * PostingCursor.blockSize
                    cursor.frequencies(base..<(base + n), into: frequencies.baseAddress!)
                    for i in 0..<n {
                        let s = term.weight * model.postingScore(frequency: frequencies[i], passage: passages[i])
                        if s > 0 && s >= threshold {
                            top.insert(s, passages[i])
                            threshold = top.threshold
                        }
                    }
                }
            }
        }
        return top
    }
}
