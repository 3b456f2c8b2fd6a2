import FootnoteIndex

/// The seam every ranking function sits behind.
///
/// A passage's score is `Σ_t queryWeight_t × postingScore(tf_td, d)` over the
/// query terms it contains, accumulated posting list by posting list. `explain`
/// and abstention use these same functions, never a second formula.
public protocol ScoringModel: Sendable {
    /// A short name ("bm25", "tfidf").
    var name: String { get }

    /// How `:why` states the score of one term, in the words of its table:
    /// "term × weight (…) × posting score (…)".
    var formula: String { get }

    /// The column heading `:why` gives `passageFactor` ("norm", "1/‖d‖").
    var passageFactorName: String { get }

    /// The query-side weight of each query term, given its document frequency
    /// (0 for a term absent from the corpus) and its count in the question.
    func queryWeights(documentFrequencies: [Int], queryFrequencies: [Int]) -> [Float]

    /// Per passage: the one passage-dependent value `postingScore` reads
    /// (BM25's length norm, TF-IDF's inverse vector norm).
    var passageFactor: [Float] { get }

    /// The passage-side factor for a posting with (pseudo-)frequency
    /// `frequency` in a passage whose `passageFactor` is `factor`: the one
    /// place the model's formula is written. Scoring, the bounds
    /// (`PostingScoreBounds`) and `explain` all call it.
    ///
    /// Every model must pass `ScoringModelConformanceTests`: finite and
    /// non-negative, non-decreasing in `frequency`, non-increasing in the
    /// passage's length.
    func postingScore(frequency: Float, factor: Float) -> Float

    /// The largest `postingScore` among the postings of term `t` in this
    /// corpus; for a term the corpus never uses (nil), ¾ of the mean of
    /// those maxima over all terms (measured: unknown words weigh too much at
    /// the full mean in small corpora, where most English words are unknown). `Σ_t queryWeight_t × maxPostingScore(t)` is the
    /// best score a passage of this corpus could reach for a question.
    func maxPostingScore(term t: Int32?) -> Float

    /// The bounds `maxPostingScore` reads, per term and per block of postings.
    var bounds: PostingScoreBounds { get }
}

extension ScoringModel {
    public func maxPostingScore(term t: Int32?) -> Float { bounds.value(t) }

    /// The passage-side factor for a posting with (pseudo-)frequency `frequency` in `passage`.
    @inline(__always)
    public func postingScore(frequency: Float, passage: Int32) -> Float {
        postingScore(frequency: frequency, factor: passageFactor[Int(passage)])
    }

    /// The best score any passage of this corpus could reach for a query
    /// with these terms and weights (each term at its best posting).
    public func ceiling(terms: [Int32?], queryWeights: [Float]) -> Float {
        zip(terms, queryWeights).reduce(0) { $0 + $1.1 * maxPostingScore(term: $1.0) }
    }
}

/// Which ranking function to use (`--scoring`, the config file's `scoring`):
/// the registry of models. A new model is its file, a case here and its line
/// in `model(for:)`; the options' help and errors list the cases by themselves.
public enum ScoringChoice: String, Sendable, CaseIterable {
    case bm25
    case tfidf

    /// The choices as a person reads them: "bm25 or tfidf" ("a, b or c" for three).
    public static var spelledOut: String {
        let names = allCases.map(\.rawValue)
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The model for an index with these parameters.
    public func model(for index: InvertedIndex, k1: Float = BM25.defaultK1, b: Float = BM25.defaultB) -> any ScoringModel {
        switch self {
        case .bm25: return BM25(index: index, k1: k1, b: b)
        case .tfidf: return TFIDFCosine(index: index)
        }
    }
}
