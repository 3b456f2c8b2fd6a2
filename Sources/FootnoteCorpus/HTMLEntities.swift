/// Decodes HTML character references (`&amp;`, `&#233;`, `&#xE9;`) read from UTF-8 bytes.
///
/// Named references come from the HTML 4 table (the 252 names every browser has
/// always known: Latin-1, typography, arrows, maths, Greek) plus `&apos;`. Names
/// are case-sensitive (`&Eacute;` is not `&eacute;`) and need their `;`.
/// Numeric references follow the HTML standard's "numeric character reference
/// end state": the `;` is optional, 0, surrogates and values above U+10FFFF
/// become U+FFFD, and 0x80–0x9F are read as Windows-1252 (`&#150;` is "–").
///
/// Lookups never build a `String`: a name of up to 10 letters and digits packs
/// into 6 bits per byte of a `UInt64` key.
enum HTMLEntities {
    /// The scalar the reference starting at `start` stands for, and the index just past it.
    ///
    /// `input[start]` must be `&`. Returns `nil` when the bytes are not a known
    /// reference (`&bogus;`, `&amp` without `;`, `&#;`); the caller then keeps the
    /// `&` as literal text and carries on after it.
    /// - Complexity: O(length of the reference); a named reference reads at most 12 bytes.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> (scalar: UInt32, end: Int)? {
        let n = input.count
        var j = start + 1
        guard j < n else { return nil }
        if input[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < n && (input[j] | 0x20) == UInt8(ascii: "x")
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < n {
                let b = input[j]
                let digit: UInt32
                if b &- UInt8(ascii: "0") < 10 {
                    digit = UInt32(b &- UInt8(ascii: "0"))
                } else if hex, (b | 0x20) &- UInt8(ascii: "a") < 6 {
                    digit = UInt32((b | 0x20) &- UInt8(ascii: "a")) + 10
                } else {
                    break
                }
                // Saturate just above the Unicode range: any longer number is invalid anyway.
                value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < n && input[j] == UInt8(ascii: ";") { j += 1 }
            return (numericScalar(value), j)
        }
        var key: UInt64 = 0
        while j < n, j - start <= maxNameLength, let code = nameCode(input[j]) {
            key = key << 6 | code
            j += 1
        }
        guard j > start + 1, j < n, input[j] == UInt8(ascii: ";"), let scalar = named[key] else { return nil }
        return (scalar, j + 1)
    }

