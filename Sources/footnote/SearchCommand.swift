import ArgumentParser
import FootnoteEvaluation
#if canImport(Glibc)
import Glibc
#endif

/// `footnote search`: answer every query of a BEIR `queries.jsonl` and write a
/// TREC run file.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank passages for every query of a queries.jsonl and write a TREC run file.",
        discussion: """
            Run lines: qid Q0 docid rank score footnote (docid: the corpus _id, or file:line), to --run \
            or to stdout. The config file is not read: a run does not depend on who makes it.

            EXAMPLES:
              footnote search -c data/scifact/corpus.jsonl --queries data/scifact/queries.jsonl > scifact.trec
              footnote search -c data/scifact/corpus.jsonl --queries data/scifact/queries.jsonl --run out.trec --timings
            """)

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: ArgumentHelp("BEIR queries file ({\"_id\", \"text\"} per line).", valueName: "path"), completion: .file())
    var queries: String

    @OptionGroup var batch: BatchOptions

    @Flag(
        name: [.customShort("j"), .long],
        help: "Print one JSON answer per query on stdout (the piped schema plus \"id\") instead of the run (unless --run).")
    var json = false

    @Flag(
        help:
            "Print a TIMINGS {json} line on stderr (index_s, query_median_ms, query_p99_ms, ...; index_s is 0 when the stored index was reused: pass a fresh --index-dir to time a build)."
    )
    var timings = false

    func run() throws {
        let queryList = try loadQueries(queries)
        // Test-collection questions are text: their quotes and dashes are not
        // operators, and their words are searched as written, as in the run file.
        // The config file is not read: a run does not depend on who makes it.
        var engineOptions = corpusOptions.engineOptions(configured: false)
        engineOptions.querySyntax = false
        engineOptions.correctSpelling = false
        let session = try Session(
            corpusPath: corpusOptions.corpus ?? "corpus", indexFolder: corpusOptions.index.indexDir,
            builder: corpusOptions.index.builder, engineOptions: engineOptions, loader: corpusOptions.loader(configured: false),
            verbose: corpusOptions.verbose)
        let indexSeconds = session.indexSeconds
        let batchSearch = BatchSearch(engine: session.engine)
        let result = batchSearch.run(queryList, top: batch.top, clock: monotonicSeconds)
        // The run goes to --run, else to stdout unless stdout carries the JSON answers.
        if batch.runPath != nil || !json {
            var text = ""
            for q in queryList { text += TRECRun.lines(query: q.id, entries: result.run.rankings[q.id] ?? []) }
            if let path = batch.runPath { try writeFile(path, text) } else { print(text, terminator: "") }
        }
        if json {
            for q in queryList {
                let answer = session.answer(q.text, top: batch.top)
                print(JSONAnswerWriter.line(for: answer, paths: session.paths, extra: [("id", JSONAnswerWriter.quote(q.id))]))
            }
        }
        if timings {
            let corpusBytes = session.corpus.textByteCount
            let lat = result.latenciesMs
            let fields: [(String, String)] = [
                ("engine", "\"footnote\""), ("version", "\"\(Footnote.version)\""),
                ("docs", "\(session.corpus.passages.count)"), ("corpus_mb", json6(Double(corpusBytes) / 1e6)),
                ("queries", "\(queryList.count)"), ("k", "\(batch.top)"), ("threads", "\(session.builder.threads)"), ("warmup_passes", "1"),
                ("index_s", json6(indexSeconds)),
                ("index", "\"\(session.provenance.verb)\""),
                ("index_load_s", json6(session.buildSeconds)),
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
