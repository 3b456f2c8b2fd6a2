import Testing
@testable import FootnoteCorpus

@Suite struct ManPageParserTests {
    func blocks(_ roff: String) -> [Block] { ManPageParser.parse(Array(roff.utf8)) }
    func texts(_ roff: String) -> [String] { blocks(roff).map(\.text) }

    @Test func escapesReadAsTheCharactersTheyStandFor() {
        let cases: [(String, String)] = [
            ("\\fBbold\\fR and \\fIitalic\\fP", "bold and italic"), ("\\-\\-all", "--all"), ("a\\(emb\\(enc", "a\u{2014}b\u{2013}c"),
            ("\\(lqquoted\\(rq", "\u{201C}quoted\u{201D}"), ("\\[lq]x\\[rq]", "\u{201C}x\u{201D}"), ("\\*(lqy\\*(rq", "\u{201C}y\u{201D}"),
            ("back\\eslash", "back\\slash"), ("no\\&break", "nobreak"), ("60\\(de", "60\u{00B0}"), ("\\f(CWcode\\fR", "code"),
            ("\\f[B]x\\f[]", "x"), ("\\s-1SMALL\\s0", "SMALL"), ("a\\ b", "a b"), ("text \\\" a comment", "text"),
            ("\\[u00E9]t\\[u00E9]", "\u{E9}t\u{E9}"), ("width \\w'abc' gone", "width  gone"), ("\\n(.lregister", "register"),
        ]
        for (roff, text) in cases {
            #expect(String(decoding: ManPageReader.unescape(ArraySlice(roff.utf8)), as: UTF8.self) == text, "\(roff)")
        }
    }

    @Test func sectionsTermsAndParagraphs() {
        let page = """
            .TH GIT\\-STASH 1 2025-10-07 "Git 2.39" "Git Manual"
            .SH NAME
            git-stash \\- Stash the changes in a dirty working directory away
            .SH "OPTIONS"
            .TP
            .BR \\-p ", " \\-\\-patch
            Interactively select hunks.
            .PP
            \\-k, \\-\\-keep\\-index
            .RS 4
            All changes already added to the index are left intact\\&.
            .RE
            .SS "Exit status"
            Zero on success.
            .IP \\(bu 2
            a bullet item
            """
        let b = blocks(page)
        #expect(
            b.map(\.text) == [
                "git-stash(1)", "NAME", "git-stash - Stash the changes in a dirty working directory away", "OPTIONS",
                "-p, --patch", "Interactively select hunks.", "-k, --keep-index",
                "All changes already added to the index are left intact.", "Exit status", "Zero on success.",
                "\u{2022}", "a bullet item",
            ])
        #expect(
            b.map(\.kind) == [
                .heading(level: 1), .heading(level: 2), .paragraph, .heading(level: 2), .term, .paragraph, .term,
                .paragraph, .heading(level: 3), .paragraph, .term, .paragraph,
            ])
        #expect(b[2].lines == 3...3)
        #expect(b.allSatisfy { !$0.isVerbatim })
    }

    @Test func fillNoFillCommentsAndDefinitions() {
        let page = """
            .\\" a comment
            .TH KETTLE 8
            .de XX
            .B never shown
            ..
            .SH DESCRIPTION
            first line
            second line
            .nf
            keep
              these lines
            .fi
            .ie n .ds Aq '
            .el .ds Aq \\(aq
            """
        #expect(texts(page) == ["kettle(8)", "DESCRIPTION", "first line second line", "keep\n  these lines"])
    }

    /// Windows of a long paragraph cite their own lines: every source line is marked.
    @Test func sourceMarksFollowLines() {
        let b = blocks(".TH A 1\n.SH X\none\ntwo\n.B three\n")
        let paragraph = b.last!
        #expect(paragraph.text == "one two three")
        #expect(paragraph.sourceMarks.map(\.text) == [0, 4, 8])
        #expect(paragraph.lines == 3...5)
    }

    /// Lines the trimming takes at the end of a no-fill block leave no mark
    /// past the block's text (a fuzzer's find).
    @Test func marksStayInsideTheText() {
        for page in [".TH A 1\n.nf\nkeep\n\n   \n.fi\n", ".TH A 1\n.SH X\n.nf\none\n\n\n.SH Y\n"] {
            for block in blocks(page) {
                #expect(block.sourceMarks.allSatisfy { $0.text < max(1, block.text.utf8.count) }, "\(block.text)")
            }
        }
    }

    /// A `.1` file that is not roff (a rotated log) is plain text.
    @Test func notRoffIsPlainText() {
        let log = "Dec  1 10:00:00 host kernel: booting\nDec  1 10:00:01 host kernel: ready\n"
        #expect(!ManPageParser.looksLikeRoff(Array(log.utf8)))
        #expect(texts(log) == PlainTextParser.parse(Array(log.utf8)).map(\.text))
        #expect(ManPageParser.looksLikeRoff(Array("'\\\" t\n.TH X 1\n".utf8)))
    }

    /// mdoc pages: `.Dt` names the page, `.Sh` and `.Ss` its sections, `.Nm`, `.Fl` and `.Xr` give text.
    @Test func mdocHeadingsAndText() {
        let page =
            ".Dd March 1, 2026\n.Dt TEAPOT 7\n.Sh NAME\n.Nm teapot\n.Nd brew tea\n.Sh OPTIONS\n.It Fl w Ar minutes\nWarm the pot first, see\n.Xr kettle 1 .\n"
            + ".It Cm ServerAliveCountMax\nSets a count.\n.Nm\nstops.\n.It Fl Fl steep Ns = Ns Ar time\nSteep.\n"
        #expect(
            texts(page) == [
                "teapot(7)", "NAME", "teapot - brew tea", "OPTIONS", "-w minutes", "Warm the pot first, see kettle(1) .",
                "ServerAliveCountMax", "Sets a count. teapot stops.", "--steep=time", "Steep.",
            ])
    }
}
