#if canImport(Glibc)
import Glibc
#endif

/// Reads Word documents (`.docx`, Office Open XML): the body's paragraphs
/// in order, headings from their styles, lists, and tables row by row. A
/// passage is cited by its paragraphs (`report.docx ¶ 12`) under its
/// heading path (`NumberedParagraphs`).
///
/// From `word/document.xml` (WordprocessingML):
/// - a paragraph (`w:p`) is a heading when its style is a heading (the
///   style's name in `word/styles.xml` is `heading N`, as Word stores
///   built-in names in English whatever the language; or the style, or the
///   paragraph itself, has an outline level; `Title` is the document's
///   title, above the headings: `NumberedParagraphs.title`), a list item when it
///   has numbering (`w:numPr`, its level `w:ilvl`) or a list style;
/// - its text is the runs' `w:t`; a tab or line break is a space;
///   deleted text (tracked changes), field codes and the fallback copy of
///   a drawing (`mc:Fallback`, which repeats the text box) are left out;
/// - a table (`w:tbl`) gives one paragraph per row, cells joined by " | ";
/// - a text box's or other nested paragraph follows the paragraph it sits in;
/// - table-of-contents paragraphs (styles `TOC N`, `TOC Heading`) are left
///   out: they repeat the headings.
/// Headers, footers, footnotes and comments are not read.
struct WordDocumentParser: DocumentParser {
    var format: DocumentFormat { .word }
    var extensions: [String] { ["docx", "docm", "dotx"] }
    var input: DocumentInput { .binary }
    var citation: CitationUnit { .paragraphs }
    var titleTakesNameLine: Bool { false }

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    func parse(_ bytes: [UInt8]) -> DocumentParse { parse(bytes, expandingTo: ZipMembers.defaultLimit) }

    /// The signature of an OLE compound file: what Word writes for a
    /// password-protected `.docx` (its encrypted package inside), and what
    /// an old binary `.doc` is.
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    func parse(_ bytes: [UInt8], expandingTo limit: Int) -> DocumentParse {
        if bytes.starts(with: Self.compoundFileSignature) {
            let what = CompoundFileParser.reason(bytes)
            return .skip(
                what.hasPrefix("Word 97-2003")
                    ? "a Word 97-2003 document (.doc) under a .docx name: save it as .docx to index it"
                    : "encrypted Word document: it needs a password to open")
        }
        let members: [String: [UInt8]]
        switch ZipMembers.read(bytes, limit: limit, wanted: { $0 == "word/document.xml" || $0 == "word/styles.xml" }) {
        case .failure(let failure): return .skip(failure.reason(kind: "Word document"))
        case .success(let found): members = found
        }
        guard let document = members["word/document.xml"] else {
            return .skip("not a Word document: no word/document.xml inside (a zip of another kind)")
        }
        // styles.xml only when the document uses a style its id does not tell (`BodyReader.styleByID`):
        // Word's template makes it 30–350 KB, often ten times the text, and reading it was most of the time.
        let builtIn = Self.usedStyleIDs(document).map { $0.allSatisfy { BodyReader.styleByID($0) != nil } } ?? false
        let styles = builtIn ? [:] : members["word/styles.xml"].map(Self.styles) ?? [:]
        var reader = BodyReader(styles: styles)
        if case .failure(let failure) = XMLStream.read(document, { reader.take($0) }) {
            guard reader.paragraphs.count > 0 else { return .skip("damaged Word document: word/document.xml: \(failure.reason)") }
        }
        return .blocks(reader.finish())
    }

