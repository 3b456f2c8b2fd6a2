import FootnoteAnalysis
import FootnoteIndex

/// A question after analysis: its distinct terms, how often each occurs, and
/// which of them the corpus knows; with `QuerySyntax`, the phrases and words
/// a passage must or must not contain; with a `SpellingCorrector`, the words
/// it corrected and those it could not.
public struct Query: Sendable {
    public struct Term: Sendable, Equatable {
        /// The analyzed term (a stem).
        public var text: String
        /// Occurrences in the question.
        public var frequency: Int
        /// The term's number in the index, nil when the corpus never uses it.
        public var id: Int32?
        /// Multiplies the model's query weight: 1 for the question's own
        /// words, less for words carried over from an earlier question
        /// (`Conversation`).
        public var boost: Float = 1
        /// The word it came from, folded (its correction, when corrected), for
        /// display; empty outside the chat (no syntax and no corrector).
        public var word: String = ""
        /// An everyday English word the corpus never uses (on the corrector's
        /// `EnglishWordList`): it weighs less against the confidence than a
        /// word that names something (`Searcher.everydayWordShare`).
        public var isEverydayWord = false

        public init(text: String, frequency: Int, id: Int32?, boost: Float = 1, word: String = "", isEverydayWord: Bool = false) {
            self.text = text
            self.frequency = frequency
            self.id = id
            self.boost = boost
            self.word = word
            self.isEverydayWord = isEverydayWord
        }
    }

    /// A phrase (or a single word) a passage must contain, or must not.
    public struct Constraint: Sendable, Equatable {
        /// The phrase's terms, in order (nil: a term the corpus never uses).
        public var terms: [Int32?]
        /// Each term's token position in the phrase, stop words counted, from 0:
        /// the distances the passage's body must show between them.
        public var offsets: [Int]
        public var mustOccur: Bool
        /// As the question wrote it.
        public var text: String
    }

    /// A word the corpus never uses, replaced by the closest word it does.
    public struct Correction: Sendable, Equatable {
        /// As the question wrote it.
        public var word: String
        /// The vocabulary word searched for instead.
        public var replacement: String
    }

    public var text: String
    /// Distinct ranked terms in order of first occurrence (the words of
    /// excluded clauses are not ranked by).
    public var terms: [Term]
    /// From `+word`, `-word` and quoted phrases (empty without syntax).
    public var constraints: [Constraint] = []
    /// Corrected words, in question order.
    public var corrections: [Correction] = []
    /// Words neither known nor correctable, as written (only with a corrector).
    public var unknownWords: [String] = []

