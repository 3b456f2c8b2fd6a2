/// Per document: the completion words (`InvertedIndex.vocabulary` numbers) it
/// uses, and how many times. The index keeps no passage text, so this is
/// what an incremental update learns a dropped document's words from; a
/// word's corpus count is the sum over documents (`counts(wordCount:)`).
///
/// Document `d`'s list is `bytes[start[d]..<start[d + 1]]`: pairs of `VarInt`s,
/// (gap to the previous word number − 1, with −1 before the first; count),
/// words ascending. About 2.5 bytes per (document, word) pair.
public struct DocumentWords: Sendable, Equatable {
    /// `documentCount + 1` offsets into `bytes`.
    public let start: FlatArray<Int>
    public let bytes: FlatArray<UInt8>

    public init(start: FlatArray<Int>, bytes: FlatArray<UInt8>) {
        self.start = start
        self.bytes = bytes
    }

    public init() { self.init(start: FlatArray([0]), bytes: FlatArray()) }

    public var documentCount: Int { max(0, start.count - 1) }

    /// Calls `body(word, count)` for each word of `document`, ascending.
    /// - Returns: false when the list is damaged (a word out of `0..<wordCount`
    ///   or a truncated pair); `body` may have been called for some words.
    @discardableResult
    public func forEach(document: Int, wordCount: Int, _ body: (Int, Int32) -> Void) -> Bool {
        guard document >= 0, document < documentCount else { return false }
        let end = start[document + 1]
        var at = start[document], word = -1
        let buffer = bytes.buffer
        guard at >= 0, at <= end, end <= buffer.count else { return false }
        while at < end {
            guard let gap = VarInt.read(buffer, at: &at, end: end), let count = VarInt.read(buffer, at: &at, end: end),
                  count > 0, count <= UInt32(Int32.max), Int(gap) < wordCount - word - 1 else { return false }
            word += Int(gap) + 1
            body(word, Int32(count))
        }
        return true
    }

    /// Each word's occurrences in the documents for which `include` is true
    /// (all by default); nil when a list is damaged.
    public func counts(wordCount: Int, include: (Int) -> Bool = { _ in true }) -> [Int32]? {
        var total = [Int32](repeating: 0, count: wordCount)
        for d in 0..<documentCount where include(d) {
            guard forEach(document: d, wordCount: wordCount, { total[$0] &+= $1 }) else { return nil }
        }
        return total
    }

    /// Offsets ascend from 0 to the end of `bytes` (the lists themselves are
    /// checked as they are read).
    public func isConsistent(documentCount expected: Int) -> Bool {
        guard start.count == expected + 1, start[0] == 0, start[expected] == bytes.count else { return false }
        var previous = 0
        for x in start.buffer {
            guard x >= previous else { return false }
            previous = x
        }
        return true
    }

    /// Collects the lists document by document.
    public struct Builder {
        let start = FlatArrayBuilder<Int>()
        let bytes = FlatArrayBuilder<UInt8>()
        private var scratch: [UInt8] = []

        public init() { start.append(0) }

        public var documentCount: Int { start.count - 1 }

        /// Appends the next document's list; `words` must ascend, each count > 0.
        public mutating func append<S: Sequence>(_ words: S) where S.Element == (word: Int, count: Int32) {
            scratch.removeAll(keepingCapacity: true)
            var previous = -1
            for (word, count) in words {
                precondition(word > previous && count > 0, "document words must ascend, with positive counts")
                VarInt.append(UInt64(word - previous - 1), to: &scratch)
                VarInt.append(UInt64(count), to: &scratch)
                previous = word
            }
            scratch.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            start.append(bytes.count)
        }

        /// Appends the lists of `other`'s documents, in order.
        public mutating func append(contentsOf other: DocumentWords) {
            let base = bytes.count
            for d in 0..<other.documentCount { start.append(base + other.start[d + 1]) }
            bytes.append(contentsOf: other.bytes.buffer)
        }

        public func build() -> DocumentWords { DocumentWords(start: start.build(), bytes: bytes.build()) }
    }
}
