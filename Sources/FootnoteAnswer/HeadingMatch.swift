import FootnoteAnalysis
import FootnoteCorpus
import FootnoteSearch

/// A passage whose own heading restates the question ranks above passages
/// that only use its words: a FAQ entry titled "How do I know if I want to
/// do a fetch or a pull?" answers "Should I use fetch or pull?" better than
/// an option's description that says "fetch" six times.
///
/// The index already counts a heading's words in each passage of its
/// section (`IndexBuilder.headingWeight`), but BM25 saturates them with the
/// body's: a heading that holds all of the question counts little more than
/// a body that repeats one of its words. So the best candidates are re-ranked
/// by `score × (1 + strength × match)` where, for the passage's innermost
/// heading (a section's title, or a glossary term or option name for its
/// entry),
///
///     match = (question weight the heading holds / question weight) × √(heading terms in the question / heading terms)
///
/// over the question's known terms, each at its query weight. The first
/// factor is how much of the question the heading restates; the second
/// keeps a long heading that happens to hold a word or two ("--full-history
/// without parent rewriting" for a question about rewriting history) from
/// counting as a restatement. Every passage of a section gets the same
/// factor, so within a section the passages keep their order.
///
/// Measured (BENCHMARKS.md "Headings that restate the question"): doc2dial-dev
/// `docs/` turns alone S@1 0.344 → 0.360 at strength 0.2 over the best 30;
/// SQuAD-dev `docs/` unchanged; the real-doc sets one more right at rank 1 and
/// two fewer in the top 3 (of 100 questions).
public struct HeadingMatch: Sendable {
    /// 0: no re-ranking.
    public var strength: Float
    /// How many of the best candidates are re-ranked.
    public var candidates: Int

    public static let defaultStrength: Float = 0.2
    public static let defaultCandidates = 30
    /// A title and its summary ("git-mv(1) Manual Page — Move or rename a
    /// file, …", `NameLine.titled`; "shutil — High-level file operations")
    /// are matched as two headings, the better one counting.
    public static let partSeparator = NameLine.titleSeparator

    public init(strength: Float = Self.defaultStrength, candidates: Int = Self.defaultCandidates) {
        self.strength = max(0, strength)
        self.candidates = max(0, candidates)
    }

    /// `match` above for `heading`, 0...1: the share of `termWeights`' total
    /// its terms hold, times the square root of the share of its distinct
    /// terms that are in `termWeights`.
    /// Sums run in a fixed order (terms sorted; the heading's in order of
    /// appearance): a Dictionary's or Set's order changes from process to
    /// process, and with it the last bits of a float sum, which made the
    /// same question's score differ between runs.
    public static func match(of heading: String, termWeights: [String: Float], analyzer: Analyzer) -> Float {
        let total = termWeights.keys.sorted().reduce(Float(0)) { $0 + max(0, termWeights[$1]!) }
        var seen = Set<String>()
        let terms = analyzer.terms(heading).filter { seen.insert($0).inserted }
        guard total > 0, !terms.isEmpty else { return 0 }
        let held = terms.reduce(Float(0)) { $0 + max(0, termWeights[$1] ?? 0) }
        let asked = Float(terms.filter { termWeights[$0] != nil }.count) / Float(terms.count)
        return min(1, held / total) * asked.squareRoot()
    }

    /// The factor a passage under `heading` gets: `1 + strength × match`.
    public func factor(heading: String?, termWeights: [String: Float], analyzer: Analyzer) -> Float {
        guard strength > 0, let heading else { return 1 }
        return 1 + strength * Self.bestMatch(of: heading, termWeights: termWeights, analyzer: analyzer)
    }

    /// The best `match` of `heading`'s parts (a title and its summary, split at `partSeparator`).
    public static func bestMatch(of heading: String, termWeights: [String: Float], analyzer: Analyzer) -> Float {
        heading.components(separatedBy: partSeparator).map { match(of: $0, termWeights: termWeights, analyzer: analyzer) }.max() ?? 0
    }

    /// `hits` with each score times its passage's factor, best first (ties
    /// keep their order); `heading(p)` is passage p's innermost heading.
    public func reranked(
        _ hits: [Searcher.Hit], termWeights: [String: Float], analyzer: Analyzer,
        heading: (Int32) -> String?
    ) -> [Searcher.Hit] {
        guard strength > 0, hits.count > 1 else { return hits }
        return Searcher.reweighed(hits) { factor(heading: heading($0), termWeights: termWeights, analyzer: analyzer) }
    }
}
