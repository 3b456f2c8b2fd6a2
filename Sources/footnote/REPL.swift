import FootnoteCorpus
import FootnoteSearch
import FootnoteAnswer
#if canImport(Glibc)
import Glibc
#endif

/// The interactive session: a banner, then questions and `:commands` read with
/// GNU readline until `:quit` or Ctrl-D. With questions piped on stdin
/// (`runPiped`), the same commands on lines of their own (as sqlite3's
/// dot-commands): each question stands alone and is printed before its answer.
struct REPL {
    let session: Session
    var top: Int
    var json: Bool
    let color: ColorChoice
    /// The line editor on a terminal; nil for piped questions.
    let editor: LineEditor?
    /// How many passages were shown for the last question (`:more`).
    var shown = 0
    /// The last answer with every passage shown for it (`:why`, `:open`), and
    /// `session.reloads` when it was given (its passage numbers hold until the next reload).
    var lastAnswer: Answer?
    var lastAnswerReloads = 0
    /// The turns so far, which follow-ups lean on; `:new` forgets them.
    let conversation: Conversation
    /// The last question (piped, `:more` asks it again, alone), the line being
    /// read (named in errors), and whether anything was printed yet (a blank
    /// line separates answers).
    var lastQuestion: String?
    var lineNumber = 0
    var printedAnswer = false

    /// The `:commands`: name, what follows it, and what it does (ASCII only:
    /// the man page is made from this list too).
    static let commands: [(name: String, arguments: String, help: String)] = [
        (":help", "", "show this list"),
        (":reload", "", "bring the index up to date (reads only added and changed files)"),
        (":top", "N", "cite N passages per answer (1-100)"),
        (":json", "on|off", "answer as JSON lines, or as text"),
        (":more", "", "the next passages for the last question"),
        (":open", "N", "passage N in full, with the lines around it"),
        (":why", "N", "how passage N's score adds up, term by term"),
        (":new", "", "a new topic: forget the earlier questions"),
        (":sources", "", "list the indexed files and their passage counts"),
        (":stats", "", "corpus and index figures"),
        (":quit", "", "leave (Ctrl-D works too)"),
    ]

    /// The commands, a line each, as `:help` and `footnote help` list them.
    static var commandLines: [String] {
        commands.map { "  " + ($0.arguments.isEmpty ? $0.name : $0.name + " " + $0.arguments).padding(13) + " " + $0.help }
    }

    /// - Parameter interactive: read lines with readline (a terminal), or not (`runPiped`).
    init(
        session: Session, top: Int, json: Bool, color: ColorChoice = .auto, conversation options: Conversation.Options = .init(),
        interactive: Bool = true
    ) {
        self.session = session
        self.top = top
        self.json = json
        self.color = color
        conversation = Conversation(engine: session.engine, options: options)
        editor =
            interactive
            ? LineEditor(
                historyPath: LineEditor.defaultHistoryPath(),
                commands: REPL.commands.map(\.name) + [":exit"],
                words: WordCompletion(session.engine.corrector)) : nil
    }

    /// A line of input: a `:command` (its text), or a question (`\:` at the
    /// start writes a question that starts with `:`); nil for a blank line.
    enum Line: Equatable {
        case command(String)
        case question(String)

        init?(_ line: String) {
            let text = String(line.trimmingWhitespace())
            if text.isEmpty { return nil }
            if text.hasPrefix(":") {
                self = .command(text)
            } else if text.hasPrefix("\\:") {
                self = .question(String(text.dropFirst()))
            } else {
                self = .question(text)
            }
        }
    }

    mutating func run() {
        guard let editor else { return runPiped() }
        // With stdout redirected (`footnote > answers.txt`), the banner and
        // prompt go to the terminal on stderr, and only answers to the file.
        if isatty(1) == 1 {
            say(style.dim(bannerText()))
        } else {
            writeStderr(TerminalStyle.forStderr(color: color).dim(bannerText()) + "\n")
        }
        while let raw = editor.readLine(prompt: "footnote> ") {
            guard let line = Line(raw) else { continue }
            editor.remember(String(raw.trimmingWhitespace()))
            switch line {
            case .command(let text): if !handle(command: text) { return finish() }
            case .question(let text): answerAndShow(text)
            }
        }
        finish()
    }

    /// Leaving: a new line after the prompt on a terminal.
    private func finish() {
        if isatty(1) == 1 { say("") } else if isatty(2) == 1 { writeStderr("\n") }
    }

