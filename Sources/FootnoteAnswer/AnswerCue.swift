import FootnoteAnalysis

/// The kind of words that answer a question, read off its question words:
/// "when …" wants a time, "how many …" a quantity, "who …" a name, "where …" a
/// place. The excerpt builder prefers, among otherwise equal excerpts, one
/// that holds such a word — an answer-type heuristic as in the classic
/// TREC QA systems (Prager et al. 2000, "Question-answering by predictive
/// annotation").
public enum AnswerCue: Sendable, Equatable {
    case time, quantity, name, place

    /// The cue of `question`, from its first question word; nil when it has none
    /// (what, which, why, how … without a measure word).
    public init?(question: String) {
        let words = question.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (i, w) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1] : ""
            switch w {
            case "when": self = .time; return
            case "who", "whom", "whose": self = .name; return
            case "where": self = .place; return
            case "how":
                if ["many", "much", "long", "old", "far", "large", "big", "tall", "high", "wide", "deep", "heavy"].contains(next) {
                    self = .quantity; return
                }
                return nil
            case "what", "which":
                if ["year", "years", "century", "decade", "month", "day", "date", "time", "period", "era"].contains(next) {
                    self = .time; return
                }
                if ["percentage", "percent", "number", "amount", "size", "population"].contains(next) { self = .quantity; return }
                if Self.placeNouns.contains(next) { self = .place; return }
                if Self.nameNouns.contains(next) || words.dropFirst(i + 1).prefix(4).contains("name") { self = .name; return }
                return nil
            case "why":
                return nil
            default:
                continue
            }
        }
        return nil
    }

    /// "what country …", "which city …": a place name answers.
    static let placeNouns: Set<String> = [
        "country", "countries", "city", "cities", "state", "states", "nation", "continent",
        "river", "region", "town", "county", "province", "island", "islands", "area",
        "mountain", "lake", "sea", "ocean", "capital", "location", "place", "street", "district",
    ]
    /// "which team …", "what company …": a proper name answers.
    static let nameNouns: Set<String> = [
        "team", "teams", "company", "companies", "group", "organization", "party", "university",
        "school", "person", "president", "king", "queen", "leader", "emperor", "church",
        "newspaper", "network", "language", "religion", "dynasty", "family", "tribe", "army",
        "book", "album", "film", "song", "award", "brand", "band", "artist", "author", "scientist",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    ]
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred",
        "thousand", "million", "billion", "dozen", "half",
    ]

    /// Byte ranges of the words of `text` that could answer a question of this
    /// cue, in order.
    func candidates(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var token = Token()
        Tokenizer().tokenize(text, into: &token) { tok in
            let word = tok.term
            let first = word[0]
            let hasDigit = word.contains { $0 &- UInt8(ascii: "0") < 10 }
            let isUpper =
                first &- UInt8(ascii: "A") < 26
                || (first >= 0xC0 && String(decoding: word.prefix(4), as: UTF8.self).first?.isUppercase == true)
            let lower = String(decoding: word, as: UTF8.self).lowercased()
            let hit: Bool
            switch self {
            case .time:
                let digits = word.prefix { $0 &- UInt8(ascii: "0") < 10 }
                let year = digits.count == 4 && (digits.count == word.count || (word.count == 5 && word.last == UInt8(ascii: "s")))
                hit = year || (isUpper && Self.months.contains(lower))
            case .quantity:
                hit = hasDigit || Self.numberWords.contains(lower)
            case .name, .place:
                hit = isUpper && !Self.startsSentence(text, at: tok.start)
            }
            if hit { out.append(tok.start..<tok.end) }
        }
        return out
    }

    /// True when only spaces lie between `index` and the start of the text or a `.`, `!`, `?`.
    static func startsSentence(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var i = index - 1
        while i >= 0
            && (text[i] == UInt8(ascii: " ") || text[i] == UInt8(ascii: "\n") || text[i] == UInt8(ascii: "\t")
                || text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "("))
        { i -= 1 }
        return i < 0 || text[i] == UInt8(ascii: ".") || text[i] == UInt8(ascii: "!") || text[i] == UInt8(ascii: "?")
    }
}
