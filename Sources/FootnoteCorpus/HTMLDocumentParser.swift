import FootnoteAnalysis

/// Reads an HTML file into blocks of decoded, whitespace-collapsed text.
///
/// One forward pass over the UTF-8 bytes, tolerant the way browsers are:
/// - Tags are stripped. Attribute values may hold `>` inside quotes. A `<` not
///   followed by a letter, `/letter`, `!` or `?` is text. A tag, comment or quoted
///   value still open at the end of the file ends parsing there.
/// - Dropped with their content: `<script>`, `<style>`, `<noscript>`, `<textarea>`,
///   `<iframe>`, `<xmp>`, `<noembed>`, `<noframes>` (raw text up to the matching end
///   tag), `<template>` (nesting counted), comments, CDATA sections, doctypes and
///   processing instructions. The head needs no rule of its own: everything it may
///   hold is one of these or a void tag. Text written into the head ends it, as in browsers.
/// - `<title>` (the first one): a level-1 heading placed first, but not when the
///   page's first `<h1>` repeats it (one holds the other, case aside): pages
///   usually do. When the `<h1>`s are the page's sections instead (SQLite's
///   "1. Syntax", "2. Description" under the title "VACUUM"), every heading
///   moves one level down below the title. A Texinfo page (`<meta
///   name="Generator" content="makeinfo">`) titles its node "The Basics
///   (libffi: …)": the manual's part goes, and the whole title when the
///   page's first heading ends with it ("2.1 The Basics"); its navigation
///   ("Next: …, Previous: …, Up: …", `div.header` or `div.nav-panel`) is dropped.
/// - `<h1>`–`<h6>` are headings. A block-level tag (`p`, `div`, `section`, `table`,
///   `tr`, `hr`, `pre`, `blockquote`, …) ends the current block; `td`/`th`, `br` and
///   `option` are whitespace. Inside a heading `div` is whitespace too; any other
///   block tag ends the heading, so an unclosed `<h1>` does not swallow the page.
/// - A list (`ul`, `ol`, `menu`) is one `.list` block, one item per line prefixed
///   with "• "; nested items are indented two spaces per level (at most 8
///   levels) and stay in the outer block; block tags inside a list are whitespace. `<li>` outside any list
///   starts a list that the next block tag ends.
/// - Whitespace (including U+00A0 and `&nbsp;`) collapses to one space and is
///   trimmed. Inside `<pre>` it is kept, with CRLF read as LF, leading blank lines
///   and trailing whitespace removed. Empty blocks are dropped.
/// - Entities are decoded by `HTMLEntities`; unknown ones stay literal.
/// - A heading inside a list item is a heading: the lists around it are the
///   page's structure (javadoc's `ul.member-list > li > section > h3`), and
///   their end tags end a block; their items are sections, not list text.
///   Doxygen's `div.title` is the page's `<h1>`, and its `h2.memtitle` a
///   level below the `<h2>` of its group.
/// - `<dt>` is a `.term` block, which `PassageBuilder` keeps with its description;
///   a `<dt>` that holds only a list marker (man2html's `<dt>&bull;<dd>…`) is
///   dropped, and its description is text.
/// - A short paragraph all in `<b>`/`<strong>` is a heading one level below the
///   last `<h1>`–`<h6>`: a caption. When the `<div>` that holds it closes
///   (DocBook's `div.table`, `div.example`, or `div.sidebar` around a
///   `div.titlepage` that holds the caption alone) after more than the caption, the
///   section around it goes on: a heading repeating that section's is emitted
///   (`Block.returnsToSection`), so that the text after "Table 8.4.
///   Character Types" is not cited under it. A list of links to the page's own fragments is
///   a table of contents and dropped (`HTMLBlockEvidence` says when). An
///   `<a name>` is an anchor as an `id` is.
/// - Page furniture is dropped with its content (`HTMLBoilerplate`): `<nav>`,
///   `<aside>`, `<footer>`, `<form>`, `<svg>`, `<button>`, elements whose role is navigation,
///   search, banner, contentinfo or complementary, and elements whose class or
///   id names a sidebar, table of contents, related/prev-next bar, breadcrumbs,
///   search box, menu or footer (Sphinx, MkDocs, DocBook, asciidoc, Node's and
///   SQLite's pages), and permalink anchors (`¶`). When the page marks its main
///   content (`<main>` or `role="main"`), only that is read (and the title).
///   A dropped or main region ends at the end tag that closes it, nested tags
///   of its name counted. A page's footnotes (`div.footnotes`, `#footnotes`,
///   `aside.footnote-list`) are read under a level-2 heading "Footnotes".
///
/// Every block has `isVerbatim == false`; `bytes` runs from the first to the
/// last text byte in the file (an entity counts as the text it stands for) and
/// `lines` are the 1-based lines of those two bytes.
///
/// - Complexity: O(n) time in the size of the file; every construct is read once.
public struct HTMLDocumentParser {
    /// Parses an HTML file's bytes (valid UTF-8, or decoded lossily by the caller) into blocks.
    /// - Parameter readsTitle: whether the page's `<title>` heads it (above);
    ///   not for an EPUB chapter, whose `<title>` is often the book's, or
    ///   "Cover", and whose title comes from the book's table of contents.
    public static func parse(_ bytes: [UInt8], readsTitle: Bool = true) -> [Block] {
        bytes.withUnsafeBufferPointer { input in
            var scanner = HTMLBlockScanner(input: input)
            scanner.readsTitle = readsTitle
            scanner.run()
            return scanner.finish()
        }
    }
}

