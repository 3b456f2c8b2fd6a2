import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus
@testable import FootnoteSearch
@testable import FootnoteAnswer

@Suite struct SpellingCorrectorTests {
    func distance(_ a: String, _ b: String, limit: Int = 5) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    SpellingCorrector.distance(x, y, limit: limit, rows: rows.baseAddress!)
                }
            }
        }
    }

    @Test func optimalStringAlignmentDistance() {
        #expect(distance("model", "model") == 0)
        #expect(distance("modle", "model") == 1)  // swap
        #expect(distance("modl", "model") == 1)  // drop
        #expect(distance("mmodel", "model") == 1)  // double
        #expect(distance("modal", "model") == 1)  // substitution
        #expect(distance("transparancy", "transparency") == 1)
        #expect(distance("ca", "abc") == 3)  // OSA: no edit of a swapped pair
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("kitten", "sitting", limit: 1) == 2)  // stops early: above the limit
    }

    func corrector(_ words: [String], counts: [Int32]) -> SpellingCorrector {
        let order = words.indices.sorted { Array(words[$0].utf8).lexicographicallyPrecedes(Array(words[$1].utf8)) }
        return SpellingCorrector(vocabulary: FrontCodedStrings(StringTable(order.map { words[$0] })), counts: order.map { counts[$0] })
    }

    func correct(_ c: SpellingCorrector, _ word: String) -> String? {
        c.correction(for: Array(word.utf8)).map { c.vocabulary[$0.word] }
    }

    @Test func closestWinsThenMostFrequent() {
        let c = corrector(["transparency", "transparent", "models", "modes", "moduls"], counts: [5, 9, 1, 30, 2])
        #expect(correct(c, "transparancy") == "transparency")  // 1 edit beats a more frequent word 3 away
        #expect(correct(c, "modls") == "modes")  // three words 1 away: the most frequent
        #expect(correct(c, "models") == nil)  // known: nothing to correct
        #expect(correct(c, "zebra") == nil)
    }

    @Test func shortWordsTakeFewerEdits() {
        #expect(SpellingCorrector.maximumDistance(forLength: 2) == 0)
        #expect(SpellingCorrector.maximumDistance(forLength: 4) == 1)
        #expect(SpellingCorrector.maximumDistance(forLength: 5) == 2)
        let c = corrector(["data", "open"], counts: [1, 1])
        #expect(correct(c, "dtaa") == "data")
        #expect(correct(c, "dxxa") == nil)  // 2 edits: too many for 4 letters
        #expect(correct(c, "opn") == "open")
    }

    @Test func twoEditsNeedALongWordAndARepeatedCorrection() {
        let c = corrector(["badge", "pick", "accountability", "governance"], counts: [5, 5, 3, 1])
        #expect(correct(c, "acountabilty") == "accountability")  // a long word 2 edits from one used 3 times
        #expect(correct(c, "govrnanse") == nil)  // 2 edits from a word used once
        #expect(correct(c, "governanse") == "governance")  // 1 edit: corrected whatever the count
    }

    @Test func englishWordsAreNeverCorrected() {
        let english = EnglishWordList(lines: Array("penguin\nBudget\nbrown\nnaïve\npeople's\n".utf8))
        #expect(english.count == 4)
        let order = ["badge", "brows", "drive", "transparency"]
        let c = SpellingCorrector(vocabulary: FrontCodedStrings(StringTable(order)), counts: [9, 9, 9, 9], englishWords: english)
        #expect(correct(c, "budget") == nil)
        #expect(correct(c, "brown") == nil)
        #expect(correct(c, "naive") == nil)
        #expect(correct(c, "browns") == "brows")  // not on the list: a misspelling
        #expect(correct(c, "transparancy") == "transparency")
    }

    /// 200 everyday English words, chosen by hand, none of which the essay
    /// uses: with the machine's word list, none is "corrected" to an essay word.
    @Test(.enabled(if: EnglishWordList.shared != nil, "needs Debian's wamerican (/usr/share/dict/american-english)"))
    func noFalseCorrectionsOfEverydayEnglish() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(seedCorpusPath))
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/words/everyday-english.txt"), encoding: .utf8)
        let words = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { $0.split(separator: " ") }.map(String.init)
        #expect(words.count == 200)
        var absent = 0, corrected: [String] = []
        for word in words {
            let query = Query(word, analyzer: engine.searcher.analyzer, index: engine.index, syntax: true, corrector: engine.corrector)
            guard query.terms.allSatisfy({ $0.id == nil }) || !query.corrections.isEmpty else { continue }
            absent += 1
            corrected += query.corrections.map { "\($0.word) → \($0.replacement)" }
        }
        #expect(absent >= 190)
        #expect(corrected.isEmpty, "false corrections: \(corrected)")
    }

    /// A word with capitals inside it is a name, not a misspelling: left alone, and reported as unknown.
    @Test func namesWithCapitalsInsideAreNotCorrected() throws {
        let folder = TemporaryFolder()
        folder.write("sockets.txt", "If it shows up in the writable list, you have a decent chance that it has connected.\n")
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.path))
        func read(_ q: String) -> Query {
            Query(q, analyzer: engine.searcher.analyzer, index: engine.index, syntax: true, corrector: engine.corrector)
        }
        #expect(read("What is DECnet").corrections.isEmpty)
        #expect(read("What is DECnet").unknownWords == ["DECnet"])
        // Typed in one case, or capitalized, it is still a misspelling of a corpus word.
        for typed in ["what is decnet", "Decnet", "DECNET"] {
            #expect(read(typed).corrections.map(\.replacement) == ["decent"], "\(typed)")
        }
        #expect(["DECnet", "SQLite", "McDonald", "JavaScript", "GitHub"].allSatisfy(Query.hasInnerCapitals))
        // Not names: one case, capitalized, all capitals, and the typos a capital makes.
        #expect(!["decent", "Decent", "DECENT", "x86", "A", "DDenver", "eDnver", "DEnver"].contains(where: Query.hasInnerCapitals))
    }

    /// Misspellings are still corrected beside known words and English ones;
    /// a question in another language is left alone.
    @Test(.enabled(if: EnglishWordList.shared != nil, "needs Debian's wamerican (/usr/share/dict/american-english)"))
    func corrections() throws {
        let engine = AnswerEngine(corpus: try CorpusLoader().load(seedCorpusPath))
        func fixes(_ q: String) -> [String] {
            Query(q, analyzer: engine.searcher.analyzer, index: engine.index, syntax: true, corrector: engine.corrector)
                .corrections.map(\.replacement)
        }
        #expect(fixes("reserchers and acountability") == ["researchers", "accountability"])
        #expect(fixes("why do people need acountability") == ["accountability"])
        #expect(fixes("naïve transparéncy").isEmpty)
        #expect(fixes("quick brown fox").isEmpty)
        #expect(fixes("¿Qué es la inteligencia artificial abierta?").isEmpty)
        #expect(fixes("Pourquoi les modèles ouverts sont-ils meilleurs?").isEmpty)
        let people = Query(
            "How do people access closed models?", analyzer: engine.searcher.analyzer, index: engine.index,
            syntax: true, corrector: engine.corrector)
        #expect(people.terms.filter(\.isEverydayWord).map(\.word) == ["people"])
    }
}
