/// Reads OpenDocument text files (`.odt`, LibreOffice's format): the
/// body's paragraphs in order, headings, lists, and tables row by row. A
/// passage is cited by its paragraphs (`notes.odt ¶ 7`) under its heading
/// path (`NumberedParagraphs`).
///
/// From `content.xml` (ODF 1.x):
/// - `text:h` is a heading at its `text:outline-level` (1 when missing);
///   `text:p` a paragraph, but the document's title when its style is, or
///   derives from, `Title` (above the headings: `NumberedParagraphs.title`),
///   and a heading when its style has a default outline level (styles from
///   `styles.xml` and `content.xml`'s automatic ones, which LibreOffice
///   writes for every paragraph formatted by hand: `P1`, parent `Title`);
/// - a paragraph in `text:list-item` is a list item, nested lists
///   indented a level each;
/// - `text:s` is its count of spaces, `text:tab` and `text:line-break` a space;
/// - a table (`table:table`) gives one paragraph per row, cells joined by " | ";
/// - a footnote's or text box's paragraphs follow the paragraph they sit in;
/// - left out: footnote marks, comments (`office:annotation`), tracked
///   deletions, and generated indexes (tables of contents and the like,
///   which repeat the headings).
/// Recognized by content too: the uncompressed `mimetype` member that
/// opens the zip (`application/vnd.oasis.opendocument.text`).
struct OpenDocumentParser: DocumentParser {
    var format: DocumentFormat { .openDocument }
    var extensions: [String] { ["odt", "ott"] }
    var input: DocumentInput { .binary }
    var citation: CitationUnit { .paragraphs }
    var titleTakesNameLine: Bool { false }

