import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus

private func parse(_ html: String) -> [Block] {
    HTMLDocumentParser.parse(Array(html.utf8))
}

private func texts(_ html: String) -> [String] {
    parse(html).map(\.text)
}

/// Byte range of the first occurrence of `needle` in `haystack`.
private func byteRange(of needle: String, in haystack: String) -> Range<Int> {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    for start in 0...(h.count - n.count) where Array(h[start..<start + n.count]) == n {
        return start..<start + n.count
    }
    Issue.record("\(needle) not found")
    return 0..<0
}

// MARK: - Structure

@Test func paragraphsAndHeadingsOfEachLevel() {
    let blocks = parse(
        """
        <h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>
        <p>First paragraph.</p><div>Second <b>bold</b> paragraph.</div>
        """)
    #expect(
        blocks.map(\.kind) == [
            .heading(level: 1), .heading(level: 2), .heading(level: 3),
            .heading(level: 4), .heading(level: 5), .heading(level: 6),
            .paragraph, .paragraph,
        ])
    #expect(
        blocks.map(\.text) == [
            "One", "Two", "Three", "Four", "Five", "Six",
            "First paragraph.", "Second bold paragraph.",
        ])
    #expect(blocks.allSatisfy { !$0.isVerbatim })
}

@Test func blockLevelTagsEndBlocksAndInlineTagsDoNot() {
    #expect(texts("<p>foo<b>bar</b> <i>baz</i></p>") == ["foobar baz"])
    #expect(
        texts("Loose text<section>In section</section><article>In article</article>Tail")
            == ["Loose text", "In section", "In article", "Tail"])
    #expect(texts("<p>one<br>two<br/>three</p>") == ["one two three"])
    #expect(texts("<blockquote>Quoted</blockquote><hr>After rule") == ["Quoted", "After rule"])
}

@Test func tableRowsAreBlocksAndCellsAreSeparatedBySpaces() {
    let blocks = parse("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>42</td></tr></table>")
    #expect(blocks.map(\.text) == ["Name Age", "Ann 42"])
    #expect(blocks.allSatisfy { $0.kind == .paragraph })
}

@Test func whitespaceIsCollapsedAndTrimmedAndEmptyBlocksDropped() {
    #expect(texts("<p>  Hello,\n\t  <em>big</em>\r\n   world!  </p>") == ["Hello, big world!"])
    #expect(texts("<p>   </p><div>\n</div><p><span> </span></p>") == [])
    #expect(texts("<p>a&nbsp;&nbsp;b\u{A0}\u{A0}c</p>") == ["a b c"])
}

@Test func headingContentAndUnclosedHeadings() {
    #expect(parse("<h2><a href='#x'>Link</a> <div>inside</div></h2>").map(\.kind) == [.heading(level: 2)])
    #expect(texts("<h2><a href='#x'>Link</a> <div>inside</div></h2>") == ["Link inside"])
    // An unclosed heading ends at the next paragraph instead of swallowing the page.
    let blocks = parse("<h1>Title<p>Body text</p>")
    #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph])
    #expect(blocks.map(\.text) == ["Title", "Body text"])
}

@Test func titleBecomesLevelOneHeadingUnlessAnH1RepeatsIt() {
    let withoutH1 = parse(
        """
        <html><head><title> The &amp; Title </title><meta charset="utf-8"></head>
        <body><h2>Section</h2><p>Text</p></body></html>
        """)
    #expect(withoutH1.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph])
    #expect(withoutH1.map(\.text) == ["The & Title", "Section", "Text"])
    #expect(withoutH1[0].lines == 1...1)

    // An <h1> that holds the title, or is held by it (case aside), says it: the title is not repeated.
    let withH1 = parse("<head><title>Page</title></head><body><h1>Page Heading</h1><p>x</p></body>")
    #expect(withH1.map(\.text) == ["Page Heading", "x"])
    #expect(
        texts(
            "<title>shutil — High-level file operations — Python 3.11 documentation</title><h1>shutil — High-level file operations</h1><p>x</p>"
        )
            == ["shutil — High-level file operations", "x"])
    #expect(texts("<title>git-mv(1)</title><h1>git-mv(1) Manual Page</h1><p>x</p>") == ["git-mv(1) Manual Page", "x"])
    // Only the first title counts; an empty h1 does not suppress it.
    #expect(texts("<title>A</title><title>B</title><h1> </h1><p>x</p>") == ["A", "x"])
}

/// SQLite's pages number their sections as <h1>s under a title that no
/// <h1> repeats: the title heads the page and the sections move one level down.
@Test func h1SectionsGoUnderTheTitle() throws {
    let page = """
        <html><head><title>VACUUM</title></head><body>
        <h1 id="syntax"><span>1. </span>Syntax</h1><p>vacuum-stmt</p>
        <h1 id="description"><span>2. </span>Description</h1><p>The VACUUM command rebuilds the database file.</p>
        <h2 id="into"><span>2.1. </span>VACUUM with an INTO clause</h2><p>A new database is written.</p>
        </body></html>
        """
    let blocks = parse(page)
    #expect(
        blocks.filter(\.isHeading).map { "\($0.text) \($0.kind)" }
            == [
                "VACUUM heading(level: 1)", "1. Syntax heading(level: 2)", "2. Description heading(level: 2)",
                "2.1. VACUUM with an INTO clause heading(level: 3)",
            ])
    let p = try passages(page, name: "lang_vacuum.html", builder: PassageBuilder(minWords: 0))
    #expect(
        p.map(\.section) == [
            ["VACUUM", "1. Syntax"], ["VACUUM", "2. Description"],
            ["VACUUM", "2. Description", "2.1. VACUUM with an INTO clause"],
        ])
}

