import FootnoteAnalysis
import FootnoteIndex

/// Ranks passages for a query: the best `max(k, rerankDepth)` by the model's
/// score (`ScoreAccumulator`, or `SingleTermBlockMax` for a single long list),
/// then they are re-ranked by that score × the lead prior + the proximity
/// bonus, and the best `k` are kept.
///
/// Not thread-safe (its analyzer and accumulator keep state); make one per thread.
public final class Searcher {
    public struct Hit: Sendable, Equatable {
        public var passage: Int32
        public var score: Float
    }

    /// `hits` with each score multiplied by `factor(passage)`, best first;
    /// equal scores keep their order (a re-ranking by a prior).
    public static func reweighed(_ hits: [Hit], by factor: (Int32) -> Float) -> [Hit] {
        // Spelled out with its types: as one chained expression this took the
        // type checker 12 s.
        var ranked: [(offset: Int, hit: Hit)] = []
        ranked.reserveCapacity(hits.count)
        for (offset, hit) in hits.enumerated() {
            ranked.append((offset, Hit(passage: hit.passage, score: hit.score * factor(hit.passage))))
        }
        ranked.sort { (a: (offset: Int, hit: Hit), b: (offset: Int, hit: Hit)) -> Bool in
            a.hit.score != b.hit.score ? a.hit.score > b.hit.score : a.offset < b.offset
        }
        return ranked.map { $0.hit }
    }

    public struct Result: Sendable {
        public var query: Query
        public var hits: [Hit]
        /// The query weights, one per `query.terms` (unknown terms included).
        public var weights: [Float]
        /// What the best hit's match says (nil when nothing matched, or when not asked for).
        public var evidence: ConfidenceEvidence?
        /// `hits[0].score` over the query's ceiling (0 when nothing matched):
        /// how fully the best passage matches (`ConfidenceEvidence.coverage`).
        public var coverage: Float { evidence?.coverage ?? 0 }
        /// That the corpus answers the question, calibrated (`ConfidenceEvidence.calibrated`; 0 when nothing matched).
        public var confidence: Float { evidence?.calibrated ?? 0 }
    }

    public let index: InvertedIndex
    public let model: any ScoringModel
    public let analyzer: Analyzer
    /// Added to the ranking score of the best candidates (nil: none).
    public let proximity: ProximityBonus?
    /// Multiplies the ranking score of the best candidates (nil: none).
    public let leadPrior: LeadPrior?
    /// How many of the best candidates by ranking score are re-ranked:
    /// `max(k, rerankDepth)` (at most 4k for the lead prior alone).
    public var rerankDepth = 200

    public init(
        index: InvertedIndex, model: any ScoringModel, analyzer: Analyzer? = nil, proximity: ProximityBonus? = nil,
        leadPrior: LeadPrior? = nil
    ) {
        self.index = index
        self.model = model
        self.proximity = proximity
        self.leadPrior = leadPrior.flatMap { $0.maximum > 1 || $0.lowersSome ? $0 : nil }
        self.analyzer = analyzer ?? Analyzer(settings: index.analyzerSettings)
    }

    public func search(_ text: String, top k: Int, evidence: Bool = true) -> Result {
        search(Query(text, analyzer: analyzer, index: index), top: k, evidence: evidence)
    }

    /// The model's weight for each of `query.terms` (unknown terms included),
    /// times the term's `boost`.
    public func weights(for query: Query) -> [Float] {
        let weights = model.queryWeights(
            documentFrequencies: query.terms.map { $0.id.map(index.documentFrequency) ?? 0 },
            queryFrequencies: query.terms.map(\.frequency))
        guard query.terms.contains(where: { $0.boost != 1 }) else { return weights }
        return zip(weights, query.terms).map { $0 * $1.boost }
    }

