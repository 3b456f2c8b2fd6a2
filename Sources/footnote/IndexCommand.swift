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
        let session = try Session(options: corpusOptions, full: full, warnsWhenUnsaved: false)
        if let reason = session.unsavedReason {
            // Nothing was replaced: the index file, if there is one, is the previous index.
            throw FootnoteError(message: "\(reason); the previous index, if any, is kept; free some space or pass --index-dir",
                                exitCode: SysExits.ioError)
        }
        print(session.summary)
        print("index: " + session.indexFileDescription)
    }
}
