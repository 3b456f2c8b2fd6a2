import Foundation
import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus

@Suite struct PassageSplittingTests {
    @Test func seedArticleSectionsAndLines() throws {
        let corpus = try CorpusLoader().load(seedCorpusPath)
        #expect(corpus.documents.map(\.path) == ["open-source-vs-closed-ai.txt"])
        let p = corpus.passages
        // A short section is one passage: its paragraph, its list and the remark after it.
        let access = try #require(p.first { $0.text.contains("accessed via APIs or platforms") })
        #expect(access.section == ["What Are Open Source and Closed AI Models?", "Defining Closed AI Models"])
        #expect(access.lines == 27...35)
        #expect(access.text.hasPrefix("Closed AI models, by contrast"))
        let lead = try #require(p.first { $0.text.hasPrefix("Closed models often lead in performance") })
        #expect(lead.lines == 41...47)
        #expect(lead.text.contains("Continuous internal optimization"))
        #expect(lead.text.hasSuffix("open alternatives in specific tasks."))
        #expect(lead.sectionLabel == "Transparency vs Performance › The Transparency Advantage")
        // The opening section sits under the title and its subtitle.
        #expect(p[0].section == ["Open Source AI vs Closed Models: Key Differences", "A Defining Divide in the AI Era"])
        #expect(p[0].lines == 5...9)
        // A single heading after a stacked pair is a subsection of the last top heading.
        let controlled = try #require(p.first { $0.text.hasPrefix("Closed AI models innovate within") })
        #expect(controlled.section == ["Innovation and Collaboration", "Controlled Innovation in Closed Systems"])
        // The last line ("Related Posts") heads nothing: it is text of the last section.
        let last = try #require(p.last)
        #expect(last.section == ["Use Cases and Practical Applications", "Conclusion: Choosing the Right Path"])
        #expect(last.lines == 141...147)
        // One passage per section; every passage's text is the file's bytes at its range.
        #expect(p.count == 13)
        let file = Array(try String(contentsOfFile: seedCorpusPath + "/open-source-vs-closed-ai.txt", encoding: .utf8).utf8)
        for passage in p {
            #expect(String(decoding: file[passage.bytes], as: UTF8.self) == passage.text)
        }
    }

