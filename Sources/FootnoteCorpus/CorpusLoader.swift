import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FootnoteStorage
import FootnoteAnalysis

/// Reads a corpus path (a folder or a single file) into passages.
///
/// Per file: its format (`DocumentParsers`: by name, else by signature), its
/// bytes decompressed and decoded as that format reads them (`decode`), its
/// blocks (`DocumentParser.parse`), its passages (`PassageBuilder`).
/// Unreadable files are skipped. Every skip or caveat becomes one
/// `CorpusNotice`; nothing a file contains can make loading fail.
public struct CorpusLoader: Sendable {
    public var passageBuilder: PassageBuilder
    /// How many files (or runs of a large BEIR file's lines) are parsed at once.
    public var threads: Int
    /// Files in a corpus folder larger than this are skipped unread, with a
    /// notice (0: no limit): a stray disk image or log in a notes folder
    /// should not cost minutes and gigabytes. A corpus that is one file is
    /// read whatever its size: the user named it. `--max-file-size`.
    public var maxFileBytes: Int64

    /// How much more a byte of a costly format (`DocumentParser.isCostly`: PDF)
    /// costs to read than a byte of text, for sharing files among threads.
    static let costlyWeight: Int64 = 8

    /// 256 MiB: over twice the largest single file the benchmarks index (the
    /// 113 MB kernel `.jsonl`).
    public static let defaultMaxFileBytes: Int64 = 256 << 20

    /// Which files of a folder are read (ignore files, `--include`, `--exclude`).
    public var filter: CorpusFilter

    /// Whether the files inside zip archives are read, each a document of
    /// its own (`ArchiveMembers`); else a zip is skipped with that advice. `--archives`.
    public var readsArchives: Bool

    public init(
        passageBuilder: PassageBuilder = PassageBuilder(), threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        maxFileBytes: Int64 = CorpusLoader.defaultMaxFileBytes, filter: CorpusFilter = CorpusFilter(), readsArchives: Bool = false
    ) {
        self.filter = filter
        self.readsArchives = readsArchives
        self.passageBuilder = passageBuilder
        self.threads = max(1, threads)
        self.maxFileBytes = max(0, maxFileBytes)
    }

    /// Reads every file of `path` (a folder or one file).
    /// - Throws: `CorpusError` when the path is missing or nothing in it is readable.
    public func load(_ path: String, progress: ((Progress) -> Void)? = nil) throws(CorpusError) -> Corpus {
        let scan = try scan(path)
        let corpus = load(scan, progress: progress)
        guard !corpus.passages.isEmpty else { throw .empty(path: path, notices: corpus.notices) }
        return corpus
    }

