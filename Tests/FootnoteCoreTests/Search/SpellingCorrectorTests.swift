import Testing
@testable import FootnoteCore

@Suite struct SpellingCorrectorTests {
    func distance(_ a: String, _ b: String, limit: Int = 5) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
            a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in
                SpellingCorrector.distance(x, y, limit: limit, rows: rows.baseAddress!)
            } }
        }
    }

    @Test func optimalStringAlignmentDistance() {
        #expect(distance("model", "model") == 0)
        #expect(distance("modle", "model") == 1)      // swap
        #expect(distance("modl", "model") == 1)       // drop
        #expect(distance("mmodel", "model") == 1)     // double
        #expect(distance("modal", "model") == 1)      // substitution
        #expect(distance("transparancy", "transparency") == 1)
        #expect(distance("ca", "abc") == 3)           // OSA: no edit of a swapped pair
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("kitten", "sitting", limit: 1) == 2)   // stops early: above the limit
    }

    func corrector(_ words: [String], counts: [Int32]) -> SpellingCorrector {
        let order = words.indices.sorted { Array(words[$0].utf8).lexicographicallyPrecedes(Array(words[$1].utf8)) }
        return SpellingCorrector(vocabulary: FrontCodedStrings(StringTable(order.map { words[$0] })), counts: order.map { counts[$0] })
    }

    func correct(_ c: SpellingCorrector, _ word: String) -> String? {
        c.correction(for: Array(word.utf8)).map { c.vocabulary[$0.word] }
    }

    @Test func closestWinsThenMostFrequent() {
        let c = corrector(["transparency", "transparent", "models", "modes", "moduls"], counts: [5, 9, 1, 30, 2])
        #expect(correct(c, "transparancy") == "transparency")   // 1 edit beats a more frequent word 3 away
        #expect(correct(c, "modls") == "modes")                  // three words 1 away: the most frequent
        #expect(correct(c, "models") == nil)                     // known: nothing to correct
        #expect(correct(c, "zebra") == nil)
    }

    @Test func shortWordsTakeFewerEdits() {
        #expect(SpellingCorrector.maximumDistance(forLength: 2) == 0)
        #expect(SpellingCorrector.maximumDistance(forLength: 4) == 1)
        #expect(SpellingCorrector.maximumDistance(forLength: 5) == 2)
        let c = corrector(["data", "open"], counts: [1, 1])
        #expect(correct(c, "dtaa") == "data")
        #expect(correct(c, "dxxa") == nil)       // 2 edits: too many for 4 letters
        #expect(correct(c, "opn") == "open")
    }
}
