import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a corpus path (a folder or a single file) into passages.
///
/// Per file: NUL bytes mean binary (skipped); a UTF-16 byte-order mark means
/// UTF-16 (decoded); otherwise UTF-8, decoded lossily with a warning when
/// invalid — except for unknown extensions, which are read only when they are
/// valid UTF-8. Unreadable files are skipped. Every skip or caveat becomes one
/// `CorpusNotice`; nothing a file contains can make loading fail.
public struct CorpusLoader: Sendable {
    public var passageBuilder: PassageBuilder

    public init(passageBuilder: PassageBuilder = PassageBuilder()) {
        self.passageBuilder = passageBuilder
    }

    /// Reads every file of `path` (a folder or one file).
    /// - Throws: `CorpusError` when the path is missing or nothing in it is readable.
    public func load(_ path: String, progress: ((Progress) -> Void)? = nil) throws(CorpusError) -> Corpus {
        let scan = try scan(path)
        let corpus = load(scan, progress: progress)
        guard !corpus.passages.isEmpty else { throw .empty(path: path, notices: corpus.notices) }
        return corpus
    }

    /// Lists the files of `path` with their sizes and times, reading none of them.
    public func scan(_ path: String) throws(CorpusError) -> CorpusScan {
        var st = stat()
        let startedAt = CorpusScan.now()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let walker = CorpusWalker(root: path)
            return CorpusScan(path: path, absolutePath: Self.absolutePath(path), startedAt: startedAt, entries: walker.files,
                              problems: walker.problems.map { CorpusNotice(.skipped, path: $0.path, reason: $0.reason) })
        case S_IFREG:
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let entry = CorpusWalker.Entry(relativePath: name, fullPath: path, size: Int64(st.st_size), modified: st.modificationTime)
            return CorpusScan(path: path, absolutePath: Self.absolutePath(path), startedAt: startedAt, entries: [entry], problems: [])
        default:
            throw .unreadable(path: path, reason: "not a folder or a regular file")
        }
    }

    /// How far `load` has got: files and bytes read of those it was given.
    public struct Progress: Sendable {
        public var files: Int, totalFiles: Int
        public var bytes: Int64, totalBytes: Int64
    }

    /// Reads the scanned files whose positions are in `only` (all when nil),
    /// numbering their documents from 0 in scan order. Never throws: an empty
    /// result is the caller's to judge. Notices: the scan's problems (when
    /// reading all files), then one per file skipped or read with a caveat.
    public func load(_ scan: CorpusScan, only: [Int]? = nil, progress: ((Progress) -> Void)? = nil) -> Corpus {
        let chosen = only ?? Array(scan.entries.indices)
        var documents: [SourceDocument] = []
        var passages = PassageList.Builder()
        var notices = only == nil ? scan.problems : []
        var files: [CorpusFile] = []
        let totalBytes = chosen.reduce(Int64(0)) { $0 + scan.entries[$1].size }
        var done = Progress(files: 0, totalFiles: chosen.count, bytes: 0, totalBytes: totalBytes)
        for e in chosen {
            let entry = scan.entries[e]
            defer {
                done.files += 1
                done.bytes += entry.size
                progress?(done)
            }
            let format = DocumentFormat(path: entry.relativePath)
            let (outcome, hash) = Self.decode(path: entry.fullPath, format: format)
            files.append(CorpusFile(path: entry.relativePath,
                                    stamp: FileStamp(size: entry.size, modified: entry.modified, contentHash: hash)))
            guard case .text(let bytes, let caveat) = outcome else {
                if case .skip(let reason) = outcome { notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: reason)) }
                continue
            }
            if let caveat { notices.append(CorpusNotice(.warning, path: entry.relativePath, reason: caveat)) }
            let index = documents.count
            var found: [Passage]
            switch format {
            case .beirJSONL:
                let result = BEIRCorpusReader.read(bytes, document: index, into: &passages)
                if !result.problems.isEmpty {
                    let shown = result.problems.prefix(5).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
                    let more = result.problems.count > 5 ? "; and \(result.problems.count - 5) more" : ""
                    notices.append(CorpusNotice(.warning, path: entry.relativePath,
                                                reason: "\(result.problems.count) malformed line\(result.problems.count == 1 ? "" : "s") passed over (\(shown)\(more))"))
                }
                guard result.count > 0 else {
                    notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "no text"))
                    continue
                }
                documents.append(SourceDocument(path: entry.relativePath, format: format, byteCount: bytes.count, passageCount: result.count))
                continue
            case .markdown:
                found = passageBuilder.passages(from: MarkdownParser.parse(bytes), file: bytes, document: index)
            case .restructuredText:
                found = passageBuilder.passages(from: RestructuredTextParser.parse(bytes), file: bytes, document: index)
            case .html:
                found = passageBuilder.passages(from: HTMLDocumentParser.parse(bytes), file: bytes, document: index)
            case .plainText, .unknown:
                found = passageBuilder.passages(from: PlainTextParser.parse(bytes), file: bytes, document: index)
            }
            found.removeAll { $0.text.allSatisfy(\.isWhitespace) && $0.section.isEmpty }
            guard !found.isEmpty else {
                notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "no text"))
                continue
            }
            documents.append(SourceDocument(path: entry.relativePath, format: format, byteCount: bytes.count, passageCount: found.count))
            for p in found { passages.append(p) }
        }
        return Corpus(path: scan.path, absolutePath: scan.absolutePath, documents: documents, passages: passages.build(),
                      notices: notices, files: files, scannedAt: scan.startedAt)
    }

    enum Decoded {
        case text([UInt8], caveat: String?)
        case skip(String)
    }

    /// Reads a file and decides how (or whether) to use it as text; with the
    /// `Checksum.hash` of its bytes (0 when unreadable).
    static func decode(path: String, format: DocumentFormat) -> (Decoded, UInt64) {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let b): bytes = b
        case .failure(let reason): return (.skip(reason), 0)
        }
        return (decode(bytes, format: format), Checksum.hash(bytes))
    }

    static func decode(_ bytes: [UInt8], format: DocumentFormat) -> Decoded {
        if bytes.isEmpty { return .skip("empty file") }
        // UTF-16 with a byte-order mark.
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            guard let s = String(data: Data(bytes), encoding: .utf16) else { return .skip("invalid UTF-16") }
            return .text(Array(s.utf8), caveat: nil)
        }
        if bytes.contains(0) { return .skip("binary file (contains NUL bytes)") }
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        if String(validating: body, as: UTF8.self) != nil { return .text(body, caveat: nil) }
        if format == .unknown { return .skip("not UTF-8 text (unknown extension)") }
        return .text(Array(String(decoding: body, as: UTF8.self).utf8), caveat: "invalid UTF-8, decoded with replacement characters")
    }

    enum ReadResult { case success([UInt8]), failure(String) }

    /// The `Checksum.hash` of a file's bytes, nil when it cannot be read.
    public static func contentHash(path: String) -> UInt64? {
        guard case .success(let bytes) = readFile(path) else { return nil }
        return Checksum.hash(bytes)
    }

    static func readFile(_ path: String) -> ReadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var out: [UInt8] = []
        var st = stat()
        if fstat(fd, &st) == 0 { out.reserveCapacity(Int(st.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure("read error: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return .success(out)
    }

    /// The canonical absolute form of `path` (symbolic links resolved when it exists).
    public static func absolutePath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
