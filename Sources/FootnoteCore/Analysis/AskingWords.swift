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
public enum AskingWords {
    public static let english: [String] = """
    would could might must shall \
    hi hello hey thanks thank please ok okay yeah sure great \
    know want like tell say wondering wonder
    """.split(separator: " ").map(String.init)

    /// The greetings, thanks and assents among them: a turn of these (and
    /// stop words) alone asks nothing, and is no follow-up either.
    public static let courtesy: Set<String> = ["hi", "hello", "hey", "thanks", "thank", "please", "ok", "okay", "yeah", "sure", "great"]

    /// Whether `text` has a courtesy word and, besides stop words and asking words, nothing else.
    public static func isCourtesyOnly(_ text: String) -> Bool {
        let stopWords = StopWordFilter()
        var sawCourtesy = false, sawOther = false
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buf in
            Tokenizer().spans(buf) { start, end, _ in
                let word = String(decoding: buf[start..<end], as: UTF8.self).lowercased()
                if courtesy.contains(word) { sawCourtesy = true; return }
                let folded = Array(word.utf8)
                let asking = folded.withUnsafeBufferPointer { contains(folded: $0) || stopWords.contains($0) }
                if !asking { sawOther = true }
            }
        }
        return sawCourtesy && !sawOther
    }

    private static let table: ByteKeyTable = {
        var t = ByteKeyTable(capacity: english.count)
        for w in english { _ = t.insert(Array(w.utf8)) }
        return t
    }()

    /// Whether `word`, folded (lowercase, no diacritics), is an asking word.
    public static func contains(folded word: UnsafeBufferPointer<UInt8>) -> Bool { table.find(word) != nil }

    /// Whether `word` as written (ASCII case ignored) is an asking word.
    public static func contains(surface word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 12 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { lower in
            for (k, b) in word.enumerated() { lower[k] = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }
            return contains(folded: UnsafeBufferPointer(lower))
        }
    }
}
