/// Zip containers Footnote does not read as such — zip archives,
/// spreadsheets and slides, and a Word document under another name: each
/// is skipped with what it is and how to index its text, not as "binary".
/// What it is comes from its content (a member named `word/document.xml`),
/// so a misnamed file is told right. (`.docx`, `.odt` and `.epub` have
/// their own parsers; an OpenDocument text or EPUB book is recognized by
/// its `mimetype` member whatever its name.)
struct ZipContainerParser: DocumentParser {
    var format: DocumentFormat { .zipContainer }
    var extensions: [String] { ["zip", "xlsx", "pptx", "ods", "odp", "jar"] }
    func recognizes(head: ArraySlice<UInt8>) -> Bool { head.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
    var input: DocumentInput { .binary }

    func parse(_ bytes: [UInt8]) -> DocumentParse { .skip(Self.reason(bytes)) }

    /// What the container is, and how to index its text.
    static func reason(_ bytes: [UInt8]) -> String {
        // Member names and an uncompressed `mimetype` stand in the local file headers as they are.
        func holds(_ s: String) -> Bool { bytes.firstRange(of: Array(s.utf8)) != nil }
        if holds("word/document.xml") { return "a Word document under another name: rename it to .docx to index it" }
        if holds("application/vnd.oasis.opendocument.text") { return "an OpenDocument text under another name: rename it to .odt to index it" }
        if holds("application/epub+zip") { return "an EPUB book under another name: rename it to .epub to index it" }
        if holds("application/vnd.oasis.opendocument") { return "OpenDocument spreadsheet, drawing or slides: not a format Footnote reads" }
        if holds("xl/workbook.xml") || holds("ppt/presentation.xml") { return "Office spreadsheet or slides: not a format Footnote reads" }
        return "zip archive: its files are not read; unpack it into the corpus folder to index them"
    }
}

extension DocumentFormat {
    /// A zip archive, or a document made of one that Footnote does not read (`.xlsx`, `.pptx`): skipped with what it is.
    public static let zipContainer = DocumentFormat(rawValue: "zip")
}
