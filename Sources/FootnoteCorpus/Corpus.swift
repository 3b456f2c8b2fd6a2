/// Everything read from a corpus path: the files, their passages, and what was
/// passed over.
public struct Corpus: Sendable {
    /// The corpus path as the user gave it, and its absolute form.
    public var path: String
    public var absolutePath: String
    public var documents: [SourceDocument]
    public var passages: PassageList
    /// Files skipped or read with a caveat, one entry each.
    public var notices: [CorpusNotice]
    /// Every regular file read (documents and skipped files), in path order,
    /// with what it looked like: what change detection compares.
    public var files: [CorpusFile]
    /// When the corpus was listed, nanoseconds since the epoch.
    public var scannedAt: Int64
    /// How the documents were cut into passages (what cuts one again to read
    /// a passage's text back: `passageText(_:)`).
    public var passageBuilder: PassageBuilder
    /// Files larger than this were skipped unread (0: no limit; `CorpusLoader.maxFileBytes`).
    public var maxFileBytes: Int64
    /// Whether the files inside zip archives were read (`CorpusLoader.readsArchives`).
    public var readsArchives: Bool
    /// Documents recently read back for `passageText(_:)`.
    public let textCache = DocumentTextCache()

    public init(
        path: String, absolutePath: String, documents: [SourceDocument], passages: PassageList, notices: [CorpusNotice],
        files: [CorpusFile] = [], scannedAt: Int64 = 0, passageBuilder: PassageBuilder = PassageBuilder(),
        maxFileBytes: Int64 = CorpusLoader.defaultMaxFileBytes, readsArchives: Bool = false
    ) {
        self.readsArchives = readsArchives
        self.path = path
        self.absolutePath = absolutePath
        self.documents = documents
        self.passages = passages
        self.notices = notices
        self.files = files
        self.scannedAt = scannedAt
        self.passageBuilder = passageBuilder
        self.maxFileBytes = maxFileBytes
    }

    /// Where each document's passages start (`documents.count + 1` entries):
    /// document `d`'s are `firstPassages[d]..<firstPassages[d + 1]`.
    public var firstPassages: [Int] {
        var first = [0]
        first.reserveCapacity(documents.count + 1)
        for d in documents { first.append(first[first.count - 1] + d.passageCount) }
        return first
    }

    /// Bytes of text and headings: the corpus size the timings report
    /// (passage text, plus the headings each followed by a line break, as
    /// `anchors.py` counts title + "\n" + text).
    public var textByteCount: Int { documents.reduce(0) { $0 + $1.textBytes } + passages.headingByteCount }

    public var skippedCount: Int { notices.filter { $0.kind == .skipped }.count }
    public var byteCount: Int { documents.reduce(0) { $0 + $1.byteCount } }
}

/// Why a corpus could not be read at all.
public enum CorpusError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    /// Nothing readable; `notices` say what was passed over.
    case empty(path: String, notices: [CorpusNotice])

    public var description: String {
        switch self {
        case .notFound(let path):
            return "corpus '\(path)' does not exist; pass --corpus with a folder or file of documents"
        case .unreadable(let path, let reason):
            return "cannot read corpus '\(path)': \(reason)"
        case .empty(let path, let notices):
            let skipped = notices.filter { $0.kind == .skipped }.count
            let extra = skipped > 0 ? " (\(skipped) file\(skipped == 1 ? "" : "s") skipped, see above)" : ""
            return "corpus '\(path)' has no readable passages\(extra); add .txt, .md, .rst, .html, .pdf, .docx or .jsonl files"
        }
    }
}