    /// Analyzes `text` with `analyzer` and looks its terms up in `index`.
    /// The words of the asking (`AskingWords`: "could you tell me", "thanks")
    /// are left out, but inside a quoted phrase or after `+`/`-`.
    /// - Parameters:
    ///   - syntax: read `QuerySyntax`'s operators (the chat does; batch runs
    ///     over test collections do not, so their questions' quotes stay text).
    ///   - corrector: replaces each word whose term the corpus never uses
    ///     (outside excluded clauses) by its correction, when it has one;
    ///     its English word list marks the unknown words that are everyday
    ///     English (`Term.isEverydayWord`). A word with capitals inside it
    ///     (`hasInnerCapitals`: DECnet) is a name, and is not corrected. Words
    ///     of another language are left alone: a word with a diacritic the corpus lacks ("qué"), and every
    ///     word of a question with `foreignWordsMarkingAQuestion` or more words
    ///     neither in the corpus nor on the list ("¿Qué es la inteligencia
    ///     artificial abierta?"), when a list is at hand.
    public init(_ text: String, analyzer: Analyzer, index: InvertedIndex, syntax: Bool = false, corrector: SpellingCorrector? = nil) {
        self.text = text
        terms = []
        var slot: [String: Int] = [:]
        /// Counts an occurrence of `term`; `word()` is asked only for a new one.
        func count(_ term: String, id: @autoclosure () -> Int32?, word: @autoclosure () -> String = "") {
            if let k = slot[term] { terms[k].frequency += 1; return }
            slot[term] = terms.count
            terms.append(Term(text: term, frequency: 1, id: id(), word: word()))
        }
        guard syntax || corrector != nil else {
            // Batch runs over test collections, which time queries: terms only.
            var text = text
            text.withUTF8 { bytes in
                analyzer.analyze(bytes) { token in
                    if AskingWords.contains(surface: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])) { return }
                    count(token.termString, id: index.termID(token.termString))
                }
            }
            return
        }
        let clauses = syntax ? QuerySyntax(parsing: text).clauses : [QuerySyntax.Clause(text, .plain)]
        // Each clause's words, read once. Collected first: the corrector must not run inside the analyzer's callback.
        let read = clauses.map { clause -> [Word] in
            var words: [Word] = []
            let bytes = Array(clause.text.utf8)
            analyzer.analyze(clause.text) { token in
                if clause.kind == .plain
                    && bytes.withUnsafeBufferPointer({
                        AskingWords.contains(surface: UnsafeBufferPointer(rebasing: $0[token.start..<token.end]))
                    })
                {
                    return
                }
                let surface = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                words.append(
                    Word(
                        term: token.termString, id: index.termID(token.termString), position: token.position,
                        surface: surface, folded: Self.folded(surface)))
            }
            return words
        }
        let english = corrector?.englishWords
        let foreignQuestion =
            english.map { english in
                read.joined().filter { $0.id == nil && !english.contains(folded: $0.folded) }.count >= Self.foreignWordsMarkingAQuestion
            } ?? false
        for (clause, words) in zip(clauses, read) {
            var constraint = Constraint(terms: [], offsets: [], mustOccur: clause.kind != .excluded, text: clause.text)
            for word in words {
                // An identifier the corpus lacks (`work_mem` in a folder that never writes it) is
                // not corrected or reported: its parts, which follow it, are the question's words.
                if word.id == nil && word.surface.utf8.contains(Tokenizer.underscore) { continue }
                var term = word.term
                var id = word.id
                let surface = word.surface
                var display: String?
                var everyday = false
                if id == nil, clause.kind != .excluded, let corrector {
                    everyday = english?.contains(folded: word.folded) ?? false
                    let foreign = foreignQuestion || (english != nil && surface.utf8.contains { $0 >= 0x80 })
                    if !foreign, !Self.hasInnerCapitals(surface), let fix = corrector.correction(for: word.folded) {
                        let replacement = index.vocabulary[fix.word]
                        let t = index.vocabularyTerm[fix.word]
                        term = index.terms[Int(t)]
                        id = t
                        display = replacement
                        if !corrections.contains(where: { $0.word == surface }) {
                            corrections.append(Correction(word: surface, replacement: replacement))
                        }
                    } else if !unknownWords.contains(surface) {
                        unknownWords.append(surface)
                    }
                }
                if clause.kind != .excluded {
                    count(term, id: id, word: display ?? String(decoding: word.folded, as: UTF8.self))
                    if everyday, let k = slot[term] { terms[k].isEverydayWord = true }
                }
                constraint.terms.append(id)
                constraint.offsets.append(word.position - (words.first?.position ?? 0))
            }
            if clause.kind != .plain && !constraint.terms.isEmpty { constraints.append(constraint) }
        }
    }

    /// A word of the question as read: its term, the term's number (nil:
    /// unknown), its position, and its surface as written and folded.
    private struct Word {
        var term: String
        var id: Int32?
        var position: Int
        var surface: String
        var folded: [UInt8]
    }

    /// Whether `word` is written the way names are, with capitals inside it:
    /// a capital after two letters or more whose letter before it is
    /// lowercase (McDonald, JavaScript, GitHub), or three capitals or more
    /// before a lowercase letter (DECnet, SQLite). Misspellings rarely look
    /// like that: a doubled or swapped first capital ("DDenver", "eDnver") or
    /// a held shift key ("DEnver") does not count. Such a word is not
    /// corrected: "What is DECnet" is not a question about "decent".
    static func hasInnerCapitals(_ word: String) -> Bool {
        let letters = Array(word.utf8.filter { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        let upper = { (b: UInt8) in b <= 0x5A }
        var capitalsInARow = 0
        for (i, letter) in letters.enumerated() {
            if upper(letter) {
                if i >= 2 && !upper(letters[i - 1]) { return true }
                capitalsInARow += 1
            } else {
                if capitalsInARow >= 3 { return true }
                capitalsInARow = 0
            }
        }
        return false
    }

    /// With this many words neither in the corpus nor on the English word
    /// list, a question is read as written in another language: none of its
    /// words is corrected.
    static let foreignWordsMarkingAQuestion = 3

    /// `word` lowercased and without diacritics, as the vocabulary keeps words (`Analyzer.folded`).
    public static func folded(_ word: String) -> [UInt8] { Analyzer.folded(word) }

    public var isEmpty: Bool { terms.isEmpty }
}
