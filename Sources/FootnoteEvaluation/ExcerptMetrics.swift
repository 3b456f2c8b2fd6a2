/// How often the excerpt a user is shown contains the answer.
///
/// `excerpt@1`: the share of questions with gold answers whose top-1 cited
/// excerpt contains one of them, both lowercased and whitespace runs collapsed
/// (a question without a hit counts as a miss) — as `anchors.py snippets`
/// measures it. The "…" cut markers are removed first.
public enum ExcerptMetrics {
    /// Lowercased, whitespace runs collapsed to one space, trimmed.
    public static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True when `excerpt` contains one of `answers`.
    public static func contains(_ excerpt: String, anyOf answers: [String]) -> Bool {
        let shown = normalize(String(excerpt.map { $0 == "…" ? " " : $0 }))
        return answers.contains { a in
            let gold = normalize(a)
            return !gold.isEmpty && shown.contains(gold)
        }
    }

    /// Length in characters as `anchors.py` counts it (whitespace collapsed).
    public static func length(_ excerpt: String) -> Int {
        excerpt.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").count
    }
}
