import FootnoteAnalysis

/// Collects the blocks of a word-processor document (Word, OpenDocument),
/// numbering its paragraphs: a passage is cited by the paragraphs it spans
/// (`report.docx ¶ 12`, `¶¶ 12–14`) under its heading path.
///
/// Paragraph N is the N-th piece of text in the body, in reading order: a
/// heading, a paragraph, a list item and a table row each count one;
/// paragraphs with no text (the empty ones used for spacing) count none.
/// A block's `lines` are the paragraphs it holds; its text is derived (the
/// document's text, not its bytes), and its `bytes` are its place in the
/// text joined by newlines.
struct NumberedParagraphs {
    private(set) var blocks: [Block] = []
    /// Paragraphs numbered so far.
    private(set) var count = 0
    private var offset = 0
    /// The list being collected: its items' text and its paragraphs.
    private var list: (text: String, first: Int)?

    /// The blocks that are the document's title (`title`).
    private var titles: Set<Int> = []

    /// A heading, `level` 1 the outermost (kept within 1...9).
    mutating func heading(_ text: String, level: Int) {
        add(.heading(level: min(max(level, 1), 9)), text)
    }

    /// The document's title (Word's and OpenDocument's `Title` style): a
    /// heading above all the others, which go one level down when there is one,
    /// as `HTMLDocumentParser` puts a page's `<title>` above its `<h1>`s.
    mutating func title(_ text: String) {
        let before = blocks.count
        add(.heading(level: 1), text)
        if blocks.count > before { titles.insert(before) }
    }

    mutating func paragraph(_ text: String) {
        add(.paragraph, text)
    }

    /// An item of a bulleted or numbered list, `depth` 0 outermost; the
    /// items in a row make one list block, each on its own line after a
    /// bullet and two spaces of indent per level (as `HTMLDocumentParser`
    /// writes lists).
    mutating func listItem(_ text: String, depth: Int) {
        let text = Self.collapsed(text)
        guard !text.isEmpty else { return }
        count += 1
        let item = String(repeating: "  ", count: min(max(depth, 0), 8)) + "\u{2022} " + text
        if let open = list {
            list = (open.text + "\n" + item, open.first)
        } else {
            list = (item, count)
        }
    }

    /// A table row: its cells' text joined by " | " (empty cells kept, so
    /// columns stay in place; a row of empty cells counts none).
    mutating func row(_ cells: [String]) {
        let cells = cells.map(Self.collapsed)
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        add(.paragraph, cells.joined(separator: " | "))
    }

    /// The blocks, with a list still open closed, and the headings under a title one level down.
    mutating func finish() -> [Block] {
        endList()
        if !titles.isEmpty {
            for b in blocks.indices where !titles.contains(b) {
                if case .heading(let level) = blocks[b].kind { blocks[b].kind = .heading(level: min(level + 1, 9)) }
            }
        }
        return blocks
    }

    private mutating func add(_ kind: Block.Kind, _ raw: String) {
        let text = Self.collapsed(raw)
        guard !text.isEmpty else { return }
        endList()
        count += 1
        append(kind, text, count...count)
    }

    private mutating func endList() {
        guard let open = list else { return }
        list = nil
        append(.list, open.text, open.first...count)
    }

    private mutating func append(_ kind: Block.Kind, _ text: String, _ paragraphs: ClosedRange<Int>) {
        let length = text.utf8.count
        blocks.append(Block(kind: kind, text: text, lines: paragraphs, bytes: offset..<(offset + length), isVerbatim: false))
        offset += length + 1
    }

    /// `text` with each run of ASCII whitespace (spaces, tabs, line breaks)
    /// made one space, and none at either end. Works on the UTF-8 bytes:
    /// a per-scalar whitespace test was a tenth of reading a large Word document.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if ASCIIWhitespace.contains(byte) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
