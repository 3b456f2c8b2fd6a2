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

    /// Analyzes UTF-8 bytes, calling `body` with each surviving token.
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var token = self.token
        tokenizer.tokenize(text, into: &token) { tok in
            guard folder.apply(&tok) else { return }
            if settings.removeStopWords && !stopWords.apply(&tok) { return }
            if stemmer != nil && !stemmer!.apply(&tok) { return }
            body(tok)
        }
        self.token = token
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
    /// made. Other words take the full pipeline.
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
                        var id: Int32 = -1
                        if !(settings.removeStopWords && stopWords.contains(folded)) {
                            if let stemmer {
                                id = stemmer.withStem(of: folded) { $0.isEmpty ? -1 : table.id(of: $0) }
                            } else {
                                id = table.id(of: folded)
                            }
                        }
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
                    let word = token.term
                    var id: Int32 = -1
                    if !(settings.removeStopWords && !stopWords.apply(&token)) && !(stemmer != nil && !stemmer!.apply(&token)) {
                        id = table.id(of: token.term)
                    }
                    slot = word.withUnsafeBufferPointer { table.remember(folded: $0, as: id) }
                    guard id >= 0 else { return }
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
