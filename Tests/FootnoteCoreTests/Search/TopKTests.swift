import Testing
@testable import FootnoteSearch

@Suite struct TopKTests {
    @Test func keepsTheBestInOrder() {
        var top = TopK(3)
        for (score, passage) in [(1.0, 0), (5.0, 1), (3.0, 2), (4.0, 3), (2.0, 4), (5.0, 5)] as [(Float, Int32)] {
            top.insert(score, passage)
        }
        let kept = top.sorted()
        #expect(kept.map(\.passage) == [1, 5, 3])
        #expect(kept.map(\.score) == [5, 5, 4])
    }

    @Test func agreesWithAFullSort() {
        var rng = SystemRandomNumberGenerator()
        let scores = (0..<500).map { _ in Float(Int.random(in: 0..<50, using: &rng)) }
        var top = TopK(10)
        for (i, s) in scores.enumerated() { top.insert(s, Int32(i)) }
        let expected = scores.enumerated().sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
            .prefix(10).map { Int32($0.offset) }
        #expect(top.sorted().map(\.passage) == expected)
    }

    @Test func zeroAndFewer() {
        var none = TopK(0)
        none.insert(1, 1)
        #expect(none.sorted().isEmpty)
        var two = TopK(5)
        two.insert(1, 7); two.insert(2, 8)
        #expect(two.sorted().map(\.passage) == [8, 7])
    }

    /// The integer-key sort (scores of 0 or more) and the comparison sort
    /// (a negative score among them) give the same order: score, then passage.
    @Test func sortedIsTheSameWithAndWithoutNegativeScores() {
        var rng = SystemRandomNumberGenerator()
        let pairs: [(Float, Int32)] = (0..<400).map { (i: Int) -> (Float, Int32) in
            (Float(Int.random(in: 0..<30, using: &rng)) * 0.5, Int32(i * 7 % 401))
        }
        var plain = TopK(50), withNegative = TopK(500)  // room for all, so the negative one is kept
        for (s, p) in pairs { plain.insert(s, p); withNegative.insert(s, p) }
        withNegative.insert(-1, 9999)
        let expected = pairs.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(50)
        #expect(plain.sorted().map(\.passage) == expected.map(\.1))
        #expect(plain.sorted().map(\.score) == expected.map(\.0))
        let all = withNegative.sorted()
        #expect(Array(all.prefix(50).map(\.passage)) == expected.map(\.1))
        #expect(all.count == 401 && all.last?.passage == 9999 && all.last?.score == -1)
    }

    /// A top given worst first sorts by reversing; an insertion afterwards
    /// makes it a heap again, and it still sorts right.
    @Test func aTopGivenWorstFirstSortsAndStaysATop() {
        let pairs: [(score: Float, passage: Int32)] = [(1, 9), (2, 4), (2, 3), (5, 1)]
        var top = TopK(4, worstFirst: pairs)
        #expect(top.sorted().map(\.passage) == [1, 3, 4, 9])
        #expect(top.threshold == 1)
        top.insert(3, 7)
        #expect(top.sorted().map(\.passage) == [1, 7, 3, 4])
        #expect(top.sorted().map(\.score) == [5, 3, 2, 2])
    }
}