    /// Lists the files of `path` with their sizes and times, reading none of
    /// them but the AsciiDoc sources of indexed pages, for the fragments they
    /// include (`RenderedSources.passingOver`).
    public func scan(_ path: String) throws(CorpusError) -> CorpusScan {
        var st = stat()
        let startedAt = SystemClock.nowNanoseconds()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let walker = CorpusWalker(root: path, filter: filter)
            let (entries, sources) = RenderedSources.passingOver(walker.files)
            return CorpusScan(
                path: path, absolutePath: Self.absolutePath(path), startedAt: startedAt, entries: entries,
                problems: walker.problems.map { CorpusNotice(.skipped, path: $0.path, reason: $0.reason) } + sources,
                ignoredCount: walker.ignoredCount)
        case S_IFREG:
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let entry = CorpusWalker.Entry(relativePath: name, fullPath: path, size: Int64(st.st_size), modified: st.modificationTime)
            return CorpusScan(
                path: path, absolutePath: Self.absolutePath(path), startedAt: startedAt, entries: [entry], problems: [],
                isSingleFile: true)
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
    ///
    /// Many files (64 or more, or two or more when costly ones, PDFs, are a
    /// quarter of the work) are read by `threads` workers at once, each taking
    /// a contiguous run of them (balanced by work: bytes, a PDF's weighing
    /// `costlyWeight` times more); the runs are joined in scan order, so the
    /// result is the same as one pass.
    public func load(_ scan: CorpusScan, only: [Int]? = nil, progress: ((Progress) -> Void)? = nil) -> Corpus {
        let chosen = only ?? Array(scan.entries.indices)
        let totalBytes = chosen.reduce(Int64(0)) { $0 + scan.entries[$1].size }
        let tally = ProgressTally(Progress(files: 0, totalFiles: chosen.count, bytes: 0, totalBytes: totalBytes), progress)
        // Work: a file's bytes, times `costlyWeight` for a format costly to read (PDF).
        let costly = chosen.map { DocumentParsers.parser(for: DocumentFormat(path: scan.entries[$0].relativePath)).isCostly }
        let work = zip(chosen, costly).map { scan.entries[$0].size * ($1 ? Self.costlyWeight : 1) }
        let totalWork = work.reduce(0, +), costlyWork = zip(work, costly).reduce(Int64(0)) { $0 + ($1.1 ? $1.0 : 0) }
        // Many small files are read in one run per thread; when costly files
        // are much of the work, in more runs than threads, taken by whichever
        // thread is free, so that one long PDF does not hold the rest up.
        let runs =
            costlyWork * 4 >= totalWork && chosen.count >= 2
            ? min(chosen.count, threads * 8)
            : chosen.count >= 64 ? min(threads, chosen.count / 32) : 1
        guard runs > 1 else {
            return load(scan, chosen[...], problems: only == nil ? scan.problems : [], tally: tally)
        }
        // Contiguous runs of about equal work.
        var bounds = [0]
        var accumulated: Int64 = 0
        for (k, w) in work.enumerated() {
            accumulated += w
            if bounds.count < runs && accumulated * Int64(runs) >= totalWork * Int64(bounds.count) && k + 1 < chosen.count {
                bounds.append(k + 1)
            }
        }
        bounds.append(chosen.count)
        let parts = bounds.count - 1, runBounds = bounds
        let corpora = concurrentMap(parts) { r in
            load(scan, chosen[runBounds[r]..<runBounds[r + 1]], problems: r == 0 && only == nil ? scan.problems : [], tally: tally)
        }
        // Join the runs, numbering documents on.
        var documents: [SourceDocument] = [], notices: [CorpusNotice] = [], files: [CorpusFile] = []
        var passages = PassageList.Builder()
        for part in corpora {
            let first = part.firstPassages
            for (k, d) in part.documents.enumerated() {
                passages.append(rows: first[k]..<first[k + 1], of: part.passages, document: Int32(documents.count))
                documents.append(d)
            }
            notices += part.notices
            files += part.files
        }
        return Corpus(
            path: scan.path, absolutePath: scan.absolutePath, documents: documents, passages: passages.build(),
            notices: notices, files: files, scannedAt: scan.startedAt, passageBuilder: passageBuilder,
            maxFileBytes: maxFileBytes, readsArchives: readsArchives)
    }

    /// Reports progress from several workers, one at a time.
    final class ProgressTally: @unchecked Sendable {
        private var done: Progress
        private let report: ((Progress) -> Void)?
        private let lock = NSLock()

        init(_ start: Progress, _ report: ((Progress) -> Void)?) {
            done = start
            self.report = report
        }

        func add(bytes: Int64) {
            guard let report else { return }
            lock.lock()
            defer { lock.unlock() }
            done.files += 1
            done.bytes += bytes
            report(done)
        }
    }

    /// Reads the files `chosen` in order, numbering their documents from 0.
    private func load(_ scan: CorpusScan, _ chosen: ArraySlice<Int>, problems: [CorpusNotice], tally: ProgressTally) -> Corpus {
        var documents: [SourceDocument] = []
        var passages = PassageList.Builder()
        var notices = problems
        var files: [CorpusFile] = []
        for e in chosen {
            let entry = scan.entries[e]
            defer { tally.add(bytes: entry.size) }
            if !scan.isSingleFile && DocumentFormat.isWebAsset(entry.relativePath) {
                // Like a file too large: stamped without a content hash, never read.
                files.append(
                    CorpusFile(path: entry.relativePath, stamp: FileStamp(size: entry.size, modified: entry.modified, contentHash: 0)))
                notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "web asset (script, style sheet, font or image)"))
                continue
            }
            if maxFileBytes > 0 && entry.size > maxFileBytes && !scan.isSingleFile {
                // Stamped without a content hash: it is never read, only its size and time are compared.
                files.append(
                    CorpusFile(path: entry.relativePath, stamp: FileStamp(size: entry.size, modified: entry.modified, contentHash: 0)))
                notices.append(
                    CorpusNotice(
                        .skipped, path: entry.relativePath,
                        reason:
                            "larger than --max-file-size (\(Self.describe(bytes: entry.size)) > \(Self.describe(bytes: maxFileBytes))); "
                            + "pass --max-file-size with a larger size, or 0, to index it"))
                continue
            }
            let (decoded, hash, format) = Self.decode(
                path: entry.fullPath, format: DocumentFormat(path: entry.relativePath), maxBytes: maxFileBytes)
            var outcome = decoded
            files.append(
                CorpusFile(
                    path: entry.relativePath,
                    stamp: FileStamp(size: entry.size, modified: entry.modified, contentHash: hash)))
            guard case .text(let bytes, let caveat, let encoding) = outcome else {
                if case .skip(let reason) = outcome { notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: reason)) }
                continue
            }
            if let caveat { notices.append(CorpusNotice(.warning, path: entry.relativePath, reason: caveat)) }
            if readsArchives && format == .zipContainer && ZipContainerParser.isArchive(bytes) {
                readMembers(of: bytes, path: entry.relativePath, documents: &documents, passages: &passages, notices: &notices)
                continue
            }
            let index = documents.count
            if format == .beirJSONL {
                outcome = .skip("")  // the reader frees the bytes once parsed when it holds the only copy
                let byteCount = bytes.count
                let result = BEIRCorpusReader.read(consume bytes, document: index, into: &passages, threads: threads)
                if !result.problems.isEmpty {
                    let shown = result.problems.prefix(5).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
                    let more = result.problems.count > 5 ? "; and \(result.problems.count - 5) more" : ""
                    notices.append(
                        CorpusNotice(
                            .warning, path: entry.relativePath,
                            reason:
                                "\(result.problems.count) malformed line\(result.problems.count == 1 ? "" : "s") passed over (\(shown)\(more))"
                        ))
                }
                guard result.count > 0 else {
                    notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "no text"))
                    continue
                }
                documents.append(
                    SourceDocument(
                        path: entry.relativePath, format: format, byteCount: byteCount, passageCount: result.count,
                        encoding: encoding, textBytes: result.textBytes))
                continue
            }
            let found: [Passage]
            switch cut(bytes, format: format, document: index) {
            case .skip(let reason):
                notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: reason))
                continue
            case .passages(let passages): found = passages
            }
            guard !found.isEmpty else {
                notices.append(CorpusNotice(.skipped, path: entry.relativePath, reason: "no text"))
                continue
            }
            documents.append(
                SourceDocument(
                    path: entry.relativePath, format: format, byteCount: bytes.count, passageCount: found.count,
                    encoding: encoding, textBytes: found.reduce(0) { $0 + $1.text.utf8.count }))
            for p in found { passages.append(p) }
        }
        return Corpus(
            path: scan.path, absolutePath: scan.absolutePath, documents: documents, passages: passages.build(),
            notices: notices, files: files, scannedAt: scan.startedAt, passageBuilder: passageBuilder, maxFileBytes: maxFileBytes,
            readsArchives: readsArchives)
    }

    /// Reads the files inside the zip archive at `path` (its `bytes`), each
    /// a document of its own named by the archive and its path there
    /// (`SourceDocument.member`), in member-path order; a member that
    /// cannot be read gets a notice under `bundle.zip/member`.
    private func readMembers(
        of bytes: [UInt8], path: String, documents: inout [SourceDocument], passages: inout PassageList.Builder,
        notices: inout [CorpusNotice]
    ) {
        let members: [ZipMembers.Member]
        switch ZipMembers.members(bytes, limit: Int(clamping: maxFileBytes), wanted: ArchiveMembers.isReadable) {
        case .failure(let failure):
            notices.append(CorpusNotice(.skipped, path: path, reason: failure.reason(kind: "zip archive")))
            return
        case .success(let found): members = found.sorted { $0.name < $1.name }
        }
        if members.isEmpty { notices.append(CorpusNotice(.skipped, path: path, reason: "zip archive with no files in it")) }
        for member in members {
            let shown = path + "/" + member.name
            if let why = ArchiveMembers.passedOver(member.name) {
                notices.append(CorpusNotice(.skipped, path: shown, reason: why))
                continue
            }
            let (decoded, format) = Self.decode(member.bytes, format: DocumentParsers.format(ofName: member.name), maxBytes: maxFileBytes)
            guard case .text(let text, let caveat, _) = decoded else {
                if case .skip(let reason) = decoded { notices.append(CorpusNotice(.skipped, path: shown, reason: reason)) }
                continue
            }
            if let caveat { notices.append(CorpusNotice(.warning, path: shown, reason: caveat)) }
            guard format != .beirJSONL else {
                notices.append(CorpusNotice(.skipped, path: shown, reason: "a BEIR corpus inside an archive: unpack it to index it"))
                continue
            }
            switch cut(text, format: format, document: documents.count) {
            case .skip(let reason): notices.append(CorpusNotice(.skipped, path: shown, reason: reason))
            case .passages(let found):
                guard !found.isEmpty else {
                    notices.append(CorpusNotice(.skipped, path: shown, reason: "no text"))
                    continue
                }
                // Its text is the member's, never the archive's bytes: always read back whole (`.transcoded`).
                documents.append(
                    SourceDocument(
                        path: path, format: format, byteCount: text.count, passageCount: found.count,
                        encoding: .transcoded, textBytes: found.reduce(0) { $0 + $1.text.utf8.count },
                        member: member.name))
                for p in found { passages.append(p) }
            }
        }
    }

    /// The passages of a document's text (decoded) in a format other than
    /// BEIR `.jsonl`, numbered as document `document`: what loading a file
    /// gives, and what `Corpus.passageText` cuts again to read a passage
    /// whose text is not verbatim. (None for `.jsonl`: `BEIRCorpusReader` reads those.)
    public func passages(of bytes: [UInt8], format: DocumentFormat, document: Int) -> [Passage] {
        guard case .passages(let found) = cut(bytes, format: format, document: document) else { return [] }
        return found
    }

    enum Cut {
        case passages([Passage])
        /// The parser found no text to read, and why.
        case skip(String)
    }

    /// The passages of a document's text, through its format's parser
    /// (passages with neither text nor section dropped).
    func cut(_ bytes: [UInt8], format: DocumentFormat, document: Int) -> Cut {
        let parser = DocumentParsers.parser(for: format)
        switch parser.parse(bytes, expandingTo: Int(clamping: maxFileBytes)) {
        case .skip(let reason): return .skip(reason)
        case .blocks(let blocks):
            var found = passageBuilder.passages(
                from: blocks, file: bytes, document: document, titleTakesNameLine: parser.titleTakesNameLine)
            found.removeAll { $0.text.allSatisfy(\.isWhitespace) && $0.section.isEmpty }
            return .passages(found)
        }
    }

    /// "300 MB", "1.5 GB": a size for a message (powers of 1024).
    static func describe(bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }

    public enum Decoded {
        /// What the format's parser reads: UTF-8 text, or the file's bytes
        /// (decompressed) for a format that reads binary.
        case text([UInt8], caveat: String?, encoding: TextEncoding)
        case skip(String)
    }

    /// Reads a file and decides how (or whether) to use it, as a document in
    /// `format` (`.unknown`: chosen from its content's signature, else read
    /// as text if it is text), decompressing at most `maxBytes` (0: no limit);
    /// with the `Checksum.hash` of its bytes (0 when unreadable) and the format
    /// it is read as.
    /// For a document inside a zip archive (`member`), the file is the
    /// archive and the text the member's; the hash is still the archive's.
    public static func decode(
        path: String, member: String? = nil, format: DocumentFormat, maxBytes: Int64
    ) -> (Decoded, UInt64, DocumentFormat) {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let b): bytes = b
        case .failure(let reason): return (.skip(reason), 0, format)
        }
        let hash = Checksum.hash(bytes)
        guard let member else {
            let (decoded, chosen) = decode(bytes, format: format, maxBytes: maxBytes)
            return (decoded, hash, chosen)
        }
        switch ZipMembers.members(bytes, limit: Int(clamping: maxBytes), wanted: { $0 == member }) {
        case .failure(let failure): return (.skip(failure.reason(kind: "zip archive")), hash, format)
        case .success(let found):
            guard let inner = found.first else { return (.skip("no longer holds \(member)"), hash, format) }
            let (decoded, chosen) = decode(inner.bytes, format: format, maxBytes: maxBytes)
            return (decoded, hash, chosen)
        }
    }

    /// A file's bytes as its parser reads them (`DocumentParser.input`):
    /// decompressed when they start with a compressor's magic
    /// (`Decompressor`), then decoded to UTF-8 (`TextDecoding`) unless the
    /// format reads binary. Binary detection comes after the format is
    /// known: a PDF is not "binary". Every refusal says its real reason.
    static func decode(_ file: [UInt8], format named: DocumentFormat, maxBytes: Int64) -> (Decoded, DocumentFormat) {
        if file.isEmpty { return (.skip("empty file"), named) }
        var bytes = file
        let compression = Decompressor.compression(of: file)
        if let compression {
            switch Decompressor.decompress(file, limit: Int(clamping: maxBytes)) {
            case .bytes(let b): bytes = b
            case .tooLarge:
                return (
                    .skip(
                        "larger than --max-file-size once decompressed (\(compression), over \(describe(bytes: maxBytes))); "
                            + "pass --max-file-size with a larger size, or 0, to index it"), named
                )
            case .damaged(let why): return (.skip("compressed (\(compression)) but damaged: \(why)"), named)
            }
            if bytes.isEmpty { return (.skip("empty file (once decompressed)"), named) }
        }
        let format = named == .unknown ? DocumentParsers.format(recognizing: bytes.prefix(1024)) : named
        let inside = compression.map { "compressed (\($0)), " } ?? ""
        switch DocumentParsers.parser(for: format).input {
        case .binary:
            return (.text(bytes, caveat: nil, encoding: compression == nil ? .utf8 : .transcoded), format)
        case .text:
            switch TextDecoding.decode(bytes, strict: format == .unknown) {
            case .text(let text, let caveat, let encoding):
                return (.text(text, caveat: caveat, encoding: compression == nil ? encoding : .transcoded), format)
            case .binary:
                if compression != nil {
                    return (.skip(inside + "not text inside: binary (contains NUL bytes), in no format Footnote reads"), format)
                }
                return (.skip("binary file (contains NUL bytes), in no format Footnote reads"), format)
            case .notText: return (.skip(inside + "not UTF-8 text (unknown extension)"), format)
            case .invalidUTF16: return (.skip(inside + "invalid UTF-16"), format)
            }
        }
    }

    public enum ReadResult { case success([UInt8]), failure(String) }

    /// The `Checksum.hash` of a file's bytes, nil when it cannot be read.
    public static func contentHash(path: String) -> UInt64? {
        guard case .success(let bytes) = readFile(path) else { return nil }
        return Checksum.hash(bytes)
    }

    public static func readFile(_ path: String) -> ReadResult {
        let fd = RawPath.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return .failure("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        let expected = fstat(fd, &st) == 0 ? max(Int(st.st_size), 0) : 0
        // Read straight into an array of the file's size (no zero-filled chunk per file), then on
        // in chunks should the file have grown since (or report no size: a pipe, /proc).
        var failure: String?
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected {
                let n = read(fd, buffer.baseAddress! + count, expected - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "read error: \(String(cString: strerror(errno)))"
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if let failure { return .failure(failure) }
        guard out.count == expected else { return .success(out) }  // ended early: it shrank
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
            while true {
                let n = read(fd, chunk.baseAddress, chunk.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failure("read error: \(String(cString: strerror(errno)))")
                }
                if n == 0 { return .success(out) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<n]))
            }
        }
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
