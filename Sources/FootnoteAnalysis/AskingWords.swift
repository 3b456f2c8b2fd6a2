import FootnoteStorage

/// Words that belong to the asking, not to what is asked about: greetings
/// and thanks, the modal verbs the stop list leaves out, and the verbs of a
/// request ("hi, could you tell me…", "I would like to know…", "thanks,
/// and what about…"). A question's own subject is the rest. They are dropped
/// from questions only, never from the indexed text, in the spirit of the
/// "stop structures" of verbose-query reduction (Huston & Croft 2010,
/// "Evaluating verbose query processing techniques", SIGIR).
///
/// Measured on doc2dial-dev (`docs/`, 2,022 real user turns asked alone):
/// S@1 0.329 → 0.341, S@5 0.505 → 0.521; each group alone gains
/// (modals 0.332, greetings and thanks 0.334, verbs of asking 0.333). Left
/// out because they name things in documents: "may" (the month), "need",
/// "get", "good", "yes".
///
/// The interjections and hedges of speech ("oh, um, can you tell me
/// something about…", "maybe", "really") came later: S@5 0.553 → 0.556 on
/// the same turns, every real-doc question set and SQuAD unchanged. Left out:
/// "actually" (its stem names what EXPLAIN ANALYZE reports: "actual time"),
/// and "kind", "else", "also", "another", "question" (together 0.556 → 0.555,
/// and one git-doc question lost at rank 1).
public enum AskingWords {
    public static let english: [String] = """
        would could might must shall \
        hi hello hey thanks thank please ok okay yeah sure great \
        know want like tell say wondering wonder \
        oh ah um uh hmm wow alright basically really anyway maybe perhaps something anything
        """.split(separator: " ").map(String.init)

    /// The greetings, thanks and assents among them: a turn of these (and
    /// stop words) alone asks nothing, and is no follow-up either.
    public static let courtesy = ["hi", "hello", "hey", "thanks", "thank", "please", "ok", "okay", "yeah", "sure", "great"]

    /// Whether `text` has a courtesy word and, besides stop words and asking words, nothing else.
    public static func isCourtesyOnly(_ text: String) -> Bool {
        var sawCourtesy = false, sawOther = false
        var text = text
        text.withUTF8 { bytes in
            Tokenizer().spans(bytes) { start, end, _ in
                withLowercased(UnsafeBufferPointer(rebasing: bytes[start..<end])) { word in
                    if courtesyTable.find(word) != nil {
                        sawCourtesy = true
                    } else if table.find(word) == nil && !stopWords.contains(word) {
                        sawOther = true
                    }
                }
            }
        }
        return sawCourtesy && !sawOther
    }

    private static let table = ByteKeyTable(english), courtesyTable = ByteKeyTable(courtesy)
    private static let stopWords = StopWordFilter()

    /// Whether `word`, folded (lowercase, no diacritics), is an asking word.
    static func contains(folded word: UnsafeBufferPointer<UInt8>) -> Bool { table.find(word) != nil }

    /// Whether `word` as written (ASCII case ignored) is an asking word.
    /// (`word` is read during the call only.)
    public static func contains(surface word: UnsafeBufferPointer<UInt8>) -> Bool {
        withLowercased(word) { contains(folded: $0) }
    }

    /// `body` over `word` with its ASCII letters lowercased (a word longer
    /// than any listed one is passed as written: it matches none).
    private static func withLowercased<R>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard word.count <= 16 else { return body(word) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lower in
            for (k, b) in word.enumerated() { lower[k] = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }
            return body(UnsafeBufferPointer(lower))
        }
    }
}