@Test func linesAndByteRangesPointAtTheFirstAndLastTextBytes() {
    let html = """
        <!DOCTYPE html>
        <html>
        <body>
          <h1 class="top">Main  title</h1>
          <p>First line
          second line &amp; more</p>
          <ul>
            <li>Alpha</li>
            <li>Beta é</li>
          </ul>
        </body>
        </html>
        """
    let blocks = parse(html)
    #expect(blocks.count == 3)

    #expect(blocks[0].kind == .heading(level: 1))
    #expect(blocks[0].text == "Main title")
    #expect(blocks[0].lines == 4...4)
    #expect(blocks[0].bytes == byteRange(of: "Main  title", in: html))

    #expect(blocks[1].text == "First line second line & more")
    #expect(blocks[1].lines == 5...6)
    let paragraph = byteRange(of: "First line\n  second line &amp; more", in: html)
    #expect(blocks[1].bytes == paragraph)  // ends after the entity's `;`

    #expect(blocks[2].kind == .list)
    #expect(blocks[2].text == "• Alpha\n• Beta é")
    #expect(blocks[2].lines == 8...9)
    let alpha = byteRange(of: "Alpha", in: html), beta = byteRange(of: "Beta é", in: html)
    #expect(blocks[2].bytes == alpha.lowerBound..<beta.upperBound)  // é is two bytes, both included
}

@Test func crlfFilesCountLinesByLineFeeds() {
    let html = "<p>one</p>\r\n<p>two\r\nthree</p>\r\n"
    let blocks = parse(html)
    #expect(blocks.map(\.lines) == [1...1, 2...3])
    #expect(blocks.map(\.text) == ["one", "two three"])
}

// MARK: - Lists

@Test func consecutiveItemsFormOneListBlock() {
    let blocks = parse(
        """
        <p>Intro</p>
        <ul>
          <li>One</li>
          <li>Two <b>bold</b>
              words</li>
          <li></li>
        </ul>
        <ol><li>First<li>Second</ol>
        <p>Outro</p>
        """)
    #expect(blocks.map(\.kind) == [.paragraph, .list, .list, .paragraph])
    #expect(blocks.map(\.text) == ["Intro", "• One\n• Two bold words", "• First\n• Second", "Outro"])
}

@Test func nestedListsStayInTheOuterBlockIndented() {
    let blocks = parse("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>")
    #expect(blocks.count == 1)
    #expect(blocks[0].kind == .list)
    #expect(blocks[0].text == "• a\n  • b\n  • c\n• d")
}

@Test func blockTagsInsideListItemsAreWhitespace() {
    let blocks = parse("<ul><li><p>Para one</p><p>Para two</p></li><li><p>Para three</p></li></ul>")
    #expect(blocks.map(\.kind) == [.list])
    #expect(blocks[0].text == "• Para one Para two\n• Para three")
    // A heading is not: it heads the item's text, and the list is the page's structure (`headingsInsideListItemsAreHeadings`).
    let headed = parse("<ul><li><p>Para one</p><p>Para two</p></li><li><h3>Heading</h3>text</li></ul>")
    #expect(headed.map(\.kind) == [.list, .heading(level: 3), .paragraph])
    #expect(headed.map(\.text) == ["• Para one Para two", "Heading", "text"])
}

@Test func itemsOutsideAListFormAListUntilTheNextBlock() {
    let blocks = parse("<p>Before</p><li>x</li><li>y</li><p>After</p>")
    #expect(blocks.map(\.kind) == [.paragraph, .list, .paragraph])
    #expect(blocks.map(\.text) == ["Before", "• x\n• y", "After"])
}

@Test func definitionListsAreParagraphs() {
    #expect(texts("<dl><dt>Term</dt><dd>Meaning</dd></dl>") == ["Term", "Meaning"])
}

// MARK: - Entities

@Test func namedEntitiesAreDecoded() {
    #expect(texts("<p>&amp; &lt; &gt; &quot; &apos;</p>") == ["& < > \" '"])
    #expect(texts("<p>&mdash;&ndash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;&laquo;&raquo;</p>") == ["—–…‘’“”«»"])
    #expect(texts("<p>&copy;&reg;&trade;&deg;&middot;&bull;&times;&divide;&euro;</p>") == ["©®™°·•×÷€"])
    #expect(
        texts("<p>&eacute;&egrave;&aacute;&agrave;&ouml;&uuml;&auml;&ntilde;&ccedil;&szlig;&yuml;</p>")
            == ["éèáàöüäñçßÿ"])
    #expect(texts("<p>&Eacute;&AElig;&OElig;&alpha;&Omega;&sigmaf;&frac12;&there4;</p>") == ["ÉÆŒαΩς½∴"])
    #expect(HTMLEntities.namedCount == 253)
}

