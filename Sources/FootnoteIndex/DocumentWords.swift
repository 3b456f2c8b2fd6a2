import FootnoteStorage

/// Per document: the completion words (`InvertedIndex.vocabulary` numbers) it
/// uses, and how many times. The index keeps no passage text, so this is
/// what an incremental update learns a dropped document's words from; a
/// word's corpus count is the sum over documents (`counts(wordCount:)`).
///
/// Document `d`'s list is string `d` of `lists`: pairs of `VarInt`s, (gap to
/// the previous word number − 1, with −1 before the first; count), words
/// ascending. About 2.5 bytes per (document, word) pair, plain while built;
/// an index file stores the column compressed (read only by updates).
public struct DocumentWords: Sendable, Equatable {
    public let lists: StringColumn

    public init(lists: StringColumn) { self.lists = lists }

    /// The lists `bytes[start[d]..<start[d + 1]]` (offsets ascending from 0 to `bytes.count`).
    public init(start: FlatArray<Int>, bytes: FlatArray<UInt8>) {
        self.init(lists: .plain(StringTable(bytes: bytes, offsets: Offsets(start))))
    }

    public init() { self.init(start: FlatArray([0]), bytes: FlatArray()) }

    public var documentCount: Int { lists.count }

    /// Calls `body(word, count)` for each word of `document`, ascending.
    /// - Returns: false when the list is damaged (a word out of `0..<wordCount`
    ///   or a truncated pair); `body` may have been called for some words.
    @discardableResult
    public func forEach(document: Int, wordCount: Int, _ body: (Int, Int32) -> Void) -> Bool {
        guard document >= 0, document < documentCount else { return false }
        return lists.withBytes(document) { Self.forEach(in: $0, wordCount: wordCount, body) }
    }

    /// `body(word, count)` for each pair of one list's bytes; false when damaged.
    static func forEach(in list: UnsafeBufferPointer<UInt8>, wordCount: Int, _ body: (Int, Int32) -> Void) -> Bool {
        var at = 0, word = -1
        while at < list.count {
            guard let gap = VarInt.read(list, at: &at, end: list.count), let count = VarInt.read(list, at: &at, end: list.count),
                count > 0, count <= UInt32(Int32.max), Int(gap) < wordCount - word - 1
            else { return false }
            word += Int(gap) + 1
            body(word, Int32(count))
        }
        return true
    }

    /// Each word's occurrences in the documents for which `include` is true
    /// (all by default); nil when a list is damaged.
    public func counts(wordCount: Int, include: (Int) -> Bool = { _ in true }) -> [Int32]? {
        var total = [Int32](repeating: 0, count: wordCount)
        var reader = lists.reader()  // a compressed column's blocks decoded once each
        for d in 0..<documentCount where include(d) {
            guard reader.withBytes(d, { Self.forEach(in: $0, wordCount: wordCount) { total[$0] &+= $1 } }) else { return nil }
        }
        return total
    }

    /// One list per document (the lists themselves are checked as they are read).
    public func isConsistent(documentCount expected: Int) -> Bool { lists.count == expected }

    /// The same lists, compressed as an index file stores them.
    public func compressed() -> CompressedStrings { lists.compressed() }

    /// Collects the lists document by document.
    public struct Builder {
        private var lists = StringTable.Builder()
        private var scratch: [UInt8] = []

        public init() {}

        public var documentCount: Int { lists.count }

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
            lists.append(scratch)
        }

        /// Appends the lists of `other`'s documents, in order.
        public mutating func append(contentsOf other: DocumentWords) {
            var reader = other.lists.reader()
            for d in 0..<other.documentCount { reader.withBytes(d) { lists.append($0) } }
        }

        public func build() -> DocumentWords { DocumentWords(lists: .plain(lists.build())) }
    }
}
