/// Reads man pages (roff source with the man(7) macros, and the headings of
/// mdoc(7)) into blocks, as `man` would show them.
///
/// - `.TH title section` is the page's heading, cited as `git-commit(1)` (an
///   all-capital title lowercased, as `man` pages are named); `.SH` its
///   sections (`NAME`, `SYNOPSIS`, `OPTIONS`) and `.SS` their subsections.
///   mdoc's `.Dt`, `.Sh` and `.Ss` are read the same.
/// - `.PP`, `.LP`, `.P`, `.sp` and blank lines end a paragraph; `.TP` makes
///   its next line a term (an option) whose description follows; `.IP tag`
///   does the same with its argument, and so does a line standing alone
///   before an indented description (`.RS`: DocBook's `.PP \-a, \-\-all .RS 4`).
/// - Font macros (`.B`, `.I`, `.BR`, `.IR`, …) give their arguments as text
///   (the alternating ones joined without spaces, as they are set); escapes
///   are read as the characters they stand for (`\-`, `\(em`, `\(lq`,
///   `\[rq]`, `\e`) and font changes (`\fB`, `\f(CW`, `\f[I]`) dropped.
/// - Comments (`.\"`, `\"`), macro definitions (`.de` … `..`), conditionals
///   and every other request (`.nr`, `.ds`, `.so`, `.in`) give no text.
/// - In no-fill mode (`.nf` … `.fi`, `.EX` … `.EE`) lines keep their breaks.
///
/// A file whose opening lines hold no roff request (a rotated log named
/// `syslog.1`) is plain text (`PlainTextParser`). Blocks are derived text
/// (`isVerbatim` false), citing their source lines, with a source mark at
/// each line so that windows of a long paragraph cite their own lines.
struct ManPageParser {
    /// Whether `bytes` read as roff: a request in its first 30 lines.
    static func looksLikeRoff(_ bytes: [UInt8]) -> Bool {
        let text = TextLines(bytes)
        for line in text.lines.prefix(30) where line.end - line.start >= 3 {
            let b = bytes[line.start]
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "'") else { continue }
            let name = String(decoding: bytes[(line.start + 1)..<min(line.end, line.start + 3)], as: UTF8.self)
            if ["\\\"", "TH", "SH", "Dd", "Dt", "Sh", "so", "de", "ig"].contains(name) { return true }
        }
        return false
    }

    /// The most words a line alone before an indented description (`.RS`) has to be read as its term.
    static let longestIndentedTerm = 12

    static func parse(_ bytes: [UInt8]) -> [Block] {
        guard looksLikeRoff(bytes) else { return PlainTextParser.parse(bytes) }
        var reader = ManPageReader(text: TextLines(bytes))
        reader.run()
        return reader.blocks
    }
}

extension ManPageParser: DocumentParser {
    var format: DocumentFormat { .manPage }
    var extensions: [String] { ["man"] }
    /// `1` to `9` with an optional suffix of up to four letters (`3pm`, `1ssl`, `8x`, `n`).
    func claims(extension ext: String) -> Bool {
        if ext == "man" || ext == "n" || ext == "l" { return true }
        guard let first = ext.first, ("1"..."9").contains(first), ext.count <= 5 else { return false }
        return ext.dropFirst().allSatisfy { $0.isLetter && $0.isASCII }
    }
    var titleTakesNameLine: Bool { false }
    func parse(_ bytes: [UInt8]) -> DocumentParse { .blocks(Self.parse(bytes)) }
}

extension DocumentFormat {
    /// A man page: roff with the man(7) or mdoc(7) macros.
    public static let manPage = DocumentFormat(rawValue: "man")
}

/// One pass over a man page's lines, making blocks as `ManPageParser` says.
struct ManPageReader {
    let text: TextLines
    var bytes: [UInt8] { text.bytes }
    var blocks: [Block] = []

    /// The text being gathered, and where its lines are.
    private var pending: [UInt8] = []
    private var marks: [Block.SourceMark] = []
    private var firstLine: TextLines.Line?
    private var lastLine: TextLines.Line?
    private var pendingKind: Block.Kind = .paragraph
    private var fill = true
    /// The next text line is a `.TP` tag.
    private var tagNext = false
    /// Inside a macro definition (`.de` … `..`) or an ignored block (`.ig`): no text.
    private var skipUntilDots = false

