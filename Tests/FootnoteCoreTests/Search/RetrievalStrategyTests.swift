import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch

/// `ScoreAccumulator` and `SingleTermBlockMax` against a brute-force
/// reference: every passage scored by the model's own `postingScore`, summed
/// in query-term order from zero, sorted by (score desc, passage asc). Both
/// must return the same passages with bit-identical scores, at every depth,
/// for both models, over lists longer than a block so that block maxima and
/// skips are exercised.
@Suite struct RetrievalStrategyTests {
    /// A seeded corpus over a small vocabulary, so that lists run to
    /// hundreds of postings, with ties (repeated passages) and a skewed
    /// distribution (a few very common words).
    static let index: InvertedIndex = {
        var rng = SplitMix(seed: 7)
        let words =
            ("kettle teapot quokka samovar gaiwan matcha saucer ladle whisk kiln glaze spout lid handle "
            + "porcelain ceramic enamel copper brass pewter silver marble granite basalt slate quartz amber "
            + "cedar maple willow birch alder hazel rowan larch spruce juniper fennel").split(separator: " ").map(String.init)
        var passages: [Passage] = []
        for i in 0..<1500 {
            let length = 3 + Int(rng.next() % 25)
            var tokens: [String] = []
            for _ in 0..<length {
                // Zipf-like: word k with weight ~ 1/(k+1).
                let r = Double(rng.next() % 10_000) / 10_000
                tokens.append(words[min(words.count - 1, Int(pow(40.0, r)) - 1)])
            }
            let text = i % 97 == 0 && i > 0 ? passages[i - 1].text : tokens.joined(separator: " ") + "."
            passages.append(Passage(document: 0, section: [], text: text, lines: (i + 1)...(i + 1), bytes: 0..<1))
        }
        return IndexBuilder().build(passages)
    }()

    /// The reference top `depth`.
    static func bruteForce<Model: ScoringModel>(
        _ terms: [WeightedTerm], depth: Int, model: Model, index: InvertedIndex
    ) -> [(score: Float, passage: Int32)] {
        var scores = [Float](repeating: 0, count: index.passageCount)
        for term in terms.sorted(by: { $0.order < $1.order }) {
            for (i, passage) in index.passages(ofTerm: term.id).enumerated() {
                let d = Int(passage)
                scores[d] +=
                    term.weight
                    * model.postingScore(frequency: index.postingFrequency[index.postingStart[Int(term.id)] + i], passage: passage)
            }
        }
        return scores.enumerated().filter { $0.element > 0 }
            .sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .prefix(depth).map { (score: $0.element, passage: Int32($0.offset)) }
    }

    static func terms<Model: ScoringModel>(_ ids: [Int32], model: Model, index: InvertedIndex) -> [WeightedTerm] {
        let weights = model.queryWeights(documentFrequencies: ids.map { index.documentFrequency($0) }, queryFrequencies: ids.map { _ in 1 })
        return zip(ids, weights).enumerated().map { order, pair in
            WeightedTerm(id: pair.0, weight: pair.1, bound: pair.1 * model.maxPostingScore(term: pair.0), order: order)
        }
    }

