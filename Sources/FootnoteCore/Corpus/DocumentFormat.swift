/// The formats Footnote reads, chosen by file extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case plainText = "text"
    case markdown
    case restructuredText = "rst"
    /// AsciiDoc (`.adoc`, `.asciidoc`; a `.txt` file that is AsciiDoc is read as it too: `AsciiDocParser.looksLikeAsciiDoc`).
    case asciidoc
    case html
    /// BEIR corpus: one `{"_id", "title", "text"}` object per line, each a passage.
    case beirJSONL = "jsonl"
    /// An unknown extension: read as plain text only if it is valid UTF-8 text.
    case unknown

    public init(path: String) {
        guard let ext = Self.fileExtension(path) else { self = .unknown; return }
        // Sphinx keeps each page's source as `_sources/page.rst.txt`.
        if path.lowercased().hasSuffix(".rst.txt") { self = .restructuredText; return }
        switch ext {
        case "txt", "text": self = .plainText
        case "md", "markdown", "mdown", "mkd": self = .markdown
        case "rst", "rest": self = .restructuredText
        case "adoc", "asciidoc", "asc": self = .asciidoc
        case "html", "htm", "xhtml": self = .html
        case "jsonl": self = .beirJSONL
        default: self = .unknown
        }
    }

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
