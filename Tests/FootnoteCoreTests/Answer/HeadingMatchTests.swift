import Foundation
import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteAnswer

/// A section whose heading restates the question ranks above one that only
/// repeats its words, and `:why` shows the factor in a score that still adds up.
@Suite struct HeadingMatchTests {
    /// A FAQ entry whose heading is the question, and an option's description
    /// that says "fetch" and "pull" more often in a longer text.
    static let page = """
        # Git notes

        ## Options related to fetching

        Fetch the refs first, then pull: a fetch downloads objects, a pull fetches them and merges. Both
        take a remote name and a refspec, and both honour the same transfer settings for depth and tags.

        ## Should I fetch or pull?

        Fetching only downloads: your branches stay as they were. Pulling also merges what came in, so do
        the first when you want to look at the new commits before you merge them into your work.

        """

    @Test func matchIsTheQuestionTheHeadingHoldsAndTheHeadingTheQuestionHolds() {
        let analyzer = Analyzer()
        let weights: [String: Float] = ["fetch": 2, "pull": 3, "use": 1]
        func match(_ heading: String, _ weights: [String: Float] = weights) -> Float {
            HeadingMatch.match(of: heading, termWeights: weights, analyzer: analyzer)
        }
        // All of its terms are the question's: 5 of the question's 6.
        #expect(abs(match("Should I fetch or pull?") - Float(5) / 6) < 1e-6)
        // fetch (2 of 6), and 1 of its 3 terms (option, relat, fetch).
        #expect(abs(match("Options related to fetching") - Float(2) / 6 * (Float(1) / 3).squareRoot()) < 1e-6)
        #expect(match("Unrelated") == 0 && match("fetch", [:]) == 0 && match("", weights) == 0)
        let strong = HeadingMatch(strength: 0.2)
        #expect(abs(strong.factor(heading: "pull", termWeights: weights, analyzer: analyzer) - (1 + 0.2 * 0.5)) < 1e-6)
        #expect(strong.factor(heading: nil, termWeights: weights, analyzer: analyzer) == 1)
        #expect(HeadingMatch(strength: 0).factor(heading: "pull", termWeights: weights, analyzer: analyzer) == 1)
    }

    /// A title and its summary count as two headings, the better one's match
    /// counting: the summary's words neither dilute the title nor need it.
    /// The same weights in any dictionary order give the same match, to the
    /// last bit: 2^24 + 1 + 1 is 2^24 summed in that order and 2^24 + 2 summed
    /// the other way, so an order-dependent total would show here.
    @Test func theMatchDoesNotDependOnTheDictionarysOrder() {
        let analyzer = Analyzer()
        let entries: [(String, Float)] = [("lantern", 16_777_216), ("river", 1), ("stone", 1)]
        var results = Set<UInt32>()
        for permutation in [[0, 1, 2], [1, 2, 0], [2, 1, 0], [1, 0, 2], [0, 2, 1], [2, 0, 1]] {
            for capacity in [0, 3, 17, 64, 1000] {
                var weights = [String: Float](minimumCapacity: capacity)
                for i in permutation { weights[entries[i].0] = entries[i].1 }
                results.insert(HeadingMatch.match(of: "Lantern", termWeights: weights, analyzer: analyzer).bitPattern)
            }
        }
        #expect(results == [Float(1).bitPattern])  // sorted order: lantern + river + stone = 2^24 exactly
    }

    @Test func aTitleAndItsSummaryMatchApart() {
        let analyzer = Analyzer(), strong = HeadingMatch(strength: 0.2)
        func factor(_ heading: String, _ weights: [String: Float]) -> Float {
            strong.factor(heading: heading, termWeights: weights, analyzer: analyzer)
        }
        let title = "git-gc(1) Manual Page", summary = "Cleanup unnecessary files and optimize the local repository"
        let gc: [String: Float] = ["git": 1, "gc": 3]
        #expect(factor(title + " — " + summary, gc) == factor(title, gc))
        #expect(factor(title + " — " + summary, gc) > factor(title + " " + summary, gc))
        let cleanup: [String: Float] = ["cleanup": 2, "file": 1]
        #expect(factor(title + " — " + summary, cleanup) == factor(summary, cleanup))
        #expect(factor(title + " — " + summary, cleanup) > 1)
    }

    @Test func theSectionWhoseHeadingIsTheQuestionComesFirst() throws {
        let folder = TemporaryFolder()
        folder.write("notes.md", Self.page)
        let corpus = try CorpusLoader().load(folder.path)
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        let with = AnswerEngine(corpus: corpus, options: options)
        options.headingMatch = HeadingMatch(strength: 0)
        let without = AnswerEngine(corpus: corpus, options: options)
        let question = "Should I use fetch or pull?"
        #expect(without.answer(question, top: 2).items.first?.citation.section.hasSuffix("Options related to fetching") == true)
        let answer = with.answer(question, top: 2)
        let before = without.answer(question, top: 2)
        #expect(
            answer.items.count == 2,
            "\(before.items.map { ($0.citation.section, $0.score) }) \(answer.items.map { ($0.citation.section, $0.score) })")
        #expect(answer.items.first?.citation.section.hasSuffix("Should I fetch or pull?") == true)
        // `:why` adds up to the score shown, the heading's factor included.
        for item in answer.items {
            let e = try #require(with.explain(answer, passage: item.passage))
            #expect(abs(e.score - item.score) <= 1e-5 * max(1, item.score))
            #expect(e.headingMatch > 1)
        }
    }
}
