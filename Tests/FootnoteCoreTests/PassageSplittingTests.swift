import Testing
@testable import FootnoteCore

@Suite struct PassageSplittingTests {
    @Test func seedArticleSectionsAndLines() throws {
        let corpus = try CorpusLoader().load(seedCorpusPath)
        #expect(corpus.documents.map(\.path) == ["open-source-vs-closed-ai.txt"])
        let p = corpus.passages
        let access = try #require(p.first { $0.text.contains("accessed via APIs or platforms") })
        #expect(access.section == ["What Are Open Source and Closed AI Models?", "Defining Closed AI Models"])
        #expect(access.lines == 35...35)
        // The list stays with the paragraph that introduces it.
        let lead = try #require(p.first { $0.text.hasPrefix("Closed models often lead in performance") })
        #expect(lead.lines == 41...45)
        #expect(lead.text.contains("Continuous internal optimization"))
        #expect(lead.sectionLabel == "Transparency vs Performance › The Transparency Advantage")
        // The first paragraph sits under the title and its subtitle.
        #expect(p[0].section == ["Open Source AI vs Closed Models: Key Differences", "A Defining Divide in the AI Era"])
        #expect(p[0].lines == 5...5)
        // A single heading after a stacked pair is a subsection of the last top heading.
        let controlled = try #require(p.first { $0.text.hasPrefix("Closed AI models innovate within") })
        #expect(controlled.section == ["Innovation and Collaboration", "Controlled Innovation in Closed Systems"])
        // No heading becomes a passage; every passage's text is the file's bytes at its range.
        let file = Array(try String(contentsOfFile: seedCorpusPath + "/open-source-vs-closed-ai.txt", encoding: .utf8).utf8)
        for passage in p {
            #expect(String(decoding: file[passage.bytes], as: UTF8.self) == passage.text)
        }
        #expect(!p.contains { $0.text == "Related Posts" })
    }

    @Test func plainTextHeadingRules() throws {
        let text = "Intro\n\nThis is a sentence.\n\nA short line, with a comma,\n\nNot a heading:\n\nWhy Does It Matter?\n\nBecause.\n"
        let p = try passages(text)
        #expect(p.map(\.text) == ["This is a sentence.", "A short line, with a comma,", "Not a heading:", "Because."])
        #expect(p[0].section == ["Intro"])
        #expect(p[3].section == ["Why Does It Matter?"])
    }

    @Test func markdownHeadingsOfEachKind() throws {
        let text = """
        ---
        title: front matter
        ---
        # Guide

        Intro text.

        Setext Title
        ------------

        Under setext.

        ### Deep ###

        Deep text.
        ```
        # not a heading
        ```

        ## Second

        - one
        - two
        """
        let p = try passages(text, name: "guide.md")
        #expect(p.map(\.text) == ["Intro text.", "Under setext.", "Deep text.", "```\n# not a heading\n```", "- one\n- two"])
        #expect(p[0].section == ["Guide"])
        #expect(p[1].section == ["Guide", "Setext Title"])
        #expect(p[2].section == ["Guide", "Setext Title", "Deep"])
        #expect(p[3].section == ["Guide", "Setext Title", "Deep"])
        #expect(p[4].section == ["Guide", "Second"])
        #expect(p[0].lines == 6...6)
        #expect(p[3].lines == 16...18)
    }

    @Test func restructuredTextUnderlinesAndOverlines() throws {
        let text = """
        =========
        Manual
        =========

        Preface text.

        Install
        -------

        Run make.

        Options
        ~~~~~~~

        Flags here.

        Usage
        -----

        Ask away.
        """
        let p = try passages(text, name: "manual.rst")
        #expect(p.map(\.text) == ["Preface text.", "Run make.", "Flags here.", "Ask away."])
        #expect(p[0].section == ["Manual"])
        #expect(p[1].section == ["Manual", "Install"])
        #expect(p[2].section == ["Manual", "Install", "Options"])
        #expect(p[3].section == ["Manual", "Usage"])
        #expect(p[3].lines == 20...20)
    }

    @Test func longParagraphsBecomeSentenceWindows() throws {
        let sentence = "Footnote splits long paragraphs into windows of whole sentences. "
        let text = "Title\n\n" + String(repeating: sentence, count: 40) + "\n"
        let builder = PassageBuilder(maxPassageBytes: 600, windowBytes: 300)
        let p = try passages(text, builder: builder)
        #expect(p.count > 1)
        for w in p {
            #expect(w.text.utf8.count <= 300)
            #expect(w.text.hasPrefix("Footnote splits"))
            #expect(w.text.hasSuffix("sentences."))
            #expect(w.lines == 3...3)
            #expect(w.section == ["Title"])
        }
        #expect(p.map(\.text).joined(separator: " ") + " " == String(repeating: sentence, count: 40))
    }

    @Test func windowsOfAMultiLineParagraphKnowTheirLines() throws {
        let lines = (1...30).map { "Line \($0) says one thing here." }.joined(separator: "\n")
        let p = try passages(lines, builder: PassageBuilder(maxPassageBytes: 200, windowBytes: 100))
        #expect(p.count > 1)
        #expect(p.first?.lines.lowerBound == 1)
        #expect(p.last?.lines.upperBound == 30)
        for w in p { #expect(w.text.hasPrefix("Line \(w.lines.lowerBound) ")) }
    }

    @Test func htmlPassagesComeFromBlocks() throws {
        let html = "<html><head><title>T</title><script>var x = 1;</script></head><body>\n<h1>Guide</h1>\n<p>Fish &amp; chips.</p>\n<h2>More</h2><p>Second\npara.</p></body></html>\n"
        let p = try passages(html, name: "page.html")
        #expect(p.map(\.text) == ["Fish & chips.", "Second para."])
        #expect(p[0].section.last == "Guide")
        #expect(p[0].lines == 3...3)
        #expect(p[1].section.last == "More")
        #expect(p[1].lines == 4...5)
    }
}
