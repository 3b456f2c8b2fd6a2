/// The operators a question may use, split from its plain words:
///
/// - `"closed models"` (straight or curly quotes): the words must occur in a
///   passage as a phrase, in that order, next to each other;
/// - `+word`: the word must occur;
/// - `-word` or `-"a phrase"`: the word (phrase) must not occur.
///
/// `+` and `-` are operators only at the start of a word and before a letter
/// or a quote, so `state-of-the-art`, `C++` and `-5` stay words; and not
/// before a command-line option, which excluding would drop the very entry
/// that documents it: a word of one or two characters ("set -e", "rm -rf",
/// "ls -la"), or, in a question that ends with "?", a word that more words
/// follow ("What does find -name do?"). A
/// quote with no closing quote after it is an ordinary character. Everything
/// else is plain text, and a question with no operators is one plain clause.
public struct QuerySyntax: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Plain words: ranked by, not required.
        case plain
        /// Must occur (`+word`, `"a phrase"`); also ranked by.
        case required
        /// Must not occur (`-word`, `-"a phrase"`); not ranked by.
        case excluded
    }

    public struct Clause: Sendable, Equatable {
        public var text: String
        public var kind: Kind
        /// Quoted: its words must stand together, in order.
        public var isPhrase: Bool

        public init(_ text: String, _ kind: Kind, isPhrase: Bool = false) {
            self.text = text
            self.kind = kind
            self.isPhrase = isPhrase
        }
    }

    /// The question's clauses in order; plain text between operators is one clause each.
    public var clauses: [Clause]

    public init(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        var clauses: [Clause] = []
        var plain = String.UnicodeScalarView()
        func flushPlain() {
            let s = String(plain)
            if s.contains(where: { !$0.isWhitespace }) { clauses.append(Clause(s, .plain)) }
            plain.removeAll()
        }
        let isQuestion = scalars.last { !$0.properties.isWhitespace } == "?"
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let wordStart = i == 0 || scalars[i - 1].properties.isWhitespace
            // An operator sign: at a word start, before a quote or a letter.
            var kind: Kind = .plain
            var at = i
            if wordStart, c == "+" || c == "-", i + 1 < scalars.count,
                Self.isQuote(scalars[i + 1]) || Self.isLetter(scalars[i + 1]) && !Self.isOption(scalars, sign: i, inQuestion: isQuestion)
            {
                kind = c == "+" ? .required : .excluded
                at = i + 1
            }
            if Self.isQuote(scalars[at]), let close = scalars[(at + 1)...].firstIndex(where: Self.isQuote) {
                flushPlain()
                var phrase = String.UnicodeScalarView()
                phrase.append(contentsOf: scalars[(at + 1)..<close])
                clauses.append(Clause(String(phrase), kind == .plain ? .required : kind, isPhrase: true))
                i = close + 1
                continue
            }
            if kind != .plain && !Self.isQuote(scalars[at]) {
                flushPlain()
                var end = at
                while end < scalars.count && !scalars[end].properties.isWhitespace { end += 1 }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[at..<end])
                clauses.append(Clause(String(word), kind))
                i = end
                continue
            }
            plain.append(c)
            i += 1
        }
        flushPlain()
        self.clauses = clauses
    }

    /// Whether any clause is more than plain words.
    public var hasOperators: Bool { clauses.contains { $0.kind != .plain } }

    static func isQuote(_ c: Unicode.Scalar) -> Bool { c == "\"" || c == "\u{201C}" || c == "\u{201D}" }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

    /// The longest word after a sign that is read as a command-line option, not an operand.
    static let longestOption = 2

    /// Whether the word after the sign at `sign` is a command-line option:
    /// at most `longestOption` characters up to whitespace, the end or
    /// closing punctuation (`-e?`); or, `inQuestion`, any word with more
    /// words after it.
    static func isOption(_ scalars: [Unicode.Scalar], sign: Int, inQuestion: Bool) -> Bool {
        let after = scalars[(sign + 1)...]
        if inQuestion {
            let end = after.firstIndex { $0.properties.isWhitespace } ?? scalars.endIndex
            if scalars[end...].contains(where: isWordCharacter) { return true }
        }
        let word = after.prefix(while: isWordCharacter)
        guard word.count <= longestOption else { return false }
        return word.endIndex == scalars.endIndex || scalars[word.endIndex].properties.isWhitespace
            || ",.;:?!)".unicodeScalars.contains(scalars[word.endIndex])
    }

    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c.properties.numericType != nil }
}
