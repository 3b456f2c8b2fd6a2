import FootnoteIndex

/// Okapi BM25 (Robertson & Zaragoza 2009, "The Probabilistic Relevance
/// Framework: BM25 and Beyond"), with Lucene's non-negative idf:
///
///     score(q, d) = Σ_t qtf_t · idf_t · tf_td · (k1 + 1) / (tf_td + k1 · (1 − b + b · |d| / avgdl))
///     idf_t       = ln(1 + (N − df_t + 0.5) / (df_t + 0.5))
///
/// `tf_td` and `|d|` are the index's BM25F pseudo-frequency and pseudo-length.
/// The length norm `k1 · (1 − b + b · |d| / avgdl)` is precomputed per passage.
public struct BM25: ScoringModel {
    public static let defaultK1: Float = 1.2
    public static let defaultB: Float = 0.75

    public let k1: Float
    public let b: Float
    public let passageCount: Int
    /// `k1 · (1 − b + b · |d| / avgdl)` per passage.
    public let lengthNorm: [Float]
    public private(set) var bounds = PostingScoreBounds.none

    public init(index: InvertedIndex, k1: Float = BM25.defaultK1, b: Float = BM25.defaultB) {
        self.k1 = k1
        self.b = b
        passageCount = index.passageCount
        let avg = Float(max(index.averagePassageLength, 1e-9))
        lengthNorm = index.passageLength.map { k1 * (1 - b + b * $0 / avg) }
        bounds = PostingScoreBounds(index: index, model: self)
    }

    public var name: String { "bm25" }
    public var formula: String { "term × weight (qtf · idf) × tf·(k1+1)/(tf + norm), norm = k1·(1 − b + b·|d|/avgdl)" }
    public var passageFactorName: String { "norm" }

    public func idf(documentFrequency df: Int) -> Float {
        let n = Float(passageCount), d = Float(df)
        return logf(1 + (n - d + 0.5) / (d + 0.5))
    }

    public func queryWeights(documentFrequencies: [Int], queryFrequencies: [Int]) -> [Float] {
        zip(documentFrequencies, queryFrequencies).map { Float($1) * idf(documentFrequency: $0) }
    }

    public var passageFactor: [Float] { lengthNorm }

    @inline(__always)
    public func postingScore(frequency tf: Float, factor norm: Float) -> Float {
        tf * (k1 + 1) / (tf + norm)
    }

}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
