/// Microsoft's OLE compound files: Word 97–2003 (`.doc`), Excel (`.xls`),
/// PowerPoint (`.ppt`) and Outlook messages (`.msg`) — binary formats
/// Footnote does not read. Each is skipped with what it is and how to
/// index its text, not as "binary". Known by name, or by the compound
/// file signature for a file whose name says nothing (a password-protected
/// `.docx` is one too, and `WordDocumentParser` tells it so).
struct CompoundFileParser: DocumentParser {
    var format: DocumentFormat { .compoundFile }
    var extensions: [String] { ["doc", "dot", "xls", "ppt", "pps", "msg"] }
    func recognizes(head: ArraySlice<UInt8>) -> Bool { head.starts(with: WordDocumentParser.compoundFileSignature) }
    var input: DocumentInput { .binary }

    func parse(_ bytes: [UInt8]) -> DocumentParse { .skip(Self.reason(bytes)) }

    /// What the file is, by the stream names its directory holds (stored as UTF-16).
    static func reason(_ bytes: [UInt8]) -> String {
        func holds(_ stream: String) -> Bool {
            bytes.firstRange(of: stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) != nil
        }
        if holds("WordDocument") { return "Word 97-2003 document (.doc): not a format Footnote reads; save it as .docx or PDF to index it" }
        if holds("Workbook") || holds("Book") { return "Excel 97-2003 spreadsheet: not a format Footnote reads" }
        if holds("PowerPoint Document") { return "PowerPoint 97-2003 slides: not a format Footnote reads; save them as PDF to index them" }
        if holds("EncryptedPackage") { return "encrypted Office document: it needs a password to open" }
        if holds("__substg1.0_") { return "Outlook message (.msg): not a format Footnote reads; save it as text to index it" }
        return "OLE compound file (an old Office format): not a format Footnote reads"
    }
}

extension DocumentFormat {
    /// An OLE compound file (`.doc`, `.xls`, `.ppt`, `.msg`): skipped with what it is.
    public static let compoundFile = DocumentFormat(rawValue: "ole")
}
