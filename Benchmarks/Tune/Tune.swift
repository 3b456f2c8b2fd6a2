import ArgumentParser
import FootnoteStorage
import FootnoteCorpus
import FootnoteIndex
import FootnoteSearch
import FootnoteAnswer
import FootnoteEvaluation

/// `footnote-tune`: the library's tuning knobs, for measuring, outside the
/// product's command line. It drives the library directly: reads a test
/// collection, builds the index in memory with the index-time settings
/// given, ranks with the query-time ones, and prints the figures `footnote
/// eval` prints, as one METRICS {json} line. The values the product uses are
/// the defaults, so a run without options measures the product.
///
///     swift run -c release footnote-tune ../shared/data/squad-dev --cue-weight 0.3
///     swift run -c release footnote-tune ../shared/doc2dial-dev --conversations --docs --conv-decay 0.5
@main
struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footnote-tune",
        abstract: "Measure footnote's tuning knobs on a BEIR folder or a conversational set (prints METRICS {json}).")

    @Argument(
        help: ArgumentHelp(
            "A BEIR folder (corpus.jsonl, queries.jsonl, qrels.tsv), or with --conversations a conversational set.",
            valueName: "dir"))
    var dataset: String

    @Flag(help: "Replay DIR/conversations.jsonl as the chat answers it (as `footnote eval --conversations`).")
    var conversations = false

    @Flag(help: "With --conversations: answer from DIR/docs and score by file and lines.")
    var docs = false

    @Option(help: "Passages ranked per query (BEIR).")
    var top = 100

    @Option(help: "Ranking function: \(ScoringChoice.spelledOut).")
    var scoring = ScoringChoice.bm25.rawValue

    @Option(help: "BM25 term-frequency saturation k1.")
    var k1 = BM25.defaultK1

    @Option(help: "BM25 length normalization b (0...1).")
    var b = BM25.defaultB

    @Option(name: .customLong("min-confidence"), help: "With --conversations: decline below this confidence.")
    var minConfidence = AnswerEngine.Options().minConfidence

    // Index time: these change what is indexed.
    @Option(name: .customLong("title-weight"), help: "Weight of a BEIR title occurrence.")
    var titleWeight = IndexBuilder().titleWeight

    @Option(name: .customLong("heading-weight"), help: "Weight of a section heading occurrence.")
    var headingWeight = IndexBuilder().headingWeight

    // Query time.
    @Option(name: .customLong("proximity-weight"), help: "Weight λ of the term-pair proximity bonus (0: off).")
    var proximityWeight = ProximityBonus().weight

    @Option(name: .customLong("proximity-window"), help: "Largest token distance earning a proximity bonus.")
    var proximityWindow = ProximityBonus().window

    @Option(name: .customLong("lead-prior"), help: "Strength β of the lead prior (0: off).")
    var leadPrior = LeadPrior.defaultStrength

    @Option(name: .customLong("excerpt-cluster"), help: "Bytes within which the densest cluster of matches is sought.")
    var excerptCluster = ExcerptBuilder().clusterCharacters

    @Option(name: .customLong("cue-weight"), help: "Excerpt bonus for keeping a word of the kind the question asks for.")
    var cueWeight = ExcerptBuilder().cueWeight

    @Option(name: .customLong("excerpt-sentences"), help: "Most prose sentences in an excerpt.")
    var excerptSentences = ExcerptBuilder().maxSentences

    // Conversations (`Conversation.Options`).
    @Option(name: .customLong("conv-subject"), help: "Weight σ of the conversation's subject words in a follow-up.")
    var subject = Conversation.Options().subjectWeight

    @Option(name: .customLong("conv-recent"), help: "Weight ρ of the previous turn's words in a follow-up.")
    var recent = Conversation.Options().recentWeight

    @Option(name: .customLong("conv-decay"), help: "Decay γ of an earlier turn's words per turn back.")
    var decay = Conversation.Options().decay

    @Option(name: .customLong("conv-page-prior"), help: "Prior δ of the pages the conversation cited.")
    var pagePrior = Conversation.Options().pagePrior

    @Option(name: .customLong("conv-carried-share"), help: "Most the carried words weigh together, as a share of the question's own.")
    var carriedShare = Conversation.Options().carriedShare

    @Option(name: .customLong("conv-interleave"), help: "A question read alone shows the context's passages every n-th place (0: never).")
    var interleave = Conversation.Options().interleave

    @Option(name: .customLong("conv-continuity"), help: "Share of its own best score a passage on the cited pages needs.")
    var continuity = Conversation.Options().continuity

    @Option(name: .customLong("conv-elliptical-continuity"), help: "The same share for an elliptical question.")
    var ellipticalContinuity = Conversation.Options().ellipticalContinuity

    func validate() throws {
        guard ScoringChoice(rawValue: scoring) != nil else { throw ValidationError("--scoring must be \(ScoringChoice.spelledOut)") }
        guard k1 >= 0, k1.isFinite, (0...1).contains(b), (0...1).contains(minConfidence) else {
            throw ValidationError("--k1 must be ≥ 0, --b and --min-confidence between 0 and 1")
        }
        let weights = [
            titleWeight, headingWeight, proximityWeight, leadPrior, cueWeight, subject, recent, decay, pagePrior, carriedShare,
            continuity, ellipticalContinuity,
        ]
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }), proximityWindow >= 1, excerptCluster >= 1, excerptSentences >= 1,
            interleave >= 0, top >= 1
        else {
            throw ValidationError("weights must be finite and ≥ 0; windows, sentences and --top at least 1")
        }
        if docs && !conversations { throw ValidationError("--docs goes with --conversations") }
    }

    /// The engine options the flags describe.
    var engineOptions: AnswerEngine.Options {
        var options = AnswerEngine.Options(scoring: ScoringChoice(rawValue: scoring)!, k1: k1, b: b, minConfidence: minConfidence)
        options.excerpt.clusterCharacters = excerptCluster
        options.excerpt.maxSentences = excerptSentences
        options.excerpt.cueWeight = cueWeight
        options.proximity = proximityWeight > 0 ? ProximityBonus(weight: proximityWeight, window: proximityWindow) : nil
        options.leadPrior = leadPrior
        return options
    }

    var conversationOptions: Conversation.Options {
        var options = Conversation.Options()
        options.subjectWeight = subject
        options.recentWeight = recent
        options.decay = decay
        options.pagePrior = pagePrior
        options.carriedShare = carriedShare
        options.interleave = interleave
        options.continuity = continuity
        options.ellipticalContinuity = ellipticalContinuity
        return options
    }

    /// A collection that cannot be read: said in one line (ArgumentParser prints it after "Error:").
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run() throws {
        let folder = dataset.hasSuffix("/") ? String(dataset.dropLast()) : dataset
        let corpusPath = folder + (docs ? "/docs" : "/corpus.jsonl")
        let corpus: Corpus
        do { corpus = try CorpusLoader().load(corpusPath) } catch { throw Failure(description: "\(corpusPath): \(error)") }
        let builder = IndexBuilder(titleWeight: titleWeight, headingWeight: headingWeight)
        var options = engineOptions
        if !conversations { options.minConfidence = 0 }  // ranking metrics never decline, as in `footnote eval`
        let engine = AnswerEngine(corpus: corpus, builder: builder, options: options)
        var metrics: [(String, Double)] = []
        do {
            if conversations {
                let study = ConversationStudy(
                    engine: engine, dialogues: try Dialogue.read(folder + "/conversations.jsonl"),
                    gold: docs ? .fileLines : .passageIDs, options: conversationOptions)
                metrics = study.metrics
            } else {
                let queries = try BEIRQueries.read(folder + "/queries.jsonl")
                let qrels = try Qrels.read(folder + "/qrels.tsv")
                let result = BatchSearch(engine: engine).run(queries, top: top, clock: SystemClock.monotonicSeconds)
                metrics = EvaluationReport(engine: engine, queries: queries, qrels: qrels, result: result).figures
            }
        } catch {
            throw Failure(description: "\(error)")
        }
        print("METRICS {" + metrics.map { "\"\($0.0)\": \(($0.1 * 1e6).rounded() / 1e6)" }.joined(separator: ", ") + "}")
    }
}
