/// Replaces a term by its Snowball stem, caching each distinct word's stem.
public struct StemFilter: TokenFilter {
    private let stemmer: SnowballStemmer
    private var cache: [[UInt8]: [UInt8]] = [:]
    private var scratch: [UInt8] = []

    public init(stemmer: SnowballStemmer) { self.stemmer = stemmer }

    public mutating func apply(_ token: inout Token) -> Bool {
        if let cached = cache[token.term] {
            token.term.removeAll(keepingCapacity: true)
            token.term.append(contentsOf: cached)
            return true
        }
        stemmer.stem(token.term, into: &scratch)
        cache[token.term] = scratch
        token.term.removeAll(keepingCapacity: true)
        token.term.append(contentsOf: scratch)
        return !token.term.isEmpty
    }
}