    @Test func plainTextHeadingRules() throws {
        let text = "Intro\n\nThis is a sentence.\n\nA short line, with a comma,\n\nNot a heading:\n\nWhy Does It Matter?\n\nBecause.\n"
        let p = try passages(text, builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.text) == ["This is a sentence.\n\nA short line, with a comma,\n\nNot a heading:", "Because."])
        #expect(p[0].section == ["Intro"])
        #expect(p[1].section == ["Why Does It Matter?"])
    }

    /// Lines that are code, commands, markup or fragments never head a section.
    @Test func commandLinesAndFragmentsAreNotHeadings() throws {
        let notHeadings = [
            "$ git revert -m 1 M", "include::rerere-options.txt[]", "pname=$0", "When you're ready, just run",
            "git commit --amend", "# apt install tmux", "./configure --prefix=/usr", "make install",
            "Press Enter to", "See linkgit:git-commit[1]", "x = f(y)", "<b>bold</b>",
        ]
        for line in notHeadings {
            let text = "Some text comes first here.\n\n\(line)\n\nAnd a paragraph follows it.\n"
            let p = try passages(text)
            #expect(p.allSatisfy { $0.section.isEmpty }, "\(line) was read as a heading")
            #expect(p.contains { $0.text.contains(line) }, "\(line) is in no passage")
        }
        for heading in ["Installing Footnote", "Why Does It Matter?", "Conclusion: Choosing the Right Path", "Ignoring files"] {
            let p = try passages(
                "Some text comes first here.\n\n\(heading)\n\nAnd a paragraph follows it.\n", builder: PassageBuilder(minWords: 0))
            #expect(p.last?.section == [heading])
        }
    }

    /// A short last line after the last paragraph is text, not a heading over nothing.
    @Test func aShortLastLineIsIndexed() throws {
        let p = try passages("intro para\n\nA line about giraffes\n")
        #expect(p.count == 1)
        #expect(p[0].text == "intro para\n\nA line about giraffes")
        #expect(p[0].lines == 1...3)
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
        // Headings alone: no short section joins the lead.
        let p = try passages(text, name: "guide.md", builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.text) == ["Intro text.", "Under setext.", "Deep text.\n```\n# not a heading\n```", "- one\n- two"])
        #expect(p[0].section == ["Guide"])
        #expect(p[1].section == ["Guide", "Setext Title"])
        #expect(p[2].section == ["Guide", "Setext Title", "Deep"])
        #expect(p[3].section == ["Guide", "Second"])
        #expect(p[0].lines == 6...6)
        #expect(p[2].lines == 15...18)

        // A MyST target line is a label, not text: the heading under it opens the file.
        let myst = try passages(
            "(repeatability)=\n# Repeatable Installs\n\nPin the versions of your dependencies.\n(not a target) =\n", name: "r.md",
            builder: PassageBuilder(minWords: 0))
        #expect(myst.map(\.section) == [["Repeatable Installs"]])
        #expect(myst[0].text == "Pin the versions of your dependencies.\n(not a target) =")
        #expect(
            MarkdownParser.isTargetLine("(install_--no-deps)=") && !MarkdownParser.isTargetLine("(a b)=")
                && !MarkdownParser.isTargetLine("()="))
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
        let p = try passages(text, name: "manual.rst", builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.text) == ["Preface text.", "Run make.", "Flags here.", "Ask away."])
        #expect(p[0].section == ["Manual"])
        #expect(p[1].section == ["Manual", "Install"])
        #expect(p[2].section == ["Manual", "Install", "Options"])
        #expect(p[3].section == ["Manual", "Usage"])
        #expect(p[3].lines == 20...20)
    }

    @Test func longParagraphsBecomeBalancedSentenceWindows() throws {
        let sentence = "Footnote splits long paragraphs into windows of whole sentences. "  // 9 words
        let text = "Title\n\n" + String(repeating: sentence, count: 40) + "\n"
        let builder = PassageBuilder(sectionWords: 50, maxWords: 100, minWords: 10, overlapWords: 0)
        let p = try passages(text, builder: builder)
        #expect(p.count == 4)  // 360 words: four windows of 90, not three of 99 and a stub
        for w in p {
            #expect(PassageBuilder.wordCount(w.text) == 90)
            #expect(w.text.hasPrefix("Footnote splits"))
            #expect(w.text.hasSuffix("sentences."))
            #expect(w.lines == 3...3)
            #expect(w.section == ["Title"])
        }
        #expect(p.map(\.text).joined(separator: " ") + " " == String(repeating: sentence, count: 40))
    }

    /// Each window repeats the last sentence of the one before when it is short,
    /// so that a description and the phone number after it land together.
    @Test func windowsOverlapByAShortSentence() throws {
        let long = "This office handles claims for benefits and answers questions about eligibility and payments. "  // 14 words
        let text = String(repeating: long, count: 12) + "Call 1-800-772-1213. " + String(repeating: long, count: 12)
        let builder = PassageBuilder(sectionWords: 50, maxWords: 120, minWords: 10, overlapWords: 5)
        let p = try passages("Offices\n\n" + text + "\n", builder: builder)
        #expect(p.count > 2)
        for (a, b) in zip(p, p.dropFirst()) {
            let lastOfA = SentenceSplitter.sentences(in: a.text).last.map { String(decoding: Array(a.text.utf8)[$0], as: UTF8.self) }
            if lastOfA == "Call 1-800-772-1213." {
                #expect(b.text.hasPrefix("Call 1-800-772-1213."))
            } else {
                #expect(!b.text.hasPrefix("Call"))
            }  // long sentences are not repeated
            #expect(b.bytes.lowerBound >= a.bytes.lowerBound)
        }
        #expect(p.allSatisfy { PassageBuilder.wordCount($0.text) <= 120 })
    }

    /// A sentence longer than a window is cut between words.
    @Test func aSentenceLongerThanAWindowIsCutBetweenWords() throws {
        let words = (1...1000).map { "w\($0)" }.joined(separator: " ")
        let p = try passages(words + "\n", builder: PassageBuilder(maxWords: 250))
        #expect(p.count == 4)
        #expect(p.allSatisfy { PassageBuilder.wordCount($0.text) == 250 })
        #expect(p.map(\.text).joined(separator: " ") == words)
    }

    @Test func windowsOfAMultiLineParagraphKnowTheirLines() throws {
        let lines = (1...30).map { "Line \($0) says one thing here." }.joined(separator: "\n")
        let p = try passages(lines, builder: PassageBuilder(sectionWords: 10, maxWords: 40, minWords: 5, overlapWords: 0))
        #expect(p.count > 1)
        #expect(p.first?.lines.lowerBound == 1)
        #expect(p.last?.lines.upperBound == 30)
        for w in p { #expect(w.text.hasPrefix("Line \(w.lines.lowerBound) ")) }
    }

    /// In a long section, a block too short to answer joins a neighbour: a
    /// remark after a list joins the list, a lone first line the block after it.
    @Test func shortBlocksJoinTheirNeighbours() throws {
        let para = String(repeating: "Every paragraph here carries enough words to stand on its own as an answer. ", count: 3)
        let text = """
            Guide

            Short opening line.

            \(para)

            Steps to follow:

              • first step
              • second step

            That is all.

            \(para)
            """
        let p = try passages(text, builder: PassageBuilder(sectionWords: 50, maxWords: 250, minWords: 20, overlapWords: 0))
        #expect(p.count == 2)
        #expect(p[0].text.hasPrefix("Short opening line.\n\nEvery paragraph"))
        #expect(p[0].text.hasSuffix("That is all."))
        #expect(p[0].text.contains("Steps to follow:"))
        #expect(p[1].text.hasPrefix("Every paragraph"))
    }

    /// A manual page's NAME and SYNOPSIS are too short to answer alone: they
    /// open the passage of its DESCRIPTION, cited under the page's title.
    @Test func shortOpeningSectionsFormTheLead() throws {
        let description =
            "Runs a number of housekeeping tasks within the current repository, such as compressing file revisions and removing unreachable objects."
        let html = """
            <html><head><title>git-gc(1)</title></head><body>
            <h1>git-gc(1) Manual Page</h1>
            <h2 id="_name">NAME</h2>
            <p>git-gc - Cleanup unnecessary files and optimize the local repository</p>
            <h2 id="_synopsis">SYNOPSIS</h2>
            <pre>git gc [--aggressive] [--auto] [--quiet]</pre>
            <h2 id="_description">DESCRIPTION</h2>
            <p>\(description)</p>
            <p>\(description)</p>
            <h2 id="_options">OPTIONS</h2>
            <p>\(description)</p>
            </body></html>
            """
        let p = try passages(html, name: "git-gc.html")
        #expect(p.count == 2)
        #expect(p[0].text.hasPrefix("git-gc - Cleanup unnecessary files"))
        #expect(p[0].text.contains("git gc [--aggressive]") && p[0].text.hasSuffix(description + "\n" + description))
        // The title carries the name line's summary (`titlesWithSummaries`).
        let title = "git-gc(1) Manual Page — Cleanup unnecessary files and optimize the local repository"
        #expect(p[0].section == [title])
        #expect(p[0].anchor == "_name")
        #expect(p[0].lines == 4...9)
        #expect(p[1].section == [title, "OPTIONS"])

        // Text before the page's first heading (Apache's banner and breadcrumb, above an <h1> that
        // repeats the title) opens the lead, which is cited under that heading, not under nothing.
        let apache = """
            <html><head><title>VirtualHost Examples - Apache HTTP Server Version 2.4</title></head><body>
            <p class="apache">Apache HTTP Server Version 2.4</p>
            <div id="page-content"><div id="preamble"><h1>VirtualHost Examples</h1>
            <p>This document attempts to answer the commonly-asked questions about setting up virtual hosts.</p></div>
            <p>\(description)</p></div></body></html>
            """
        let a = try passages(apache, name: "examples.html")
        #expect(a.count == 1 && a[0].section == ["VirtualHost Examples"] && a[0].text.hasPrefix("Apache HTTP Server"))

        // Short sections join only until they have minWords together; later short sections stay apart.
        let faq = (1...6).map { "## Question \($0)\n\nA short answer number \($0) here.\n" }.joined(separator: "\n")
        let q = try passages("# FAQ\n\n" + faq, name: "faq.md")
        #expect(q.count == 2)
        #expect(q[0].section == ["FAQ"] && q[0].lines == 5...21)  // four answers of 5 words held, the fifth's joined
        #expect(q[0].text.hasPrefix("A short answer number 1 here.\nQuestion 2\n"))
        #expect(q[1].section == ["FAQ", "Question 6"])
    }

    /// A section that fits in a passage (250 words) is one, so that its answer
    /// is cited with the paragraph that names its subject; a glossary or an
    /// option list that short is still an entry a passage, each under its term.
    @Test func aSectionThatFitsInAPassageIsOne() throws {
        let paragraph = (1...45).map { "w\($0)" }.joined(separator: " ")
        let section = "# Hooks\n\n## pre-commit\n\n" + Array(repeating: paragraph, count: 4).joined(separator: "\n\n") + "\n"
        let p = try passages(section, name: "hooks.md")
        #expect(p.count == 1 && p[0].section == ["Hooks", "pre-commit"] && p[0].lines == 5...11)
        let longer = try passages(section + "\n" + Array(repeating: paragraph, count: 2).joined(separator: "\n\n") + "\n", name: "hooks.md")
        #expect(longer.count == 2 && longer.map(\.lines) == [5...9, 11...15])  // 270 words: three paragraphs each (`packed`)
        let options =
            "<h1>git-mv</h1><h2>OPTIONS</h2><dl><dt>-f</dt><dt>--force</dt><dd><p>Force renaming or moving of a file even if the target exists.</p></dd>"
            + "<dt>-k</dt><dd><p>Skip move or rename actions which would lead to an error condition.</p></dd></dl>"
        #expect(
            try passages(options, name: "git-mv.html").map(\.section) == [
                ["git-mv", "OPTIONS", "-f, --force"], ["git-mv", "OPTIONS", "-k"],
            ])
        let one =
            "<h1>git-mv</h1><h2>OPTIONS</h2><dl><dt>-f</dt><dt>--force</dt><dd><p>Force renaming or moving of a file even if the target exists.</p></dd></dl>"
            + "<p>The index is updated after successful completion.</p>"
        #expect(try passages(one, name: "git-mv.html").map(\.section) == [["git-mv", "OPTIONS", "-f, --force"]])
    }

    /// A section too long for one passage is cut into passages of about
    /// equal size, whole paragraphs each, not a passage per paragraph; an
    /// entry (a term and its description) between them stays alone.
    @Test func aLongSectionIsPackedIntoEvenPassages() throws {
        typealias Unit = PassageBuilder.Unit
        func units(_ words: [Int]) -> [Unit] {
            var at = 0
            return words.map { w in
                defer { at += 1 }; return Unit(blocks: at..<(at + 1), words: w)
            }
        }
        let entry = 3
        let packed = PassageBuilder.packed(units([100, 100, 100, 30, 60, 60]), limit: 250) { $0.blocks.lowerBound == entry }
        #expect(packed.map(\.blocks) == [0..<2, 2..<3, 3..<4, 4..<6])
        #expect(packed.map(\.words) == [200, 100, 30, 120])
        // Balanced, not greedy: 7 × 45 = 315 words are 4 + 3 paragraphs, not 5 + 2.
        #expect(PassageBuilder.packed(units(Array(repeating: 45, count: 7)), limit: 250) { _ in false }.map(\.blocks) == [0..<4, 4..<7])
        // No limit, no packing: a block a passage (`sectionWords: 0`).
        #expect(PassageBuilder.packed(units([10, 10]), limit: 0) { _ in false }.count == 2)
        // A unit over the limit stays alone, to be windowed.
        #expect(PassageBuilder.packed(units([40, 300, 40]), limit: 250) { _ in false }.map(\.blocks) == [0..<1, 1..<2, 2..<3])

        let paragraph = (1...45).map { "w\($0)" }.joined(separator: " ")
        let text = "# Hooks\n\n## pre-commit\n\n" + Array(repeating: paragraph, count: 7).joined(separator: "\n\n") + "\n"
        let p = try passages(text, name: "hooks.md")
        #expect(p.map(\.lines) == [5...11, 13...17])
        #expect(p.map { $0.text.split(whereSeparator: \.isWhitespace).count } == [180, 135])
        #expect(p.allSatisfy { $0.section == ["Hooks", "pre-commit"] })
    }

    /// A glossary entry or option is cited under its term, with its description.
    @Test func termsStayWithTheirDescriptions() throws {
        let entries = (1...12).map { k in
            "<dt>term\(k)</dt><dd><p>The description of term number \(k), long enough to be an answer of its own here.</p></dd>"
        }.joined()
        let p = try passages("<h1>Glossary</h1><dl>" + entries + "</dl>", name: "glossary.html")
        #expect(p.count == 12)
        #expect(p[0].section == ["Glossary", "term1"])
        #expect(p[0].text == "term1\nThe description of term number 1, long enough to be an answer of its own here.")
        #expect(p[11].section == ["Glossary", "term12"])
    }

    /// An option's description of several paragraphs stays with it, and each of its windows is cited under it.
    @Test func aTermKeepsItsWholeDescription() throws {
        let para = "This option makes the command work harder on the repository, taking more time to do it. "
        let html =
            "<h1>git-gc</h1><h2>OPTIONS</h2><dl><dt>--aggressive</dt><dd><p>\(para)</p><p>\(para)</p></dd>"
            + "<dt>--auto</dt><dd><p>\(para)</p><pre>git gc --auto</pre></dd>"
            + "<dt>gc.reflogExpire</dt><dt>gc.reflogExpireUnreachable</dt><dd><p>\(para)</p></dd>"
            + "<dt>--prune</dt><dd>" + (1...20).map { _ in "<p>\(para)</p>" }.joined() + "</dd></dl>"
        let p = try passages(html, name: "git-gc.html")
        let aggressive = try #require(p.first { $0.section.last == "--aggressive" })
        #expect(aggressive.text == "--aggressive\n" + para.trimmingWhitespace() + "\n" + para.trimmingWhitespace())
        let auto = try #require(p.first { $0.section.last == "--auto" })
        #expect(auto.text.hasSuffix("git gc --auto"))
        let both = try #require(p.first { $0.text.hasPrefix("gc.reflogExpire\ngc.reflogExpireUnreachable\n") })
        #expect(both.section == ["git-gc", "OPTIONS", "gc.reflogExpire, gc.reflogExpireUnreachable"])
        let prune = p.filter { $0.text.contains(para.trimmingWhitespace()) && !$0.text.hasPrefix("--a") && !$0.text.hasPrefix("gc.") }
        #expect(prune.count > 1 && prune.allSatisfy { $0.section == ["git-gc", "OPTIONS", "--prune"] })
    }

    /// "GIL: See global interpreter lock." names the entry it points to, and is not cited apart from it.
    @Test func glossaryPointersNameTheirEntry() throws {
        let entry = "The mechanism used by the interpreter to assure that only one thread executes bytecode at a time, for safety."
        let html =
            "<h1>Glossary</h1><dl>" + (1...8).map { "<dt>term\($0)</dt><dd><p>\(entry)</p></dd>" }.joined()
            + "<dt id=\"term-GIL\">GIL</dt><dd><p>See <a href=\"#term-gil\">global interpreter lock</a>.</p></dd>"
            + "<dt>global  Interpreter lock</dt><dd><p>\(entry)</p></dd>"
            + "<dt>MRO</dt><dd><p>See also method resolution order.</p></dd>"
            + "<dt>zip</dt><dd><p>See nothing here.</p></dd></dl>"
        let p = try passages(html, name: "glossary.html")
        #expect(!p.contains { $0.text.hasPrefix("GIL") })
        let gil = try #require(p.first { $0.text.hasPrefix("global Interpreter lock") })  // HTML collapses spaces
        #expect(gil.section == ["Glossary", "global Interpreter lock (GIL)"])
        #expect(p.contains { $0.section == ["Glossary", "MRO"] })  // "See also" says something of its own
        #expect(p.contains { $0.section == ["Glossary", "zip"] })  // a pointer to no entry stays
        #expect(p.count == 11)
    }

    /// No passage is a heading alone: a heading with nothing under it is text.
    @Test func aHeadingOverNothingIsText() throws {
        let text = """
            # Guide

            ## Do not

            ## Do

            surrender your plates before your insurance ends

            ## Empty at the end
            """
        let p = try passages(text, name: "guide.md", builder: PassageBuilder(minWords: 0))
        #expect(p.count == 2)
        #expect(p[0].section == ["Guide"])  // "Do not" heads nothing, so it is text of "Guide" …
        #expect(p[0].text == "Do not" && p[0].lines == 3...3)  // its words, cited on its line, without the markup
        let rest = try passages(
            text.replacingOccurrences(of: "## Do not\n\n", with: ""), name: "guide.md", builder: PassageBuilder(minWords: 0))
        #expect(rest.map(\.section) == [["Guide", "Do"]])  // … and the trailing heading joins the last section
        #expect(rest[0].text.hasSuffix("## Empty at the end"))
    }

    @Test func htmlPassagesComeFromBlocks() throws {
        let html =
            "<html><head><title>T</title><script>var x = 1;</script></head><body>\n<h1>Guide</h1>\n<p>Fish &amp; chips.</p>\n<h2>More</h2><p>Second\npara.</p></body></html>\n"
        let p = try passages(html, name: "page.html", builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.text) == ["Fish & chips.", "Second para."])
        #expect(p[0].section.last == "Guide")
        #expect(p[0].lines == 3...3)
        #expect(p[1].section.last == "More")
        #expect(p[1].lines == 4...5)
    }
}

