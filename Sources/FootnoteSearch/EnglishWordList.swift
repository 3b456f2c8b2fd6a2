#if canImport(Glibc)
import Glibc
#endif
import FootnoteStorage
import FootnoteAnalysis
import FootnoteCorpus

/// The words of a kept English word list, folded as the vocabulary folds
/// words (lowercase, no diacritics): what tells a correct English word that a
/// corpus happens to lack ("penguin", "people") from a misspelling of one it
/// has ("transparancy").
///
/// The list is Debian's `wamerican` (`/usr/share/dict/american-english`,
/// 104,000 words with their inflections), else `/usr/share/dict/words`;
/// one word a line, possessives (`people's`) passed over. Without a list,
/// `shared` is nil and every unknown word is treated as before: corrected
/// when a corpus word is close, counted in full against the confidence.
public struct EnglishWordList: Sendable {
    private let words: ByteKeyTable

    /// The word lists looked for, in order.
    public static let defaultPaths = ["/usr/share/dict/american-english", "/usr/share/dict/words"]

    /// The first of `defaultPaths` that can be read (once per process, at first use), or nil.
    public static let shared: EnglishWordList? = defaultPaths.lazy.compactMap { EnglishWordList(path: $0) }.first

    /// The list in the file at `path`, nil when it cannot be read or holds no word.
    public init?(path: String) {
        guard case .success(let bytes) = CorpusLoader.readFile(path) else { return nil }
        self.init(lines: bytes)
        if words.count == 0 { return nil }
    }

    /// The words of `lines`: one a line, folded; lines with an apostrophe or
    /// a space, and empty ones, passed over.
    public init(lines: [UInt8]) {
        var table = ByteKeyTable(capacity: lines.count / 8)
        var folder = CaseAndDiacriticFolder()
        var token = Token()
        lines.withUnsafeBufferPointer { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { lower in
                var start = 0
                for i in 0...text.count where i == text.count || text[i] == UInt8(ascii: "\n") {
                    var end = i
                    if end > start && text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    let line = UnsafeBufferPointer(rebasing: text[start..<end])
                    start = i + 1
                    guard !line.isEmpty, !line.contains(UInt8(ascii: "'")), !line.contains(UInt8(ascii: " ")) else { continue }
                    // An ASCII word folds by lowercasing, in place; others take the folder.
                    if line.count <= lower.count && line.allSatisfy({ $0 < 0x80 }) {
                        for (k, b) in line.enumerated() { lower[k] = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }
                        _ = table.insert(UnsafeBufferPointer(rebasing: lower[0..<line.count]))
                        continue
                    }
                    token.term = Array(line)
                    if folder.apply(&token) { _ = table.insert(token.term) }
                }
            }
        }
        words = table
    }

    /// Whether `folded` (a word folded by `CaseAndDiacriticFolder`) is on the list.
    public func contains(folded: [UInt8]) -> Bool { words.find(folded) != nil }

    public var count: Int { words.count }
}
