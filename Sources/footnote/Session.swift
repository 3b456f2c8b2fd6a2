import FootnoteCorpus
import FootnoteIndex
import FootnoteAnswer
#if canImport(Glibc)
import Glibc
#endif

/// A loaded corpus and its answer engine, with what it cost to get them: the
/// state behind every command. The index comes from `IndexStore`: reused,
/// updated or rebuilt on disk, or built in memory when no index folder can be
/// found. Reports on stderr, once per load, the files skipped and why a stored
/// index was not used.
final class Session {
    /// The corpus path as given (and why that one), where its index lives, and how to rank.
    let corpusPath: String
    let corpusChoice: CorpusChoice
    /// How citations name files: openable from the current folder (`corpus/notes.md:12`).
    let paths: OpenablePaths
    let indexFolder: String?
    /// How the index is built: title and heading weights, workers.
    let builder: IndexBuilder
    let engineOptions: AnswerEngine.Options
    /// How the corpus is read: the size limit and which files (`--max-file-size`,
    /// ignore files, `--include`, `--exclude`).
    let loader: CorpusLoader
    /// List every skipped file and warning (`--verbose`), not one summary line of each.
    let verbose: Bool
    private(set) var engine: AnswerEngine
    /// Seconds to get the index in hand (reading the corpus and building, or loading).
    private(set) var buildSeconds: Double
    /// Of those, seconds turning passages in memory into postings (`anchors.py`'s
    /// index_s: reading and parsing files excluded); 0 when the index was reused.
    private(set) var indexSeconds: Double
    /// How the index came to be.
    private(set) var provenance: IndexStore.Provenance
    /// Times the index was brought up to date since the session began.
    private(set) var reloads = 0
    /// Why the index just built or updated could not be saved (disk full, no
    /// permission); nil when it was saved or reused. The file on disk, if
    /// any, is the previous index, untouched.
    var unsavedReason: String? { unsaved?.reason }
    /// The index could not be saved because the disk (or quota) is full: freeing space would help.
    var unsavedForSpace: Bool { unsaved?.outOfSpace ?? false }
    private var unsaved: (reason: String, outOfSpace: Bool)?
    /// Print a warning when the index cannot be saved (the `index` command
    /// reports it as its error instead).
    let warnsWhenUnsaved: Bool

    convenience init(options: CorpusOptions, full: Bool = false, warnsWhenUnsaved: Bool = true) throws {
        try self.init(
            corpus: options.corpusChoice, indexFolder: options.index.indexDir, builder: options.index.builder,
            engineOptions: options.engineOptions, full: full,
            loader: options.loader, verbose: options.verbose, warnsWhenUnsaved: warnsWhenUnsaved)
    }

    /// - Parameters:
    ///   - choice: the corpus path, and why that one (the banner says it).
    ///   - indexFolder: `--index-dir`; nil for the default cache folder.
    ///   - loader: how files are read and which (`--max-file-size`, ignore files, globs).
    ///   - verbose: list every notice instead of summing them up.
    convenience init(
        corpusPath: String, indexFolder: String?, builder: IndexBuilder, engineOptions: AnswerEngine.Options,
        full: Bool = false, loader: CorpusLoader = CorpusLoader(), verbose: Bool = false,
        warnsWhenUnsaved: Bool = true
    ) throws {
        try self.init(
            corpus: CorpusChoice(path: corpusPath), indexFolder: indexFolder, builder: builder,
            engineOptions: engineOptions, full: full,
            loader: loader, verbose: verbose, warnsWhenUnsaved: warnsWhenUnsaved)
    }

    init(
        corpus choice: CorpusChoice, indexFolder: String?, builder: IndexBuilder, engineOptions: AnswerEngine.Options,
        full: Bool = false,
        loader: CorpusLoader = CorpusLoader(), verbose: Bool = false, warnsWhenUnsaved: Bool = true
    ) throws {
        let corpusPath = choice.path
        self.corpusChoice = choice
        paths = OpenablePaths(corpusPath: choice.path)
        self.loader = loader
        self.verbose = verbose
        self.warnsWhenUnsaved = warnsWhenUnsaved
        self.corpusPath = corpusPath
        self.indexFolder =
            indexFolder
            ?? IndexStore.defaultFolder(forCorpus: CorpusLoader.absolutePath(corpusPath), environment: ProcessInfoLite.environment)
        self.builder = builder
        self.engineOptions = engineOptions
        (engine, buildSeconds, indexSeconds, provenance, unsaved) = try Session.load(
            corpusPath, self.indexFolder, builder, engineOptions,
            loader, verbose, warnsWhenUnsaved, full: full)
    }

    /// Brings the index up to date with the corpus (re-reading only what
    /// changed). On failure the current engine stays in place and the error is thrown.
    func reload() throws {
        (engine, buildSeconds, indexSeconds, provenance, unsaved) = try Session.load(
            corpusPath, indexFolder, builder, engineOptions, loader,
            verbose, warnsWhenUnsaved, full: false)
        reloads += 1
    }

