import ArgumentParser
import FootnoteCore
#if canImport(Glibc)
import Glibc
#endif

/// `footnote search`: answer every query of a BEIR `queries.jsonl` and write a
/// TREC run file.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank passages for every query of a queries.jsonl and write a TREC run file.",
        discussion: "Run lines: qid Q0 docid rank score footnote (docid: the corpus _id, or file:line).")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: ArgumentHelp("BEIR queries file ({\"_id\", \"text\"} per line).", valueName: "path"))
    var queries: String

    @OptionGroup var batch: BatchOptions

    @Flag(help: "Also print one JSON answer per query on stdout (the piped schema plus \"id\").")
    var json = false

    @Flag(help: "Print a TIMINGS {json} line on stderr (index_s, query_median_ms, query_p99_ms, ...).")
    var timings = false

    func validate() throws {
        guard batch.runPath != nil || json || timings else {
            throw ValidationError("nothing to output: pass --run FILE, --json or --timings")
        }
    }

    func run() throws {
        let queryList = try loadQueries(queries)
        let session = try Session(options: corpusOptions)
        let indexSeconds = session.indexSeconds
        let batchSearch = BatchSearch(engine: session.engine)
        let result = batchSearch.run(queryList, top: batch.top, clock: monotonicSeconds)
        if let path = batch.runPath {
            var text = ""
            for q in queryList { text += TRECRun.lines(query: q.id, entries: result.run.rankings[q.id] ?? []) }
            try writeFile(path, text)
        }
        if json {
            for q in queryList {
                let answer = session.engine.answer(q.text, top: batch.top)
                print(JSONAnswerWriter.line(for: answer, extra: [("id", JSONAnswerWriter.quote(q.id))]))
            }
        }
        if timings {
            let corpusBytes = session.corpus.passages.reduce(0) { $0 + $1.text.utf8.count + $1.section.reduce(0) { $0 + $1.utf8.count + 1 } }
            let lat = result.latenciesMs
            let fields: [(String, String)] = [
                ("engine", "\"footnote\""), ("version", "\"\(Footnote.version)\""),
                ("docs", "\(session.corpus.passages.count)"), ("corpus_mb", json6(Double(corpusBytes) / 1e6)),
                ("queries", "\(queryList.count)"), ("k", "\(batch.top)"), ("threads", "1"), ("warmup_passes", "1"),
                ("index_s", json6(indexSeconds)),
                ("index_mb_per_s", json6(indexSeconds > 0 ? Double(corpusBytes) / 1e6 / indexSeconds : 0)),
                ("query_total_s", json6(lat.reduce(0, +) / 1000)),
                ("query_median_ms", json6(BatchSearch.percentile(50, of: lat))),
                ("query_p99_ms", json6(BatchSearch.percentile(99, of: lat))),
                ("query_mean_ms", json6(lat.isEmpty ? 0 : lat.reduce(0, +) / Double(lat.count))),
                ("empty_results", "\(result.hits.filter(\.isEmpty).count)"),
                ("peak_rss_mb", json6(peakRSSMegabytes())),
            ]
            writeStderr("TIMINGS {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}\n")
        }
    }
}

/// Reads a queries file, turning format errors into a one-line error (exit 65).
func loadQueries(_ path: String) throws -> [BEIRQuery] {
    do {
        let list = try BEIRQueries.read(path)
        guard !list.isEmpty else { throw FootnoteError(message: "\(path): no queries", exitCode: SysExits.dataError) }
        return list
    } catch let error as EvaluationInputError {
        let missing = access(path, R_OK) != 0
        throw FootnoteError(message: error.description + (missing ? "; pass a BEIR queries.jsonl" : ""),
                            exitCode: missing ? SysExits.noInput : SysExits.dataError)
    }
}

/// Writes a whole file, or fails with one line naming it (exit 73/74).
func writeFile(_ path: String, _ text: String) throws {
    guard let file = fopen(path, "w") else {
        throw FootnoteError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))", exitCode: 73)
    }
    var text = text
    let ok = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
    if fclose(file) != 0 || !ok {
        throw FootnoteError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))", exitCode: SysExits.ioError)
    }
}

func json6(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    return "\((x * 1e6).rounded() / 1e6)"
}

/// Peak resident set size of this process in MB (`ru_maxrss`, KiB on Linux).
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
