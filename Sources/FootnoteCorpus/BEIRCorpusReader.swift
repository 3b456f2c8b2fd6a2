import Foundation
import FootnoteAnalysis
#if canImport(Glibc)
import Glibc
#endif
import FootnoteStorage

/// Reads a BEIR corpus file: one JSON object per line with `_id`, `title` and
/// `text`. Each line becomes one passage, cited by its `_id`; the title is its
/// section. Malformed lines are reported by line number and the rest is read;
/// documents with neither title nor text are passed over silently.
///
/// A large file is parsed in as many runs of lines as there are cores, each
/// into columns of its own, joined in line order: the same passages and
/// problems as one pass.
struct BEIRCorpusReader {
    struct Result {
        /// Passages appended.
        var count = 0
        /// Bytes of the passages' text.
        var textBytes = 0
        /// Line numbers and reasons of lines that were passed over.
        var problems: [(line: Int, reason: String)] = []
    }

    /// Bytes per run below which a file is parsed on one thread.
    static let minimumRunBytes = 2 << 20

    /// Appends the passages of `bytes` to `passages` as document `document`
    /// (no `Passage` values are made: a large corpus file goes straight into columns).
    ///
    /// The file's bytes are consumed, and given back to the system as they
    /// are parsed: each run releases the whole memory pages it has read
    /// (`madvise(MADV_DONTNEED)`), so memory holds the columns parsed so far
    /// and the file not yet parsed, not both whole. The buffer is this
    /// function's own (made unique first) and no released byte is read again.
    /// Each run's columns are freed once joined. Lines are found as they are
    /// parsed; no table of them is made.
    static func read(
        _ bytes: consuming [UInt8], document: Int, into passages: inout PassageList.Builder,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        minimumRunBytes: Int = BEIRCorpusReader.minimumRunBytes,
        releaseEvery: Int = BEIRCorpusReader.releaseEvery
    ) -> Result {
        var file = consume bytes
        let n = file.count
        let runs = max(1, min(threads, n / max(1, minimumRunBytes)))
        var parsed: [(list: PassageList, result: Result)?] = []
        var single: Result? = nil
        file.withUnsafeMutableBufferPointer { buf in
            let buffer = UnsafeBufferPointer(buf)
            if runs == 1 {  // straight into the caller's columns
                single = read(
                    buffer, 0..<n, firstLine: 1, document: document, into: &passages, releaseEvery: releaseEvery,
                    release: { Self.release(buf, $0) })
                return
            }
            // Runs of whole lines, of about equal bytes, and the number of each one's first line.
            var starts = [0]
            for r in 1..<runs {
                var b = max(r * n / runs, starts[starts.count - 1])
                while b < n && buffer[b - 1] != UInt8(ascii: "\n") { b += 1 }
                starts.append(b)
            }
            starts.append(n)
            let runStarts = starts
            let newlines = concurrentMap(runs) { r in
                buffer[runStarts[r]..<runStarts[r + 1]].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            var firstLine = [1]
            for r in 0..<(runs - 1) { firstLine.append(firstLine[r] + newlines[r]) }
            let runFirstLine = firstLine
            parsed = concurrentMap(runs) { r -> (list: PassageList, result: Result)? in
                var builder = PassageList.Builder()
                let result = read(
                    buffer, runStarts[r]..<runStarts[r + 1], firstLine: runFirstLine[r], document: document,
                    into: &builder, releaseEvery: releaseEvery, release: { Self.release(buf, $0) })
                return (builder.build(), result)
            }
        }
        _ = consume file
        if let single { return single }
        var result = Result()
        for r in parsed.indices {
            guard let (list, part) = parsed[r] else { continue }
            parsed[r] = nil
            passages.append(rows: 0..<list.count, of: list, document: Int32(document))
            result.count += part.count
            result.textBytes += part.textBytes
            result.problems += part.problems
        }
        return result
    }

    /// Bytes parsed between two releases of a run's memory.
    static let releaseEvery = 4 << 20

    /// Gives the whole memory pages inside `range` of `buffer` back to the
    /// system (their bytes read as zeros afterwards).
    static func release(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let base = buffer.baseAddress else { return }
        MemoryPages.release(UnsafeRawPointer(base), range)
    }

    /// Parses the lines in `range` of `bytes` (which starts a line), the
    /// first numbered `firstLine`. A line ends at `\n`, less a `\r` before it.
    /// Every `releaseEvery` bytes, `release` is given the range parsed since
    /// the last call; the bytes in it are not read again.
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int, document: Int,
        into passages: inout PassageList.Builder, releaseEvery: Int, release: (Range<Int>) -> Void
    ) -> Result {
        var result = Result()
        var start = range.lowerBound, number = firstLine, released = range.lowerBound
        while start < range.upperBound {
            if start - released >= releaseEvery {
                release(released..<start)
                released = start
            }
            var end = start
            while end < range.upperBound && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            defer { start = end + 1; number += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = (start: start, end: lineEnd, number: number)
            switch parse(line: bytes[line.start..<line.end]) {
            case .nothing:
                continue
            case .problem(let reason):
                result.problems.append((line.number, reason))
            case .passage(let id, let title, let body):
                passages.append(
                    document: document, id: id, section: title.isEmpty ? [] : [title], text: body,
                    lines: line.number...line.number, bytes: line.start..<line.end)
                result.count += 1
                result.textBytes += body.utf8.count
            }
        }
        return result
    }

    /// What one line (its `\n` and any `\r` before it left out) holds.
    enum Line: Equatable {
        /// A blank line, or a document with neither title nor text.
        case nothing
        case problem(String)
        case passage(id: String, title: String, text: String)
    }

    /// Reads one line: what loading makes of it, and what `Corpus.passageText`
    /// reads a passage's text back from.
    static func parse(line: Slice<UnsafeBufferPointer<UInt8>>) -> Line {
        if isBlank(line.base, line.startIndex..<line.endIndex) { return .nothing }
        guard let object = FlatJSONObject(line) else { return .problem("not a JSON object") }
        let id: String
        switch object["_id"] {
        case .string(let s)?, .number(let s)?: id = s
        default: return .problem("no \"_id\"")
        }
        func text(_ key: String) -> String { if case .string(let s)? = object[key] { return s }; return "" }
        let title = text("title")
        let body = text("text")
        if title.isEmpty && body.allSatisfy(\.isWhitespace) { return .nothing }  // an empty document: nothing to find
        return .passage(id: id, title: title, text: body)
    }

    /// Whether `range` of `bytes` holds only spaces, tabs, form feeds and vertical tabs.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range {
            let b = bytes[i]
            if !ASCIIWhitespace.isWithinLine(b) { return false }
        }
        return true
    }
}

/// A BEIR `.jsonl` file is a corpus of its own: one passage per line, read
/// by `read(_:document:into:threads:)` straight into the passage list, not
/// through blocks (the loader asks `DocumentFormat.beirJSONL` for that).
extension BEIRCorpusReader: DocumentParser {
    var format: DocumentFormat { .beirJSONL }
    var extensions: [String] { ["jsonl"] }
    func parse(_ bytes: [UInt8]) -> DocumentParse { .blocks([]) }
}

extension DocumentFormat {
    /// BEIR corpus: one `{"_id", "title", "text"}` object per line, each a passage.
    public static let beirJSONL = DocumentFormat(rawValue: "jsonl")
}
