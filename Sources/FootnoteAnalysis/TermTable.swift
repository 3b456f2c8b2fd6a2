import FootnoteStorage

/// Numbers the distinct terms of a corpus while it is analyzed, and remembers
/// what each distinct folded word became and how often it occurred, so that
/// the stop-word and stemming filters run once per word rather than once per
/// occurrence (`Analyzer.analyze(_:into:_:)`).
public struct TermTable {
    /// Terms (analyzed bytes), numbered in order of first appearance.
    private(set) var termKeys = ByteKeyTable()
    /// Folded words, numbered in order of first appearance (their slots).
    private(set) var wordKeys = ByteKeyTable()
    /// Per folded word (by slot): its term's number (−1 for a stop word),
    /// its occurrences so far, and those in the current document, side by
    /// side so that counting one occurrence touches one cache line.
    private(set) var words: [WordState] = []
    /// The slots counted in the current document, in first-occurrence order.
    private var documentSlots: [Int32] = []
    /// Numbers the documents `endDocument` closes (what `WordState.document` compares with).
    private var document: Int32 = 0

    struct WordState {
        var term: Int32
        var count: Int32 = 0
        /// The document this word was last counted in, and its occurrences there.
        var document: Int32 = -1
        var documentCount: Int32 = 0
    }

    public init() {}

    public var termCount: Int { termKeys.count }
    /// Folded words seen (stop words included): slots are `0..<wordSlotCount`.
    public var wordSlotCount: Int { wordKeys.count }

    /// The bytes of term `t`.
    public func term(_ t: Int32) -> ArraySlice<UInt8> { termKeys.key(Int(t)) }

    /// The number of `term`, assigning the next one to a new term.
    mutating func id(of term: [UInt8]) -> Int32 { termKeys.insert(term).number }
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int32 { termKeys.insert(term).number }

    /// Records what a new folded word became (`id` −1: a stop word); its slot.
    mutating func remember(folded word: UnsafeBufferPointer<UInt8>, as id: Int32) -> Int32 {
        let slot = wordKeys.insert(word).number
        words.append(WordState(term: id))
        return slot
    }

    /// The slot of a folded word seen before.
    @inline(__always)
    func slot(folded word: UnsafeBufferPointer<UInt8>) -> Int32? { wordKeys.find(word) }

    @inline(__always)
    func term(slot: Int32) -> Int32 { words[Int(slot)].term }

    /// Counts one occurrence of the word in `slot` (in the corpus and in the
    /// current document); its term's number.
    @inline(__always)
    mutating func count(slot: Int32) -> Int32 {
        let s = Int(slot)
        words[s].count &+= 1
        if words[s].document != document {
            words[s].document = document
            words[s].documentCount = 1
            documentSlots.append(slot)
        } else {
            words[s].documentCount &+= 1
        }
        return words[s].term
    }

    /// Closes the current document: calls `body(slot, count)` for each word
    /// counted since the last call (first occurrence first), then starts the next.
    public mutating func endDocument(_ body: (Int32, Int32) -> Void) {
        for slot in documentSlots { body(slot, words[Int(slot)].documentCount) }
        documentSlots.removeAll(keepingCapacity: true)
        document &+= 1
    }

    /// `body(word, slot, term)` for each folded word that became a term (stop
    /// words left out), unordered (cheaper when the caller sorts a union anyway).
    public func forEachSurfaceForm(_ body: (ArraySlice<UInt8>, Int32, Int32) -> Void) {
        for w in 0..<wordKeys.count where words[w].term >= 0 { body(wordKeys.key(w), Int32(w), words[w].term) }
    }

    /// The distinct folded words that became terms (stop words left out), in
    /// byte order, each with its term's number and its occurrences: the
    /// vocabulary completion offers.
    public var surfaceForms: [(word: ArraySlice<UInt8>, term: Int32, count: Int32)] {
        wordKeys.sortedOrder().compactMap { words[$0].term >= 0 ? (wordKeys.key($0), words[$0].term, words[$0].count) : nil }
    }
}
