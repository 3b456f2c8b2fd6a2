import Foundation

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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationInputError(path: path, line: nil, reason: "cannot read the file")
        }
        var out: [BEIRQuery] = []
        var number = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if raw.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
            guard let object = FlatJSONObject(ArraySlice(raw)) else {
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
