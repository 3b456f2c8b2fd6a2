import Foundation
import Testing

/// The REPL in a real pseudo-terminal (tmux): prompt, answers, completion,
/// history across runs, Ctrl-C and Ctrl-D.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (make test installs it)"))
struct REPLTests {
    /// Starts a session in the corpus folder (`--corpus .`: citations name files
    /// as the corpus does), its home and state in `folder`.
    func start(_ folder: TemporaryFolder, environment: String = "", corpus: String = seedCorpus, options: String = "") throws -> TmuxSession
    {
        // `swift test` may run us with NO_COLOR set; each test says what it wants.
        let command =
            "cd \(corpus) && unset NO_COLOR && XDG_STATE_HOME=\(folder.path)/state HOME=\(folder.path) TERM=xterm-256color \(environment) "
            + "\(footnoteBinary) --corpus . \(options)"
        return try TmuxSession(command, folder: folder)
    }

    @Test func promptAnswerCompletionInterruptAndExit() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder)
        let banner = try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        #expect(banner.contains("1 file, 13 passages"))
        #expect(banner.contains(":help"))

        try tmux.type("How do people access closed models?")
        try tmux.press("Enter")
        let answered = try tmux.waitFor("an answer") { $0.contains("[1] open-source-vs-closed-ai.txt:27-35") }
        #expect(answered.contains("accessed via APIs or platforms"))

        // Tab completes a command.
        try tmux.type(":rel")
        try tmux.press("Tab")
        try tmux.waitFor("completion to :reload") { tmux.lastLine($0).hasPrefix("footnote> :reload") }
        try tmux.press("Enter")
        try tmux.waitFor("the reload report") { $0.contains("Index up to date: ") }

        // Tab completes a corpus word.
        try tmux.type("transpa")
        try tmux.press("Tab")
        try tmux.waitFor("completion to transparency") { tmux.lastLine($0).hasPrefix("footnote> transparency") }

        // Ctrl-C clears the line and the session goes on. (Under ThreadSanitizer,
        // whose runtime holds signals back from readline's wait for a key, the
        // line is cleared with Ctrl-U instead: `make test-tsan`, RELIABILITY.md.)
        try tmux.press(ProcessInfo.processInfo.environment["FOOTNOTE_SANITIZER"] == "thread" ? "C-u" : "C-c")
        try tmux.waitForPrompt("after Ctrl-C")
        try tmux.type(":top 1")
        try tmux.press("Enter")
        try tmux.waitFor(":top reply") { $0.contains("Citing up to 1 passage per answer.") }

        // Ctrl-D on an empty line leaves with status 0.
        #expect(try tmux.leave().contains("EXIT=0"))
    }

    /// Words sharing a prefix are offered most frequent first, not in byte order.
    @Test func completionOffersFrequentWordsFirst() throws {
        let folder = TemporaryFolder()
        folder.write(
            "notes/tea.txt",
            "A tealight burns. " + String(repeating: "The teacup is full. ", count: 3)
                + String(repeating: "The teapot steams. ", count: 5) + "\n")
        let tmux = try start(folder, corpus: folder.path + "/notes")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        try tmux.type("tea")
        try tmux.press("Tab")
        try tmux.press("Tab")
        let listed = try tmux.waitFor("the offered words") { $0.contains("tealight") && $0.contains("teapot") && $0.contains("teacup") }
        let line = listed.split(separator: "\n").first { $0.contains("tealight") }.map(String.init) ?? ""
        let order = ["teapot", "teacup", "tealight"].map { line.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "\(line)")
        try tmux.press(ProcessInfo.processInfo.environment["FOOTNOTE_SANITIZER"] == "thread" ? "C-u" : "C-c")
        try tmux.leave()
    }

    @Test func commandsAnswerInPlace() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder)
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        try tmux.type(":sources"); try tmux.press("Enter")
        try tmux.waitFor(":sources") { $0.contains("13    open-source-vs-closed-ai.txt") && $0.contains("1 file, 13 passages.") }
        try tmux.type(":stats"); try tmux.press("Enter")
        let stats = try tmux.waitFor(":stats") { $0.contains("scoring     bm25") && $0.contains("index file  ") }
        #expect(stats.contains("/index.footnote ("), "\(stats)")
        try tmux.enter(":nonsense", expecting: "Unknown command ':nonsense'. Type :help for the list.")
        try tmux.enter(":top zero", expecting: "Usage: :top N")
        // :more shows the next passages of the last question, ranks continuing.
        try tmux.enter(":more", expecting: "Ask a question first; :more then shows its next passages.")
        try tmux.enter(":top 2", expecting: "Citing up to 2 passages per answer.")
        try tmux.enter("How do people access closed models?", expecting: "[2] ")
        let more = try tmux.enter(":more", expecting: "[4] ")
        let afterMore = more.components(separatedBy: "footnote> :more").last ?? ""
        #expect(afterMore.contains("[3] ") && !afterMore.contains("[1] ") && !afterMore.contains("[5] "), "\(afterMore)")
        // :json switches the answers to JSON lines and back.
        let question = "How do people access closed models?"
        try tmux.enter(":json maybe", expecting: "Usage: :json on|off (now off).")
        try tmux.enter(":json on", expecting: "Answers as JSON lines")
        try tmux.enter(question, expecting: "{\"question\":\"\(question)\"")
        try tmux.enter(":json off", expecting: "Answers as text.")
        try tmux.enter(question, expecting: "[1] open-source-vs-closed-ai.txt:27-35")
        try tmux.type(":quit"); try tmux.press("Enter")
        let end = try tmux.waitFor("exit") { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"))
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let folder = TemporaryFolder()
        do {
            let first = try start(folder)
            try first.waitFor("the prompt") { $0.contains("footnote>") }
            try first.type("who controls closed models")
            try first.press("Enter")
            try first.waitFor("an answer") { $0.contains("[1] ") }
            #expect(try first.leave().contains("EXIT=0"))
        }
        let history = try String(contentsOfFile: folder.path + "/state/footnote/history", encoding: .utf8)
        #expect(history.contains("who controls closed models"))

        let second = try start(folder)
        try second.waitFor("the prompt") { $0.contains("footnote>") }
        try second.press("Up")
        try second.waitFor("the recalled line") { second.lastLine($0) == "footnote> who controls closed models" }
        try second.press("C-u")  // Ctrl-D leaves only on an empty line
        #expect(try second.leave().contains("EXIT=0"))
    }

    @Test func colourOnATerminalUnlessNoColorOrDumbOrTheFlagSays() throws {
        for (environment, options, coloured) in [
            ("", "", true), ("NO_COLOR=1", "", false), ("TERM=dumb", "", false),
            ("", "--color never", false), ("NO_COLOR=1", "--color always", true),
        ] {
            let folder = TemporaryFolder()
            let tmux = try start(folder, environment: environment, options: options)
            try tmux.waitFor("the prompt") { $0.contains("footnote>") }
            try tmux.type("How do people access closed models?")
            try tmux.press("Enter")
            try tmux.waitFor("an answer") { $0.contains("[1] open-source-vs-closed-ai.txt:27-35") }
            let styled = try tmux.styledScreen()
            let answerLine = styled.split(separator: "\n").first { $0.contains("typically") }.map(String.init) ?? ""
            #expect(answerLine.contains("\u{1B}[") == coloured, "\(environment) \(options): \(answerLine)")
        }
    }

    @Test func excerptsWrapToTheTerminalWidth() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder)  // a 100-column window
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        try tmux.type("Why does open source foster innovation and collaboration across the world?")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("an answer") { $0.contains("[1] ") }
        let lines = screen.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count < 100 })
        // The top excerpt is cut between words into lines.
        let first = try #require(lines.firstIndex { $0.hasPrefix("Open source AI fosters rapid innovation") })
        #expect(lines[first].count > 60)
        #expect(lines[first + 1].contains("build on existing models."))
        #expect(!lines[first + 1].hasPrefix("[1]"))
    }

    /// A session on `notes/` of `folder` holding `files` (name → text), at its prompt.
    func startOnNotes(_ folder: TemporaryFolder, _ files: [(String, String)]) throws -> TmuxSession {
        for (name, text) in files { folder.write("notes/" + name, text) }
        let tmux = try start(folder, corpus: folder.path + "/notes")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        return tmux
    }

    @Test func reloadReadsOnlyWhatChanged() throws {
        let folder = TemporaryFolder()
        let tmux = try startOnNotes(folder, [("kettles.md", "# Kettles\n\nA kettle boils water for tea.\n")])
        folder.write("notes/mugs.md", "# Mugs\n\nA stoneware mug keeps cocoa warm.\n")
        try tmux.type(":reload")
        try tmux.press("Enter")
        let report = try tmux.waitFor("the update report") { $0.contains("Updated the index") }
        #expect(report.contains("Updated the index (1 added, 0 changed, 0 removed)"))
        #expect(report.contains("2 files"))
        try tmux.type("What keeps cocoa warm?")
        try tmux.press("Enter")
        let answer = try tmux.waitFor("an answer from the new file") { $0.contains("[1] mugs.md:3") }
        #expect(answer.contains("stoneware mug"))
    }

    /// Excerpts are read from the files: an answer found in a file edited since
    /// indexing updates the index first (saying so), never showing stale text.
    @Test func aFileEditedDuringTheSessionIsReadAgainBeforeAnswering() throws {
        let folder = TemporaryFolder()
        let tmux = try startOnNotes(
            folder,
            [
                ("kettles.md", "# Kettles\n\nA kettle boils water for tea.\n"),
                ("mugs.md", "# Mugs\n\nA stoneware mug keeps cocoa warm.\n"),
            ])
        folder.write("notes/kettles.md", "# Kettles\n\nA copper kettle boils water for green tea.\n")
        try tmux.type("What boils water?")
        try tmux.press("Enter")
        let answer = try tmux.waitFor("an answer from the edited file") { $0.contains("[1] kettles.md:3") }
        #expect(answer.contains("kettles.md changed since it was indexed; updating the index"))
        #expect(answer.contains("copper kettle"))
    }

    @Test func indexingShowsProgressOnATerminalAndErasesIt() throws {
        let folder = TemporaryFolder()
        let filler = String(repeating: "Kettles boil water for tea while teapots steep leaves slowly. ", count: 120)
        // Long enough to outlast the bar's half-second delay on a fast build:
        // 800 files on every core took 0.54 s, and the bar never showed.
        for i in 0..<1600 { folder.write("big/part\(i / 100)/note\(i).md", "# Note \(i)\n\n\(filler)word\(i)\n") }
        let command =
            "cd \(folder.path) && TERM=xterm-256color \(footnoteBinary) index --full --threads 1 --corpus big --index-dir \(folder.path)/index"
        let tmux = try TmuxSession(command, folder: folder)
        let during = try tmux.waitFor("a progress line", seconds: 60) {
            $0.contains("EXIT=") || ($0.contains(" files ") && $0.contains("MB/s") && $0.contains("ETA")) || $0.contains(" passages  [")
        }
        #expect(!during.contains("EXIT="), "indexing ended before any progress was drawn:\n\(during)")
        let done = try tmux.waitFor("the end", seconds: 120) { $0.contains("EXIT=") }
        #expect(done.contains("EXIT=0"))
        #expect(done.contains("big: 1600 files"), "\(done)")
        #expect(!done.contains("ETA") && !done.contains("passages  ["), "the progress line was left on screen:\n\(done)")
    }

    /// The acceptance script over the bundled corpus: a question, a
    /// follow-up that needs it, `:more`, `:why 1`, `:open 1`, a misspelled
    /// question and a quoted phrase, each naming the passage it must give
    /// by a phrase that passage contains.
    @Test func scriptedConversation() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder, environment: "NO_COLOR=1")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }

        let first = try tmux.reply(to: "What is open source AI?")
        #expect(first.hasPrefix("Open source AI refers to models whose code"), "\(first)")

        // Alone, "examples?" finds closed models' examples first; after the question above, open ones.
        let followUp = try tmux.reply(to: "examples?")
        #expect(followUp.hasPrefix("(following on: open, source, ai)\nExamples include: • Meta’s LLaMA"), "\(followUp)")
        #expect(followUp.contains("[1] open-source-vs-closed-ai.txt:15-23"))

        let more = try tmux.reply(to: ":more")
        #expect(more.contains("[4] ") && more.contains("[6] ") && !more.contains("[3] "), "\(more)")

        let why = try tmux.reply(to: ":why 1")
        #expect(why.hasPrefix("[1] open-source-vs-closed-ai.txt:15-23"), "\(why)")
        let sum = try #require(why.split(separator: "\n").first { $0.hasPrefix("score ") })
        #expect(sum.contains("from the terms") && sum.contains("proximity bonus"))
        #expect(why.contains("examples (exampl)") && why.contains("source (sourc)"))

        let open = try tmux.reply(to: ":open 1")
        #expect(open.contains("19 │   • Meta’s LLaMA (partially open)"), "\(open)")  // the source line's indentation kept
        #expect(
            open.contains("15 │ Open source AI refers to models") && open.contains("23 │ The core principle is transparency"), "\(open)")
        // The lines around it.
        #expect(open.contains("13 ┆ Defining Open Source AI") && open.contains("25 ┆ Defining Closed AI Models"), "\(open)")

        let typo = try tmux.reply(to: "how do reserchers examine systems for acountability?")
        #expect(
            typo.hasPrefix("(searched for *researchers*, *accountability*)\nTransparency in open source AI supports accountability"),
            "\(typo)")

        let phrase = try tmux.reply(to: "\"closed systems\"")
        #expect(phrase.hasPrefix("Open models distribute power broadly, while closed systems concentrate it"), "\(phrase)")
        #expect(phrase.contains("closed systems concentrate it") && !phrase.contains("[2]"))

        // :new forgets the topic: "examples?" is read on its own again.
        _ = try tmux.reply(to: ":new")
        let fresh = try tmux.reply(to: "examples?")
        #expect(fresh.hasPrefix("Examples include: • Commercial large language models"), "\(fresh)")

        let unknown = try tmux.reply(to: ":why 9")
        #expect(unknown.contains("has no passage [9]"))
        #expect(try tmux.leave().contains("EXIT=0"))
    }

    /// Issue 15's scripted cases over the bundled essay: a contrast, a complete
    /// question after an unrelated one, a reply, a pronoun follow-up, and
    /// `:why` naming the carried words.
    @Test func conversationReadsEachTurn() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder, environment: "NO_COLOR=1")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }

        let excel = try tmux.reply(to: "When does open source AI excel?")
        #expect(excel.contains("[1] open-source-vs-closed-ai.txt:119-125"), "\(excel)")
        // "and closed AI?" replaces "open source", the words it contrasts with.
        let contrast = try tmux.reply(to: "and closed AI?")
        #expect(
            contrast.hasPrefix("(following on: excel)\n(instead of: open, source)\nClosed models are often better suited for"),
            "\(contrast)")
        #expect(contrast.contains("[1] open-source-vs-closed-ai.txt:130-136"))
        let why = try tmux.reply(to: ":why 1")
        #expect(why.contains("excel [carried ×"), "\(why)")

        // A complete question about another part of the essay stands alone.
        let access = try tmux.reply(to: "How do people access closed models?")
        #expect(!access.hasPrefix("(following on"), "\(access)")
        #expect(access.contains("[1] open-source-vs-closed-ai.txt:27-35"), "\(access)")

        // "yes" is a reply, not a search for "yes".
        let yes = try tmux.reply(to: "yes")
        #expect(yes.hasPrefix("(taken as a reply; going on with: "), "\(yes)")

        // A pronoun points back to the topic.
        _ = try tmux.reply(to: ":new")
        _ = try tmux.reply(to: "What are closed AI models?")
        let pronoun = try tmux.reply(to: "how are they accessed?")
        #expect(pronoun.contains("[1] open-source-vs-closed-ai.txt:27-35"), "\(pronoun)")
        // A change of subject is not bent toward the old one.
        let change = try tmux.reply(to: "Why does transparency support accountability?")
        #expect(change.hasPrefix("Transparency in open source AI supports accountability"), "\(change)")
        #expect(change.contains("[1] open-source-vs-closed-ai.txt:102-104"), "\(change)")
        #expect(try tmux.leave().contains("EXIT=0"))
    }

    /// On a colour terminal the carried-over words are dimmed and a correction's word is in italics.
    @Test func carriedWordsAreDimmedAndCorrectionsEmphasized() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder)
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        _ = try tmux.reply(to: "What is open source AI?")
        _ = try tmux.reply(to: "examples?")
        let styled = try tmux.styledScreen()
        #expect(styled.contains("\u{1B}[2m(following on: open, source, ai)"), "\(styled)")
        _ = try tmux.reply(to: "what is acountability?")
        let corrected = try tmux.styledScreen()
        #expect(corrected.contains("(searched for \u{1B}[3maccountability"), "\(corrected)")
    }

    /// Bad numbers and arguments to every command get a usage line; the session goes on.
    @Test func badCommandArgumentsGetAUsageLine() throws {
        let folder = TemporaryFolder()
        let tmux = try start(folder, environment: "NO_COLOR=1")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        for top in [":top 0", ":top -1", ":top 101", ":top 99999999999999999999999", ":top 1.5", ":top", ":top 1 2"] {
            #expect(try tmux.reply(to: top).hasPrefix("Usage: :top N, with N from 1 to 100 (now 3)."), "\(top)")
        }
        #expect(try tmux.reply(to: ":why").hasPrefix("Usage: :why N"))
        #expect(try tmux.reply(to: ":open 0").hasPrefix("Usage: :open N"))
        #expect(try tmux.reply(to: ":why 1").hasPrefix("Ask a question first"))
        #expect(try tmux.reply(to: ":open -3").hasPrefix("Usage: :open N"))
        #expect(try tmux.reply(to: ":NoSuch thing").hasPrefix("Unknown command ':NoSuch'."))
        #expect(try tmux.reply(to: "How do people access closed models?").contains("accessed via APIs or platforms"))
        // After an answer that declined, there is no passage to open, and the message says so.
        #expect(try tmux.reply(to: "Who invented the telephone?").hasPrefix("Nothing in the corpus answers that."))
        #expect(try tmux.reply(to: ":open 1").hasPrefix("The last answer cited no passages; ask it another way"))
    }

    /// A corpus built to attack the terminal, through every way it reaches
    /// the screen: answers, citations (its file name too), :open, :why, :sources.
    @Test func attackCorpusStaysInertOnATerminal() throws {
        let folder = TemporaryFolder()
        let attack =
            "Koala \u{1B}]0;TITLE\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\ "
            + "\u{1B}[31mred\u{1B}[0m \u{1B}[2J\u{1B}[H gone\rover\u{08}\u{08}written \u{202E}desrever\u{202C} eucalyptus.\n"
        folder.write("notes/evil\u{1B}[5mname.txt", attack)
        let tmux = try start(folder, corpus: folder.path + "/notes")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        for line in ["koala eucalyptus", ":open 1", ":why 1", ":sources"] {
            _ = try tmux.reply(to: line)
            let styled = try tmux.styledScreen()
            // Only footnote's own styling (bold, dim, italic, yellow highlight, reset) reaches the screen.
            let sequences = styled.components(separatedBy: "\u{1B}[").dropFirst().map {
                $0.prefix { !$0.isLetter } + String($0.first { $0.isLetter } ?? " ")
            }
            #expect(
                sequences.allSatisfy { ["1m", "2m", "3m", "23m", "0m", "1;33m", "33m", "39m", "49m", "22m", "m"].contains($0) },
                "\(line): \(Set(sequences))")
            for raw in ["\u{1B}]", "\u{1B}[31m", "\u{1B}[5m", "\u{1B}[2J", "\u{1B}[H", "\u{07}", "\u{202E}"] {
                #expect(!styled.contains(raw), "\(line): \(raw.unicodeScalars.map(\.value))")
            }
            if ["koala eucalyptus", ":open 1"].contains(line) { #expect(styled.contains("␛]52;c;cHduZWQ=␇"), "\(line)") }
        }
        let screen = try tmux.screen()
        #expect(screen.contains("evil␛[5mname.txt"), "\(screen)")
    }

    /// `:reload` in a session while other processes rebuild the same index:
    /// every reload replies, the session keeps answering, the index stays valid.
    @Test func reloadRacingIndexRunsKeepsAnswering() throws {
        let folder = TemporaryFolder()
        for i in 0..<200 {
            folder.write(
                "notes/note\(i).md",
                "# Note \(i)\n\nTopic \(i) covers kettle model k\(i * 7).\n"
                    + String(repeating: "Filler words about leaves and water. ", count: 40) + "\n")
        }
        let notes = folder.path + "/notes", index = folder.path + "/index"
        let tmux = try start(folder, environment: "NO_COLOR=1", corpus: notes, options: "--index-dir \(index)")
        try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        for round in 0..<5 {
            folder.write("notes/extra\(round).md", "# Extra \(round)\n\nThe wombat number \(round) digs.\n")
            let writers = try (0..<2).map { _ in try startFootnote(["index", "--full", "--corpus", notes, "--index-dir", index]) }
            // A reload that meets a writer's lock first says so on a line of its own.
            let reply = try tmux.reply(to: ":reload")
            let outcome = ["Updated the index", "Rebuilt the index", "Index up to date"].first { reply.contains($0) }
            #expect(
                outcome.map { reply.hasPrefix($0) || reply.hasPrefix("footnote: index: waiting for another footnote process") } == true,
                "round \(round): \(reply)")
            for w in writers {
                let r = w.finish()
                #expect(r.status == 0, "round \(round): \(r.stderr)")
            }
            let answer = try tmux.reply(to: "wombat number \(round)")
            #expect(answer.contains("The wombat number \(round) digs."), "round \(round): \(answer)")
        }
        let after = try runFootnote(["index", "--corpus", notes, "--index-dir", index])
        #expect(after.status == 0 && after.stdout.contains("205 files") && after.stderr.isEmpty, "\(after.stdout) \(after.stderr)")
        #expect(try tmux.leave().contains("EXIT=0"))
    }

    /// No --corpus, FOOTNOTE_CORPUS, config or ./corpus: the current folder,
    /// which the banner names in full with why.
    @Test func bannerNamesTheCurrentFolderWhenNothingElseIsSet() throws {
        let folder = TemporaryFolder()
        folder.write("notes/kettle.md", "# Kettle\n\nDescale the kettle with citric acid.\n")
        let command =
            "cd \(folder.path)/notes && XDG_STATE_HOME=\(folder.path)/state HOME=\(folder.path) NO_COLOR=1 TERM=xterm-256color \(footnoteBinary)"
        let tmux = try TmuxSession(command, folder: folder)
        let banner = try tmux.waitFor("the prompt") { $0.contains("footnote>") }
        // The banner is longer than the 100-column window: read it unwrapped.
        let expected = "\(folder.path)/notes (the current folder: no --corpus, FOOTNOTE_CORPUS, config file corpus or ./corpus): 1 file"
        #expect(banner.filter { !$0.isWhitespace }.contains(expected.filter { !$0.isWhitespace }), "\(banner)")
        try tmux.enter("how do I descale the kettle", expecting: "[1] kettle.md:3 · Kettle")
        #expect(try tmux.leave().contains("EXIT=0"))
    }

    /// With stdout redirected from a terminal (`footnote > answers.txt`), the
    /// file gets the answers and nothing else: no prompt, no banner, no
    /// readline control sequence (bracketed paste's ESC[?2004h); the prompt
    /// and messages stay on the terminal.
    @Test func redirectedStdoutGetsOnlyAnswers() throws {
        let folder = TemporaryFolder()
        let out = folder.path + "/answers.txt"
        let command =
            "cd \(seedCorpus) && XDG_STATE_HOME=\(folder.path)/state HOME=\(folder.path) TERM=xterm-256color \(footnoteBinary) -c . > \(out)"
        let tmux = try TmuxSession(command, folder: folder)
        let banner = try tmux.waitFor("the prompt on the terminal") { $0.contains("footnote>") }
        #expect(banner.contains("1 file, 13 passages"))
        try tmux.type(":top 1")
        try tmux.press("Enter")
        try tmux.waitFor("the :top reply on the terminal") { $0.contains("Citing up to 1 passage per answer.") }
        try tmux.type("How do people access closed models?")
        try tmux.press("Enter")
        try tmux.waitFor("the next prompt") { $0.components(separatedBy: "footnote>").count == 4 }
        #expect(try tmux.leave().contains("EXIT=0"))
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("Examples include:"), "\(written)")
        #expect(written.contains("[1] open-source-vs-closed-ai.txt:27-35") && !written.contains("[2] "))
        #expect(
            !written.contains("\u{1B}") && !written.contains("footnote>") && !written.contains("Citing up to"),
            "\(written.debugDescription)")
    }
}
