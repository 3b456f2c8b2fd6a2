/// PostScript (`.ps`, `.eps`, `%!PS`): a program that draws pages, text to
/// the byte but not prose — read as plain text, its operators would be
/// passages. It is skipped with the way to read it: convert it to PDF.
struct PostScriptParser: DocumentParser {
    var format: DocumentFormat { .postScript }
    var extensions: [String] { ["ps", "eps"] }
    func recognizes(head: ArraySlice<UInt8>) -> Bool { head.starts(with: Array("%!PS".utf8)) }
    var input: DocumentInput { .binary }
    func parse(_ bytes: [UInt8]) -> DocumentParse {
        .skip("PostScript: not read; convert it to PDF (ps2pdf, from ghostscript) to index it")
    }
}

extension DocumentFormat {
    public static let postScript = DocumentFormat(rawValue: "postscript")
}