@Test func numericEntitiesAreDecoded() {
    #expect(texts("<p>&#233;&#xE9;&#XE9;&#x1F600;&#0065;</p>") == ["ééé😀A"])
    #expect(texts("<p>&#233 no semicolon</p>") == ["é no semicolon"])
    #expect(texts("<p>&#150;&#128;</p>") == ["–€"])  // Windows-1252 range, as HTML specifies
}

@Test func invalidCodePointsBecomeReplacementCharacters() {
    #expect(texts("<p>&#0;|&#xD800;|&#xDFFF;|&#x110000;|&#99999999999999999999;</p>") == ["\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}"])
}

@Test func unknownOrMalformedEntitiesStayLiteral() {
    #expect(texts("<p>&bogus; &amp &#; &#x; &# &AMP; AT&T a & b &</p>") == ["&bogus; &amp &#; &#x; &# &AMP; AT&T a & b &"])
    #expect(texts("<p>&averyveryverylongname;</p>") == ["&averyveryverylongname;"])
}

@Test func entityByteRangesSpanTheReference() {
    let html = "<p>&eacute;t&eacute;</p>"
    let blocks = parse(html)
    #expect(blocks.first?.text == "été")
    #expect(blocks.first?.bytes == 3..<(html.utf8.count - 4))
}

// MARK: - Dropped content

@Test func scriptStyleCommentsAndDeclarationsAreDropped() {
    let blocks = parse(
        """
        <?xml version="1.0"?>
        <!DOCTYPE html>
        <html><head>
        <style>p { color: red } /* <p>not text</p> */</style>
        <SCRIPT type="text/javascript">if (a < b && c > d) { s = "</p><p>no"; }</SCRIPT >
        <noscript><p>Enable JS</p></noscript>
        </head><body>
        <!-- a comment <p>hidden</p> -- still -->
        <p>Visible<!----> text<![CDATA[ dropped ]]></p>
        <template><p>Inert <template>nested</template> still inert</p></template>
        <script>document.write("<h1>x</h1>")</script>
        <p>End</p>
        </body></html>
        """)
    #expect(blocks.map(\.text) == ["Visible text", "End"])
}

@Test func emptyCommentFormsCloseImmediately() {
    #expect(texts("<p>a<!-->b<!--->c</p>") == ["abc"])
}

@Test func unclosedCommentAtEndOfFileEndsParsing() {
    #expect(texts("<p>Before</p><!-- never closed <p>After</p>") == ["Before"])
    #expect(texts("<p>Before</p><script>var x = 1; <p>After</p>") == ["Before"])
}

// MARK: - Tags and attributes

@Test func quotedAttributesMayContainGreaterThan() {
    #expect(texts(#"<p title="a > b" data-x='c > d'>Text</p><a href="x>y">link</a>"#) == ["Text", "link"])
    #expect(texts("<p class=it's>Apostrophe in unquoted value</p>") == ["Apostrophe in unquoted value"])
    #expect(texts("<p =odd a = \"spaced > value\" b=c>Fine</p>") == ["Fine"])
}

@Test func strayLessThanIsText() {
    #expect(texts("<p>a < b and 1<2, x <= y, <3 </ done</p>") == ["a < b and 1<2, x <= y, <3 </ done"])
    #expect(texts("<p>tail <</p>") == ["tail <"])
    #expect(texts("ends with <") == ["ends with <"])
}

@Test func brokenAndUnclosedTagsDoNotCrash() {
    #expect(texts("<p>Hello <b") == ["Hello"])
    #expect(texts("<p>Hello</p><a href=\"never closed>more text") == ["Hello"])
    #expect(texts("<p>Hello</p></p") == ["Hello"])
    #expect(texts("<p>Hello</p><!DOCTYPE") == ["Hello"])
    #expect(texts("</div></ul></pre></h1></template><p>Stray end tags</p>") == ["Stray end tags"])
    #expect(
        texts("<unknown-element foo>Custom</unknown-element><verylongtagnamehere>x</verylongtagnamehere>")
            == ["Customx"])
    #expect(parse("").isEmpty)
    #expect(parse("<").map(\.text) == ["<"])
}

// MARK: - Preformatted text

@Test func preKeepsNewlinesAndIndentation() {
    let blocks = parse("<p>Code:</p><pre>\n  let x = 1\n\n    if x {  y }\n</pre><p>After</p>")
    #expect(blocks.map(\.text) == ["Code:", "  let x = 1\n\n    if x {  y }", "After"])
    #expect(blocks[1].kind == .paragraph)
    #expect(blocks[1].lines == 2...4)  // the leading newline is not text
}

@Test func preNormalizesCarriageReturnsAndKeepsEntities() {
    let blocks = parse("<pre>a &lt; b\r\nc<br>d\re</pre>")
    #expect(blocks.map(\.text) == ["a < b\nc\nd\ne"])
}

// MARK: - Size

