/// Turns a PDF's page lines (`PDFDocumentText`) into blocks: headings,
/// paragraphs, and the pages each cites (`Block.lines` counts pages).
///
/// - Headings come from the outline when the PDF has one: each bookmark
///   opens its section at the line of its page that reads as its title (the
///   page's start when none does), at the bookmark's depth. Without an
///   outline, a short line (at most `longestHeadingWords` words, not ending
///   a sentence) set in a font at least `headingSizeRatio` × the body's
///   size is a heading; levels follow the sizes, the largest first.
/// - A paragraph ends at a blank line, and after a line that ends a sentence
///   while falling short of the page's usual line length (`shortLineRatio`);
///   a paragraph cut by a page break goes on across it (`pp. 4–5`) when it
///   stops mid-sentence and the next page goes on in lower case.
/// - Lines are joined with a space; a word hyphenated at a line end is
///   joined whole ("exam-" + "ple" is "example"; `joined`).
/// - Page numbers standing alone on their line ("12", "Page 3 of 9", "iv"),
///   running heads and feet (`runningLines`) and table-of-contents lines
///   with dot leaders are dropped.
/// `Block.bytes` count in the page text as joined here (one newline between
/// blocks): PDF passages are always cut again from the file to be shown.
enum PDFLayout {
    static let longestHeadingWords = 12
    static let headingSizeRatio = 1.15
    static let shortLineRatio = 0.75

    static func blocks(_ document: PDFDocumentText) -> [Block] {
        var out: [Block] = []
        var offset = 0
        let headingSizes = document.outline.isEmpty ? fontHeadingSizes(document) : []
        let running = runningLines(document)
        var outlineByPage: [Int: [PDFDocumentText.OutlineEntry]] = [:]
        for entry in document.outline { outlineByPage[entry.page, default: []].append(entry) }

        var paragraph: [String] = []
        var paragraphPages = 1...1
        func emit(_ kind: Block.Kind, _ text: String, pages: ClosedRange<Int>) {
            let length = text.utf8.count
            out.append(Block(kind: kind, text: text, lines: pages, bytes: offset..<(offset + length), isVerbatim: false))
            offset += length + 1
        }
        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            emit(.paragraph, joined(paragraph), pages: paragraphPages)
            paragraph = []
        }

