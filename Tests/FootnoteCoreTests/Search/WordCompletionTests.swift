import Testing
@testable import FootnoteStorage
@testable import FootnoteSearch

@Suite struct WordCompletionTests {
    func completion(_ words: [String], counts: [Int32]?) -> WordCompletion {
        let order = words.indices.sorted { Array(words[$0].utf8).lexicographicallyPrecedes(Array(words[$1].utf8)) }
        let vocabulary = FrontCodedStrings(StringTable(order.map { words[$0] }))
        return WordCompletion(SpellingCorrector(vocabulary: vocabulary, counts: counts.map { c in order.map { c[$0] } }))
    }

    @Test func mostFrequentFirstThenByteOrder() {
        let c = completion(["model", "models", "modest", "mode", "open", "mod"], counts: [4, 9, 1, 4, 50, 0])
        #expect(c.words(startingWith: "mod") == ["models", "mode", "model", "modest", "mod"])
        #expect(c.words(startingWith: "mode") == ["models", "mode", "model", "modest"])
        #expect(c.words(startingWith: "model") == ["models", "model"])
        #expect(c.words(startingWith: "mod", limit: 2) == ["models", "mode"])
        #expect(c.words(startingWith: "o") == ["open"])
    }

    @Test func nothingForAnEmptyOrUnknownPrefix() {
        let c = completion(["alpha", "beta"], counts: [1, 2])
        #expect(c.words(startingWith: "").isEmpty)
        #expect(c.words(startingWith: "gamma").isEmpty)
        #expect(c.words(startingWith: "alphabet").isEmpty)
        #expect(c.words(startingWith: "a", limit: 0).isEmpty)
        #expect(WordCompletion().words(startingWith: "a").isEmpty)
    }

    @Test func withoutCountsInByteOrder() {
        let c = completion(["zeta", "zed", "zebra"], counts: nil)
        #expect(c.words(startingWith: "ze") == ["zebra", "zed", "zeta"])
    }
}
