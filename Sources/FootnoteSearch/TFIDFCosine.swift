import FootnoteIndex

/// Classic vector-space TF-IDF with cosine similarity (Salton & Buckley 1988,
/// "Term-weighting approaches in automatic text retrieval"), weighing terms as
/// scikit-learn's `TfidfVectorizer(sublinear_tf=True)` does:
///
///     w_td = (1 + ln tf_td) · idf_t,    idf_t = ln((1 + N) / (1 + df_t)) + 1
///     w_tq = (1 + ln qtf_t) · idf_t
///     score(q, d) = Σ_t w_tq · w_td / (‖q‖ · ‖d‖)
///
/// Over the seam: `queryWeights` = `w_tq · idf_t / ‖q‖` and `postingScore` =
/// `(1 + ln tf_td) / ‖d‖`. ‖q‖ counts every query term, those absent from the
/// corpus too, so a question half made of unknown words cannot reach 1. The
/// passage norms ‖d‖ are computed once over the whole index.
public struct TFIDFCosine: ScoringModel {
    public let passageCount: Int
    /// 1 / ‖d‖ per passage.
    public let inverseNorm: [Float]
    public private(set) var bounds = PostingScoreBounds.none

    public init(index: InvertedIndex) {
        passageCount = index.passageCount
        var squares = [Float](repeating: 0, count: index.passageCount)
        var idf: Float = 0
        index.forEachBlock { t, block, passages, frequencies in
            if block == 0 { idf = Self.idf(documentFrequency: index.documentFrequency(t), passageCount: index.passageCount) }
            for (passage, frequency) in zip(passages, frequencies) {
                let w = (1 + logf(frequency)) * idf
                squares[Int(passage)] += w * w
            }
        }
        inverseNorm = squares.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        bounds = PostingScoreBounds(index: index, model: self)
    }

    public var name: String { "tfidf" }
    public var formula: String { "term × weight (normalized qtf · idf²) × (1 + ln tf) · 1/‖d‖" }
    public var passageFactorName: String { "1/‖d‖" }

    static func idf(documentFrequency df: Int, passageCount n: Int) -> Float {
        logf((1 + Float(n)) / (1 + Float(df))) + 1
    }

    public func queryWeights(documentFrequencies: [Int], queryFrequencies: [Int]) -> [Float] {
        let idfs = documentFrequencies.map { Self.idf(documentFrequency: $0, passageCount: passageCount) }
        let w = zip(queryFrequencies, idfs).map { (1 + logf(Float(max($0, 1)))) * $1 }
        let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return w.map { _ in 0 } }
        return zip(w, idfs).map { $0 * $1 / norm }
    }

    public var passageFactor: [Float] { inverseNorm }

    @inline(__always)
    public func postingScore(frequency tf: Float, factor inverse: Float) -> Float {
        (1 + logf(max(tf, 1))) * inverse
    }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