    /// What `search` and `explain` score a query by: the query weights (one
    /// per `query.terms`); the known terms with the most each can add to a
    /// score (the proximity bonus's scale); and those of them with a positive
    /// weight, which are ranked by.
    private func scoring(_ query: Query) -> (weights: [Float], known: [(Int32, Float)], scored: [WeightedTerm]) {
        let weights = weights(for: query)
        var known: [(Int32, Float)] = [], scored: [WeightedTerm] = []
        for (term, weight) in zip(query.terms, weights) {
            guard let t = term.id else { continue }
            let bound = weight * model.maxPostingScore(term: t)
            known.append((t, bound))
            if weight > 0 { scored.append(WeightedTerm(id: t, weight: weight, bound: bound, order: scored.count)) }
        }
        return (weights, known, scored)
    }

    /// - Parameter evidence: also weigh the best hit's match for the
    ///   confidence (`Result.evidence`: one more posting lookup per known
    ///   term). Batch runs over test collections, which rank and time only, leave it out.
    public func search(_ query: Query, top k: Int, evidence: Bool = true) -> Result {
        let (weights, known, scored) = scoring(query)
        let proximity = known.count > 1 ? self.proximity : nil
        let rerank = (proximity != nil || leadPrior != nil) && k > 0
        // The prior alone moves a passage by at most its largest factor (×1.2):
        // the best 4k hold the top k but for near ties, at a fraction of the cost of 200.
        let depth = !rerank ? k : proximity != nil ? max(k, rerankDepth) : max(k, min(rerankDepth, Self.priorDepthRatio * k))
        let byScore =
            query.constraints.isEmpty ? top(scored, depth: depth).sorted() : top(scored, depth: depth, constraints: query.constraints)
        var ranked = byScore
        if rerank {
            let terms = known.map(\.0), termWeights = known.map(\.1)
            let largestFactor = (leadPrior?.maximum ?? 1) * (1 + 1e-5)
            // Candidates come best first: once even the largest possible factor
            // and bonus cannot lift one to the k-th best, none after it can rise either.
            let largestBonus = (proximity?.maximum(weights: termWeights) ?? 0) * (1 + 1e-5)
            // The lists the accumulator decoded for this query, when it ran.
            let postings =
                proximity == nil
                ? []
                : index.postings(
                    of: terms, in: byScore.map(\.passage),
                    decoded: { self.accumulated ? self.accumulator.decodedList($0) : nil })
            var reranked = TopK(k)
            postings.withUnsafeBufferPointer { postings in
                for (c, (score, passage)) in byScore.enumerated() {
                    if score * largestFactor + largestBonus < reranked.threshold { break }
                    let prior = score * (leadPrior?(passage) ?? 1)
                    guard let proximity else {
                        reranked.insert(prior, passage)
                        continue
                    }
                    let row = UnsafeBufferPointer(rebasing: postings[(c * terms.count)..<((c + 1) * terms.count)])
                    // The most this passage's own terms can earn: when even that
                    // cannot lift it into the top k, its positions are not read.
                    if prior + proximity.maximum(postings: row, weights: termWeights) * (1 + 1e-5) < reranked.threshold { continue }
                    reranked.insert(prior + proximity.bonus(postings: row, weights: termWeights, index: index), passage)
                }
            }
            ranked = reranked.sorted()
        }
        let hits = ranked.map { Hit(passage: $0.passage, score: $0.score) }
        var result = Result(query: query, hits: hits, weights: weights, evidence: nil)
        if evidence, let best = hits.first {
            // Judged on the ranking score alone: the prior and the proximity bonus reorder, they do not vouch.
            // The best by score is judged when only a factor below 1 (a changelog's) cost it first place:
            // that weight orders the answers; it is no sign the corpus lacks one.
            var judged = best.passage
            if let top = byScore.first, top.passage != best.passage, (leadPrior?(top.passage) ?? 1) < 1 { judged = top.passage }
            result.evidence = self.evidence(
                query, weights, best: judged,
                score: byScore.first { $0.passage == judged }?.score ?? best.score)
        }
        return result
    }

