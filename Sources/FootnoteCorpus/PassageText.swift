import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FootnoteStorage

/// Why a passage's text could not be read back from its file.
public enum PassageTextFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is gone, or not as it was when indexed (size, modification
    /// time or, for a racily clean stamp, content), or no longer holds the passage.
    case changed(path: String)
    case unreadable(path: String, reason: String)

    public var path: String {
        switch self {
        case .changed(let path), .unreadable(let path, _): return path
        }
    }

    public var description: String {
        switch self {
        case .changed(let path): return "\(path) changed since it was indexed"
        case .unreadable(let path, let reason): return "cannot read \(path) (\(reason))"
        }
    }
}

/// The decoded text of recently read documents, and how each cuts into
/// passages (when that was needed), shared by the copies of one `Corpus`.
/// Entries are keyed by path and stamp, so a file that changed is never
/// served from here. Thread-safe.
public final class DocumentTextCache: @unchecked Sendable {
    struct Entry {
        var path: String
        var stamp: FileStamp
        var text: [UInt8]
        var passages: [Passage]?
    }

    /// Documents kept (the least recently used goes first).
    let capacity: Int
    private var entries: [Entry] = []
    /// Files with a racily clean stamp whose content was hashed and found as
    /// indexed at a time their stamp's time was long enough past to prove it
    /// (`FileStamp.ambiguityWindow`): a later change would have moved it.
    private var verified: Set<String> = []
    private let lock = NSLock()

    /// Whether the file at `path` with `stamp` was verified (`markVerified`).
    func isVerified(path: String, stamp: FileStamp) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return verified.contains(Self.key(path, stamp))
    }

    /// Records that the file at `path` with `stamp` holds what was indexed.
    func markVerified(path: String, stamp: FileStamp) {
        lock.lock()
        defer { lock.unlock() }
        verified.insert(Self.key(path, stamp))
    }

    private static func key(_ path: String, _ stamp: FileStamp) -> String { "\(stamp.size) \(stamp.modified) \(path)" }

    public init(capacity: Int = 4) { self.capacity = max(1, capacity) }

    func entry(path: String, stamp: FileStamp) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let i = entries.firstIndex(where: { $0.path == path && $0.stamp == stamp }) else { return nil }
        let e = entries.remove(at: i)
        entries.append(e)
        return e
    }

    func store(_ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.path == entry.path }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}

