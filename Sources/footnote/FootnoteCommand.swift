import ArgumentParser
import FootnoteCorpus
import FootnoteIndex
import FootnoteSearch
import FootnoteAnswer

/// `footnote`: the root command. With no subcommand it chats: a REPL on a
/// terminal, one answer per line of piped input otherwise.
struct Footnote: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "footnote",
        abstract: "Answers questions about a folder of documents with cited excerpts.",
        usage: "footnote [<options>] [<question> | <subcommand>]",
        discussion: """
            With a terminal on stdin, starts an interactive session. Type a question \
            to get cited excerpts; its commands:
            \(REPL.commandLines.joined(separator: "\n"))
            With questions piped on stdin, answers one question per line; a line \
            holding a :command runs it (:top 5, :json on apply to the questions after \
            it), and \\: starts a question with a colon.

            Options may come before the command (footnote -c ~/docs ask "..."), and \
            words that name no command are a question. The corpus is --corpus, else \
            $FOOTNOTE_CORPUS, else the corpus of the config file \
            ($XDG_CONFIG_HOME/footnote/config: corpus, top, scoring, color and ignore \
            as key = value lines), else ./corpus, else the current folder.

            EXAMPLES:
              footnote                                  # chat about ./corpus
              footnote -c ~/notes "how do I rotate the logs?"
              footnote ask -n 1 --json "-closed +open source"
              printf ':top 1\\nWho maintains it?\\n' | footnote -c ~/notes
            """,
        version: "footnote " + version,
        subcommands: [Chat.self, Ask.self, Index.self, Search.self, Eval.self],
        defaultSubcommand: Chat.self)
}

/// The top level as `--help`, the completion scripts and the man page show
/// it: `Footnote` with the default command's options, which may come first
/// (`CommandLineRewriter` passes them to `chat`). Only for showing: a root
/// that parsed these options would take them from every subcommand's
/// command line too (`search --top 5` would set the root's `--top`).
struct FootnoteTopLevel: ParsableCommand {
    static let configuration = Footnote.configuration

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var output: OutputOptions

    /// Whether `arguments` (rewritten) ask for what this type shows: the
    /// top-level help, the version, a completion script, the parser's dump.
    static func shows(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        return CommandLineRewriter.topLevelOptions.contains(first) || arguments == ["help"]
    }
}

/// How passages are ranked: shared by every command that searches.
struct RankingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Ranking function: \(ScoringChoice.spelledOut) (default: the config file's scoring, or bm25)."))
    var scoring: ScoringChoice?

    @Option(name: .long, help: "BM25 term-frequency saturation k1.")
    var k1: Float = AnswerEngine.Options().k1

    @Option(name: .customLong("b"), help: "BM25 length normalization b (0...1).")
    var b: Float = AnswerEngine.Options().b

    func validate() throws {
        guard k1 >= 0, k1.isFinite else { throw ValidationError("--k1 must be a number ≥ 0, got \(k1)") }
        guard (0...1).contains(b) else { throw ValidationError("--b must be between 0 and 1, got \(b)") }
    }

    /// The engine options these flags describe (abstention at its default),
    /// the scoring model from the config file when the flag is not given.
    var engineOptions: AnswerEngine.Options { engineOptions(configured: true) }

    /// The engine options; with `configured` false, the config file is not
    /// read (`eval`: its figures do not depend on who runs it).
    func engineOptions(configured: Bool) -> AnswerEngine.Options {
        let scoring = self.scoring ?? (configured ? UserConfiguration.current.scoring : nil) ?? .bm25
        return AnswerEngine.Options(scoring: scoring, k1: k1, b: b)
    }
}

/// Where the persisted index lives: shared by every command that reads a corpus.
struct IndexOptions: ParsableArguments {
    @Option(
        name: .customLong("index-dir"),
        help: ArgumentHelp(
            "Keep the index in this folder (default: $XDG_CACHE_HOME/footnote/<hash of the corpus path>).",
            valueName: "dir"), completion: .directory)
    var indexDir: String?

    @Option(
        name: .customLong("threads"),
        help: ArgumentHelp("Threads analyzing the corpus when indexing (default: every core).", valueName: "n"))
    var threads: Int?

    /// How the index is built: the product's title and heading weights
    /// (`footnote-tune` measures others), with `--threads` workers.
    var builder: IndexBuilder {
        var builder = IndexBuilder()
        if let threads { builder.threads = threads }
        return builder
    }

    func validate() throws {
        if let indexDir, indexDir.isEmpty { throw ValidationError("--index-dir needs a folder path") }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be between 1 and 64, got \(threads)") }
    }
}

