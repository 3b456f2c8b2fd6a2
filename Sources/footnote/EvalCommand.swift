import ArgumentParser
import FootnoteCorpus
import FootnoteAnswer
import FootnoteEvaluation

/// `footnote eval DATASET_DIR`: run every query of a BEIR folder and score the
/// ranking (and, with gold answers, the excerpts) against its judgments.
/// `footnote eval --conversations DIR`: replay its dialogues as the chat
/// would answer them, and score each turn.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score ranking and excerpts on a BEIR folder (corpus.jsonl, queries.jsonl, qrels.tsv).",
        discussion: """
            Prints nDCG@10, MAP (AP@100), R@100 and P@10 with trec_eval's definitions (as ir_measures \
            computes them), and when queries carry "answers": Success@1, Success@5, answer@1 (the top-1 \
            passage contains a gold answer) and excerpt@1 (the top-1 excerpt a user is shown contains one), \
            with the mean excerpt length. A last line METRICS {json} holds the same figures.

            With --conversations DIR: replays DIR/conversations.jsonl through the chat's conversation \
            code, a dialogue at a time, citing 10 passages a turn, over DIR/corpus.jsonl (scored by the \
            turns' "relevant" passage ids) or, with --docs, over DIR/docs (scored by a cited file and \
            line range overlapping the turns' "gold_lines"). Prints Success@1, Success@5 and MRR@10 over \
            all, first and later turns, beside each turn asked alone; declined turns; how the turns were \
            read; and a last line METRICS {json}. The config file is not read.

            EXAMPLES:
              footnote eval ../shared/data/cranfield
              footnote eval ../shared/data/squad-dev --abstention --typos 500
              footnote eval --conversations ../shared/doc2dial-dev --docs
            """)

    @Argument(help: ArgumentHelp("A BEIR folder.", valueName: "dataset-dir"), completion: .directory)
    var dataset: String?

    @Option(
        help: ArgumentHelp("A conversational set: replay its dialogues as the chat answers them.", valueName: "dir"),
        completion: .directory)
    var conversations: String?

    @Flag(help: "With --conversations: answer from DIR/docs and score by file and lines.")
    var docs = false

    @Option(
        name: .customLong("min-confidence"),
        help: "With --conversations: decline below this confidence (default: the chat's). Ranking metrics never decline.")
    var minConfidence: Float = AnswerEngine.Options().minConfidence

    @Option(
        help: ArgumentHelp(
            "With --conversations: write one JSON line per scored turn (its text, reading, carried words, ranks) to this file.",
            valueName: "path"),
        completion: .file())
    var dump: String?

    @OptionGroup var batch: BatchOptions

    @OptionGroup var ranking: RankingOptions

    @OptionGroup var index: IndexOptions

    @Flag(help: "Also measure abstention: ask each article's questions with and without that article (passages grouped by title).")
    var abstention = false

    @Option(
        help: ArgumentHelp(
            "Also measure typo tolerance: misspell one word in each of N judged questions (swap, drop or double a letter) and compare Success@1.",
            valueName: "n"))
    var typos: Int?

    @Option(help: "The seed that picks the --typos questions, words and slips.")
    var seed: UInt64 = 1

    func validate() throws {
        switch (dataset, conversations) {
        case (nil, nil): throw ValidationError("name a BEIR folder, or --conversations DIR")
        case (_?, _?): throw ValidationError("give a BEIR folder or --conversations DIR, not both")
        case (nil, _?) where abstention || typos != nil:
            throw ValidationError("--abstention and --typos score a BEIR folder, not --conversations")
        case (_?, nil) where docs: throw ValidationError("--docs goes with --conversations DIR")
        default: break
        }
        guard (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be between 0 and 1, got \(minConfidence)")
        }
        if let typos, typos < 1 { throw ValidationError("--typos must be at least 1 (got \(typos))") }
    }

    func run() throws {
        if let conversations { return try replay(conversations) }
        let folder = dataset!.hasSuffix("/") ? String(dataset!.dropLast()) : dataset!
        let queries = try loadQueries(folder + "/queries.jsonl")
        let qrels: Qrels
        do { qrels = try Qrels.read(folder + "/qrels.tsv") } catch {
            throw FootnoteError(message: error.description, exitCode: SysExits.noInput)
        }
        var options = ranking.engineOptions(configured: false)
        options.minConfidence = 0
        let session = try Session(
            corpusPath: folder + "/corpus.jsonl", indexFolder: index.indexDir,
            builder: index.builder, engineOptions: options)
        let result = BatchSearch(engine: session.engine).run(queries, top: batch.top, clock: monotonicSeconds)
        if let path = batch.runPath {
            try writeFile(path, queries.map { TRECRun.lines(query: $0.id, entries: result.run.rankings[$0.id] ?? []) }.joined())
        }

        let report = EvaluationReport(engine: session.engine, queries: queries, qrels: qrels, result: result)
        let name = CorpusLoader.absolutePath(folder).split(separator: "/").last.map(String.init) ?? folder
        print(
            "\(name): \(session.corpus.passages.count) passages, \(queries.count) queries, \(qrels.judgedQueries.count) judged; "
                + "\(session.engine.searcher.model.name) k1=\(ranking.k1) b=\(ranking.b), top \(batch.top)")
        for (key, value) in report.figures {
            print(key.padding(12) + " " + format4(value))
        }
        if abstention {
            let study: AbstentionStudy
            do throws(PassageTextFailure) {
                study = try AbstentionStudy(whole: session.engine, queries: queries, qrels: qrels)
            } catch {
                throw FootnoteError(
                    message: "abstention study: \(error.description); run footnote index and try again", exitCode: SysExits.ioError)
            }
            print("abstention: \(study.present.count) questions asked with and without their article")
            print("threshold  answered  declined")
            for p in study.curve where Int((p.threshold * 100).rounded()) % 2 == 0 {
                print(format4(Double(p.threshold)).padding(10) + " " + format4(p.answered).padding(9) + " " + format4(p.declined))
            }
            if let best = study.bestThreshold() {
                print(
                    "best threshold answering ≥ 95%: \(format4(Double(best.threshold))) (answered \(format4(best.answered)), declined \(format4(best.declined)))"
                )
            }
            let current = study.point(AnswerEngine.Options().minConfidence)
            print(
                "default --min-confidence \(format4(Double(current.threshold))): answered \(format4(current.answered)), declined \(format4(current.declined))"
            )
            print(
                "answering \(format4(current.answered)): declined \(format4(study.declined(whenAnswering: current.answered)))"
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
            print(
                "TYPOS {\"questions\": \(n), \"seed\": \(seed), \"success1\": \(json6(study.asWritten)), "
                    + "\"success1_typos_corrected\": \(json6(study.corrected)), \"success1_typos_uncorrected\": \(json6(study.uncorrected)), "
                    + "\"restored\": \(study.restored)}")
        }
        print("METRICS {" + report.figures.map { "\"\($0.0)\": \(json6($0.1))" }.joined(separator: ", ") + "}")
    }

    /// `--conversations DIR`: the dialogues replayed and scored.
    func replay(_ dir: String) throws {
        let folder = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        let dialogues: [Dialogue]
        do { dialogues = try Dialogue.read(folder + "/conversations.jsonl") } catch {
            throw FootnoteError(message: error.description, exitCode: SysExits.noInput)
        }
        var options = ranking.engineOptions(configured: false)
        options.minConfidence = minConfidence
        let session = try Session(
            corpusPath: folder + (docs ? "/docs" : "/corpus.jsonl"), indexFolder: index.indexDir,
            builder: index.builder, engineOptions: options)
        let gold: ConversationStudy.Gold = docs ? .fileLines : .passageIDs
        if docs, !dialogues.contains(where: { $0.turns.contains { !$0.goldLines.isEmpty } }) {
            throw FootnoteError(
                message:
                    "\(folder)/conversations.jsonl: no turn has \"gold_lines\"; --docs scores by them (drop --docs to score by passage ids)",
                exitCode: SysExits.dataError)
        }
        let start = monotonicSeconds()
        let study = ConversationStudy(engine: session.engine, dialogues: dialogues, gold: gold, options: Conversation.Options())
        let seconds = monotonicSeconds() - start
        let all = study.figures(.all), later = study.figures(.later)
        let name = CorpusLoader.absolutePath(folder).split(separator: "/").last.map(String.init) ?? folder
        print(
            "\(name)\(docs ? " docs/" : ""): \(session.corpus.passages.count) passages, \(dialogues.count) dialogues, \(study.typed) turns typed, "
                + "\(all.turns) scored (\(study.figures(.first).turns) first, \(later.turns) later); top 10, min confidence \(format4(Double(minConfidence))), "
                + "\(formatDuration(seconds))")
        print("turns".padding(7) + "S@1     S@5     MRR@10  declined  | alone: S@1     S@5     MRR@10  declined")
        for part in ConversationStudy.Part.allCases {
            let c = study.figures(part), a = study.figures(part, alone: true)
            print(
                part.rawValue.padding(7) + [c.success1, c.success5, c.mrr10].map { format4($0).padding(7) }.joined(separator: " ")
                    + " " + "\(c.declined)".padding(9) + " |        "
                    + [a.success1, a.success5, a.mrr10].map { format4($0).padding(7) }.joined(separator: " ")
                    + " \(a.declined)")
        }
        let readings = study.readings()
        print(
            "read as: " + readings.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
                + "; with earlier words \(study.results.filter(\.usedContext).count), words replaced \(study.results.filter(\.replaced).count)"
        )
        if let dump {
            try writeFile(
                dump,
                study.results.map { r in
                    "{\"dialogue\":\(JSONAnswerWriter.quote(r.dialogue)),\"turn\":\(JSONAnswerWriter.quote(r.turn)),\"text\":\(JSONAnswerWriter.quote(r.text)),"
                        + "\"position\":\(r.position),\"reading\":\(r.reading.map { JSONAnswerWriter.quote($0.rawValue) } ?? "null"),"
                        + "\"carried\":{"
                        + r.carried.map { "\(JSONAnswerWriter.quote($0.word)):\(json6(Double($0.weight)))" }.joined(separator: ",") + "},"
                        + "\"rank\":\(r.rank.map(String.init) ?? "null"),\"alone_rank\":\(r.aloneRank.map(String.init) ?? "null")}\n"
                }.joined())
        }
        let metrics = study.metrics
        print("METRICS {" + metrics.map { "\"\($0.0)\": \(json6($0.1))" }.joined(separator: ", ") + "}")
    }
}
