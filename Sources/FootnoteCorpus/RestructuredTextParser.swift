/// Reads reStructuredText into blocks. A section title is a text line with an
/// underline (and optionally an overline) of one repeated punctuation character
/// at least as long as the title; levels follow the order in which adornment
/// styles first appear, as docutils assigns them. Other chunks become
/// paragraphs or lists. Block text is the file's own bytes where it holds no
/// markup; markup is read as a reader sees it (`RestructuredTextMarkup`:
/// roles, literals, links, directives dropped, or read as terms and notes).
/// A dropped directive or comment takes the chunks indented under it along
/// (after blank lines too: a `toctree`'s entries, a `meta`'s fields), and a
/// field list opening the file (Sphinx's `:orphan:`) is metadata, not text.
struct RestructuredTextParser {
    static func parse(_ bytes: [UInt8]) -> [Block] {
        let text = TextLines(bytes)
        let lines = text.lines
        var styles: [String] = []  // adornment styles in order of appearance
        var blocks: [Block] = []

        func level(of style: String) -> Int {
            if let i = styles.firstIndex(of: style) { return i + 1 }
            styles.append(style)
            return styles.count
        }

        // The indentation of a dropped directive or comment: the chunks indented
        // deeper after it are its content (`.. toctree::`'s entries, `.. meta::`'s fields).
        var droppedIndent: Int?
        for chunk in text.chunks() {
            var body = chunk
            let l0 = text.trimmed(lines[chunk.lowerBound])
            let indent = text.indent(lines[chunk.lowerBound])
            if let dropped = droppedIndent {
                if indent > dropped { continue }
                droppedIndent = nil
            }
            // Sphinx's file-wide metadata (`:orphan:`, `:tocdepth: 2`): a field list opening the file.
            if blocks.isEmpty, indent == 0, Self.isFieldList(chunk, in: text) { continue }
            if chunk.count >= 3, let over = adornment(l0),
                let under = adornment(text.trimmed(lines[chunk.lowerBound + 2])), over == under,
                adornment(text.trimmed(lines[chunk.lowerBound + 1])) == nil
            {
                let title = text.trimmed(lines[chunk.lowerBound + 1])
                blocks.append(
                    text.heading(
                        Substring(RestructuredTextMarkup.inline(String(title))), level: level(of: "over" + String(over)),
                        lines: chunk.lowerBound..<(chunk.lowerBound + 3)))
                body = (chunk.lowerBound + 3)..<chunk.upperBound
            } else if chunk.count >= 2, adornment(l0) == nil,
                let under = adornment(text.trimmed(lines[chunk.lowerBound + 1])),
                text.trimmed(lines[chunk.lowerBound + 1]).count >= min(l0.count, 3)
            {
                blocks.append(
                    text.heading(
                        Substring(RestructuredTextMarkup.inline(String(l0))), level: level(of: String(under)),
                        lines: chunk.lowerBound..<(chunk.lowerBound + 2)))
                body = (chunk.lowerBound + 2)..<chunk.upperBound
            } else if chunk.count == 1, adornment(l0) != nil {
                continue  // a transition line
            }
            guard !body.isEmpty else { continue }
            let isList = body.allSatisfy { idx in
                text.startsWithBullet(lines[idx]) || (idx != body.lowerBound && text.indent(lines[idx]) > 0)
            }
            var block = text.block(isList ? .list : .paragraph, lines: body)
            switch RestructuredTextMarkup.reading(block.text) {
            case .dropped:
                if l0.hasPrefix("..") { droppedIndent = indent }
                continue
            case .term(let signature):
                block.kind = .term
                block.text = signature
                block.isVerbatim = false
            case .text(let shown):
                if shown != block.text {
                    block.text = shown
                    block.isVerbatim = false
                }
            }
            blocks.append(block)
        }
        return blocks
    }

    /// Whether every line of `chunk` is a field of one-word name (`:orphan:`, `:tocdepth: 2`).
    static func isFieldList(_ chunk: Range<Int>, in text: TextLines) -> Bool {
        chunk.allSatisfy { k in
            RestructuredTextMarkup.fieldName(text.trimmed(text.lines[k])).map { !$0.contains(" ") } ?? false
        }
    }

    /// The adornment character when `s` is a line of one repeated punctuation
    /// character (at least 3), nil otherwise.
    static func adornment(_ s: Substring) -> Character? {
        guard s.count >= 3, let c = s.first, "=-~^\"'`#*+:._<>!$%&,/;?@[]\\{}|".contains(c) else { return nil }
        return s.allSatisfy({ $0 == c }) ? c : nil
    }
}

extension RestructuredTextParser: DocumentParser {
    var format: DocumentFormat { .restructuredText }
    /// Sphinx keeps each page's source as `_sources/page.rst.txt`.
    var extensions: [String] { ["rst", "rest", "rst.txt"] }
    var showsSourceLines: Bool { true }
    func parse(_ bytes: [UInt8]) -> DocumentParse { .blocks(Self.parse(bytes)) }
}

extension DocumentFormat {
    public static let restructuredText = DocumentFormat(rawValue: "rst")
}
