import FootnoteIndex

/// Upper bounds of a model's posting score over an index: per term, and per
/// block of `blockSize` consecutive postings of a term (block-max indexes:
/// Ding & Suel 2011, "Faster top-k document retrieval using block-max
/// indexes"; as Lucene's impacts). `SingleTermBlockMax` uses the per-block
/// maxima to skip blocks of a list that cannot reach the top k; the blocks
/// are `PostingPassages`' blocks.
///
/// Block `b` of term `t` holds postings `postingStart[t] + b·blockSize ..<
/// min(postingStart[t+1], postingStart[t] + (b+1)·blockSize)`; its maximum is
/// `blockMaximum[blockStart[t] + b]`. Every bound is the largest value the
/// model's own `postingScore` returns over the postings it covers, so it is
/// exact, not an estimate. Computed in one pass over the postings when a
/// model is made (the scores depend on the model's parameters).
public struct PostingScoreBounds: Sendable {
    /// Postings per block.
    public static let blockSize = PostingPassages.blockSize
    /// log2 of `blockSize`.
    static let blockShift = PostingPassages.blockShift

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
            blocks += (index.documentFrequency(Int32(t)) + Self.blockSize - 1) >> Self.blockShift
        }
        starts[termCount] = Int32(blocks)
        var maxima = [Float](repeating: 0, count: termCount)
        var blockMaxima = [Float](repeating: 0, count: blocks)
        var decoded = [Int32](repeating: 0, count: 1024), frequencies = [Float](repeating: 0, count: 1024)
        blockMaxima.withUnsafeMutableBufferPointer { blockMaxima in
            for t in 0..<termCount {
                let range = index.postings(Int32(t))
                if range.count > decoded.count {
                    decoded = [Int32](repeating: 0, count: range.count)
                    frequencies = [Float](repeating: 0, count: range.count)
                }
                let count = decoded.withUnsafeMutableBufferPointer { index.decodePassages(ofTerm: Int32(t), into: $0.baseAddress!) }
                frequencies.withUnsafeMutableBufferPointer { index.postingFrequency.decode(range, into: $0.baseAddress!) }
                var best: Float = 0
                var block = Int(starts[t])
                var p = range.lowerBound
                let end = range.lowerBound + count   // short of the range only for a damaged list: its bounds stay 0
                while p < end {
                    let blockEnd = min(end, p + Self.blockSize)
                    var blockBest: Float = 0
                    while p < blockEnd {
                        let factor = factors[Int(decoded[p - range.lowerBound])]
                        blockBest = max(blockBest, model.postingScore(frequency: frequencies[p - range.lowerBound], factor: factor))
                        p += 1
                    }
                    blockMaxima[block] = blockBest
                    best = max(best, blockBest)
                    block += 1
                }
                maxima[t] = best
            }
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
