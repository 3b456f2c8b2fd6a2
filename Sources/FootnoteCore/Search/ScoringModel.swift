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

    /// The highest score any passage could reach for a query with these
    /// weights (all terms present, each as strongly as possible).
    func ceiling(queryWeights: [Float]) -> Float
}

extension ScoringModel {
    /// How close `score` comes to the best any passage could score for the
    /// query, in 0...1. The bot abstains below a threshold of this ratio rather
    /// than of raw scores, which are not comparable across questions.
    public func confidence(score: Float, queryWeights: [Float]) -> Float {
        let top = ceiling(queryWeights: queryWeights)
        return top > 0 ? min(1, score / top) : 0
    }
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
