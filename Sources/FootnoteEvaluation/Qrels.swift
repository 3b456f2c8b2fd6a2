import Foundation

/// Relevance judgments: query id → document id → grade (> 0 is relevant).
public struct Qrels: Sendable, Equatable {
    public var grades: [String: [String: Int]]

    public init(_ grades: [String: [String: Int]]) { self.grades = grades }

    /// Queries with at least one relevant document: the ones metrics average over.
    public var judgedQueries: [String] {
        grades.filter { $0.value.values.contains { $0 > 0 } }.keys.sorted()
    }

    /// Reads a BEIR `qrels.tsv` (header `query-id corpus-id score`, tab-separated;
    /// a four-column TREC qrels line `qid 0 docid grade` is accepted too).
    public static func read(_ path: String) throws(EvaluationInputError) -> Qrels {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationInputError(path: path, line: nil, reason: "cannot read the file")
        }
        var grades: [String: [String: Int]] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\r" }).map(String.init)
            if fields.isEmpty { continue }
            if i == 0 && Int(fields.last!) == nil { continue }  // header
            let (q, d, g): (String, String, String)
            switch fields.count {
            case 3: (q, d, g) = (fields[0], fields[1], fields[2])
            case 4: (q, d, g) = (fields[0], fields[2], fields[3])
            default: throw EvaluationInputError(path: path, line: i + 1, reason: "expected 3 or 4 fields")
            }
            guard let grade = Int(g) else { throw EvaluationInputError(path: path, line: i + 1, reason: "grade '\(g)' is not an integer") }
            grades[q, default: [:]][d] = grade
        }
        return Qrels(grades)
    }
}
