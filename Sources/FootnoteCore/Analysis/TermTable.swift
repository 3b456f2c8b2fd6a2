/// Numbers the distinct terms of a corpus while it is analyzed, and remembers
/// what each distinct folded word became and how often it occurred, so that
/// the stop-word and stemming filters run once per word rather than once per
/// occurrence (`Analyzer.analyze(_:into:_:)`).
public struct TermTable {
    /// Terms (analyzed bytes), numbered in order of first appearance.
    private(set) var termKeys = ByteKeyTable()
    /// Folded words, numbered in order of first appearance (their slots).
    private(set) var wordKeys = ByteKeyTable()
    /// Per folded word: its term's number, or −1 for a stop word.
    private(set) var wordTerm: [Int32] = []
    /// Per folded word: occurrences analyzed so far (stop words: 0).
    private(set) var wordCount: [Int32] = []

    public init() {}

    public var termCount: Int { termKeys.count }

    /// The bytes of term `t`.
    public func term(_ t: Int32) -> ArraySlice<UInt8> { termKeys.key(Int(t)) }

    /// The number of `term`, assigning the next one to a new term.
    mutating func id(of term: [UInt8]) -> Int32 { termKeys.insert(term).number }

    /// Records what a new folded word became (`id` −1: a stop word); its slot.
    mutating func remember(folded word: UnsafeBufferPointer<UInt8>, as id: Int32) -> Int32 {
        let slot = wordKeys.insert(word).number
        wordTerm.append(id)
        wordCount.append(0)
        return slot
    }

    /// The slot of a folded word seen before.
    @inline(__always)
    func slot(folded word: UnsafeBufferPointer<UInt8>) -> Int32? { wordKeys.find(word) }

    @inline(__always)
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
    /// The words that became terms, unordered (cheaper when the caller sorts a union anyway).
    public func forEachSurfaceForm(_ body: (ArraySlice<UInt8>, Int32, Int32) -> Void) {
        for w in 0..<wordKeys.count where wordTerm[w] >= 0 { body(wordKeys.key(w), wordTerm[w], wordCount[w]) }
    }

    public var surfaceForms: [(word: ArraySlice<UInt8>, term: Int32, count: Int32)] {
        wordKeys.sortedOrder().compactMap { wordTerm[$0] >= 0 ? (wordKeys.key($0), wordTerm[$0], wordCount[$0]) : nil }
    }
}
