/// Why a passage scored what it did (`Searcher.explain`): each ranked query
/// term's part, the lead prior, then the proximity bonus, and the heading match.
///
///     score = (Σ_t weight_t × postingScore(tf_td, passageFactor_d) × lead prior + proximity bonus) × heading match
///
/// Under BM25, `weight` is qtf × idf and `passageFactor` the length norm
/// k1 · (1 − b + b · |d| / avgdl); under TF-IDF, the normalized query weight and 1/‖d‖.
public struct Explanation: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// The analyzed term, and the question's word it came from.
        public var term: String
        public var word: String
        /// Its (pseudo-)frequency in the passage: 0 when the passage lacks it.
        public var frequency: Float
        /// Passages that contain it.
        public var documentFrequency: Int
        /// The model's query weight (times the term's boost).
        public var weight: Float
        /// The passage's length norm (BM25) or inverse vector norm (TF-IDF).
        public var passageFactor: Float
        public var postingScore: Float
        /// weight × postingScore.
        public var contribution: Float
    }

    /// The scoring model's name ("bm25", "tfidf").
    public var model: String
    /// The model's statement of a term's part (`ScoringModel.formula`) and
    /// the name of its passage factor (`ScoringModel.passageFactorName`).
    public var formula: String
    public var passageFactorName: String
    /// The ranked terms, in the order the score sums them.
    public var terms: [Term]
    /// Σ contributions.
    public var rankingScore: Float
    /// The factor the passage's place in its file gives (`LeadPrior`; 1: none).
    public var leadPrior: Float
    public var proximityBonus: Float
    /// (rankingScore × leadPrior + proximityBonus) × headingMatch.
    public var score: Float
    /// Question words the corpus never uses (they count in the abstention ceiling only).
    public var unknownTerms: [String]
    /// The factor the passage's heading gives for holding the question's
    /// words (`HeadingMatch`, applied by `AnswerEngine`; 1: none).
    public var headingMatch: Float = 1
}
