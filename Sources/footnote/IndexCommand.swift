import ArgumentParser
import FootnoteCore

/// `footnote index`: read the corpus, build the index, say what was indexed.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the index of the corpus and report what it holds.")

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let session = try Session(options: corpusOptions)
        print(session.summary)
    }
}
