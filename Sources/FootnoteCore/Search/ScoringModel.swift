/// The seam every ranking function sits behind.
///
/// A passage's score is `Σ_t queryWeight_t × postingScore(tf_td, d)` over the
/// query terms it contains, accumulated posting list by posting list. `explain`
/// and abstention use these same functions, never a second formula.
public protocol ScoringModel: Sendable {
    /// A short name ("bm25", "tfidf").
    var name: String { get }

    /// The query-side weight of each query term, given its document frequency
    /// (0 for a term absent from the corpus) and its count in the question.
    func queryWeights(documentFrequencies: [Int], queryFrequencies: [Int]) -> [Float]

    /// The passage-side factor for a posting with (pseudo-)frequency `frequency`.
    func postingScore(frequency: Float, passage: Int32) -> Float

    /// The largest `postingScore` among the postings of term `t` in this
    /// corpus; for a term the corpus never uses (nil), ¾ of the mean of
    /// those maxima over all terms (measured: unknown words weigh too much at
    /// the full mean in small corpora, where most English words are unknown). `Σ_t queryWeight_t × maxPostingScore(t)` is the
    /// best score a passage of this corpus could reach for a question.
    func maxPostingScore(term t: Int32?) -> Float
}

extension ScoringModel {
    /// The best score any passage of this corpus could reach for a query
    /// with these terms and weights (each term at its best posting).
    public func ceiling(terms: [Int32?], queryWeights: [Float]) -> Float {
        zip(terms, queryWeights).reduce(0) { $0 + $1.1 * maxPostingScore(term: $1.0) }
    }
}

/// Per-term maxima of a posting score over an index, with their mean for
/// unknown terms (shared by the models' `maxPostingScore`).
struct TermMaxima: Sendable {
    let perTerm: [Float]
    let mean: Float

    init(index: InvertedIndex, postingScore: (Float, Int32) -> Float) {
        var maxima = [Float](repeating: 0, count: index.termCount)
        for t in 0..<index.termCount {
            var best: Float = 0
            for p in index.postings(Int32(t)) {
                best = max(best, postingScore(index.postingFrequency[p], index.postingPassage[p]))
            }
            maxima[t] = best
        }
        perTerm = maxima
        mean = maxima.isEmpty ? 0 : maxima.reduce(0, +) / Float(maxima.count)
    }

    /// The share of the mean maximum an unknown term is credited with.
    static let unknownShare: Float = 0.75

    func value(_ t: Int32?) -> Float { t.map { perTerm[Int($0)] } ?? mean * Self.unknownShare }
}

/// Which ranking function to use (`--scoring`).
public enum ScoringChoice: String, Sendable, CaseIterable {
    case bm25
    case tfidf

    /// The model for an index with these parameters.
    public func model(for index: InvertedIndex, k1: Float = BM25.defaultK1, b: Float = BM25.defaultB) -> any ScoringModel {
        switch self {
        case .bm25: return BM25(index: index, k1: k1, b: b)
        case .tfidf: return TFIDFCosine(index: index)
        }
    }
}
