/// Splits UTF-8 text into word tokens, reporting byte offsets.
///
/// A word is a maximal run of letters, digits and combining marks (Unicode
/// `Alphabetic`, `Numeric_Type` ≠ none, `M*`). An apostrophe (`'` or U+2019 `’`)
/// standing between two word characters stays inside the word (`don't`,
/// `Meta’s`). Everything else separates words. ASCII bytes are classified by a
/// 128-entry table; only non-ASCII bytes are decoded. Invalid UTF-8 bytes are
/// separators. Single letters joined by dots form one word, dots kept
/// (`e.g.` → `e.g`, `U.S.A.` → `U.S.A`), so abbreviations neither fall apart
/// into stray letters nor collide with words (`U.S.` is not `us`). Words
/// longer than `maxTokenBytes` are skipped (they are hashes,
/// base64 or garbage, never query words), but still advance the position.
///
/// An identifier is also one word: ASCII letters and digits joined by
/// underscores (`work_mem`, `sqlite3_open`), or a name between double
/// underscores (`__main__`), is emitted whole, at its first part's position
/// and just before it, and then part by part (`work`, `mem`), as Lucene's
/// word-delimiter filter does with `preserveOriginal`. So `work_mem` finds
/// the setting of that name before `maintenance_work_mem`, and `__main__` is
/// not any `main`, while "work mem" still finds both. A single underscore
/// around a word (`_emphasis_`, `_private`) joins nothing.
///
/// - Complexity: O(n) in the byte count of the text.
public struct Tokenizer: Sendable {
    public var maxTokenBytes: Int

    public init(maxTokenBytes: Int = 64) {
        self.maxTokenBytes = maxTokenBytes
    }