        for (p, page) in document.pages.enumerated() {
            let number = p + 1
            let edges = edgeLines(page)
            let lines = page.lines.enumerated().filter { k, line in
                !isPageNumber(line.text) && !isContentsLine(line.text) && !(edges.contains(k) && running.contains(runningKey(line.text)))
            }.map(\.element)
            let usual = usualLength(lines)
            var bookmarks = outlineByPage[number] ?? []
            // Bookmarks whose title is no line of the page open it.
            let titled = Set(bookmarks.indices.filter { i in lines.contains { sameTitle($0.text, bookmarks[i].title) } })
            let opening = bookmarks.indices.filter { !titled.contains($0) }
            if !opening.isEmpty { endParagraph() }
            for i in opening { emit(.heading(level: bookmarks[i].level), bookmarks[i].title, pages: number...number) }
            bookmarks = titled.sorted().map { bookmarks[$0] }

            // A paragraph cut by the page break goes on only when the page goes on in lower case.
            if let first = lines.first(where: { !$0.text.isEmpty }), !paragraph.isEmpty,
                !(first.text.unicodeScalars.first.map { $0.properties.isLowercase } ?? false) || !opening.isEmpty
            {
                endParagraph()
            }
            var i = 0
            while i < lines.count {
                let line = lines[i]
                if line.text.isEmpty {
                    // A blank line after a word cut at a hyphen splits nothing: the word goes on after it.
                    if !(paragraph.last.map(endsInWordHyphen) ?? false) { endParagraph() }
                    i += 1
                    continue
                }
                if let b = bookmarks.firstIndex(where: { sameTitle(line.text, $0.title) }) {
                    endParagraph()
                    emit(.heading(level: bookmarks[b].level), bookmarks[b].title, pages: number...number)
                    bookmarks.remove(at: b)
                    i += 1
                    continue
                }
                if let level = headingLevel(line, sizes: headingSizes) {
                    // A heading set over several lines in the same size is one.
                    var title = [line.text]
                    var j = i + 1
                    while j < lines.count, !lines[j].text.isEmpty, lines[j].fontSize == line.fontSize,
                        headingLevel(lines[j], sizes: headingSizes) == level
                    {
                        title.append(lines[j].text)
                        j += 1
                    }
                    endParagraph()
                    emit(.heading(level: level), joined(title), pages: number...number)
                    i = j
                    continue
                }
                if paragraph.isEmpty { paragraphPages = number...number } else { paragraphPages = paragraphPages.lowerBound...number }
                paragraph.append(line.text)
                if endsSentence(line.text) && Double(line.text.count) < shortLineRatio * Double(usual) { endParagraph() }
                i += 1
            }
            if let last = paragraph.last, endsSentence(last) { endParagraph() }
        }
        endParagraph()
        return out
    }

    /// The positions of a page's first three and last three lines of text:
    /// where running heads and feet stand (groff sets a man page's head as
    /// three: `TAR(1)`, `GNU TAR Manual`, `TAR(1)`).
    static func edgeLines(_ page: PDFDocumentText.Page) -> Set<Int> {
        let text = page.lines.indices.filter { !page.lines[$0].text.isEmpty }
        return Set(text.prefix(3) + text.suffix(3))
    }

    /// A line as running heads repeat it: lowercased, without its digits (the page number changes).
    static func runningKey(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isNumber && !$0.isWhitespace })
    }

    /// Running heads and feet ("Chapter 4: Function reference 23"): the keys
    /// (`runningKey`) of lines at a page's edge that recur at the edges of at
    /// least 3 pages and a fifth of them.
    static func runningLines(_ document: PDFDocumentText) -> Set<String> {
        var pagesWith: [String: Int] = [:]
        for page in document.pages {
            var seen = Set<String>()
            for k in edgeLines(page) {
                let key = runningKey(page.lines[k].text)
                if !key.isEmpty && seen.insert(key).inserted { pagesWith[key, default: 0] += 1 }
            }
        }
        let least = max(3, document.pages.count / 5)
        return Set(pagesWith.filter { $0.value >= least }.keys)
    }

    /// Lines joined with a space. A line ending in a hyphen after a letter
    /// goes on without one: the hyphen dropped when the letters either side
    /// are in the same case ("exam-" "ple", "ELE-" "MENT": a word cut in
    /// two), kept otherwise ("Open-" "Source").
    static func joined(_ lines: [String]) -> String {
        var out = ""
        for line in lines {
            if out.isEmpty { out = line; continue }
            guard endsInWordHyphen(out), let next = line.unicodeScalars.first else { out += " " + line; continue }
            let scalars = out.unicodeScalars
            let before = scalars[scalars.index(scalars.endIndex, offsetBy: -2)].properties, after = next.properties
            if (before.isLowercase && after.isLowercase) || (before.isUppercase && after.isUppercase) { out.unicodeScalars.removeLast() }
            out += line
        }
        return out
    }

    /// The usual length of a line of text on a page: the 80th percentile of its lines' lengths.
    static func usualLength(_ lines: [PDFDocumentText.Line]) -> Int {
        let lengths = lines.map(\.text.count).filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[min(lengths.count - 1, lengths.count * 4 / 5)]
    }

    /// Whether a line ends in a hyphen after a letter ("ELE-").
    static func endsInWordHyphen(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count >= 2, scalars.last == "-" else { return false }
        return scalars[scalars.index(scalars.endIndex, offsetBy: -2)].properties.isAlphabetic
    }

    static func endsSentence(_ text: String) -> Bool {
        var last = text.unicodeScalars.last
        if last == "\"" || last == "\u{201D}" || last == ")" { last = text.unicodeScalars.dropLast().last }
        return last == "." || last == "?" || last == "!" || last == ":"
    }

    /// A page number alone: digits, a roman numeral, or "Page 3 (of 9)".
    static func isPageNumber(_ text: String) -> Bool {
        let t = text.lowercased()
        guard !t.isEmpty, t.count <= 16 else { return false }
        if t.allSatisfy(\.isNumber) { return true }
        if t.count <= 6 && t.allSatisfy({ "ivxlc".contains($0) }) { return true }
        let words = t.split(separator: " ")
        if words.first == "page", words.count >= 2, words.dropFirst().allSatisfy({ $0 == "of" || $0.allSatisfy(\.isNumber) }) {
            return true
        }
        if words.count == 3, words[1] == "of" || words[1] == "/", words[0].allSatisfy(\.isNumber), words[2].allSatisfy(\.isNumber) {
            return true
        }
        return false
    }

    /// A table-of-contents line: a title, a run of dot leaders, a page number.
    static func isContentsLine(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last, last.allSatisfy({ $0.isNumber || "ivxlc".contains($0) }) else { return false }
        return text.contains(". . . .") || text.contains("....")
    }

    /// Whether a line reads as a bookmark's title (case, spacing and a section number aside).
    static func sameTitle(_ line: String, _ title: String) -> Bool {
        func key(_ s: String) -> String {
            s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(String.init)
                .joined()
        }
        let a = key(line), b = key(title)
        guard !b.isEmpty else { return false }
        if a == b { return true }
        // "2.1 Naming" against the bookmark "Naming", or the other way round.
        let digits = { (s: String) in String(s.drop { $0.isNumber }) }
        return digits(a) == digits(b) && !digits(b).isEmpty
    }

    /// The font sizes that mark headings when there is no outline, largest
    /// first: sizes at least `headingSizeRatio` × the body's (the size most
    /// characters are set in), used by short lines only.
    static func fontHeadingSizes(_ document: PDFDocumentText) -> [Double] {
        var characters: [Double: Int] = [:]
        for page in document.pages {
            for line in page.lines where line.fontSize > 0 { characters[line.fontSize, default: 0] += line.text.count }
        }
        guard let body = characters.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { return [] }
        return characters.keys.filter { $0 >= body * headingSizeRatio }.sorted(by: >)
    }

    /// The heading level of a line set in a heading size (nil for text).
    static func headingLevel(_ line: PDFDocumentText.Line, sizes: [Double]) -> Int? {
        guard let rank = sizes.firstIndex(of: line.fontSize) else { return nil }
        let words = line.text.split(separator: " ")
        guard words.count <= longestHeadingWords, line.text.contains(where: \.isLetter),
            !endsSentence(line.text) || line.text.hasSuffix("?"),
            !line.text.hasSuffix(",")
        else { return nil }
        return min(rank + 1, 3)
    }
}
