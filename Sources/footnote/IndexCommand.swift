import ArgumentParser

/// `footnote index`: bring the stored index up to date (or rebuild it with
/// `--full`) and say what it holds and where it is.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Update the stored index of the corpus (only added and changed files are read) and report what it holds.",
        discussion: """
            The index is kept in $XDG_CACHE_HOME/footnote/<hash of the corpus path> (or --index-dir) \
            and is brought up to date on every start anyway; this command does it ahead of time.

            EXAMPLES:
              footnote index -c ~/notes
              footnote index --full --verbose
              footnote index -c /usr/share/doc --archives --exclude '*.html'
            """)

    @OptionGroup var corpusOptions: CorpusOptions

    @Flag(help: "Read every file and rebuild the index from scratch.")
    var full = false

    func run() throws {
        let session = try Session(options: corpusOptions, full: full, warnsWhenUnsaved: false)
        if let reason = session.unsavedReason {
            // Nothing was replaced: the index file, if there is one, is the previous index.
            let advice = session.unsavedForSpace ? "free some space or pass --index-dir" : "pass --index-dir to keep it elsewhere"
            throw FootnoteError(message: "\(reason); the previous index, if any, is kept; " + advice, exitCode: SysExits.ioError)
        }
        print(session.summary)
        print("index: " + session.indexFileDescription)
    }
}
