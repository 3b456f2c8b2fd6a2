import FootnoteStorage

/// The corpus's words that complete a prefix, most frequent first: what Tab
/// offers in the chat. Reads the vocabulary and the word counts the spelling
/// corrector keeps (`SpellingCorrector.counts`), so completion and correction
/// agree on which words the corpus uses and how often.
public struct WordCompletion: Sendable {
    let vocabulary: FrontCodedStrings
    let counts: [Int32]?

    /// No words: nothing completes.
    public init() {
        vocabulary = FrontCodedStrings()
        counts = nil
    }

    /// The words of `corrector`'s vocabulary, ranked by its counts (in byte order without them).
    public init(_ corrector: SpellingCorrector) {
        vocabulary = corrector.vocabulary
        counts = corrector.counts
    }

    /// Up to `limit` words starting with `prefix` (compared as given: the
    /// vocabulary is folded, so pass lowercase), most frequent first, equal
    /// counts in byte order. A binary search finds the first word with the
    /// prefix, then a walk covers those sharing it.
    /// - Complexity: O(log words + m log m) for the m words sharing the prefix.
    public func words(startingWith prefix: String, limit: Int = 200) -> [String] {
        guard !prefix.isEmpty, limit > 0 else { return [] }
        var prefix = prefix
        return prefix.withUTF8 { key in
            var found: [(word: Int, count: Int32)] = []
            vocabulary.forEach(from: vocabulary.lowerBound(key)) { i, word in
                guard word.count >= key.count, word.prefix(key.count).elementsEqual(key) else { return false }
                found.append((i, counts.map { i < $0.count ? $0[i] : 0 } ?? 0))
                return true
            }
            // Stable: equal counts keep byte order.
            let ranked =
                counts == nil
                ? found
                : found.enumerated()
                    .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
                    .map(\.element)
            return ranked.prefix(limit).map { vocabulary[$0.word] }
        }
    }
}
