import ArgumentParser
import FootnoteCore

/// `footnote index`: bring the stored index up to date (or rebuild it with
/// `--full`) and say what it holds and where it is.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Update the stored index of the corpus (only added and changed files are read) and report what it holds.")

    @OptionGroup var corpusOptions: CorpusOptions

    @Flag(help: "Read every file and rebuild the index from scratch.")
    var full = false

    func run() throws {
        let session = try Session(options: corpusOptions, full: full)
        print(session.summary)
        print("index: " + session.indexFileDescription)
    }
}
