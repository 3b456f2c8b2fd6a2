import Testing
@testable import FootnoteStorage
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteIndex

@Suite struct DocumentWordsTests {
    @Test func listsRoundTripAndSumToCorpusCounts() {
        var builder = DocumentWords.Builder()
        builder.append([(word: 0, count: 2), (word: 5, count: 1), (word: 300, count: 70000)])
        builder.append([])
        builder.append([(word: 5, count: 3)])
        let lists = builder.build()
        #expect(lists.documentCount == 3)
        #expect(lists.isConsistent(documentCount: 3))
        var seen: [(Int, Int32)] = []
        #expect(lists.forEach(document: 0, wordCount: 301) { seen.append(($0, $1)) })
        #expect(seen.map(\.0) == [0, 5, 300] && seen.map(\.1) == [2, 1, 70000])
        #expect(lists.forEach(document: 1, wordCount: 301) { _, _ in Issue.record("document 1 has no words") })
        let totals = lists.counts(wordCount: 301)!
        #expect(totals[0] == 2 && totals[5] == 4 && totals[300] == 70000 && totals.reduce(0, +) == 70006)
        #expect(lists.counts(wordCount: 301, include: { $0 != 0 })![5] == 3)
    }

    @Test func damagedListsAreReportedNotTrusted() {
        var builder = DocumentWords.Builder()
        builder.append([(word: 0, count: 1), (word: 9, count: 1)])
        let lists = builder.build()
        // A word past the vocabulary.
        #expect(!lists.forEach(document: 0, wordCount: 9) { _, _ in })
        #expect(lists.counts(wordCount: 9) == nil)
        // A truncated pair.
        let bytes = lists.lists.withBytes(0) { Array($0) }
        let cut = DocumentWords(start: FlatArray([0, 3]), bytes: FlatArray(Array(bytes.prefix(3))))
        #expect(!cut.forEach(document: 0, wordCount: 10) { _, _ in })
        // A zero count, a missing document.
        #expect(!DocumentWords(start: FlatArray([0, 2]), bytes: FlatArray([0, 0])).forEach(document: 0, wordCount: 10) { _, _ in })
        #expect(!lists.isConsistent(documentCount: 2))
        // Compressed as a file stores them: the same lists.
        let stored = DocumentWords(lists: .compressed(lists.compressed()))
        #expect(stored == lists && stored.counts(wordCount: 10) == lists.counts(wordCount: 10))
        #expect(!lists.forEach(document: 1, wordCount: 10) { _, _ in })
    }

    /// The builder's lists against counting each document's words on their own.
    @Test func builderListsMatchEachDocumentAnalyzedAlone() {
        let texts = [
            "Tea kettles boil water; the kettle sings.", "Teapots steep tea. Tea!", "Kettle descaling with vinegar",
            "the and of", "Porcelain teapots keep heat; kettles do not.",
        ]
        // Documents of 1–3 passages, several chunks' worth.
        var passages: [Passage] = []
        for d in 0..<1200 {
            for k in 0...(d % 3) {
                passages.append(
                    Passage(
                        document: d, section: d % 4 == 0 ? ["Kettle care"] : [],
                        text: texts[(d + k) % texts.count] + " word\(d % 37)", lines: 1...1, bytes: 0..<1))
            }
        }
        for threads in [1, 2, 5] {
            let index = IndexBuilder(threads: threads).build(passages)
            #expect(index.documentWords.documentCount == 1200)
            for d in [0, 1, 2, 3, 4, 599, 1199] {
                var table = TermTable()
                let analyzer = Analyzer()
                for p in passages where p.document == d {
                    for heading in p.section { analyzer.analyze(heading, into: &table) { _, _ in } }
                    analyzer.analyze(p.text, into: &table) { _, _ in }
                }
                let expected = table.surfaceForms.map { (String(decoding: $0.word, as: UTF8.self), $0.count) }
                var got: [(String, Int32)] = []
                #expect(
                    index.documentWords.forEach(document: d, wordCount: index.vocabulary.count) {
                        got.append((index.vocabulary[$0], $1))
                    })
                #expect(got.map(\.0) == expected.map(\.0), "document \(d), \(threads) threads")
                #expect(got.map(\.1) == expected.map(\.1), "document \(d), \(threads) threads")
            }
        }
    }
}
