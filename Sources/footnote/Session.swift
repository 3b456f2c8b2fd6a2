import FootnoteCore
#if canImport(Glibc)
import Glibc
#endif

/// A loaded corpus and its answer engine, with what it cost to build: the state
/// behind every command. Reports skipped files on stderr once per load.
final class Session {
    /// The corpus path as given, and how to rank.
    let corpusPath: String
    let engineOptions: AnswerEngine.Options
    private(set) var engine: AnswerEngine
    /// Seconds to read the corpus and build the index.
    private(set) var buildSeconds: Double
    /// Of those, seconds to turn the passages in memory into a searchable
    /// index (`anchors.py`'s index_s: reading and parsing files excluded).
    private(set) var indexSeconds: Double

    convenience init(options: CorpusOptions) throws {
        try self.init(corpusPath: options.corpus, engineOptions: options.engineOptions)
    }

    init(corpusPath: String, engineOptions: AnswerEngine.Options) throws {
        self.corpusPath = corpusPath
        self.engineOptions = engineOptions
        (engine, buildSeconds, indexSeconds) = try Session.load(corpusPath, engineOptions)
    }

    /// Re-reads the corpus and rebuilds the index. On failure the current
    /// engine stays in place and the error is thrown.
    func reload() throws {
        (engine, buildSeconds, indexSeconds) = try Session.load(corpusPath, engineOptions)
    }

    private static func load(_ corpusPath: String, _ engineOptions: AnswerEngine.Options) throws -> (AnswerEngine, Double, Double) {
        let start = monotonicSeconds()
        let corpus: Corpus
        do {
            corpus = try CorpusLoader().load(corpusPath)
        } catch {
            if case .empty(_, let notices) = error { reportNotices(notices) }
            if case .unreadable = error { throw FootnoteError(message: error.description, exitCode: SysExits.ioError) }
            throw FootnoteError(message: error.description, exitCode: SysExits.noInput)
        }
        reportNotices(corpus.notices)
        let indexStart = monotonicSeconds()
        let engine = AnswerEngine(corpus: corpus, options: engineOptions)
        let end = monotonicSeconds()
        return (engine, end - start, end - indexStart)
    }

    private static func reportNotices(_ notices: [CorpusNotice]) {
        for notice in notices { printError(notice.description) }
        let skipped = notices.filter { $0.kind == .skipped }.count
        if skipped > 0 { printError("\(skipped) file\(skipped == 1 ? "" : "s") skipped") }
    }

    var corpus: Corpus { engine.corpus }
    var index: InvertedIndex { engine.index }

    /// "corpus: 1 file (5.2 KB), 27 passages, 312 terms, built in 3 ms"
    var summary: String {
        let files = corpus.documents.count, passages = corpus.passages.count
        return "\(corpus.path): \(files) file\(files == 1 ? "" : "s") (\(formatBytes(corpus.byteCount))), "
            + "\(passages) passage\(passages == 1 ? "" : "s"), \(index.termCount) terms, built in \(formatDuration(buildSeconds))"
    }
}
