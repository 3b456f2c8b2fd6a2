/// Zip containers Footnote does not read as such — zip archives,
/// spreadsheets and slides, and a Word document under another name: each
/// is skipped with what it is and how to index its text, not as "binary".
/// What it is comes from its content (a member named `word/document.xml`),
/// so a misnamed file is told right. With `--archives`, a zip archive's
/// files are read instead (`CorpusLoader`, `ArchiveMembers`). (`.docx`, `.odt` and `.epub` have
/// their own parsers; an OpenDocument text or EPUB book is recognized by
/// its `mimetype` member whatever its name.)
struct ZipContainerParser: DocumentParser {
    var format: DocumentFormat { .zipContainer }
    var extensions: [String] { ["zip", "xlsx", "pptx", "ods", "odp", "jar"] }
    func recognizes(head: ArraySlice<UInt8>) -> Bool { head.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
    var input: DocumentInput { .binary }

    func parse(_ bytes: [UInt8]) -> DocumentParse { .skip(Self.reason(bytes)) }

    /// What the container is, and how to index its text: by its member
    /// names (read from its directory, nothing inflated), and by the
    /// `mimetype` member that OpenDocument and EPUB files store first.
    static func reason(_ bytes: [UInt8]) -> String {
        let names = Set(ZipMembers.names(bytes) ?? [])
        func opens(with mimetype: String) -> Bool { bytes.prefix(128).firstRange(of: Array(("mimetype" + mimetype).utf8)) != nil }
        if names.contains("word/document.xml") { return "a Word document under another name: rename it to .docx to index it" }
        if opens(with: "application/vnd.oasis.opendocument.text") {
            return "an OpenDocument text under another name: rename it to .odt to index it"
        }
        if opens(with: "application/epub+zip") { return "an EPUB book under another name: rename it to .epub to index it" }
        if opens(with: "application/vnd.oasis.opendocument") {
            return "OpenDocument spreadsheet, drawing or slides: not a format Footnote reads"
        }
        if names.contains("xl/workbook.xml") || names.contains("ppt/presentation.xml") {
            return "Office spreadsheet or slides: not a format Footnote reads"
        }
        if names.contains("META-INF/MANIFEST.MF") { return "Java archive: not a format Footnote reads" }
        return "zip archive: its files are not read; pass --archives to index them, or unpack it into the corpus folder"
    }

    /// Whether the zip in `bytes` is an archive of files (what `--archives`
    /// reads), not an Office file, a Java archive or a document under another name.
    static func isArchive(_ bytes: [UInt8]) -> Bool { reason(bytes).hasPrefix("zip archive") }
}

extension DocumentFormat {
    /// A zip archive, or a document made of one that Footnote does not read (`.xlsx`, `.pptx`): skipped with what it is.
    public static let zipContainer = DocumentFormat(rawValue: "zip")
}
