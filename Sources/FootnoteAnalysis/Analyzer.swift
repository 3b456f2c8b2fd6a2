/// The one analysis pipeline used for documents and questions alike:
/// `Tokenizer` → `CaseAndDiacriticFolder` → `StopWordFilter` → `StemFilter`.
///
/// Using the same instance configuration at index and query time is what makes
/// query terms meet document terms. An `Analyzer` holds a libstemmer handle and a
/// stem cache, so it is not thread-safe: make one per thread.
public final class Analyzer {
    /// What the pipeline does; stored with an index so a mismatch can be detected.
    public struct Settings: Hashable, Sendable, Codable {
        public var removeStopWords: Bool
        public var stem: Bool
        public var maxTokenBytes: Int

        public init(removeStopWords: Bool = true, stem: Bool = true, maxTokenBytes: Int = 64) {
            self.removeStopWords = removeStopWords
            self.stem = stem
            self.maxTokenBytes = maxTokenBytes
        }
        public static let standard = Settings()
    }

    public let settings: Settings
    private let tokenizer: Tokenizer
    private var folder = CaseAndDiacriticFolder()
    private var stopWords = StopWordFilter()
    private var stemmer: StemFilter?
    private var token = Token()
    /// Scratch for `replaceByTerm`.
    private var filtered: [UInt8] = []

    public init(settings: Settings = .standard) {
        self.settings = settings
        tokenizer = Tokenizer(maxTokenBytes: settings.maxTokenBytes)
        scratch = .allocate(capacity: max(settings.maxTokenBytes, 1))
        if settings.stem {
            guard let snowball = SnowballStemmer(language: "english") else {
                fatalError("libstemmer has no English stemmer")  // a broken install, not user input
            }
            stemmer = StemFilter(stemmer: snowball)
        }
    }

    /// Analyzes UTF-8 bytes, calling `body` with each surviving token (its
    /// offsets into `text`, which is read during the call only).
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var token = self.token
        tokenizer.tokenize(text, into: &token) { tok in
            guard folder.apply(&tok), replaceByTerm(&tok) else { return }
            body(tok)
        }
        self.token = token
    }

    /// The filters after folding, in order: stop words (when on), then the
    /// stem (when on; an empty stem drops the word). The one statement of
    /// the chain after `CaseAndDiacriticFolder`: every path through the
    /// analyzer calls it. Calls `body` with the term the folded word becomes
    /// (valid during the call); nil when a filter drops the word.
    @inline(__always)
    private func withTerm<R>(ofFolded folded: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        if settings.removeStopWords && stopWords.contains(folded) { return nil }
        guard let stemmer else { return body(folded) }
        return stemmer.withStem(of: folded) { $0.isEmpty ? nil : body($0) }
    }

    /// `token.term`, folded, replaced by its term (`withTerm`); false when a filter drops it.
    private func replaceByTerm(_ token: inout Token) -> Bool {
        let kept = token.term.withUnsafeBufferPointer { folded -> Bool in
            let copied: Bool? = withTerm(ofFolded: folded) { term in
                filtered.removeAll(keepingCapacity: true)
                filtered.append(contentsOf: term)
                return true
            }
            return copied != nil
        }
        guard kept else { return false }
        swap(&token.term, &filtered)
        return true
    }

    /// `word` lowercased and without diacritics (`CaseAndDiacriticFolder`,
    /// the chain's first filter), as the vocabulary keeps words.
    public static func folded(_ word: String) -> [UInt8] {
        var token = Token()
        token.term = Array(word.utf8)
        var folder = CaseAndDiacriticFolder()
        _ = folder.apply(&token)
        return token.term
    }

    /// Analyzes like `analyze`, but reports each term by its number in `table`;
    /// the filters after folding run once per distinct folded word, whose
    /// outcome `table` remembers. Same terms, same offsets and positions.
    public func analyze(_ text: String, into table: inout TermTable, _ body: (Int32, Token) -> Void) {
        var text = text
        text.withUTF8 { analyze($0, into: &table, body) }
    }

    /// `analyze(_:into:_:)` over UTF-8 bytes. The token passed to `body` has
    /// its offsets and position; its `term` is not filled in.
    ///
    /// An ASCII word is lowercased into a scratch buffer (its folded form)
    /// and looked up there: one `table` has seen needs no copy and no
    /// filter, the case of nearly every occurrence; a new one is checked
    /// against the stop words and stemmed from that buffer, with no array
    /// made. Other words take the full pipeline. `bytes` is read during the
    /// call only, never past its count.
    public func analyze(_ bytes: UnsafeBufferPointer<UInt8>, into table: inout TermTable, _ body: (Int32, Token) -> Void) {
        var token = self.token
        let scratch = self.scratch
        do {
            tokenizer.spans(bytes) { start, end, position in
                var ascii = true
                for i in start..<end {
                    let b = bytes[i]
                    if b >= 0x80 { ascii = false; break }
                    scratch[i - start] = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b
                }
                if ascii {
                    let folded = UnsafeBufferPointer(start: scratch.baseAddress, count: end - start)
                    var slot: Int32
                    if let known = table.slot(folded: folded) {
                        slot = known
                        guard table.term(slot: slot) >= 0 else { return }
                    } else {
                        // What the full pipeline gives an ASCII word: folding only lowercases it.
                        let id = withTerm(ofFolded: folded) { table.id(of: $0) } ?? -1
                        slot = table.remember(folded: folded, as: id)
                        guard id >= 0 else { return }
                    }
                    token.start = start
                    token.end = end
                    token.position = position
                    body(table.count(slot: slot), token)
                    return
                }
                token.term.removeAll(keepingCapacity: true)
                token.term.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                token.start = start
                token.end = end
                token.position = position
                guard folder.apply(&token) else { return }
                var slot: Int32
                if let known = token.term.withUnsafeBufferPointer({ table.slot(folded: $0) }) {
                    slot = known
                    guard table.term(slot: slot) >= 0 else { return }
                } else {
                    slot = token.term.withUnsafeBufferPointer { folded in
                        let id = withTerm(ofFolded: folded) { table.id(of: $0) } ?? -1
                        return table.remember(folded: folded, as: id)
                    }
                    guard table.term(slot: slot) >= 0 else { return }
                }
                body(table.count(slot: slot), token)
            }
        }
        self.token = token
    }

    /// Room for one lowercased word (`analyze(_:into:_:)`'s fast path).
    private let scratch: UnsafeMutableBufferPointer<UInt8>

    deinit { scratch.deallocate() }

    /// Analyzes a String (offsets are UTF-8 byte offsets into it).
    public func analyze(_ text: String, _ body: (Token) -> Void) {
        var text = text
        text.withUTF8 { analyze($0, body) }
    }

    /// The analyzed terms of a text, in order (tests, queries).
    public func terms(_ text: String) -> [String] {
        var out: [String] = []
        analyze(text) { out.append($0.termString) }
        return out
    }
}
