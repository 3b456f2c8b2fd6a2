import Foundation
import Testing
@testable import footnote

/// The command line as people type it (`CommandLineRewriter`), end to end:
/// option order, questions without `ask`, misspelt commands, `-word`
/// questions, negative numbers, short options, the version; and the
/// rewriter's lists of option names checked against the parser's own.
@Suite struct CommandLineRewriterTests {
    let question = "How do people access closed models?"

    @Test func optionsBeforeTheSubcommand() throws {
        let r = try runFootnote(["--corpus", seedCorpus, "-n", "1", "ask", question])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("accessed via APIs"))
        #expect(r.stdout.components(separatedBy: "[1] ").count == 2 && !r.stdout.contains("[2] "))
        let index = try runFootnote(["-c", seedCorpus, "index"])
        #expect(index.status == 0 && index.stdout.contains("1 file"), "\(index.stdout) \(index.stderr)")
    }

    @Test func wordsThatNameNoCommandAreAQuestion() throws {
        let quoted = try runFootnote(["-c", seedCorpus, "-n", "1", question])
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(quoted.stdout.contains("accessed via APIs") && !quoted.stdout.hasPrefix("Q: "))
        // Unquoted words, starting with a word one letter from "chat": a question, not a slip.
        let words = try runFootnote(["-c", seedCorpus, "-n", "1", "what", "are", "closed", "models"])
        #expect(words.status == 0, "\(words.stderr)")
        #expect(words.stdout.contains("[1] "))
    }

    @Test func aMisspeltCommandIsNamed() throws {
        for (typed, meant) in [("aks", "ask"), ("serch", "search"), ("indx", "index"), ("evl", "eval")] {
            let r = try runFootnote([typed, "how", "are", "models", "accessed"])
            #expect(r.status == 64, "\(typed): \(r.stdout)")
            #expect(r.stderr.contains("'\(typed)' is not a command; did you mean 'footnote \(meant)'?"), "\(r.stderr)")
            #expect(r.stderr.contains("footnote ask \"\(typed) how are models accessed\""), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }

    /// `-word` excludes a word; an argument holding a space is words whatever it starts with, and `--` ends the options.
    @Test func dashWordQuestions() throws {
        for arguments in [
            ["ask", "-c", seedCorpus, "--json", "-n", "3", "-closed +open source"],
            ["-c", seedCorpus, "--json", "-n", "3", "-closed +open source"],
            ["ask", "-c", seedCorpus, "--json", "-n", "3", "--", "-closed", "+open", "source"],
        ] {
            let r = try runFootnote(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(object["question"] as? String == "-closed +open source")
            let answers = try #require(object["answers"] as? [[String: Any]])
            #expect(!answers.isEmpty)
            for answer in answers {
                let excerpt = (answer["excerpt"] as? String ?? "").lowercased()
                #expect(!excerpt.contains("closed") && excerpt.contains("open"), "\(excerpt)")
            }
        }
        // A lone `-word` without a space is an option, as in every tool; the error says so.
        let option = try runFootnote(["ask", "-c", seedCorpus, "-closed"])
        #expect(option.status == 64)
    }

    @Test func negativeNumbersAreValuesOutOfRange() throws {
        let k1 = try runFootnote(["--k1", "-1", "ask", "models"])
        #expect(k1.status == 64)
        #expect(k1.stderr.contains("--k1 must be a number ≥ 0, got -1"), "\(k1.stderr)")
        let top = try runFootnote(["ask", "-n", "-1", "models"])
        #expect(top.status == 64)
        #expect(top.stderr.contains("--top must be between 1 and 100, got -1"), "\(top.stderr)")
        let b = try runFootnote(["ask", "--b", "-0.5", "models"])
        #expect(b.stderr.contains("--b must be between 0 and 1, got -0.5"), "\(b.stderr)")
    }

    @Test func shortOptionsAndVersion() throws {
        for flag in ["-V", "--version"] {
            let r = try runFootnote([flag])
            #expect(r.status == 0 && r.stdout == "footnote 0.1.0\n", "\(flag): \(r.stdout) \(r.stderr)")
        }
        let r = try runFootnote(["-j", "-n2", "-c", seedCorpus, "ask", question])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["answers"] as? [Any])?.count == 2)
    }

    @Test func askExitsOneWhenItDeclinesAndSessionsExitZero() throws {
        let declined = try runFootnote(["ask", "-c", seedCorpus, "Who invented the telephone?"])
        #expect(declined.status == 1)
        #expect(declined.stdout.contains("Nothing in the corpus answers that."))
        #expect(declined.stderr.isEmpty)
        let stopWords = try runFootnote(["ask", "-c", seedCorpus, "what is the"])
        #expect(stopWords.status == 1)
        let piped = try runFootnote(["-c", seedCorpus], input: "Who invented the telephone?\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("Nothing in the corpus answers that."))
    }

    /// A run of one letter longer than any indexed word is "not in the corpus";
    /// a question over the length limit is cut at a space.
    @Test func overlongWordsAndQuestions() throws {
        let run = String(repeating: "a", count: 130)
        let r = try runFootnote(["ask", "-c", seedCorpus, run])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Nothing in the corpus answers that.\n(*aaaaaaaaaaaaaaaaaaaa…* is not in the corpus"), "\(r.stdout)")
        #expect(!r.stdout.contains("only very common words"))

        let long = String(repeating: "open source models ", count: 300)
        let json = try runFootnote(["-c", seedCorpus, "--json", "-n", "1"], input: long + "\n")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let read = try #require(object["question"] as? String)
        #expect(read.utf8.count <= 4096 && read.utf8.count > 3800)
        #expect(["open", "source", "models"].contains(String(read.split(separator: " ").last ?? "")), "\(read.suffix(30))")
        #expect(object["asked_bytes"] as? Int == long.trimmingCharacters(in: .whitespaces).utf8.count)
    }

    /// The rewriter's lists of names that take a value and of flags are the
    /// parser's: a new option missing from them would be misread before a subcommand.
    @Test func optionListsMatchTheParser() throws {
        let r = try runFootnote(["--experimental-dump-help"])
        #expect(r.status == 0)
        let root = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var valued = Set<String>(), flags = Set<String>(), commands = Set<String>()
        func visit(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = (argument["names"] as? [[String: Any]] ?? []).map {
                    ($0["kind"] as? String == "short" ? "-" : "--") + ($0["name"] as? String ?? "")
                }
                switch argument["kind"] as? String {
                case "option": valued.formUnion(names)
                case "flag": flags.formUnion(names)
                default: break
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                commands.insert(sub["commandName"] as? String ?? "")
                visit(sub)
            }
        }
        visit(try #require(root["command"] as? [String: Any]))
        #expect(
            valued.isDisjoint(with: flags), "a name is a flag in one command and takes a value in another: \(valued.intersection(flags))")
        // The parser's own top-level names, which it does not list.
        valued.insert("--generate-completion-script")
        flags.insert("--experimental-dump-help")
        #expect(
            CommandLineRewriter.valuedOptions == valued,
            "take a value: missing \(valued.subtracting(CommandLineRewriter.valuedOptions)), extra \(CommandLineRewriter.valuedOptions.subtracting(valued))"
        )
        #expect(
            CommandLineRewriter.flags.subtracting(["-V"]) == flags,
            "flags: missing \(flags.subtracting(CommandLineRewriter.flags)), extra \(CommandLineRewriter.flags.subtracting(flags))")
        #expect(Set(CommandLineRewriter.commands) == commands)
    }

    /// The rewriting itself, argument by argument.
    @Test func rewrites() throws {
        let rewrite = CommandLineRewriter.rewrite
        #expect(try rewrite([]) == [])
        #expect(try rewrite(["-c", "docs", "ask", "q"]) == ["ask", "-c", "docs", "q"])
        #expect(try rewrite(["-c", "docs"]) == ["chat", "-c", "docs"])
        #expect(try rewrite(["--help"]) == ["--help"])
        #expect(try rewrite(["-c", "docs", "what is x"]) == ["ask", "-c", "docs", "what is x"])
        #expect(try rewrite(["ask", "-closed +open", "-n", "1"]) == ["ask", "-n", "1", "--", "-closed +open"])
        #expect(try rewrite(["--k1", "-1.5", "eval", "dir"]) == ["eval", "--k1=-1.5", "dir"])
        #expect(try rewrite(["-n", "-2", "ask", "q"]) == ["ask", "--top=-2", "q"])
        #expect(try rewrite(["-n5", "-V"]) == ["--top=5", "--version"])
        #expect(try rewrite(["-n5", "-j"]) == ["chat", "--top=5", "-j"])
        #expect(try rewrite(["--corpus=my docs", "ask", "q"]) == ["ask", "--corpus=my docs", "q"])
        #expect(try rewrite(["help", "ask"]) == ["help", "ask"])
        #expect(try rewrite(["---completion", "ask", "--", "x"]) == ["---completion", "ask", "--", "x"])
        #expect(throws: FootnoteError.self) { try rewrite(["aks", "q"]) }
        #expect(CommandLineRewriter.misspeltCommand("what") == nil)
        #expect(CommandLineRewriter.misspeltCommand("cat") == "chat")
        #expect(CommandLineRewriter.editDistance("aks", "ask") == 1)
    }
}
