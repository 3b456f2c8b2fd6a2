import FootnoteAnalysis

/// The command line as people type it, put in the form swift-argument-parser
/// reads (which wants the subcommand first and takes every `-x` for an option):
///
/// - Options before the subcommand go after it: `footnote -c ~/docs ask "q"`
///   works as `git -C dir status` does.
/// - Words that name no command are a question: `footnote "what is open source AI"`
///   asks it. A first word one slip from a command (`aks`, `serch`) is an
///   error that names the command instead ("did you mean 'footnote ask'?").
/// - An argument that starts with `-` and holds a space is words, not an
///   option: `footnote ask "-closed +open source"` searches without *closed*.
///   Words like that are passed after `--`, as a user may pass any word.
/// - A negative number after an option that takes a value is that value
///   (`--k1 -1` is `--k1=-1`, which the range check then refuses), and
///   the short options with values are spelled long for it (`-n -1` is `--top=-1`).
/// - `-V` is `--version`, and a short option's value may be attached (`-n5`).
///
/// Which names take a value is listed here; `CommandLineRewriterTests`
/// checks the lists against the parser's own (`--experimental-dump-help`).
enum CommandLineRewriter {
    /// The subcommands, and `help` (`footnote help ask`).
    static let commands = ["chat", "ask", "index", "search", "eval", "help"]

    /// Every option name that takes a value, in any command.
    static let valuedOptions: Set<String> = [
        "--corpus", "-c", "--index-dir", "--threads", "--max-file-size", "--include", "--exclude", "--min-confidence",
        "--scoring", "--k1", "--b",
        "--top", "-n", "--color", "--run", "--queries", "--conversations", "--dump", "--typos", "--seed",
        "--generate-completion-script",
    ]

    /// Every flag name (an option without a value), in any command.
    static let flags: Set<String> = [
        "--json", "-j", "--no-ignore", "--archives", "--verbose", "--full", "--timings", "--docs", "--abstention",
        "--help", "-h", "--version", "-V", "--experimental-dump-help",
    ]

    /// The top level's own options (help, version, completion scripts, the
    /// parser's dump): a command line holding one is not the default command's.
    static let topLevelOptions: Set<String> = ["--help", "-h", "--version", "--generate-completion-script", "--experimental-dump-help"]

    /// The long name of each short option that takes a value.
    static let longNames = ["-c": "--corpus", "-n": "--top"]

    /// One option (with its value, if any), or one positional argument.
    enum Item: Equatable {
        case option([String])
        case positional(String)
    }

    /// `arguments` (without the program name) in the parser's form; throws
    /// a usage error when the first word is a misspelt command.
    static func rewrite(_ arguments: [String]) throws -> [String] {
        // The completion scripts' calls back into the binary are the parser's own.
        if arguments.first?.hasPrefix("---") == true { return arguments }
        let items = self.items(arguments)
        let positionals = items.compactMap { if case .positional(let p) = $0 { return p } else { return nil } }
        guard let first = positionals.first else {
            // Options alone are the default command's, unless they are the top level's own.
            let asksRoot = items.contains { if case .option(let t) = $0 { return topLevelOptions.contains(t[0]) } else { return false } }
            return flatten(items, command: items.isEmpty || asksRoot ? nil : "chat")
        }
        if first == "help" { return arguments }
        if commands.contains(first) {
            // The first positional is the command: everything before it moves after it.
            var dropped = false
            let rest = items.filter { item in
                if !dropped, item == .positional(first) { dropped = true; return false }
                return true
            }
            return flatten(rest, command: first)
        }
        if let command = misspeltCommand(first) {
            let question = positionals.joined(separator: " ")
            throw FootnoteError(
                message: "'\(first)' is not a command; did you mean 'footnote \(command)'? "
                    + "To ask it as a question: footnote ask \"\(question.count > 40 ? question.prefix(40) + "…" : question)\"",
                exitCode: SysExits.usage)
        }
        return flatten(items, command: "ask")
    }

    /// `arguments` as options (with their values) and positionals, in order.
    static func items(_ arguments: [String]) -> [Item] {
        var items: [Item] = []
        var i = 0
        var afterTerminator = false
        while i < arguments.count {
            let a = arguments[i]
            i += 1
            if afterTerminator || isWords(a) { items.append(.positional(a)); continue }
            if a == "--" { afterTerminator = true; continue }
            if a == "-V" { items.append(.option(["--version"])); continue }
            // A short option with its value attached (`-n5`, `-c~/docs`), which the parser does not read.
            if a.count > 2, !a.hasPrefix("--"), let long = longNames[String(a.prefix(2))] {
                items.append(.option([long + "=" + a.dropFirst(2)]))
                continue
            }
            if valuedOptions.contains(a), i < arguments.count {
                let value = arguments[i]
                i += 1
                if value.hasPrefix("-") && isNumber(value.dropFirst()) {
                    items.append(.option([(longNames[a] ?? a) + "=" + value]))
                } else {
                    items.append(.option([a, value]))
                }
                continue
            }
            items.append(.option([a]))
        }
        return items
    }

    /// Whether an argument is words rather than an option: it does not
    /// start with `-`, is `-` alone, or starts with `-` and holds a space
    /// (and is not `--option=value` for a known option).
    static func isWords(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return true }
        guard argument.contains(where: \.isWhitespace) else { return false }
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            let name = String(argument[..<equals])
            if valuedOptions.contains(name) { return false }
        }
        return true
    }

    /// `-1`, `-0.5`, `-1e3`: a negative number's digits (after the minus).
    static func isNumber(_ text: Substring) -> Bool {
        guard let first = text.first, first.isNumber || first == "." else { return false }
        return Double(text) != nil
    }

    /// The command, then every option, then the positionals (after `--`
    /// when one of them starts with `-`).
    static func flatten(_ items: [Item], command: String?) -> [String] {
        var options: [String] = [], positionals: [String] = []
        for item in items {
            switch item {
            case .option(let tokens): options += tokens
            case .positional(let p): positionals.append(p)
            }
        }
        let terminator = positionals.contains { $0.hasPrefix("-") } ? ["--"] : []
        return (command.map { [$0] } ?? []) + options + terminator + positionals
    }

    /// The command `word` is a slip of (one edit from `ask`, `chat`, `eval`,
    /// two from `index`, `search`; a swap of two letters counts one), unless
    /// `word` is a common English word ("what" is not a slip of "chat").
    static func misspeltCommand(_ word: String) -> String? {
        let lower = word.lowercased()
        guard lower.count >= 2, !lower.contains(where: { $0.isWhitespace }),
            !StopWordFilter.english.contains(lower), !AskingWords.english.contains(lower)
        else { return nil }
        let candidates = commands.filter { $0 != "help" }
            .map { (command: $0, distance: editDistance(lower, $0)) }
            .filter { $0.distance <= ($0.command.count >= 5 ? 2 : 1) }
        return candidates.min { $0.distance < $1.distance }?.command
    }

    /// Optimal-string-alignment distance: insertions, deletions,
    /// substitutions and swaps of neighbours each cost 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
