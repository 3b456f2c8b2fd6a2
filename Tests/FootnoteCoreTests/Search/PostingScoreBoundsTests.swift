import Testing
@testable import FootnoteIndex
@testable import FootnoteSearch

@Suite struct PostingScoreBoundsTests {
    /// Every block's maximum is the largest score among exactly its postings,
    /// and every term's is the largest of its blocks'.
    @Test func blockAndTermMaximaAreExact() {
        let index = RetrievalStrategyTests.index
        let model = BM25(index: index)
        let bounds = model.bounds
        let size = PostingScoreBounds.blockSize
        #expect(size.nonzeroBitCount == 1 && size == PostingBlock.size)  // a power of two
        var blocks = 0
        for t in 0..<index.termCount {
            let range = index.postings(Int32(t))
            #expect(Int(bounds.blockStart[t]) == blocks)
            var termBest: Float = 0
            let passages = index.passages(ofTerm: Int32(t))
            #expect(passages.count == range.count)
            for (b, first) in stride(from: range.lowerBound, to: range.upperBound, by: size).enumerated() {
                let best = (first..<min(first + size, range.upperBound))
                    .map { model.postingScore(frequency: index.frequency(ofPosting: $0), passage: passages[$0 - range.lowerBound]) }.max()!
                #expect(bounds.blockMaximum[blocks + b] == best)
                termBest = max(termBest, best)
            }
            blocks += (range.count + size - 1) / size
            #expect(model.maxPostingScore(term: Int32(t)) == termBest)
        }
        #expect(Int(bounds.blockStart[index.termCount]) == blocks && bounds.blockMaximum.count == blocks)
        let mean = bounds.termMaximum.reduce(0, +) / Float(index.termCount)
        #expect(model.maxPostingScore(term: nil) == mean * PostingScoreBounds.unknownShare)
    }
}
