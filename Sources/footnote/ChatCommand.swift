import ArgumentParser
import FootnoteCore
#if canImport(Glibc)
import Glibc
#endif

/// `footnote [chat]`: the REPL on a terminal, line-by-line answers on a pipe.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask questions interactively (terminal) or one per line (pipe). The default command.")

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var conversation: ConversationOptions

    func run() throws {
        let session = try Session(options: corpusOptions)
        if isatty(0) == 1 {
            var repl = REPL(session: session, top: output.top, json: output.json, color: output.color, conversation: conversation.options)
            repl.run()
        } else {
            let renderer = AnswerRenderer(style: .forStdout(color: output.color), showQuestion: true)
            var first = true
            while let line = readLine(strippingNewline: true) {
                let question = String(line.trimmingWhitespace())
                if question.isEmpty { continue }
                let answer = session.answer(question, top: output.top)
                if output.json {
                    print(JSONAnswerWriter.line(for: answer))
                } else {
                    if !first { print("") }
                    print(renderer.render(answer), terminator: "")
                }
                first = false
            }
        }
    }
}