@Test func largeInputsParseCompletely() {
    // ~1 MB on one line: many paragraphs, entities and tags.
    let unit = "<p class=\"c\">Word &amp; word <b>bold</b> &#233;</p>"
    let repeats = 20_000
    let big = String(repeating: unit, count: repeats)
    let blocks = parse(big)
    #expect(blocks.count == repeats)
    #expect(blocks.allSatisfy { $0.text == "Word & word bold é" && $0.lines == 1...1 })
    #expect(blocks.last?.bytes.upperBound == big.utf8.count - 4)

    // A 1 MB attribute value, quoted and unquoted, and one huge text run.
    let value = String(repeating: "x>y ", count: 250_000)
    #expect(texts("<p title=\"\(value)\">after attribute</p>") == ["after attribute"])
    let unquoted = String(repeating: "z", count: 1_000_000)
    #expect(texts("<p title=\(unquoted)>after</p>") == ["after"])
    #expect(texts("<p>\(unquoted)</p>").first?.utf8.count == 1_000_000)

    // Many unmatched `<` and `&` are each text, not a quadratic rescan.
    let lessThans = String(repeating: "< & ", count: 100_000)
    #expect(texts(lessThans).first?.utf8.count == 399_999)  // 4 bytes × 100 000, the last space trimmed
}

@Test func deepListNestingIndentsAtMostEightLevels() {
    let html = String(repeating: "<ul><li>a", count: 1_000)
    let blocks = parse(html)
    #expect(blocks.count == 1)
    let lines = blocks[0].text.split(separator: "\n")
    #expect(lines.count == 1_000)
    #expect(lines.last == Substring(String(repeating: " ", count: 16) + "• a"))
}

@Test func headElementsCarryNoText() {
    let html = """
        <head><meta name="description" content="Not text"><link rel=stylesheet href=x.css>
        <base href="/"><style>body{}</style></head><body><p>Only this</p></body>
        """
    #expect(texts(html) == ["Only this"])
}

// MARK: - Page furniture

/// A Sphinx page as Debian's python3-doc ships it: navigation bars, a sidebar
/// with its "Table of Contents", a search box, permalink pilcrows and a
/// glossary; only the main content is read, terms are `.term` blocks.
@Test func sphinxPagesKeepTheirMainContentAndTerms() {
    let blocks = parse(
        """
        <html><head><title>Glossary — Python 3.11 documentation</title></head><body>
        <div class="related" role="navigation"><ul><li><a href="index.html">index</a></li><li>next</li></ul></div>
        <div class="document"><div class="documentwrapper"><div class="bodywrapper">
        <div class="body" role="main">
        <section id="glossary"><h1>Glossary<a class="headerlink" href="#glossary" title="Permalink">¶</a></h1>
        <dl class="glossary">
        <dt id="term-GIL">GIL<a class="headerlink" href="#term-GIL">¶</a></dt><dd><p>See global interpreter lock.</p></dd>
        <dt id="term-generator">generator<a class="headerlink" href="#term-generator">¶</a></dt>
        <dd><p>A function which returns a generator iterator.</p></dd>
        </dl></section>
        <div class="clearer"></div></div></div></div>
        <div class="sphinxsidebar" role="navigation"><div class="sphinxsidebarwrapper">
        <h3>Table of Contents</h3><ul><li>Glossary</li></ul>
        <div id="searchbox" role="search"><form><input type="text" name="q"></form></div></div></div>
        </div>
        <div class="footer">© Copyright 2001-2023.</div>
        </body></html>
        """)
    #expect(
        blocks.map(\.text) == [
            "Glossary", "GIL", "See global interpreter lock.", "generator",
            "A function which returns a generator iterator.",
        ])
    #expect(blocks.map(\.kind) == [.heading(level: 1), .term, .paragraph, .term, .paragraph])
}

/// Pages without a marked main part lose their navigation, footers and
/// tables of contents by tag, role, class or id; the rest is kept.
@Test func navigationFootersAndTablesOfContentsAreDropped() {
    let html = """
        <div class="navheader"><table><tr><td>Prev</td><td>Up</td><td>Next</td></tr></table></div>
        <nav><ul><li>Home</li></ul></nav>
        <div id="toc"><h2>Contents</h2><ul><li>Intro</li></ul></div>
        <div class="refentry"><h2>VACUUM</h2><p>VACUUM reclaims storage occupied by dead tuples.</p>
        <div><div>nested <b>divs</b> stay</div></div></div>
        <aside>Related pages</aside>
        <div class="navfooter"><p>Prev Up Next</p></div>
        <div id="footer"><div id="footer-text">Last updated 2023</div></div>
        <p>After the footer.</p>
        <p><b>savepoint-stmt:</b> <button onclick='hideorshow("x1")'>hide</button></p>
        <svg viewBox="0 0 10 10"><svg><text>nested</text></svg><title>diagram</title><text>SAVEPOINT</text></svg><p>After the diagram.</p>
        """
    #expect(
        texts(html) == [
            "VACUUM", "VACUUM reclaims storage occupied by dead tuples.", "nested divs stay", "After the footer.",
            "savepoint-stmt:", "After the diagram.",
        ])
}