/// Every byte of a text file's content lands in a passage: in its text, or
/// in the heading path of a passage under that heading.
@Suite struct PassageCoverageTests {
    /// The non-whitespace bytes of `text` (as file `name`) in no passage's
    /// range and in no heading that some passage's section names.
    func uncovered(_ text: String, name: String, builder: PassageBuilder = PassageBuilder()) throws -> [Int] {
        let bytes = Array(text.utf8)
        let p = try passages(text, name: name, builder: builder)
        var covered = [Bool](repeating: false, count: bytes.count)
        for passage in p where passage.isVerbatim { for k in passage.bytes { covered[k] = true } }
        for passage in p where !passage.isVerbatim {
            // Derived text: every line the passage cites.
            let lines = TextLines(bytes).lines.filter { passage.lines.contains($0.number) }
            for line in lines { for k in line.start..<line.end { covered[k] = true } }
        }
        let sections = Set(p.flatMap(\.section))
        let blocks = name.hasSuffix(".md") ? MarkdownParser.parse(bytes) : PlainTextParser.parse(bytes)
        for block in blocks where block.isHeading && sections.contains(block.text) { for k in block.bytes { covered[k] = true } }
        // A heading's markup around its words ("## ", an underline): a heading over nothing is cited by its words alone.
        for block in blocks where block.isHeading {
            let words = Array(block.text.utf8)
            let start = bytes[block.bytes].firstRange(of: words)?.lowerBound ?? block.bytes.lowerBound
            for k in block.bytes where k < start || k >= start + words.count { covered[k] = true }
        }
        return bytes.indices.filter { !covered[$0] && !ASCIIWhitespace.contains(bytes[$0]) }
    }

