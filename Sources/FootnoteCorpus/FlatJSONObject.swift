import FootnoteAnalysis

/// Reads the fields of one JSON object on one line — the shape of a BEIR
/// `corpus.jsonl` or `queries.jsonl` line — straight from its UTF-8 bytes,
/// without building a Foundation object graph.
///
/// Strings (all escapes, `\u` surrogate pairs; a lone surrogate becomes
/// U+FFFD), numbers (kept as their text) and arrays of strings are read;
/// other values (nested objects, arrays of other things, `true`, `false`,
/// `null`) are checked for shape and skipped. Anything that is not one
/// well-formed object (trailing bytes, a raw control character in a string,
/// a missing `:` or `,`) gives nil.
/// - Complexity: O(n) in the line's length; nesting is tracked with a counter.
public struct FlatJSONObject {
    public enum Value: Equatable {
        case string(String)
        case number(String)
        case strings([String])
        case other
    }

    /// The fields in the order read (a line has a handful: a list beats hashing).
    private var pairs: [(key: String, value: Value)] = []

    /// The fields by name; of a key given twice, the last value.
    var fields: [String: Value] { Dictionary(pairs, uniquingKeysWith: { _, last in last }) }

    public init?(_ line: ArraySlice<UInt8>) {
        guard let object = line.withUnsafeBufferPointer({ FlatJSONObject($0[...]) }) else { return nil }
        self = object
    }

    /// The object on `line`, read in place.
    init?(_ line: Slice<UnsafeBufferPointer<UInt8>>) {
        var parser = Parser(bytes: line)
        guard let pairs = parser.object() else { return nil }
        parser.skipSpace()
        guard parser.atEnd else { return nil }
        self.pairs = pairs
    }

    /// The value of `key` (the last one when it is given twice), nil when absent.
    public subscript(key: String) -> Value? { pairs.last { $0.key == key }?.value }

    private struct Parser {
        let bytes: Slice<UnsafeBufferPointer<UInt8>>
        var i: Int

        init(bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            self.bytes = bytes
            i = bytes.startIndex
        }

        var atEnd: Bool { i >= bytes.endIndex }

        mutating func skipSpace() {
            while i < bytes.endIndex, ASCIIWhitespace.contains(bytes[i]) { i += 1 }
        }

        mutating func eat(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.endIndex, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func object() -> [(key: String, value: Value)]? {
            guard eat(UInt8(ascii: "{")) else { return nil }
            var fields: [(key: String, value: Value)] = []
            if eat(UInt8(ascii: "}")) { return fields }
            repeat {
                skipSpace()
                guard let key = string(), eat(UInt8(ascii: ":")), let v = value() else { return nil }
                fields.append((key, v))
            } while eat(UInt8(ascii: ","))
            return eat(UInt8(ascii: "}")) ? fields : nil
        }

        mutating func value() -> Value? {
            skipSpace()
            guard i < bytes.endIndex else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i < bytes.endIndex, "0123456789+-.eE".utf8.contains(bytes[i]) { i += 1 }
                return .number(String(decoding: bytes[start..<i], as: UTF8.self))
            case UInt8(ascii: "["):
                let start = i
                i += 1
                var strings: [String] = []
                if eat(UInt8(ascii: "]")) { return .strings([]) }
                repeat {
                    skipSpace()
                    guard i < bytes.endIndex else { return nil }
                    if bytes[i] == UInt8(ascii: "\""), let s = string() { strings.append(s); continue }
                    i = start
                    return skipComposite() ? .other : nil
                } while eat(UInt8(ascii: ","))
                return eat(UInt8(ascii: "]")) ? .strings(strings) : nil
            case UInt8(ascii: "{"):
                return skipComposite() ? .other : nil
            default:
                for word in ["true", "false", "null"] where bytes[i...].starts(with: word.utf8) {
                    i += word.utf8.count
                    return .other
                }
                return nil
            }
        }

        /// Skips a nested array or object, strings included.
        mutating func skipComposite() -> Bool {
            var depth = 0
            while i < bytes.endIndex {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { i += 1; return true }
                    if depth < 0 { return false }
                default: break
                }
                i += 1
            }
            return false
        }

        /// A string at `i` (which must be a quote), escapes decoded.
        mutating func string() -> String? {
            guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            var out: [UInt8] = []  // used from the first escape on
            var escaped = false
            var runStart = i
            while i < bytes.endIndex {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    defer { i += 1 }
                    if !escaped { return String(decoding: bytes[runStart..<i], as: UTF8.self) }
                    out.append(contentsOf: bytes[runStart..<i])
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                if b != UInt8(ascii: "\\") { i += 1; continue }
                escaped = true
                out.append(contentsOf: bytes[runStart..<i])
                guard i + 1 < bytes.endIndex else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var code = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(code), i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        let save = i
                        i += 2
                        if let low = hex4(), (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    out.append(contentsOf: String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
                default: return nil
                }
                runStart = i
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.endIndex else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = bytes[i + k]
                let d: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }
    }
}
