/// Numbers the distinct terms of a corpus while it is analyzed, and remembers
/// what each distinct folded word became, so that the stop-word and stemming
/// filters run once per word rather than once per occurrence
/// (`Analyzer.analyze(_:into:_:)`).
public struct TermTable {
    /// Term (analyzed bytes) → number.
    private(set) var ids: [[UInt8]: Int32] = [:]
    /// Number → term.
    public private(set) var terms: [[UInt8]] = []
    /// Folded word → its term's number, or −1 for a stop word.
    private(set) var folded: [[UInt8]: Int32] = [:]

    public init() {}

    /// The number of `term`, assigning the next one to a new term.
    mutating func id(of term: [UInt8]) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        return id
    }

    mutating func remember(folded word: [UInt8], as id: Int32) { folded[word] = id }

    func lookup(folded word: [UInt8]) -> Int32? { folded[word] }

    /// The distinct folded words that became terms (stop words left out), in
    /// byte order, each with its term's number: the vocabulary completion offers.
    public var surfaceForms: [(word: [UInt8], term: Int32)] {
        folded.compactMap { $0.value >= 0 ? ($0.key, $0.value) : nil }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
    }
}
