/// Replaces a term by its Snowball stem.
///
/// No cache of its own: indexing reaches it once per distinct folded word
/// (`TermTable` remembers the outcome), and a question has a few words.
public struct StemFilter: TokenFilter {
    private let stemmer: SnowballStemmer
    private var scratch: [UInt8] = []

    public init(stemmer: SnowballStemmer) { self.stemmer = stemmer }

    /// Calls `body` with the stem of `word` (valid only during the call).
    @inline(__always)
    func withStem<R>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        stemmer.withStem(of: word, body)
    }

    public mutating func apply(_ token: inout Token) -> Bool {
        stemmer.stem(token.term, into: &scratch)
        token.term.removeAll(keepingCapacity: true)
        token.term.append(contentsOf: scratch)
        return !token.term.isEmpty
    }
}
