import FootnoteCorpus
import FootnoteSearch
import FootnoteAnswer

/// The REPL's two close looks at one passage of the last answer: `:open`
/// (the passage in full where it stands) and `:why` (its score, term by
/// term). All corpus text is sanitized for the terminal.
struct PassageViews {
    var style: TerminalStyle
    /// How files are named: openable from the current folder.
    var paths = OpenablePaths.asCited

    /// "[N] file:lines · Section", bold, wrapped as answers wrap citations.
    func heading(_ item: Answer.Item) -> String {
        let text = "[\(item.rank)] " + TerminalText.sanitize(item.citation.label(file: paths.path(item.citation.file)))
        return AnswerRenderer(style: style, showQuestion: false).wrap(text.unicodeScalars.map { (String($0), false) }, indent: 4)
            .map { style.bold($0) }.joined(separator: "\n") + "\n"
    }

    /// `:open N`: the citation, then the source lines, numbered, the
    /// passage's own plain and the lines around it dimmed; or, for a passage
    /// with no readable source lines (HTML, `.jsonl`), its text wrapped line
    /// by line, so that a code block keeps its lines and their indentation.
    func render(_ context: PassageContext, item: Answer.Item) -> String {
        var out = heading(item)
        guard !context.lines.isEmpty else {
            let renderer = AnswerRenderer(style: style, showQuestion: false)
            for line in context.text.split(separator: "\n", omittingEmptySubsequences: true) {
                let indentation = line.prefix { $0 == " " }
                let cells = line.dropFirst(indentation.count).unicodeScalars.map { (TerminalText.replacement($0), false) }
                guard !cells.isEmpty else { continue }
                out += renderer.wrap(cells, indent: indentation.count, lead: String(indentation)).joined(separator: "\n") + "\n"
            }
            return out
        }
        let gutter = String(context.lines.last!.number).count
        let renderer = AnswerRenderer(style: style, showQuestion: false)
        for line in context.lines {
            let number = String(line.number)
            let text = TerminalText.sanitize(line.text)
            // The line's own indentation is kept; long lines wrap under their text, past the gutter.
            let indentation = text.prefix { $0 == " " }
            let lead = String(repeating: " ", count: gutter - number.count) + number + (line.inPassage ? " │ " : " ┆ ") + indentation
            let wrapped = renderer.wrap(
                text.dropFirst(indentation.count).unicodeScalars.map { (String($0), false) },
                indent: gutter + 3 + indentation.count, lead: lead)
            out += wrapped.map { line.inPassage ? $0 : style.dim($0) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// `:why N`: the citation, the sum, then a row per ranked term: its
    /// frequency in the passage, its document frequency, the query weight,
    /// the passage's length factor, the posting score and the contribution.
    /// - Parameters:
    ///   - carried: words carried from earlier questions → their weight (a share of a question word's).
    ///   - pagePrior: the conversation's page prior on this passage (1: none), already in `explanation.score`.
    func render(_ explanation: Explanation, item: Answer.Item, carried: [String: Float] = [:], pagePrior: Float = 1) -> String {
        var out = heading(item)
        let sum =
            "\(Self.number(explanation.rankingScore)) from the terms"
            + (explanation.leadPrior == 1
                ? ""
                : " × \(Self.number(explanation.leadPrior)) file prior ("
                    + (explanation.leadPrior > 1 ? "near the start of its file)" : "a changelog: history, not how-to)"))
            + " + \(Self.number(explanation.proximityBonus)) proximity bonus (query words near each other)"
        let headed =
            explanation.headingMatch == 1
            ? sum
            : "(" + sum + ") × \(Self.number(explanation.headingMatch)) heading match (its heading holds the question's words)"
        out +=
            "score \(Self.number(explanation.score)) = "
            + (pagePrior == 1 ? headed : "(" + headed + ") × \(Self.number(pagePrior)) page prior (a page this conversation cited)") + "\n"
        out += style.dim("  " + explanation.formula) + "\n"
        let header = ["word", "tf", "df", "weight", explanation.passageFactorName, "posting", "adds"]
        var rows = [header]
        for t in explanation.terms {
            var word = (t.word.isEmpty || t.word == t.term) ? t.term : t.word + " (" + t.term + ")"
            if let share = carried[t.word.isEmpty ? t.term : t.word] { word += " [carried ×" + Self.number(share, places: 2) + "]" }
            rows.append([
                TerminalText.sanitize(word), Self.number(t.frequency, places: 1), String(t.documentFrequency),
                Self.number(t.weight), Self.number(t.passageFactor), Self.number(t.postingScore), Self.number(t.contribution),
            ])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for (r, row) in rows.enumerated() {
            let line =
                "  "
                + row.enumerated().map { c, cell in
                    c == 0 ? cell.padding(widths[c]) : String(repeating: " ", count: widths[c] - cell.count) + cell
                }.joined(separator: "  ")
            out += (r == 0 ? style.dim(line) : line) + "\n"
        }
        if !explanation.unknownTerms.isEmpty {
            out +=
                style.dim("  not in the corpus (adds 0): " + explanation.unknownTerms.map(TerminalText.sanitize).joined(separator: ", "))
                + "\n"
        }
        return out
    }

    /// `x` with `places` decimals.
    static func number(_ x: Float, places: Int = 4) -> String {
        guard x.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((Double(x) * scale).rounded())
        let whole = String(abs(scaled) / Int(scale)), frac = String(abs(scaled) % Int(scale))
        return (scaled < 0 ? "-" : "") + whole + (places > 0 ? "." + String(repeating: "0", count: places - frac.count) + frac : "")
    }
}