    /// Questions and `:commands` from stdin, a line each, until its end or
    /// `:quit`. Every question is answered alone; settings (`:top 5`,
    /// `:json on`) apply to the questions after them and print nothing;
    /// a command that cannot run says why on stderr, with its line number.
    mutating func runPiped() {
        while let raw = readLine(strippingNewline: true) {
            lineNumber += 1
            guard let line = Line(raw) else { continue }
            switch line {
            case .command(let text): if !handle(command: text) { return }
            case .question(let text): answerAndShow(text)
            }
        }
    }

    var interactive: Bool { editor != nil }

    var style: TerminalStyle { .forStdout(color: color) }

    /// The conversation's answer to `question`, or (piped) its answer
    /// alone; the index is brought up to date first when a file changed
    /// (completion then offers the new words).
    func ask(_ question: String, top: Int) -> Answer {
        guard let editor else { return session.answer(question, top: top) }
        let reloads = session.reloads
        let answer = session.answer(question, top: top, in: conversation)
        if session.reloads != reloads { editor.updateWords(WordCompletion(session.engine.corrector)) }
        return answer
    }

    /// Asks `question` for `top` passages, shows the answer and keeps it for `:more`, `:why` and `:open`.
    mutating func answerAndShow(_ question: String) {
        lastQuestion = question
        let answer = ask(question, top: top)
        shown = answer.items.count
        remember(answer)
        show(answer)
    }

    /// Keeps a new answer for `:why` and `:open`.
    mutating func remember(_ answer: Answer) {
        lastAnswer = answer
        lastAnswerReloads = session.reloads
    }

    /// An answer: a JSON line, or text (piped: after its question, a blank line between answers).
    mutating func show(_ answer: Answer) {
        if json { say(JSONAnswerWriter.line(for: answer, paths: session.paths)); return }
        if !interactive && printedAnswer { say("") }
        write(AnswerRenderer(style: style, showQuestion: !interactive, paths: session.paths).render(answer))
        printedAnswer = true
    }

    /// `:more`: the last question asked again for `top` more passages, of
    /// which those not shown yet are shown, with their ranks.
    mutating func showMore() {
        guard shown < Self.maximumShown else {
            complain("That was the first \(Self.maximumShown) passages for that question; ask it another way for others.")
            return
        }
        // Ranked again exactly as it was first asked: the same carried words and pages (piped: alone).
        let depth = min(shown + top, Self.maximumShown)
        guard
            var answer = interactive
                ? session.more(top: depth, in: conversation)
                : lastQuestion.map({ session.answer($0, top: depth) })
        else {
            complain("Ask a question first; :more then shows its next passages.")
            return
        }
        guard answer.notice == nil else { show(answer); return }
        remember(answer)
        answer.items = answer.items.filter { $0.rank > shown }
        guard !answer.items.isEmpty else {
            complain("No more passages for that question.")
            return
        }
        shown += answer.items.count
        show(answer)
    }

    /// The most passages `:more` goes to for one question.
    static let maximumShown = 100

    /// "corpus: 1 file, 27 passages (3 ms)"; a corpus not named by `--corpus`
    /// or `./corpus` is named in full with where it came from
    /// ("/home/u/notes (from FOOTNOTE_CORPUS): …").
    func bannerLine() -> String {
        let c = session.corpus
        let name =
            session.corpusChoice.reason.map { TerminalText.sanitize(c.absolutePath) + " (" + TerminalText.sanitize($0) + ")" }
            ?? TerminalText.sanitize(c.path)
        return name + ": \(c.documents.count) file\(c.documents.count == 1 ? "" : "s"), "
            + "\(c.passages.count) passage\(c.passages.count == 1 ? "" : "s") (\(formatDuration(session.buildSeconds)))"
    }

    /// The banner's text, unstyled.
    func bannerText() -> String { "Footnote \(Footnote.version) · \(bannerLine()) · :help, Ctrl-D to leave" }

