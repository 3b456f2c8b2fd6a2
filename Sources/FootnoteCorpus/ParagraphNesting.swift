/// What one paragraph of a word-processor document says of itself once
/// read (its style, level, list depth): where it goes among the numbered
/// paragraphs. Word's and OpenDocument's readers each have one.
protocol ParagraphRole {
    /// Whether the paragraph is left out whatever it holds (a table-of-contents entry).
    var isLeftOut: Bool { get }
    /// Adds the paragraph's text as what it is: a heading, a list item, a paragraph.
    func place(_ text: String, in paragraphs: inout NumberedParagraphs)
}

/// The reading state Word's and OpenDocument's body readers share: the
/// paragraphs open (a text box's or footnote's paragraph inside another,
/// given after it), and the table rows being read (a nested table's text
/// stays in its cell). Paragraphs outside tables go to `paragraphs` as
/// their role places them; a table row is one paragraph of its cells.
struct ParagraphNesting<Role: ParagraphRole> {
    struct Paragraph {
        var text = ""
        var role: Role
        /// Paragraphs nested in this one, given after it.
        var nested: [Paragraph] = []
    }

    private(set) var paragraphs = NumberedParagraphs()
    private var open: [Paragraph] = []
    /// Each table row being read, one per nested table: its cells so far.
    private var rows: [[String]] = []

    /// Whether a paragraph is open (text goes to it).
    var isOpen: Bool { !open.isEmpty }

    mutating func begin(_ role: Role) { open.append(Paragraph(role: role)) }

    /// Changes the innermost open paragraph's role (its properties come after it opens).
    mutating func update(_ change: (inout Role) -> Void) {
        guard !open.isEmpty else { return }
        change(&open[open.count - 1].role)
    }

    /// Text of the innermost open paragraph; none outside paragraphs.
    mutating func append(_ text: String) {
        guard !open.isEmpty else { return }
        open[open.count - 1].text += text
    }

    /// Ends the innermost open paragraph.
    mutating func end() {
        guard let p = open.popLast() else { return }
        if open.isEmpty { emit(p) } else { open[open.count - 1].nested.append(p) }
    }

    mutating func beginRow() { rows.append([]) }

    mutating func beginCell() {
        if !rows.isEmpty { rows[rows.count - 1].append("") }
    }

    /// Ends a table row: a paragraph of its cells, or in a nested table, text of the outer cell.
    mutating func endRow() {
        guard let cells = rows.popLast() else { return }
        if rows.isEmpty { paragraphs.row(cells) } else { appendToCell(cells.joined(separator: " ")) }
    }

    /// The blocks, with any paragraph still open ended.
    mutating func finish() -> [Block] {
        while !open.isEmpty { end() }
        return paragraphs.finish()
    }

    private mutating func emit(_ p: Paragraph) {
        defer { for n in p.nested { emit(n) } }
        if p.role.isLeftOut { return }
        if rows.isEmpty { p.role.place(p.text, in: &paragraphs) } else { appendToCell(p.text) }
    }

    private mutating func appendToCell(_ text: String) {
        guard !rows.isEmpty, !rows[rows.count - 1].isEmpty else { return }
        let last = rows[rows.count - 1].count - 1
        rows[rows.count - 1][last] += rows[rows.count - 1][last].isEmpty ? text : " " + text
    }
}