    private static func load(
        _ corpusPath: String, _ indexFolder: String?, _ builder: IndexBuilder,
        _ engineOptions: AnswerEngine.Options, _ loader: CorpusLoader,
        _ verbose: Bool, _ warnsWhenUnsaved: Bool, full: Bool
    ) throws -> (AnswerEngine, Double, Double, IndexStore.Provenance, (reason: String, outOfSpace: Bool)?) {
        do {
            nonisolated(unsafe) var unsaved: String?
            nonisolated(unsafe) var unsavedForSpace = false
            let store = IndexStore(folder: indexFolder, builder: builder, loader: loader)
            let progress = ProgressBar()
            let outcome = try store.open(corpusPath, full: full) { event in
                switch event {
                case .rebuilding(let reason): progress.clear(); printError("index: \(reason)")
                case .waitingForLock(let path):
                    progress.clear(); printError("index: waiting for another footnote process to finish indexing (lock \(path))")
                case .notSaved(let reason, let outOfSpace):
                    progress.clear()
                    unsaved = reason
                    unsavedForSpace = outOfSpace
                    if warnsWhenUnsaved { printError("warning: \(reason); answering from memory this time") }
                case .reading(let p): progress.update(phase: "reading", files: (p.files, p.totalFiles), bytes: (p.bytes, p.totalBytes))
                case .analyzing(let done, let total): progress.update(phase: "indexing", done: done, of: total)
                }
            }
            progress.clear()
            reportNotices(outcome.newNotices, verbose: verbose)
            let engine = AnswerEngine(corpus: outcome.corpus, index: outcome.index, options: engineOptions)
            return (engine, outcome.seconds, outcome.indexSeconds, outcome.provenance, unsaved.map { ($0, unsavedForSpace) })
        } catch {
            // `store.open` throws only `CorpusError` (typed throws).
            if case .empty(_, let notices) = error { reportNotices(notices, verbose: verbose) }
            if case .unreadable = error { throw FootnoteError(message: error.description, exitCode: SysExits.ioError) }
            throw FootnoteError(message: error.description, exitCode: SysExits.noInput)
        }
    }

    /// Every notice on its own line with `verbose`; else one summary line for
    /// the skipped files and one for the warnings, counted by reason.
    private static func reportNotices(_ notices: [CorpusNotice], verbose: Bool) {
        if verbose {
            for notice in notices { printError(notice.description) }
            let skipped = notices.filter { $0.kind == .skipped }.count
            if skipped > 0 { printError("\(skipped) file\(skipped == 1 ? "" : "s") skipped") }
            return
        }
        for kind in [CorpusNotice.Kind.skipped, .warning] {
            if let line = CorpusNotice.summary(of: notices, kind: kind) { printError(line + "; --verbose lists them") }
        }
    }

    /// "/home/u/.cache/footnote/…/index.footnote (2.1 MB)", "… (not saved)",
    /// or why there is no file.
    var indexFileDescription: String {
        guard let indexFolder else { return "none (no HOME or XDG_CACHE_HOME to keep it in; built in memory)" }
        let path = indexFolder + "/" + IndexFile.fileName
        var st = stat()
        return path + (stat(path, &st) == 0 ? " (\(formatBytes(Int(st.st_size))))" : " (not saved)")
    }

    /// The engine's answer to `question` asked alone; when a passage's file
    /// changed since it was indexed, the index is brought up to date (one
    /// line on stderr says so) and the question asked again, once.
    func answer(_ question: String, top: Int) -> Answer {
        answerUpdating { engine.answer(question, top: top) }
    }

    /// The next turn of `conversation`, updated as `answer(_:top:)` is.
    func answer(_ question: String, top: Int, in conversation: Conversation) -> Answer {
        answerUpdating {
            conversation.use(engine)
            return conversation.ask(question, top: top)
        }
    }

    /// `conversation`'s last question ranked again for `top` passages (`:more`); nil before one was asked.
    func more(top: Int, in conversation: Conversation) -> Answer? {
        guard conversation.canContinue else { return nil }
        return answerUpdating {
            conversation.use(engine)
            return conversation.more(top: top)!
        }
    }

    /// `ask()`, and again after updating the index when a cited file changed since it was indexed.
    private func answerUpdating(_ ask: () -> Answer) -> Answer {
        let answer = ask()
        guard case .sourceUnavailable(.changed(let path)) = answer.notice else { return answer }
        printError("index: \(path) changed since it was indexed; updating the index")
        do {
            try reload()
        } catch let error as FootnoteError {
            printError(error.message)
            return answer
        } catch {
            printError("\(error)")
            return answer
        }
        return ask()
    }

    var corpus: Corpus { engine.corpus }
    var index: InvertedIndex { engine.index }

    /// "corpus: 1 file (5.2 KB), 27 passages, 312 terms, built in 3 ms"
    var summary: String {
        let files = corpus.documents.count, passages = corpus.passages.count
        let how = provenance.verb + (provenance.changes.map { " " + $0 } ?? "")
        return "\(corpus.path): \(files) file\(files == 1 ? "" : "s") (\(formatBytes(corpus.byteCount))), "
            + "\(passages) passage\(passages == 1 ? "" : "s"), \(index.termCount) terms, \(how) in \(formatDuration(buildSeconds))"
    }
}