// MARK: - Tags

/// What a tag does to the block structure.
enum HTMLTagRole: Equatable, Sendable {
    case inline, block, division, whitespace, lineBreak, heading(Int), list, listItem, preformatted, term
    /// Content up to the matching end tag is dropped unseen.
    case rawText
    case title, template

    private static let table: [UInt64: HTMLTagRole] = {
        var table: [UInt64: HTMLTagRole] = [:]
        func add(_ names: String, _ role: HTMLTagRole) {
            for name in names.split(separator: " ") { table[key(name.utf8)] = role }
        }
        add(
            """
            p section article header footer main aside nav blockquote table tr thead tbody tfoot caption \
            dl dd figure figcaption hr form address details summary fieldset legend center dialog \
            hgroup search html head body frameset
            """, .block)
        add("div", .division)
        add("dt", .term)
        add("td th option", .whitespace)
        add("br", .lineBreak)
        for level in 1...6 { add("h\(level)", .heading(level)) }
        add("ul ol menu dir", .list)
        add("li", .listItem)
        add("pre listing", .preformatted)
        add("script style noscript textarea iframe xmp noembed noframes", .rawText)
        add("title", .title)
        add("template", .template)
        return table
    }()

    /// The role of the tag named by `input[name]`, compared case-insensitively.
    static func of(_ name: Range<Int>, in input: UnsafeBufferPointer<UInt8>) -> HTMLTagRole {
        guard name.count <= 10 else { return .inline }
        return table[key(UnsafeBufferPointer(rebasing: input[name]))] ?? .inline
    }

    /// Up to 10 lowercased bytes, 6 bits each: 1–26 letters, 27–36 digits, 63 anything else.
    static func key<Bytes: Sequence<UInt8>>(_ name: Bytes) -> UInt64 {
        var key: UInt64 = 0
        for b in name {
            let lower = b | 0x20
            let code: UInt64
            if lower &- UInt8(ascii: "a") < 26 {
                code = UInt64(lower &- UInt8(ascii: "a")) + 1
            } else if b &- UInt8(ascii: "0") < 10 {
                code = UInt64(b &- UInt8(ascii: "0")) + 27
            } else {
                code = 63
            }
            key = key << 6 | code
        }
        return key
    }
}

// MARK: - Text of one block

/// The decoded text of the block being read, with its source extent.
private struct HTMLBlockText {
    var bytes: [UInt8] = []
    /// Source offset of the first text byte; -1 while no text has been seen.
    var first = -1
    /// Source offset just past the last text byte.
    var end = 0
    /// Collapsed whitespace waiting for the next text.
    var pendingSpace = false
    /// Preformatted whitespace waiting for the next text (dropped if none comes).
    var pendingWhitespace: [UInt8] = []
    /// Where the text's source lines begin (`Block.sourceMarks`).
    var marks: [Block.SourceMark] = []
    /// A line break of the source was passed since the last text.
    var lineBroke = false
    /// Where the bullet of the list item being begun starts: its text's mark is placed there.
    var itemStart: Int?

    var isEmpty: Bool { first < 0 }

    /// Writes out the whitespace seen since the last text.
    mutating func flushWhitespace() {
        if !pendingWhitespace.isEmpty {
            var from = 0
            if bytes.isEmpty, let lastNewline = pendingWhitespace.lastIndex(of: UInt8(ascii: "\n")) {
                from = lastNewline + 1  // leading blank lines go; the first line's indentation stays
            }
            bytes.append(contentsOf: pendingWhitespace[from...])
            pendingWhitespace.removeAll(keepingCapacity: true)
        } else if pendingSpace && !bytes.isEmpty {
            bytes.append(UInt8(ascii: " "))
        }
        pendingSpace = false
    }

