/// Splits running text into sentences, working directly on UTF-8 bytes.
///
/// Excerpts quote the one to three best sentences of a passage, so the splitter
/// returns byte ranges (not `String`s): offsets survive into citations unchanged.
/// "Whitespace" below means the ASCII whitespace bytes (space, tab, LF, VT, FF, CR).
///
/// **Where a sentence ends**
/// - At `.`, `!` or `?`, optionally followed by closing quotes or brackets
///   (`"` `'` `”` `’` `)` `]`), when what follows is whitespace and then an
///   uppercase letter, a digit, an opening quote or bracket (`"` `'` `“` `‘` `(`
///   `[` `«` `¿` `¡`), a bullet marker, or the end of the text. The closers
///   belong to the sentence they close.
/// - At an ellipsis (`…`, or `..` / `...` ending in the period) only when
///   whitespace and an *uppercase letter* follow; `...` before lowercase does not end.
/// - At a blank line (two line feeds with only spaces, tabs or CRs between).
/// - Before a line whose first non-blank bytes are a bullet marker: each item is
///   its own sentence, and so a line ending in `:` that introduces a list ends
///   there. A wrapped item stays one sentence (its continuation lines do not start
///   with a marker). No other line break splits: a heading-like line without
///   terminal punctuation runs into the next line. Bullet markers are `•` `‣` `◦`,
///   or `-` `*` `+` `–`, `1.`…`999.`, `1)`, `a)` followed by a space or tab; a
///   marker's own punctuation (`1.`) never ends the sentence it opens.
///
/// **Where a period does not end a sentence**
/// - Inside a token: decimals (`3.14`, `v2.0`), URLs and file names
///   (`example.com`, `file.txt`) have no whitespace after the dot.
/// - After an abbreviation, compared case-insensitively: Mr Mrs Ms Dr Prof Sr Jr
///   St vs etc cf al Fig(s) Eq(s) Vol(s) pp Inc Ltd Co Corp approx dept est, and
///   `e.g.` `i.e.` `U.S.` `U.K.` `Ph.D.`. Month abbreviations (Jan Feb Mar Apr Jun
///   Jul Aug Sep Sept Oct Nov Dec) only when capitalised; `No.`/`Nos.` only before
///   a digit (`No. 5`), since "no." is usually the word. So `etc.` ends a sentence
///   only by the line rules or the end of the text (blank line, bullet line, EOF).
///   `a.m.`/`p.m.` only when a time zone does not follow ("8 p.m. ET").
/// - After an initial: a single uppercase letter (`J. R. R. Tolkien`, `É. Zola`)
///   or dotted uppercase letters (`J.R.R.`). The pronoun `I.` is not an initial.
///
/// Every returned range is non-empty, trimmed of surrounding whitespace and lies
/// after the previous one; together they cover every non-whitespace byte.
///
/// - Complexity: O(*n*) in the byte count. Look-ahead past a terminator scans
///   only closers and whitespace, look-behind for abbreviations is capped at a
///   few bytes, and a 10 MB text without punctuation is one pass of byte compares.
public enum SentenceSplitter {
    /// Byte ranges of the sentences of `text` (UTF-8 bytes), in order, each trimmed of
    /// surrounding whitespace, non-empty, non-overlapping; together they cover every
    /// non-whitespace byte of the text. `text` is read during the call only.
    public static func sentences(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = text.count
        var result: [Range<Int>] = []
        var start: Int? = nil  // first byte of the open sentence
        var lastNonSpace = 0  // one past the last non-whitespace byte seen
        var i = 0
        while i < n {
            let byte = text[i]
            if ASCIIWhitespace.contains(byte) {
                if byte == Byte.lf, let open = start, lineBreakEndsSentence(text, newlineAt: i) {
                    result.append(open..<lastNonSpace)
                    start = nil
                }
                i += 1
                continue
            }
            if start == nil {
                start = i
                // A list marker ("1.", "a)", "-") opens the sentence; its own
                // punctuation must not close it.
                let marker = ListMarker.length(in: text, at: i)
                if marker > 0 {
                    i += marker
                    lastNonSpace = i
                    continue
                }
            }
            switch byte {
            case Byte.period, Byte.exclamation, Byte.question:
                let end = skipClosers(text, from: i + 1)
                if terminatorEndsSentence(text, at: i, closersEnd: end), let open = start {
                    result.append(open..<end)
                    start = nil
                    i = end
                    continue
                }
            case 0xE2 where i + 2 < n && text[i + 1] == 0x80 && text[i + 2] == 0xA6:  // …
                let end = skipClosers(text, from: i + 3)
                if let next = nextNonSpace(text, from: end), isUppercase(text, at: next),
                    let open = start
                {
                    result.append(open..<end)
                    start = nil
                    i = end
                    continue
                }
                lastNonSpace = i + 3
                i += 3
                continue
            default:
                break
            }
            lastNonSpace = i + 1
            i += 1
        }
        if let open = start {
            result.append(open..<lastNonSpace)
        }
        return result
    }

