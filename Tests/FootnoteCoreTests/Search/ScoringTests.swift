import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch

/// BM25 and TF-IDF against values computed by hand on a three-passage corpus.
@Suite struct ScoringTests {
    let passages = threeScoredPassages

    var index: InvertedIndex { IndexBuilder().build(passages) }

    @Test func indexHoldsFrequenciesPositionsAndLengths() {
        let idx = index
        let cat = idx.termID("cat")!
        #expect(idx.documentFrequency(cat) == 2)
        #expect(idx.passages(ofTerm: cat) == [0, 1])
        #expect(Array(idx.postingFrequency[idx.postings(cat)]) == [1, 2])
        let second = idx.postings(cat).lowerBound + 1
        #expect(idx.positions(second) == [0, 1])
        #expect(idx.positions(second - 1) == [1])
        #expect(Array(idx.passageLength) == [3, 3, 4])
        #expect(abs(idx.averagePassageLength - 10.0 / 3) < 1e-9)
    }

    @Test func bm25MatchesHandComputation() {
        let idx = index
        let model = BM25(index: idx, k1: 1.2, b: 0.75)
        let searcher = Searcher(index: idx, model: model)
        let result = searcher.search("cat", top: 10)
        // idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6); avgdl = 10/3, |d| = 3.
        let idf = log(1.6)
        let norm = 1.2 * (1 - 0.75 + 0.75 * 3 / (10.0 / 3))
        let p1 = idf * 2 * 2.2 / (2 + norm)
        let p0 = idf * 1 * 2.2 / (1 + norm)
        #expect(result.hits.map(\.passage) == [1, 0])
        #expect(abs(Double(result.hits[0].score) - p1) < 1e-5)
        #expect(abs(Double(result.hits[1].score) - p0) < 1e-5)
        // Coverage: score over the best this corpus allows, idf × p1's factor: 1.
        #expect(abs(result.coverage - 1) < 1e-5)
        #expect(abs(Double(model.maxPostingScore(term: idx.termID("cat"))) - 2 * 2.2 / (2 + norm)) < 1e-5)
    }

    @Test func bm25SumsOverTermsAndCountsRepeats() {
        let idx = index
        let model = BM25(index: idx)
        let one = Searcher(index: idx, model: model).search("dog night", top: 3)
        let idf = log(1 + (3 - 1 + 0.5) / 1.5)
        let norm = 1.2 * (1 - 0.75 + 0.75 * 4 / (10.0 / 3))
        #expect(abs(Double(one.hits[0].score) - 2 * idf * 2.2 / (1 + norm)) < 1e-5)
        let twice = Searcher(index: idx, model: model).search("dog dog", top: 3)
        #expect(abs(Double(twice.hits[0].score) - 2 * idf * 2.2 / (1 + norm)) < 1e-5)
    }

    @Test func tfidfCosineMatchesHandComputation() {
        let idx = index
        let model = TFIDFCosine(index: idx)
        let result = Searcher(index: idx, model: model).search("cat hat", top: 3)
        // idf = ln((1+N)/(1+df)) + 1, N = 3.
        let idfCat = log(4.0 / 3) + 1, idfHat = log(4.0 / 2) + 1, idfOnce = log(4.0 / 2) + 1
        // p1: cat tf 2, hat tf 1. p0: cat, sat, mat once each.
        let p1 = [(1 + log(2.0)) * idfCat, idfHat]
        let p0 = [idfCat, idfOnce, idfOnce]
        let q = [idfCat, idfHat]
        func norm(_ v: [Double]) -> Double { v.map { $0 * $0 }.reduce(0, +).squareRoot() }
        let cos1 = (q[0] * p1[0] + q[1] * p1[1]) / (norm(q) * norm(p1))
        let cos0 = (q[0] * p0[0]) / (norm(q) * norm(p0))
        #expect(result.hits.map(\.passage) == [1, 0])
        #expect(abs(Double(result.hits[0].score) - cos1) < 1e-5)
        #expect(abs(Double(result.hits[1].score) - cos0) < 1e-5)
        // Confidence: score over Σ w_t · (best posting factor of t in the corpus).
        let maxCat = max((1 + log(2.0)) / norm(p1), 1 / norm(p0)), maxHat = 1 / norm(p1)
        let ceiling = (q[0] * idfCat * maxCat + q[1] * idfHat * maxHat) / norm(q)
        #expect(abs(Double(result.coverage) - cos1 / ceiling) < 1e-5)
    }

    @Test func unknownTermsLowerCoverageButNotRanking() {
        let idx = index
        let searcher = Searcher(index: idx, model: BM25(index: idx))
        let plain = searcher.search("cat", top: 3)
        let noisy = searcher.search("cat zebra", top: 3)
        #expect(plain.hits.map(\.passage) == noisy.hits.map(\.passage))
        #expect(noisy.coverage < plain.coverage)
        // The unknown word is credited with ¾ of the mean best posting factor, at idf(df = 0).
        let model = BM25(index: idx)
        let maxima = (0..<idx.termCount).map { model.maxPostingScore(term: Int32($0)) }
        let unknown = 0.75 * maxima.reduce(0, +) / Float(maxima.count)
        #expect(abs(model.maxPostingScore(term: nil) - unknown) < 1e-6)
        let expected =
            noisy.hits[0].score
            / (model.idf(documentFrequency: 2) * model.maxPostingScore(term: idx.termID("cat")) + model.idf(documentFrequency: 0) * unknown)
        #expect(abs(noisy.coverage - expected) < 1e-5)
        #expect(searcher.search("zebra", top: 3).hits.isEmpty)
    }

    @Test func titleWeightAddsHeadingOccurrences() {
        let titled = [
            Passage(document: 0, section: ["Cats", "Cat naps"], text: "They sit.", lines: 1...1, bytes: 0..<1),
            Passage(document: 0, id: "d1", section: ["Cats"], text: "They sit.", lines: 1...1, bytes: 0..<1),
        ]
        let idx = IndexBuilder(titleWeight: 2, headingWeight: 0.25).build(titled)
        let cat = idx.termID("cat")!
        #expect(Array(idx.postingFrequency[idx.postings(cat)]) == [0.5, 2])  // two headings × 0.25; one BEIR title × 2
        #expect(Array(idx.passageLength) == [1.75, 3])  // "sit" + 0.25 × "cat", "cat", "nap"; "sit" + 2 × "cat"
    }
}
