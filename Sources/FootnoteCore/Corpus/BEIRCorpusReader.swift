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

    /// Bytes per run below which a file is parsed on one thread.
    static let minimumRunBytes = 2 << 20

    /// Appends the passages of `bytes` to `passages` as document `document`
    /// (no `Passage` values are made: a large corpus file goes straight into columns).
    /// The file's bytes are consumed: when the caller holds no other copy,
    /// they are freed once parsed, before the runs are joined, and each run
    /// is freed once joined (peak memory: the file and the parsed columns,
    /// then the columns and about one run more). Lines are found as they are
    /// parsed; no table of them is made.
    static func read(_ bytes: consuming [UInt8], document: Int, into passages: inout PassageList.Builder,
                     threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                     minimumRunBytes: Int = BEIRCorpusReader.minimumRunBytes) -> Result {
        let file = consume bytes
        let n = file.count
        let runs = max(1, min(threads, n / max(1, minimumRunBytes)))
        if runs == 1 { return read(file, 0..<n, firstLine: 1, document: document, into: &passages) }
        // Runs of whole lines, of about equal bytes, and the number of each one's first line.
        var starts = [0]
        file.withUnsafeBufferPointer { buf in
            for r in 1..<runs {
                var b = max(r * n / runs, starts[starts.count - 1])
                while b < n && buf[b - 1] != UInt8(ascii: "\n") { b += 1 }
                starts.append(b)
            }
        }
        starts.append(n)
        let runStarts = starts
        let newlines = concurrentMap(runs) { r in
            file.withUnsafeBufferPointer { buf in
                buf[runStarts[r]..<runStarts[r + 1]].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
        }
        var firstLine = [1]
        for r in 0..<(runs - 1) { firstLine.append(firstLine[r] + newlines[r]) }
        let runFirstLine = firstLine
        var parsed = concurrentMap(runs) { r -> (list: PassageList, result: Result)? in
            var builder = PassageList.Builder()
            let result = read(file, runStarts[r]..<runStarts[r + 1], firstLine: runFirstLine[r], document: document, into: &builder)
            return (builder.build(), result)
        }
        _ = consume file
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

    /// Parses the lines in `range` of `bytes` (which starts a line), the
    /// first numbered `firstLine`. A line ends at `\n`, less a `\r` before it.
    private static func read(_ bytes: [UInt8], _ range: Range<Int>, firstLine: Int, document: Int,
                             into passages: inout PassageList.Builder) -> Result {
        var result = Result()
        var start = range.lowerBound, number = firstLine
        while start < range.upperBound {
            var end = start
            while end < range.upperBound && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1; number += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = (start: start, end: lineEnd, number: number)
            if isBlank(bytes, start..<lineEnd) { continue }
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

    /// Whether `range` of `bytes` holds only spaces, tabs, form feeds and vertical tabs.
    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range {
            let b = bytes[i]
            if b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") && b != 0x0C && b != 0x0B { return false }
        }
        return true
    }
}
