import Foundation
import FootnoteCorpus

/// One question of a BEIR `queries.jsonl`: `{"_id", "text"[, "answers"]}`.
public struct BEIRQuery: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Gold answer strings (SQuAD); empty when the collection has none.
    public var answers: [String]

    public init(id: String, text: String, answers: [String] = []) {
        self.id = id
        self.text = text
        self.answers = answers
    }
}

/// Errors reading evaluation inputs, each naming the file and line.
public struct EvaluationInputError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int?
    public var reason: String

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}

public enum BEIRQueries {
    /// Reads every query of a `queries.jsonl` file, in file order.
    public static func read(_ path: String) throws(EvaluationInputError) -> [BEIRQuery] {
        var out: [BEIRQuery] = []
        for (number, raw) in try JSONLinesFile.lines(path) {
            guard let object = FlatJSONObject(raw) else {
                throw EvaluationInputError(path: path, line: number, reason: "not a JSON object")
            }
            let id: String
            switch object["_id"] {
            case .string(let s)?, .number(let s)?: id = s
            default: throw EvaluationInputError(path: path, line: number, reason: "no \"_id\"")
            }
            guard case .string(let text)? = object["text"] else {
                throw EvaluationInputError(path: path, line: number, reason: "no \"text\"")
            }
            var answers: [String] = []
            if case .strings(let list)? = object["answers"] { answers = list }
            out.append(BEIRQuery(id: id, text: text, answers: answers))
        }
        return out
    }
}
