/// A ranked list per query, as TREC run files hold them:
/// `qid Q0 docid rank score tag`, scores with six decimals.
public struct TRECRun: Sendable {
    public struct Entry: Sendable, Equatable {
        public var document: String
        public var score: Double
        public init(document: String, score: Double) { self.document = document; self.score = score }
    }

    /// Query id → entries in rank order.
    public var rankings: [String: [Entry]]

    public init(_ rankings: [String: [Entry]] = [:]) { self.rankings = rankings }

    /// The six-decimal score a run file stores; evaluation ranks by it.
    public static func stored(_ score: Float) -> Double { (Double(score) * 1e6).rounded() / 1e6 }

    /// The lines of one query's ranking.
    public static func lines(query: String, entries: [Entry], tag: String = "footnote") -> String {
        var out = ""
        for (rank, e) in entries.enumerated() {
            out += "\(query) Q0 \(e.document) \(rank + 1) \(formatScore(e.score)) \(tag)\n"
        }
        return out
    }

    /// `%.6f` without Foundation.
    static func formatScore(_ x: Double) -> String {
        let negative = x < 0
        let micros = Int64((abs(x) * 1e6).rounded())
        let whole = micros / 1_000_000, frac = micros % 1_000_000
        let fracText = String(frac)
        return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: 6 - fracText.count) + fracText
    }

    /// Parses run file text (six or more whitespace-separated fields a line).
    public static func parse(_ text: String) -> TRECRun {
        var run = TRECRun()
        for line in text.split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 6, let score = Double(f[4]) else { continue }
            run.rankings[String(f[0]), default: []].append(Entry(document: String(f[2]), score: score))
        }
        return run
    }
}