    /// The evidence of `passage`, which ranked best with ranking score `score`.
    func evidence(_ query: Query, _ weights: [Float], best passage: Int32, score: Float) -> ConfidenceEvidence {
        let ids = query.terms.map(\.id)
        let ceilings = zip(ids, confidenceWeights(query, weights)).map { $1 * model.maxPostingScore(term: $0) }
        let known = ids.compactMap { $0 }
        let present = index.postings(of: known, in: [passage])
        var ceiling: Float = 0, matched: Float = 0, k = 0
        for (id, c) in zip(ids, ceilings) {
            ceiling += c
            guard id != nil else { continue }
            if present[k] >= 0 { matched += c }
            k += 1
        }
        return ConfidenceEvidence(
            coverage: ceiling > 0 ? min(1, score / ceiling) : 0,
            matchedShare: ceiling > 0 ? min(1, matched / ceiling) : 0,
            knownTerms: query.terms.reduce(0) { $0 + ($1.id == nil ? 0 : $1.boost) },
            corrected: !query.corrections.isEmpty,
            unknownNames: query.terms.filter { $0.id == nil && !$0.isEverydayWord }.count)
    }

    /// What an everyday English word the corpus lacks (`Query.Term.isEverydayWord`)
    /// counts for in the confidence's ceiling, against a word that names
    /// something: `vocabulary / everydayWordVocabulary` of its weight, at least
    /// `everydayWordShareFloor` and at most all of it.
    ///
    /// In a small corpus most English words are missing by chance: "How do
    /// people access closed models?" is about access to closed models whether
    /// or not the essay ever says "people" (its 273 terms: a quarter). In a
    /// large one a missing everyday word is a sign the question is about
    /// something else (SQuAD-dev's 16,130 terms: all of it, so its leave-one-
    /// article-out abstention is unchanged); doc2dial's 4,563: 0.46.
    public var everydayWordShare: Float {
        min(1, max(Self.everydayWordShareFloor, Float(index.termCount) / Self.everydayWordVocabulary))
    }
    static let everydayWordShareFloor: Float = 0.25
    static let everydayWordVocabulary: Float = 10_000

    /// The query weights the confidence's ceiling is taken with: `weights`,
    /// but for everyday words, which count `everydayWordShare` of theirs.
    func confidenceWeights(_ query: Query, _ weights: [Float]) -> [Float] {
        guard query.terms.contains(where: \.isEverydayWord) else { return weights }
        let share = everydayWordShare
        return zip(query.terms, weights).map { $0.isEverydayWord ? $1 * share : $1 }
    }

    /// Why `passage` scored what it did for `query`, term by term: the
    /// same weights, posting scores, lead prior and proximity bonus `search`
    /// combines, in the same order, so `score` equals the hit's score (when
    /// the passage meets the query's constraints and `search` re-ranked, that
    /// is asked for more than 0 passages with a lead prior, or with two known
    /// terms or more and a proximity bonus).
    public func explain(_ query: Query, passage: Int32) -> Explanation {
        let (weights, known, scored) = scoring(query)
        let postings = index.postings(of: scored.map(\.id), in: [passage])
        var rows: [Explanation.Term] = []
        var ranking: Float = 0
        for (i, term) in scored.enumerated() {
            let q = query.terms.firstIndex { $0.id == term.id }!
            var row = Explanation.Term(
                term: query.terms[q].text, word: query.terms[q].word, frequency: 0,
                documentFrequency: index.documentFrequency(term.id), weight: term.weight,
                passageFactor: model.passageFactor[Int(passage)], postingScore: 0, contribution: 0)
            if postings[i] >= 0 {
                row.frequency = index.frequency(ofPosting: postings[i])
                row.postingScore = model.postingScore(frequency: row.frequency, passage: passage)
                row.contribution = term.weight * row.postingScore
                ranking += row.contribution
            }
            rows.append(row)
        }
        var bonus: Float = 0
        if let proximity, known.count > 1 {
            bonus = proximity.bonus(passage: passage, terms: known.map(\.0), weights: known.map(\.1), index: index)
        }
        let unknown = zip(query.terms, weights).filter { $0.0.id == nil }.map { $0.0.word.isEmpty ? $0.0.text : $0.0.word }
        let factor = leadPrior?(passage) ?? 1
        return Explanation(
            model: model.name, formula: model.formula, passageFactorName: model.passageFactorName, terms: rows, rankingScore: ranking,
            leadPrior: factor, proximityBonus: bonus,
            score: ranking * factor + bonus, unknownTerms: unknown)
    }