/// Generated indexes are lists of where words are treated: Sphinx's
/// genindex and DocBook's bookindex read as their headings alone.
@Test func generatedIndexesAreDropped() {
    let sphinx = """
        <h1 id="index">Index</h1><h2 id="U">U</h2>
        <table class="indextable genindextable"><tr><td><ul><li><a href="library/json.html">upsert</a></li></ul></td></tr></table>
        """
    #expect(texts(sphinx) == ["Index", "U"])
    let docbook = """
        <div class="index"><div class="titlepage"><h2 class="title">Index</h2></div>
        <div class="index"><div class="indexdiv"><h3>U</h3><dl><dt>UPSERT, <a href="sql-insert.html">INSERT</a></dt></dl></div></div></div>
        <p>Kept.</p>
        """
    #expect(texts(docbook) == ["Index", "Kept."])
}

/// A `<main>` element limits reading to itself; the title still heads the page.
@Test func mainElementLimitsWhatIsRead() {
    let blocks = parse("<title>Guide</title><header><p>Site banner</p></header><main><p>Body text.</p></main><p>Outside.</p>")
    #expect(blocks.map(\.text) == ["Guide", "Body text."])
}

/// Footnotes at a page's end are read under a heading of their own, not as
/// text of the page's last section; Sphinx's footnote <aside> is read.
@Test func footnotesHaveAHeadingOfTheirOwn() {
    let blocks = parse(
        """
        <h1>JSON Types</h1><h2>Containment</h2><p>Containment is tested with @>.<a href="#fn1">[1]</a></p>
        <div class="footnotes"><div class="footnote" id="fn1"><p>[1] For this purpose, jsonb compares values.</p></div></div>
        """)
    #expect(
        blocks.map(\.text) == [
            "JSON Types", "Containment", "Containment is tested with @>.[1]", "Footnotes",
            "[1] For this purpose, jsonb compares values.",
        ])
    #expect(blocks[3].kind == .heading(level: 2))
    let sphinx = parse(
        "<h1>chunk</h1><p>Text.</p><aside class=\"footnote-list brackets\"><aside class=\"footnote brackets\" id=\"id2\"><p>The IFF format.</p></aside></aside>"
    )
    #expect(sphinx.map(\.text) == ["chunk", "Text.", "Footnotes", "The IFF format."])
}

/// Headings and terms carry the fragment identifier a citation can point at:
/// the heading's own id, the section element's before it, or an <a id> inside it.
@Test func headingsAndTermsKnowTheirAnchors() throws {
    let blocks = parse(
        """
        <section id="glossary"><h1>Glossary</h1>
        <dl><dt id="term-generator">generator</dt><dd><p>A function which returns a generator iterator.</p></dd></dl>
        </section>
        <div class="sect1" id="VACUUM-BASICS"><div class="titlepage"><h2 class="title"><a id="VACUUM-BASICS"></a>Basics</h2></div>
        <p>Vacuum reclaims space.</p></div>
        <h2 id="_description">DESCRIPTION</h2><p>No anchor on a paragraph is used.</p>
        """)
    let anchors = blocks.filter { $0.kind != .paragraph }.map { "\($0.text)#\($0.anchor ?? "-")" }
    #expect(anchors == ["Glossary#glossary", "generator#term-generator", "Basics#VACUUM-BASICS", "DESCRIPTION#_description"])
    let f = TemporaryFolder()
    f.write(
        "glossary.html",
        "<title>Glossary</title><section id=\"glossary\"><h1>Glossary</h1><p>Terms used here, in order.</p><dl>"
            + (1...8).map {
                "<dt id=\"term-t\($0)\">t\($0)</dt><dd><p>The description of term \($0), long enough to stand on its own as an answer here.</p></dd>"
            }.joined()
            + "</dl></section>")
    let p = try CorpusLoader().load(f.path).passages
    #expect(p[0].anchor == "glossary")  // the short introduction joined the first entry, under the glossary
    #expect(p.first { $0.section == ["Glossary", "t2"] }?.anchor == "term-t2")
    #expect(p.allSatisfy { $0.section.first == "Glossary" && $0.section.dropFirst().first != "Glossary" })  // <title> and <h1> named once
}

@Test func aShortBoldParagraphIsAHeadingBelowTheLastRealOne() {
    let blocks = parse(
        """
        <h2>Frequently Asked Questions</h2>
        <a name="q19"></a><p><b>(19) INSERT is really slow</b></p>
        <blockquote>Actually, SQLite will easily do 50,000 INSERT statements per second.</blockquote>
        <p><strong>Why is the sky blue?</strong></p><p>Scattering.</p>
        <h3>Later</h3><p><b>Nested under Later</b></p>
        """)
    #expect(
        blocks.map(\.kind) == [
            .heading(level: 2), .heading(level: 3), .paragraph, .heading(level: 3), .paragraph,
            .heading(level: 3), .heading(level: 4),
        ])
    #expect(blocks[1].text == "(19) INSERT is really slow")
    #expect(blocks[1].anchor == "q19")  // an <a name> is an anchor too
}

