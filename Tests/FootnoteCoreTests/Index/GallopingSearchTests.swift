import Testing
@testable import FootnoteIndex

@Suite struct GallopingSearchTests {
    /// Against a linear scan: every start, targets below, inside, between and past the list.
    @Test func findsTheFirstPassageAtLeastTheTarget() {
        var rng = SplitMix(seed: 13)
        var list: [Int32] = []
        var next: Int32 = 0
        for _ in 0..<300 { next += Int32(1 + rng.next() % 9); list.append(next) }
        list.withUnsafeBufferPointer { passages in
            for from in stride(from: 0, through: list.count, by: 7) {
                for target in stride(from: Int32(-3), to: next + 5, by: 3) {
                    let expected = (from..<list.count).first { list[$0] >= target } ?? list.count
                    #expect(GallopingSearch.firstAtLeast(passages, from: from, to: list.count, target: target) == expected)
                }
            }
            #expect(GallopingSearch.firstAtLeast(passages, from: 0, to: 0, target: 5) == 0)
            #expect(GallopingSearch.firstAtLeast(passages, from: 10, to: 20, target: next + 1) == 20)
        }
    }
}
