import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `footnote [chat]`: the REPL on a terminal, line-by-line answers on a pipe.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask questions interactively (terminal) or one per line (pipe). The default command.",
        discussion: """
            On a terminal: a session with history, Tab completion and :commands (:help lists them). \
            Piped: one question per line; a line holding a :command runs it (:top 5 and :json on apply \
            to the questions after it; \\: starts a question with a colon). Exits 0 either way.

            EXAMPLES:
              footnote chat -c ~/notes
              printf 'What is open source AI?\\n:top 1\\nWho controls closed models?\\n' | footnote
              footnote --json < questions.txt > answers.jsonl
            """)

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var output: OutputOptions
    func run() throws {
        let session = try Session(options: corpusOptions)
        var repl = REPL(session: session, top: output.top, json: output.json, color: output.color, interactive: isatty(0) == 1)
        repl.run()
    }
}