/// DocBook captions a table or an example with a bold paragraph in the
/// element that holds it: the caption heads what that element holds, and the
/// section around it goes on after it (a heading repeating the section's).
@Test func aCaptionHeadsOnlyWhatItsDivisionHolds() throws {
    let page = """
        <h2 id="types">8.3. Character Types</h2><p>SQL defines two primary character types.</p>
        <div class="table" id="t84"><p class="title"><strong>Table 8.4. Character Types</strong></p>
        <div class="table-contents"><table><tr><td>varchar(n)</td><td>variable-length with limit</td></tr></table></div></div>
        <p>There is no performance difference among these three types.</p>
        <div class="example"><p class="title"><strong>Example 8.1. Using the Character Types</strong></p>
        <div class="example-contents"><pre>CREATE TABLE test1 (a character(4));</pre></div></div>
        <h2>8.4. Binary Data Types</h2><p>The bytea data type allows storage of binary strings.</p>
        <div><p><b>Options</b></p></div><p>A wrapper around the caption alone: it heads what follows.</p>
        """
    let blocks = parse(page)
    #expect(
        blocks.map(\.text) == [
            "8.3. Character Types", "SQL defines two primary character types.",
            "Table 8.4. Character Types", "varchar(n) variable-length with limit",
            "8.3. Character Types", "There is no performance difference among these three types.",
            "Example 8.1. Using the Character Types", "CREATE TABLE test1 (a character(4));",
            "8.3. Character Types",
            "8.4. Binary Data Types", "The bytea data type allows storage of binary strings.",
            "Options", "A wrapper around the caption alone: it heads what follows.",
        ])
    #expect(
        blocks.map(\.returnsToSection) == [
            false, false, false, false, true, false, false, false, true,
            false, false, false, false,
        ])
    #expect(blocks[4].kind == .heading(level: 2) && blocks[4].anchor == "types" && blocks[4].lines == 3...3)

    // In passages: the text after the table is under the section again; the return over nothing is dropped.
    let p = try passages(page, name: "datatype-character.html", builder: PassageBuilder(sectionWords: 0, minWords: 0))
    #expect(
        p.map(\.section) == [
            ["8.3. Character Types"], ["8.3. Character Types", "Table 8.4. Character Types"],
            ["8.3. Character Types"], ["8.3. Character Types", "Example 8.1. Using the Character Types"],
            ["8.4. Binary Data Types"], ["8.4. Binary Data Types", "Options"],
        ])
}

/// man2html writes bulleted and numbered lists as definition lists whose terms are the markers.
@Test func aTermThatIsOnlyAListMarkerIsNoTerm() {
    let blocks = parse(
        "<h2>SHELL COMPATIBILITY MODE</h2><dl compact><dt>&bull;<dd>single quotes are special<dt>2.<dd>the second"
            + "<dt><b>-e</b><dd>Exit immediately.</dl>")
    #expect(blocks.map(\.kind) == [.heading(level: 2), .paragraph, .paragraph, .term, .paragraph])
    #expect(blocks.map(\.text) == ["SHELL COMPATIBILITY MODE", "single quotes are special", "the second", "-e", "Exit immediately."])
    #expect(ListMarker.isBare(Array("•".utf8)) && ListMarker.isBare(Array("12.".utf8)))
    #expect(!ListMarker.isBare(Array("-e".utf8)) && !ListMarker.isBare(Array("GIL".utf8)))
}

/// A short captioned table opens the page's lead with the text after it; the
/// heading that returns to the section is structure, not text of the lead.
@Test func aLeadSpanningACaptionsEndHoldsNoReturnHeading() throws {
    let page = """
        <html><head><title>8.3. Character Types</title></head><body><h2>8.3. Character Types</h2>
        <div class="table"><p class="title"><strong>Table 8.4. Character Types</strong></p>
        <div class="table-contents"><table><tr><td>text</td><td>variable unlimited length</td></tr></table></div></div>
        <p>SQL defines two primary character types, and both can store strings up to n characters in length, where n is a positive integer.</p>
        </body></html>
        """
    let p = try passages(page, name: "datatype-character.html")
    #expect(p.count == 1 && p[0].section == ["8.3. Character Types"])
    #expect(
        p[0].text
            == "text variable unlimited length\nSQL defines two primary character types, and both can store strings up to n characters in length, where n is a positive integer."
    )
}

/// DocBook sets a FAQ as a table: a bold question row, then its answer row.
@Test func aFAQsQuestionRowIsAHeading() {
    let blocks = parse(
        """
        <h2>5. Miscellaneous</h2><div class="qandaset"><table>
        <tr class="question"><td><a name="faq.deflost"></a><b>5.2.</b></td><td><b>What's the difference between "definitely lost" and "possibly lost"?</b></td></tr>
        <tr class="answer"><td></td><td><p>The details are in the Memcheck section.</p></td></tr>
        <tr><td><b>Name</b></td><td><b>Meaning</b></td></tr></table></div>
        """)
    // The FAQ's division closing returns to its section (a heading that PassageBuilder drops over nothing).
    #expect(blocks.map(\.kind) == [.heading(level: 2), .heading(level: 3), .paragraph, .paragraph, .heading(level: 2)])
    #expect(blocks[4].returnsToSection)
    #expect(blocks[1].text == "5.2. What's the difference between \"definitely lost\" and \"possibly lost\"?")
    #expect(blocks[1].anchor == "faq.deflost")
}