    /// Notes a mark where the text resumes after a line break of the source, and at the block's start.
    private mutating func mark(_ source: Int) {
        if first < 0 || lineBroke { marks.append(Block.SourceMark(text: itemStart ?? bytes.count, file: source)) }
        lineBroke = false
        itemStart = nil
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>, source: Range<Int>) {
        flushWhitespace()
        mark(source.lowerBound)
        if first < 0 { first = source.lowerBound }
        end = source.upperBound
        bytes.append(contentsOf: run)
    }

    mutating func append(scalar: UInt32, source: Range<Int>) {
        flushWhitespace()
        mark(source.lowerBound)
        if first < 0 { first = source.lowerBound }
        end = source.upperBound
        HTMLEntities.appendUTF8(scalar, to: &bytes)
    }

    /// Drops a permalink sign (`¶`) that ends a heading or term, and the space before it.
    mutating func dropTrailingPilcrow() {
        guard bytes.count >= 2, bytes[bytes.count - 2] == 0xC2, bytes[bytes.count - 1] == 0xB6 else { return }
        bytes.removeLast(2)
        while let last = bytes.last, last == UInt8(ascii: " ") { bytes.removeLast() }
        if bytes.isEmpty { first = -1 }
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
        lineBroke = false
        itemStart = nil
        first = -1
        pendingSpace = false
        pendingWhitespace.removeAll(keepingCapacity: true)
    }
}

/// 1-based line numbers of byte offsets, counted incrementally: asking in file
/// order costs O(n) in total.
private struct HTMLLineCounter {
    let input: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1

    init(_ input: UnsafeBufferPointer<UInt8>) { self.input = input }

    mutating func line(at target: Int) -> Int {
        if target >= offset {
            for k in offset..<target where input[k] == UInt8(ascii: "\n") { line += 1 }
        } else {
            for k in target..<offset where input[k] == UInt8(ascii: "\n") { line -= 1 }
        }
        offset = target
        return line
    }
}

// MARK: - Scanner

@inline(__always)
private func isHTMLSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == 0x0C
}

@inline(__always)
private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }

private struct HTMLBlockScanner {
    let input: UnsafeBufferPointer<UInt8>
    private var blocks: [Block] = []
    private var block = HTMLBlockText()
    private var lines: HTMLLineCounter
    private var headingLevel = 0
    private var listDepth = 0
    /// Lists found to be the page's structure, not text (an item of theirs
    /// holds a heading), still open: their end tags end a block.
    private var structuralLists = 0
    /// An `<li>` outside any list started the current block.
    private var orphanList = false
    /// An `<li>` opened and its bullet is not written yet.
    private var itemPending = false
    private var itemIndent = 0
    /// Deeper lists indent no further, so absurd nesting cannot blow up the text.
    private static let maxListIndent = 8
    private var preDepth = 0
    private var templateDepth = 0
    private var title: Block?
    private var sawTitle = false
    /// The text of the first `<h1>`, which usually repeats the title.
    private var firstH1: String?
    /// The current block is a `<dt>`.
    private var inTerm = false
    /// The page's footnotes began (under a "Footnotes" heading).
    private var sawFootnotes = false
    /// The last `id` seen since a block was emitted: the anchor of the next
    /// heading or term (a `<section id>` before its `<h1>`, an `<h2 id>`, a
    /// `<dt id>`, DocBook's `<a id>` inside its heading).
    private var pendingAnchor: String?
    /// Inside a dropped region: the name key of the tag that opened it and
    /// how many tags of that name are open (0: not dropping).
    private var dropKey: UInt64 = 0
    private var dropDepth = 0
    /// The page marks its main content; text outside it is not read.
    private let hasMain: Bool
    private var mainKey: UInt64 = 0
    private var mainDepth = 0
    /// Bold and in-page-link markup around the current block's text.
    private var evidence = HTMLBlockEvidence()
    /// The level of the last `<h1>`–`<h6>` read (the title's, 1, before any).
    private var lastHeadingLevel = 1
    /// The last `<h1>`–`<h6>` emitted.
    private var lastHeading: Block?
    /// How many `<div>`s are open (read ones).
    private var divisionDepth = 0
    static let rowKey = HTMLTagRole.key("tr".utf8)
    static let metaKey = HTMLTagRole.key("meta".utf8)
    static let divisionKey = HTMLTagRole.key("div".utf8)
    /// The depth of the `div.title` read as the page's <h1> (Doxygen), while it is open.
    private var titleDivision: Int?
    /// What the page's `<meta name="generator">` says wrote it, when that matters (makeinfo, DocBook).
    private var generator: HTMLBoilerplate.Generator?
    /// The first heading read, of any level.
    private var firstHeading: String?
    /// A bold caption read with `depth` divisions open, and how many blocks
    /// had been emitted then: when its division closes, the section around
    /// it (`returnTo`) goes on.
    private var captionScope: (depth: Int, blocks: Int, returnTo: Block)?

