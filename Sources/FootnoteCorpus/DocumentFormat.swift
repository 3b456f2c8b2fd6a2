/// A format Footnote reads, by the name the index records for it (`"text"`,
/// `"markdown"`, `"pdf"`). Each is declared beside its `DocumentParser`;
/// `DocumentParsers` finds the parser and chooses a file's format.
public struct DocumentFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A file no parser claims by name or signature: read as plain text only
    /// when it is text (`TextDecoding`), never when binary.
    public static let unknown = DocumentFormat(rawValue: "unknown")

    /// The format a file's name says: its extension (after a compression
    /// suffix, `.gz`, `.bz2`, `.xz`, `.zst`: `changelog.Debian.gz` is a
    /// text file, `git.1.gz` a man page), `.unknown` when no parser claims it.
    public init(path: String) { self = DocumentParsers.format(ofName: path) }

    /// Extensions of the files a rendered documentation site carries beside
    /// its pages (Sphinx's `_static/jquery.js`, `searchindex.js`, style sheets,
    /// fonts, images): text, some of them, but nothing to answer from.
    static let webAssetExtensions: Set<String> = ["js", "mjs", "css", "map", "svg", "woff", "woff2", "ttf", "eot", "ico", "inv"]

    /// Whether a file in a corpus folder is a web asset, passed over unread
    /// (a corpus that is the file itself is read whatever it is).
    public static func isWebAsset(_ path: String) -> Bool {
        fileExtension(path).map(webAssetExtensions.contains) ?? false
    }

    /// The lowercased extension of the file `path` names (after its last dot;
    /// nil when its name has none, or is only a dot name like `.profile`).
    static func fileExtension(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}
