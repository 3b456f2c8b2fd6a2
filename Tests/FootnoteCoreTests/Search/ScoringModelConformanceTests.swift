import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch

/// What every `ScoringModel` must do, run for each model `--scoring` offers
/// (as Lucene's `BaseSimilarityTestCase` does for its similarities): a new
/// model is added to `ScoringChoice` and is tested here with nothing more.
@Suite struct ScoringModelConformanceTests {
    /// Passages of growing length that hold "lantern" once (then twice, and
    /// so on in the second half), with other words repeated in some; longer
    /// than a posting block (128) so that the per-block bounds are exercised.
    static let passages: [Passage] = (0..<300).map { i in
        let filler = Array(repeating: "meadow", count: i % 150).joined(separator: " ")
        let lantern = Array(repeating: "lantern", count: 1 + i / 150).joined(separator: " ")
        let extra = i % 3 == 0 ? " river river stone" : i % 3 == 1 ? " stone" : ""
        return Passage(document: 0, section: [], text: "\(lantern) \(filler)\(extra).", lines: (i + 1)...(i + 1), bytes: 0..<1)
    }
    static let index = IndexBuilder().build(passages)

    static func model(_ choice: ScoringChoice) -> any ScoringModel { choice.model(for: index) }

    @Test(arguments: ScoringChoice.allCases)
    func scoresAreFiniteAndNonNegative(_ choice: ScoringChoice) {
        let model = Self.model(choice), index = Self.index
        for t in 0..<Int32(index.termCount) {
            let passages = index.passages(ofTerm: t)
            for (passage, posting) in zip(passages, index.postings(t)) {
                let s = model.postingScore(frequency: index.postingFrequency[posting], passage: passage)
                #expect(s.isFinite && s >= 0, "\(choice) term \(t) passage \(passage): \(s)")
            }
        }
        for df in [0, 1, 2, 150, 299, 300] {
            for qtf in [1, 2, 5] {
                let w = model.queryWeights(documentFrequencies: [df, 1], queryFrequencies: [qtf, 1])
                #expect(w.allSatisfy { $0.isFinite && $0 >= 0 }, "\(choice) df \(df) qtf \(qtf): \(w)")
            }
        }
    }

    @Test(arguments: ScoringChoice.allCases)
    func moreOccurrencesNeverScoreLess(_ choice: ScoringChoice) {
        let model = Self.model(choice)
        for factor in Set(model.passageFactor).sorted() {
            var previous = model.postingScore(frequency: 1, factor: factor)
            for tf in stride(from: Float(1.5), through: 60, by: 0.5) {
                let s = model.postingScore(frequency: tf, factor: factor)
                #expect(s >= previous, "\(choice) factor \(factor): tf \(tf) scores \(s) < \(previous)")
                previous = s
            }
        }
    }

    /// "lantern" once in passages 0..<150, whose length grows by a word each:
    /// the longer passage never scores higher for it.
    @Test(arguments: ScoringChoice.allCases)
    func longerPassagesNeverScoreMore(_ choice: ScoringChoice) throws {
        let model = Self.model(choice), index = Self.index
        let lantern = try #require(index.termID("lantern"))
        let postings = index.postings(lantern)
        let passages = index.passages(ofTerm: lantern)
        // Same-extra passages (i ≡ r mod 3) differ only in their filler's length.
        for r in 0..<3 {
            let scores = zip(passages, postings).filter { $0.0 < 150 && Int($0.0) % 3 == r }
                .map { model.postingScore(frequency: index.postingFrequency[$0.1], passage: $0.0) }
            #expect(scores.count == 50)
            for (a, b) in zip(scores, scores.dropFirst()) { #expect(b <= a, "\(choice): \(b) after \(a)") }
        }
    }

    /// Every posting's score is at most its block's and its term's bound,
    /// and each bound is reached by a posting (they are exact).
    @Test(arguments: ScoringChoice.allCases)
    func boundsHoldEveryPostingAndAreReached(_ choice: ScoringChoice) {
        let model = Self.model(choice), index = Self.index, bounds = model.bounds
        let size = PostingScoreBounds.blockSize
        for t in 0..<Int32(index.termCount) {
            let scores = zip(index.passages(ofTerm: t), index.postings(t))
                .map { model.postingScore(frequency: index.postingFrequency[$0.1], passage: $0.0) }
            #expect(bounds.value(t) == scores.max(), "\(choice) term \(t)")
            for (b, start) in stride(from: 0, to: scores.count, by: size).enumerated() {
                let block = scores[start..<min(scores.count, start + size)]
                #expect(bounds.blockMaximum[Int(bounds.blockStart[Int(t)]) + b] == block.max(), "\(choice) term \(t) block \(b)")
            }
        }
        #expect(bounds.value(nil) > 0)
    }

    /// `explain` adds up to the score the ranking gave, term by term.
    @Test(arguments: ScoringChoice.allCases)
    func explainEqualsTheScore(_ choice: ScoringChoice) {
        let model = Self.model(choice)
        let searcher = Searcher(index: Self.index, model: model)
        for question in ["lantern", "river stone", "lantern meadow river", "stone lantern lantern"] {
            let result = searcher.search(question, top: 20, evidence: false)
            #expect(!result.hits.isEmpty)
            for hit in result.hits {
                let e = searcher.explain(result.query, passage: hit.passage)
                #expect(abs(e.score - hit.score) <= 1e-5 * max(1, hit.score), "\(choice) '\(question)' passage \(hit.passage)")
                #expect(abs(e.terms.reduce(0) { $0 + $1.contribution } - e.rankingScore) <= 1e-5 * max(1, e.rankingScore))
                #expect(e.model == model.name && e.formula == model.formula && e.passageFactorName == model.passageFactorName)
            }
        }
    }
}
