import Foundation
import Testing

/// The binary end to end: piped questions, `ask`, `index`, JSON, exit codes.
@Suite struct PipedAnswerTests {
    @Test func pipedQuestionCitesTheRightPassage() throws {
        let r = try runFootnote(["--corpus", seedCorpus], input: "How do people access closed models?\n")
        #expect(r.status == 0)
        let blocks = r.stdout.components(separatedBy: "\n\n")
        #expect(blocks[0].hasPrefix("Q: How do people access closed models?\n"))
        #expect(blocks[0].contains("accessed via APIs or platforms"))
        #expect(
            blocks[0].contains(
                "[1] \(seedCorpus)/open-source-vs-closed-ai.txt:27-35 · What Are Open Source and Closed AI Models? › Defining Closed AI Models"
            ))
        #expect(!r.stdout.contains("\u{1B}"))  // no styling on a pipe
        #expect(r.stderr.isEmpty)
    }

    @Test func severalQuestionsOneAnswerEachBlankLinesIgnored() throws {
        let r = try runFootnote(
            ["--corpus", seedCorpus, "--top", "1"],
            input: "\nWho invented the telephone?\n\n   \nWhat can developers do with open models?\n")
        #expect(r.status == 0)
        let questions = r.stdout.split(separator: "\n").filter { $0.hasPrefix("Q: ") }
        #expect(questions == ["Q: Who invented the telephone?", "Q: What can developers do with open models?"])
        #expect(r.stdout.contains("Q: Who invented the telephone?\nNothing in the corpus answers that.\n(*invented*, *telephone* are not"))
        #expect(r.stdout.components(separatedBy: "[1] ").count == 2)
        #expect(!r.stdout.contains("footnote>"))
    }

    /// Corrections, unknown words and the query operators, in text and in JSON;
    /// piped questions stand alone (no follow-up context).
    @Test func correctionsUnknownWordsAndOperators() throws {
        let questions = [
            "how do reserchers examine systems for acountability?", "qzxvy transparency", "\"closed systems\"",
            "\"closed licence\"", "examples?",
        ]
        let text = try runFootnote(["--corpus", seedCorpus, "--top", "1"], input: questions.joined(separator: "\n") + "\n")
        #expect(text.status == 0)
        let blocks = text.stdout.components(separatedBy: "\nQ: ")
        #expect(
            blocks[0].contains("(searched for *researchers*, *accountability*)\nTransparency in open source AI supports accountability"))
        #expect(blocks[1].contains("Nothing in the corpus answers that.\n(*qzxvy* is not in the corpus, nor any word close to it)\n"))
        #expect(blocks[2].contains("closed systems concentrate it"))
        #expect(blocks[3].contains("No passage has every quoted phrase"))
        #expect(blocks[4].contains("Commercial large language models") && !blocks[4].contains("following on"))

        let json = try runFootnote(["--corpus", seedCorpus, "--json", "--top", "1"], input: questions[0] + "\n" + questions[1] + "\n")
        let objects = try json.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let corrections = try #require(objects[0]["corrections"] as? [[String: String]])
        #expect(
            corrections == [["word": "reserchers", "searched": "researchers"], ["word": "acountability", "searched": "accountability"]])
        #expect(objects[1]["unknown"] as? [String] == ["qzxvy"])
        #expect(objects[0]["unknown"] == nil && objects[1]["corrections"] == nil)
    }

    @Test func jsonFollowsTheSchema() throws {
        let questions = ["How do people access closed models?", "Who invented the telephone?", "the of and"]
        let r = try runFootnote(["--corpus", seedCorpus, "--json"], input: questions.joined(separator: "\n") + "\n")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["question"] as? String } == questions)

        let first = objects[0]
        #expect(first["notice"] is NSNull)
        let answers = try #require(first["answers"] as? [[String: Any]])
        #expect(answers.count == 3)
        #expect(answers.map { $0["rank"] as? Int } == [1, 2, 3])
        let top = answers[0]
        #expect(top["file"] as? String == "open-source-vs-closed-ai.txt")
        #expect(top["lines"] as? [Int] == [27, 35])
        #expect(top["section"] as? String == "What Are Open Source and Closed AI Models? › Defining Closed AI Models")
        let scores = answers.compactMap { ($0["score"] as? NSNumber)?.doubleValue }
        #expect(scores.count == 3 && scores == scores.sorted(by: >))
        let excerpt = try #require(top["excerpt"] as? String)
        #expect(excerpt.contains("accessed via APIs or platforms"))
        // Highlights are code-point offsets into the excerpt naming the matched words.
        let spans = try #require(top["highlights"] as? [[Int]])
        let scalars = Array(excerpt.unicodeScalars)
        let words = spans.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        #expect(Set(words) == ["models", "accessed"])

        for abstained in objects.dropFirst() {
            #expect((abstained["answers"] as? [Any])?.isEmpty == true)
            #expect(abstained["notice"] is String)
        }
        #expect(objects[1]["notice"] as? String == "Nothing in the corpus answers that.")

        // What the confidence was calibrated from: with the answer, and with a decline that matched something.
        let evidence = try #require(first["evidence"] as? [String: Any])
        #expect(Set(evidence.keys) == ["coverage", "matched", "known", "corrected", "unknown_names", "heading"])
        let heading = try #require((evidence["heading"] as? NSNumber)?.doubleValue)
        #expect(heading >= 0 && heading <= 1)
        let coverage = try #require((evidence["coverage"] as? NSNumber)?.doubleValue)
        let confidence = try #require((first["confidence"] as? NSNumber)?.doubleValue)
        #expect(coverage > 0 && coverage <= 1 && confidence >= 0.4)
        #expect(evidence["corrected"] as? Bool == false)
        #expect(objects[2]["evidence"] == nil)
    }

    /// A passage whose text another file repeats is cited once: `also in:` on a
    /// line of its own, `also_in` in JSON.
    @Test func repeatedTextIsCitedOnce() throws {
        let f = TemporaryFolder()
        f.write("page.md", "# Kettles\n\nVinegar removes limescale from kettles.\n")
        f.write("copy/page.md", "# Kettles\n\nVinegar removes limescale from kettles.\n")
        let text = try runFootnote(["ask", "--corpus", ".", "--color", "never", "what removes limescale"], directory: f.path)
        #expect(
            text.stdout == "Vinegar removes limescale from kettles.\n[1] copy/page.md:3 · Kettles\n    also in: page.md:3\n",
            "\(text.stdout)")
        let json = try runFootnote(["ask", "--corpus", f.path, "--json", "what removes limescale"])
        #expect(json.stdout.contains("\"also_in\":[{\"file\":\"page.md\",\"lines\":[3,3]}]"), "\(json.stdout)")
    }

    /// An HTML passage is cited with its section's or term's anchor: `page.html#term-gil · lines 2-3`, JSON `anchor`.
    @Test func htmlCitationsNameTheAnchor() throws {
        let f = TemporaryFolder()
        f.write(
            "glossary.html",
            "<h1 id=\"glossary\">Glossary</h1>\n<dl><dt id=\"term-gil\">GIL</dt>\n<dd><p>The global interpreter lock.</p></dd></dl>\n")
        let text = try runFootnote(["ask", "--corpus", ".", "--color", "never", "what is the global interpreter lock"], directory: f.path)
        #expect(text.stdout.contains("[1] glossary.html#term-gil · lines 2-3 · Glossary"), "\(text.stdout)")
        let json = try runFootnote(["ask", "--corpus", f.path, "--json", "what is the global interpreter lock"])
        #expect(json.stdout.contains("\"anchor\":\"term-gil\""), "\(json.stdout)")
    }

    @Test func askAnswersOnceAndIndexReports() throws {
        let ask = try runFootnote(["ask", "--corpus", seedCorpus, "--top", "2", "How", "do people access closed models?"])
        #expect(ask.status == 0)
        #expect(ask.stdout.contains("These models are typically accessed via APIs or platforms"))
        #expect(ask.stdout.contains("[1] \(seedCorpus)/open-source-vs-closed-ai.txt:27-35"))
        #expect(ask.stdout.contains("[2] "))
        #expect(!ask.stdout.contains("[3] "))

        let folder = TemporaryFolder()
        let index = try runFootnote(["index", "--corpus", seedCorpus, "--index-dir", folder.path])
        #expect(index.status == 0)
        #expect(
            index.stdout.range(
                of: #"^.*corpus: 1 file \([0-9.]+ KB\), [0-9]+ passages, [0-9]+ terms, built in [0-9.]+ m?s\n"#
                    + #"index: .*/index.footnote \([0-9.]+ KB\)\n$"#, options: .regularExpression) != nil, "\(index.stdout)")
        let again = try runFootnote(["index", "--corpus", seedCorpus, "--index-dir", folder.path])
        #expect(again.stdout.contains(" terms, loaded in "), "\(again.stdout)")
    }

    @Test func offTopicQuestionsAbstain() throws {
        // The words the corpus lacks say why; "bread" is English, so not "corrected" to the corpus's "broad".
        for (q, why) in [
            ("Who invented the telephone?", "(*invented*, *telephone* are not in the corpus, nor any word close to them)\n"),
            (
                "What is the boiling point of mercury?",
                "(*boiling*, *point*, *mercury* are not in the corpus, nor any word close to them)\n"
            ),
            ("recipe for banana bread", "(*recipe*, *banana*, *bread* are not in the corpus, nor any word close to them)\n"),
        ] {
            let r = try runFootnote(["ask", "--corpus", seedCorpus, q])
            #expect(r.stdout.hasSuffix("Nothing in the corpus answers that.\n" + why), "\(q): \(r.stdout)")
        }
        let stop = try runFootnote(["ask", "--corpus", seedCorpus, "what is it?"])
        #expect(stop.stdout.contains("only very common words"))
        let punct = try runFootnote(["ask", "--corpus", seedCorpus, "?!..."])
        #expect(punct.stdout.contains("Ask a question with some words"))
    }

    @Test func missingCorpusExits66WithOneLine() throws {
        let r = try runFootnote(["ask", "--corpus", "/nonexistent/notes", "anything"])
        #expect(r.status == 66)
        #expect(r.stderrLines == ["footnote: corpus '/nonexistent/notes' does not exist; pass --corpus with a folder or file of documents"])
        #expect(r.stdout.isEmpty)
        let index = try runFootnote(["index", "--corpus", "/nonexistent/notes"])
        #expect(index.status == 66)
    }

    @Test func emptyCorpusExits66() throws {
        let f = TemporaryFolder()
        let r = try runFootnote(["index", "--corpus", f.path])
        #expect(r.status == 66)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.contains("has no readable passages"))
        f.write("only.bin", [0, 1, 2, 3])
        let r2 = try runFootnote(["index", "--corpus", f.path])
        #expect(r2.status == 66)
        #expect(r2.stderrLines.first == "footnote: skipped 1 file: 1 binary; --verbose lists them")
    }

    @Test func usageErrorsExit64WithOneLine() throws {
        let unknown = try runFootnote(["--corpus", seedCorpus, "--frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.stderrLines.count == 1)
        #expect(unknown.stderr.contains("--frobnicate"))
        let badTop = try runFootnote(["ask", "--top", "0", "x"])
        #expect(badTop.status == 64)
        #expect(badTop.stderrLines == ["footnote: --top must be between 1 and 100, got 0 (see 'footnote --help')"])
        let badScoring = try runFootnote(["ask", "--scoring", "magic", "x"])
        #expect(badScoring.status == 64)
        #expect(badScoring.stderrLines.count == 1)
    }

    @Test func helpAndVersion() throws {
        let help = try runFootnote(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: footnote"))
        // `footnote help` lists the interactive session's commands too, as `:help` does.
        let listed = try runFootnote(["help"])
        #expect(listed.status == 0)
        for command in [":help", ":reload", ":top", ":json", ":more", ":sources", ":stats", ":quit"] {
            #expect(listed.stdout.contains(command) && help.stdout.contains(command), "\(command)")
        }
        #expect(listed.stdout.contains("cite N passages per answer"))
        for sub in ["ask", "index", "chat"] {
            let r = try runFootnote([sub, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("--corpus"))
        }
        // The top level shows the default command's options; every help ends its text with examples.
        for option in ["-c, --corpus <path>", "-n, --top <n>", "-j, --json", "--color <when>", "--index-dir <dir>"] {
            #expect(help.stdout.contains(option), "footnote --help shows \(option)")
        }
        for sub in [[], ["chat"], ["ask"], ["index"], ["search"], ["eval"]] {
            let r = try runFootnote(sub + ["--help"])
            #expect(r.stdout.contains("\nEXAMPLES:\n  footnote"), "\(sub) --help has examples")
            // Paragraphs are wrapped by the parser alone (under 80 columns on a pipe): no hard line
            // breaks inside them, which cut lines mid-phrase at any other width.
            let overview = r.stdout.components(separatedBy: "\nUSAGE:")[0].components(separatedBy: "\nEXAMPLES:")[0]
            let lines = overview.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 80 }, "\(sub): \(overview)")
            // A line of running text (not the :command table) is not broken while the next word would fit.
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !line.hasPrefix("  ") && !next.hasPrefix("  ") {
                guard let word = next.split(separator: " ").first else { continue }
                #expect(line.count + 1 + word.count >= 80, "\(sub) --help breaks a line before '\(word)' that fits: \(line)")
            }
        }
        let version = try runFootnote(["--version"])
        #expect(version.stdout == "footnote 0.1.0\n")
    }

    /// Completion scripts for the three shells, naming the subcommands and their options.
    @Test func shellCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try runFootnote(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            for word in ["ask", "index", "search", "eval", "corpus", "index-dir"] {
                #expect(script.stdout.contains(word), "\(shell): \(word)")
            }
        }
    }

    /// The bash script, run by bash: paths for the options that take one and
    /// for `eval`'s folder, and every option (the default command's too) after `footnote --`.
    @Test func bashCompletionCompletesPathsAndEveryOption() throws {
        let f = TemporaryFolder()
        f.write("docs/a.md", "a\n")
        f.write("data/queries.jsonl", "{}\n")
        f.write("notes.md", "n\n")
        let script = try runFootnote(["--generate-completion-script", "bash"])
        f.write("footnote.bash", script.stdout)
        func complete(_ line: String) throws -> [String] {
            let shell = #"""
                cd "$1" && source ./footnote.bash
                read -ra COMP_WORDS <<<"$2"; [[ "$2" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
                _footnote footnote "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\n' "${COMPREPLY[@]}"
                """#
            let r = try runProgram("/bin/bash", ["-c", shell, "bash", f.path, line])
            #expect(r.status == 0, "\(line): \(r.stderr)")
            return r.stdout.split(separator: "\n").map(String.init).sorted()
        }
        #expect(try complete("footnote --corpus d") == ["data", "docs"])
        #expect(try complete("footnote -c n") == ["notes.md"])
        #expect(try complete("footnote ask --index-dir d") == ["data", "docs"])
        #expect(try complete("footnote search --queries data/q") == ["data/queries.jsonl"])
        #expect(try complete("footnote search --run n") == ["notes.md"])
        #expect(try complete("footnote eval d") == ["data", "docs"])
        let options = try complete("footnote --")
        for option in ["--corpus", "--top", "--json", "--color", "--index-dir", "--exclude", "--min-confidence", "--version"] {
            #expect(options.contains(option), "footnote --<Tab> offers \(option): \(options)")
        }
    }

    @Test func binaryAndInvalidUTF8FilesAreSkippedWithAWarning() throws {
        let f = TemporaryFolder()
        f.write("notes.md", "# Garden\n\nTomatoes need full sun and deep watering.\n")
        f.write("photo.jpg", [0xFF, 0xD8, 0xFF, 0x00, 0x10])
        f.write("dump.log", [0x66, 0x6F, 0xC3, 0x28, 0xFF])
        let r = try runFootnote(["--corpus", f.path], input: "How much sun do tomatoes need?\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("[1] \(f.path)/notes.md:3 · Garden"), "\(r.stdout)")
        // One line counts them by reason; --verbose names each.
        #expect(r.stderrLines == ["footnote: skipped 2 files: 1 binary, 1 not UTF-8; --verbose lists them"])
        let listed = try runFootnote(["index", "--full", "--verbose", "--corpus", f.path])
        #expect(
            listed.stderrLines == [
                "footnote: skipped: dump.log: not UTF-8 text (unknown extension)",
                "footnote: skipped: photo.jpg: binary file (contains NUL bytes), in no format Footnote reads",
                "footnote: 2 files skipped",
            ])
    }

    /// Hostile questions each get a clear reply, and the questions after them are answered.
    @Test func hostileQuestionsGetAReplyAndTheSessionGoesOn() throws {
        let long = String(repeating: "closed models ", count: 8_000)  // 112 KB, less the trailing space
        let questions = [
            long, "\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J closed \u{1B}]8;;http://x\u{07}models", "open\u{0}source",
            "?!... ;;; ---", "what is it that they are", "\\:top 0", "\u{202E}closed models\u{08}\u{08}",
            "How do people access closed models?",
        ]
        let r = try runFootnote(["--corpus", seedCorpus, "--top", "1"], input: questions.joined(separator: "\n") + "\n")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let answers = r.stdout.components(separatedBy: "\nQ: ")
        #expect(answers.count == questions.count, "\(answers.count) answers")
        guard answers.count == questions.count else { return }
        #expect(
            answers[0].contains("(the question was 111,999 bytes long; only its first 4,094 were read)"),
            "cut at the space before the limit")
        for bad in ["\u{1B}", "\u{07}", "\u{0}", "\u{202E}", "\u{08}"] {
            #expect(!r.stdout.contains(bad), "\(bad.unicodeScalars.first!.value)")
        }
        #expect(answers[1].hasPrefix("␛]52;c;cHduZWQ=␇␛[2J closed ␛]8;;http://x␇models\n"), "\(answers[1])")
        #expect(answers[2].contains("[1] "))  // NUL separates two words
        #expect(answers[3].contains("Ask a question with some words in it."))
        #expect(answers[4].contains("only very common words"))
        #expect(answers[5].hasPrefix(":top 0\n"))  // \: writes a question starting with a colon
        #expect(answers[7].contains("accessed via APIs or platforms"))
    }

    @Test func corpusTextCannotReachTheTerminalRaw() throws {
        let f = TemporaryFolder()
        f.write("evil.txt", "Terminal \u{1B}]0;pwned\u{07} attack \u{1B}[2J with \u{202E}reversed text and \u{08}backspace.\n")
        let plain = try runFootnote(["ask", "--corpus", f.path, "terminal attack"])
        #expect(plain.status == 0)
        for bad in ["\u{1B}", "\u{07}", "\u{202E}", "\u{08}"] { #expect(!plain.stdout.contains(bad)) }
        #expect(plain.stdout.contains("␛]0;pwned"))
        let json = try runFootnote(["ask", "--json", "--corpus", f.path, "terminal attack"])
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(json.stdout.contains("\\u001b]0;pwned\\u0007"))
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let excerpt = ((object?["answers"] as? [[String: Any]])?.first?["excerpt"] as? String) ?? ""
        #expect(excerpt.contains("\u{1B}]0;pwned"))
    }

    /// `--color always` styles a pipe too, over NO_COLOR (a flag wins over the
    /// environment); `never` and the default on a pipe do not; the corpus's own
    /// escapes stay inert either way; a bad value is a usage error.
    @Test func colourFlag() throws {
        let question = ["ask", "--corpus", seedCorpus, "How do people access closed models?"]
        let always = try runFootnote(question + ["--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(always.status == 0 && always.stdout.contains("\u{1B}[1;33m") && always.stdout.contains("accessed"))
        for options in [["--color", "never"], ["--color", "auto"], []] {
            let r = try runFootnote(question + options)
            #expect(r.status == 0 && !r.stdout.contains("\u{1B}") && r.stdout.contains("accessed"), "\(options)")
        }
        let f = TemporaryFolder()
        f.write("evil.txt", "Terminal \u{1B}]0;pwned\u{07} attack \u{1B}[2J here.\n")
        let styled = try runFootnote(["ask", "--corpus", f.path, "--color", "always", "terminal attack"])
        #expect(styled.stdout.contains("\u{1B}[") && !styled.stdout.contains("\u{1B}]0") && !styled.stdout.contains("\u{1B}[2J"))
        let bad = try runFootnote(question + ["--color", "sometimes"])
        #expect(bad.status == 64 && bad.stderrLines.count == 1 && bad.stderrLines[0].contains("color"))
    }

    @Test func scoringChoicesBothAnswer() throws {
        for scoring in ["bm25", "tfidf"] {
            let r = try runFootnote([
                "ask", "--corpus", seedCorpus, "--scoring", scoring, "--top", "1", "How do people access closed models?",
            ])
            #expect(r.stdout.contains("accessed via APIs"), "\(scoring)")
        }
    }
}

/// `:commands` in piped input, as sqlite3's dot-commands: settings apply to
/// the questions after them and print nothing, listings print, a command
/// that cannot run says so on stderr with its line, and `\:` starts a
/// question with a colon.
@Suite struct PipedCommandTests {
    @Test func settingsApplyToTheQuestionsAfterThem() throws {
        let input = """
            How do people access closed models?
            :top 1
            How do people access closed models?
            :json on
            What can developers do with open models?
            \\:top models
            :bogus
            :top 0
            :quit
            Never asked?

            """
        let r = try runFootnote(["-c", seedCorpus], input: input)
        #expect(r.status == 0)
        let parts = r.stdout.components(separatedBy: "\n\nQ: ")
        #expect(parts.count == 2, "\(r.stdout)")
        #expect(parts[0].contains("[3] "), "the default top first")
        let second = parts[1]
        #expect(second.hasPrefix("How do people access closed models?\n"))
        #expect(second.contains("[1] ") && !second.contains("[2] "), "\(second)")
        let jsonLines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(jsonLines.count == 2)
        let objects = try jsonLines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["question"] as? String } == ["What can developers do with open models?", ":top models"])
        #expect((objects[0]["answers"] as? [Any])?.count == 1)
        #expect(!r.stdout.contains("Citing up to") && !r.stdout.contains("Never asked"))
        #expect(
            r.stderr == "footnote: line 7: Unknown command ':bogus'. Type :help for the list.\n"
                + "footnote: line 8: Usage: :top N, with N from 1 to 100 (now 1).\n", "\(r.stderr)")
    }

    @Test func listingsAndMore() throws {
        let r = try runFootnote(
            ["-c", seedCorpus, "-n", "1"], input: ":sources\nHow do people access closed models?\n:more\n:why 2\n:help\n")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("  13    open-source-vs-closed-ai.txt\n1 file, 13 passages.\n"), "\(r.stdout)")
        #expect(r.stdout.contains("[1] ") && r.stdout.contains("[2] "))
        #expect(r.stdout.contains("Type a question to get cited excerpts. Commands:"))
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}
