import Foundation

/// The lines of a JSON-lines file (`queries.jsonl`, `conversations.jsonl`):
/// each non-blank line's bytes with its 1-based number, for a reader that
/// names the line it cannot read.
enum JSONLinesFile {
    /// - Throws: when the file cannot be read.
    static func lines(_ path: String) throws(EvaluationInputError) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationInputError(path: path, line: nil, reason: "cannot read the file")
        }
        return [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().compactMap { i, raw in
            raw.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") } ? nil : (i + 1, raw)
        }
    }
}
