#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the best passage's match says about whether the corpus answers a
/// question at all, and the confidence calibrated from it.
///
/// A single ratio (`coverage`: the best score over the best possible) means
/// different things in different corpora and for different questions: a
/// long question about a git recipe matches its answer with half its words
/// (0.33–0.40), while a one-word question about something else matches some
/// passage fully (1.0). The calibrated confidence is a logistic model over
/// the evidence below (`calibrated`), fit by `Benchmarks/confidence_fit.py`
/// on questions with and without an answer in the corpus: SQuAD-dev with
/// each article left out, the real-doc question sets, the essay's questions
/// and doc2dial's turns, each with questions from the other collections as
/// the unanswerable ones. So `--min-confidence` means the same on the
/// 33-passage essay as on a 100k-passage folder.
public struct ConfidenceEvidence: Sendable, Equatable {
    /// The best passage's ranking score over the query's ceiling
    /// (`ScoringModel.ceiling`, everyday words at `Searcher.everydayWordShare`), 0...1.
    public var coverage: Float
    /// The share of the ceiling held by the terms the best passage contains,
    /// whatever their frequency in it, 0...1: how much of the question it speaks to.
    public var matchedShare: Float
    /// The query's terms the corpus knows, each counted at its boost (a
    /// question's own words 1, words carried from an earlier question less).
    public var knownTerms: Float
    /// Whether a word was corrected: the question asked about something the corpus lacks.
    public var corrected: Bool
    /// Unknown words that name something (not everyday English, not corrected).
    public var unknownNames: Int
    /// How well a heading of the passage cited first restates the question:
    /// the best `HeadingMatch.bestMatch` over its section path, 0...1. A page
    /// or section titled with the question's subject says the corpus covers
    /// it, however many chatty words the question has ("I have heard about
    /// Qualified Tuition Programs, what exactly are they?"), and an example
    /// under "Table Partitioning › … › Example" is about partitioning.
    /// `Searcher` leaves it 0; `AnswerEngine.weighingHeadings` sets it.
    public var headingMatch: Float

    public init(
        coverage: Float, matchedShare: Float, knownTerms: Float, corrected: Bool, unknownNames: Int,
        headingMatch: Float = 0
    ) {
        self.coverage = coverage
        self.matchedShare = matchedShare
        self.knownTerms = knownTerms
        self.corrected = corrected
        self.unknownNames = unknownNames
        self.headingMatch = headingMatch
    }

    /// The logistic model's weights: bias, then logit(coverage),
    /// matchedShare, ln(1 + knownTerms), corrected, unknownNames,
    /// √headingMatch.
    ///
    /// Fit by `Benchmarks/confidence_fit.py` (weighted logistic regression,
    /// each collection's answerable and unanswerable halves weighing the
    /// same, SQuAD-dev's two leave-one-article-out collections 10×), then the
    /// bias shifted so that 0.40 (the default `--min-confidence`) answers
    /// 95.5% of SQuAD-dev's answerable questions. Measured (BENCHMARKS.md
    /// "Calibrated confidence" and "The cited heading as evidence"):
    /// `footnote eval squad-dev --abstention` declines 76.8% at 95.5%
    /// answered (the coverage alone: 72.3%; without the heading match:
    /// 74.4%); the Debian documentation sets answer all their questions
    /// (coverage alone: 88–96%) and decline 84–89% of questions on other
    /// subjects (82–86%); doc2dial's turns 90.2% answered (86.0% without the
    /// heading match).
    static let weights: [Float] = [-10.142, 0.794, 9.041, 2.963, -1.275, -1.189, 3.568]

    /// Coverage is clamped to this distance from 0 and 1 before its logit.
    static let coverageMargin: Float = 1e-3

    /// The confidence that the corpus answers the question, 0...1:
    /// `σ(w₀ + w₁·logit(coverage) + w₂·matchedShare + w₃·ln(1 + knownTerms) + w₄·corrected + w₅·unknownNames + w₆·√headingMatch)`.
    public var calibrated: Float {
        let w = Self.weights
        let c = min(max(coverage, Self.coverageMargin), 1 - Self.coverageMargin)
        var z = w[0] + w[1] * logf(c / (1 - c)) + w[2] * matchedShare + w[3] * logf(1 + knownTerms)
        z += (corrected ? w[4] : 0) + w[5] * Float(unknownNames) + w[6] * max(0, headingMatch).squareRoot()
        return 1 / (1 + expf(-z))
    }
}
