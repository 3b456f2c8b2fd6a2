import Foundation
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteSearch
@testable import FootnoteAnswer

/// What each libFuzzer target does with one input (`Fuzz/main.swift`, built
/// and run by `scripts/fuzz`, `make fuzz`); `FuzzRegressionTests` replays the
/// kept inputs (`Fuzz/crashers/`, `Fuzz/seeds/`) through the same functions.
///
/// A target must never crash, hang or read out of bounds, whatever the
/// bytes; where the code promises more (offsets inside the text, passages
/// inside their file), the target checks it with `require`, which crashes
/// the fuzzer so the input is kept.
enum FuzzTargets {
    static let names = [
        "analyzer", "passages", "html", "jsonl", "query", "index", "man", "decode", "pdf", "pdflayout", "officexml", "container",
    ]

    static func run(_ name: String, _ data: [UInt8]) {
        switch name {
        case "analyzer": analyzer(data)
        case "passages": passages(data)
        case "html": html(data)
        case "jsonl": jsonl(data)
        case "query": query(data)
        case "index": index(data)
        case "man": man(data)
        case "decode": decode(data)
        case "pdf": pdf(data)
        case "pdflayout": pdfLayout(data)
        case "officexml": officeXML(data)
        case "container": container(data)
        default: fatalError("unknown fuzz target \(name); one of \(names)")
        }
    }

    static func require(_ condition: Bool, _ what: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant broken: \(what())") }
    }

    /// The analyzer over raw bytes, both paths: the token pipeline and the
    /// table-backed one must give the same terms, offsets and positions.
    /// One analyzer for all inputs: making one per input (a libstemmer
    /// handle, buffers) held the target to about 2,000 inputs a second.
    nonisolated(unsafe) static let sharedAnalyzer = Analyzer()

    static func analyzer(_ data: [UInt8]) {
        let analyzer = sharedAnalyzer
        var plain: [(String, Int, Int, Int)] = []
        data.withUnsafeBufferPointer { bytes in
            analyzer.analyze(bytes) { token in
                require(
                    token.start >= 0 && token.start < token.end && token.end <= bytes.count, "token offsets \(token.start)..<\(token.end)")
                // Positions ascend, but for an identifier emitted whole and then by its
                // first part, which share a position and a start (`Tokenizer`: `mo_els`, then `mo`).
                require(
                    plain.last.map { $0.3 < token.position || ($0.3 == token.position && $0.1 == token.start && token.end < $0.2) }
                        ?? true, "positions ascend")
                plain.append((token.termString, token.start, token.end, token.position))
            }
        }
        var table = TermTable()
        var found: [(Int32, Int, Int, Int)] = []
        data.withUnsafeBufferPointer { bytes in
            analyzer.analyze(bytes, into: &table) { id, token in found.append((id, token.start, token.end, token.position)) }
        }
        let tabled = found.map { (String(decoding: table.term($0.0), as: UTF8.self), $0.1, $0.2, $0.3) }
        require(plain.count == tabled.count && zip(plain, tabled).allSatisfy { $0 == $1 }, "the two analysis paths agree")
    }

    /// A file's bytes decoded as loading decodes them (the first byte picks
    /// the format), then cut into passages: every passage's lines and bytes
    /// lie inside the decoded text, in order.
    static func passages(_ data: [UInt8]) {
        guard let first = data.first else { return }
        // The first formats in the order the kept crashers were found with; then every other registered one.
        let first7: [DocumentFormat] = [.plainText, .markdown, .restructuredText, .html, .beirJSONL, .unknown, .asciidoc]
        let formats = first7 + DocumentParsers.all.map(\.format).filter { !first7.contains($0) }
        let chosen = formats[Int(first) % formats.count]
        let (decoded, format) = CorpusLoader.decode(Array(data.dropFirst()), format: chosen, maxBytes: 16 << 20)
        guard case .text(let bytes, _, _) = decoded else { return }
        let passages = CorpusLoader(threads: 1).passages(of: bytes, format: format, document: 0)
        let lineCount = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let citesLines = DocumentParsers.parser(for: format).citation == .lines
        var previous = 0
        for p in passages {
            require(p.lines.lowerBound >= 1 && (!citesLines || p.lines.upperBound <= lineCount), "lines \(p.lines) of \(lineCount)")
            require(p.bytes.lowerBound >= 0 && p.bytes.upperBound <= bytes.count, "bytes \(p.bytes) of \(bytes.count)")
            require(p.lines.lowerBound >= previous || format == .html, "passages in order")
            previous = p.lines.lowerBound
        }
    }