    init(text: TextLines) { self.text = text }

    mutating func run() {
        for line in text.lines {
            let raw = Array(bytes[line.start..<line.end])
            if skipUntilDots {
                if raw.starts(with: Array("..".utf8)) { skipUntilDots = false }
                continue
            }
            if let first = raw.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "'") {
                request(raw, line: line)
            } else if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if fill { flush() } else { add(Array(), line: line, breakBefore: true) }
            } else {
                add(Self.unescape(raw[...]), line: line, breakBefore: !fill)
            }
        }
        flush()
    }

    /// A request or macro line.
    private mutating func request(_ raw: [UInt8], line: TextLines.Line) {
        var i = 1
        while i < raw.count && (raw[i] == 0x20 || raw[i] == 0x09) { i += 1 }
        let nameStart = i
        while i < raw.count && raw[i] != 0x20 && raw[i] != 0x09 { i += 1 }
        let name = String(decoding: raw[nameStart..<i], as: UTF8.self)
        let rest = raw[i...]
        if name.hasPrefix("\\\"") || name.isEmpty { return }  // a comment, or a lone dot
        switch name {
        case "TH", "Dt":
            flush()
            let args = Self.arguments(rest).map { String(decoding: Self.unescape(ArraySlice($0.utf8)), as: UTF8.self) }
            guard let title = args.first, !title.isEmpty else { return }
            let named = title.allSatisfy { !$0.isLowercase } ? title.lowercased() : title
            heading(args.count > 1 ? "\(named)(\(args[1]))" : named, level: 1, line: line)
        case "SH", "Sh", "SS", "Ss":
            flush()
            let level = name.lowercased() == "sh" ? 2 : 3
            let title = String(decoding: Self.unescape(ArraySlice(Self.arguments(rest).joined(separator: " ").utf8)), as: UTF8.self)
            if title.isEmpty { pendingHeading = level } else { heading(title, level: level, line: line) }
        case "PP", "LP", "P", "sp", "Pp", "Lp", "HP":
            flush()
        case "RS":
            // DocBook's man pages set an option as `.PP`, its name alone on a line, then its description indented (`.RS 4`).
            if pendingKind == .paragraph && marks.count == 1 && !pending.contains(0x0A)
                && pending.split(separator: 0x20).count <= ManPageParser.longestIndentedTerm
            {
                pendingKind = .term
            }
            flush()
        case "br":
            if !pending.isEmpty { pending.append(0x0A) }
        case "TP":
            flush()
            tagNext = true
        case "IP":
            flush()
            let args = Self.arguments(rest)
            if let tag = args.first, !tag.isEmpty {
                pendingKind = .term
                add(Self.unescape(ArraySlice(tag.utf8)), line: line, breakBefore: false)
                flush()
            }
        case "nf", "EX", "Bd":
            flush()
            fill = false
        case "fi", "EE", "Ed":
            flush()
            fill = true
        case "de", "de1", "am", "ig":
            skipUntilDots = true
        case "B", "I", "SM", "SB":
            let args = Self.arguments(rest)
            guard !args.isEmpty else { return }
            add(Self.unescape(ArraySlice(args.joined(separator: " ").utf8)), line: line, breakBefore: !fill)
        case _ where Self.mdocTextMacros.contains(name):
            // mdoc: the words of the line, its callable macro names read (`Fl w` is `-w`, `Xr ssh 1` is `ssh(1)`).
            var words = Self.mdocWords(name, Self.arguments(rest))
            if name == "Nm" {
                if words.isEmpty, let page = pageName {
                    words = [page]
                } else if pageName == nil, let first = words.first {
                    pageName = first
                }
            }
            guard !words.isEmpty else { return }
            let text = Self.unescape(ArraySlice(words.joined(separator: " ").utf8))
            if name == "It" {
                flush()
                pendingKind = .term
                add(text, line: line, breakBefore: false)
                flush()
                return
            }
            add(text, line: line, breakBefore: !fill)
        case "BR", "RB", "BI", "IB", "IR", "RI":
            // Alternating fonts: the arguments set next to each other.
            let args = Self.arguments(rest)
            guard !args.isEmpty else { return }
            add(Self.unescape(ArraySlice(args.joined().utf8)), line: line, breakBefore: !fill)
        default:
            return  // a request with no text of its own (.RS, .RE, .in, .nr, .ds, .so, .ie, .if, .el, .ft, .ad, .na, .hy, .ne, .PD, …)
        }
    }

    /// An `.SH` with no title takes the next text line as its title.
    private var pendingHeading: Int?
    /// mdoc's `.Nm` name, which a later `.Nm` without arguments stands for.
    private var pageName: String?

    /// mdoc macros whose arguments are text.
    static let mdocTextMacros: Set<String> = [
        "Nm", "Nd", "Ar", "Fl", "Cm", "Pa", "Em", "Sy", "Li", "Xr", "Op", "Dq", "Ql", "Qq", "Sq", "Va", "Ev", "It", "Ic", "Ad", "Dv", "Er",
        "Fa", "Fn", "Ft", "Fd", "Lk", "Mt", "An", "Tn", "Aq", "Pq", "Bq", "Brq", "Oo", "Oc", "Xo", "Xc", "No", "Ns", "Ux", "At", "Bx", "St",
    ]

    /// The words of an mdoc macro line: callable macro names among its
    /// arguments read rather than kept (`Fl` prefixes a `-` to the next
    /// word, `Xr` joins a name and its section, `Ns` drops the space,
    /// quoting macros and the rest are dropped).
    static func mdocWords(_ macro: String, _ arguments: [String]) -> [String] {
        var out: [String] = []
        var current = macro, k = 0, glue = false
        var pending: [String] = []
        func flushPending() {
            guard !pending.isEmpty else { return }
            if current == "Xr", pending.count >= 2 { pending = ["\(pending[0])(\(pending[1]))"] + pending.dropFirst(2) }
            for word in pending {
                if glue, let last = out.popLast() { out.append(last + word); glue = false } else { out.append(word) }
            }
            pending = []
        }
        var flagged = macro == "Fl"
        var sawWord = false, dashes = 1
        while k < arguments.count {
            let word = arguments[k]
            k += 1
            if mdocTextMacros.contains(word) && word.first!.isUppercase && word.count <= 3 {
                if flagged && !sawWord {
                    // `Fl Fl steep` is `--steep`; a `Fl` with no word is a lone dash.
                    if word == "Fl" { dashes += 1; continue }
                    pending.append(String(repeating: "-", count: dashes))
                }
                flushPending()
                current = word
                flagged = word == "Fl"
                sawWord = false
                dashes = 1
                if word == "Ns" { glue = true }
                continue
            }
            pending.append(flagged ? String(repeating: "-", count: dashes) + word : word)
            dashes = 1
            sawWord = true
        }
        if flagged && !sawWord { pending.append(String(repeating: "-", count: dashes)) }
        flushPending()
        if macro == "Nd" && !out.isEmpty { out.insert("-", at: 0) }
        return out
    }

    private mutating func heading(_ title: String, level: Int, line: TextLines.Line) {
        let clean = title.trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { return }
        blocks.append(
            Block(
                kind: .heading(level: level), text: clean, lines: line.number...line.number,
                bytes: line.start..<line.end, isVerbatim: false))
    }

    /// Adds a line's text to the pending block (a space or, in no-fill mode, a line break before it).
    private mutating func add(_ textBytes: [UInt8], line: TextLines.Line, breakBefore: Bool) {
        if let level = pendingHeading {
            pendingHeading = nil
            heading(String(decoding: textBytes, as: UTF8.self), level: level, line: line)
            return
        }
        if tagNext {
            tagNext = false
            flush()
            pendingKind = .term
            append(textBytes, line: line, separator: nil)
            flush()
            return
        }
        if textBytes.isEmpty && pending.isEmpty { return }
        append(textBytes, line: line, separator: pending.isEmpty ? nil : (breakBefore ? 0x0A : 0x20))
    }

    private mutating func append(_ textBytes: [UInt8], line: TextLines.Line, separator: UInt8?) {
        if let separator { pending.append(separator) }
        marks.append(Block.SourceMark(text: pending.count, file: line.start))
        pending += textBytes
        if firstLine == nil { firstLine = line }
        lastLine = line
    }

    /// Ends the pending block.
    private mutating func flush() {
        defer {
            pending = []
            marks = []
            firstLine = nil
            lastLine = nil
            pendingKind = .paragraph
        }
        while let last = pending.last, last == 0x20 || last == 0x0A { pending.removeLast() }
        guard let first = firstLine, let last = lastLine, pending.contains(where: { $0 != 0x20 && $0 != 0x0A }) else { return }
        var block = Block(
            kind: pendingKind, text: String(decoding: pending, as: UTF8.self), lines: first.number...last.number,
            bytes: first.start..<max(first.start, last.end), isVerbatim: false)
        // Marks of the lines the trimming took (empty lines at the end of a no-fill block) mark nothing.
        block.sourceMarks = marks.filter { $0.text < pending.count }
        blocks.append(block)
    }

    /// A macro line's arguments: separated by blanks, a double-quoted one
    /// kept whole (`""` inside it is a quote).
    static func arguments(_ rest: ArraySlice<UInt8>) -> [String] {
        var args: [String] = []
        var i = rest.startIndex
        while i < rest.endIndex {
            while i < rest.endIndex && (rest[i] == 0x20 || rest[i] == 0x09) { i += 1 }
            guard i < rest.endIndex else { break }
            var arg: [UInt8] = []
            if rest[i] == UInt8(ascii: "\"") {
                i += 1
                while i < rest.endIndex {
                    if rest[i] == UInt8(ascii: "\"") {
                        if i + 1 < rest.endIndex && rest[i + 1] == UInt8(ascii: "\"") { arg.append(rest[i]); i += 2; continue }
                        i += 1
                        break
                    }
                    arg.append(rest[i])
                    i += 1
                }
            } else {
                if rest[i] == UInt8(ascii: "\\") && i + 1 < rest.endIndex && rest[i + 1] == UInt8(ascii: "\"") { break }  // a comment
                while i < rest.endIndex && rest[i] != 0x20 && rest[i] != 0x09 {
                    if rest[i] == UInt8(ascii: "\\") && i + 1 < rest.endIndex {
                        arg.append(rest[i]); arg.append(rest[i + 1]); i += 2
                        continue
                    }
                    arg.append(rest[i])
                    i += 1
                }
            }
            args.append(String(decoding: arg, as: UTF8.self))
        }
        return args
    }

    /// Named characters (`\(xx`, `\[name]`, `\*(xx`) and what they stand for.
    static let namedCharacters: [String: String] = [
        "em": "\u{2014}", "en": "\u{2013}", "hy": "-", "mi": "-", "lq": "\u{201C}", "rq": "\u{201D}", "oq": "\u{2018}", "cq": "\u{2019}",
        "aq": "'", "dq": "\"", "bu": "\u{2022}", "de": "\u{00B0}", "co": "\u{00A9}", "rg": "\u{00AE}", "tm": "\u{2122}", "R": "\u{00AE}",
        "Tm": "\u{2122}", "mu": "\u{00D7}", "di": "\u{00F7}", "+-": "\u{00B1}", "<=": "\u{2264}", ">=": "\u{2265}", "!=": "\u{2260}",
        "->": "\u{2192}", "<-": "\u{2190}", "ti": "~", "ha": "^", "rs": "\\", "sl": "/", "ba": "|", "lB": "[", "rB": "]",
        "lC": "{", "rC": "}", "la": "\u{27E8}", "ra": "\u{27E9}", "Fo": "\u{00AB}", "Fc": "\u{00BB}", "ga": "`", "ul": "_",
        "sq": "\u{25A1}",
        "Lq": "\u{201C}", "Rq": "\u{201D}", "ss": "\u{00DF}", "'e": "\u{00E9}", "`e": "\u{00E8}", "'a": "\u{00E1}", ":u": "\u{00FC}",
        ":o": "\u{00F6}", ":a": "\u{00E4}", "',": "\u{00B8}", "fm": "\u{2032}", "sd": "\u{2033}", "pl": "+", "eq": "=", "at": "@",
        "sh": "#",
    ]

    /// A line's text with roff escapes read: named characters, `\-`, `\e`,
    /// `\ ` and `\~` (spaces); font and size changes, `\&`, `\%`, `\|`,
    /// `\^`, `\c`, registers and the rest of a `\"` comment dropped.
    static func unescape(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        /// The name after `(`, `[`, or one character.
        func name(at j: inout Int) -> String {
            guard j < s.endIndex else { return "" }
            if s[j] == UInt8(ascii: "(") {
                let end = min(j + 3, s.endIndex)
                let n = String(decoding: s[(j + 1)..<end], as: UTF8.self)
                j = end
                return n
            }
            if s[j] == UInt8(ascii: "[") {
                var k = j + 1
                while k < s.endIndex && s[k] != UInt8(ascii: "]") { k += 1 }
                let n = String(decoding: s[(j + 1)..<k], as: UTF8.self)
                j = min(k + 1, s.endIndex)
                return n
            }
            let n = String(decoding: s[j...j], as: UTF8.self)
            j += 1
            return n
        }
        while i < s.endIndex {
            let c = s[i]
            guard c == UInt8(ascii: "\\"), i + 1 < s.endIndex else { out.append(c); i += 1; continue }
            let e = s[i + 1]
            var j = i + 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "#"):
                return trimmed(out)  // a comment to the end of the line
            case UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "n"), UInt8(ascii: "g"), UInt8(ascii: "k"), UInt8(ascii: "m"),
                UInt8(ascii: "M"), UInt8(ascii: "V"), UInt8(ascii: "Y"):
                _ = name(at: &j)  // fonts, registers, colours: no text
            case UInt8(ascii: "s"):
                // \s+1, \s-1, \s0, \s(12, \s[12]
                if j < s.endIndex && (s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: "-")) { j += 1 }
                if j < s.endIndex && (s[j] == UInt8(ascii: "(") || s[j] == UInt8(ascii: "[")) {
                    _ = name(at: &j)
                } else {
                    while j < s.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[j]) { j += 1 }
                }
            case UInt8(ascii: "("), UInt8(ascii: "["):
                j = i + 1
                let n = name(at: &j)
                if let ch = namedCharacters[n] {
                    out += Array(ch.utf8)
                } else if n.hasPrefix("u"), let v = UInt32(n.dropFirst(), radix: 16), let u = Unicode.Scalar(v) {
                    out += Array(String(Character(u)).utf8)
                }
            case UInt8(ascii: "*"):
                let n = name(at: &j)
                if let ch = namedCharacters[n] { out += Array(ch.utf8) }
            case UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."):
                out.append(e == UInt8(ascii: "-") ? UInt8(ascii: "-") : e)
            case UInt8(ascii: "e"), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: " "), UInt8(ascii: "~"), UInt8(ascii: "0"):
                out.append(0x20)
            case UInt8(ascii: "t"):
                out.append(0x09)
            case UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "c"), UInt8(ascii: ")"),
                UInt8(ascii: "/"), UInt8(ascii: ","):
                break
            case UInt8(ascii: "h"), UInt8(ascii: "v"), UInt8(ascii: "w"), UInt8(ascii: "o"), UInt8(ascii: "l"), UInt8(ascii: "L"),
                UInt8(ascii: "D"), UInt8(ascii: "X"), UInt8(ascii: "Z"), UInt8(ascii: "b"), UInt8(ascii: "x"), UInt8(ascii: "N"),
                UInt8(ascii: "C"), UInt8(ascii: "R"), UInt8(ascii: "A"), UInt8(ascii: "B"):
                // \h'…', \w'…' and the like: a quoted argument, no text (\C'name' is a character, rare).
                if j < s.endIndex {
                    let quote = s[j]
                    var k = j + 1
                    while k < s.endIndex && s[k] != quote { k += 1 }
                    j = min(k + 1, s.endIndex)
                }
            default:
                out.append(e)
            }
            i = j
        }
        return out
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
        return out
    }
}