/// Options shared by every command that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(
        name: [.customShort("c"), .long],
        help: ArgumentHelp(
            "The folder or file to answer from (default: $FOOTNOTE_CORPUS, the config file's corpus, ./corpus, or the current folder).",
            valueName: "path"), completion: .file())
    var corpus: String?

    @OptionGroup var index: IndexOptions

    @OptionGroup var ranking: RankingOptions

    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp("Skip files larger than this (bytes, or with K, M, G: 512M; 0: no limit).", valueName: "size"))
    var maxFileSize = FileSize(bytes: CorpusLoader.defaultMaxFileBytes)

    @Option(
        name: .customLong("include"),
        help: ArgumentHelp(
            "Read only files matching this glob (repeatable; a glob with no / matches names at any depth).",
            valueName: "glob"))
    var include: [String] = []

    @Option(
        name: .customLong("exclude"),
        help: ArgumentHelp("Pass over files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .customLong("no-ignore"), help: "Read files that .gitignore, .ignore or .footnoteignore files exclude.")
    var noIgnore = false

    @Flag(
        name: .customLong("archives"),
        help: "Read the files inside .zip archives, each cited by the archive and its path there (bundle.zip/notes.md:12).")
    var archives = false

    @Flag(name: .customLong("verbose"), help: "List every skipped file and warning (default: one summary line).")
    var verbose = false

    @Option(
        name: .customLong("min-confidence"),
        help: "Abstain below this confidence (0...1) that the corpus answers the question.")
    var minConfidence: Float = AnswerEngine.Options().minConfidence

    /// How the corpus is read: the size limit, which files (the config
    /// file's `ignore` globs beside `--exclude`), and whether archives are opened.
    var loader: CorpusLoader { loader(configured: true) }

    /// The loader; with `configured` false, without the config file's `ignore` globs (`search`).
    func loader(configured: Bool) -> CorpusLoader {
        CorpusLoader(
            maxFileBytes: maxFileSize.bytes,
            filter: CorpusFilter(
                readsIgnoreFiles: !noIgnore, include: include,
                exclude: exclude + (configured ? UserConfiguration.current.ignore : [])),
            readsArchives: archives)
    }

    /// The corpus to read and where that choice came from: `--corpus`,
    /// then `FOOTNOTE_CORPUS`, the config file, `./corpus` when it exists,
    /// else the current folder.
    var corpusChoice: CorpusChoice { CorpusChoice(option: corpus, configuration: UserConfiguration.current) }

    func validate() throws {
        if let empty = (include + exclude).first(where: { $0.trimmingWhitespace().isEmpty }) {
            throw ValidationError("--include and --exclude need a glob, got '\(empty)'")
        }
        guard (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be between 0 and 1, got \(minConfidence)")
        }
    }

    var engineOptions: AnswerEngine.Options { engineOptions(configured: true) }

    /// The engine options; with `configured` false, the config file's scoring is not read.
    func engineOptions(configured: Bool) -> AnswerEngine.Options {
        var options = ranking.engineOptions(configured: configured)
        options.minConfidence = minConfidence
        return options
    }

}

/// Options for commands that print answers.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.customShort("n"), .customLong("top")],
        help: ArgumentHelp("How many passages to cite per question (1-100; default: the config file's top, or 3).", valueName: "n"))
    var topOption: Int?

    @Flag(name: [.customShort("j"), .long], help: "Print one JSON object per question (see README).")
    var json = false

    @Option(
        name: .customLong("color"),
        help: ArgumentHelp(
            "Colour: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never (default: the config file's color, or auto).",
            valueName: "when"))
    var colorOption: ColorChoice?

    /// `--top`, else the config file's, else 3.
    var top: Int { topOption ?? UserConfiguration.current.top ?? 3 }

    /// `--color`, else the config file's, else auto.
    var color: ColorChoice { colorOption ?? UserConfiguration.current.color ?? .auto }

    func validate() throws {
        if let topOption, !(1...100).contains(topOption) {
            throw ValidationError("--top must be between 1 and 100, got \(topOption)")
        }
    }
}

extension ScoringChoice: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

/// Options of the batch commands (`search`, `eval`).
struct BatchOptions: ParsableArguments {
    @Option(name: [.customShort("n"), .long], help: ArgumentHelp("Passages to rank per query (1-10000).", valueName: "n"))
    var top: Int = 100

    @Option(
        name: .customLong("run"), help: ArgumentHelp("Write the TREC run here (default for search: stdout).", valueName: "path"),
        completion: .file())
    var runPath: String?

    func validate() throws {
        guard (1...10_000).contains(top) else { throw ValidationError("--top must be between 1 and 10000, got \(top)") }
    }
}

/// A size on the command line: bytes, or a number with K, M, G or T (powers of 1024).
struct FileSize: ExpressibleByArgument {
    var bytes: Int64

    init(bytes: Int64) { self.bytes = bytes }

    init?(argument: String) {
        var text = argument.filter { !$0.isWhitespace }.uppercased()
        if text.hasSuffix("IB") { text.removeLast(2) } else if text.hasSuffix("B") { text.removeLast() }
        let shifts: [Character: Int64] = ["K": 10, "M": 20, "G": 30, "T": 40]
        var shift: Int64 = 0
        if let last = text.last, let s = shifts[last] { shift = s; text.removeLast() }
        guard let value = Double(text), value >= 0, value.isFinite, value * Double(Int64(1) << shift) < 9e18 else { return nil }
        bytes = Int64(value * Double(Int64(1) << shift))
    }

    var defaultValueDescription: String { bytes == CorpusLoader.defaultMaxFileBytes ? "256M" : "\(bytes)" }
}