    /// The paragraph style ids `document.xml` uses (`<w:pStyle w:val="…"/>`),
    /// found by scanning its bytes; nil when a `pStyle` is written in a way
    /// this scan does not read (then styles.xml is read whatever the ids).
    static func usedStyleIDs(_ xml: [UInt8]) -> Set<String>? {
        let tag = Array("<w:pStyle".utf8), value = Array("w:val=".utf8)
        return xml.withUnsafeBufferPointer { bytes -> Set<String>? in
            var ids: Set<String> = []
            let n = bytes.count
            var i = 0
            while i < n {
                // memchr for each '<': the generic firstRange(of:) ran at a few MB/s.
                guard let lt = memchr(bytes.baseAddress! + i, 0x3C, n - i) else { break }
                i = UnsafeRawPointer(lt).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress!
                guard i + tag.count <= n, memcmp(bytes.baseAddress! + i, tag, tag.count) == 0 else { i += 1; continue }
                i += tag.count
                while i < n && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
                guard i + value.count < n, memcmp(bytes.baseAddress! + i, value, value.count) == 0 else { return nil }
                i += value.count
                let quote = bytes[i]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
                var end = i + 1
                while end < n && bytes[end] != quote { end += 1 }
                guard end < n else { return nil }
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]), as: UTF8.self))
                i = end + 1
            }
            return ids
        }
    }

    /// What a paragraph style makes of its paragraphs.
    struct Style: Equatable {
        /// Heading level (1 outermost; 0 for the document's title), nil for body text.
        var level: Int?
        var isList = false
        var isContents = false
        var basedOn: String?
    }

    /// The paragraph styles of `word/styles.xml` by id, each with what it
    /// inherits (`w:basedOn`) folded in.
    static func styles(_ xml: [UInt8]) -> [String: Style] {
        var found: [String: Style] = [:]
        var current: (id: String, style: Style)?
        _ = XMLStream.read(xml) { event in
            switch event {
            case .start(let name, let attributes) where name.namespace == main:
                switch name.local {
                case "style" where attributes["type"] == "paragraph":
                    current = (attributes["styleId"] ?? "", Style())
                case "name":
                    let value = (attributes["val"] ?? "").lowercased()
                    if value == "title" {
                        current?.style.level = 0
                    } else if value.hasPrefix("heading "), let n = Int(value.dropFirst(8)) {
                        current?.style.level = max(n, 1)
                    } else if value.hasPrefix("toc ") {
                        current?.style.isContents = true
                    } else if value.hasPrefix("list") {
                        current?.style.isList = true
                    }
                case "basedOn": current?.style.basedOn = attributes["val"]
                case "outlineLvl":
                    if let n = attributes["val"].flatMap({ Int($0) }), n < 9, current?.style.level == nil { current?.style.level = n + 1 }
                case "numPr": current?.style.isList = true
                default: break
                }
            case .end(let name) where name.is("style", in: main):
                if let c = current { found[c.id] = c.style }
                current = nil
            default: break
            }
        }
        // Inherited: a style based on a heading style is one (at most 10 steps up).
        var resolved = found
        for (id, style) in found {
            var s = style, parent = style.basedOn, steps = 0
            while let p = parent, let base = found[p], steps < 10 {
                if s.level == nil { s.level = base.level }
                s.isList = s.isList || base.isList
                s.isContents = s.isContents || base.isContents
                parent = base.basedOn
                steps += 1
            }
            resolved[id] = s
        }
        return resolved
    }

    /// Walks `word/document.xml`'s events into numbered paragraphs.
    struct BodyReader {
        let styles: [String: Style]
        private var nesting = ParagraphNesting<Role>()
        var paragraphs: NumberedParagraphs { nesting.paragraphs }

        /// A paragraph's style, outline level and list level, as its properties say.
        struct Role: ParagraphRole {
            var style: Style?
            var level: Int?
            /// Its list level; -1 when numbering is taken away (`numId` 0).
            var listDepth: Int?

            var isLeftOut: Bool { style?.isContents == true }

            func place(_ text: String, in paragraphs: inout NumberedParagraphs) {
                if let level = level ?? style?.level {
                    if level == 0 { paragraphs.title(text) } else { paragraphs.heading(text, level: level) }
                } else if let depth = listDepth, depth >= 0 {
                    paragraphs.listItem(text, depth: depth)
                } else if listDepth == nil && style?.isList == true {
                    paragraphs.listItem(text, depth: 0)
                } else {
                    paragraphs.paragraph(text)
                }
            }
        }
        /// Inside `w:t`: its text is the paragraph's.
        private var inText = false
        /// Depth inside elements whose content is left out.
        private var skipping = 0

        init(styles: [String: Style]) { self.styles = styles }

        mutating func take(_ event: XMLStream.Event) {
            switch event {
            case .start(let name, let attributes):
                if skipping > 0 || Self.leftOut(name) { skipping += 1; return }
                guard name.namespace == WordDocumentParser.main else { return }
                switch name.local {
                case "p": nesting.begin(Role())
                case "pStyle":
                    if let id = attributes["val"] {
                        let style = styles[id] ?? Self.styleByID(id)
                        nesting.update { $0.style = style }
                    }
                case "outlineLvl":
                    if let n = attributes["val"].flatMap({ Int($0) }), n < 9 { nesting.update { $0.level = n + 1 } }
                case "ilvl":
                    if let n = attributes["val"].flatMap({ Int($0) }) { nesting.update { $0.listDepth = n } }
                case "numId":
                    // numId 0 takes numbering away.
                    let removes = attributes["val"] == "0"
                    nesting.update { $0.listDepth = removes ? -1 : ($0.listDepth ?? 0) }
                case "t": inText = true
                case "tab", "br", "cr": nesting.append(" ")
                case "noBreakHyphen": nesting.append("-")
                case "tr": nesting.beginRow()
                case "tc": nesting.beginCell()
                default: break
                }
            case .end(let name):
                if skipping > 0 { skipping -= 1; return }
                guard name.namespace == WordDocumentParser.main else { return }
                switch name.local {
                case "t": inText = false
                case "p": nesting.end()
                case "tr": nesting.endRow()
                default: break
                }
            case .text(let text):
                if inText && skipping == 0 { nesting.append(text) }
            }
        }

        /// Elements whose content is not the document's text.
        static func leftOut(_ name: XMLStream.Name) -> Bool {
            if name.namespace == WordDocumentParser.markupCompatibility { return name.local == "Fallback" }
            guard name.namespace == WordDocumentParser.main else { return false }
            switch name.local {
            case "delText", "instrText", "rPr", "sectPr", "del", "moveFrom": return true
            // A tracked formatting change keeps the old properties (an old pStyle would win over the new one).
            case "pPrChange", "rPrChange", "numberingChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange": return true
            default: return false
            }
        }

        /// A built-in style by the id English Word gives it (`Heading2`,
        /// `Title`, `ListBullet`, `Normal`), as its `styles.xml` entry would
        /// say; nil for an id that only `styles.xml` explains (a custom
        /// style, or a built-in one under a localized id: `berschrift1`).
        static func styleByID(_ id: String) -> Style? {
            let lower = id.lowercased()
            if lower == "title" { return Style(level: 0) }
            if lower.hasPrefix("heading"), let n = Int(lower.dropFirst(7)) { return Style(level: max(n, 1)) }
            if lower.hasPrefix("toc") { return Style(isContents: true) }
            if lower.hasPrefix("list") { return Style(isList: true) }
            if bodyStyleIDs.contains(lower) { return Style() }
            return nil
        }

        /// Ids of Word's built-in styles for body text (lowercased).
        static let bodyStyleIDs: Set<String> = [
            "normal", "bodytext", "bodytext2", "bodytext3", "bodytextindent", "nospacing", "quote", "intensequote", "caption",
            "normalweb", "plaintext", "footnotetext", "endnotetext", "subtitle", "blocktext", "compact", "firstparagraph",
        ]

        mutating func finish() -> [Block] { nesting.finish() }
    }
}

extension DocumentFormat {
    /// A Word document (`.docx`): paragraphs, headings, lists, tables.
    public static let word = DocumentFormat(rawValue: "docx")
}