    /// Runs a `:command`; returns false to leave the session.
    mutating func handle(command line: String) -> Bool {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let name = parts[0].lowercased()
        switch name {
        case ":quit", ":q", ":exit":
            return false
        case ":help", ":h", ":?":
            say("Type a question to get cited excerpts. Commands:")
            for line in REPL.commandLines { say(line) }
        case ":reload":
            do {
                try session.reload()
                editor?.updateWords(WordCompletion(session.engine.corrector))
                switch session.provenance {
                case .reused: note("Index up to date: " + bannerLine() + ".")
                case .updated:
                    note("Updated the index \(session.provenance.changes ?? ""): " + bannerLine() + ", \(session.index.termCount) terms.")
                case .built: note("Rebuilt the index: " + bannerLine() + ", \(session.index.termCount) terms.")
                }
            } catch let error as FootnoteError {
                complain("Reload failed, keeping the previous index: " + TerminalText.sanitize(error.message))
            } catch {
                complain("Reload failed, keeping the previous index: \(error)")
            }
        case ":top":
            guard parts.count == 2, let n = Int(parts[1]), (1...100).contains(n) else {
                complain("Usage: :top N, with N from 1 to 100 (now \(top)).")
                return true
            }
            top = n
            confirm("Citing up to \(n) passage\(n == 1 ? "" : "s") per answer.")
        case ":json":
            guard parts.count == 2, let on = ["on": true, "off": false][parts[1].lowercased()] else {
                complain("Usage: :json on|off (now \(json ? "on" : "off")).")
                return true
            }
            json = on
            confirm(on ? "Answers as JSON lines (one object per question)." : "Answers as text.")
        case ":more":
            showMore()
        case ":new":
            conversation.reset()
            confirm("New topic: the next question is read on its own.")
        case ":why", ":open":
            guard parts.count == 2, let n = Int(parts[1]), n >= 1 else {
                complain("Usage: \(name) N, where N is a passage's number in the last answer ([1], [2], …).")
                return true
            }
            guard let answer = lastAnswer, let item = answer.items.first(where: { $0.rank == n }) else {
                switch lastAnswer?.items.isEmpty {
                case false?: complain("The last answer has no passage [\(n)]; it showed [1]–[\(shown)].")
                case true?: complain("The last answer cited no passages; ask it another way, then \(name) N refers to its passage [N].")
                case nil: complain("Ask a question first; \(name) N then refers to its passage [N].")
                }
                return true
            }
            guard lastAnswerReloads == session.reloads else {
                complain("The index was updated since that answer; ask the question again.")
                return true
            }
            if name == ":why" {
                guard let explanation = session.engine.explain(answer, passage: item.passage) else { return true }
                // The words carried from earlier questions in the query this passage was ranked by.
                let query = answer.fromContext.contains(item.passage) ? answer.contextQuery : answer.query
                let carried = Dictionary(
                    (query?.terms ?? []).filter { $0.boost != 1 }.map { ($0.word.isEmpty ? $0.text : $0.word, $0.boost) },
                    uniquingKeysWith: { a, _ in a })
                write(
                    PassageViews(style: style, paths: session.paths).render(
                        explanation, item: item, carried: carried,
                        pagePrior: answer.pagePrior[item.passage] ?? 1))
            } else {
                switch session.corpus.context(ofPassage: item.passage) {
                case .success(let context): write(PassageViews(style: style, paths: session.paths).render(context, item: item))
                case .failure(let failure):
                    complain("Cannot open [\(n)]: \(TerminalText.sanitize(failure.description)); :reload and ask again.")
                }
            }
        case ":sources":
            for doc in session.corpus.documents {
                say("  \(doc.passageCount)".padding(7) + " " + TerminalText.sanitize(doc.citedPath))
            }
            let files = session.corpus.documents.count
            let passages = session.corpus.passages.count
            say("\(files) file\(files == 1 ? "" : "s"), \(passages) passage\(passages == 1 ? "" : "s").")
        case ":stats":
            let idx = session.index
            say("corpus      " + TerminalText.sanitize(session.corpus.absolutePath))
            say(
                "files       \(session.corpus.documents.count) (\(formatBytes(session.corpus.byteCount))), \(session.corpus.skippedCount) skipped"
            )
            say("passages    \(idx.passageCount), \(format1(idx.averagePassageLength)) terms on average")
            say("terms       \(idx.termCount) distinct, \(idx.postingCount) postings")
            say("scoring     \(session.engine.searcher.model.name), top \(top)")
            let why = session.provenance == .reused ? "(nothing changed since it was built)" : session.provenance.changes
            say((session.provenance.verb + " in").padding(12) + formatDuration(session.buildSeconds) + (why.map { " " + $0 } ?? ""))
            say("index file  " + TerminalText.sanitize(session.indexFileDescription))
        default:
            complain("Unknown command '\(TerminalText.sanitize(parts[0]))'. Type :help for the list.")
        }
        return true
    }

    func say(_ line: String) { write(line + "\n") }

    /// What a setting became (`:top 5`): said on a terminal, silent when piped.
    func confirm(_ line: String) { if interactive { tell(line) } }

    /// What happened (`:reload`): said on a terminal, on stderr when piped.
    func note(_ line: String) { if interactive { tell(line) } else { printError(line) } }

    /// Why a command cannot run: said on a terminal; piped, on stderr
    /// with the line of input it came from.
    func complain(_ line: String) {
        if interactive { tell(line) } else { printError("line \(lineNumber): " + line) }
    }

    /// A message to the person at the terminal: on stdout, or on stderr
    /// when stdout is redirected (only answers and asked-for listings go there).
    func tell(_ line: String) {
        if isatty(1) == 1 { say(line) } else { writeStderr(TerminalText.sanitize(line) + "\n") }
    }

    func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