    /// Windows cut from one long HTML block (a `<pre>`, a paragraph over
    /// many lines) cite the lines their own text comes from, not the block's.
    @Test func windowsOfALongHTMLBlockCiteTheirOwnLines() throws {
        let body = (1...300).map { "line\($0) carries words of its own here." }
        for (open, close) in [("<pre>", "</pre>"), ("<p>", "</p>"), ("<ul><li>", "</li></ul>")] {
            let separator = open.hasPrefix("<ul") ? "</li>\n<li>" : "\n"
            let html = "<html><body><h1>Notes</h1>\n" + open + body.joined(separator: separator) + close + "\n</body></html>\n"
            let p = try passages(html, name: "notes.html").filter { $0.text.contains("line1") || $0.text.contains("line2") }
            #expect(p.count > 3, "\(open)")
            var previousFirst = 0
            for passage in p {
                let numbers = passage.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                    .filter { $0.hasPrefix("line") }.compactMap { Int($0.dropFirst(4)) }
                let (first, last) = (numbers.first!, numbers.last!)
                // Line k of the file holds "line(k-1)": the heading is line 1, the block starts on line 2.
                // A window may open with the end of the line before its first "lineN".
                let opensMidLine = !passage.text.hasPrefix("line") && !passage.text.hasPrefix("• line")
                #expect(
                    passage.lines == (opensMidLine ? first : first + 1)...(last + 1),
                    "\(open) \(passage.lines) for line\(first)…line\(last): \(passage.text.prefix(40))")
                #expect(first > previousFirst)
                previousFirst = first
            }
        }
    }

    /// A window that runs from a long block into a one-line block after it
    /// cites through that block's line.
    @Test func aWindowEndingInAOneLineBlockCitesItsLine() throws {
        let body = (1...300).map { "line\($0) carries words of its own here." }.joined(separator: "\n")
        let html = "<html><body><h1>Notes</h1>\n<pre>" + body + "</pre>\n\n\n<p>A short tail.</p>\n</body></html>\n"
        let p = try passages(html, name: "notes.html")
        let last = try #require(p.last { $0.text.contains("short tail") })
        let tailLine = html.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("short tail") }! + 1
        #expect(last.lines.upperBound == tailLine)
    }

    @Test func theSeedArticleIsCovered() throws {
        let text = try String(contentsOfFile: seedCorpusPath + "/open-source-vs-closed-ai.txt", encoding: .utf8)
        #expect(try uncovered(text, name: "essay.txt").isEmpty)
    }

    /// Seeded random documents of headings, paragraphs of 1 to 400 words,
    /// lists and stray short lines, as plain text and as Markdown.
    @Test(arguments: 1...40) func randomDocumentsAreCovered(seed: UInt64) throws {
        var state = seed
        func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        let vocabulary = ["giraffe", "budget", "claims", "office", "phone", "benefit", "Social", "Security", "plates", "the", "a", "of"]
        func words(_ n: Int) -> String {
            (0..<n).map { i in vocabulary[next(vocabulary.count)] + (i % 13 == 12 ? "." : "") }.joined(separator: " ")
        }
        for markdown in [false, true] {
            var parts: [String] = []
            for _ in 0..<(3 + next(12)) {
                switch next(6) {
                case 0:
                    parts.append(
                        (markdown ? String(repeating: "#", count: 1 + next(3)) + " " : "") + "Section About "
                            + words(1 + next(3)).capitalized)
                case 1: parts.append((0..<(1 + next(5))).map { _ in "  • " + words(1 + next(8)) }.joined(separator: "\n"))
                case 2: parts.append(words(1 + next(4)))
                default: parts.append(words(1 + next(400)) + ".")
                }
            }
            let text = parts.joined(separator: next(2) == 0 ? "\n\n" : "\n\n\n") + (next(2) == 0 ? "\n" : "")
            for builder in [PassageBuilder(), PassageBuilder(sectionWords: 30, maxWords: 60, minWords: 10, overlapWords: 8)] {
                let missing = try uncovered(text, name: markdown ? "doc.md" : "doc.txt", builder: builder)
                #expect(missing.isEmpty, "seed \(seed): bytes \(missing.prefix(5)) of \(markdown ? "Markdown" : "text") in no passage")
            }
        }
    }
}

