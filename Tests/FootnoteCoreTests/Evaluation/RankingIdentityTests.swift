import Foundation
import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteAnswer
@testable import FootnoteEvaluation

/// Speed work must not move a single ranking: the TREC run of the committed
/// SQuAD-dev sample (602 questions, top 100) is pinned by its XXH64, and it
/// is the same whether the index was built in memory, saved and mapped back,
/// or built with one thread. A change meant to alter rankings updates the
/// pin, with the full collections' figures in its commit message.
@Suite struct RankingIdentityTests {
    /// The run written since contractions of two stop words ("I'm",
    /// "that's") are stop words and questions leave out interjections and
    /// hedges ("oh", "maybe"); before: 0x9706_0bcf_7471_d16f, since questions
    /// leave out the words of the asking (`AskingWords`), and before that
    /// 0x07b3_4794_1cd3_f0df, the run of the last build before the stored
    /// index, MaxScore and the parallel builder (`footnote search --run` at b17a3eb).
    static let recordedRunHash: UInt64 = 0x0927_3305_c6ba_7cd6

    func run(_ corpus: Corpus, _ index: InvertedIndex, _ queries: [BEIRQuery]) -> String {
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        let result = BatchSearch(engine: AnswerEngine(corpus: corpus, index: index, options: options)).run(queries, top: 100, clock: { 0 })
        return queries.map { TRECRun.lines(query: $0.id, entries: result.run.rankings[$0.id] ?? []) }.joined()
    }

    @Test func theSampleRunIsPinnedHoweverTheIndexWasMade() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/squad-sample").path
        let queries = try BEIRQueries.read(folder + "/queries.jsonl")
        let corpus = try CorpusLoader().load(folder + "/corpus.jsonl")
        let inMemory = run(corpus, IndexBuilder().build(corpus.passages), queries)
        #expect(
            Checksum.hash(inMemory) == Self.recordedRunHash,
            "the sample's run changed: hash \(String(Checksum.hash(inMemory), radix: 16))")

        let oneThread = run(corpus, IndexBuilder(threads: 1).build(corpus.passages), queries)
        #expect(oneThread == inMemory)

        let store = TemporaryFolder()
        let built = try IndexStore(folder: store.path).open(folder + "/corpus.jsonl")
        let reopened = try IndexStore(folder: store.path).open(folder + "/corpus.jsonl")
        #expect(built.provenance == .built && reopened.provenance == .reused)
        #expect(run(reopened.corpus, reopened.index, queries) == inMemory)
    }
}