/// makeinfo titles each node "Node (Manual)"; the manual's name is on every page and says nothing of this one.
@Test func texinfoTitlesLoseTheManualsName() {
    let head =
        "<head><title>The Basics (libffi: the portable foreign function interface library)</title><meta name=\"Generator\" content=\"makeinfo\"></head>"
    let navigation =
        "<div class=\"header\"><p>Next: <a href=\"Simple-Example.html\">Simple Example</a>, Up: <a href=\"Using-libffi.html\">Using libffi</a></p></div><hr>"
    #expect(
        texts(
            "<html>" + head + "<body>" + navigation
                + "<h3 class=\"section\">2.1 The Basics</h3><p>Using libffi is simple.</p></body></html>")
            == ["2.1 The Basics", "Using libffi is simple."])
    let intro =
        "<html><head><title>Introduction (libffi: the portable foreign function interface library)</title>"
        + "<meta name=\"Generator\" content=\"makeinfo\"></head><body><h2>1 What is libffi?</h2><p>Compilers for high level languages.</p></body></html>"
    #expect(texts(intro) == ["Introduction", "1 What is libffi?", "Compilers for high level languages."])
    // Not makeinfo: the title stays whole.
    #expect(
        texts("<html><head><title>Guide (draft)</title></head><body><h3>Guide</h3><p>Text.</p></body></html>")
            == ["Guide (draft)", "Guide", "Text."])
}

/// Publican (the Debian Administrator's Handbook) and DocBook's stylesheets
/// set boxed asides as `div.sidebar`, captioned inside a `div.titlepage`:
/// content, scoped to the box; Publican's "Prev / Next" lists and download
/// banner are furniture. Elsewhere a `div.sidebar` is a navigation column.
@Test func docBookSidebarsAreContentScopedToTheirBox() throws {
    let page = """
        <html><head><title>14.2. Firewall or Packet Filtering</title><meta name="generator" content="publican v4.3.2" /></head><body>
        <div id="banner"><a href="http://debian-handbook.info/get/"><span class="text">Download the ebook</span></a></div>
        <ul class="docnav top"><li class="previous"><a href="security.html"><strong>Prev</strong></a></li><li class="next"><a href="n.html"><strong>Next</strong></a></li></ul>
        <div class="section"><h2 class="title">14.2. Firewall or Packet Filtering</h2>
        <div class="sidebar"><div class="titlepage"><div><div><p class="title"><strong><em>BACK TO BASICS</em> Firewall</strong></p></div></div></div>
        <div class="para">A firewall is a piece of computer equipment that sorts network packets.</div></div>
        <div class="para">A firewall is a filtering network gateway.</div></div>
        <ul class="docnav"><li class="previous"><a href="security.html"><strong>Prev</strong>Chapter 14. Security</a></li></ul></body></html>
        """
    let blocks = parse(page)
    #expect(
        blocks.map(\.text) == [
            "14.2. Firewall or Packet Filtering", "14.2. Firewall or Packet Filtering", "BACK TO BASICS Firewall",
            "A firewall is a piece of computer equipment that sorts network packets.",
            "14.2. Firewall or Packet Filtering", "A firewall is a filtering network gateway.",
        ])
    #expect(blocks[4].returnsToSection)
    let p = try passages(page, name: "sect.firewall.html", builder: PassageBuilder(sectionWords: 0, minWords: 0))
    #expect(
        p.map(\.section) == [
            ["14.2. Firewall or Packet Filtering", "BACK TO BASICS Firewall"],
            ["14.2. Firewall or Packet Filtering"],
        ])
    // The Apache manual's language lists are furniture too.
    #expect(
        texts(
            "<h1>VirtualHost Examples</h1><div class=\"toplang\"><p><span>Available Languages: </span><a href=\"x\">en</a> |\n"
                + "<a href=\"y\">fr</a></p></div><p>This document answers questions.</p>")
            == ["VirtualHost Examples", "This document answers questions."])
    // The same box on a page no DocBook tool wrote is a sidebar of links, dropped.
    let other = page.replacingOccurrences(of: "publican v4.3.2", with: "rustdoc")
    #expect(!texts(other).contains { $0.contains("piece of computer equipment") })
    #expect(texts(page.replacingOccurrences(of: "publican v4.3.2", with: "DocBook XSL Stylesheets V1.79.2")) == blocks.map(\.text))
}

