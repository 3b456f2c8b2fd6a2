import FootnoteAnalysis

/// Groups a document's blocks into passages shaped for answering: each one
/// long enough to answer on its own, short enough to read at once, and never
/// a heading alone.
///
/// - A heading opens a section; the section path is the stack of open
///   headings. A heading with nothing under it (the next block is a heading of
///   its level or higher, or the document ends) heads nothing: it is read as a
///   line of text of the section around it, its words without their markup.
/// - A section's body (its blocks up to the next heading) of at most
///   `sectionWords` words is one passage: a list with its introduction and the
///   remark after it, a short definition with its example; but not a body
///   with two entries or more (a glossary, an option list), which is cut as
///   a longer one is.
/// - A longer body is cut into units, a block each, and then:
///   - a list joins the block just before it ("Examples include:" and its
///     bullets), and a block ending in a colon joins the block after it (a
///     code block or table it introduces), as a term (`Block.Kind.term`:
///     a glossary entry, an option) joins its whole description (the blocks
///     up to the next term), and is then
///     cited as a heading of that passage (`termHeading`), and under the
///     names of the entries that only point to it (`pointerEntries`);
///   - a unit under `minWords` words joins a neighbour in the section: the one
///     before it, or the one after when it is the first or the one before is
///     already full; but a term with its description stays alone;
///   - neighbouring units (not entries) are packed into passages of about
///     equal size, none over `sectionWords` words (`packed`): a long
///     section's paragraphs are read a few at a time, not one by one.
/// - The file's opening: section bodies under `minWords` words before its
///   first passage (a manual page's NAME and SYNOPSIS, a one-line abstract),
///   until they reach `minWords` together, open the first passage after
///   them, cited under the headings they share (the page's title; its
///   first heading when the opening starts before any): the lead,
///   which says what the page is about (`LeadPrior` favours it).
/// - A unit over `maxWords` words is cut into windows of whole sentences (a
///   list item is a sentence; a blank line ends one), balanced so that no
///   window is a stub, each overlapping the one before by its last sentence
///   when that sentence has at most `overlapWords` words, so that a fact and
///   the detail after it (a service and its phone number) land together. A
///   sentence longer than `maxWords` is cut between words.
///
/// Words are runs of non-whitespace bytes. Passages keep the file's exact
/// bytes (`Passage.isVerbatim`) when all their blocks do.
public struct PassageBuilder: Sendable, Equatable {
    /// A section body of at most this many words is one passage, and a
    /// longer one is packed into passages of whole blocks of at most this
    /// many words (0: a block a passage). By default
    /// `maxWords`: a section that fits in a passage is one. Measured
    /// (BENCHMARKS.md "Sections that fit in a passage"): at 120, sections of
    /// 121–250 words were cut into their paragraphs, and a section's answer
    /// was cited without the paragraph that names its subject ("When does
    /// the pre-commit hook run?"); the real-doc sets gain 4 questions at
    /// hit@1 at 250, doc2dial and SQuAD `docs/` are unchanged.
    public var sectionWords: Int
    /// No passage is longer than this many words, but for a unit that a short
    /// neighbour joined (at most `maxWords + minWords`).
    public var maxWords: Int
    /// A block of fewer words joins a neighbour in its section.
    public var minWords: Int
    /// The longest last sentence a window repeats at the start of the next.
    public var overlapWords: Int

    public init(sectionWords: Int = 250, maxWords: Int = 250, minWords: Int = 20, overlapWords: Int = 40) {
        self.sectionWords = max(0, sectionWords)
        self.maxWords = max(1, maxWords)
        self.minWords = max(0, minWords)
        self.overlapWords = max(0, overlapWords)
    }

    /// A run of consecutive blocks of one section that becomes one passage
    /// (or, when long, its windows).
    struct Unit {
        var blocks: Range<Int>
        var words: Int
    }

