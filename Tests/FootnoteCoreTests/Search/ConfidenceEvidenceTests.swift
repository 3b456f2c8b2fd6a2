import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// The evidence the confidence is calibrated from, computed by `Searcher`
/// on a small corpus by hand, and the calibration's direction in each of it.
@Suite struct ConfidenceEvidenceTests {
    let passages = threeScoredPassages

    @Test func evidenceIsTheBestPassagesCoverageMatchedShareAndKnownTerms() throws {
        let index = IndexBuilder().build(passages)
        let model = BM25(index: index)
        let searcher = Searcher(index: index, model: model)
        let result = searcher.search("cat night zebra", top: 3)
        let evidence = try #require(result.evidence)
        let weights = result.weights
        let cat = weights[0] * model.maxPostingScore(term: index.termID("cat"))
        let night = weights[1] * model.maxPostingScore(term: index.termID("night"))
        let zebra = weights[2] * model.maxPostingScore(term: nil)
        // The best passage is p2 (night, the rarer word): it holds night, not cat; zebra is unknown.
        #expect(result.hits[0].passage == 2)
        #expect(abs(evidence.matchedShare - night / (cat + night + zebra)) < 1e-5)
        #expect(abs(evidence.coverage - result.hits[0].score / (cat + night + zebra)) < 1e-5)
        #expect(evidence.knownTerms == 2)
        #expect(evidence.unknownNames == 1)
        #expect(!evidence.corrected)
        #expect(result.confidence == evidence.calibrated)
        #expect(result.coverage == evidence.coverage)
        #expect(searcher.search("zebra", top: 3).evidence == nil)
        // Batch runs leave it out: the same hits, no evidence.
        let ranked = searcher.search("cat night zebra", top: 3, evidence: false)
        #expect(ranked.hits == result.hits && ranked.evidence == nil && ranked.confidence == 0)
        #expect(searcher.search("zebra", top: 3).confidence == 0)
    }

    @Test func aCorrectedWordIsEvidenceAndCarriedWordsCountAtTheirBoost() throws {
        let folder = TemporaryFolder()
        folder.write("a.txt", passages.map(\.text).joined(separator: "\n\n") + "\n")
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        let engine = AnswerEngine(
            corpus: try CorpusLoader(passageBuilder: PassageBuilder(sectionWords: 0, minWords: 0)).load(folder.path),
            options: options)
        let corrected = try #require(engine.answer("bark at nigth", top: 1).evidence)
        #expect(corrected.corrected)
        var query = engine.read("cat")
        var carried = engine.read("night").terms[0]
        carried.boost = 0.5
        query.terms.append(carried)
        #expect(engine.searcher.search(query, top: 1).evidence?.knownTerms == 1.5)
    }

    /// The chat weighs the heading of the passage it cites first; the searcher alone does not.
    @Test func theChatWeighsTheCitedPassagesHeading() throws {
        let folder = TemporaryFolder()
        folder.write(
            "aid.md",
            """
            # Tax Benefits for Higher Education

            ## Qualified Tuition Programs

            A plan set up by a state or a school so that you can prepay or save up for education expenses.

            ## Student loan interest

            You may deduct the interest you pay on a student loan, up to a yearly limit.

            """)
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.path), options: options)
        let question = "I have heard about qualified tuition programs, what exactly are they?"
        let answer = engine.answer(question, top: 1)
        let evidence = try #require(answer.evidence)
        #expect(answer.items.first?.citation.section.hasSuffix("Qualified Tuition Programs") == true)
        let query = try #require(answer.query)
        let weights = AnswerEngine.termWeights(query, engine.searcher.search(query, top: 1).weights)
        #expect(
            evidence.headingMatch
                == HeadingMatch.bestMatch(
                    of: "Qualified Tuition Programs", termWeights: weights,
                    analyzer: engine.searcher.analyzer))
        #expect(evidence.headingMatch > 0.5)
        #expect(answer.confidence == evidence.calibrated)
        let alone = try #require(engine.searcher.search(query, top: 1).evidence)
        #expect(alone.headingMatch == 0 && alone.calibrated < evidence.calibrated)
        // A question no heading restates gets none.
        #expect(engine.answer("deduct up to a yearly limit", top: 1).evidence?.headingMatch == 0)
    }

    /// Each piece of evidence moves the confidence the way its meaning says.
    @Test func calibrationRisesWithTheMatchAndFallsWithWhatTheCorpusLacks() {
        let base = ConfidenceEvidence(coverage: 0.5, matchedShare: 0.6, knownTerms: 3, corrected: false, unknownNames: 0)
        func with(_ change: (inout ConfidenceEvidence) -> Void) -> Float {
            var e = base
            change(&e)
            return e.calibrated
        }
        #expect(base.calibrated > 0 && base.calibrated < 1)
        #expect(with { $0.coverage = 0.8 } > base.calibrated)
        #expect(with { $0.matchedShare = 0.9 } > base.calibrated)
        #expect(with { $0.knownTerms = 5 } > base.calibrated)
        #expect(with { $0.corrected = true } < base.calibrated)
        #expect(with { $0.unknownNames = 1 } < base.calibrated)
        #expect(with { $0.headingMatch = 0.5 } > base.calibrated)
        // Coverage 0 and 1 are clamped: finite, and still ordered.
        #expect(with { $0.coverage = 0 }.isFinite && with { $0.coverage = 1 }.isFinite)
        #expect(with { $0.coverage = 0 } < with { $0.coverage = 1 })
    }

    /// The weights as fitted (`Benchmarks/confidence_fit.py`): the formula by hand.
    @Test func calibrationIsTheLogisticModel() {
        let e = ConfidenceEvidence(coverage: 0.4, matchedShare: 0.5, knownTerms: 2, corrected: true, unknownNames: 1, headingMatch: 0.25)
        let w = ConfidenceEvidence.weights.map(Double.init)
        let z = w[0] + w[1] * log(0.4 / 0.6) + w[2] * 0.5 + w[3] * log(3.0) + w[4] + w[5] + w[6] * 0.5
        #expect(abs(Double(e.calibrated) - 1 / (1 + exp(-z))) < 1e-5)
    }
}