    /// The man page reader alone: blocks in order, inside the file, marks inside their block's text.
    static func man(_ data: [UInt8]) {
        let lineCount = data.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        var previous = 0
        for block in ManPageParser.parse(data) {
            require(block.lines.lowerBound >= 1 && block.lines.upperBound <= lineCount, "block lines \(block.lines) of \(lineCount)")
            require(block.bytes.lowerBound >= 0 && block.bytes.upperBound <= data.count, "block bytes \(block.bytes) of \(data.count)")
            require(block.lines.lowerBound >= previous, "blocks in order")
            previous = block.lines.lowerBound
            let length = block.text.utf8.count
            require(
                block.sourceMarks.allSatisfy { $0.text >= 0 && $0.text <= length && $0.file >= 0 && $0.file <= data.count }, "marks inside")
        }
    }

    /// Decompression and text decoding: the first byte picks the format
    /// (and so text or binary input), the size limit holds, valid UTF-8
    /// comes out of every text path.
    static func decode(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let formats = DocumentParsers.all.map(\.format)
        let named = formats[Int(first) % formats.count]
        let limit = 1 << 20
        let (decoded, format) = CorpusLoader.decode(Array(data.dropFirst()), format: named, maxBytes: Int64(limit))
        guard case .text(let bytes, _, _) = decoded else { return }
        require(bytes.count <= max(limit, data.count), "decompressed past the limit: \(bytes.count)")
        if DocumentParsers.parser(for: format).input == .text {
            require(bytes.withUnsafeBufferPointer(isValidUTF8), "decoded text is valid UTF-8")
        }
    }

    /// The XML readers of Word, OpenDocument and EPUB over any bytes (the
    /// first byte picks one): blocks numbered from 1 in order, never a crash.
    static func officeXML(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let xml = Array(data.dropFirst())
        var blocks: [Block] = []
        switch first % 8 {
        case 0:
            // The byte scan for style ids stays inside the document: each id is a run of its bytes
            // (an invalid byte becomes one replacement character, so scalars, not UTF-8 bytes, are counted).
            if let ids = WordDocumentParser.usedStyleIDs(xml) {
                for id in ids { require(id.unicodeScalars.count < xml.count, "style id \(id) longer than the document") }
            }
            var reader = WordDocumentParser.BodyReader(styles: WordDocumentParser.styles(xml))
            _ = XMLStream.read(xml) { reader.take($0) }
            blocks = reader.finish()
        case 1:
            for (_, style) in WordDocumentParser.styles(xml) { require(style.level.map { $0 >= 0 } ?? true, "style level \(style)") }
        case 2:
            var reader = OpenDocumentParser.BodyReader()
            _ = XMLStream.read(xml) { reader.take($0) }
            blocks = reader.finish()
        case 3: _ = EPUBParser.packagePath(xml)
        case 4: _ = EPUBParser.package(xml, at: "OEBPS/")
        case 5: _ = EPUBParser.navigationTitles(xml, at: "OEBPS/")
        case 6: _ = EPUBParser.ncxTitles(xml, at: "")
        default: _ = EPUBParser.encryptsText(xml, chapters: ["a.xhtml"])
        }
        var last = 0
        for block in blocks {
            require(block.lines.lowerBound > last, "paragraphs in order: \(block.lines) after \(last)")
            require(!block.text.isEmpty && !block.isVerbatim, "a block with text")
            if case .heading(let level) = block.kind { require((1...9).contains(level), "heading level \(level)") }
            last = block.lines.upperBound
        }
    }

    /// Any bytes as a Word document, an OpenDocument text or an EPUB book
    /// (the first byte picks), with a 1 MiB limit on what its members
    /// expand to: blocks citing paragraphs or chapters from 1, or a reason.
    static func container(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let parsers: [any DocumentParser] = [WordDocumentParser(), OpenDocumentParser(), EPUBParser()]
        guard case .blocks(let blocks) = parsers[Int(first) % parsers.count].parse(Array(data.dropFirst()), expandingTo: 1 << 20) else {
            return
        }
        for block in blocks { require(block.lines.lowerBound >= 1 && !block.isVerbatim, "cites \(block.lines)") }
    }

    /// Any bytes through poppler and the layout: blocks or a reason, never a crash.
    static func pdf(_ data: [UInt8]) {
        var input = data
        if !input.starts(with: Array("%PDF-".utf8)) { input = Array("%PDF-1.4\n".utf8) + input }
        guard case .blocks(let blocks) = PDFParser().parse(input) else { return }
        for block in blocks { require(block.lines.lowerBound >= 1 && !block.isVerbatim, "page \(block.lines)") }
    }

