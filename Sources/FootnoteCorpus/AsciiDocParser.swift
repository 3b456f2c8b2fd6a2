/// Reads AsciiDoc (`.adoc`, `.asciidoc`, and `.txt` files that are AsciiDoc:
/// `looksLikeAsciiDoc`) into blocks, as a reader of the rendered page sees it.
///
/// - Titles: `= Title`, `== Section` … (level = the number of `=`), and
///   two-line titles underlined with `=`, `-`, `~`, `^` or `+` (levels 1–5)
///   whose underline is within two characters of the title's length.
/// - Dropped: comments (`//`), attribute entries (`:name: value`), block
///   attribute lines (`[verse]`, `[source,c]`), anchors (`[[id]]`), and
///   preprocessor lines (`include::x.txt[]`, `ifdef::…[]`, `endif::…[]`).
/// - Delimited blocks (`----`, `....`, `====`, `****`, `____`, `++++`, at
///   least 4) are one block each, their delimiters left out: code stays whole.
/// - A labeled list item (`--edit::`, `term:: text`) is a term
///   (`Block.Kind.term`), kept with the description that follows it.
/// - Inline: `linkgit:git-merge[1]` → `git-merge(1)`; `link:url[text]` and
///   `https://…[text]` → text; `<<id,text>>` → text; `[[id]]` → nothing; backquotes, `'emphasis'`,
///   `*strong*` and `_emphasis_` keep their words; a lone `+` continuation line goes.
/// Blocks whose text changes are not verbatim (cut again from the file when shown).
struct AsciiDocParser {
    static func parse(_ bytes: [UInt8]) -> [Block] {
        let text = TextLines(bytes)
        let lines = text.lines
        var blocks: [Block] = []
        var run: [Int] = []
        var k = 0

        func flush() {
            guard let first = run.first, let last = run.last else { return }
            let isList = run.allSatisfy { text.startsWithBullet(lines[$0]) || ($0 != first && text.indent(lines[$0]) > 0) }
            add(text.block(isList ? .list : .paragraph, lines: first..<(last + 1)), shown: run.map { String(text.text(lines[$0])) })
            run.removeAll()
        }

        func add(_ verbatim: Block, shown: [String], kind: Block.Kind? = nil) {
            var block = verbatim
            let cleaned = shown.filter { $0.trimmingWhitespace() != "+" }.map(inline).joined(separator: "\n")
            if let kind { block.kind = kind }
            if cleaned != block.text || kind != nil {
                block.text = cleaned
                block.isVerbatim = false
            }
            if !cleaned.trimmingWhitespace().isEmpty { blocks.append(block) }
        }

        while k < lines.count {
            let line = lines[k]
            let trimmed = text.trimmed(line)
            if trimmed.isEmpty { flush(); k += 1; continue }
            if isDropped(trimmed) { flush(); k += 1; continue }
            // Delimited block.
            if let delimiter = delimiter(trimmed) {
                flush()
                var end = k + 1
                while end < lines.count && text.trimmed(lines[end]) != delimiter { end += 1 }
                if end > k + 1 {
                    let body = (k + 1)..<min(end, lines.count)
                    add(text.block(.paragraph, lines: body), shown: body.map { String(text.text(lines[$0])) })
                }
                k = min(end, lines.count - 1) + 1
                continue
            }
            // One-line title.
            if run.isEmpty, let (level, title) = oneLineTitle(trimmed) {
                blocks.append(text.heading(Substring(inline(String(title))), level: level, lines: k..<(k + 1)))
                k += 1
                continue
            }
            // Two-line title.
            if run.isEmpty, k + 1 < lines.count, let level = underlineLevel(text.trimmed(lines[k + 1]), title: trimmed) {
                blocks.append(text.heading(Substring(inline(String(trimmed))), level: level, lines: k..<(k + 2)))
                k += 2
                continue
            }
            // Labeled list item: the term, then its description.
            if let (term, rest) = labeledItem(trimmed) {
                flush()
                add(text.block(.paragraph, lines: k..<(k + 1)), shown: [String(term)], kind: .term)
                // `term:: text`: the same line starts the description.
                if !rest.isEmpty { add(text.block(.paragraph, lines: k..<(k + 1)), shown: [String(rest)]) }
                k += 1
                continue
            }
            run.append(k)
            k += 1
        }
        flush()
        return blocks
    }

    /// Whether `text` (a `.txt` file's start) is AsciiDoc: at least two of its
    /// marks (a labeled list line, `linkgit:`, an include or ifdef line, an
    /// anchor, a block attribute line, a delimited block, a `== ` title).
    static func looksLikeAsciiDoc(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        let marks: [(String) -> Bool] = [
            { $0.contains("linkgit:") },
            { $0.contains("\ninclude::") || $0.contains("\nifdef::") || $0.hasPrefix("include::") },
            { $0.contains("\n[[") },
            { $0.contains("\n[verse]") || $0.contains("\n[source") || $0.contains("\n[NOTE]") },
            { $0.contains("\n----\n") && $0.components(separatedBy: "\n----\n").count >= 3 },
            { $0.split(separator: "\n").contains { $0.hasSuffix("::") && !$0.hasPrefix(" ") && $0.count > 3 } },
            { $0.hasPrefix("= ") || $0.contains("\n== ") },
        ]
        var found = 0
        for mark in marks where mark(head) {
            found += 1
            if found >= 2 { return true }
        }
        return false
    }

