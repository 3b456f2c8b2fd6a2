import ArgumentParser

/// `footnote ask "question"`: one question, one answer, then exit.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer one question and exit.",
        discussion: """
            Exits 0 when it cites a passage, 1 when it declines to answer (nothing in the corpus answers \
            the question, or it asks nothing), as grep exits 1 when nothing matches; 64 and up on errors.

            In the question, "quoted words" must appear together, +word must appear and -word must not. \
            A question that starts with - is still a question when it holds a space; otherwise put it \
            after --.

            EXAMPLES:
              footnote ask "How are closed models accessed?"
              footnote ask -n 1 --json "-closed +open source"
              footnote ask -- -closed +open source
              footnote ask -c ~/notes "backup schedule" || echo "not in my notes"
            """)

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
            print(JSONAnswerWriter.line(for: answer, paths: session.paths))
        } else {
            print(
                AnswerRenderer(style: .forStdout(color: output.color), showQuestion: false, paths: session.paths).render(answer),
                terminator: "")
        }
        if answer.items.isEmpty { throw QuietExit.declined }
    }
}
