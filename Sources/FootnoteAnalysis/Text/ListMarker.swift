/// List markers at the start of a line or sentence: the one definition the
/// passage parsers, the sentence splitter and the excerpt builder share.
public enum ListMarker {
    /// Length in bytes of the list marker at `index`, or 0: `•` `‣` `◦` (alone), or
    /// `-` `*` `+` `–`, one to three digits then `.` or `)`, or one ASCII letter then
    /// `)` — each of the latter followed by a space or tab.
    static func length(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let n = text.count
        func blank(_ j: Int) -> Bool { j < n && (text[j] == UInt8(ascii: " ") || text[j] == UInt8(ascii: "\t")) }
        let byte = text[index]
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return blank(index + 1) ? 1 : 0
        case 0xE2 where index + 2 < n:
            let (b1, b2) = (text[index + 1], text[index + 2])
            if b1 == 0x80, b2 == 0xA2 || b2 == 0xA3 { return 3 }  // • ‣
            if b1 == 0x97, b2 == 0xA6 { return 3 }  // ◦
            if b1 == 0x80, b2 == 0x93, blank(index + 3) { return 3 }  // –
            return 0
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var j = index + 1
            while j < n, j - index < 3, text[j] >= UInt8(ascii: "0"), text[j] <= UInt8(ascii: "9") { j += 1 }
            guard j < n, text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ")"), blank(j + 1) else { return 0 }
            return j + 1 - index
        default:
            guard (byte | 0x20) &- UInt8(ascii: "a") < 26, index + 1 < n, text[index + 1] == UInt8(ascii: ")"), blank(index + 2) else {
                return 0
            }
            return 2
        }
    }

    /// True when `text` is a list marker and nothing else (`•`, `-`, `1.`,
    /// `a)`): man2html's `<dt>&bull;</dt>`, which names no term.
    public static func isBare(_ text: [UInt8]) -> Bool {
        guard !text.isEmpty, text.count <= 4 else { return false }
        let spaced = text + [UInt8(ascii: " ")]
        return spaced.withUnsafeBufferPointer { length(in: $0, at: 0) == text.count }
    }

    /// True when `line` starts, after spaces and tabs, with a list marker.
    /// `line` must lie within `text`, which is read there only, during the call.
    public static func startsLine(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound && (text[i] == UInt8(ascii: " ") || text[i] == UInt8(ascii: "\t")) { i += 1 }
        return i < line.upperBound && length(in: UnsafeBufferPointer(rebasing: text[..<line.upperBound]), at: i) > 0
    }
}
