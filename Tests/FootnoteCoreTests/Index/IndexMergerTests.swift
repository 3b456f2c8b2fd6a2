import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex

@Suite struct IndexMergerTests {
    func part(_ texts: [String], numbers: [Int?]) -> IndexMerger.Part {
        let passages = texts.enumerated().map { Passage(document: $0.offset, section: [], text: $0.element, lines: 1...1, bytes: 0..<1) }
        let corpus = Corpus(
            path: "", absolutePath: "",
            documents: texts.indices.map { SourceDocument(path: "f\($0)", format: .plainText, byteCount: 1, passageCount: 1) },
            passages: PassageList(passages), notices: [])
        return IndexMerger.Part(corpus: corpus, index: IndexBuilder().build(passages), documentNumber: numbers)
    }

    @Test func interleavedPartsEqualOneBuild() throws {
        let a = part(["red kettle", "blue teapot", "green mug"], numbers: [0, 2, 4])
        let b = part(["blue kettle", "red mug"], numbers: [1, 3])
        let merged = try #require(IndexMerger.merge([a, b], documentCount: 5))
        let all = ["red kettle", "blue kettle", "blue teapot", "red mug", "green mug"]
        let whole = IndexBuilder().build(all.map { Passage(document: 0, section: [], text: $0, lines: 1...1, bytes: 0..<1) })
        #expect(Array(merged.index.terms) == Array(whole.terms))
        #expect(merged.index.postingPassages == whole.postingPassages)
        #expect(merged.index.positionRuns == whole.positionRuns)
        #expect(merged.passages.indices.map { merged.passages.texts?[$0] } == all)
    }

    @Test func partsThatBreakThePromiseAreRefused() {
        #expect(IndexMerger.merge([], documentCount: 0) == nil)
        #expect(IndexMerger.merge([part(["a b", "c d"], numbers: [1, 0])], documentCount: 2) == nil)  // out of order
        #expect(IndexMerger.merge([part(["a b"], numbers: [0]), part(["c d"], numbers: [0])], documentCount: 1) == nil)  // twice
        #expect(IndexMerger.merge([part(["a b"], numbers: [3])], documentCount: 1) == nil)  // out of range
    }
}
