import FootnoteCore
#if canImport(Glibc)
import Glibc
#endif

/// The interactive session: a banner, then questions and `:commands` read with
/// GNU readline until `:quit` or Ctrl-D.
struct REPL {
    let session: Session
    var top: Int
    var json: Bool
    let color: ColorChoice
    let editor: LineEditor
    /// How many passages were shown for the last question (`:more`).
    var shown = 0
    /// The last answer with every passage shown for it (`:why`, `:open`), and
    /// `session.reloads` when it was given (its passage numbers hold until the next reload).
    var lastAnswer: Answer?
    var lastAnswerReloads = 0
    /// The turns so far, which follow-ups lean on; `:new` forgets them.
    let conversation: Conversation

    static let commands: [(name: String, help: String)] = [
        (":help", "show this list"),
        (":reload", "bring the index up to date (reads only added and changed files)"),
        (":top", ":top N — cite N passages per answer (1-100)"),
        (":json", ":json on|off — answer as JSON lines, or as text"),
        (":more", "the next passages for the last question"),
        (":open", ":open N — passage N in full, with the lines around it"),
        (":why", ":why N — how passage N's score adds up, term by term"),
        (":new", "a new topic: forget the earlier questions"),
        (":sources", "list the indexed files and their passage counts"),
        (":stats", "corpus and index figures"),
        (":quit", "leave (Ctrl-D works too)"),
    ]

    /// The commands, a line each, as `:help` and `footnote help` list them.
    static var commandLines: [String] { commands.map { "  " + $0.name.padding(9) + " " + $0.help } }

    init(session: Session, top: Int, json: Bool, color: ColorChoice = .auto, conversation options: Conversation.Options = .init()) {
        self.session = session
        self.top = top
        self.json = json
        self.color = color
        conversation = Conversation(engine: session.engine, options: options)
        editor = LineEditor(historyPath: LineEditor.defaultHistoryPath(),
                            commands: REPL.commands.map(\.name) + [":exit"],
                            vocabulary: session.index.vocabulary, counts: REPL.wordCounts(session))
    }

    mutating func run() {
        say(style.dim("Footnote \(Footnote.version) · \(bannerLine()) · :help, Ctrl-D to leave"))
        while let line = editor.readLine(prompt: "footnote> ") {
            let text = String(line.trimmingWhitespace())
            if text.isEmpty { continue }
            editor.remember(text)
            if text.hasPrefix(":") {
                if !handle(command: text) { break }
            } else {
                let answer = ask(text, top: top)
                shown = answer.items.count
                remember(answer)
                show(answer)
            }
        }
        if isatty(1) == 1 { say("") }
    }

    var style: TerminalStyle { .forStdout(color: color) }

    /// How often each completion word occurs in the corpus (nil when the
    /// stored word lists are damaged: completion then offers byte order):
    /// the counts the engine's spelling corrector ranks by, counted once for both.
    static func wordCounts(_ session: Session) -> [Int32]? { session.engine.corrector.counts }

    /// The conversation's answer to `question` (the index brought up to
    /// date first when a file changed; completion then offers the new words).
    func ask(_ question: String, top: Int) -> Answer {
        let reloads = session.reloads
        let answer = session.answer(question, top: top, in: conversation)
        if session.reloads != reloads { editor.updateVocabulary(session.index.vocabulary, counts: REPL.wordCounts(session)) }
        return answer
    }

    /// Keeps a new answer for `:why` and `:open`.
    mutating func remember(_ answer: Answer) {
        lastAnswer = answer
        lastAnswerReloads = session.reloads
    }

    func show(_ answer: Answer) {
        if json { say(JSONAnswerWriter.line(for: answer)) }
        else { write(AnswerRenderer(style: style, showQuestion: false).render(answer)) }
    }

    /// `:more`: the last question asked again for `top` more passages, of
    /// which those not shown yet are shown, with their ranks.
    mutating func showMore() {
        guard shown < Self.maximumShown else {
            say("That was the first \(Self.maximumShown) passages for that question; ask it another way for others.")
            return
        }
        // Ranked again exactly as it was first asked: the same carried words and pages.
        guard var answer = session.more(top: min(shown + top, Self.maximumShown), in: conversation) else {
            say("Ask a question first; :more then shows its next passages.")
            return
        }
        guard answer.notice == nil else { show(answer); return }
        lastAnswer = answer
        lastAnswerReloads = session.reloads
        answer.items = answer.items.filter { $0.rank > shown }
        guard !answer.items.isEmpty else {
            say("No more passages for that question.")
            return
        }
        shown += answer.items.count
        show(answer)
    }

