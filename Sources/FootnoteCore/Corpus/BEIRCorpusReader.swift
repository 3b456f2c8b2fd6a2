import Foundation

/// Reads a BEIR corpus file: one JSON object per line with `_id`, `title` and
/// `text`. Each line becomes one passage, cited by its `_id`; the title is its
/// section. Malformed lines are reported by line number and the rest is read;
/// documents with neither title nor text are passed over silently.
///
/// A large file is parsed in as many runs of lines as there are cores, each
/// into columns of its own, joined in line order: the same passages and
/// problems as one pass.
enum BEIRCorpusReader {
    struct Result {
        /// Passages appended.
        var count = 0
        /// Line numbers and reasons of lines that were passed over.
        var problems: [(line: Int, reason: String)] = []
    }

    /// Lines per run below which a file is parsed on one thread.
    static let linesPerRun = 16_384

    /// Appends the passages of `bytes` to `passages` as document `document`
    /// (no `Passage` values are made: a large corpus file goes straight into columns).
    /// The file's bytes are consumed: when the caller holds no other copy,
    /// they are freed once parsed, before the runs are joined, and each run
    /// is freed once joined (peak memory: the parsed columns and about one
    /// run more, not the file and two copies of the columns).
    static func read(_ bytes: consuming [UInt8], document: Int, into passages: inout PassageList.Builder,
                     threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Result {
        let text = TextLines(consume bytes)
        let lines = text.lines.count
        let runs = max(1, min(threads, lines / linesPerRun))
        if runs == 1 { return read(text, 0..<lines, document: document, into: &passages) }
        var parsed = concurrentMap(runs) { r -> (list: PassageList, result: Result)? in
            var builder = PassageList.Builder()
            let result = read(text, (r * lines / runs)..<((r + 1) * lines / runs), document: document, into: &builder)
            return (builder.build(), result)
        }
        _ = consume text
        var result = Result()
        for r in parsed.indices {
            guard let (list, part) = parsed[r] else { continue }
            parsed[r] = nil
            passages.append(rows: 0..<list.count, of: list, document: Int32(document))
            result.count += part.count
            result.problems += part.problems
        }
        return result
    }

    /// Parses lines `range` of `text`.
    private static func read(_ text: TextLines, _ range: Range<Int>, document: Int, into passages: inout PassageList.Builder) -> Result {
        var result = Result()
        let bytes = text.bytes
        for line in text.lines[range] where !text.isBlank(line) {
            guard let object = FlatJSONObject(bytes[line.start..<line.end]) else {
                result.problems.append((line.number, "not a JSON object"))
                continue
            }
            let id: String
            switch object["_id"] {
            case .string(let s)?, .number(let s)?: id = s
            default:
                result.problems.append((line.number, "no \"_id\""))
                continue
            }
            func text(_ key: String) -> String { if case .string(let s)? = object[key] { return s }; return "" }
            let title = text("title")
            let body = text("text")
            if title.isEmpty && body.allSatisfy(\.isWhitespace) { continue }   // an empty document: nothing to find
            passages.append(document: document, id: id, section: title.isEmpty ? [] : [title], text: body,
                            lines: line.number...line.number, bytes: line.start..<line.end)
            result.count += 1
        }
        return result
    }
}
