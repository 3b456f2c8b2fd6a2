/// A query term the corpus knows, with a positive weight: what the top-k
/// strategies (`ScoreAccumulator`, `SingleTermBlockMax`) rank by. A passage's score is
/// `Σ weight × postingScore` over these terms, summed in `order`.
struct WeightedTerm {
    var id: Int32
    /// The model's query weight.
    var weight: Float
    /// Most it can add to a passage's score (weight × the term's largest posting score).
    var bound: Float
    /// Its position among the query's weighted terms (the order of summation).
    var order: Int
}