/// reStructuredText as Sphinx sources write it: markup read as a reader sees it.
@Suite struct RestructuredTextMarkupTests {
    @Test func inlineMarkup() {
        let inline = RestructuredTextMarkup.inline
        #expect(inline("Use :func:`os.path.join` or :py:meth:`~str.split`.") == "Use os.path.join or str.split.")
        #expect(inline("See :ref:`the tutorial <tut-intro>` and ``len(x)``.") == "See the tutorial and len(x).")
        #expect(inline("Visit `Python <https://python.org>`_ or `PEP 8`_ and docutils_.") == "Visit Python or PEP 8 and docutils.")
        #expect(inline("This is *very* **bold**, 2*3*4 stays.") == "This is very bold, 2*3*4 stays.")
        #expect(inline("snake_case_name and __init__ stay") == "snake_case_name and __init__ stay")
    }

    @Test func directivesAndFieldLists() {
        typealias R = RestructuredTextMarkup
        #expect(R.reading(".. index:: single: GIL") == .dropped)
        #expect(R.reading(".. _tut-intro:") == .dropped)
        #expect(R.reading(".. a comment\n   spanning lines") == .dropped)
        #expect(R.reading(".. function:: join(path, *paths)\n   :noindex:") == .term("join(path, *paths)"))
        #expect(R.reading(".. py:method:: str.split(sep=None)") == .term("str.split(sep=None)"))
        #expect(R.reading(".. note:: Use ``with`` here.") == .text("Note: Use with here."))
        #expect(R.reading(".. versionadded:: 3.2") == .text("New in version 3.2:"))
        #expect(
            R.reading(":param path: the :class:`Path` to read\n:returns: its text")
                == .text("param path: the Path to read\nreturns: its text"))
        #expect(R.reading("Plain text stays.") == .text("Plain text stays."))
    }

    /// A Sphinx source: the signature is a term kept with its description, the
    /// index entry is gone, and roles read as their text.
    @Test func aSphinxSourceReadsAsItsPage() throws {
        let rst = """
            :mod:`os.path` --- Common pathname manipulations
            ================================================

            .. module:: os.path

            .. index:: single: path; operations

            This module implements some useful functions on pathnames. To read or write files see :func:`open`.

            .. function:: join(path, *paths)

               Join one or more path segments intelligently. The return value is the
               concatenation of *path* and all members of *paths*.

               .. versionchanged:: 3.6
                  Accepts a :term:`path-like object`.
            """
        let p = try passages(rst, name: "os.path.rst")
        #expect(p.map(\.section) == [["os.path --- Common pathname manipulations"]])
        #expect(p[0].text.contains("To read or write files see open."))
        #expect(p[0].text.contains("join(path, *paths)\n   Join one or more path segments intelligently."))
        #expect(p[0].text.contains("concatenation of path and all members of paths."))
        #expect(p[0].text.contains("Changed in version 3.6: Accepts a path-like object."))
        #expect(!p[0].text.contains("index::") && !p[0].text.contains(":func:"))
        #expect(!p[0].isVerbatim); #expect(p[0].lines == 8...16)
    }

    /// A dropped directive's content after a blank line goes with it, and file-wide metadata is no text.
    @Test func droppedDirectivesTakeTheirContent() throws {
        let rst = """
            :orphan:

            .. meta::

              :http-equiv=refresh: 3; url=../../cli/pip_check/

            Contents
            ========

            .. toctree::
               :maxdepth: 2

               getting-started
               installation

            The user guide covers installing packages with pip.

              An indented quote stays.
            """
        let p = try passages(rst, name: "index.rst", builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.section) == [["Contents"]])
        #expect(p[0].text == "The user guide covers installing packages with pip.\n\n  An indented quote stays.")
    }
}

