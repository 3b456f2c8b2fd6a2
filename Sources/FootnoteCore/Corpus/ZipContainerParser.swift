/// Zip containers — zip archives and the documents made of one (Word's
/// `.docx`, OpenDocument's `.odt`, EPUB books) — which Footnote does not
/// read: each is skipped with what it is and how to index its text, not
/// as "binary". What it is comes from its content (a member named
/// `word/document.xml`, an OpenDocument or EPUB `mimetype` member), so a
/// misnamed file is told right too.
struct ZipContainerParser: DocumentParser {
    var format: DocumentFormat { .zipContainer }
    var extensions: [String] { ["zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "jar"] }
    func recognizes(head: ArraySlice<UInt8>) -> Bool { head.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
    var input: DocumentInput { .binary }

    func parse(_ bytes: [UInt8]) -> DocumentParse { .skip(Self.reason(bytes)) }

    /// What the container is, and how to index its text.
    static func reason(_ bytes: [UInt8]) -> String {
        // Member names and an uncompressed `mimetype` stand in the local file headers as they are.
        func holds(_ s: String) -> Bool { bytes.firstRange(of: Array(s.utf8)) != nil }
        if holds("word/document.xml") { return "Word document (.docx): not a format Footnote reads; save it as PDF or text to index it" }
        if holds("application/vnd.oasis.opendocument") { return "OpenDocument file (.odt): not a format Footnote reads; save it as PDF or text to index it" }
        if holds("application/epub+zip") { return "EPUB book: not a format Footnote reads; convert it to HTML or text (ebook-convert) to index it" }
        if holds("xl/workbook.xml") || holds("ppt/presentation.xml") { return "Office spreadsheet or slides: not a format Footnote reads" }
        return "zip archive: its files are not read; unpack it into the corpus folder to index them"
    }
}

extension DocumentFormat {
    /// A zip archive, or a document made of one (`.docx`, `.odt`, `.epub`): skipped with what it is.
    public static let zipContainer = DocumentFormat(rawValue: "zip")
}
