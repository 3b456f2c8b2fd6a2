/// One document format: how its files are recognized, how their bytes
/// become blocks with headings, and how a passage of one is cited.
///
/// A format is one type conforming to this protocol plus its line in
/// `DocumentParsers.all`; the loader, `Corpus.passageText` (which reads a
/// passage back for display) and the citations ask it, never a switch on
/// the format. The pipeline for one file:
/// 1. the format, from the file's name (`claims(extension:)`, after any
///    compression suffix: `git-commit.1.gz` is a man page), else from its
///    first bytes (`recognizes(head:)`: `%PDF-`);
/// 2. the bytes: decompressed when they start with a compressor's magic
///    (`Decompressor`), then decoded to UTF-8 text when the format reads
///    text (`TextDecoding`: NUL bytes mean binary, UTF-16, Windows-1252),
///    or kept as they are when it reads binary (`input`);
/// 3. `parse`: the blocks, or why the file has no text to read;
/// 4. `PassageBuilder` groups the blocks into passages.
public protocol DocumentParser: Sendable {
    /// The format, as `SourceDocument.format` and the index record it.
    var format: DocumentFormat { get }
    /// File-name extensions that name this format: lowercased, without the
    /// first dot; a multi-part one (`rst.txt`) wins over its last part.
    var extensions: [String] { get }
    /// Whether a file's extension (lowercased, after its last dot) names this
    /// format; by default, whether `extensions` holds it. Man pages claim
    /// any section suffix (`1`, `3pm`, `8`).
    func claims(extension: String) -> Bool
    /// Whether a file's first bytes are this format's signature, whatever
    /// its name says (`%PDF-`); by default, no file is recognized this way.
    func recognizes(head: ArraySlice<UInt8>) -> Bool
    /// What `parse` is given: the file's text (decoded to UTF-8) or its bytes.
    var input: DocumentInput { get }
    /// What a passage's `lines` count in the file: its lines, or its pages.
    var citation: CitationUnit { get }
    /// Whether the cited lines are lines a reader can be shown around the
    /// passage (plain text, Markdown): what `Corpus.context(ofPassage:)` shows.
    var showsSourceLines: Bool { get }
    /// Whether a page's title takes the summary of its name line ("git-mv(1)
    /// Manual Page — Move or rename a file", `PassageBuilder.titlesWithSummaries`):
    /// yes for pages rendered to HTML; a man page is cited by its own name,
    /// `git-mv(1) › OPTIONS`, as `man` names it.
    var titleTakesNameLine: Bool { get }
    /// Whether reading a file costs far more than its bytes suggest (PDF's
    /// layout analysis): the loader spreads even a few such files over every core.
    var isCostly: Bool { get }
    /// The document's blocks in reading order, or why it has no text to read.
    /// Must not fail on any input: every byte sequence gives blocks or a reason.
    func parse(_ bytes: [UInt8]) -> DocumentParse
    /// `parse`, with what the file may expand to once uncompressed when it
    /// is a container of compressed members (`.docx`, `.epub`): `limit`
    /// bytes, 0 for no limit (`--max-file-size`). By default, `parse(bytes)`.
    func parse(_ bytes: [UInt8], expandingTo limit: Int) -> DocumentParse
}

extension DocumentParser {
    public func claims(extension ext: String) -> Bool { extensions.contains(ext) }
    public func recognizes(head: ArraySlice<UInt8>) -> Bool { false }
    public var input: DocumentInput { .text }
    public var citation: CitationUnit { .lines }
    public var showsSourceLines: Bool { false }
    public var titleTakesNameLine: Bool { true }
    public var isCostly: Bool { false }
    public func parse(_ bytes: [UInt8], expandingTo limit: Int) -> DocumentParse { parse(bytes) }
}

/// What a `DocumentParser` reads.
public enum DocumentInput: Sendable, Equatable {
    /// Text, decoded to valid UTF-8 (`TextDecoding`); a file with NUL bytes
    /// is binary and never reaches the parser.
    case text
    /// The file's bytes as they are (decompressed): PDF.
    case binary
}

/// What a passage's `lines` count, and so what its citation names.
public enum CitationUnit: Sendable, Equatable {
    /// Lines of the file (of its text once decompressed): `notes.md:12-15`.
    case lines
    /// Pages: `manual.pdf p. 4`, `pp. 4–5`.
    case pages
    /// Paragraphs of a word-processor document: `report.docx ¶ 12`, `¶¶ 12–14`.
    case paragraphs
    /// Chapters of a book, in reading order: `book.epub ch. 3`, `chs. 3–4`.
    case chapters
}

/// The outcome of parsing one document.
public enum DocumentParse: Sendable, Equatable {
    case blocks([Block])
    /// The file holds no text this format can give, and why ("encrypted
    /// PDF", "a source-code listing …"): a skip notice's reason.
    case skip(String)
}