/// AsciiDoc as git's manual pages write it (`.txt` files recognised by content).
@Suite struct AsciiDocTests {
    static let page = """
        git-stash(1)
        ============

        NAME
        ----
        git-stash - Stash the changes in a dirty working directory away

        SYNOPSIS
        --------
        [verse]
        'git stash' list [<log-options>]

        [[description]]
        DESCRIPTION
        -----------
        Use `git stash` when you want to record the current state of the working directory,
        but want to go back to a clean working directory. See linkgit:git-reset[1] and
        link:user-manual.html[the user manual].

        include::stash-options.txt[]

        -p::
        --patch::
        \tInteractively select hunks from the diff between HEAD and the working tree
        \tto be stashed, as 'git add --patch' would.

        EXAMPLES
        --------
        ----
        $ git stash push -m "work in progress"
        $ git stash pop
        ----
        """

    @Test func manualPagesReadAsTheirReadersSeeThem() throws {
        #expect(AsciiDocParser.looksLikeAsciiDoc(Array(Self.page.utf8)))
        #expect(!AsciiDocParser.looksLikeAsciiDoc(Array("Notes\n\nA plain note: see the guide.\n".utf8)))
        let blocks = AsciiDocParser.parse(Array(Self.page.utf8))
        #expect(blocks.filter(\.isHeading).map(\.text) == ["git-stash(1)", "NAME", "SYNOPSIS", "DESCRIPTION", "EXAMPLES"])
        let texts = blocks.filter { !$0.isHeading }.map(\.text)
        #expect(texts.contains("git stash list [<log-options>]"))
        #expect(texts.contains { $0.hasPrefix("Use git stash when") && $0.contains("See git-reset(1) and\nthe user manual.") })
        #expect(!texts.contains { $0.contains("include::") || $0.contains("[[") || $0.contains("[verse]") })
        #expect(blocks.filter { $0.kind == .term }.map(\.text) == ["-p", "--patch"])
        #expect(texts.contains("$ git stash push -m \"work in progress\"\n$ git stash pop"))
        let p = try passages(Self.page, name: "git-stash.txt")
        // The short section is one passage, and with NAME and SYNOPSIS before it the page's lead.
        let options = try #require(p.first { $0.text.contains("-p\n--patch\n") })
        let title = "git-stash(1) — Stash the changes in a dirty working directory away"
        #expect(options.section == [title])
        #expect(options.text.hasPrefix("git-stash - Stash the changes"))
        #expect(options.text.contains("as git add --patch would."))
        #expect(p.allSatisfy { $0.section.first == title })
    }