    static func isDropped(_ s: Substring) -> Bool {
        if s.hasPrefix("//") { return true }
        if s.hasPrefix("[[") && s.hasSuffix("]]") { return true }
        if s.hasPrefix("[") && s.hasSuffix("]") && !s.contains(" ") { return true }  // [verse], [source,c]
        for prefix in ["include::", "ifdef::", "ifndef::", "endif::", "ifeval::"] where s.hasPrefix(prefix) { return true }
        // :attribute: value
        if s.hasPrefix(":"), let close = s.dropFirst().firstIndex(of: ":"), !s[s.index(after: s.startIndex)..<close].contains(" "),
            close > s.index(after: s.startIndex)
        {
            return true
        }
        return false
    }

    static func delimiter(_ s: Substring) -> Substring? {
        guard s.count >= 4, let c = s.first, "-.=*_+".contains(c), s.allSatisfy({ $0 == c }) else { return nil }
        return s
    }

    static func oneLineTitle(_ s: Substring) -> (Int, Substring)? {
        let marks = s.prefix(while: { $0 == "=" }).count
        guard (1...6).contains(marks), s.dropFirst(marks).first == " " else { return nil }
        return (marks, s.dropFirst(marks).trimmingWhitespace())
    }

    static func underlineLevel(_ underline: Substring, title: Substring) -> Int? {
        guard underline.count >= 2, let c = underline.first, let level = "=-~^+".firstIndex(of: c),
            underline.allSatisfy({ $0 == c }), abs(underline.count - title.count) <= 2,
            title.contains(where: { $0.isLetter }), oneLineTitle(title) == nil
        else { return nil }
        return "=-~^+".distance(from: "=-~^+".startIndex, to: level) + 1
    }

    /// `term::` or `term:: text` (also `;;`, `:::`): the term and the text after it.
    static func labeledItem(_ s: Substring) -> (Substring, Substring)? {
        for marker in [":::", "::", ";;"] {
            guard let r = s.range(of: marker) else { continue }
            let after = s[r.upperBound...]
            guard after.isEmpty || after.first == " " || after.first == "\t" else { continue }
            let term = s[..<r.lowerBound].trimmingWhitespace()
            guard !term.isEmpty, !term.hasPrefix("include"), !term.contains("::") else { return nil }
            return (term, after.trimmingWhitespace())
        }
        return nil
    }

    /// Inline markup resolved to what it displays, in one pass over the characters.
    static func inline(_ line: String) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        func starts(_ word: String, at k: Int) -> Bool {
            let w = Array(word)
            return k + w.count <= chars.count && Array(chars[k..<(k + w.count)]) == w
        }
        /// The index of `c` at or after `k` before a space (when `stopAtSpace`), or nil.
        func find(_ c: Character, from k: Int, stopAtSpace: Bool) -> Int? {
            var j = k
            while j < chars.count {
                if chars[j] == c { return j }
                if stopAtSpace && chars[j].isWhitespace { return nil }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            // linkgit:git-merge[1] → git-merge(1)
            if starts("linkgit:", at: i), let open = find("[", from: i + 8, stopAtSpace: true), open > i + 8,
                let close = find("]", from: open + 1, stopAtSpace: true)
            {
                out += String(chars[(i + 8)..<open]) + "(" + String(chars[(open + 1)..<close]) + ")"
                i = close + 1
                continue
            }
            // link:url[text], https://url[text] → text (the address when the text is empty)
            if let scheme = ["link:", "https://", "http://", "mailto:"].first(where: { starts($0, at: i) }),
                let open = find("[", from: i + scheme.count, stopAtSpace: true), let close = find("]", from: open + 1, stopAtSpace: false)
            {
                out += open + 1 == close ? String(chars[i..<open]) : String(chars[(open + 1)..<close])
                i = close + 1
                continue
            }
            // [[id]], [[id,reftext]]: an inline anchor, which shows nothing
            if starts("[[", at: i), let close = find("]", from: i + 2, stopAtSpace: true), close > i + 2,
                close + 1 < chars.count, chars[close + 1] == "]"
            {
                i = close + 2
                continue
            }
            // <<id,text>> → text; <<id>> → id
            if starts("<<", at: i), let close = find(">", from: i + 2, stopAtSpace: false), close + 1 < chars.count, chars[close + 1] == ">"
            {
                let inside = String(chars[(i + 2)..<close])
                out += inside.split(separator: ",", maxSplits: 1).last.map { String($0.trimmingWhitespace()) } ?? inside
                i = close + 2
                continue
            }
            // `x`, 'x', *x*, _x_, +x+ at word boundaries: the quotes go.
            let c = chars[i]
            if "`'*_+".contains(c), i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber),
                let j = find(c, from: i + 1, stopAtSpace: false), j > i + 1, !chars[i + 1].isWhitespace, !chars[j - 1].isWhitespace,
                j + 1 == chars.count || !(chars[j + 1].isLetter || chars[j + 1].isNumber)
            {
                out += String(chars[(i + 1)..<j])
                i = j + 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}

extension AsciiDocParser: DocumentParser {
    var format: DocumentFormat { .asciidoc }
    var extensions: [String] { ["adoc", "asciidoc", "asc"] }
    func parse(_ bytes: [UInt8]) -> DocumentParse { .blocks(Self.parse(bytes)) }
}

extension DocumentFormat {
    /// AsciiDoc (`.adoc`, `.asciidoc`; a `.txt` file that is AsciiDoc is read as it too).
    public static let asciidoc = DocumentFormat(rawValue: "asciidoc")
}
