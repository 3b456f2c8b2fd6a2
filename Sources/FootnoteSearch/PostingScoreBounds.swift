import FootnoteIndex
import FootnoteStorage

/// Upper bounds of a model's posting score over an index: per term, and per
/// block of `blockSize` consecutive postings of a term (block-max indexes:
/// Ding & Suel 2011, "Faster top-k document retrieval using block-max
/// indexes"; as Lucene's impacts). `SingleTermBlockMax` uses the per-block
/// maxima to skip blocks of a list that cannot reach the top k; the blocks
/// are the posting lists' own (`PostingCursor`).
///
/// Block `b` of term `t` is the b-th block its `PostingCursor` reads; its
/// maximum is `blockMaximum[blockStart[t] + b]`. Every bound is the largest value the
/// model's own `postingScore` returns over the postings it covers, so it is
/// exact, not an estimate. Computed in one pass over the postings when a
/// model is made (the scores depend on the model's parameters).
public struct PostingScoreBounds: Sendable {
    /// Postings per block.
    public static let blockSize = PostingCursor.blockSize

    /// Per term: the largest posting score.
    let termMaximum: [Float]
    /// Per term: the number of its first block (termCount + 1 entries).
    let blockStart: [Int32]
    /// Per block: the largest posting score.
    let blockMaximum: [Float]
    /// The mean of `termMaximum`.
    let mean: Float

    /// No bounds: what a model holds until it has computed its own.
    public static let none = PostingScoreBounds(termMaximum: [], blockStart: [0], blockMaximum: [], mean: 0)

    private init(termMaximum: [Float], blockStart: [Int32], blockMaximum: [Float], mean: Float) {
        self.termMaximum = termMaximum
        self.blockStart = blockStart
        self.blockMaximum = blockMaximum
        self.mean = mean
    }

    /// The bounds of `model`'s own `postingScore` over `index` (its `bounds`
    /// are not read: a model computes them with this from its initializer).
    public init<Model: ScoringModel>(index: InvertedIndex, model: Model) {
        let factors = model.passageFactor
        let termCount = index.termCount
        var starts = [Int32](repeating: 0, count: termCount + 1)
        var blocks = 0
        for t in 0..<termCount {
            starts[t] = Int32(blocks)
            blocks += blocksNeeded(index.documentFrequency(Int32(t)), size: Self.blockSize)
        }
        starts[termCount] = Int32(blocks)
        var maxima = [Float](repeating: 0, count: termCount)
        var blockMaxima = [Float](repeating: 0, count: blocks)
        index.forEachBlock { t, b, passages, frequencies in
            let block = Int(starts[Int(t)]) + b
            guard block < Int(starts[Int(t) + 1]) else { return }  // never, but a bound is never written out of its term
            var best: Float = 0
            for (passage, frequency) in zip(passages, frequencies) {
                best = max(best, model.postingScore(frequency: frequency, factor: factors[Int(passage)]))
            }
            blockMaxima[block] = best
            maxima[Int(t)] = max(maxima[Int(t)], best)  // a damaged list ends early: its blocks not reached stay 0
        }
        termMaximum = maxima
        blockStart = starts
        blockMaximum = blockMaxima
        mean = maxima.isEmpty ? 0 : maxima.reduce(0, +) / Float(maxima.count)
    }

    /// The share of the mean maximum an unknown term is credited with.
    static let unknownShare: Float = 0.75

    /// The largest posting score of term `t`; for an unknown term (nil),
    /// `unknownShare` × the mean over all terms.
    func value(_ t: Int32?) -> Float { t.map { termMaximum[Int($0)] } ?? mean * Self.unknownShare }
}