    /// - Parameters:
    ///   - blocks: the document's blocks in order.
    ///   - file: the file's bytes (to cut verbatim passages and count lines).
    ///   - document: the document's index, stored in each passage.
    ///   - titleTakesNameLine: whether the title takes its name line's summary (`titlesWithSummaries`).
    public func passages(from blocks: [Block], file: [UInt8], document: Int, titleTakesNameLine: Bool = true) -> [Passage] {
        let kept = Self.droppingOrphanLabels(Self.demotingEmptyHeadings(blocks, file: file))
        let blocks = titleTakesNameLine ? Self.titlesWithSummaries(kept) : kept
        var headings: [(level: Int, text: String, anchor: String?)] = []
        var out: [Passage] = []
        var lineIndex: LineIndex?
        // The opening section bodies held for the lead: where they start, the first one's path and anchor, their words.
        var opening: (start: Int, section: [String], anchor: String?, words: Int)?
        var k = 0
        while k < blocks.count {
            if case .heading(let level) = blocks[k].kind {
                headings.removeAll { $0.level >= level }
                // A heading repeating the one above it (a page's <title> and its <h2>) names the section
                // once, at the outer level, so that the page's later sections stay under it.
                if let parent = headings.last, parent.text == blocks[k].text {
                    headings[headings.count - 1].anchor = parent.anchor ?? blocks[k].anchor
                } else {
                    headings.append((level, blocks[k].text, blocks[k].anchor))
                }
                k += 1
                continue
            }
            var end = k
            while end < blocks.count, !blocks[end].isHeading { end += 1 }
            let section = headings.map(\.text)
            // The innermost heading with an anchor (HTML) names where the passage is; a term, its own.
            let sectionAnchor = headings.lazy.compactMap(\.anchor).last
            var bodyUnits = units(of: blocks, body: k..<end)
            var leadSection = section, leadAnchor = sectionAnchor
            if out.isEmpty {
                let words = bodyUnits.reduce(0) { $0 + $1.words }
                if words < minWords && (opening?.words ?? 0) < minWords && end < blocks.count {
                    if opening == nil { opening = (k, section, sectionAnchor, 0) }
                    opening!.words += words
                    k = end
                    continue
                }
                if let held = opening {
                    bodyUnits[0] = Unit(blocks: held.start..<bodyUnits[0].blocks.upperBound, words: held.words + bodyUnits[0].words)
                    // Text before the page's first heading (a site's banner, a breadcrumb) is cited under it.
                    let shared = zip(held.section, section).prefix { $0 == $1 }.count
                    leadSection = shared > 0 ? Array(section.prefix(shared)) : held.section.isEmpty ? section : held.section
                    leadAnchor = held.anchor ?? sectionAnchor
                }
            }
            let terms = bodyUnits.map { Self.termHeading(of: $0, in: blocks) }
            let (aliases, pointers) = Self.pointerEntries(bodyUnits, terms: terms, in: blocks)
            for (u, unit) in bodyUnits.enumerated() where !pointers.contains(u) {
                var term = terms[u]
                if let names = aliases[u], !term.isEmpty { term[0] += " (" + names.joined(separator: ", ") + ")" }
                let (unitSection, unitAnchor) = u == 0 ? (leadSection, leadAnchor) : (section, sectionAnchor)
                let anchor = term.isEmpty ? unitAnchor : blocks[unit.blocks.lowerBound].anchor ?? unitAnchor
                emit(
                    unit, of: blocks, section: unitSection + term, anchor: anchor, isTerm: !term.isEmpty, file: file,
                    document: document, lineIndex: &lineIndex, into: &out)
            }
            k = end
        }
        return out
    }

    /// A unit that is one term and its description (a glossary entry, an
    /// option) is cited under the term, as under a heading: `["Glossary",
    /// "generator"]`. Its first line, up to `longestTermHeading` bytes; terms
    /// in a row that share a description, their first lines joined by ", ".
    static func termHeading(of unit: Unit, in blocks: [Block]) -> [String] {
        let names = blocks[unit.blocks].prefix { $0.kind == .term }
        guard !names.isEmpty, blocks[unit.blocks].filter({ $0.kind == .term }).count == names.count else { return [] }
        let line = names.compactMap { $0.text.split(separator: "\n").first.map { $0.trimmingWhitespace() } }
            .filter { !$0.isEmpty }.joined(separator: ", ")
        guard !line.isEmpty else { return [] }
        if line.utf8.count <= longestTermHeading { return [String(line)] }
        var cut = String(line.prefix(longestTermHeading))
        while cut.utf8.count > longestTermHeading { cut.removeLast() }
        return [cut + "…"]
    }
    static let longestTermHeading = 100

