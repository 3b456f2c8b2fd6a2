import FootnoteAnalysis

/// A question asking what a name means ("What is the GIL?", "what are
/// generators", "define mutex", "what does MRO mean"), and the name. Such a
/// question is best answered by the entry that defines the name (a glossary
/// term, an option: `Passage.isTerm`) rather than by the passages that use
/// it, however often; as TREC's definition questions were answered from
/// glossaries and encyclopedia entries first (Voorhees 2003, "Overview of
/// the TREC 2003 Question Answering Track").
public struct DefinitionCue: Sendable, Equatable {
    /// The name asked about, as the question writes it (lowercased).
    public let subject: String

    /// The longest subject read as a name; a longer one is a clause.
    static let longestSubject = 5

    /// nil when `question` does not ask what a name means.
    public init?(question: String) {
        var q = question.lowercased().trimmingWhitespace()
        while let last = q.last, "?.! ".contains(last) { q.removeLast() }
        var subject: Substring?
        for opening in ["what is meant by ", "what's ", "what is ", "what are ", "who is ", "who are ", "define "]
        where q.hasPrefix(opening) {
            subject = q.dropFirst(opening.count)
            break
        }
        if subject == nil, q.hasPrefix("what does "), q.hasSuffix(" mean") {
            subject = q.dropFirst("what does ".count).dropLast(" mean".count)
        }
        guard var name = subject?.trimmingWhitespace() else { return nil }
        for article in ["a ", "an ", "the "] where name.hasPrefix(article) {
            name = name.dropFirst(article.count).trimmingWhitespace()
            break
        }
        let words = name.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty, words.count <= Self.longestSubject else { return nil }
        self.subject = String(name)
    }

    /// Whether a term heading names the subject: the heading without its
    /// parenthesised part, a name inside the parentheses ("global
    /// interpreter lock (GIL)"), or one of several names in a row ("-v,
    /// --verbose"), analyzed, has the subject's terms and no others. A name
    /// that is an option (starts with "-") names only an option asked about:
    /// `-D tablespace` does not define "tablespace".
    public func isNamed(by termHeading: String, analyzer: Analyzer) -> Bool {
        let wanted = Set(analyzer.terms(subject))
        guard !wanted.isEmpty else { return false }
        var names: [Substring] = []
        if let open = termHeading.firstIndex(of: "("), let close = termHeading.lastIndex(of: ")"), open < close {
            names.append(termHeading[..<open])
            names += termHeading[termHeading.index(after: open)..<close].split(separator: ",")
        } else {
            names.append(Substring(termHeading))
        }
        names += names.flatMap { $0.split(separator: ",") }
        // An option ("-D tablespace") names what it does, not the word it takes: only an option question matches it.
        let asksOption = subject.hasPrefix("-")
        return names.contains { name in
            let name = name.trimmingWhitespace()
            return name.hasPrefix("-") == asksOption && Set(analyzer.terms(String(name))) == wanted
        }
    }
}
