import Foundation

/// Turns a text file's bytes into UTF-8, the text passages are cut from.
///
/// In order: a UTF-16 byte-order mark means UTF-16 (transcoded); a NUL byte
/// means binary; a UTF-8 byte-order mark is passed over; valid UTF-8 is the
/// text as it is. Invalid UTF-8 is read as Windows-1252 (a superset of
/// Latin-1) when that is plausible (`windows1252`), so `Café` rather than
/// `Caf�`; else, in a format that is known to be text, decoded with
/// replacement characters and a caveat; in a file of unknown format, not text.
public enum TextDecoding {
    public enum Outcome: Equatable {
        case text([UInt8], caveat: String?, encoding: TextEncoding)
        /// NUL bytes: not text.
        case binary
        /// Invalid UTF-8 (and not plausible Windows-1252) in a file whose
        /// format does not say it is text.
        case notText
        case invalidUTF16
    }

    /// - Parameter strict: the format does not vouch for text (an unknown
    ///   extension): invalid UTF-8 that is not plausible Windows-1252 is `notText`.
    public static func decode(_ bytes: [UInt8], strict: Bool) -> Outcome {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            guard let s = String(data: Data(bytes), encoding: .utf16) else { return .invalidUTF16 }
            return .text(Array(s.utf8), caveat: nil, encoding: .transcoded)
        }
        if bytes.contains(0) { return .binary }
        var body = bytes
        let hasMark = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hasMark { body.removeFirst(3) }
        if body.withUnsafeBufferPointer(isValidUTF8) {
            return .text(body, caveat: nil, encoding: hasMark ? .utf8AfterByteOrderMark : .utf8)
        }
        if let decoded = windows1252(body) { return .text(decoded, caveat: nil, encoding: .transcoded) }
        if strict { return .notText }
        return .text(
            Array(String(decoding: body, as: UTF8.self).utf8), caveat: "invalid UTF-8, decoded with replacement characters",
            encoding: .transcoded)
    }

    /// `bytes` read as Windows-1252, in UTF-8; nil when that is not plausible:
    /// when any byte sequence is valid multi-byte UTF-8 (a UTF-8 file with a
    /// few damaged bytes, which 1252 would turn to `Ã©`), when a byte is one
    /// 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), when a control
    /// character other than tab, line and page breaks occurs, or when more than
    /// a quarter of the bytes are above ASCII (text in a Latin script has a
    /// few percent).
    static func windows1252(_ bytes: [UInt8]) -> [UInt8]? {
        var high = 0
        let plausible = bytes.withUnsafeBufferPointer { b -> Bool in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x20 {
                    guard c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C else { return false }
                } else if c == 0x7F {
                    return false
                } else if c >= 0x80 {
                    if c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D { return false }
                    if c >= 0xC2, decodeScalar(b, at: i) != nil { return false }
                    high += 1
                }
                i += 1
            }
            return true
        }
        guard plausible, high * 4 <= bytes.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + high * 2)
        for c in bytes {
            if c < 0x80 { out.append(c); continue }
            let scalar = c >= 0xA0 ? UInt32(c) : UInt32(windows1252High[Int(c) - 0x80])
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        }
        return out
    }

    /// Windows-1252's characters for 0x80–0x9F (its five undefined bytes are
    /// never decoded: `windows1252` refuses them first).
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
