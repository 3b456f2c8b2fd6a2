import FootnoteAnalysis

/// One file that contributed passages to the corpus, or one file inside a
/// zip archive (`--archives`).
public struct SourceDocument: Sendable, Equatable {
    /// Path relative to the corpus root (the file name when the corpus is
    /// one file): of the archive, for a document inside one.
    public var path: String
    /// For a file inside a zip archive, its path there (`notes/tea.md`); nil otherwise.
    public var member: String?
    public var format: DocumentFormat
    public var byteCount: Int
    public var passageCount: Int
    /// How the file's bytes became the text its passages' byte ranges count in.
    public var encoding: TextEncoding
    /// Bytes of its passages' text (headings and titles not counted).
    public var textBytes: Int

    public init(
        path: String, format: DocumentFormat, byteCount: Int, passageCount: Int, encoding: TextEncoding = .utf8, textBytes: Int = 0,
        member: String? = nil
    ) {
        self.path = path
        self.member = member
        self.format = format
        self.byteCount = byteCount
        self.passageCount = passageCount
        self.encoding = encoding
        self.textBytes = textBytes
    }

    /// The path a citation names: `path`, or for a file inside an archive
    /// the archive's path and the member's (`bundle.zip/notes/tea.md`).
    public var citedPath: String { member.map { path + "/" + $0 } ?? path }
}

/// A file the corpus reader passed over or read with a caveat, and why.
public struct CorpusNotice: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file contributed nothing.
        case skipped
        /// The file was read, with a caveat (lossy decoding, malformed lines).
        case warning
    }
    public var kind: Kind
    /// Path relative to the corpus root.
    public var path: String
    public var reason: String

    public init(_ kind: Kind, path: String, reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "\(kind == .skipped ? "skipped" : "warning"): \(path): \(reason)"
    }

    /// The kind of reason, as the one-line summary counts it ("binary",
    /// "compressed", "too large", …): the reason's stem, without the file's particulars.
    public var category: String {
        let prefixes: [(String, String)] = [
            ("compressed", "compressed"), ("binary", "binary"), ("empty", "empty"), ("no text", "without text"),
            ("encrypted PDF", "encrypted PDF"), ("image-only PDF", "image-only PDF"), ("damaged PDF", "damaged PDF"),
            ("encrypted Word document", "encrypted Word documents"), ("encrypted OpenDocument", "encrypted OpenDocument files"),
            ("encrypted EPUB", "encrypted EPUB books"), ("encrypted zip", "encrypted zip archives"),
            ("an archive inside", "archives inside archives"), ("a BEIR corpus inside", "archives inside archives"),
            ("EPUB book with DRM", "EPUB books with DRM"), ("damaged", "damaged files"),
            ("a Word document under", "misnamed documents"), ("an OpenDocument text under", "misnamed documents"),
            ("an EPUB book under", "misnamed documents"),
            ("PostScript", "PostScript"), ("zip archive", "zip archives"), ("Word document", "Word documents"),
            ("OpenDocument", "OpenDocument files"), ("EPUB", "EPUB books"), ("Office", "Office files"), ("Java archive", "Java archives"),
            ("encrypted Office", "encrypted Office documents"),
            ("Word 97-2003", "Word 97-2003 documents"), ("Excel 97-2003", "old Office files"), ("PowerPoint 97-2003", "old Office files"),
            ("Outlook message", "Outlook messages"), ("OLE compound", "old Office files"),
            ("larger than", "too large"), ("not UTF-8", "not UTF-8"), ("invalid UTF", "not UTF-8"),
            ("the same file as", "the same file twice"), ("the source of", "sources of indexed pages"),
            ("included by", "fragments of indexed pages"), ("a source-code listing", "source listings"),
            ("cannot", "unreadable"), ("web asset", "web assets"), ("read error", "unreadable"),
            ("not a regular file", "not regular files"),
        ]
        for (prefix, name) in prefixes where reason.hasPrefix(prefix) { return name }
        if reason.contains("malformed line") { return "malformed lines" }
        return "other reasons"
    }

    /// One line for many notices: `skipped 1,716 files: 1,700 compressed, 16
    /// binary` (categories by count, most first), the same for warnings;
    /// nil when there are none of that kind.
    public static func summary(of notices: [CorpusNotice], kind: Kind) -> String? {
        let chosen = notices.filter { $0.kind == kind }
        guard !chosen.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for n in chosen { counts[n.category, default: 0] += 1 }
        let parts = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\(formatCount($0.value)) \($0.key)" }
        let files = "\(formatCount(chosen.count)) file\(chosen.count == 1 ? "" : "s")"
        return (kind == .skipped ? "skipped \(files): " : "warnings on \(files): ") + parts.joined(separator: ", ")
    }
}
