/// Reads Markdown into blocks: ATX (`## Title`) and setext (`Title` over `===` or
/// `---`) headings, fenced code kept whole, lists, paragraphs. A YAML front
/// matter block (`---` … `---` at the top) is skipped. Footnote definitions
/// (`[^1]: …`) are read under a level-2 heading "Footnotes" of their own. MyST
/// target lines (`(label)=`) are dropped. Block text is the file's
/// own bytes, markup included.
struct MarkdownParser {
    static func parse(_ bytes: [UInt8]) -> [Block] {
        let text = TextLines(bytes)
        let lines = text.lines
        var blocks: [Block] = []
        var run: [Int] = []  // indices of the current paragraph's lines
        var sawFootnote = false
        var k = 0

        func flush() {
            guard let first = run.first, let last = run.last else { return }
            let isList = run.allSatisfy { idx in
                text.startsWithBullet(lines[idx]) || (idx != first && text.indent(lines[idx]) > 0)
            }
            blocks.append(text.block(isList ? .list : .paragraph, lines: first..<(last + 1)))
            run.removeAll()
        }

        // Front matter.
        if let first = lines.first, text.trimmed(first) == "---" {
            if let close = lines.indices.dropFirst().first(where: { text.trimmed(lines[$0]) == "---" || text.trimmed(lines[$0]) == "..." })
            {
                k = close + 1
            }
        }

        while k < lines.count {
            let line = lines[k]
            let trimmed = text.trimmed(line)
            if text.isBlank(line) { flush(); k += 1; continue }

            // Fenced code: everything up to the closing fence is one block.
            if text.indent(line) < 4, let fence = fenceMarker(trimmed) {
                flush()
                var end = k + 1
                while end < lines.count && !text.trimmed(lines[end]).hasPrefix(fence) { end += 1 }
                let last = min(end, lines.count - 1)
                blocks.append(text.block(.paragraph, lines: k..<(last + 1)))
                k = last + 1
                continue
            }

            // A MyST target, `(install-options)=` on a line of its own: a label for
            // cross-references (reST's `.. _label:`), not text of the section.
            if text.indent(line) < 4, isTargetLine(trimmed) {
                flush()
                k += 1
                continue
            }

            // ATX heading.
            if text.indent(line) < 4, let (level, title) = atxHeading(trimmed) {
                flush()
                if !title.isEmpty { blocks.append(text.heading(title, level: level, lines: k..<(k + 1))) }
                k += 1
                continue
            }

            // Setext underline below a paragraph.
            if !run.isEmpty, let level = setextLevel(trimmed), !run.contains(where: { text.startsWithBullet(lines[$0]) }) {
                let titleText = run.map { String(text.trimmed(lines[$0])) }.joined(separator: " ")
                blocks.append(text.heading(Substring(titleText), level: level, lines: run[0]..<(k + 1)))
                run.removeAll()
                k += 1
                continue
            }
            // A thematic break (---, ***) on its own separates paragraphs.
            if isThematicBreak(trimmed) { flush(); k += 1; continue }

            // The first footnote definition (`[^1]: …`) opens a "Footnotes" section.
            if !sawFootnote && run.isEmpty && text.indent(line) == 0 && isFootnoteDefinition(trimmed) {
                sawFootnote = true
                blocks.append(
                    Block(
                        kind: .heading(level: 2), text: "Footnotes", lines: line.number...line.number,
                        bytes: line.start..<line.start, isVerbatim: false))
            }

            run.append(k)
            k += 1
        }
        flush()
        return blocks
    }

    /// `[^label]: text`
    static func isFootnoteDefinition(_ s: Substring) -> Bool {
        guard s.hasPrefix("[^"), let close = s.firstIndex(of: "]") else { return false }
        return s[s.index(after: close)...].hasPrefix(":")
    }

    static func fenceMarker(_ s: Substring) -> String? {
        if s.hasPrefix("```") { return "```" }
        if s.hasPrefix("~~~") { return "~~~" }
        return nil
    }

    /// `(name)=`: a MyST target line (the name without spaces or parentheses).
    static func isTargetLine(_ s: Substring) -> Bool {
        guard s.count > 3, s.first == "(", s.hasSuffix(")=") else { return false }
        return !s.dropFirst().dropLast(2).contains { $0 == "(" || $0 == ")" || $0.isWhitespace }
    }

    static func atxHeading(_ s: Substring) -> (Int, Substring)? {
        let hashes = s.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = s.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        // Closing sequence: " ##" at the end.
        let closing = title.reversed().prefix(while: { $0 == "#" }).count
        if closing > 0 {
            let cut = title.dropLast(closing)
            if cut.isEmpty || cut.last == " " { title = cut.trimmingWhitespace() }
        }
        return (hashes, title)
    }

    static func setextLevel(_ s: Substring) -> Int? {
        guard s.count >= 2 else { return nil }
        if s.allSatisfy({ $0 == "=" }) { return 1 }
        if s.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    static func isThematicBreak(_ s: Substring) -> Bool {
        let marks = s.filter { $0 != " " }
        guard marks.count >= 3, let c = marks.first, "-*_".contains(c) else { return false }
        return marks.allSatisfy { $0 == c }
    }
}

extension MarkdownParser: DocumentParser {
    var format: DocumentFormat { .markdown }
    var extensions: [String] { ["md", "markdown", "mdown", "mkd"] }
    var showsSourceLines: Bool { true }
    func parse(_ bytes: [UInt8]) -> DocumentParse { .blocks(Self.parse(bytes)) }
}

extension DocumentFormat {
    public static let markdown = DocumentFormat(rawValue: "markdown")
}