    func check<Model: ScoringModel>(_ model: Model) {
        let index = Self.index
        var rng = SplitMix(seed: 11)
        let accumulator = ScoreAccumulator(passageFactor: model.passageFactor)
        let termCount = index.termCount
        #expect(termCount >= 35)
        #expect((0..<termCount).map { index.documentFrequency(Int32($0)) }.max()! > 4 * PostingScoreBounds.blockSize)
        var skipped = 0
        for query in 0..<150 {
            let count = 1 + query % 5
            var ids: [Int32] = []
            while ids.count < count {
                let t = Int32(rng.next() % UInt64(termCount))
                if !ids.contains(t) { ids.append(t) }
            }
            let terms = Self.terms(ids, model: model, index: index)
            for depth in [1, 3, 10, 200, 2000] {
                let expected = Self.bruteForce(terms, depth: depth, model: model, index: index)
                let byAccumulator = accumulator.top(terms, depth: depth, model: model, index: index).sorted()
                #expect(byAccumulator.map(\.passage) == expected.map(\.passage), "accumulator, query \(ids), depth \(depth)")
                #expect(
                    byAccumulator.map(\.score.bitPattern) == expected.map(\.score.bitPattern), "accumulator, query \(ids), depth \(depth)")
                guard terms.count == 1 else { continue }
                let byBlockMax = SingleTermBlockMax.top(terms[0], depth: depth, model: model, index: index).sorted()
                #expect(byBlockMax.map(\.passage) == expected.map(\.passage), "block-max, query \(ids), depth \(depth)")
                #expect(byBlockMax.map(\.score.bitPattern) == expected.map(\.score.bitPattern), "block-max, query \(ids), depth \(depth)")
                // Blocks whose bound is below the k-th score were passed over.
                let bounds = model.bounds, first = Int(bounds.blockStart[Int(ids[0])])
                let kth = expected.count == depth ? expected[depth - 1].score : 0
                skipped +=
                    (0..<PostingPassages.blocks(index.documentFrequency(ids[0])))
                    .filter { terms[0].weight * bounds.blockMaximum[first + $0] * SingleTermBlockMax.margin < kth }.count
            }
        }
        #expect(skipped > 0, "no block could be skipped: the test's lists are too short")
    }

    @Test func bothStrategiesMatchBruteForceUnderBM25() { check(BM25(index: Self.index)) }

    @Test func bothStrategiesMatchBruteForceUnderTFIDF() { check(TFIDFCosine(index: Self.index)) }

    /// Through `Searcher`, which picks the strategy: one-word questions whose
    /// lists are long (block-max) and short (the accumulator), and two-word
    /// ones, all equal to brute force.
    @Test func theSearcherGivesTheExactTopWhicheverStrategyItPicks() {
        let index = Self.index
        let model = BM25(index: index)
        let searcher = Searcher(index: index, model: model)
        var longLists = 0
        for w in 0..<index.vocabulary.count {
            let query = Query(index.vocabulary[w], analyzer: searcher.analyzer, index: index)
            guard query.terms.count == 1, let t = query.terms[0].id else { continue }
            for depth in [1, 5, 40] {
                let expected = Self.bruteForce(Self.terms([t], model: model, index: index), depth: depth, model: model, index: index)
                let hits = searcher.search(query, top: depth).hits
                #expect(hits.map(\.passage) == expected.map(\.passage), "word \(index.vocabulary[w]), depth \(depth)")
                #expect(hits.map(\.score.bitPattern) == expected.map(\.score.bitPattern), "word \(index.vocabulary[w]), depth \(depth)")
                if index.documentFrequency(t) > Searcher.singleTermSkipRatio * depth { longLists += 1 }
            }
        }
        #expect(longLists > 10)
    }

    /// Quickselect against a sort: random keys, sorted, reversed and
    /// clustered, every k.
    @Test func selectingTheLargestKeysMatchesSorting() {
        var rng = SplitMix(seed: 21)
        for shape in 0..<4 {
            for count in [1, 2, 3, 10, 64, 400] {
                var keys = (0..<count).map { i -> UInt64 in
                    switch shape {
                    case 0: return rng.next()
                    case 1: return UInt64(i)
                    case 2: return UInt64(count - i)
                    default: return UInt64(i % 7) << 32 | UInt64(i)  // many equal high halves
                    }
                }
                let expected = keys.sorted(by: >)
                for k in Set([1, count / 2, count - 1, count].filter { $0 >= 1 }) {
                    var shuffled = keys
                    shuffled.withUnsafeMutableBufferPointer { ScoreAccumulator.selectLargest($0.baseAddress!, count: count, k: k) }
                    #expect(Set(shuffled.prefix(k)) == Set(expected.prefix(k)), "shape \(shape), \(count) keys, k \(k)")
                    if k < count { #expect(shuffled[k - 1] == expected[k - 1]) }
                }
                keys.shuffle()
            }
        }
        // Keys order as TopK ranks: higher score, then lower passage.
        #expect(TopK.key(2.5, 7) > TopK.key(2.5, 8))
        #expect(TopK.key(2.5, 8) > TopK.key(1.25, 0))
        #expect(TopK.score(TopK.key(2.5, 8)) == 2.5 && TopK.passage(TopK.key(2.5, 8)) == 8)
    }

    @Test func theAccumulatorIsCleanBetweenQueries() {
        let model = BM25(index: Self.index)
        let accumulator = ScoreAccumulator(passageFactor: model.passageFactor)
        let a = Self.terms([0, 1, 2], model: model, index: Self.index), b = Self.terms([3], model: model, index: Self.index)
        let first = accumulator.top(b, depth: 50, model: model, index: Self.index).sorted()
        _ = accumulator.top(a, depth: 5, model: model, index: Self.index)
        let again = accumulator.top(b, depth: 50, model: model, index: Self.index).sorted()
        #expect(first.map(\.passage) == again.map(\.passage) && first.map(\.score) == again.map(\.score))
    }

    @Test func emptyQueriesAndZeroDepth() {
        let model = BM25(index: Self.index)
        let accumulator = ScoreAccumulator(passageFactor: model.passageFactor)
        #expect(accumulator.top([], depth: 10, model: model, index: Self.index).sorted().isEmpty)
        #expect(
            accumulator.top(Self.terms([0], model: model, index: Self.index), depth: 0, model: model, index: Self.index).sorted().isEmpty)
        #expect(
            SingleTermBlockMax.top(Self.terms([0], model: model, index: Self.index)[0], depth: 0, model: model, index: Self.index).sorted()
                .isEmpty)
    }
}

/// A small seeded generator (Steele, Lea & Flood 2014), so the corpus is the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