    /// git's glossary: each entry a labeled item with an inline anchor, cross-references by id.
    @Test func inlineAnchorsAndCrossReferences() throws {
        let text =
            "[[def_bare_repository]]bare repository::\n\tA bare repository is a <<def_directory,directory>> with a `.git` suffix.\n\n[[def_branch]]branch::\n\tA line of development, see <<def_commit>>.\n"
        let blocks = AsciiDocParser.parse(Array(text.utf8))
        #expect(
            blocks.map { $0.text.trimmingCharacters(in: .whitespaces) } == [
                "bare repository", "A bare repository is a directory with a .git suffix.",
                "branch", "A line of development, see def_commit.",
            ])
        #expect(blocks.filter { $0.kind == .term }.count == 2)
        #expect(AsciiDocParser.inline("x [[a b]] y") == "x [[a b]] y")  // not an anchor: a space inside
    }

    @Test func adocFilesAreAsciiDoc() throws {
        let p = try passages("= Guide\n\n== Install\n\nRun linkgit:make[1] here.\n", name: "guide.adoc")
        #expect(p.map(\.section) == [["Guide", "Install"]])
        #expect(p[0].text == "Run make(1) here.")
    }
}

@Suite struct FootnoteSectionTests {
    /// A footnote at a Markdown page's end is not cited under its last heading.
    @Test func markdownFootnotesHaveASectionOfTheirOwn() throws {
        let p = try passages(
            "# Guide\n\n## Setup\n\nInstall it first.[^1]\n\n[^1]: On Debian, use apt-get to install packages.\n", name: "g.md",
            builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.section) == [["Guide", "Setup"], ["Guide", "Footnotes"]])
        #expect(p[1].text == "[^1]: On Debian, use apt-get to install packages.")
        #expect(p[1].isVerbatim)
    }
}

/// A reference page's name line ("git-mv - Move or rename a file, …") says
/// what the page is about in the words people ask with; its title carries it.
@Suite struct NameLineTests {
    @Test func aNameLineIsNamesADashAndASummary() throws {
        let man = try #require(NameLine("git-mv - Move or rename a file,\n   a directory, or a symlink"))
        #expect(man.names == "git-mv" && man.summary == "Move or rename a file, a directory, or a symlink")
        let docbook = try #require(NameLine("ALTER TABLE — change the definition of a table"))
        #expect(docbook.names == "ALTER TABLE" && docbook.summary == "change the definition of a table")
        #expect(NameLine("gzip, gunzip, zcat \\- compress or expand files")?.names == "gzip, gunzip, zcat")
        #expect(NameLine("ls – list directory contents")?.summary == "list directory contents")
        // No dash, a dash inside a word, a question, too many names or too long a summary: not a name line.
        #expect(NameLine("The VACUUM command rebuilds the database file.") == nil)
        #expect(NameLine("git-mv moves files") == nil)
        #expect(NameLine("Is it fast - or not?") == nil)
        #expect(NameLine("when you are done with all of this - run it") == nil)
        #expect(NameLine("name - " + String(repeating: "word ", count: 26)) == nil)
        #expect(NameLine("name - ") == nil)
    }