    /// Glossary entries that only point to another entry of the section
    /// ("GIL: See global interpreter lock.", DocBook's `glosssee`) name it.
    /// - Parameter terms: each unit's `termHeading`.
    /// - Returns: per unit pointed to, the names of the entries that point to
    ///   it (it is cited under both: `Glossary › global interpreter lock
    ///   (GIL)`); and the pointing units, which are left out. "See also"
    ///   entries say something of their own and stay.
    static func pointerEntries(_ units: [Unit], terms: [[String]], in blocks: [Block]) -> (aliases: [Int: [String]], pointers: Set<Int>) {
        var termUnit: [String: Int] = [:]
        for (u, term) in terms.enumerated() {
            if let name = term.first { termUnit[sameName(name)] = u }
        }
        guard termUnit.count > 1 else { return ([:], []) }
        var aliases: [Int: [String]] = [:], pointers: Set<Int> = []
        for (u, unit) in units.enumerated() where unit.blocks.count == 2 && blocks[unit.blocks.lowerBound].kind == .term {
            let pointer = blocks[unit.blocks.upperBound - 1].text.trimmingWhitespace()
            guard pointer.count <= longestTermHeading + 5, pointer.lowercased().hasPrefix("see "),
                !pointer.lowercased().hasPrefix("see also")
            else { continue }
            var target = pointer.dropFirst(4).trimmingWhitespace()
            if target.hasSuffix(".") { target = target.dropLast().trimmingWhitespace() }
            guard let to = termUnit[sameName(String(target))], to != u, let name = terms[u].first else { continue }
            aliases[to, default: []].append(name)
            pointers.insert(u)
        }
        return (aliases, pointers)
    }

