import ArgumentParser
import FootnoteCore

/// `footnote ask "question"`: one question, one answer, then exit.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Answer one question and exit.")

    @Argument(help: "The question (quote it, or pass it as several words).")
    var question: [String]

    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !question.joined().trimmingWhitespace().isEmpty else {
            throw ValidationError("the question is empty; try: footnote ask \"How are closed models accessed?\"")
        }
    }

    func run() throws {
        let session = try Session(options: corpusOptions)
        let answer = session.answer(question.joined(separator: " "), top: output.top)
        if output.json {
            print(JSONAnswerWriter.line(for: answer))
        } else {
            print(AnswerRenderer(style: .forStdout(color: output.color), showQuestion: false).render(answer), terminator: "")
        }
    }
}