    /// Whether the first `<title>` heads the page (`HTMLDocumentParser.parse`).
    var readsTitle = true

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.lines = HTMLLineCounter(input)
        self.hasMain = HTMLBoilerplate.marksMain(input)
    }

    /// Whether text at this point is read: not in a dropped region, and in the main content when the page has one.
    private var reading: Bool { dropDepth == 0 && (!hasMain || mainDepth > 0) && templateDepth == 0 }

    private var inList: Bool { listDepth > 0 || orphanList }
    private var preformatted: Bool { preDepth > 0 && listDepth == 0 }

    mutating func run() {
        let n = input.count
        var i = 0
        while i < n {
            let b = input[i]
            switch b {
            case UInt8(ascii: "<"):
                guard let next = markup(at: i) else { return }
                i = next
            case UInt8(ascii: "&"):
                i = reference(at: i)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), 0x0C:
                whitespace(b)
                if b == UInt8(ascii: "\n") { block.lineBroke = true }
                i += 1
            case UInt8(ascii: "\r"):
                if i + 1 == n || input[i + 1] != UInt8(ascii: "\n") { whitespace(UInt8(ascii: "\n")) }
                i += 1
            case 0xC2 where i + 1 < n && input[i + 1] == 0xA0:  // U+00A0 no-break space
                whitespace(UInt8(ascii: " "))
                i += 2
            default:
                var j = i + 1
                while j < n {
                    let c = input[j]
                    if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c <= 0x20 || c == 0xC2 { break }
                    j += 1
                }
                text(i..<j)
                i = j
            }
        }
    }

    mutating func finish() -> [Block] {
        endBlock()
        guard var title else { return blocks }
        // Texinfo titles every node "Node Name (Manual Title)": the manual's title
        // goes, and the node's name too when the page's first heading says it ("2.1 The Basics").
        if generator == .makeinfo, title.text.hasSuffix(")"), let open = title.text.range(of: " (", options: .backwards) {
            title.text = String(title.text[..<open.lowerBound])
            if let first = firstHeading, first.lowercased().hasSuffix(title.text.lowercased()) { return blocks }
        }
        if let h1 = firstH1 {
            let a = title.text.lowercased(), b = h1.lowercased()
            if a.contains(b) || b.contains(a) { return blocks }  // the page's <h1> says it
            // The <h1>s are the page's sections ("1. Syntax", "2. Description" under "VACUUM"): one level down.
            for i in blocks.indices {
                if case .heading(let level) = blocks[i].kind { blocks[i].kind = .heading(level: level + 1) }
            }
        }
        blocks.insert(title, at: 0)
        return blocks
    }

    // MARK: Markup

    /// Reads the markup starting with the `<` at `i`; returns where text resumes,
    /// or `nil` when the markup runs to the end of the file.
    private mutating func markup(at i: Int) -> Int? {
        let n = input.count
        guard i + 1 < n else { text(i..<i + 1); return i + 1 }
        switch input[i + 1] {
        case UInt8(ascii: "!"):
            if has("<!--", at: i) {
                // Searching from i + 2 makes `<!-->` and `<!--->` complete, as in HTML.
                return find(UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: ">"), from: i + 2).map { $0 + 3 }
            }
            if has("<![CDATA[", at: i) {
                return find(UInt8(ascii: "]"), UInt8(ascii: "]"), UInt8(ascii: ">"), from: i + 9).map { $0 + 3 }
            }
            return find(UInt8(ascii: ">"), from: i + 2).map { $0 + 1 }  // <!DOCTYPE …>, bogus comments
        case UInt8(ascii: "?"):
            return find(UInt8(ascii: ">"), from: i + 2).map { $0 + 1 }
        case UInt8(ascii: "/") where i + 2 < n && isASCIILetter(input[i + 2]):
            let name = i + 2..<nameEnd(from: i + 2)
            guard let after = skipAttributes(from: name.upperBound) else { return nil }
            endTag(HTMLTagRole.of(name, in: input), key: HTMLTagRole.key(UnsafeBufferPointer(rebasing: input[name])), at: i)
            return after
        case let c where isASCIILetter(c):
            let name = i + 1..<nameEnd(from: i + 1)
            guard let after = skipAttributes(from: name.upperBound) else { return nil }
            return startTag(HTMLTagRole.of(name, in: input), name: name, after: after)
        default:
            text(i..<i + 1)
            return i + 1
        }
    }

    private mutating func startTag(_ role: HTMLTagRole, name: Range<Int>, after: Int) -> Int? {
        switch role {
        case .rawText:
            return findEndTag(name, from: after)?.after
        case .title:
            guard let close = findEndTag(name, from: after) else { return nil }
            if !sawTitle && templateDepth == 0 && dropDepth == 0 {  // not an <svg>'s <title>
                sawTitle = true
                if readsTitle { title = readTitle(after..<close.start) }
            }
            return close.after
        default:
            break
        }
        if templateDepth > 0 {
            if role == .template { templateDepth += 1 }
            return after
        }
        let key = HTMLTagRole.key(UnsafeBufferPointer(rebasing: input[name]))
        if dropDepth > 0 {
            if key == dropKey { dropDepth += 1 }
            return after
        }
        var anchor: String?
        var questionRow = false
        var memberTitle = false
        if key == Self.metaKey && generator == nil {
            generator = HTMLBoilerplate.generator(self.attributes(name.upperBound..<after), in: input)
        }
        if !HTMLBoilerplate.isVoid(key) {
            let attributes = self.attributes(name.upperBound..<after)
            questionRow = key == Self.rowKey && HTMLBoilerplate.hasClass("question", attributes, in: input)
            anchor = (attributes.id ?? (key == HTMLBlockEvidence.linkKey ? attributes.name : nil))
                .map { String(decoding: UnsafeBufferPointer(rebasing: input[$0]), as: UTF8.self) }
            if HTMLBoilerplate.drops(key, attributes, in: input, generator: generator)
                || (titleDivision != nil && HTMLBoilerplate.isTitleBadge(key, attributes, in: input))
            {
                if role != .inline { blockBoundary() }
                dropKey = key
                dropDepth = 1
                if let anchor, !anchor.isEmpty, reading { pendingAnchor = anchor }  // Node's <a class="mark" id> in a heading
                return after
            }
            // Doxygen heads each member "parse() [2/3]" with an <h2> as it heads their group "Member Function Documentation".
            memberTitle = generator == .doxygen && HTMLBoilerplate.hasClass("memtitle", attributes, in: input)
            if generator == .doxygen && key == Self.divisionKey && titleDivision == nil && listDepth == 0
                && HTMLBoilerplate.hasClass("title", attributes, in: input)
            {
                // Doxygen titles a page "Json::Reader Class Reference" in a `div.title`, not an <h1>.
                endBlock()
                headingLevel = 1
                titleDivision = divisionDepth + 1
            }
            if !sawFootnotes && reading && HTMLBoilerplate.isFootnotes(attributes, in: input) {
                // A heading of their own, so they are not cited under the page's last section.
                endBlock()
                sawFootnotes = true
                let line = lines.line(at: name.lowerBound)
                blocks.append(Block(kind: .heading(level: 2), text: "Footnotes", lines: line...line, bytes: name, isVerbatim: false))
            }
            if mainDepth > 0 {
                if key == mainKey { mainDepth += 1 }
            } else if hasMain && HTMLBoilerplate.isMain(key, attributes, in: input) {
                endBlock()
                mainKey = key
                mainDepth = 1
            }
            if reading {
                evidence.opened(key, localHref: attributes.href.map { !$0.isEmpty && input[$0.lowerBound] == UInt8(ascii: "#") } ?? false)
            }
        }
        switch role {
        case .template: templateDepth += 1
        case .block: blockBoundary()
        case .division:
            if headingLevel > 0 { whitespace(UInt8(ascii: " ")) } else { blockBoundary() }
            divisionDepth += 1
        case .preformatted:
            blockBoundary()
            preDepth += 1
        case .heading(let level):
            endBlock()
            if listDepth > 0 {
                // A heading in a list item: the lists around it are the page's structure
                // (javadoc wraps each member's section in `<ul><li>`), not lists of text.
                structuralLists += listDepth
                listDepth = 0
            }
            headingLevel = memberTitle ? min(level + 1, 6) : level
        case .list:
            if listDepth == 0 { endBlock() } else { whitespace(UInt8(ascii: " ")) }
            listDepth += 1
        case .listItem:
            if !inList {
                endBlock()
                orphanList = structuralLists == 0  // an item of a structural list is a section, not a list
            }
            if reading { evidence.beganItem() }
            itemPending = true
            itemIndent = min(max(listDepth - 1, 0), Self.maxListIndent)
        case .whitespace: whitespace(UInt8(ascii: " "))
        case .lineBreak: whitespace(UInt8(ascii: "\n"))
        case .term:
            if listDepth > 0 {
                whitespace(UInt8(ascii: " "))
            } else {
                endBlock()
                inTerm = true
            }
        case .inline, .rawText, .title: break
        }
        if questionRow { evidence.questionRow = true }
        if let anchor, !anchor.isEmpty, reading { pendingAnchor = anchor }
        return after
    }

    /// - Parameter at: where the end tag starts.
    private mutating func endTag(_ role: HTMLTagRole, key: UInt64, at start: Int) {
        if templateDepth > 0 {
            if role == .template { templateDepth -= 1 }
            return
        }
        if dropDepth > 0 {
            if key == dropKey { dropDepth -= 1 }
            return
        }
        if mainDepth > 0 && key == mainKey {
            mainDepth -= 1
            if mainDepth == 0 { endBlock() }
        }
        evidence.closed(key)
        switch role {
        case .block: blockBoundary()
        case .division:
            if titleDivision == divisionDepth {
                endBlock()
                titleDivision = nil
            }
            if headingLevel > 0 { whitespace(UInt8(ascii: " ")) } else { blockBoundary() }
            divisionDepth = max(0, divisionDepth - 1)
            if let scope = captionScope, divisionDepth < scope.depth { closeCaptionScope(scope, at: start) }
        case .preformatted:
            blockBoundary()
            if preDepth > 0 { preDepth -= 1 }
        case .heading: if headingLevel > 0 { endBlock() } else { blockBoundary() }
        case .list:
            if listDepth > 1 {
                listDepth -= 1
                whitespace(UInt8(ascii: " "))
            } else {
                endBlock()
                if listDepth == 0 && structuralLists > 0 { structuralLists -= 1 }
                listDepth = 0
            }
        case .listItem where listDepth == 0 && structuralLists > 0: endBlock()
        case .listItem, .whitespace: whitespace(UInt8(ascii: " "))
        case .lineBreak: whitespace(UInt8(ascii: "\n"))  // browsers read </br> as <br>
        case .term: if inTerm { endBlock() } else { blockBoundary() }
        case .inline, .rawText, .title, .template: break
        }
    }

    /// The `class`, `id`, `role`, `href` and `name` values of a start tag whose attributes lie in `range`.
    private func attributes(_ range: Range<Int>) -> HTMLBoilerplate.Attributes {
        var found = HTMLBoilerplate.Attributes()
        guard range.count > 1 else { return found }
        var k = range.lowerBound
        let n = range.upperBound
        while k < n {
            let b = input[k]
            if b == UInt8(ascii: ">") { break }
            if isHTMLSpace(b) || b == UInt8(ascii: "/") { k += 1; continue }
            let nameStart = k
            k += 1
            while k < n {
                let c = input[k]
                if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") { break }
                k += 1
            }
            let attributeName = HTMLTagRole.key(UnsafeBufferPointer(rebasing: input[nameStart..<k]))
            while k < n && isHTMLSpace(input[k]) { k += 1 }
            guard k < n, input[k] == UInt8(ascii: "=") else { continue }
            k += 1
            while k < n && isHTMLSpace(input[k]) { k += 1 }
            guard k < n else { break }
            var value: Range<Int>
            let quote = input[k]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                var close = k + 1
                while close < n && input[close] != quote { close += 1 }
                value = (k + 1)..<close
                k = close + 1
            } else {
                let start = k
                while k < n && !isHTMLSpace(input[k]) && input[k] != UInt8(ascii: ">") { k += 1 }
                value = start..<k
            }
            switch attributeName {
            case HTMLBoilerplate.classKey: found.class = value
            case HTMLBoilerplate.idKey: found.id = value
            case HTMLBoilerplate.roleKey: found.role = value
            case HTMLBoilerplate.hrefKey: found.href = value
            case HTMLBoilerplate.nameKey: found.name = value
            case HTMLBoilerplate.contentKey: found.content = value
            default: break
            }
        }
        return found
    }

    // MARK: Text

    private mutating func whitespace(_ b: UInt8) {
        guard reading else { return }
        if preformatted { block.pendingWhitespace.append(b) } else { block.pendingSpace = true }
    }

    /// Writes the bullet of a new list item (or of text loose in a list) before its first text.
    private mutating func beginText() {
        guard inList, itemPending || block.bytes.isEmpty else { return }
        block.pendingSpace = false
        if !block.bytes.isEmpty { block.bytes.append(UInt8(ascii: "\n")) }
        block.itemStart = block.bytes.count
        block.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * itemIndent))
        block.bytes.append(contentsOf: "• ".utf8)
        itemPending = false
    }

    private mutating func text(_ range: Range<Int>) {
        guard reading else { return }
        beginText()
        evidence.sawText()
        block.append(UnsafeBufferPointer(rebasing: input[range]), source: range)
    }

    /// Reads the character reference at `i` (an `&`); returns where text resumes.
    private mutating func reference(at i: Int) -> Int {
        guard let (scalar, end) = HTMLEntities.decode(input, at: i) else {
            text(i..<i + 1)
            return i + 1
        }
        switch scalar {
        case 0x09, 0x0A, 0x0C, 0x20: whitespace(UInt8(scalar))
        case 0x0D: whitespace(UInt8(ascii: "\n"))
        case 0xA0: whitespace(UInt8(ascii: " "))
        default:
            guard reading else { break }
            beginText()
            evidence.sawText()
            block.append(scalar: scalar, source: i..<end)
        }
        return end
    }

    /// The title's text, decoded and collapsed, as a level-1 heading; `nil` if blank.
    private mutating func readTitle(_ range: Range<Int>) -> Block? {
        var text = HTMLBlockText()
        var i = range.lowerBound
        while i < range.upperBound {
            let b = input[i]
            if isHTMLSpace(b) {
                text.pendingSpace = true
                i += 1
            } else if b == 0xC2 && i + 1 < range.upperBound && input[i + 1] == 0xA0 {
                text.pendingSpace = true
                i += 2
            } else if b == UInt8(ascii: "&"), let (scalar, end) = HTMLEntities.decode(input, at: i), end <= range.upperBound {
                if isHTMLSpace(UInt8(truncatingIfNeeded: scalar)) && scalar < 0x80 || scalar == 0xA0 {
                    text.pendingSpace = true
                } else {
                    text.append(scalar: scalar, source: i..<end)
                }
                i = end
            } else {
                var j = i + 1
                while j < range.upperBound {
                    let c = input[j]
                    if c == UInt8(ascii: "&") || c <= 0x20 || c == 0xC2 { break }
                    j += 1
                }
                text.append(UnsafeBufferPointer(rebasing: input[i..<j]), source: i..<j)
                i = j
            }
        }
        return makeBlock(text, kind: .heading(level: 1))
    }

    // MARK: Blocks

    private mutating func blockBoundary() {
        if listDepth > 0 { whitespace(UInt8(ascii: " ")) } else { endBlock() }
    }

    /// Emits the current block if it holds any text, and starts a fresh paragraph.
    private mutating func endBlock() {
        var kind: Block.Kind = inList ? .list : headingLevel > 0 ? .heading(level: headingLevel) : inTerm ? .term : .paragraph
        var isCaption = false
        if kind == .paragraph && evidence.isBoldHeading(block.bytes) {
            kind = .heading(level: min(lastHeadingLevel + 1, 6))
            isCaption = true
        }
        if kind != .paragraph && kind != .list { block.dropTrailingPilcrow() }
        if kind == .list && evidence.isLocalContents {
            pendingAnchor = nil
        } else if kind == .term && ListMarker.isBare(block.bytes) {
            // man2html writes a bulleted or numbered list as `<dt>&bull;<dd>…`: a list item, not an entry named "•".
        } else if var finished = makeBlock(block, kind: kind) {
            finished.anchor = pendingAnchor
            pendingAnchor = nil
            blocks.append(finished)
            if kind == .heading(level: 1) && firstH1 == nil { firstH1 = finished.text }
            if headingLevel > 0 && firstHeading == nil { firstHeading = finished.text }
            if headingLevel > 0 {
                lastHeadingLevel = headingLevel
                lastHeading = finished
                captionScope = nil
            } else if isCaption, let around = lastHeading {
                captionScope = (divisionDepth, blocks.count, around)
            }
        }
        evidence.endedBlock()
        block.reset()
        headingLevel = 0
        inTerm = false
        orphanList = false
        itemPending = false
    }

    /// The division that holds a bold caption ("Table 8.4. Character Types",
    /// DocBook's `div.table` or `div.example`) closed at `start`: what follows
    /// is under the section around the caption again, not under the caption,
    /// so a heading repeating that section's is emitted. A caption alone in
    /// its division (DocBook's `div.titlepage` and the two `<div>`s inside
    /// it) is scoped to the division around that one (the `div.sidebar` of
    /// "BACK TO BASICS Firewall"); alone in an outermost division (a wrapper
    /// around a pseudo-heading), it heads what follows, as before.
    private mutating func closeCaptionScope(_ scope: (depth: Int, blocks: Int, returnTo: Block), at start: Int) {
        captionScope = nil
        if blocks.count == scope.blocks && divisionDepth > 0 {
            captionScope = (divisionDepth, scope.blocks, scope.returnTo)
            return
        }
        guard reading, listDepth == 0, headingLevel == 0, blocks.count > scope.blocks else { return }
        endBlock()
        var heading = scope.returnTo
        let line = lines.line(at: start)
        heading.lines = line...line
        heading.bytes = start..<(start + 1)
        heading.sourceMarks = []
        heading.returnsToSection = true
        blocks.append(heading)
    }

    private mutating func makeBlock(_ text: HTMLBlockText, kind: Block.Kind) -> Block? {
        guard !text.isEmpty else { return nil }
        let firstLine = lines.line(at: text.first)
        let lastLine = lines.line(at: text.end - 1)
        var block = Block(
            kind: kind, text: String(decoding: text.bytes, as: UTF8.self),
            lines: firstLine...lastLine, bytes: text.first..<text.end, isVerbatim: false)
        if text.marks.count > 1 { block.sourceMarks = text.marks }  // one line: the block's own lines say it all
        return block
    }

    // MARK: Byte search

    /// True when the ASCII `literal` occurs at `i`, exactly.
    private func has(_ literal: StaticString, at i: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= input.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where input[i + k] != pointer[k] { return false }
        return true
    }

    private func find(_ a: UInt8, from start: Int) -> Int? {
        var k = start
        while k < input.count {
            if input[k] == a { return k }
            k += 1
        }
        return nil
    }

    private func find(_ a: UInt8, _ b: UInt8, _ c: UInt8, from start: Int) -> Int? {
        var k = start
        let last = input.count - 2
        while k < last {
            if input[k] == a && input[k + 1] == b && input[k + 2] == c { return k }
            k += 1
        }
        return nil
    }

    /// End of the tag name starting at `start` (HTML ends it at whitespace, `/` or `>`).
    private func nameEnd(from start: Int) -> Int {
        var k = start
        while k < input.count {
            let b = input[k]
            if isHTMLSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { break }
            k += 1
        }
        return k
    }

    /// Skips a tag's attributes; returns the index after its `>`, or `nil` at end of file.
    ///
    /// Follows the HTML tokenizer: a quote opens a value only right after `=`, so
    /// `title="a > b"` holds a `>` while `class=it's` holds an apostrophe.
    private func skipAttributes(from start: Int) -> Int? {
        let n = input.count
        var k = start
        while k < n {
            let b = input[k]
            if b == UInt8(ascii: ">") { return k + 1 }
            if isHTMLSpace(b) || b == UInt8(ascii: "/") { k += 1; continue }
            k += 1  // an attribute name; its first byte may be anything, even `=`
            while k < n {
                let c = input[k]
                if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") { break }
                k += 1
            }
            while k < n && isHTMLSpace(input[k]) { k += 1 }
            guard k < n, input[k] == UInt8(ascii: "=") else { continue }
            k += 1
            while k < n && isHTMLSpace(input[k]) { k += 1 }
            guard k < n else { return nil }
            let quote = input[k]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = find(quote, from: k + 1) else { return nil }
                k = close + 1
            } else {
                while k < n && !isHTMLSpace(input[k]) && input[k] != UInt8(ascii: ">") { k += 1 }
            }
        }
        return nil
    }

    /// The first end tag named like `input[name]` (any case) at or after `start`:
    /// where its `<` is and where text resumes after it.
    private func findEndTag(_ name: Range<Int>, from start: Int) -> (start: Int, after: Int)? {
        let n = input.count
        let length = name.count
        var k = start
        while k + 2 + length < n {
            if input[k] == UInt8(ascii: "<") && input[k + 1] == UInt8(ascii: "/") && sameName(name, at: k + 2) {
                let t = k + 2 + length
                let c = input[t]
                if isHTMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") {
                    guard let after = skipAttributes(from: t) else { return nil }
                    return (k, after)
                }
            }
            k += 1
        }
        return nil
    }

    private func sameName(_ name: Range<Int>, at start: Int) -> Bool {
        var k = start
        for i in name {
            let a = input[i], b = input[k]
            if a != b && !(isASCIILetter(a) && a | 0x20 == b | 0x20) { return false }
            k += 1
        }
        return true
    }
}

extension HTMLDocumentParser: DocumentParser {
    public var format: DocumentFormat { .html }
    public var extensions: [String] { ["html", "htm", "xhtml"] }
    /// A page that is a source-code listing (`HTMLBoilerplate.isSourceListing`) is skipped.
    public func parse(_ bytes: [UInt8]) -> DocumentParse {
        if HTMLBoilerplate.isSourceListing(bytes) {
            return .skip("a source-code listing (rustdoc's, javadoc's or Doxygen's page of a source file), not documentation")
        }
        return .blocks(Self.parse(bytes))
    }
}

extension DocumentFormat {
    public static let html = DocumentFormat(rawValue: "html")
}