/// javadoc wraps every section of a class page in list items (`ul.details-list >
/// li > section > h2`, `ul.member-list > li > section > h3`): a list whose
/// item holds a heading is the page's structure, and its headings head the
/// text after them. A list of text inside such an item is still a list.
@Test func headingsInsideListItemsAreHeadings() {
    let blocks = parse(
        """
        <h1>Class StringUtils</h1><p>Operations on String.</p>
        <ul class="details-list"><li><section class="details"><h2>Method Details</h2>
        <ul class="member-list"><li><section class="detail" id="abbreviate(java.lang.String,int)"><h3>abbreviate</h3>
        <div class="member-signature">public static String abbreviate(String str, int maxWidth)</div>
        <div class="block">Abbreviates a String using ellipses.</div><ul><li>null input</li><li>empty input</li></ul></section></li>
        <li><section class="detail" id="center(java.lang.String,int)"><h3>center</h3>
        <div class="block">Centers a String in a larger String.</div></section></li></ul></section></li></ul>
        <p>After the lists.</p>
        """)
    #expect(
        blocks.map(\.kind) == [
            .heading(level: 1), .paragraph, .heading(level: 2), .heading(level: 3), .paragraph, .paragraph,
            .list, .heading(level: 3), .paragraph, .paragraph,
        ])
    #expect(
        blocks.map(\.text) == [
            "Class StringUtils", "Operations on String.", "Method Details", "abbreviate",
            "public static String abbreviate(String str, int maxWidth)", "Abbreviates a String using ellipses.",
            "• null input\n• empty input", "center", "Centers a String in a larger String.", "After the lists.",
        ])
    #expect(blocks[3].anchor == "abbreviate(java.lang.String,int)")
    // A list with no heading in it is a list as before.
    #expect(parse("<ul><li>one</li><li>two</li></ul><p>Text.</p>").map(\.kind) == [.list, .paragraph])
}

/// Doxygen titles a page with a `div.title`, heads each member with an
/// `h2.memtitle` under its group's `<h2>`, and surrounds them with furniture.
@Test func doxygenPagesHaveTitlesAndMemberHeadings() {
    let page = """
        <html><head><meta name="generator" content="Doxygen 1.9.1"/></head><body>
        <div id="top"><div id="titlearea">JsonCpp</div><table><tr><td><a href="h.html">Classes</a></td></tr></table>
        <div id="nav-path" class="navpath"><ul><li class="navelem"><a href="n.html">Json</a></li></ul></div></div>
        <div class="header"><div class="summary"><a href="#pub-methods">Public Member Functions</a> &#124;</div>
        <div class="headertitle"><div class="title">Json::CharReader Class Reference<span class="mlabels"><span class="mlabel">abstract</span></span></div></div></div>
        <div class="contents"><p>Interface for reading JSON from a char array.</p>
        <h2 class="groupheader">Member Function Documentation</h2>
        <a id="a655"></a><h2 class="memtitle"><span class="permalink"><a href="#a655">&#9670;&nbsp;</a></span>parse()</h2>
        <div class="memitem"><div class="memproto"><table class="mlabels"><tr><td class="mlabels-left"><table class="memname"><tr>
        <td class="memname">virtual bool Json::CharReader::parse </td><td>(</td><td class="paramname"><em>beginDoc</em></td><td>)</td></tr></table></td>
        <td class="mlabels-right"><span class="mlabels"><span class="mlabel">pure virtual</span></span></td></tr></table></div>
        <div class="memdoc"><p>Read a Value from a JSON document.</p>
        <p class="definition">Definition at line 40 of file reader.h.</p></div></div></div></body></html>
        """
    #expect(
        texts(page) == [
            "Json::CharReader Class Reference", "Interface for reading JSON from a char array.",
            "Member Function Documentation", "parse()", "virtual bool Json::CharReader::parse ( beginDoc )", "pure virtual",
            "Read a Value from a JSON document.",
        ])
    #expect(parse(page).map(\.kind).prefix(4) == [.heading(level: 1), .paragraph, .heading(level: 2), .heading(level: 3)])
    // Not Doxygen: a div.title is text.
    #expect(texts("<div class=\"title\">A title</div><p>Text.</p>") == ["A title", "Text."])
}

@Test func boldTextThatIsNotAHeadingStaysAParagraph() {
    let long = Array(repeating: "word", count: 26).joined(separator: " ")
    let blocks = parse(
        """
        <h1>Page</h1>
        <p><b>Note:</b> bold only in part.</p>
        <p><b>Default:</b></p>
        <p><b>\(long)</b></p>
        <table><tr><td><b>Name</b></td><td><b>Type</b></td></tr></table>
        <ul><li><b>bold item</b></li></ul>
        """)
    #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .paragraph, .paragraph, .paragraph, .list])
}

@Test func aListOfLinksIntoThePageIsATableOfContentsAndDropped() {
    let blocks = parse(
        """
        <h1>FAQ</h1>
        <ol><li><a href="#q1">How do I create an AUTOINCREMENT field?</a></li>
        <li><a href="#q2">What datatypes does SQLite support?</a></li>
        <li><a href="#q3">Why is my insert slow?</a></li></ol>
        <ul><li><a href="#a">Two links</a></li><li><a href="#b">are not enough</a></li></ul>
        <ul><li><a href="#x">In-page</a> with words of its own</li><li><a href="#y">one</a></li><li><a href="#z">two</a></li></ul>
        <ul><li><a href="other.html#q1">Another page</a></li><li><a href="#q2">this page</a></li><li><a href="#q3">this page</a></li></ul>
        """)
    #expect(
        blocks.map(\.text) == [
            "FAQ", "• Two links\n• are not enough", "• In-page with words of its own\n• one\n• two",
            "• Another page\n• this page\n• this page",
        ])
}
