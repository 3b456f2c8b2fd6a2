/// One file that contributed passages to the corpus.
public struct SourceDocument: Sendable, Equatable {
    /// Path relative to the corpus root (the file name when the corpus is one file).
    public var path: String
    public var format: DocumentFormat
    public var byteCount: Int
    public var passageCount: Int

    public init(path: String, format: DocumentFormat, byteCount: Int, passageCount: Int) {
        self.path = path
        self.format = format
        self.byteCount = byteCount
        self.passageCount = passageCount
    }
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
}