    /// Appends the UTF-8 encoding of `scalar` (a valid Unicode scalar value) to `out`.
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x1_0000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The scalar a numeric reference yields, after the HTML standard's replacements.
    static func numericScalar(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x11_0000...: return 0xFFFD
        case 0x80...0x9F: return windows1252[Int(value - 0x80)]
        default: return value
        }
    }

    private static let maxNameLength = 10

    /// 1–26 for a–z, 27–52 for A–Z, 53–62 for 0–9; `nil` ends a name.
    @inline(__always)
    private static func nameCode(_ b: UInt8) -> UInt64? {
        if b &- UInt8(ascii: "a") < 26 { return UInt64(b &- UInt8(ascii: "a")) + 1 }
        if b &- UInt8(ascii: "A") < 26 { return UInt64(b &- UInt8(ascii: "A")) + 27 }
        if b &- UInt8(ascii: "0") < 10 { return UInt64(b &- UInt8(ascii: "0")) + 53 }
        return nil
    }

    private static func key(_ name: String) -> UInt64 {
        name.utf8.reduce(0) { $0 << 6 | nameCode($1)! }
    }

    /// Code points 0x80–0x9F as Windows-1252 reads them (HTML maps `&#128;` to "€").
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// HTML 4's Latin-1 names, in code point order from U+00A0.
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
        deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
        Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
        agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
        eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    /// HTML 4's Greek names, from U+0391 (capitals, with the unused U+03A2 skipped) and U+03B1.
    private static let greekCapitals =
        "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho"
        + " - Sigma Tau Upsilon Phi Chi Psi Omega"
    private static let greekSmall =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho"
        + " sigmaf sigma tau upsilon phi chi psi omega"

    private static let others: [(String, UInt32)] = [
        ("quot", 0x22), ("amp", 0x26), ("apos", 0x27), ("lt", 0x3C), ("gt", 0x3E),
        ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160), ("scaron", 0x161), ("Yuml", 0x178),
        ("fnof", 0x192), ("circ", 0x2C6), ("tilde", 0x2DC),
        ("thetasym", 0x3D1), ("upsih", 0x3D2), ("piv", 0x3D6),
        ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009), ("zwnj", 0x200C), ("zwj", 0x200D),
        ("lrm", 0x200E), ("rlm", 0x200F), ("ndash", 0x2013), ("mdash", 0x2014),
        ("lsquo", 0x2018), ("rsquo", 0x2019), ("sbquo", 0x201A),
        ("ldquo", 0x201C), ("rdquo", 0x201D), ("bdquo", 0x201E),
        ("dagger", 0x2020), ("Dagger", 0x2021), ("bull", 0x2022), ("hellip", 0x2026),
        ("permil", 0x2030), ("prime", 0x2032), ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A),
        ("oline", 0x203E), ("frasl", 0x2044), ("euro", 0x20AC),
        ("image", 0x2111), ("weierp", 0x2118), ("real", 0x211C), ("trade", 0x2122), ("alefsym", 0x2135),
        ("larr", 0x2190), ("uarr", 0x2191), ("rarr", 0x2192), ("darr", 0x2193), ("harr", 0x2194),
        ("crarr", 0x21B5), ("lArr", 0x21D0), ("uArr", 0x21D1), ("rArr", 0x21D2), ("dArr", 0x21D3), ("hArr", 0x21D4),
        ("forall", 0x2200), ("part", 0x2202), ("exist", 0x2203), ("empty", 0x2205), ("nabla", 0x2207),
        ("isin", 0x2208), ("notin", 0x2209), ("ni", 0x220B), ("prod", 0x220F), ("sum", 0x2211),
        ("minus", 0x2212), ("lowast", 0x2217), ("radic", 0x221A), ("prop", 0x221D), ("infin", 0x221E),
        ("ang", 0x2220), ("and", 0x2227), ("or", 0x2228), ("cap", 0x2229), ("cup", 0x222A), ("int", 0x222B),
        ("there4", 0x2234), ("sim", 0x223C), ("cong", 0x2245), ("asymp", 0x2248), ("ne", 0x2260),
        ("equiv", 0x2261), ("le", 0x2264), ("ge", 0x2265), ("sub", 0x2282), ("sup", 0x2283),
        ("nsub", 0x2284), ("sube", 0x2286), ("supe", 0x2287), ("oplus", 0x2295), ("otimes", 0x2297),
        ("perp", 0x22A5), ("sdot", 0x22C5), ("lceil", 0x2308), ("rceil", 0x2309),
        ("lfloor", 0x230A), ("rfloor", 0x230B), ("lang", 0x27E8), ("rang", 0x27E9), ("loz", 0x25CA),
        ("spades", 0x2660), ("clubs", 0x2663), ("hearts", 0x2665), ("diams", 0x2666),
    ]

    /// Every known name, keyed by its packed bytes.
    private static let named: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        func add(_ names: String, from first: UInt32) {
            for (offset, name) in names.split(separator: " ").enumerated() where name != "-" {
                table[key(String(name))] = first + UInt32(offset)
            }
        }
        add(latin1Names, from: 0xA0)
        add(greekCapitals, from: 0x391)
        add(greekSmall, from: 0x3B1)
        for (name, scalar) in others { table[key(name)] = scalar }
        return table
    }()

    /// Number of named references known (for tests).
    static var namedCount: Int { named.count }
}