    /// The layout alone, over pages made from the bytes: a line per input
    /// line, its font size from its first byte, a page break at a form feed;
    /// an outline entry per line starting with `#`. Blocks cite pages that exist, in order.
    static func pdfLayout(_ data: [UInt8]) {
        var pages: [PDFDocumentText.Page] = [PDFDocumentText.Page(lines: [])]
        var outline: [PDFDocumentText.OutlineEntry] = []
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if raw.first == 0x0C { pages.append(PDFDocumentText.Page(lines: [])); continue }
            let text = String(decoding: raw.dropFirst(), as: UTF8.self)
            if raw.first == UInt8(ascii: "#") {
                outline.append(
                    PDFDocumentText.OutlineEntry(title: text, level: Int(raw.count % 4) + 1, page: Int(raw.count) % (pages.count + 1) + 1))
                continue
            }
            pages[pages.count - 1].lines.append(
                PDFDocumentText.Line(text: String(text.trimmingWhitespace()), fontSize: Double(raw.first ?? 10) / 8))
        }
        var previous = 1
        for block in PDFLayout.blocks(PDFDocumentText(pages: pages, outline: outline)) {
            require(block.lines.lowerBound >= 1 && block.lines.upperBound <= pages.count, "pages \(block.lines) of \(pages.count)")
            require(block.lines.lowerBound >= previous, "blocks in page order")
            previous = block.lines.lowerBound
        }
    }

    /// The HTML parser alone.
    static func html(_ data: [UInt8]) {
        for block in HTMLDocumentParser.parse(data) {
            require(block.lines.lowerBound >= 1, "block lines \(block.lines)")
        }
    }

    /// A `.jsonl` file through the BEIR reader (one run and two), and each
    /// line through the JSON object parser.
    static func jsonl(_ data: [UInt8]) {
        var one = PassageList.Builder(), two = PassageList.Builder()
        let a = BEIRCorpusReader.read(data, document: 0, into: &one, threads: 1)
        let b = BEIRCorpusReader.read(data, document: 0, into: &two, threads: 2, minimumRunBytes: 16)
        require(a.count == b.count && a.problems.map(\.line) == b.problems.map(\.line), "runs agree")
        require(one.build() == two.build(), "runs give the same passages")
        data.withUnsafeBufferPointer { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
                _ = BEIRCorpusReader.parse(line: bytes[start..<i])
                start = i + 1
            }
        }
    }

    /// A small engine to ask questions of (built once).
    nonisolated(unsafe) static let engine: AnswerEngine = {
        let text = """
            Open source AI refers to models whose code and weights are publicly available.

            Closed models are proprietary systems; their training data is not disclosed.

            Transparency helps researchers examine "closed models" and open ones for bias.
            """
        var passages = PassageList.Builder()
        for (n, paragraph) in text.components(separatedBy: "\n\n").enumerated() {
            passages.append(Passage(document: 0, section: ["Notes"], text: paragraph, lines: (2 * n + 1)...(2 * n + 1), bytes: 0..<1))
        }
        let list = passages.build()
        let corpus = Corpus(
            path: "fuzz", absolutePath: "/fuzz",
            documents: [
                SourceDocument(
                    path: "notes.txt", format: .plainText, byteCount: text.utf8.count,
                    passageCount: list.count)
            ],
            passages: list, notices: [])
        return AnswerEngine(corpus: corpus)
    }()

    /// Any question, syntax and corrections included, answered and explained.
    static func query(_ data: [UInt8]) {
        let question = String(decoding: data, as: UTF8.self)
        _ = QuerySyntax(parsing: question)
        let conversation = Conversation(engine: engine)
        _ = conversation.ask("open models", top: 1)
        let answer = conversation.ask(question, top: 3)
        for item in answer.items {
            let explanation = engine.explain(answer, passage: item.passage)
            require(explanation.map { $0.score == item.score } ?? false, "explanation sums to the score")
        }
    }

    /// Where the index target writes each input (one file per process).
    static let indexPath = NSTemporaryDirectory() + "footnote-fuzz-\(getpid()).footnote"

    /// An index file, its checksums recomputed first (so that damage reaches
    /// the structural checks, not just the checksum): it must load or be
    /// refused, and a loaded one must answer.
    static func index(_ data: [UInt8]) {
        let sealed = IndexFile.resealed(data)
        guard FileManager.default.createFile(atPath: indexPath, contents: Data(sealed)) else { return }
        defer { unlink(indexPath) }
        guard let contents = try? IndexFile.read(indexPath) else { return }
        let engine = AnswerEngine(corpus: contents.corpus, index: contents.index)
        for question in ["open models", "\"closed models\" -bias", "transparancy"] {
            let query = Query(question, analyzer: engine.searcher.analyzer, index: contents.index, syntax: true)
            _ = engine.searcher.search(query, top: 5)
        }
        _ = SpellingCorrector(index: contents.index).correction(for: Array("modls".utf8))
    }

    /// A valid index file of `engine`'s corpus: the seed of the index target.
    static func indexSeed() -> [UInt8] {
        try! IndexFile.write(engine.corpus, engine.index, to: indexPath)
        defer { unlink(indexPath) }
        return Array(FileManager.default.contents(atPath: indexPath)!)
    }
}