    /// A zip whose first member is `mimetype` holding an OpenDocument text type.
    func recognizes(head: ArraySlice<UInt8>) -> Bool {
        head.starts(with: [0x50, 0x4B, 0x03, 0x04])
            && head.firstRange(of: Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)) != nil
    }

    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

    func parse(_ bytes: [UInt8]) -> DocumentParse { parse(bytes, expandingTo: ZipMembers.defaultLimit) }

    func parse(_ bytes: [UInt8], expandingTo limit: Int) -> DocumentParse {
        let members: [String: [UInt8]]
        switch ZipMembers.read(bytes, limit: limit, wanted: { $0 == "content.xml" || $0 == "styles.xml" }) {
        case .failure(let failure): return .skip(failure.reason(kind: "OpenDocument file"))
        case .success(let found): members = found
        }
        guard let content = members["content.xml"] else {
            return .skip("not an OpenDocument file: no content.xml inside (a zip of another kind)")
        }
        var declared = members["styles.xml"].map(Self.styles) ?? [:]
        declared.merge(Self.styles(content)) { _, automatic in automatic }
        var reader = BodyReader(styles: Self.resolved(declared))
        if case .failure(let failure) = XMLStream.read(content, { reader.take($0) }) {
            guard reader.paragraphs.count > 0 else { return .skip("damaged OpenDocument file: content.xml: \(failure.reason)") }
        }
        return .blocks(reader.finish())
    }

    /// A paragraph style as declared: its parent, and what it says of its paragraphs.
    struct Style: Equatable {
        var parent: String?
        /// `Title` by name or display name.
        var isTitle = false
        /// `style:default-outline-level`: its paragraphs are headings.
        var outlineLevel: Int?
    }

    /// The paragraph styles declared in `xml` (`styles.xml`, or `content.xml`'s automatic ones) by name.
    static func styles(_ xml: [UInt8]) -> [String: Style] {
        var found: [String: Style] = [:]
        _ = XMLStream.read(xml) { event in
            guard case .start(let name, let attributes) = event, name.is("style", in: style),
                attributes["family"] == "paragraph", let styleName = attributes["name"]
            else { return }
            found[styleName] = Style(
                parent: attributes["parent-style-name"],
                isTitle: styleName == "Title" || attributes["display-name"] == "Title",
                outlineLevel: attributes["default-outline-level"].flatMap { Int($0) }.map { max($0, 1) })
        }
        return found
    }

    /// Each style's heading level as its ancestors decide it (at most 10
    /// steps up): 0 for the title, nil for body text.
    static func resolved(_ styles: [String: Style]) -> [String: Int] {
        var levels: [String: Int] = [:]
        for (name, style) in styles {
            var s: Style? = style, steps = 0
            while let current = s, steps <= 10 {
                if current.isTitle { levels[name] = 0; break }
                if let level = current.outlineLevel { levels[name] = level; break }
                s = current.parent.flatMap { styles[$0] }
                steps += 1
            }
        }
        return levels
    }

    /// Walks `content.xml`'s events into numbered paragraphs.
    struct BodyReader {
        /// Heading levels of paragraph styles (`resolved`): 0 for the title.
        let styles: [String: Int]
        private var nesting = ParagraphNesting<Role>()
        var paragraphs: NumberedParagraphs { nesting.paragraphs }

        init(styles: [String: Int] = [:]) { self.styles = styles }

        /// A paragraph's heading level and the lists around it.
        struct Role: ParagraphRole {
            /// Heading level; 0 for the document's title.
            var level: Int?
            /// Lists around it (0: none).
            var listDepth = 0

            var isLeftOut: Bool { false }

            func place(_ text: String, in paragraphs: inout NumberedParagraphs) {
                if let level {
                    if level == 0 { paragraphs.title(text) } else { paragraphs.heading(text, level: level) }
                } else if listDepth > 0 {
                    paragraphs.listItem(text, depth: listDepth - 1)
                } else {
                    paragraphs.paragraph(text)
                }
            }
        }
        private var listDepth = 0
        private var skipping = 0

        mutating func take(_ event: XMLStream.Event) {
            switch event {
            case .start(let name, let attributes):
                if skipping > 0 || Self.leftOut(name) { skipping += 1; return }
                if name.namespace == OpenDocumentParser.table {
                    switch name.local {
                    case "table-row": nesting.beginRow()
                    case "table-cell": nesting.beginCell()
                    default: break
                    }
                    return
                }
                guard name.namespace == OpenDocumentParser.text else { return }
                switch name.local {
                case "h":
                    nesting.begin(Role(level: max(attributes["outline-level"].flatMap { Int($0) } ?? 1, 1), listDepth: listDepth))
                case "p":
                    let level = attributes["style-name"].flatMap { styles[$0] ?? ($0 == "Title" ? 0 : nil) }
                    nesting.begin(Role(level: level, listDepth: listDepth))
                case "list": listDepth += 1
                case "s": nesting.append(String(repeating: " ", count: min(max(attributes["c"].flatMap { Int($0) } ?? 1, 1), 64)))
                case "tab", "line-break": nesting.append(" ")
                default: break
                }
            case .end(let name):
                if skipping > 0 { skipping -= 1; return }
                if name.namespace == OpenDocumentParser.table {
                    if name.local == "table-row" { nesting.endRow() }
                    return
                }
                guard name.namespace == OpenDocumentParser.text else { return }
                switch name.local {
                case "h", "p": nesting.end()
                case "list": listDepth = max(0, listDepth - 1)
                default: break
                }
            case .text(let text):
                if skipping == 0 { nesting.append(text) }
            }
        }

        /// Elements whose content is not the body's running text.
        static func leftOut(_ name: XMLStream.Name) -> Bool {
            switch name.namespace {
            case OpenDocumentParser.office:
                return name.local == "annotation" || name.local == "annotation-end" || name.local == "forms"
            case OpenDocumentParser.text:
                switch name.local {
                case "note-citation", "tracked-changes", "table-of-content", "alphabetical-index", "illustration-index",
                    "table-index", "object-index", "user-index", "bibliography", "sequence-decls", "variable-decls",
                    "user-field-decls", "dde-connection-decls":
                    return true
                default: return false
                }
            case OpenDocumentParser.table:
                return name.local == "covered-table-cell"
            case "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0":
                return name.local == "title" || name.local == "desc"  // a drawing's alternative text
            default:
                return false
            }
        }

        mutating func finish() -> [Block] { nesting.finish() }
    }
}

extension DocumentFormat {
    /// An OpenDocument text file (`.odt`): paragraphs, headings, lists, tables.
    public static let openDocument = DocumentFormat(rawValue: "odt")
}
