import Testing
@testable import FootnoteAnalysis

/// The sentences of `text` as strings, so expectations read like the prose.
private func split(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return SentenceSplitter.sentences(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
}

/// Checks the contract: ordered, non-empty, non-overlapping, trimmed ranges that
/// together cover every non-whitespace byte.
private func expectCoverage(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(text.utf8)
    let ranges = SentenceSplitter.sentences(in: text)
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
    var covered = [Bool](repeating: false, count: bytes.count)
    var previousEnd = 0
    for range in ranges {
        #expect(!range.isEmpty, sourceLocation: sourceLocation)
        #expect(range.lowerBound >= previousEnd, "overlap or out of order", sourceLocation: sourceLocation)
        #expect(range.upperBound <= bytes.count, sourceLocation: sourceLocation)
        guard !range.isEmpty, range.upperBound <= bytes.count else { continue }
        #expect(
            !isSpace(bytes[range.lowerBound]) && !isSpace(bytes[range.upperBound - 1]),
            "not trimmed", sourceLocation: sourceLocation)
        for k in range { covered[k] = true }
        previousEnd = range.upperBound
    }
    let uncovered = bytes.indices.filter { !covered[$0] && !isSpace(bytes[$0]) }
    #expect(uncovered.isEmpty, "uncovered bytes at \(uncovered.prefix(5))", sourceLocation: sourceLocation)
}

@Suite struct SentenceSplitterTests {
    // MARK: Terminators

    @Test func splitsSimpleSentences() {
        #expect(split("The cat sat. The dog ran. It rained.") == ["The cat sat.", "The dog ran.", "It rained."])
    }

    @Test func splitsOnQuestionAndExclamationMarks() {
        #expect(split("Is it done? Yes! Ship it.") == ["Is it done?", "Yes!", "Ship it."])
        #expect(split("Really?! No way.") == ["Really?!", "No way."])
    }

    @Test func doesNotSplitBeforeLowercase() {
        #expect(split("What? she asked. Then left.") == ["What? she asked.", "Then left."])
    }

    @Test func keepsClosingQuotesAndBracketsWithTheSentence() {
        #expect(split(#"He said "Stop." Then he left."#) == [#"He said "Stop.""#, "Then he left."])
        #expect(split("She wrote “Done.” They cheered.") == ["She wrote “Done.”", "They cheered."])
        #expect(split("(See the appendix.) Results follow.") == ["(See the appendix.)", "Results follow."])
        #expect(split("It was ‘fine.’ Later it broke.") == ["It was ‘fine.’", "Later it broke."])
    }

    @Test func splitsBeforeDigitsAndOpeningQuotes() {
        #expect(split("It ended. 2024 was different.") == ["It ended.", "2024 was different."])
        #expect(split(#"It ended. "Why?" he asked."#) == ["It ended.", #""Why?" he asked."#])
        #expect(split("It ended. (Mostly.) Fine.") == ["It ended.", "(Mostly.)", "Fine."])
        #expect(split("It ended. “Why?” he asked.") == ["It ended.", "“Why?” he asked."])
    }

    @Test func requiresWhitespaceAfterTheTerminator() {
        #expect(split("Pi is 3.14 and the version is v2.0 today.") == ["Pi is 3.14 and the version is v2.0 today."])
        #expect(split("Visit example.com or open file.txt. Done.") == ["Visit example.com or open file.txt.", "Done."])
        #expect(split("Wait.Really.") == ["Wait.Really."])
    }

    @Test func splitsAfterANumberAtTheEndOfASentence() {
        #expect(split("The total was 42. The rest was lost.") == ["The total was 42.", "The rest was lost."])
        #expect(split("He came 1st. Then he left.") == ["He came 1st.", "Then he left."])
    }

    // MARK: Abbreviations and initials

