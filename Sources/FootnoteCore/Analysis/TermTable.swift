/// Numbers the distinct terms of a corpus while it is analyzed, and remembers
/// what each distinct folded word became and how often it occurred, so that
/// the stop-word and stemming filters run once per word rather than once per
/// occurrence (`Analyzer.analyze(_:into:_:)`).
public struct TermTable {
    /// Term (analyzed bytes) → number.
    private(set) var ids: [[UInt8]: Int32] = [:]
    /// Number → term.
    public private(set) var terms: [[UInt8]] = []
    /// Folded word → its slot in `words`, `wordTerm` and `wordCount`.
    private(set) var slots: [[UInt8]: Int32] = [:]
    private(set) var words: [[UInt8]] = []
    /// Per folded word: its term's number, or −1 for a stop word.
    private(set) var wordTerm: [Int32] = []
    /// Per folded word: occurrences analyzed so far (stop words: 0).
    private(set) var wordCount: [Int32] = []

    public init() {}

    /// The number of `term`, assigning the next one to a new term.
    mutating func id(of term: [UInt8]) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        return id
    }

    /// Records what a new folded word became (`id` −1: a stop word); its slot.
    mutating func remember(folded word: [UInt8], as id: Int32) -> Int32 {
        let slot = Int32(words.count)
        slots[word] = slot
        words.append(word)
        wordTerm.append(id)
        wordCount.append(0)
        return slot
    }

    /// The slot of a folded word seen before.
    func slot(folded word: [UInt8]) -> Int32? { slots[word] }

    func term(slot: Int32) -> Int32 { wordTerm[Int(slot)] }

    /// Counts one occurrence of the word in `slot`; its term's number.
    @inline(__always)
    mutating func count(slot: Int32) -> Int32 {
        wordCount[Int(slot)] &+= 1
        return wordTerm[Int(slot)]
    }

    /// The distinct folded words that became terms (stop words left out), in
    /// byte order, each with its term's number and its occurrences: the
    /// vocabulary completion offers.
    public var surfaceForms: [(word: [UInt8], term: Int32, count: Int32)] {
        words.indices.compactMap { wordTerm[$0] >= 0 ? (words[$0], wordTerm[$0], wordCount[$0]) : nil }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
    }
}