    /// Made at the first query that needs it.
    private lazy var accumulator = ScoreAccumulator(passageFactor: model.passageFactor)
    /// Whether the last top k came from `accumulator` (whose decoded lists
    /// are then this query's).
    private var accumulated = false

    /// Runs the retrieval strategy specialized for the concrete model, so that
    /// the posting score is inlined in its loop rather than called through the protocol.
    private func top(_ terms: [WeightedTerm], depth: Int) -> TopK {
        if let bm25 = model as? BM25 { return top(terms, depth: depth, model: bm25) }
        if let tfidf = model as? TFIDFCosine { return top(terms, depth: depth, model: tfidf) }
        return open(model, terms, depth: depth)
    }

    private func open<Model: ScoringModel>(_ model: Model, _ terms: [WeightedTerm], depth: Int) -> TopK {
        top(terms, depth: depth, model: model)
    }

    /// The exact top `depth` by the faster of two strategies, measured on
    /// the kernel corpus (BENCHMARKS.md): block-max skipping for one term
    /// whose list is long against the depth (its block maxima skip most of
    /// the list: 2× faster at k=10); the accumulator otherwise (a
    /// document-at-a-time MaxScore was 2–3× slower at depth 200, where the
    /// re-rank's deep θ prunes little, and at k=10 for two terms or more).
    private func top<Model: ScoringModel>(_ terms: [WeightedTerm], depth: Int, model: Model) -> TopK {
        accumulated = false
        if terms.count == 1 && index.documentFrequency(terms[0].id) > Self.singleTermSkipRatio * depth {
            return SingleTermBlockMax.top(terms[0], depth: depth, model: model, index: index)
        }
        accumulated = true
        return accumulator.top(terms, depth: depth, model: model, index: index)
    }

    /// The exact top `depth` among the passages that meet `constraints`.
    ///
    /// With a required phrase or word, the passages that contain every
    /// required one and no excluded one are scored one by one,
    /// `Σ weight × postingScore` in the terms' order as the accumulator sums.
    /// With only exclusions, the top `depth` + (passages excluded) by the
    /// usual strategy hold the top `depth` that are not excluded.
    private func top(_ terms: [WeightedTerm], depth: Int, constraints: [Query.Constraint]) -> [(score: Float, passage: Int32)] {
        var excluded: [Int32] = []
        for c in constraints where !c.mustOccur { excluded = InvertedIndex.union(excluded, index.passages(matching: c)) }
        let required = constraints.filter(\.mustOccur)
        guard !required.isEmpty else {
            let out = Set(excluded)
            return Array(top(terms, depth: depth + excluded.count).sorted().filter { !out.contains($0.passage) }.prefix(depth))
        }
        accumulated = false
        var allowed = index.passages(matching: required[0])
        for c in required.dropFirst() where !allowed.isEmpty { allowed = InvertedIndex.intersection(allowed, index.passages(matching: c)) }
        allowed = InvertedIndex.difference(allowed, excluded)
        var top = TopK(depth)
        guard depth > 0, !terms.isEmpty, !allowed.isEmpty else { return [] }
        let ordered = terms.sorted { $0.order < $1.order }
        let postings = index.postings(of: ordered.map(\.id), in: allowed)
        for (c, passage) in allowed.enumerated() {
            var score: Float = 0
            for (i, term) in ordered.enumerated() {
                let p = postings[c * ordered.count + i]
                if p >= 0 { score += term.weight * model.postingScore(frequency: index.frequency(ofPosting: p), passage: passage) }
            }
            if score > 0 { top.insert(score, passage) }
        }
        return top.sorted()
    }

    /// Re-ranked by the lead prior alone (one known term), the best this many times k are.
    static let priorDepthRatio = 4

    /// A single term's list must be this many times the depth for `SingleTermBlockMax` to be chosen.
    static let singleTermSkipRatio = 16
}
