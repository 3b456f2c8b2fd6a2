/// A question after analysis: its distinct terms, how often each occurs, and
/// which of them the corpus knows.
public struct Query: Sendable {
    public struct Term: Sendable, Equatable {
        /// The analyzed term (a stem).
        public var text: String
        /// Occurrences in the question.
        public var frequency: Int
        /// The term's number in the index, nil when the corpus never uses it.
        public var id: Int32?
    }

    public var text: String
    /// Distinct terms in order of first occurrence.
    public var terms: [Term]

    /// Analyzes `text` with `analyzer` and looks its terms up in `index`.
    public init(_ text: String, analyzer: Analyzer, index: InvertedIndex) {
        self.text = text
        var terms: [Term] = []
        var slot: [String: Int] = [:]
        analyzer.analyze(text) { token in
            let s = token.termString
            if let k = slot[s] { terms[k].frequency += 1; return }
            slot[s] = terms.count
            terms.append(Term(text: s, frequency: 1, id: index.termID(s)))
        }
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }
}
