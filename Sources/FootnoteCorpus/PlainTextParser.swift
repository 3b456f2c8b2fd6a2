/// Reads plain text into blocks: blank-line-separated paragraphs, lists, and
/// headings found by layout.
///
/// A heading is a short line (at most 12 words and 100 bytes) standing alone
/// between blank lines, containing a letter, not starting with a list marker,
/// and not ending in sentence punctuation (`.`, `,`, `;`, `:`). A question mark
/// is allowed: "What Are Open Source and Closed AI Models?" is a heading.
/// A line that reads as code or a fragment is never a heading (`looksLikeText`
/// says which). Headings head something: heading-like lines at the very end
/// of the text are paragraphs ("A line about giraffes" after the last
/// paragraph is text, not a section with nothing in it).
/// Levels come from layout too: headings stacked with only blank lines between
/// them nest (the first is level 1, the next level 2); a heading standing alone
/// is level 2 once the document has shown a stacked pair, level 1 before.
/// A text made only of such lines has no headings: its lines are paragraphs.
struct PlainTextParser {
    static func parse(_ bytes: [UInt8]) -> [Block] {
        let text = TextLines(bytes)
        let chunks = text.chunks()
        var blocks: [Block] = []
        var sawStack = false
        var k = 0
        while k < chunks.count {
            // Gather a stack of consecutive heading-like chunks.
            var stack: [Range<Int>] = []
            while k + stack.count < chunks.count, isHeading(chunks[k + stack.count], text) { stack.append(chunks[k + stack.count]) }
            // Heading-like lines that end the text head nothing: they are paragraphs.
            if !stack.isEmpty && k + stack.count == chunks.count {
                for chunk in stack { blocks.append(text.block(.paragraph, lines: chunk)) }
                break
            }
            if !stack.isEmpty {
                if stack.count > 1 { sawStack = true }
                for (depth, chunk) in stack.enumerated() {
                    let level = stack.count > 1 ? min(depth + 1, 3) : (sawStack ? 2 : 1)
                    blocks.append(text.heading(text.trimmed(text.lines[chunk.lowerBound]), level: level, lines: chunk))
                }
                k += stack.count
                continue
            }
            let chunk = chunks[k]
            let isList = chunk.allSatisfy { idx in
                let line = text.lines[idx]
                return text.startsWithBullet(line) || (idx != chunk.lowerBound && text.indent(line) > 0)
            }
            blocks.append(text.block(isList ? .list : .paragraph, lines: chunk))
            k += 1
        }
        // A text of only heading-like lines ("gamma = delta") is content, not headings.
        if !blocks.isEmpty
            && blocks.allSatisfy({
                if case .heading = $0.kind { return true }; return false
            })
        {
            return chunks.map { text.block(.paragraph, lines: $0) }
        }
        return blocks
    }

    static func isHeading(_ chunk: Range<Int>, _ text: TextLines) -> Bool {
        guard chunk.count == 1 else { return false }
        let line = text.lines[chunk.lowerBound]
        guard line.end - line.start <= 100, !text.startsWithBullet(line) else { return false }
        let s = text.trimmed(line)
        guard let last = s.last, s.contains(where: { $0.isLetter }) else { return false }
        if ".,;:".contains(last) { return false }
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.count <= 12 && looksLikeHeadingText(s, words: words)
    }

    /// Words that end a fragment, not a title ("When you're ready, just run").
    static let fragmentEnds: Set<Substring> = [
        "a", "an", "the", "to", "of", "and", "or", "but", "with", "for", "in", "on",
        "at", "by", "from", "as", "is", "are", "was", "be", "that", "this", "if",
        "then", "than", "just", "run", "type", "use", "enter", "see", "e.g", "i.e",
    ]

    /// False for lines that are code, commands or fragments of a sentence:
    /// a shell prompt (`$ git revert -m 1 M`, `# apt install`, `% make`, `> x`),
    /// a first letter in lower case (`pname=$0`, `git commit`), markup or code
    /// characters (`=`, `::`, `[]`, `{`, `}`, `;`, `(`…`)` calls, `<`, `>`,
    /// `` ` ``, `|`, `\`), a path or option (`/usr/bin`, `./x`, `--all`), or
    /// a comma followed by a lower-case ending or a last word that cannot end
    /// a title ("to", "the", "just", "run": `fragmentEnds`).
    static func looksLikeHeadingText(_ s: Substring, words: [Substring]) -> Bool {
        guard let first = s.first else { return false }
        if "$#%>/.-*+|".contains(first) { return false }
        if first.isASCII && first.isLowercase { return false }
        for code in ["=", "::", "[]", "{", "}", ";", "()", "<", ">", "`", "|", "\\", "--", "->", "=>", "$("] where s.contains(code) {
            return false
        }
        if s.hasSuffix("]") && s.contains("[") { return false }
        guard let lastWord = words.last else { return false }
        let ending = lastWord.lowercased()
        if let c = lastWord.first, c.isLowercase {
            if s.contains(",") || fragmentEnds.contains(Substring(ending)) { return false }
        }
        return true
    }
}

extension PlainTextParser: DocumentParser {
    var format: DocumentFormat { .plainText }
    var extensions: [String] { ["txt", "text"] }
    var showsSourceLines: Bool { true }
    /// A `.txt` file that is AsciiDoc (`AsciiDocParser.looksLikeAsciiDoc`) is read as AsciiDoc.
    func parse(_ bytes: [UInt8]) -> DocumentParse {
        .blocks(AsciiDocParser.looksLikeAsciiDoc(bytes) ? AsciiDocParser.parse(bytes) : Self.parse(bytes))
    }
}

extension DocumentFormat {
    public static let plainText = DocumentFormat(rawValue: "text")
}