    /// A term as compared with another: lowercased, whitespace collapsed.
    static func sameName(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The blocks, with every heading that heads nothing read as a paragraph:
    /// its words as they stand in the file, without the markup around them
    /// (`#####`, an underline), when the document's other blocks are the
    /// file's bytes (text formats), its text otherwise (HTML); but a
    /// heading that only returns to a section (`Block.returnsToSection`) is
    /// dropped.
    static func demotingEmptyHeadings(_ blocks: [Block], file: [UInt8]) -> [Block] {
        var out = blocks, returnsOverNothing: [Int] = []
        let verbatimFormat = blocks.contains(where: \.isVerbatim)
        for i in out.indices {
            guard case .heading(let level) = out[i].kind else { continue }
            let headsSomething: Bool
            if i + 1 < out.count {
                if case .heading(let next) = out[i + 1].kind { headsSomething = next > level } else { headsSomething = true }
            } else {
                headsSomething = false
            }
            guard !headsSomething else { continue }
            guard !out[i].returnsToSection else {
                returnsOverNothing.append(i)
                continue
            }
            out[i].kind = .paragraph
            if verbatimFormat && out[i].bytes.upperBound <= file.count {
                // Its words without the markup around them ("##### yes or no survey:", a setext underline), when they stand in the file as read.
                let words = Array(out[i].text.utf8)
                if !words.isEmpty, let found = file[out[i].bytes].firstRange(of: words) {
                    out[i].bytes = found
                    out[i].lines = out[i].lines.lowerBound...(out[i].lines.lowerBound + words.lazy.filter { $0 == 0x0A }.count)
                }
                out[i].text = String(decoding: file[out[i].bytes], as: UTF8.self)
                out[i].isVerbatim = true
            }
        }
        for i in returnsOverNothing.reversed() { out.remove(at: i) }
        return out
    }

    /// The blocks, with the page's title followed by its name line's summary
    /// when the page opens with one (`NameLine`): "git-mv(1) Manual Page —
    /// Move or rename a file, a directory, or a symlink". The title is the
    /// first block, a heading; the name line is the first block of text, no
    /// later than `nameLineReach` blocks in, under a heading "NAME" or naming
    /// what the title names. Every heading before it that repeats the title
    /// (a page's `<title>` and its `<h2>`) becomes the same. The name line
    /// stays in the text as well.
    static func titlesWithSummaries(_ blocks: [Block]) -> [Block] {
        guard let title = blocks.first, title.isHeading,
            let line = blocks.prefix(nameLineReach).firstIndex(where: { !$0.isHeading }), line > 0,
            let name = NameLine(blocks[line].text),
            blocks[line - 1].text.trimmingWhitespace().lowercased() == "name" || name.isNamed(by: title.text),
            !title.text.lowercased().contains(name.summary.lowercased())
        else { return blocks }
        var out = blocks
        for i in 0..<line where out[i].isHeading && out[i].text == title.text {
            out[i].text = name.titled(title.text)
        }
        return out
    }
    static let nameLineReach = 4

    /// A label of derived text ("alter-table-stmt:", at most `longestOrphanLabel`
    /// words ending in a colon) whose next block starts more than
    /// `droppedLinesGap` lines after it, or that ends the document: what it
    /// introduced was dropped (SQLite's syntax diagrams are an SVG of
    /// thousands of lines after their label). It is dropped too; joined to
    /// the next paragraph, it made a passage cited as `lang_altertable.html:131-2942`
    /// for eight lines of text.
    static func droppingOrphanLabels(_ blocks: [Block]) -> [Block] {
        var kept: [Block] = []
        kept.reserveCapacity(blocks.count)
        for (i, block) in blocks.enumerated() {
            if !block.isVerbatim, block.kind == .paragraph, Self.endsWithColon(block.text),
                Self.wordCount(block.text) <= Self.longestOrphanLabel,
                i + 1 == blocks.count || Self.skipsDroppedLines(from: block, to: blocks[i + 1])
            {
                continue
            }
            kept.append(block)
        }
        return kept
    }
    static let longestOrphanLabel = 3
    /// Derived text that skips more than this many source lines between two
    /// blocks skipped something dropped (a diagram, a script).
    static let droppedLinesGap = 10

    /// Whether block `b`, the one after `a`, starts more than `droppedLinesGap` lines after `a` ends.
    static func skipsDroppedLines(from a: Block, to b: Block) -> Bool {
        b.lines.lowerBound > a.lines.upperBound + droppedLinesGap
    }

    /// The units of one section body `body` (a range of non-heading blocks):
    /// those of each of its `stretches`.
    func units(of blocks: [Block], body: Range<Int>) -> [Unit] {
        Self.stretches(of: blocks, body: body).flatMap { units(ofStretch: $0, in: blocks) }
    }

    /// `body` cut where derived text skips more than `droppedLinesGap` source
    /// lines between two blocks: what lay between was dropped (an SVG
    /// diagram, a script), and a passage joined across it would be cited for
    /// every line of it (`partialindex.html:171-2532` for twelve lines of
    /// text, a sentence on each side of SQLite's syntax diagram).
    static func stretches(of blocks: [Block], body: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = [], start = body.lowerBound
        for b in body.dropFirst()
        where !blocks[b].isVerbatim && !blocks[b - 1].isVerbatim
            && Self.skipsDroppedLines(from: blocks[b - 1], to: blocks[b])
        {
            out.append(start..<b)
            start = b
        }
        out.append(start..<body.upperBound)
        return out
    }

    /// The units of one stretch of a section body.
    func units(ofStretch body: Range<Int>, in blocks: [Block]) -> [Unit] {
        let words = body.map { Self.wordCount(blocks[$0].text) }
        let total = words.reduce(0, +)
        // A glossary or an option list stays an entry a passage, each cited under its term, however short
        // (an entry: terms in a row, `-p` and `--patch`, and their description).
        let entries = body.lazy.filter { blocks[$0].kind == .term && ($0 == body.lowerBound || blocks[$0 - 1].kind != .term) }.count
        if total <= sectionWords && entries < 2 {
            return [Unit(blocks: body, words: total)]
        }

        // A block each; a list joins the block before it, a block ending in a
        // colon the one after, and a term keeps the blocks after it up to the next term.
        var units: [Unit] = []
        var joinNext = false, inTerm = false
        for (offset, b) in body.enumerated() {
            let block = blocks[b]
            // Terms in a row name one description (`<dt>a</dt><dt>b</dt><dd>`); a later term starts its own.
            let joins =
                block.kind == .term
                ? offset > 0 && blocks[b - 1].kind == .term
                : joinNext || inTerm || block.kind == .list
            if var last = units.last, joins {
                last.blocks = last.blocks.lowerBound..<(b + 1)
                last.words += words[offset]
                units[units.count - 1] = last
            } else {
                units.append(Unit(blocks: b..<(b + 1), words: words[offset]))
                inTerm = block.kind == .term
            }
            joinNext = block.kind == .term || Self.endsWithColon(block.text)
        }

        // Short units join a neighbour: the one before when there is room, else the one after.
        var i = 0
        while units.count > 1 && i < units.count {
            // A term with its description answers on its own, however short ("GIL: see global interpreter lock").
            guard units[i].words < minWords, blocks[units[i].blocks.lowerBound].kind != .term else { i += 1; continue }
            let intoPrevious = i > 0 && (units[i - 1].words + units[i].words <= maxWords || i == units.count - 1)
            let j = intoPrevious ? i - 1 : i + 1
            let (a, b) = (min(i, j), max(i, j))
            units[a] = Unit(blocks: units[a].blocks.lowerBound..<units[b].blocks.upperBound, words: units[a].words + units[b].words)
            units.remove(at: b)
            i = a  // the joined unit may still be short
            if units[a].words >= minWords { i = a + 1 }
        }
        return Self.packed(units, limit: sectionWords) { blocks[$0.blocks.lowerBound].kind == .term }
    }

    /// `units` with each run of neighbours that are not entries packed into
    /// units of about equal size, none over `limit` words (`sectionWords`:
    /// the most a passage of whole blocks holds), shared out as `windows`
    /// shares sentences (`EvenShares`).
    /// A unit already over `limit` stays alone (to be windowed), and an
    /// entry (`isEntry`: a term and its description) always does; a limit
    /// of 0 packs nothing (a block a passage).
    ///
    /// Without it, a long section was a passage per paragraph, and the
    /// paragraph that asks a section's question was cited without the one
    /// that answers it: "There are situations where it is necessary to
    /// report several exceptions…" apart from "The builtin ExceptionGroup
    /// wraps a list of exception instances…". Measured (BENCHMARKS.md
    /// "Long sections packed into passages"): SQuAD-dev `docs/` S@5 0.914 →
    /// 0.926, the real-doc sets 5 more questions right at rank 1.
    static func packed(_ units: [Unit], limit: Int, isEntry: (Unit) -> Bool) -> [Unit] {
        guard limit > 0 else { return units }
        var out: [Unit] = []
        out.reserveCapacity(units.count)
        var i = 0
        while i < units.count {
            guard !isEntry(units[i]) else {
                out.append(units[i])
                i += 1
                continue
            }
            var end = i + 1
            while end < units.count && !isEntry(units[end]) { end += 1 }
            let shares = EvenShares(total: units[i..<end].reduce(0) { $0 + $1.words }, limit: limit)
            var current = units[i]
            for unit in units[(i + 1)..<end] {
                if shares.takes(unit.words, into: current.words) {
                    current = Unit(blocks: current.blocks.lowerBound..<unit.blocks.upperBound, words: current.words + unit.words)
                } else {
                    out.append(current)
                    current = unit
                }
            }
            out.append(current)
            i = end
        }
        return out
    }

    /// Appends `unit`'s passage, or its windows when it is longer than `maxWords`.
    func emit(
        _ unit: Unit, of blocks: [Block], section: [String], anchor: String?, isTerm: Bool, file: [UInt8], document: Int,
        lineIndex: inout LineIndex?, into out: inout [Passage]
    ) {
        let first = blocks[unit.blocks.lowerBound], last = blocks[unit.blocks.upperBound - 1]
        let verbatim = blocks[unit.blocks].allSatisfy(\.isVerbatim)
        let bytes = first.bytes.lowerBound..<last.bytes.upperBound
        let lines = first.lines.lowerBound...last.lines.upperBound
        // The blocks whose text the passage holds: not a heading that only returns to a section (a lead may span one).
        let parts = unit.blocks.filter { !blocks[$0].returnsToSection }
        let textBytes: [UInt8] =
            verbatim
            ? Array(file[bytes])
            : Array(parts.map { blocks[$0].text }.joined(separator: "\n").utf8)
        if unit.words <= maxWords + minWords && (unit.words <= maxWords || unit.blocks.count > 1) {
            out.append(
                Passage(
                    document: document, section: section, text: String(decoding: textBytes, as: UTF8.self),
                    lines: lines, bytes: bytes, isVerbatim: verbatim, anchor: anchor, isTerm: isTerm))
            return
        }
        // Where each block starts in the joined text (derived text: blocks joined by one newline).
        var blockStarts: [Int] = []
        if !verbatim {
            var at = 0
            for b in parts { blockStarts.append(at); at += blocks[b].text.utf8.count + 1 }
        }
        if lineIndex == nil && (verbatim || blocks[unit.blocks].contains { !$0.sourceMarks.isEmpty }) { lineIndex = LineIndex(file) }
        for window in windows(of: textBytes) {
            let text = String(decoding: textBytes[window], as: UTF8.self)
            if verbatim, let index = lineIndex {
                let start = bytes.lowerBound + window.lowerBound, end = bytes.lowerBound + window.upperBound
                out.append(
                    Passage(
                        document: document, section: section, text: text,
                        lines: index.line(of: start)...index.line(of: max(start, end - 1)),
                        bytes: start..<end, isVerbatim: true, anchor: anchor, isTerm: isTerm))
            } else {
                // The blocks the window spans give its lines and bytes; within
                // a block, its source marks narrow them to the lines the window's text comes from.
                let fromIndex = max(0, blockStarts.lastIndex { $0 <= window.lowerBound } ?? 0)
                let toIndex = max(0, blockStarts.lastIndex { $0 < window.upperBound } ?? 0)
                let from = parts[fromIndex], to = parts[toIndex]
                var lines = blocks[from].lines.lowerBound...blocks[to].lines.upperBound
                var bytes = blocks[from].bytes.lowerBound..<blocks[to].bytes.upperBound
                // The window's first and last characters that are not whitespace (a window may start at a line break).
                var textStart = window.lowerBound, textLast = window.upperBound - 1
                while textStart < textLast && ASCIIWhitespace.contains(textBytes[textStart]) { textStart += 1 }
                while textLast > textStart && ASCIIWhitespace.contains(textBytes[textLast]) { textLast -= 1 }
                if let index = lineIndex {
                    let start =
                        blocks[from].sourceSpan(ofText: textStart - blockStarts[fromIndex])
                        .map { max($0.lowerBound, blocks[from].bytes.lowerBound) } ?? bytes.lowerBound
                    // The window's last text is on its mark's line; its bytes run up to the next mark.
                    let last = blocks[to].sourceSpan(ofText: textLast - blockStarts[toIndex])
                    let end = min(last?.upperBound ?? bytes.upperBound, bytes.upperBound)
                    if start < end {
                        // A last block without marks is on one line, or unmapped: its own last line.
                        let lastLine = last.map { index.line(of: $0.lowerBound) } ?? blocks[to].lines.upperBound
                        bytes = start..<end
                        lines = index.line(of: start)...max(index.line(of: start), lastLine)
                    }
                }
                out.append(
                    Passage(
                        document: document, section: section, text: text,
                        lines: lines, bytes: bytes, anchor: anchor, isTerm: isTerm))
            }
        }
    }

    /// How `windows` shares sentences and `packed` blocks among groups: n
    /// words make ⌈n / limit⌉ groups, and a group takes the next piece while
    /// it stays within `limit` and the piece's middle falls within the
    /// group's share (`target`, n over the groups), so the groups come out
    /// about equal and none is a stub.
    struct EvenShares {
        let limit: Int
        let target: Int

        init(total: Int, limit: Int) {
            let groups = max(1, (total + limit - 1) / limit)
            self.limit = limit
            target = max(1, (total + groups - 1) / groups)
        }

        /// Whether a group holding `held` words takes a piece of `words` words.
        func takes(_ words: Int, into held: Int) -> Bool { held + words <= limit && held + words / 2 <= target }
    }

    /// Byte ranges of the windows of `text`: whole sentences (cut between
    /// words when longer than `maxWords`), packed into windows of about equal
    /// word counts, none over `maxWords`; each after the first starts with the
    /// last sentence of the one before when it has at most `overlapWords` words.
    func windows(of text: [UInt8]) -> [Range<Int>] {
        var pieces: [(range: Range<Int>, words: Int)] = []
        text.withUnsafeBufferPointer { buf in
            for s in SentenceSplitter.sentences(in: buf) {
                for piece in Self.wordRuns(in: buf, s, maxWords: maxWords) { pieces.append(piece) }
            }
        }
        guard !pieces.isEmpty else { return [] }
        let shares = EvenShares(total: pieces.reduce(0) { $0 + $1.words }, limit: maxWords)
        var out: [Range<Int>] = []
        var start = 0, words = 0, k = 0
        while k < pieces.count {
            let piece = pieces[k]
            // Take the piece when the window is empty, or when it brings the window closer to the target.
            if k == start || shares.takes(piece.words, into: words) {
                words += piece.words
                k += 1
                continue
            }
            out.append(pieces[start].range.lowerBound..<pieces[k - 1].range.upperBound)
            // The next window repeats the window's last sentence when short (and takes this piece with it).
            if k - 1 > start && pieces[k - 1].words <= overlapWords && pieces[k - 1].words + piece.words <= maxWords {
                start = k - 1
                words = pieces[k - 1].words + piece.words
                k += 1
            } else {
                start = k
                words = 0
            }
        }
        out.append(pieces[start].range.lowerBound..<pieces[pieces.count - 1].range.upperBound)
        return out
    }

    /// `range` of `text` cut between words into runs of at most `maxWords`
    /// words (trimmed), with their word counts.
    static func wordRuns(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, maxWords: Int) -> [(range: Range<Int>, words: Int)] {
        var out: [(range: Range<Int>, words: Int)] = []
        var runStart = -1, runEnd = range.lowerBound, words = 0
        var inWord = false
        for i in range {
            let space = ASCIIWhitespace.contains(text[i])
            if !space && !inWord {
                if words == maxWords {
                    out.append((runStart..<runEnd, words))
                    runStart = -1
                    words = 0
                }
                if runStart < 0 { runStart = i }
                words += 1
            }
            if !space { runEnd = i + 1 }
            inWord = !space
        }
        if runStart >= 0 { out.append((runStart..<runEnd, words)) }
        return out
    }

    /// Runs of non-whitespace bytes in `text`.
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for b in text.utf8 {
            let space = ASCIIWhitespace.contains(b)
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    static func endsWithColon(_ text: String) -> Bool {
        text.utf8.reversed().first { !ASCIIWhitespace.contains($0) } == UInt8(ascii: ":")
    }

}

extension Block {
    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}

/// Maps byte offsets of a file to 1-based line numbers.
struct LineIndex {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    }

    /// The line containing byte `offset`. - Complexity: O(log lines).
    func line(of offset: Int) -> Int {
        var lo = 0, hi = starts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo + 1
    }
}