    /// The most passages `:more` goes to for one question.
    static let maximumShown = 100

    func bannerLine() -> String {
        let c = session.corpus
        return TerminalText.sanitize(c.path) + ": \(c.documents.count) file\(c.documents.count == 1 ? "" : "s"), "
            + "\(c.passages.count) passage\(c.passages.count == 1 ? "" : "s") (\(formatDuration(session.buildSeconds)))"
    }

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
                editor.updateVocabulary(session.index.vocabulary, counts: REPL.wordCounts(session))
                switch session.provenance {
                case .reused: say("Index up to date: " + bannerLine() + ".")
                case .updated:
                    say("Updated the index \(session.provenance.changes ?? ""): " + bannerLine() + ", \(session.index.termCount) terms.")
                case .built: say("Rebuilt the index: " + bannerLine() + ", \(session.index.termCount) terms.")
                }
            } catch let error as FootnoteError {
                say("Reload failed, keeping the previous index: " + TerminalText.sanitize(error.message))
            } catch {
                say("Reload failed, keeping the previous index: \(error)")
            }
        case ":top":
            guard parts.count == 2, let n = Int(parts[1]), (1...100).contains(n) else {
                say("Usage: :top N, with N from 1 to 100 (now \(top)).")
                return true
            }
            top = n
            say("Citing up to \(n) passage\(n == 1 ? "" : "s") per answer.")
        case ":json":
            guard parts.count == 2, let on = ["on": true, "off": false][parts[1].lowercased()] else {
                say("Usage: :json on|off (now \(json ? "on" : "off")).")
                return true
            }
            json = on
            say(on ? "Answers as JSON lines (one object per question)." : "Answers as text.")
        case ":more":
            showMore()
        case ":new":
            conversation.reset()
            say("New topic: the next question is read on its own.")
        case ":why", ":open":
            guard parts.count == 2, let n = Int(parts[1]), n >= 1 else {
                say("Usage: \(name) N, where N is a passage's number in the last answer ([1], [2], …).")
                return true
            }
            guard let answer = lastAnswer, let item = answer.items.first(where: { $0.rank == n }) else {
                switch lastAnswer?.items.isEmpty {
                case false?: say("The last answer has no passage [\(n)]; it showed [1]–[\(shown)].")
                case true?: say("The last answer cited no passages; ask it another way, then \(name) N refers to its passage [N].")
                case nil: say("Ask a question first; \(name) N then refers to its passage [N].")
                }
                return true
            }
            guard lastAnswerReloads == session.reloads else {
                say("The index was updated since that answer; ask the question again.")
                return true
            }
            if name == ":why" {
                guard let explanation = session.engine.explain(answer, passage: item.passage) else { return true }
                // The words carried from earlier questions in the query this passage was ranked by.
                let query = answer.fromContext.contains(item.passage) ? answer.contextQuery : answer.query
                let carried = Dictionary((query?.terms ?? []).filter { $0.boost != 1 }.map { ($0.word.isEmpty ? $0.text : $0.word, $0.boost) },
                                         uniquingKeysWith: { a, _ in a })
                write(PassageViews(style: style).render(explanation, item: item, carried: carried,
                                                        pagePrior: answer.pagePrior[item.passage] ?? 1))
            } else {
                switch session.corpus.context(ofPassage: item.passage) {
                case .success(let context): write(PassageViews(style: style).render(context, item: item))
                case .failure(let failure):
                    say("Cannot open [\(n)]: \(TerminalText.sanitize(failure.description)); :reload and ask again.")
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
            say("files       \(session.corpus.documents.count) (\(formatBytes(session.corpus.byteCount))), \(session.corpus.skippedCount) skipped")
            say("passages    \(idx.passageCount), \(format1(idx.averagePassageLength)) terms on average")
            say("terms       \(idx.termCount) distinct, \(idx.postingCount) postings")
            say("scoring     \(session.engine.searcher.model.name), top \(top)")
            let why = session.provenance == .reused ? "(nothing changed since it was built)" : session.provenance.changes
            say((session.provenance.verb + " in").padding(12) + formatDuration(session.buildSeconds) + (why.map { " " + $0 } ?? ""))
            say("index file  " + TerminalText.sanitize(session.indexFileDescription))
        default:
            say("Unknown command '\(TerminalText.sanitize(parts[0]))'. Type :help for the list.")
        }
        return true
    }

    func say(_ line: String) { write(line + "\n") }

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
