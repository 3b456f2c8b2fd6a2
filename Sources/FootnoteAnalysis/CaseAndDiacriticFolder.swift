import Foundation

/// Lowercases a term and folds diacritics and typographic apostrophes:
/// `Naïve` → `naive`, `Meta’s` → `meta's`, `Straße` → `strasse`.
///
/// ASCII terms take a table-free fast path (one pass, in place). Other terms are
/// lowercased per scalar (`Unicode.Scalar.Properties.lowercaseMapping`), put in
/// canonical decomposition (NFD) and stripped of combining marks; a few letters
/// with no decomposition are mapped by hand (ß, æ, œ, ø, ł, đ, ð, þ, ı).
public struct CaseAndDiacriticFolder: TokenFilter {
    public init() {}

    public mutating func apply(_ token: inout Token) -> Bool {
        var ascii = true
        token.term.withUnsafeMutableBufferPointer { bytes in
            for i in bytes.indices {
                let b = bytes[i]
                if b >= 0x80 { ascii = false; break }
                if b &- UInt8(ascii: "A") < 26 { bytes[i] = b | 0x20 }
            }
        }
        if !ascii { token.term = Array(Self.fold(String(decoding: token.term, as: UTF8.self)).utf8) }
        return !token.term.isEmpty
    }

    /// Folds any string the same way (used for non-ASCII terms).
    public static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if let mapped = special[lower.value] {
                    out.append(contentsOf: mapped.unicodeScalars)
                    continue
                }
                if lower.isASCII { out.append(lower); continue }
                for part in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars {
                    switch part.properties.generalCategory {
                    case .nonspacingMark, .spacingMark, .enclosingMark: continue
                    default: out.append(part)
                    }
                }
            }
        }
        return String(out)
    }

    private static let special: [UInt32: String] = [
        0x2019: "'", 0x2018: "'", 0x02BC: "'",
        0xDF: "ss", 0xE6: "ae", 0x153: "oe", 0xF8: "o", 0x142: "l",
        0x111: "d", 0xF0: "d", 0xFE: "th", 0x131: "i",
    ]
}
