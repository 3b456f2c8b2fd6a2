import FootnoteCorpus

/// Where an excerpt comes from: file, lines and section.
public struct Citation: Sendable, Equatable {
    /// Path relative to the corpus root.
    public var file: String
    /// Lines of the file, or its pages (`unit`).
    public var lines: ClosedRange<Int>
    /// What `lines` counts: lines, pages (PDF), paragraphs (Word, OpenDocument) or chapters (EPUB).
    public var unit: CitationUnit
    /// The heading path joined by " › " (the title for BEIR passages); may be empty.
    public var section: String
    /// The BEIR `_id`, for passages read from `.jsonl`.
    public var id: String?
    /// The section's or term's fragment identifier in an HTML page (`file#anchor` opens it there).
    public var anchor: String?

    public init(file: String, lines: ClosedRange<Int>, section: String, id: String?, anchor: String? = nil, unit: CitationUnit = .lines) {
        self.anchor = anchor
        self.unit = unit
        self.file = file
        self.lines = lines
        self.section = section
        self.id = id
    }

    /// `open-source-vs-closed-ai.txt:41-45 · Transparency vs Performance`;
    /// a single line reads `file:12`; a BEIR passage adds its id (`corpus.jsonl:12 #doc7`);
    /// an HTML section with an anchor is named by it, which a browser opens
    /// there, then its lines (`guide.html#install · lines 40-52 · Install`).
    public var label: String { label(file: file) }

    /// `label` with the file written as `path` (the path a user can open from
    /// where they stand: `corpus/notes.md:12`).
    public func label(file path: String) -> String {
        var s: String
        if id == nil, let anchor, unit == .lines {
            s = path + "#" + anchor + " · line" + (lines.count == 1 ? " \(lines.lowerBound)" : "s \(lines.lowerBound)-\(lines.upperBound)")
        } else {
            s = location(file: path)
            if let id { s += " #" + id } else if let anchor { s += " #" + anchor }
        }
        if !section.isEmpty { s += " · " + section }
        return s
    }

    /// `file:12` or `file:12-15`; pages as `manual.pdf p. 4` or `manual.pdf pp. 4–5`;
    /// paragraphs as `report.docx ¶ 12` or `¶¶ 12–14`; chapters as `book.epub ch. 3` or `chs. 3–4`.
    public var location: String { location(file: file) }

    /// `location` with the file written as `path`.
    public func location(file path: String) -> String {
        let file = path
        switch unit {
        case .lines: return file + ":" + (lines.count == 1 ? "\(lines.lowerBound)" : "\(lines.lowerBound)-\(lines.upperBound)")
        case .pages: return file + (lines.count == 1 ? " p. \(lines.lowerBound)" : " pp. \(lines.lowerBound)\u{2013}\(lines.upperBound)")
        case .paragraphs:
            return file
                + (lines.count == 1 ? " \u{B6} \(lines.lowerBound)" : " \u{B6}\u{B6} \(lines.lowerBound)\u{2013}\(lines.upperBound)")
        case .chapters:
            return file + (lines.count == 1 ? " ch. \(lines.lowerBound)" : " chs. \(lines.lowerBound)\u{2013}\(lines.upperBound)")
        }
    }
}
