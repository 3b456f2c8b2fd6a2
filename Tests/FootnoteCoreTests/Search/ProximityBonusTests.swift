import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch

/// The term-pair proximity bonus against values computed by hand.
@Suite struct ProximityBonusTests {
    // Positions (stop words count): p0 "kettle boils water" → kettl 0, boil 1, water 2;
    // p1 "kettle and then the cold water" → kettl 0, water 5; p2 "water only" → water 0.
    let index = IndexBuilder().build([
        Passage(document: 0, section: [], text: "kettle boils water", lines: 1...1, bytes: 0..<1),
        Passage(document: 0, section: [], text: "kettle and then the cold water", lines: 2...2, bytes: 0..<1),
        Passage(document: 0, section: [], text: "water only", lines: 3...3, bytes: 0..<1),
    ])

    @Test func bonusFollowsTheFormula() throws {
        let kettle = try #require(index.termID("kettl")), water = try #require(index.termID("water"))
        let boil = try #require(index.termID("boil"))
        let bonus = ProximityBonus(weight: 0.5, window: 8)
        // p0: pairs (kettle, water) at distance 2, (kettle, boil) 1, (boil, water) 1.
        let w: [Float] = [2, 1, 3]
        let p0 = bonus.bonus(passage: 0, terms: [kettle, boil, water], weights: w, index: index)
        let expected: Float = 0.5 * (1 * 8 / 8 + 2 * 7 / 8 + 1 * 8 / 8)
        #expect(abs(p0 - expected) < 1e-6)
        // p1: only (kettle, water), distance 5.
        let p1 = bonus.bonus(passage: 1, terms: [kettle, boil, water], weights: w, index: index)
        #expect(abs(p1 - 0.5 * 2 * 4 / 8) < 1e-6)
        // p2: one term: nothing. A window of 4 leaves p1's pair out.
        #expect(bonus.bonus(passage: 2, terms: [kettle, boil, water], weights: w, index: index) == 0)
        #expect(ProximityBonus(weight: 0.5, window: 4).bonus(passage: 1, terms: [kettle, water], weights: [2, 3], index: index) == 0)
    }

    @Test func noPassageExceedsTheMaximum() throws {
        let terms = try ["kettl", "boil", "water"].map { try #require(index.termID($0)) }
        let bonus = ProximityBonus()
        let weights: [Float] = [1.5, 0.25, 4]
        #expect(abs(bonus.maximum(weights: weights) - 0.2 * (0.25 + 1.5 + 0.25)) < 1e-6)
        for p in 0..<3 {
            #expect(bonus.bonus(passage: Int32(p), terms: terms, weights: weights, index: index) <= bonus.maximum(weights: weights))
        }
        #expect(bonus.maximum(weights: [3]) == 0)
    }

    /// The table of postings by skipping and galloping equals a search of
    /// each decoded list, whatever the order of the passages, with repeats
    /// and misses, over lists of many blocks.
    @Test func postingsForManyPassagesMatchOneByOne() {
        let index = RetrievalStrategyTests.index
        var rng = SplitMix(seed: 3)
        for _ in 0..<40 {
            let terms = (0..<(1 + Int(rng.next() % 6))).map { _ in Int32(rng.next() % UInt64(index.termCount)) }
            let passages = (0..<(Int(rng.next() % 250))).map { _ in Int32(rng.next() % UInt64(index.passageCount)) }
            let table = index.postings(of: terms, in: passages)
            #expect(table.count == terms.count * passages.count)
            for (c, passage) in passages.enumerated() {
                for (i, t) in terms.enumerated() {
                    let expected = index.passages(ofTerm: t).firstIndex(of: passage).map { index.postingStart[Int(t)] + $0 } ?? -1
                    #expect(table[c * terms.count + i] == expected)
                    if passages.count == 1 { #expect((index.posting(of: t, in: passage) ?? -1) == expected) }
                }
            }
        }
    }
}