    /// Convenience over `sentences(in:)`: byte offsets into `text.utf8`.
    public static func sentences(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { sentences(in: $0) }
    }
}

// MARK: - Decisions

extension SentenceSplitter {
    /// Whether the `.`, `!` or `?` at `index` (closers running to `closersEnd`) ends a sentence.
    private static func terminatorEndsSentence(
        _ text: UnsafeBufferPointer<UInt8>, at index: Int, closersEnd: Int
    ) -> Bool {
        guard closersEnd < text.count else { return true }
        guard ASCIIWhitespace.contains(text[closersEnd]) else { return false }
        guard let next = nextNonSpace(text, from: closersEnd) else { return true }
        let terminator = text[index]
        if terminator == Byte.period, index > 0, text[index - 1] == Byte.period {
            return isUppercase(text, at: next)  // "..." / ".."
        }
        guard canStartSentence(text, at: next) else { return false }
        return terminator != Byte.period || !isAbbreviation(text, periodAt: index, nextAt: next)
    }

    /// Whether the line feed at `index` is followed by a blank line or a bullet line.
    private static func lineBreakEndsSentence(_ text: UnsafeBufferPointer<UInt8>, newlineAt index: Int) -> Bool {
        var j = index + 1
        while j < text.count, text[j] == Byte.space || text[j] == Byte.tab || text[j] == Byte.cr { j += 1 }
        guard j < text.count else { return false }  // trailing whitespace: the text's end closes
        return text[j] == Byte.lf || ListMarker.length(in: text, at: j) > 0
    }

    /// Uppercase letter, digit, opening quote or bracket, or bullet marker.
    private static func canStartSentence(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            Byte.doubleQuote, Byte.apostrophe, UInt8(ascii: "("), UInt8(ascii: "["):
            return true
        case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80:
            if text[index + 2] == 0x9C || text[index + 2] == 0x98 { return true }  // “ ‘
        case 0xC2 where index + 1 < text.count:
            let second = text[index + 1]
            if second == 0xAB || second == 0xBF || second == 0xA1 { return true }  // « ¿ ¡
        default:
            break
        }
        return ListMarker.length(in: text, at: index) > 0 || isUppercase(text, at: index)
    }

    /// Whether the period at `index` closes an abbreviation or an initial. `next` is
    /// the first non-whitespace byte after it (some abbreviations depend on it).
    private static func isAbbreviation(_ text: UnsafeBufferPointer<UInt8>, periodAt index: Int, nextAt next: Int) -> Bool {
        // The token: ASCII letters and dots immediately before the period.
        var s = index
        while s > 0, index - s <= maxTokenLength, isASCIILetter(text[s - 1]) || text[s - 1] == Byte.period {
            s -= 1
        }
        if s == index {
            return isNonASCIIInitial(text, endingAt: index)
        }
        if index - s > maxTokenLength { return false }
        if s > 0 {
            let before = text[s - 1]
            // Part of a longer word or number ("1st.", "naïve."): not an abbreviation.
            if before >= 0x80 || (before >= UInt8(ascii: "0") && before <= UInt8(ascii: "9")) { return false }
        }
        let token = UnsafeBufferPointer(rebasing: text[s..<index])
        if isDottedInitials(token) { return true }
        let key = packedLowercase(token)
        if alwaysAbbreviations.contains(key) { return true }
        if monthAbbreviations.contains(key) { return isASCIIUppercase(token[0]) }
        if numberAbbreviations.contains(key) {
            return text[next] >= UInt8(ascii: "0") && text[next] <= UInt8(ascii: "9")
        }
        if timeAbbreviations.contains(key) { return isTimeZone(text, at: next) }
        return false
    }

    /// `a.m.` and `p.m.`: an abbreviation before a time zone ("8 p.m. ET").
    private static let timeAbbreviations = keys(["a.m", "p.m"])

    /// Whether a time zone's letters start at `index`: 2 to 4 uppercase ASCII
    /// letters (ET, EST, UTC, AEST) and then no letter.
    private static func isTimeZone(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var end = index
        while end < text.count, isASCIIUppercase(text[end]) { end += 1 }
        return (2...4).contains(end - index) && (end == text.count || !isASCIILetter(text[end]))
    }

    /// "J", "U.S", "J.R.R": uppercase letters, one at a time, separated by dots;
    /// the pronoun "I" alone is excluded.
    private static func isDottedInitials(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.count == 1 { return isASCIIUppercase(token[0]) && token[0] != UInt8(ascii: "I") }
        guard token.count % 2 == 1 else { return false }
        for (offset, byte) in token.enumerated() {
            let ok = offset % 2 == 0 ? isASCIIUppercase(byte) : byte == Byte.period
            if !ok { return false }
        }
        return true
    }

    /// A single non-ASCII uppercase letter ("É") standing alone before the period at `end`.
    private static func isNonASCIIInitial(_ text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
        var s = end - 1
        while s >= 0, end - s <= 4, text[s] & 0xC0 == 0x80 { s -= 1 }
        guard s >= 0, text[s] >= 0xC0 else { return false }
        guard s == 0 || ASCIIWhitespace.contains(text[s - 1]) || (text[s - 1] < 0x80 && !isASCIILetter(text[s - 1])) else {
            return false
        }
        guard let (scalar, length) = decodeScalar(text, at: s), s + length == end else { return false }
        return scalar.properties.isUppercase
    }
}

