import Testing
@testable import FootnoteAnalysis

@Suite struct AnalyzerTests {
    let analyzer = Analyzer()

    /// (term, surface text at the token's byte offsets) pairs.
    func tokens(_ text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        let bytes = Array(text.utf8)
        analyzer.analyze(text) { out.append(($0.termString, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))) }
        return out
    }

    @Test func tokenizesFoldsStopsAndStems() {
        #expect(analyzer.terms("These models are typically accessed via APIs") == ["model", "typic", "access", "via", "api"])
    }

    @Test func offsetsNameTheOriginalBytes() {
        let t = tokens("  Naïve MODELS, accessed!")
        #expect(t.map(\.0) == ["naiv", "model", "access"])
        #expect(t.map(\.1) == ["Naïve", "MODELS", "accessed"])
    }

    @Test func diacriticsAndCaseFold() {
        #expect(analyzer.terms("naïve") == analyzer.terms("naive"))
        #expect(analyzer.terms("CAFÉ Über") == analyzer.terms("cafe uber"))
        #expect(analyzer.terms("Straße") == analyzer.terms("strasse"))
        #expect(CaseAndDiacriticFolder.fold("Ångström") == "angstrom")
    }

    @Test func curlyApostrophesAreApostrophes() {
        #expect(analyzer.terms("Meta’s LLaMA") == analyzer.terms("Meta's llama"))
        #expect(analyzer.terms("Meta’s") == ["meta"])
        // "don’t" is a stop word once the apostrophe is folded.
        #expect(analyzer.terms("don’t") == [])
        // A trailing apostrophe is not part of the word.
        #expect(tokens("the models' weights").map(\.1) == ["models", "weights"])
    }

    @Test func stopWordsGoButPositionsCountThem() {
        var positions: [Int] = []
        analyzer.analyze("the cat and the hat") { positions.append($0.position) }
        #expect(positions == [1, 4])
        #expect(analyzer.terms("what is it that you are") == [])
        // Contractions of two stop words are stop words, with either apostrophe ("I'm" was a rare term).
        #expect(analyzer.terms("I'm sure that’s what we've said, and they’ll say it can't") == ["sure", "said", "say"])
        #expect(analyzer.terms("let's") == ["let"])  // "let" is not a stop word
    }

    @Test func nonLatinLettersAndDigitsAreWords() {
        // English stemming leaves other scripts alone.
        #expect(analyzer.terms("Москва 2024 東京") == ["москва", "2024", "東京"])
    }

    @Test func separatorsAndLongTokens() {
        #expect(tokens("open-source AI_models").map(\.1) == ["open", "source", "AI_models", "AI", "models"])
        let long = String(repeating: "x", count: 65)
        #expect(analyzer.terms("short \(long) word") == ["short", "word"])
    }

    /// An identifier is one word before its parts, at the first part's position.
    @Test func identifiersAreWordsAndSoAreTheirParts() {
        #expect(
            tokens("work_mem maintenance_work_mem").map(\.1) == [
                "work_mem", "work", "mem", "maintenance_work_mem", "maintenance", "work", "mem",
            ])
        var positions: [Int] = []
        analyzer.analyze("set work_mem high") { positions.append($0.position) }
        #expect(positions == [0, 1, 1, 2, 3])
        #expect(
            tokens("if __name__ == '__main__': x__init__").map(\.1) == ["__name__", "name", "__main__", "main", "x__init", "x", "init"])
        #expect(tokens("sqlite3_open_v2()").map(\.1) == ["sqlite3_open_v2", "sqlite3", "open", "v2"])
        // A single underscore around a word joins nothing; nor do underscores beside non-ASCII text.
        #expect(
            tokens("_emphasis_ _private __x trailing__ café_au lait_é").map(\.1)
                == ["emphasis", "private", "x", "trailing", "café", "au", "lait", "é"])
        // An identifier longer than a word may be is left out; its parts stay.
        let long = String(repeating: "a", count: 40) + "_" + String(repeating: "b", count: 40)
        #expect(tokens(long).map(\.1.count) == [40, 40])
        Array("a_b".utf8).withUnsafeBufferPointer { #expect(Tokenizer.identifier($0, first: 0..<1) == 0..<3) }
    }

    @Test func invalidUTF8IsASeparator() {
        let bytes: [UInt8] = Array("abc".utf8) + [0xFF, 0xC3] + Array("def".utf8)
        var out: [String] = []
        bytes.withUnsafeBufferPointer { buf in analyzer.analyze(buf) { out.append($0.termString) } }
        #expect(out == ["abc", "def"])
    }

    @Test func settingsSwitchFiltersOff() {
        let raw = Analyzer(settings: .init(removeStopWords: false, stem: false))
        #expect(raw.terms("The Models") == ["the", "models"])
    }

    @Test func vocabularyHoldsFoldedSurfaceWords() {
        var table = TermTable()
        Analyzer().analyze("Closed models and closed systems", into: &table) { _, _ in }
        #expect(table.surfaceForms.map { String(decoding: $0.word, as: UTF8.self) } == ["closed", "models", "systems"])
    }

    @Test func dottedSingleLettersStayOneWord() {
        #expect(tokens("e.g. the U.S.A. and U.S. policy").map(\.1) == ["U.S.A", "U.S", "policy"])
        #expect(analyzer.terms("e.g. i.e. Ph.D. file.txt 3.14") == ["ph", "file", "txt", "3", "14"])  // "d" is a stop word
        #expect(tokens("J.R.R. Tolkien").map(\.1) == ["J.R.R", "Tolkien"])
    }

    /// Separator runs of every kind between and around words: apostrophes
    /// and dots count only inside a word, a non-ASCII letter ends a run.
    @Test func separatorRunsEndWhereWordsStart() {
        func words(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            var out: [String] = []
            bytes.withUnsafeBufferPointer { b in
                Tokenizer().spans(b) { s, e, _ in out.append(String(decoding: bytes[s..<e], as: UTF8.self)) }
            }
            return out
        }
        #expect(words("  ..'' word's' ''x  .e.g. ’tis, (a)b--c...d  é!") == ["word's", "x", "e.g", "tis", "a", "b", "c", "d", "é"])
        #expect(words("''''").isEmpty && words("").isEmpty && words("...").isEmpty)
        var positions: [Int] = []
        Analyzer(settings: .init(removeStopWords: false, stem: false)).analyze(" ,a ,, b..'c' d") { positions.append($0.position) }
        #expect(positions == [0, 1, 2, 3])
    }

    /// The table-backed analysis (ASCII words filtered from a scratch
    /// buffer, others by the full pipeline) gives the plain pipeline's terms,
    /// offsets and positions under every setting, on text where words repeat
    /// in every case and stop words, stems, non-ASCII and long words mix.
    @Test func internedAnalysisMatchesThePipelineUnderEverySetting() {
        var rng = SplitMix(seed: 4)
        let words = [
            "The", "models", "MODELS", "model's", "naïve", "Naive", "a", "AND", "running", "runs", "ran",
            "Café", "e.g.", "U.S.", "2024", "x", String(repeating: "y", count: 70), "ĳssel", "don't", "Meta’s",
            "work_mem", "__main__", "_x_", "Shared_Buffers",
        ]
        let separators = [" ", ", ", ". ", " — ", "\n"]
        var text = ""
        for _ in 0..<3000 {
            text += words[Int(rng.next() % UInt64(words.count))] + separators[Int(rng.next() % UInt64(separators.count))]
        }
        for stop in [true, false] {
            for stem in [true, false] {
                let settings = Analyzer.Settings(removeStopWords: stop, stem: stem)
                var plain: [(String, Int, Int, Int)] = []
                Analyzer(settings: settings).analyze(text) { plain.append(($0.termString, $0.start, $0.end, $0.position)) }
                var table = TermTable()
                var seen: [(Int32, Int, Int, Int)] = []
                Analyzer(settings: settings).analyze(text, into: &table) { id, tok in seen.append((id, tok.start, tok.end, tok.position)) }
                let interned = seen.map { (String(decoding: table.term($0.0), as: UTF8.self), $0.1, $0.2, $0.3) }
                #expect(!plain.isEmpty)
                #expect(interned.map(\.0) == plain.map(\.0), "stop \(stop), stem \(stem)")
                #expect(interned.map(\.1) == plain.map(\.1) && interned.map(\.2) == plain.map(\.2) && interned.map(\.3) == plain.map(\.3))
            }
        }
    }

    @Test func internedAnalysisGivesTheSameTermsOffsetsAndPositions() {
        let text = "The Models models MODELS, naïve Meta’s e.g. U.S.A. and the accessed access"
        var plain: [(String, Int, Int, Int)] = []
        analyzer.analyze(text) { plain.append(($0.termString, $0.start, $0.end, $0.position)) }
        var table = TermTable()
        for _ in 0..<2 {  // the second pass answers from the table
            var seen: [(Int32, Int, Int, Int)] = []
            Analyzer().analyze(text, into: &table) { id, tok in seen.append((id, tok.start, tok.end, tok.position)) }
            let interned = seen.map { (String(decoding: table.term($0.0), as: UTF8.self), $0.1, $0.2, $0.3) }
            #expect(interned.map(\.0) == plain.map(\.0))
            #expect(interned.map(\.1) == plain.map(\.1))
            #expect(interned.map(\.3) == plain.map(\.3))
        }
        #expect(table.termCount == Set(plain.map(\.0)).count)
        #expect(
            table.surfaceForms.map { String(decoding: $0.word, as: UTF8.self) } == [
                "access", "accessed", "meta's", "models", "naive", "u.s.a",
            ])
        #expect(
            table.surfaceForms.map { String(decoding: table.term($0.term), as: UTF8.self) }
                == ["access", "access", "meta", "model", "naiv", "u.s.a"])
    }
}
