import FootnoteStorage
/// Makes untrusted text (corpus content, file names, questions) inert before it
/// reaches a terminal.
///
/// C0 controls (except the ones replaced by a space: tab, newline, carriage
/// return, form feed, vertical tab), DEL and C1 controls become Unicode
/// control pictures (ESC → `␛`) or `�`, so no escape sequence — CSI, OSC
/// (titles, clipboard, hyperlinks), DCS — can start; backspace cannot erase
/// what was printed. Bidirectional overrides and isolates (U+202A–202E,
/// U+2066–2069) and other invisible format controls that can reorder or hide
/// text are shown as `�`, and so are the bytes of a file name that are not UTF-8 (`RawPath`).
enum TerminalText {
    static func sanitize(_ text: String) -> String {
        var needs = false
        for s in text.unicodeScalars where isUnsafe(s) || s == "\t" || s == "\r" || s == "\n" { needs = true; break }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(contentsOf: replacement(s).unicodeScalars)
        }
        return String(out)
    }

    @inline(__always)
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || RawPath.isEscapedByte(s)
    }

    static func replacement(_ s: Unicode.Scalar) -> String {
        let v = s.value
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return " "
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + v)!)  // ␀ … ␟, ␛ for ESC
        case 0x7F: return "␡"
        default: return isUnsafe(s) ? "\u{FFFD}" : String(s)
        }
    }
}
