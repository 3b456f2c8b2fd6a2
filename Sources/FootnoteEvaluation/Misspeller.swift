import FootnoteAnalysis
import FootnoteIndex

/// Misspells one content word of a question, reproducibly: the typist's
/// three slips the typo study measures: two adjacent letters swapped, a
/// letter dropped, a letter doubled.
///
/// A content word is one the analyzer keeps (not a stop word) whose term
/// the index knows, made of 4 or more ASCII letters (a slip in a shorter
/// word mostly makes another word, which no corrector should undo).
/// Randomness is SplitMix64 (Steele, Lea & Flood 2014) from `seed`, so the
/// same seed misspells the same words the same way on every machine.
public struct Misspeller {
    public enum Slip: String, Sendable, CaseIterable {
        case swap, drop, double
    }

    public struct Misspelling: Sendable, Equatable {
        public var question: String
        public var word: String
        public var misspelled: String
        public var slip: Slip
    }

    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next pseudo-random number (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0).
    public mutating func next(below n: Int) -> Int { Int(next() % UInt64(n)) }

    /// `question` with one content word misspelled; nil when it has none.
    public mutating func misspell(_ question: String, analyzer: Analyzer, index: InvertedIndex) -> Misspelling? {
        let bytes = Array(question.utf8)
        var words: [Range<Int>] = []
        analyzer.analyze(question) { token in
            let word = bytes[token.start..<token.end]
            if word.count >= 4, word.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }),
                index.termID(token.termString) != nil
            {
                words.append(token.start..<token.end)
            }
        }
        guard !words.isEmpty else { return nil }
        let range = words[next(below: words.count)]
        let word = Array(bytes[range])
        let slip = Slip.allCases[next(below: Slip.allCases.count)]
        var wrong = word
        switch slip {
        case .swap:
            // Two adjacent letters that differ (swapping equal ones changes nothing).
            let pairs = (0..<(word.count - 1)).filter { (word[$0] | 0x20) != (word[$0 + 1] | 0x20) }
            guard !pairs.isEmpty else { return nil }
            let i = pairs[next(below: pairs.count)]
            wrong.swapAt(i, i + 1)
        case .drop:
            wrong.remove(at: next(below: word.count))
        case .double:
            let i = next(below: word.count)
            wrong.insert(word[i], at: i)
        }
        let text = String(decoding: bytes[..<range.lowerBound] + wrong + bytes[range.upperBound...], as: UTF8.self)
        return Misspelling(
            question: text, word: String(decoding: word, as: UTF8.self),
            misspelled: String(decoding: wrong, as: UTF8.self), slip: slip)
    }
}
