/// A reference page's name line: the names it documents, a dash, and one
/// line saying what they do. A manual page's NAME section holds one
/// ("git-mv - Move or rename a file, a directory, or a symlink"), and so
/// does the head of a PostgreSQL or DocBook reference entry ("VACUUM —
/// garbage-collect and optionally analyze a database"). It is what `whatis`
/// and `apropos` search: the page's subject in the words people ask with,
/// where the page's title is only its name ("git-mv(1) Manual Page").
///
/// Read from a block's text: whitespace collapsed, the names (at most
/// `longestNames` words, commas between several) before the first dash
/// (" - ", " — ", " – ", or roff's " \- "), and the summary after it (1 to
/// `longestSummary` words, not a sentence ending in a question).
public struct NameLine: Equatable, Sendable {
    /// What comes before the dash: "git-mv", "ALTER TABLE", "gzip, gunzip, zcat".
    public let names: String
    /// What comes after it: "Move or rename a file, a directory, or a symlink".
    public let summary: String

    static let longestNames = 6
    static let longestSummary = 25
    static let separators = [" \\- ", " - ", " — ", " – "]
    /// Between a title and the summary it carries (`titled(_:)`), where
    /// `HeadingMatch` splits them again.
    public static let titleSeparator = " — "

    public init?(_ text: String) {
        let line = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        guard let cut = Self.separators.compactMap({ line.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let names = line[..<cut.lowerBound], summary = line[cut.upperBound...]
        let nameWords = names.split(separator: " ").count, summaryWords = summary.split(separator: " ").count
        guard nameWords >= 1, nameWords <= Self.longestNames, summaryWords >= 1, summaryWords <= Self.longestSummary,
            summary.last != "?"
        else { return nil }
        self.names = String(names)
        self.summary = String(summary)
    }

    /// `title` carrying the summary: "git-mv(1) Manual Page — Move or rename a file, …".
    public func titled(_ title: String) -> String { title + Self.titleSeparator + summary }

    /// True when the names are what `title` names: the title begins with the
    /// first name, compared case-insensitively, with a manual section
    /// ("(1)") after it or a space or nothing ("VACUUM", "git-mv(1) Manual
    /// Page").
    public func isNamed(by title: String) -> Bool {
        let first = names.split(separator: ",").first.map { $0.trimmingWhitespace() } ?? ""
        let name = first.lowercased(), heading = title.lowercased()
        guard !name.isEmpty, heading.hasPrefix(name) else { return false }
        let rest = heading.dropFirst(name.count)
        return rest.isEmpty || rest.first == " " || rest.first == "("
    }
}
