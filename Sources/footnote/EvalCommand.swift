import ArgumentParser
import FootnoteCore

/// `footnote eval DATASET_DIR`: run every query of a BEIR folder and score the
/// ranking (and, with gold answers, the excerpts) against its judgments.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score ranking and excerpts on a BEIR folder (corpus.jsonl, queries.jsonl, qrels.tsv).",
        discussion: """
        Prints nDCG@10, MAP (AP@100), R@100 and P@10 with trec_eval's definitions (as ir_measures
        computes them), and when queries carry "answers": Success@1, Success@5, answer@1 (the top-1
        passage contains a gold answer) and excerpt@1 (the top-1 excerpt a user is shown contains one),
        with the mean excerpt length. A last line METRICS {json} holds the same figures.
        """)

    @Argument(help: ArgumentHelp("A BEIR folder.", valueName: "dataset-dir"))
    var dataset: String

    @OptionGroup var batch: BatchOptions

    @OptionGroup var ranking: RankingOptions

    @OptionGroup var index: IndexOptions

    @Flag(help: "Also measure abstention: ask each article's questions with and without that article (passages grouped by title).")
    var abstention = false

    @Option(help: ArgumentHelp("Also measure typo tolerance: misspell one word in each of N judged questions (swap, drop or double a letter) and compare Success@1.", valueName: "n"))
    var typos: Int?

    @Option(help: "The seed that picks the --typos questions, words and slips.")
    var seed: UInt64 = 1

    func validate() throws {
        if let typos, typos < 1 { throw ValidationError("--typos must be at least 1 (got \(typos))") }
    }

    func run() throws {
        let folder = dataset.hasSuffix("/") ? String(dataset.dropLast()) : dataset
        let queries = try loadQueries(folder + "/queries.jsonl")
        let qrels: Qrels
        do { qrels = try Qrels.read(folder + "/qrels.tsv") } catch {
            throw FootnoteError(message: error.description, exitCode: SysExits.noInput)
        }
        var options = ranking.engineOptions
        options.minConfidence = 0
        if let threads = index.threads { options.index.threads = threads }
        let session = try Session(corpusPath: folder + "/corpus.jsonl", indexFolder: index.indexDir, engineOptions: options)
        let result = BatchSearch(engine: session.engine).run(queries, top: batch.top, clock: monotonicSeconds)
        if let path = batch.runPath {
            try writeFile(path, queries.map { TRECRun.lines(query: $0.id, entries: result.run.rankings[$0.id] ?? []) }.joined())
        }

        let report = EvaluationReport(engine: session.engine, queries: queries, qrels: qrels, result: result)
        let name = CorpusLoader.absolutePath(folder).split(separator: "/").last.map(String.init) ?? folder
        print("\(name): \(session.corpus.passages.count) passages, \(queries.count) queries, \(qrels.judgedQueries.count) judged; "
              + "\(session.engine.searcher.model.name) k1=\(ranking.k1) b=\(ranking.b), top \(batch.top)")
        for (key, value) in report.figures {
            print(key.padding(12) + " " + format4(value))
        }
        if abstention {
            let study: AbstentionStudy
            do throws(PassageTextFailure) {
                study = try AbstentionStudy(whole: session.engine, queries: queries, qrels: qrels)
            } catch {
                throw FootnoteError(message: "abstention study: \(error.description); run footnote index and try again", exitCode: SysExits.ioError)
            }
            print("abstention: \(study.present.count) questions asked with and without their article")
            print("threshold  answered  declined")
            for p in study.curve where Int((p.threshold * 100).rounded()) % 2 == 0 {
                print(format4(Double(p.threshold)).padding(10) + " " + format4(p.answered).padding(9) + " " + format4(p.declined))
            }
            if let best = study.bestThreshold() {
                print("best threshold answering ≥ 95%: \(format4(Double(best.threshold))) (answered \(format4(best.answered)), declined \(format4(best.declined)))")
            }
            let current = study.point(AnswerEngine.Options().minConfidence)
            print("default --min-confidence \(format4(Double(current.threshold))): answered \(format4(current.answered)), declined \(format4(current.declined))")
            print("answering \(format4(current.answered)): declined \(format4(study.declined(whenAnswering: current.answered)))"
                  + " (coverage alone: \(format4(study.declined(whenAnswering: current.answered, coverage: true))))")
        }
        if let typos {
            let study = TypoStudy(engine: session.engine, queries: queries, qrels: qrels, count: typos, seed: seed)
            let n = study.misspellings.count
            print("typos: \(n) questions, one content word misspelled in each (seed \(seed))")
            print("Success@1 as written".padding(38) + " " + format4(study.asWritten))
            print("Success@1 misspelled, corrected".padding(38) + " " + format4(study.corrected))
            print("Success@1 misspelled, not corrected".padding(38) + " " + format4(study.uncorrected))
            print("words corrected back to the original".padding(38) + " \(study.restored) of \(n)")
            print("TYPOS {\"questions\": \(n), \"seed\": \(seed), \"success1\": \(json6(study.asWritten)), "
                  + "\"success1_typos_corrected\": \(json6(study.corrected)), \"success1_typos_uncorrected\": \(json6(study.uncorrected)), "
                  + "\"restored\": \(study.restored)}")
        }
        print("METRICS {" + report.figures.map { "\"\($0.0)\": \(json6($0.1))" }.joined(separator: ", ") + "}")
    }
}
