/// The registry of formats: which `DocumentParser` reads a file, chosen by
/// its name, else by its first bytes.
public enum DocumentParsers {
    /// Every format Footnote reads. A new format is its parser's file and a line here.
    public static let all: [any DocumentParser] = [
        PlainTextParser(), MarkdownParser(), RestructuredTextParser(), AsciiDocParser(), HTMLDocumentParser(),
        BEIRCorpusReader(), ManPageParser(), PDFParser(), PostScriptParser(), WordDocumentParser(), OpenDocumentParser(), EPUBParser(),
        ZipContainerParser(), CompoundFileParser(), UnknownFormatParser(),
    ]

    /// The parser of `format` (of `.unknown` for a format no parser reads:
    /// an index written by a later version).
    public static func parser(for format: DocumentFormat) -> any DocumentParser {
        all.first { $0.format == format } ?? UnknownFormatParser()
    }

    /// The format a file's name says: a multi-part extension (`rst.txt`)
    /// first, then its last extension; a compression suffix is looked
    /// through (`git.1.gz` is a man page). `.unknown` when none claims it.
    static func format(ofName path: String) -> DocumentFormat {
        let name = Decompressor.innerName(of: path)
        for parser in all {
            for ext in parser.extensions where ext.contains(".") && name.hasSuffix("." + ext) && name.count > ext.count + 1 {
                return parser.format
            }
        }
        guard let ext = DocumentFormat.fileExtension(name) else { return .unknown }
        return all.first { $0.claims(extension: ext) }?.format ?? .unknown
    }

    /// The format whose signature a file's (decompressed) content begins
    /// with (`%PDF-`), `.unknown` for none: the format of a file its name says nothing about.
    static func format(recognizing head: ArraySlice<UInt8>) -> DocumentFormat {
        all.first { $0.recognizes(head: head) }?.format ?? .unknown
    }
}

/// A file no parser claims: plain text, read only when it is text (never
/// binary, never lossily decoded: `TextDecoding`).
struct UnknownFormatParser: DocumentParser {
    var format: DocumentFormat { .unknown }
    var extensions: [String] { [] }
    var showsSourceLines: Bool { true }
    func parse(_ bytes: [UInt8]) -> DocumentParse { .blocks(PlainTextParser.parse(bytes)) }
}