    /// ASCII class table: 1 = word character, 2 = apostrophe, 0 = separator.
    static let asciiClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = 1 }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = 1 }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = 1 }
        table[Int(UInt8(ascii: "'"))] = 2
        return table
    }()

    /// Calls `emit` once per word, in order, with `token.term` holding the word's
    /// bytes exactly as they appear in `text`. `text` is read during the call
    /// only, never past its count; offsets are into it.
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>, into token: inout Token, _ emit: (inout Token) -> Void) {
        spans(text) { start, end, position in
            token.term.removeAll(keepingCapacity: true)
            token.term.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
            token.start = start
            token.end = end
            token.position = position
            emit(&token)
        }
    }

    /// Calls `emit` once per word with its byte range and position, copying
    /// nothing (words over `maxTokenBytes` are left out but still counted).
    ///
    /// Runs of ASCII word characters and of ASCII separators outside a word
    /// are crossed by tight loops over the class table; every other byte
    /// takes the general step.
    func spans(_ text: UnsafeBufferPointer<UInt8>, _ emit: (_ start: Int, _ end: Int, _ position: Int) -> Void) {
        Tokenizer.asciiClass.withUnsafeBufferPointer { table in spans(text, table, emit) }
    }

    @inline(__always)
    private func spans(
        _ text: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt8>,
        _ emit: (_ start: Int, _ end: Int, _ position: Int) -> Void
    ) {
        let count = text.count
        var i = 0
        var position = 0
        var wordStart = -1
        var lastWordEnd = -1  // end of the last word character of the current word
        while i < count {
            let byte = text[i]
            var cls: UInt8
            var width = 1
            if byte < 0x80 {
                cls = table[Int(byte)]
                if cls == 1 {
                    // A run of ASCII word characters.
                    if wordStart < 0 { wordStart = i }
                    i += 1
                    while i < count && text[i] < 0x80 && table[Int(text[i])] == 1 { i += 1 }
                    lastWordEnd = i
                    continue
                }
                if wordStart < 0 {
                    // A run of ASCII separators between words (apostrophes and dots
                    // only matter inside a word).
                    i += 1
                    while i < count && text[i] < 0x80 && table[Int(text[i])] != 1 { i += 1 }
                    continue
                }
            } else {
                (cls, width) = Tokenizer.classify(text, at: i)
            }
            if cls == 1 {
                if wordStart < 0 { wordStart = i }
                lastWordEnd = i + width
            } else if cls == 2 && wordStart >= 0 && lastWordEnd == i {
                // An apostrophe inside a word: keep going; if no word character
                // follows, the word ends at lastWordEnd.
            } else if byte == UInt8(ascii: "."), wordStart >= 0, lastWordEnd == i, Tokenizer.continuesAcronym(text, wordStart, i) {
                // "e.g", "U.S.A": the dot stays inside the word.
            } else if wordStart >= 0 {
                if lastWordEnd - wordStart <= maxTokenBytes { emitWord(text, wordStart, lastWordEnd, position, emit) }
                position += 1
                wordStart = -1
            }
            i += width
        }
        if wordStart >= 0 && lastWordEnd - wordStart <= maxTokenBytes { emitWord(text, wordStart, lastWordEnd, position, emit) }
    }

    /// Emits the word `start..<end`, preceded by the identifier it begins, if any.
    @inline(__always)
    private func emitWord(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ position: Int,
        _ emit: (_ start: Int, _ end: Int, _ position: Int) -> Void
    ) {
        if end < text.count && text[end] == Tokenizer.underscore,
            let whole = Tokenizer.identifier(text, first: start..<end), whole.count <= maxTokenBytes
        {
            emit(whole.lowerBound, whole.upperBound, position)
        }
        emit(start, end, position)
    }

    public static let underscore = UInt8(ascii: "_")

    /// The identifier whose first word is `first` (a word followed by `_`):
    /// its ASCII letters, digits and inner underscores, with two underscores
    /// on each side when it has at least two on both (`__init__`); nil when
    /// `first` continues an identifier begun before it, when non-ASCII text
    /// touches it, or when it joins nothing (`word_` , `_word_`).
    static func identifier(_ text: UnsafeBufferPointer<UInt8>, first: Range<Int>) -> Range<Int>? {
        @inline(__always) func isAlphanumeric(_ b: UInt8) -> Bool { b < 0x80 && asciiClass[Int(b)] == 1 }
        for k in first where !isAlphanumeric(text[k]) { return nil }
        var lead = first.lowerBound
        while lead > 0 && text[lead - 1] == underscore { lead -= 1 }
        if lead > 0 && (isAlphanumeric(text[lead - 1]) || text[lead - 1] >= 0x80) {
            if lead < first.lowerBound { return nil }  // a later part of an identifier
        }
        var runEnd = first.upperBound
        while runEnd < text.count && (isAlphanumeric(text[runEnd]) || text[runEnd] == underscore) { runEnd += 1 }
        if runEnd < text.count && text[runEnd] >= 0x80 { return nil }
        var coreEnd = runEnd
        while text[coreEnd - 1] == underscore { coreEnd -= 1 }
        let leading = first.lowerBound - lead, trailing = runEnd - coreEnd
        if leading >= 2 && trailing >= 2 { return (first.lowerBound - 2)..<(coreEnd + 2) }
        return coreEnd > first.upperBound ? first.lowerBound..<coreEnd : nil
    }

    /// True when the word `start..<dot` is single ASCII letters joined by dots
    /// and one more single ASCII letter follows the dot at `dot`.
    static func continuesAcronym(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int) -> Bool {
        @inline(__always) func letter(_ k: Int) -> Bool { k < text.count && (text[k] | 0x20) &- UInt8(ascii: "a") < 26 }
        guard letter(dot + 1), !(dot + 2 < text.count && text[dot + 2] < 0x80 && asciiClass[Int(text[dot + 2])] == 1) else { return false }
        var k = start
        while k < dot {
            guard letter(k), k + 1 == dot || text[k + 1] == UInt8(ascii: ".") else { return false }
            k += 2
        }
        return true
    }

    /// Classifies the (possibly invalid) UTF-8 sequence starting at `i`.
    /// Returns the class and the number of bytes consumed.
    static func classify(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt8, Int) {
        guard let (scalar, width) = decodeScalar(text, at: i) else { return (0, 1) }
        if scalar.value == 0x2019 { return (2, width) }
        let props = scalar.properties
        if props.isAlphabetic || props.numericType != nil { return (1, width) }
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return (1, width)
        default: return (0, width)
        }
    }
}
