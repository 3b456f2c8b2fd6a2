import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// `Searcher.explain` adds up to exactly the score `search` gave each hit.
@Suite struct ExplanationTests {
    static let bundled = seedCorpusPath

    @Test(arguments: ScoringChoice.allCases)
    func explanationSumsToTheHitScore(scoring: ScoringChoice) throws {
        let corpus = try CorpusLoader().load(Self.bundled)
        var options = AnswerEngine.Options()
        options.scoring = scoring
        let engine = AnswerEngine(corpus: corpus, options: options)
        let questions = [
            "why does transparency matter for open source models?", "closed models performance",
            "who controls the technology", "licensing costs", "\"open source\" +llama",
        ]
        var checked = 0
        for question in questions {
            let query = Query(question, analyzer: engine.searcher.analyzer, index: engine.index, syntax: true)
            for hit in engine.searcher.search(query, top: 10).hits {
                let e = engine.searcher.explain(query, passage: hit.passage)
                #expect(e.score == hit.score, "\(question) passage \(hit.passage)")
                #expect(e.rankingScore == e.terms.reduce(0) { $0 + $1.contribution })
                for t in e.terms where t.frequency > 0 {
                    #expect(t.contribution == t.weight * t.postingScore)
                }
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    @Test func termsThePassageLacksAddNothing() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(Self.bundled))
        let query = Query("transparency zebra performance", analyzer: engine.searcher.analyzer, index: engine.index, syntax: true)
        let hit = try #require(engine.searcher.search(query, top: 1).hits.first)
        let e = engine.searcher.explain(query, passage: hit.passage)
        #expect(e.terms.count == 2 && e.unknownTerms == ["zebra"])
        #expect(e.terms.contains { $0.frequency == 0 && $0.contribution == 0 } || e.terms.allSatisfy { $0.frequency > 0 })
        #expect(e.model == "bm25")
    }
}
