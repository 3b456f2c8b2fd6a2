import FootnoteAnalysis

/// The lines of a UTF-8 file and their grouping into blank-line-separated chunks:
/// the raw material of the plain-text, Markdown and reStructuredText parsers.
struct TextLines {
    /// One line: `start..<end` excludes the line terminator (`\n` or `\r\n`).
    struct Line {
        var start: Int
        var end: Int
        /// 1-based line number.
        var number: Int
    }

    let bytes: [UInt8]
    private(set) var lines: [Line] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        var number = 1
        bytes.withUnsafeBufferPointer { buf in
            for i in buf.indices where buf[i] == UInt8(ascii: "\n") {
                var end = i
                if end > start && buf[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lines.append(Line(start: start, end: end, number: number))
                start = i + 1
                number += 1
            }
            if start < buf.count {
                var end = buf.count
                if buf[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lines.append(Line(start: start, end: end, number: number))
            }
        }
    }

    func isBlank(_ line: Line) -> Bool {
        for i in line.start..<line.end {
            let b = bytes[i]
            if !ASCIIWhitespace.isWithinLine(b) { return false }
        }
        return true
    }

    /// The line's text with surrounding spaces trimmed.
    func trimmed(_ line: Line) -> Substring {
        let s = text(line)
        return s.trimmingWhitespace()
    }

    func text(_ line: Line) -> Substring {
        Substring(String(decoding: bytes[line.start..<line.end], as: UTF8.self))
    }

    /// Number of leading spaces (a tab counts as 4).
    func indent(_ line: Line) -> Int {
        var n = 0
        for i in line.start..<line.end {
            switch bytes[i] {
            case UInt8(ascii: " "): n += 1
            case UInt8(ascii: "\t"): n += 4
            default: return n
            }
        }
        return n
    }

    /// Maximal runs of non-blank lines, as index ranges into `lines`.
    func chunks() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = -1
        for (k, line) in lines.enumerated() {
            if isBlank(line) {
                if start >= 0 { out.append(start..<k); start = -1 }
            } else if start < 0 {
                start = k
            }
        }
        if start >= 0 { out.append(start..<lines.count) }
        return out
    }

    /// A verbatim block over lines `range` (the exact file bytes, markup included).
    func block(_ kind: Block.Kind, lines range: Range<Int>) -> Block {
        let first = lines[range.lowerBound], last = lines[range.upperBound - 1]
        return Block(
            kind: kind,
            text: String(decoding: bytes[first.start..<last.end], as: UTF8.self),
            lines: first.number...last.number,
            bytes: first.start..<last.end,
            isVerbatim: true)
    }

    /// A heading block whose text has been cleaned of markup.
    func heading(_ text: Substring, level: Int, lines range: Range<Int>) -> Block {
        let first = lines[range.lowerBound], last = lines[range.upperBound - 1]
        return Block(
            kind: .heading(level: level), text: String(text),
            lines: first.number...last.number, bytes: first.start..<last.end, isVerbatim: false)
    }

    /// True when the line starts (after indentation) with a list marker (`ListMarker`).
    func startsWithBullet(_ line: Line) -> Bool {
        bytes.withUnsafeBufferPointer { ListMarker.startsLine($0, line.start..<line.end) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    public func trimmingWhitespace() -> Substring {
        let s = self[...]
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return Substring() }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return Substring(s[first...last])
    }
}
