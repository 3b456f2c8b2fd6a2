import FootnoteStorage
import FootnoteIndex

/// Corrects a word the corpus never uses to the closest word it does.
///
/// Candidates are the index's completion vocabulary (its distinct folded
/// non-stop words). The distance is the optimal string alignment distance
/// over the folded words' bytes (Damerau 1964, "A technique for computer
/// detection and correction of spelling errors"): insertions, deletions,
/// substitutions and swaps of two adjacent letters cost 1 each, no substring
/// edited twice. The closest candidate wins; among equally close ones the one
/// the corpus uses most often, then the first in byte order.
///
/// A correction may be at most `maximumDistance(forLength:)` edits away: 2,
/// but 1 for words of 3 or 4 bytes (two edits turn most short words into
/// other words) and none below 3 bytes. Two edits away, the word must have
/// at least 6 bytes and the correction occur at least twice in the corpus:
/// a word two edits from one the corpus uses once is more likely a word of
/// its own ("penguin" is two edits from nothing, "budget" from "badge").
///
/// A word on the English word list (`englishWords`) is correct English the
/// corpus lacks, never a misspelling: it is not corrected ("quick brown fox"
/// is not "pick broad fox").
/// - Complexity: one pass over the vocabulary per correction; words whose
///   length differs by more than the limit are passed over at once, others
///   cost O(length × band) with an early stop.
public struct SpellingCorrector: Sendable {
    public let vocabulary: FrontCodedStrings
    /// Each vocabulary word's occurrences in the corpus (nil: unknown, all equal).
    public let counts: [Int32]?
    /// Correct English words, never corrected (nil: none known).
    public let englishWords: EnglishWordList?

    public init(vocabulary: FrontCodedStrings, counts: [Int32]?, englishWords: EnglishWordList? = nil) {
        self.vocabulary = vocabulary
        self.counts = counts.flatMap { $0.count == vocabulary.count ? $0 : nil }
        self.englishWords = englishWords
    }

    /// The corrector for `index`'s vocabulary, counted from its per-document
    /// word lists, with the machine's English word list (`EnglishWordList.shared`).
    public init(index: InvertedIndex, englishWords: EnglishWordList? = EnglishWordList.shared) {
        self.init(
            vocabulary: index.vocabulary, counts: index.documentWords.counts(wordCount: index.vocabulary.count),
            englishWords: englishWords)
    }

    /// The fewest occurrences a correction two edits away must have.
    static let twoEditMinimumCount: Int32 = 2
    /// The shortest word (bytes) corrected by two edits.
    static let twoEditMinimumLength = 6

    public struct Correction: Sendable, Equatable {
        /// The vocabulary word's number (`InvertedIndex.vocabulary`).
        public var word: Int
        public var distance: Int
    }

    /// The most edits a correction of a word of `length` bytes may take.
    public static func maximumDistance(forLength length: Int) -> Int {
        length < 3 ? 0 : length <= 4 ? 1 : 2
    }

    /// The vocabulary word closest to `folded` (a folded word), nil when none
    /// is within `maximumDistance(forLength:)` (and the two-edit rules), or
    /// `folded` is itself in the vocabulary or on the English word list.
    public func correction(for folded: [UInt8]) -> Correction? {
        let limit = Self.maximumDistance(forLength: folded.count)
        guard limit > 0, folded.count <= Self.longestWord else { return nil }
        if let englishWords, englishWords.contains(folded: folded) { return nil }
        var best: Correction?
        var bestCount: Int32 = -1
        folded.withUnsafeBufferPointer { word in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (Self.longestWord + 2)) { rows in
                vocabulary.forEach { index, candidate in
                    guard abs(candidate.count - word.count) <= limit, candidate.count <= Self.longestWord else { return true }
                    let bound = best?.distance ?? limit
                    let d = Self.distance(word, candidate, limit: bound, rows: rows.baseAddress!)
                    guard d <= bound else { return true }
                    let count = counts?[index] ?? 0
                    if d == 2 && (word.count < Self.twoEditMinimumLength || (counts != nil && count < Self.twoEditMinimumCount)) {
                        return true
                    }
                    if best == nil || d < best!.distance || count > bestCount {
                        best = Correction(word: index, distance: d)
                        bestCount = count
                    }
                    return true
                }
            }
        }
        return best?.distance == 0 ? nil : best
    }

    /// Longer words are neither corrected nor offered (the analyzer cuts tokens at 64 bytes).
    static let longestWord = 64

    /// The optimal string alignment distance between `a` and `b`, or a value
    /// above `limit` as soon as it must exceed it. `rows` has room for
    /// 3 × (`b.count` + 1) values.
    static func distance(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int,
        rows: UnsafeMutablePointer<Int>
    ) -> Int {
        let n = b.count
        if abs(a.count - n) > limit { return limit + 1 }
        if a.isEmpty || n == 0 { return max(a.count, n) }
        // Three rows of the table: two rows back (for swaps), the previous, the current.
        var twoBack = rows, previous = rows + (n + 1), current = rows + 2 * (n + 1)
        for j in 0...n { previous[j] = j }
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...n {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d = min(d, twoBack[j - 2] + 1) }
                current[j] = d
                rowMinimum = min(rowMinimum, d)
            }
            if rowMinimum > limit { return limit + 1 }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[n]
    }
}
