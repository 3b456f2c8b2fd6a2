import FootnoteAnswer
import FootnoteAnalysis

/// Renders an `Answer` as text for a person: each excerpt (matched words
/// highlighted, wrapped on a terminal), then its citation line
/// `[1] file:41-45 · Section`, a blank line between answers; or the notice.
/// All corpus text is sanitized for the terminal.
struct AnswerRenderer {
    var style: TerminalStyle
    /// Print the question first (piped mode, where many answers follow each other).
    var showQuestion: Bool
    /// How files are named: openable from the current folder.
    var paths = OpenablePaths.asCited

    func render(_ answer: Answer) -> String {
        var out = ""
        if showQuestion { out += style.bold("Q: " + TerminalText.sanitize(answer.question)) + "\n" }
        for line in prefaceLines(answer) { out += line + "\n" }
        if let notice = answer.notice {
            out += notice.message + "\n"
            if let unknown = unknownWordsLine(answer) { out += unknown + "\n" }
            if answer.contextTried { out += style.dim("(tried alone and with the earlier questions' words)") + "\n" }
            return out
        }
        for (n, item) in answer.items.enumerated() {
            if n > 0 { out += "\n" }
            out += excerptLines(item.excerpt).joined(separator: "\n") + "\n"
            let citation = "[\(item.rank)] " + TerminalText.sanitize(item.citation.label(file: paths.path(item.citation.file)))
            out +=
                wrap(citation.unicodeScalars.map { (String($0), false) }, indent: 4)
                .map { style.dim($0) }.joined(separator: "\n") + "\n"
            if !item.alsoIn.isEmpty {
                let also =
                    "also in: " + item.alsoIn.map { TerminalText.sanitize($0.location(file: paths.path($0.file))) }.joined(separator: ", ")
                out +=
                    wrap(also.unicodeScalars.map { (String($0), false) }, indent: 6, lead: "    ")
                    .map { style.dim($0) }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    /// When the bot gave no passages, the question's words it neither knows
    /// nor could correct: part of why (an answer that has passages does not
    /// dwell on the words it passed over; JSON lists them always).
    func unknownWordsLine(_ answer: Answer) -> String? {
        guard !answer.unknownWords.isEmpty else { return nil }
        let words = answer.unknownWords.map { style.emphasis(TerminalText.sanitize($0)) }.joined(separator: ", ")
        return answer.unknownWords.count == 1
            ? "(\(words) is not in the corpus, nor any word close to it)"
            : "(\(words) are not in the corpus, nor any word close to them)"
    }

    /// What the bot read the question as, before its answer: "(searched for
    /// *transparency*)" for the corrected words, and (dimmed) the words
    /// carried over from earlier questions that the passages use.
    func prefaceLines(_ answer: Answer) -> [String] {
        var lines: [String] = []
        if let asked = answer.askedBytes {
            lines.append(
                "(the question was \(formatCount(asked)) bytes long; only its first \(formatCount(answer.question.utf8.count)) were read)")
        }
        if !answer.corrections.isEmpty {
            lines.append(
                "(searched for "
                    + answer.corrections.map { style.emphasis(TerminalText.sanitize($0.replacement)) }
                    .joined(separator: ", ") + ")")
        }
        if answer.notice != nil { return lines }
        if answer.reading == .reply {
            let topic = answer.carried.prefix(4).map { TerminalText.sanitize($0.term.word.isEmpty ? $0.term.text : $0.term.word) }
            lines.append(
                style.dim(
                    topic.isEmpty
                        ? "(taken as a reply; ask a question to go on)"
                        : "(taken as a reply; going on with: " + topic.joined(separator: ", ") + ")"))
        } else if !answer.carriedWords.isEmpty {
            lines.append(style.dim("(following on: " + answer.carriedWords.map(TerminalText.sanitize).joined(separator: ", ") + ")"))
        }
        if !answer.replacedWords.isEmpty {
            lines.append(style.dim("(instead of: " + answer.replacedWords.map(TerminalText.sanitize).joined(separator: ", ") + ")"))
        }
        return lines
    }

    /// The excerpt, sanitized, highlighted and wrapped.
    func excerptLines(_ excerpt: Excerpt) -> [String] {
        // Mark each scalar as highlighted or not, sanitizing as we go.
        var cells: [(text: String, marked: Bool)] = []
        var h = 0
        for (offset, scalar) in excerpt.text.unicodeScalars.enumerated() {
            while h < excerpt.highlights.count && excerpt.highlights[h].upperBound <= offset { h += 1 }
            let marked = h < excerpt.highlights.count && excerpt.highlights[h].contains(offset)
            cells.append((TerminalText.replacement(scalar), marked))
        }
        return wrap(cells, indent: 0)
    }

    /// Fills lines of at most `style.width` columns (when set) with the words
    /// of `cells`; continuation lines start with `indent` spaces.
    /// `lead` starts the first line as it is (spaces kept), counted in its width.
    func wrap(_ cells: [(text: String, marked: Bool)], indent: Int, lead: String = "") -> [String] {
        var words: [[(text: String, marked: Bool)]] = [[]]
        for cell in cells {
            if cell.text == " " { if !words[words.count - 1].isEmpty { words.append([]) } } else { words[words.count - 1].append(cell) }
        }
        if words.last?.isEmpty == true { words.removeLast() }
        var lines: [String] = []
        var line = lead, lineWidth = lead.unicodeScalars.count, wordsOnLine = 0
        for word in words {
            if let width = style.width, wordsOnLine > 0, lineWidth + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineWidth = indent
                wordsOnLine = 0
            }
            if wordsOnLine > 0 { line += " "; lineWidth += 1 }
            line += styled(word)
            lineWidth += word.count
            wordsOnLine += 1
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private func styled(_ word: [(text: String, marked: Bool)]) -> String {
        var out = "", run = "", runMarked = false
        for cell in word {
            if cell.marked != runMarked && !run.isEmpty {
                out += runMarked ? style.highlight(run) : run
                run = ""
            }
            runMarked = cell.marked
            run += cell.text
        }
        out += runMarked ? style.highlight(run) : run
        return out
    }
}