    @Test func theNamesAreWhatTheTitleNames() throws {
        let line = try #require(NameLine("git-mv - Move or rename a file"))
        #expect(line.isNamed(by: "git-mv(1) Manual Page") && line.isNamed(by: "GIT-MV") && line.isNamed(by: "git-mv manual"))
        #expect(!line.isNamed(by: "git-mvx(1)") && !line.isNamed(by: "The git-mv command"))
        #expect(try #require(NameLine("VACUUM — garbage-collect and optionally analyze a database")).isNamed(by: "VACUUM"))
    }

    @Test func theTitleCarriesTheSummary() throws {
        // PostgreSQL's reference entries: <title>, a repeating <h2>, the name line under it.
        let entry = """
            <html><head><title>VACUUM</title></head><body>
            <div class="refnamediv"><h2>VACUUM</h2><p>VACUUM — garbage-collect and optionally analyze a database</p></div>
            <h2>Description</h2><p>VACUUM reclaims storage occupied by dead tuples.</p>
            </body></html>
            """
        let title = "VACUUM — garbage-collect and optionally analyze a database"
        let p = try passages(entry, name: "sql-vacuum.html", builder: PassageBuilder(minWords: 0))
        #expect(p.map(\.section) == [[title], [title, "Description"]])
        #expect(p[0].text == title)  // the name line stays text as well
        // Under NAME in an asciidoc manual page, the names need not be the title's.
        let man =
            "git-mv(1)\n=========\n\nNAME\n----\ngit-mv - Move or rename a file\n\nSYNOPSIS\n--------\n[verse]\n'git mv' <source> <destination>\n\n"
            + "DESCRIPTION\n-----------\nIt moves a file. See linkgit:git-add[1].\n"
        #expect(
            try passages(man, name: "git-mv.txt", builder: PassageBuilder(minWords: 0)).first?.section.first
                == "git-mv(1) — Move or rename a file")
        // A first paragraph with a dash that names something else, or a name line far down the page, changes nothing.
        let essay = "# Open models\n\nClosed models - the ones sold as a service - are one kind.\n"
        #expect(try passages(essay, name: "essay.md").first?.section == ["Open models"])
        let late = "# Tools\n\nThe tools of the trade, in the order we use them.\n\nTools - what they are for\n"
        #expect(try passages(late, name: "tools.md").first?.section.first == "Tools")
    }
}

@Suite struct OrphanLabelTests {
    /// Sixty lines of SVG, which the HTML reader drops.
    static let circles = (1...60).map { "<circle cx=\"\($0)\" cy=\"3\" r=\"1\"/>" }.joined(separator: "\n")

    /// `before`, a diagram of `circles` on lines of its own, and `after`.
    static func diagram(between before: String, and after: String) -> String {
        before + "<div><svg viewBox=\"0 0 9 9\">\n" + circles + "\n</svg></div>\n" + after
    }

    /// SQLite's pages label each syntax diagram ("alter-table-stmt:") and then
    /// draw it as an SVG of thousands of lines, which is dropped: the label
    /// goes with it, and the paragraph after it is cited by its own lines.
    @Test func aLabelWhoseDiagramWasDroppedGoesWithIt() throws {
        let page = Self.diagram(
            between:
                "<h1 id=\"overview\">Overview</h1>\n<p><b><a href=\"syntax.html\">alter-table-stmt:</a></b>\n<button>hide</button></p>\n",
            and: "<p>SQLite supports a limited subset of ALTER TABLE: a table can be renamed,\na column renamed, added or dropped.</p>\n")
        let p = try passages(page, name: "lang_altertable.html")
        #expect(p.count == 1)
        #expect(p[0].text.hasPrefix("SQLite supports") && !p[0].text.contains("alter-table-stmt"))
        #expect(p[0].lines == 66...67)
    }

    /// Text on both sides of a dropped diagram is two passages, each cited by
    /// its own lines, however short: joined, they were cited for every line of the diagram.
    @Test func noPassageSpansADroppedDiagram() throws {
        let page = Self.diagram(
            between:
                "<h1>Partial Indexes</h1>\n<p>Create a partial index by adding a WHERE clause\nto an ordinary CREATE INDEX statement.</p>\n",
            and: "<p>Any index that includes the WHERE clause at the end is considered to be a partial index.</p>\n")
        let p = try passages(page, name: "partialindex.html")
        #expect(p.map(\.lines) == [2...3, 66...66])
        #expect(p.allSatisfy { $0.section == ["Partial Indexes"] })
        // The same text with no gap between the paragraphs is one passage.
        let near = try passages(page.replacingOccurrences(of: Self.circles, with: "<circle/>"), name: "partialindex.html")
        #expect(near.map(\.lines) == [2...7])
    }

    /// A label whose list follows it keeps it ("Examples include:"), and so does a label in a text file.
    @Test func aLabelWithWhatItIntroducesStays() throws {
        let html = try passages(
            "<h1>Models</h1>\n<p>Examples include:</p>\n<ul><li>Commercial large language models</li>\n<li>Recommendation systems</li></ul>\n",
            name: "m.html")
        #expect(p(html).contains("Examples include:"))
        let text = try passages(
            "Models\n======\n\nExamples:\n" + String(repeating: "\n", count: 50) + "Commercial large language models are one kind.\n",
            name: "m.txt")
        #expect(p(text).contains("Examples:"))
    }

    private func p(_ passages: [Passage]) -> String { passages.map(\.text).joined(separator: "\n") }
}
