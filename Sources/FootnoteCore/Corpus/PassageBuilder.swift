/// Groups a document's blocks into passages under their section headings.
///
/// - A heading opens a section; the section path is the stack of open headings.
/// - Each paragraph is a passage. A list joins the paragraph just before it in
///   the same section ("Examples include:" followed by bullets), and
///   consecutive lists join each other.
/// - A passage longer than `maxPassageBytes` is cut, at sentence boundaries,
///   into windows of at most `windowBytes` (a sentence longer than that is a
///   window of its own), so that a long paragraph does not drown its own
///   best sentences.
public struct PassageBuilder: Sendable, Equatable {
    public var maxPassageBytes: Int
    public var windowBytes: Int

    public init(maxPassageBytes: Int = 1_500, windowBytes: Int = 800) {
        self.maxPassageBytes = maxPassageBytes
        self.windowBytes = windowBytes
    }

    /// - Parameters:
    ///   - blocks: the document's blocks in order.
    ///   - file: the file's bytes (to cut verbatim passages and count lines).
    ///   - document: the document's index, stored in each passage.
    public func passages(from blocks: [Block], file: [UInt8], document: Int) -> [Passage] {
        var headings: [(level: Int, text: String)] = []
        var groups: [[Block]] = []
        var groupSection: [[String]] = []
        var lastWasBody = false

        for block in blocks {
            switch block.kind {
            case .heading(let level):
                headings.removeAll { $0.level >= level }
                headings.append((level, block.text))
                lastWasBody = false
            case .paragraph:
                groups.append([block])
                groupSection.append(headings.map(\.text))
                lastWasBody = true
            case .list:
                if lastWasBody, var last = groups.popLast() {
                    last.append(block)
                    groups.append(last)
                } else {
                    groups.append([block])
                    groupSection.append(headings.map(\.text))
                }
                lastWasBody = true
            }
        }

        var lineIndex: LineIndex?
        var out: [Passage] = []
        for (group, section) in zip(groups, groupSection) {
            let first = group[0], last = group[group.count - 1]
            let verbatim = group.allSatisfy(\.isVerbatim)
            let text = verbatim
                ? String(decoding: file[first.bytes.lowerBound..<last.bytes.upperBound], as: UTF8.self)
                : group.map(\.text).joined(separator: "\n")
            let bytes = first.bytes.lowerBound..<last.bytes.upperBound
            let lines = first.lines.lowerBound...last.lines.upperBound
            if text.utf8.count <= maxPassageBytes {
                out.append(Passage(document: document, section: section, text: text, lines: lines, bytes: bytes, isVerbatim: verbatim))
                continue
            }
            if verbatim && lineIndex == nil { lineIndex = LineIndex(file) }
            for window in windows(of: text) {
                let windowText = String(decoding: Array(text.utf8)[window], as: UTF8.self)
                if verbatim, let index = lineIndex {
                    let start = bytes.lowerBound + window.lowerBound
                    let end = bytes.lowerBound + window.upperBound
                    out.append(Passage(document: document, section: section, text: windowText,
                                       lines: index.line(of: start)...index.line(of: max(start, end - 1)),
                                       bytes: start..<end, isVerbatim: true))
                } else {
                    out.append(Passage(document: document, section: section, text: windowText, lines: lines, bytes: bytes))
                }
            }
        }
        return out
    }

    /// Byte ranges of consecutive sentence windows of at most `windowBytes`.
    func windows(of text: String) -> [Range<Int>] {
        let sentences = SentenceSplitter.sentences(in: text)
        var out: [Range<Int>] = []
        var current: Range<Int>?
        for s in sentences {
            if let c = current, s.upperBound - c.lowerBound <= windowBytes {
                current = c.lowerBound..<s.upperBound
            } else {
                if let c = current { out.append(c) }
                current = s
            }
        }
        if let c = current { out.append(c) }
        return out
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
