/// A passage in full, for reading it where it stands (`:open`): its text,
/// and, for a text file (plain text, Markdown, reStructuredText), its source
/// lines with a few lines before and after.
public struct PassageContext: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// 1-based, as citations count lines.
        public var number: Int
        public var text: String
        /// Within the passage's cited lines (else context around it).
        public var inPassage: Bool
    }

    /// The passage's text, as indexed.
    public var text: String
    /// The cited lines and up to `surrounding` lines either side; empty for
    /// HTML and BEIR `.jsonl` passages, whose source lines are markup and
    /// other records.
    public var lines: [Line]
}

extension Corpus {
    /// Passage `p` in full, with `surrounding` source lines either side
    /// (`PassageContext`); fails as `passageText(_:)` does when its file
    /// changed since it was indexed or cannot be read.
    public func context(ofPassage p: Int, surrounding: Int = 3) -> Result<PassageContext, PassageTextFailure> {
        let text: String
        switch passageText(p) {
        case .success(let t): text = t
        case .failure(let failure): return .failure(failure)
        }
        let document = documents[Int(passages.documents[p])]
        guard DocumentParsers.parser(for: document.format).showsSourceLines else {
            return .success(PassageContext(text: text, lines: []))
        }
        let path = documentFullPath(Int(passages.documents[p]))
        let (decoded, hash, _) = CorpusLoader.decode(path: path, member: document.member, format: document.format, maxBytes: maxFileBytes)
        guard case .text(let bytes, _, _) = decoded,
            files.first(where: { $0.path == document.path })?.stamp.contentHash == hash
        else { return .failure(.changed(path: document.path)) }
        let cited = passages.bounds(p).lines
        var lines: [PassageContext.Line] = []
        var number = 1, start = 0
        let first = max(1, cited.lowerBound - surrounding), last = cited.upperBound + surrounding
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
            if number >= first && number <= last && (i > start || i < bytes.count) {
                var end = i
                if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lines.append(
                    PassageContext.Line(
                        number: number, text: String(decoding: bytes[start..<end], as: UTF8.self), inPassage: cited.contains(number)))
            }
            number += 1
            start = i + 1
            if number > last { break }
        }
        return .success(PassageContext(text: text, lines: lines))
    }
}
