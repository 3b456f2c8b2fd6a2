import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteIndex

@Suite struct IndexBuilderTests {
    /// Enough passages for several chunks, with titles, headings, repeats and rare words.
    func passages() -> PassageList {
        PassageList(
            (0..<9000).map { i in
                Passage(
                    document: i / 100, id: i % 3 == 0 ? "p\(i)" : nil,
                    section: i % 3 == 0 ? ["Title \(i % 17) kettle"] : ["Chapter \(i / 100)", "Part \(i % 7) tea"],
                    text: "Word\(i % 101) tea kettle water \(i). " + String(repeating: "leaf\(i % 13) ", count: i % 5)
                        + (i % 250 == 0 ? "Ünïcode naïve café \(i)" : "steep steeped steeps"),
                    lines: 1...1, bytes: 0..<1)
            })
    }

    @Test func chunkedAnalysisGivesTheSameIndexAsOneThread() {
        let list = passages()
        let one = IndexBuilder(threads: 1).build(list)
        for threads in [2, 3, 8] {
            let many = IndexBuilder(threads: threads).build(list)
            let corpus = Corpus(path: "", absolutePath: "", documents: [], passages: list, notices: [])
            expectSame((corpus, one), (corpus, many))
        }
        let counts = one.documentWords.counts(wordCount: one.vocabulary.count)!
        #expect(counts[one.vocabulary.sortedIndex(of: "steeped")!] == Int32(9000 - 36))
        #expect(one.documentWords.documentCount == 90)
        #expect(Array(one.terms).elementsEqual(Array(one.terms).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
    }

    /// A worker that takes half of another's share numbers that chunk with
    /// its own table, which also numbers a chunk it analyzed before, not next
    /// to it: the index is the one thread's.
    @Test func aTakenHalfAnalyzedWithTheTakersTableGivesTheSameIndex() {
        let list = passages()
        let builder = IndexBuilder(threads: 2)
        let schedule = PassageSchedule(passageCount: list.count, workers: 2, minimumSteal: 100, maximumSteals: 2)
        var tables = [TermTable(), TermTable()]
        let analyzers = [Analyzer(), Analyzer()]
        func share(_ w: Int) -> IndexBuilder.Chunk {
            builder.analyzeShare(
                list, worker: w, schedule: schedule, table: &tables[w], analyzer: analyzers[w],
                releasingText: false, progress: nil)!
        }
        let first = share(0)
        #expect(schedule.steal(0))
        let taken = share(0), second = share(1)
        #expect(first.passages == 0..<4500 && second.passages == 4500..<6750 && taken.passages == 6750..<9000)
        let analysis = IndexBuilder.Analysis(chunks: [first, second, taken], tables: tables, passageCount: list.count)
        let corpus = Corpus(path: "", absolutePath: "", documents: [], passages: list, notices: [])
        expectSame((corpus, IndexBuilder(threads: 1).build(list)), (corpus, builder.index(from: analysis)))
    }

    @Test func headingAndTitleOccurrencesWeighWithoutPositions() {
        let list = PassageList([
            Passage(document: 0, id: nil, section: ["Tea", "Tea kettles"], text: "A kettle.", lines: 1...1, bytes: 0..<1),
            Passage(document: 0, id: "t", section: ["Tea"], text: "Tea tea.", lines: 2...2, bytes: 0..<1),
        ])
        let idx = IndexBuilder(titleWeight: 3, headingWeight: 0.5).build(list)
        let tea = idx.termID("tea")!, kettl = idx.termID("kettl")!
        #expect(Array(idx.postingFrequency[idx.postings(tea)]) == [1.0, 5.0])  // two headings × 0.5; title × 3 + 2
        #expect(Array(idx.postingFrequency[idx.postings(kettl)]) == [1.5])
        let p = idx.postings(tea).lowerBound
        #expect(idx.positions(p).isEmpty)  // heading occurrences have no positions
        #expect(idx.positions(p + 1) == [0, 1])
        #expect(Array(idx.passageLength) == [Float(2.5), Float(5)])  // 1.5 + 1 and 3 + 2
    }

    /// Releasing the text while analyzing it gives the same index, and the
    /// text's memory really is given back (its released pages read as zeros):
    /// all of it but the pages chunks share at their ends, however the
    /// workers split the passages.
    @Test func analysisThatReleasesTheTextGivesTheSameIndex() {
        func list() -> PassageList {  // about 12 MB of text: released several times per chunk
            PassageList(
                (0..<60_000).map { i in
                    Passage(
                        document: i / 500, section: ["Part \(i % 9)"],
                        text: "Kettle \(i % 101) boils water for tea; " + String(repeating: "leaf\(i % 13) steeped ", count: 8 + i % 7)
                            + "and the pot \(i) keeps it warm.", lines: 1...1, bytes: 0..<1)
                })
        }
        let kept = list(), released = list()
        let expected = IndexBuilder(threads: 2).build(kept)
        let index = IndexBuilder(threads: 2).index(from: IndexBuilder(threads: 2).analyze(released, releasingText: true))
        let corpus = Corpus(path: "", absolutePath: "", documents: [], passages: kept, notices: [])
        expectSame((corpus, expected), (corpus, index), texts: false)
        guard case .plain(let table)? = released.texts else { Issue.record("plain text expected"); return }
        let zeros = table.bytes.buffer.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        #expect(zeros > table.bytes.count * 9 / 10, "\(zeros) of \(table.bytes.count) bytes released")
        if case .plain(let untouched)? = kept.texts { #expect(!untouched.bytes.buffer.contains(0)) }
    }
}