    @Test func titlesDoNotEndSentences() {
        #expect(
            split("Mr. Smith met Dr. Jones and Prof. Lee. They talked.")
                == ["Mr. Smith met Dr. Jones and Prof. Lee.", "They talked."])
        #expect(
            split("Mrs. Reed, Ms. Wu, Sr. Ortiz and Martin Jr. Hale live on Elm St. North.")
                == ["Mrs. Reed, Ms. Wu, Sr. Ortiz and Martin Jr. Hale live on Elm St. North."])
        #expect(split("MR. SMITH left. DR. JONES stayed.") == ["MR. SMITH left.", "DR. JONES stayed."])
    }

    @Test func clockTimesBeforeATimeZoneDoNotEndSentences() {
        #expect(
            split("Call 1-800-772-1213 from 8 a.m. to 7 p.m. ET Monday through Friday. Or visit us.")
                == ["Call 1-800-772-1213 from 8 a.m. to 7 p.m. ET Monday through Friday.", "Or visit us."])
        #expect(
            split("We close at 5 p.m. The office opens at 9 a.m. UTC daily.")
                == ["We close at 5 p.m.", "The office opens at 9 a.m. UTC daily."])
        expectCoverage("Open 8 a.m. EST. Then 6 p.m. PT.")
    }

    @Test func latinAbbreviationsDoNotEndSentences() {
        #expect(split("Use a tool, e.g. Grep or Sed. It works.") == ["Use a tool, e.g. Grep or Sed.", "It works."])
        #expect(split("One format (i.e. JSON) is enough. Fine.") == ["One format (i.e. JSON) is enough.", "Fine."])
        #expect(
            split("Compare Smith et al. The results cf. Table 2 vs. Table 3 differ.")
                == ["Compare Smith et al. The results cf. Table 2 vs. Table 3 differ."])
    }

    @Test func referenceAbbreviationsDoNotEndSentences() {
        #expect(
            split("See Fig. 3 and Eq. 2 in Vol. 4, pp. 10-12. Next.")
                == ["See Fig. 3 and Eq. 2 in Vol. 4, pp. 10-12.", "Next."])
        #expect(split("Item No. 5 sold out. Restock.") == ["Item No. 5 sold out.", "Restock."])
    }

    @Test func noIsAnAbbreviationOnlyBeforeANumber() {
        #expect(split("She said no. Then she left.") == ["She said no.", "Then she left."])
        #expect(split("The answer is No. We tried.") == ["The answer is No.", "We tried."])
    }

    @Test func companyAbbreviationsDoNotEndSentences() {
        #expect(
            split("Acme Inc. Hired Widgets Ltd. And Foo Co. And Bar Corp. Today.")
                == ["Acme Inc. Hired Widgets Ltd. And Foo Co. And Bar Corp. Today."])
    }

    @Test func otherAbbreviationsDoNotEndSentences() {
        #expect(
            split("It costs approx. 5 dollars. The dept. Head agreed. The est. Total is 9. Done.")
                == ["It costs approx. 5 dollars.", "The dept. Head agreed.", "The est. Total is 9.", "Done."])
    }

    @Test func capitalisedMonthAbbreviationsDoNotEndSentences() {
        #expect(split("Due Jan. 5 or Sept. 30. Late.") == ["Due Jan. 5 or Sept. 30.", "Late."])
        #expect(split("Do not mar. The rest is fine.") == ["Do not mar.", "The rest is fine."])
    }

    @Test func dottedAbbreviationsDoNotEndSentences() {
        #expect(
            split("She left the U.S. For the U.K. With a Ph.D. In math. Good.")
                == ["She left the U.S. For the U.K. With a Ph.D. In math.", "Good."])
    }

    @Test func etcEndsOnlyAtABlankLineOrTheEndOfText() {
        #expect(split("Apples, pears, etc. Are fruit.") == ["Apples, pears, etc. Are fruit."])
        #expect(split("Apples, pears, etc.\n\nNext part.") == ["Apples, pears, etc.", "Next part."])
        #expect(split("Apples, pears, etc.") == ["Apples, pears, etc."])
        #expect(split("Apples, pears, etc.\nNext line.") == ["Apples, pears, etc.\nNext line."])
    }

    @Test func initialsDoNotEndSentences() {
        #expect(split("J. R. R. Tolkien wrote it. Readers loved it.") == ["J. R. R. Tolkien wrote it.", "Readers loved it."])
        #expect(split("By J.R.R. Tolkien. Again.") == ["By J.R.R. Tolkien.", "Again."])
        #expect(split("É. Zola wrote it. Then.") == ["É. Zola wrote it.", "Then."])
    }

    @Test func thePronounIIsNotAnInitial() {
        #expect(split("So did I. Then we left.") == ["So did I.", "Then we left."])
    }

    // MARK: Ellipses

    @Test func ellipsisBeforeLowercaseContinues() {
        #expect(split("Well... maybe not. Fine.") == ["Well... maybe not.", "Fine."])
        #expect(split("Well… maybe not. Fine.") == ["Well… maybe not.", "Fine."])
    }

    @Test func ellipsisBeforeUppercaseEnds() {
        #expect(split("I waited... Nobody came.") == ["I waited...", "Nobody came."])
        #expect(split("I waited… Nobody came.") == ["I waited…", "Nobody came."])
        #expect(split("She said “wait…” Nobody did.") == ["She said “wait…”", "Nobody did."])
    }

    @Test func ellipsisBeforeADigitContinues() {
        #expect(split("Counting... 3 more to go.") == ["Counting... 3 more to go."])
    }

    // MARK: Lines, bullets and lists

    @Test func blankLineEndsASentence() {
        #expect(split("A heading\n\nThe body starts here") == ["A heading", "The body starts here"])
        #expect(split("no period here\n  \t \nnext paragraph") == ["no period here", "next paragraph"])
        #expect(split("Windows lines\r\n\r\nnext one") == ["Windows lines", "next one"])
    }

    @Test func singleNewlinesDoNotSplit() {
        #expect(split("A heading\nThe body starts here.") == ["A heading\nThe body starts here."])
        #expect(split("a sentence wrapped\nover two lines. Next.") == ["a sentence wrapped\nover two lines.", "Next."])
    }

    @Test func eachBulletItemIsASentence() {
        #expect(split("• first item\n• second item\n• third") == ["• first item", "• second item", "• third"])
        #expect(split("- alpha\n- beta\n* gamma\n+ delta") == ["- alpha", "- beta", "* gamma", "+ delta"])
        #expect(split("‣ one\n◦ two\n– three") == ["‣ one", "◦ two", "– three"])
    }

    @Test func numberedItemsAreSentencesAndTheirMarkersDoNotEndThem() {
        #expect(split("1. Install it\n2. Run it\n10) Check it") == ["1. Install it", "2. Run it", "10) Check it"])
        #expect(split("a) red\nb) green") == ["a) red", "b) green"])
    }

    @Test func wrappedBulletItemStaysOneSentence() {
        #expect(
            split("- a long item that\n  wraps onto the next line\n- short")
                == ["- a long item that\n  wraps onto the next line", "- short"])
        #expect(
            split("• a long item that\ncontinues unindented\n• short")
                == ["• a long item that\ncontinues unindented", "• short"])
    }

    @Test func bulletItemsMaySpanSeveralSentences() {
        #expect(split("- First point. Second point.\n- Next") == ["- First point.", "Second point.", "- Next"])
    }

    @Test func colonBeforeAListEndsTheSentence() {
        #expect(split("You need:\n- flour\n- eggs") == ["You need:", "- flour", "- eggs"])
        #expect(split("Steps to follow:\n  1. Mix\n  2. Bake") == ["Steps to follow:", "1. Mix", "2. Bake"])
    }

    @Test func inlineBulletAfterATerminatorEnds() {
        #expect(split("Done. • next item") == ["Done.", "• next item"])
    }

    @Test func dashesThatAreNotMarkersDoNotSplit() {
        #expect(
            split("It was cold\n-5 degrees at night\n---\nand windy")
                == ["It was cold\n-5 degrees at night\n---\nand windy"])
        #expect(split("Values\n3.14 and 2.71 matter") == ["Values\n3.14 and 2.71 matter"])
    }

    // MARK: Non-ASCII

    @Test func nonASCIICapitalStartsASentence() {
        #expect(split("Il pleut. Élodie reste. Ça va.") == ["Il pleut.", "Élodie reste.", "Ça va."])
        #expect(split("Он спит. Она читает.") == ["Он спит.", "Она читает."])
        #expect(split("Il pleut. élodie reste.") == ["Il pleut. élodie reste."])
    }

    // MARK: Edges

    @Test func emptyAndBlankInputHaveNoSentences() {
        #expect(SentenceSplitter.sentences(in: "").isEmpty)
        #expect(SentenceSplitter.sentences(in: " \n\t \n ").isEmpty)
    }

    @Test func trailingTextWithoutPunctuationIsASentence() {
        #expect(split("First one. and then trailing words") == ["First one. and then trailing words"])
        #expect(split("First one. Then trailing words") == ["First one.", "Then trailing words"])
    }

    @Test func trimsLeadingAndTrailingWhitespace() {
        #expect(split("   \n  Hello there.   Next one.  \n\n ") == ["Hello there.", "Next one."])
        #expect(SentenceSplitter.sentences(in: "  Hi.  ") == [2..<5])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let text = "Café é bon. Très!"
        #expect(SentenceSplitter.sentences(in: text) == [0..<13, 14..<20])
    }

    @Test func bufferAndStringEntryPointsAgree() {
        let text = "Dr. Who? Yes.\n\n- item\n- item two"
        let fromBuffer = Array(text.utf8).withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }
        #expect(fromBuffer == SentenceSplitter.sentences(in: text))
    }

    // MARK: Invariants

    @Test(arguments: [
        "Plain. Text! With? Everything.\n\n  Indented para…\n• bullet\n  wrapped\n1. one\n2) two",
        "\"Quoted.\" (Bracketed.) ‘Single.’ “Double.” e.g. U.S. J. R. R. Tolkien etc.\n\n",
        "...\n\n. . .\n!?!\n-\n- \n•\n1.\n1. \na)\n…",
        "   trailing spaces   \n\n\n   ",
        "Broken UTF-8 \u{FFFD}. Ünïcödé Ωmega. 日本語の文。Next. ﬁ ligature.",
        "x",
        ".",
        "Mr.",
    ])
    func rangesCoverEveryNonWhitespaceByte(text: String) {
        expectCoverage(text)
    }

    @Test func randomMixturesOfTrickyPiecesKeepTheInvariant() {
        let pieces = [
            "Word", "word", " ", "  ", "\n", "\n\n", "\n  ", "\t", ".", "...", "…", "!", "?", ":",
            "\"", "”", "’", ")", "(", "“", "Mr.", "e.g.", "U.S.", "etc.", "J.", "3.14", "No.", "5",
            "- ", "• ", "1. ", "a) ", "–", "É", "é", "日本", "\r\n",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            expectCoverage(text)
        }
    }

    @Test func invalidUTF8BytesAreCoveredAndDoNotCrash() {
        // A malformed lead byte after a terminator is not a capital, so it continues.
        let bytes: [UInt8] = Array("Ends here. Then ".utf8) + [0xC3, 0x28, 0xE2, 0x80] + Array(" x. ".utf8) + [0xE2]
        let ranges = bytes.withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }
        #expect(ranges == [0..<10, 11..<25])
    }

    // MARK: Scale

    @Test(.timeLimit(.minutes(1)))
    func tenMegabytesWithoutPunctuationIsOneSentence() {
        let text = String(repeating: "lorem ipsum dolor sit amet ", count: 400_000)  // ~10.8 MB
        #expect(SentenceSplitter.sentences(in: text) == [0..<(text.utf8.count - 1)])
    }

    @Test(.timeLimit(.minutes(1)))
    func adversarialInputsStayLinear() {
        // Many failing candidates, long whitespace runs, long closer runs, many blank lines.
        let candidates = String(repeating: "a. ", count: 300_000)
        #expect(SentenceSplitter.sentences(in: candidates).count == 1)
        let spaces = "Go." + String(repeating: " ", count: 1_000_000) + "x"
        #expect(SentenceSplitter.sentences(in: spaces).count == 1)
        let closers = "Go!" + String(repeating: ")", count: 1_000_000) + " Then."
        #expect(SentenceSplitter.sentences(in: closers).count == 2)
        let lines = "word" + String(repeating: "\n" + String(repeating: " ", count: 50) + "x", count: 20_000)
        #expect(SentenceSplitter.sentences(in: lines).count == 1)
        let blankParagraphs = String(repeating: "word\n\n", count: 200_000)
        #expect(SentenceSplitter.sentences(in: blankParagraphs).count == 200_000)
    }
}