// MARK: - Byte-level helpers

extension SentenceSplitter {
    private static let maxTokenLength = 8

    /// Lower-cased ASCII bytes of a token of at most 8 bytes, packed big-endian.
    private static func packedLowercase(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for byte in token { key = key << 8 | UInt64(isASCIIUppercase(byte) ? byte | 0x20 : byte) }
        return key
    }

    private static func keys(_ words: [String]) -> Set<UInt64> {
        Set(words.map { word in Array(word.utf8).withUnsafeBufferPointer { packedLowercase($0) } })
    }

    private static let alwaysAbbreviations = keys([
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "cf", "al",
        "fig", "figs", "eq", "eqs", "vol", "vols", "pp", "inc", "ltd", "co", "corp",
        "approx", "dept", "est", "e.g", "i.e", "u.s", "u.k", "ph.d",
    ])
    private static let monthAbbreviations = keys([
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])
    private static let numberAbbreviations = keys(["no", "nos"])

    /// Index just past any closing quotes and brackets starting at `index`.
    private static func skipClosers(_ text: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var j = index
        while j < text.count {
            switch text[j] {
            case Byte.doubleQuote, Byte.apostrophe, UInt8(ascii: ")"), UInt8(ascii: "]"):
                j += 1
            case 0xE2
            where j + 2 < text.count && text[j + 1] == 0x80
                && (text[j + 2] == 0x9D || text[j + 2] == 0x99):  // ” ’
                j += 3
            default:
                return j
            }
        }
        return j
    }

    private static func nextNonSpace(_ text: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var j = index
        while j < text.count, ASCIIWhitespace.contains(text[j]) { j += 1 }
        return j < text.count ? j : nil
    }

    /// Uppercase letter at `index`: ASCII fast path, else the decoded scalar's property.
    private static func isUppercase(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        if byte < 0x80 { return isASCIIUppercase(byte) }
        return decodeScalar(text, at: index)?.scalar.properties.isUppercase ?? false
    }

    @inline(__always) private static func isASCIIUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
    @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}

extension SentenceSplitter {
    /// ASCII bytes the splitter tests for.
    private enum Byte {
        static let tab = UInt8(ascii: "\t")
        static let lf = UInt8(ascii: "\n")
        static let cr = UInt8(ascii: "\r")
        static let space = UInt8(ascii: " ")
        static let period = UInt8(ascii: ".")
        static let exclamation = UInt8(ascii: "!")
        static let question = UInt8(ascii: "?")
        static let doubleQuote = UInt8(ascii: "\"")
        static let apostrophe = UInt8(ascii: "'")
    }
}