extension Corpus {
    /// Passage `p`'s text: from memory when the passage list keeps it (a corpus
    /// just read), else read back from its file — the index keeps no text.
    ///
    /// The file must still be as it was indexed: its size and modification
    /// time must match its stamp (and its content hash, when the stamp was
    /// taken too close to a change to prove anything; `FileStamp.ambiguityWindow`).
    /// Then:
    /// - a BEIR `.jsonl` passage is its line, read at its byte range and parsed
    ///   again (`BEIRCorpusReader.parse(line:)`); its `_id` must match;
    /// - a verbatim passage (`Passage.isVerbatim`) is its byte range;
    /// - any other is cut again from the whole document, as loading cut it
    ///   (`CorpusLoader.passages(of:format:document:)` with `passageBuilder`),
    ///   which must give the document's passage count.
    /// A file whose text is not its bytes as they are (`TextEncoding.transcoded`)
    /// is decoded whole; so is a file inside a zip archive, from the archive. Whole documents are kept in `textCache` — but for a
    /// racily clean stamp, whose content only a fresh hash vouches for.
    /// - Complexity: O(passage) for the first two; O(document) for the last,
    ///   once per document while it stays in the cache.
    public func passageText(_ p: Int) -> Result<String, PassageTextFailure> {
        if let texts = passages.texts { return .success(texts[p]) }
        let d = Int(passages.documents[p])
        let document = documents[d]
        let path = documentFullPath(d)
        guard let stamp = files.first(where: { $0.path == document.path })?.stamp else { return .failure(.changed(path: document.path)) }
        var st = stat()
        guard RawPath.withCString(path, { stat($0, &st) }) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .failure(.changed(path: document.path)) }
            return .failure(.unreadable(path: document.path, reason: String(cString: strerror(errno))))
        }
        guard Int64(st.st_size) == stamp.size, st.modificationTime == stamp.modified else { return .failure(.changed(path: document.path)) }
        let racy = stamp.modified >= scannedAt - FileStamp.ambiguityWindow && !textCache.isVerified(path: path, stamp: stamp)
        let range = passages.bounds(p).bytes

        // The cheap paths: the passage's bytes alone.
        if !racy, let offset = document.encoding.textOffset, document.format == .beirJSONL || passages.isVerbatim(p) {
            switch Self.read(path, at: offset + range.lowerBound, count: range.count) {
            case .failure(let failure): return .failure(.unreadable(path: document.path, reason: failure.reason))
            case .success(let bytes): return text(of: p, from: bytes, document: document)
            }
        }
        // The whole document, decoded as loading decoded it (a file inside an archive: from the archive).
        var entry: DocumentTextCache.Entry
        let cacheKey = document.member.map { path + "\u{0}" + $0 } ?? path
        if !racy, let cached = textCache.entry(path: cacheKey, stamp: stamp) {
            entry = cached
        } else {
            let readAt = SystemClock.nowNanoseconds()
            let (decoded, hash, _) = CorpusLoader.decode(
                path: path, member: document.member, format: document.format, maxBytes: maxFileBytes)
            guard case .text(let bytes, _, _) = decoded else {
                if case .skip(let reason) = decoded { return .failure(.unreadable(path: document.path, reason: reason)) }
                return .failure(.changed(path: document.path))
            }
            guard !racy || hash == stamp.contentHash else { return .failure(.changed(path: document.path)) }
            if racy && readAt - stamp.modified > FileStamp.ambiguityWindow {
                // Read well after its time: from now on, only a new time can mean new content.
                textCache.markVerified(path: path, stamp: stamp)
            }
            entry = DocumentTextCache.Entry(path: cacheKey, stamp: stamp, text: bytes, passages: nil)
            if !racy { textCache.store(entry) }
        }
        if document.format == .beirJSONL || passages.isVerbatim(p) {
            guard range.lowerBound >= 0, range.upperBound <= entry.text.count else { return .failure(.changed(path: document.path)) }
            return text(of: p, from: Array(entry.text[range]), document: document)
        }
        if entry.passages == nil {
            entry.passages = CorpusLoader(passageBuilder: passageBuilder, threads: 1, maxFileBytes: maxFileBytes).passages(
                of: entry.text, format: document.format, document: d)
            if !racy { textCache.store(entry) }
        }
        let cut = entry.passages!, local = p - firstPassages[d]
        guard cut.count == document.passageCount, local >= 0, local < cut.count else { return .failure(.changed(path: document.path)) }
        return .success(cut[local].text)
    }

    /// The corpus with every passage's text in memory (read back from the
    /// files when the passage list keeps none): what re-indexing a subset of
    /// its passages needs.
    public func withTexts() -> Result<Corpus, PassageTextFailure> {
        guard passages.texts == nil else { return .success(self) }
        var texts = StringTable.Builder()
        for p in passages.indices {
            switch passageText(p) {
            case .success(let text): texts.append(text)
            case .failure(let failure): return .failure(failure)
            }
        }
        var corpus = self
        corpus.passages = PassageList(
            documents: passages.documents, bounds: passages.bounds, texts: .plain(texts.build()),
            sections: passages.sections, ids: passages.ids, flags: passages.flags)
        return .success(corpus)
    }

    /// The text of passage `p` from the bytes of its range.
    private func text(of p: Int, from bytes: [UInt8], document: SourceDocument) -> Result<String, PassageTextFailure> {
        guard document.format == .beirJSONL else { return .success(String(decoding: bytes, as: UTF8.self)) }
        let line = bytes.withUnsafeBufferPointer { BEIRCorpusReader.parse(line: $0[...]) }
        guard case .passage(let id, _, let text) = line, id == passages.id(p) else { return .failure(.changed(path: document.path)) }
        return .success(text)
    }

    /// Where document `d` is now: under the corpus folder, or the corpus itself
    /// when the corpus is one file.
    public func documentFullPath(_ d: Int) -> String {
        var st = stat()
        if stat(absolutePath, &st) == 0 && st.st_mode & S_IFMT == S_IFREG { return absolutePath }
        return absolutePath + "/" + documents[d].path
    }

    struct ReadFailure: Error { var reason: String }

    /// `count` bytes of the file at `path` from `offset`, or why not.
    static func read(_ path: String, at offset: Int, count: Int) -> Result<[UInt8], ReadFailure> {
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return .failure(ReadFailure(reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: String(cString: strerror(errno))))
            }
            if n == 0 { return .failure(ReadFailure(reason: "shorter than when it was indexed")) }
            done += n
        }
        return .success(out)
    }
}
