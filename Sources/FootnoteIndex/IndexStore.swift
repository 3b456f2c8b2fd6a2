#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootnoteStorage
import FootnoteCorpus

/// Keeps a corpus's index on disk and up to date: reuses it when no file
/// changed, re-reads only added and changed files when some did, rebuilds it
/// all when it is missing, damaged, from another version or built with other
/// settings — and says why through `events`.
///
/// A file whose size and modification time match its stamp is unchanged,
/// unless it was modified within `FileStamp.ambiguityWindow` of the scan that
/// stamped it: then its content hash decides. Writers hold an exclusive
/// `flock` on `lock` in the index folder; readers need none, because the index
/// file is only ever replaced by a rename.
public struct IndexStore {
    /// The folder holding `IndexFile.fileName` and the lock file; nil to build
    /// in memory every time (no folder to keep an index in).
    public var folder: String?
    public var builder: IndexBuilder
    public var loader: CorpusLoader

    public init(folder: String?, builder: IndexBuilder = IndexBuilder(), loader: CorpusLoader = CorpusLoader()) {
        self.folder = folder
        self.builder = builder
        self.loader = loader
    }

    /// `$XDG_CACHE_HOME/footnote/<hash of the corpus's absolute path>`, by
    /// default under `~/.cache`; nil without either variable.
    public static func defaultFolder(forCorpus absolutePath: String, environment: [String: String]) -> String? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return nil
        }
        let hash = Checksum.hash(absolutePath)
        let hex = String(hash, radix: 16)
        return base + "/footnote/" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// What happened on the way, for the user.
    public enum Event {
        /// The stored index cannot be used; a full build follows.
        case rebuilding(reason: String)
        /// Another process holds the lock; this one waits for it.
        case waitingForLock(path: String)
        case reading(CorpusLoader.Progress)
        case analyzing(passages: Int, of: Int)
        /// The index was built but could not be saved; it is used from memory.
        case notSaved(reason: String, outOfSpace: Bool)
    }

    /// How the index came to be.
    public enum Provenance: Equatable, Sendable {
        /// Loaded as it was: nothing changed.
        case reused
        /// Only these files were read again.
        case updated(added: Int, changed: Int, removed: Int)
        /// Every file was read.
        case built

        /// "built", "loaded" or "updated": what reports and TIMINGS say.
        public var verb: String {
            switch self {
            case .built: return "built"
            case .reused: return "loaded"
            case .updated: return "updated"
            }
        }

        /// "(1 added, 0 changed, 2 removed)" for an update, nil otherwise.
        public var changes: String? {
            guard case .updated(let added, let changed, let removed) = self else { return nil }
            return "(\(added) added, \(changed) changed, \(removed) removed)"
        }
    }

    public struct Outcome {
        public var corpus: Corpus
        public var index: InvertedIndex
        public var provenance: Provenance
        /// Seconds from the start of `open` to the index in hand.
        public var seconds: Double
        /// Of those, seconds building postings from passages in memory (0 when reused).
        public var indexSeconds: Double
        /// Notices of the files read this time (all notices after a full build).
        public var newNotices: [CorpusNotice]
    }

    /// The corpus at `corpusPath` and its index, from disk when up to date.
    /// - Parameter full: read every file and rebuild, whatever is stored.
    /// - Throws: `CorpusError` when the corpus is missing or has nothing readable;
    ///   the stored index is then left as it was.
    public func open(_ corpusPath: String, full: Bool = false, events: @escaping (Event) -> Void = { _ in }) throws(CorpusError) -> Outcome
    {
        let start = SystemClock.monotonicSeconds()
        let scan = try loader.scan(corpusPath)
        guard let folder else {
            var outcome = try build(scan: scan, stored: nil, plan: nil, events: events)
            outcome.seconds = SystemClock.monotonicSeconds() - start
            return outcome
        }
        let indexPath = folder + "/" + IndexFile.fileName, lockPath = folder + "/lock"
        var lock: Int32 = -1
        defer { if lock >= 0 { close(lock) } }  // closing releases the flock
        var attempt = 0
        while true {
            attempt += 1
            // 1. What is stored, and can it be used? (Not read at all for a
            //    full rebuild: it would only hold memory while the new one is built.)
            var stored: IndexFile.Contents? = nil
            if !full {
                do throws(IndexFile.Failure) {
                    stored = try IndexFile.read(indexPath)
                } catch {
                    if error != .missing && attempt == 1 { events(.rebuilding(reason: "\(error.description); rebuilding")) }
                }
            }
            if let s = stored, let reason = incompatibility(s, corpus: scan.absolutePath, folder: folder) {
                if attempt == 1 { events(.rebuilding(reason: "\(reason); rebuilding")) }
                stored = nil
            }
            // 2. What changed?
            let plan = stored.map { Plan(scan: scan, stored: $0.corpus) }
            if !full, let stored, let plan, plan.isUnchanged {
                var corpus = stored.corpus
                corpus.path = corpusPath
                return Outcome(
                    corpus: corpus, index: stored.index, provenance: .reused,
                    seconds: SystemClock.monotonicSeconds() - start, indexSeconds: 0, newNotices: [])
            }
            // 3. Build under the lock; if another process rebuilt the index while
            //    we waited, look again.
            if lock < 0 {
                if let code = Folder.create(folder) {
                    // The index is built in memory all the same; it cannot be saved.
                    var outcome = try build(scan: scan, stored: stored, plan: plan, events: events)
                    outcome.seconds = SystemClock.monotonicSeconds() - start
                    events(
                        .notSaved(
                            reason: "cannot save the index: cannot create its folder: "
                                + Self.creationProblem(folder, errno: code), outOfSpace: IndexFile.isOutOfSpace(code)))
                    return outcome
                }
                lock = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
                if lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0 {
                    events(.waitingForLock(path: lockPath))
                    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
                    if !full && attempt < 3 && MappedFile.FileIdentity(path: indexPath) != stored?.file.identity { continue }
                }
            }
            var outcome = try build(scan: scan, stored: stored, plan: plan, events: events)
            outcome.seconds = SystemClock.monotonicSeconds() - start
            if lock >= 0 { Self.removeAbandonedTemporaryFiles(in: folder) }
            do throws(IndexFile.Failure) {
                try IndexFile.write(outcome.corpus, outcome.index, to: indexPath)
            } catch {
                events(.notSaved(reason: error.description, outOfSpace: error.isOutOfSpace))
            }
            return outcome
        }
    }

    /// Why `folder` could not be made: the first folder on its path that
    /// exists and refuses it ("no permission to write in the folder /root/.cache …").
    static func creationProblem(_ folder: String, errno code: Int32) -> String {
        var parent = folder
        var st = stat()
        repeat {
            parent = parent.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        } while !parent.isEmpty && stat(parent, &st) != 0
        let existing = parent.isEmpty ? (folder.hasPrefix("/") ? "/" : ".") : parent
        if code == ENOENT { return "cannot create \(folder) in \(existing) (\(String(cString: strerror(code))))" }
        return IndexFile.folderProblem(existing, errno: code, file: folder)
    }

    /// Deletes temporary index files left by writers that died mid-write
    /// (killed, or out of power). Only called while holding the lock: every
    /// writer holds it while its temporary file exists, so any found now is abandoned.
    static func removeAbandonedTemporaryFiles(in folder: String) {
        for name in Folder.names(folder) ?? [] where name.hasPrefix(IndexFile.fileName + ".tmp.") {
            unlink(folder + "/" + name)
        }
    }

    /// Why a stored index does not fit this corpus and these settings, or nil.
    func incompatibility(_ stored: IndexFile.Contents, corpus absolutePath: String, folder: String) -> String? {
        let index = stored.index
        if index.analyzerSettings != builder.analyzerSettings || index.titleWeight != builder.titleWeight
            || index.headingWeight != builder.headingWeight
        {
            return "the index was built with other analysis settings"
        }
        if stored.corpus.passageBuilder != loader.passageBuilder {
            return "the index was built with other passage settings"
        }
        if stored.corpus.maxFileBytes != loader.maxFileBytes {
            return "the index was built with another --max-file-size"
        }
        if stored.corpus.readsArchives != loader.readsArchives {
            return loader.readsArchives ? "the index was built without --archives" : "the index was built with --archives"
        }
        if stored.corpus.absolutePath != absolutePath {
            return "the index in \(folder) was built for another corpus (\(stored.corpus.absolutePath))"
        }
        return nil
    }

    /// The changes between a scan and the stored corpus's files.
    struct Plan {
        /// Per scanned file: its position in the stored file list when unchanged.
        var unchanged: [Int?]
        var added = 0, changed = 0, removed = 0

        init(scan: CorpusScan, stored: Corpus) {
            var storedFile: [String: Int] = [:]
            for (i, f) in stored.files.enumerated() { storedFile[f.path] = i }
            unchanged = []
            var seen = 0
            for i in 0..<scan.fileCount {
                guard let s = storedFile[scan.relativePath(i)] else { unchanged.append(nil); added += 1; continue }
                seen += 1
                let stamp = stored.files[s].stamp
                var same = stamp.size == scan.size(i) && stamp.modified == scan.modified(i)
                // A file skipped for its size is never read, not even to hash it.
                let tooLarge = stored.maxFileBytes > 0 && scan.size(i) > stored.maxFileBytes && !scan.isSingleFile
                let asset = !scan.isSingleFile && DocumentFormat.isWebAsset(scan.relativePath(i))
                if same && !tooLarge && !asset && stamp.modified >= stored.scannedAt - FileStamp.ambiguityWindow {
                    same = CorpusLoader.contentHash(path: scan.fullPath(i)) == stamp.contentHash
                }
                unchanged.append(same ? s : nil)
                if !same { changed += 1 }
            }
            removed = stored.files.count - seen
        }

        var isUnchanged: Bool { added == 0 && changed == 0 && removed == 0 }
    }

    /// A full build when nothing stored can be kept, else an update.
    private func build(
        scan: CorpusScan, stored: IndexFile.Contents?, plan: Plan?, events: @escaping (Event) -> Void
    ) throws(CorpusError) -> Outcome {
        guard let stored, let plan, plan.unchanged.contains(where: { $0 != nil }) else {
            var corpus = loader.load(scan) { events(.reading($0)) }
            guard !corpus.passages.isEmpty else { throw .empty(path: scan.path, notices: corpus.notices) }
            // The columns kept for citations, compressed as the file stores
            // them (before the index is timed: storing the corpus, not indexing it).
            corpus.passages = corpus.passages.withCompressedColumns()
            let indexStart = SystemClock.monotonicSeconds()
            // The text (the largest column) is given back as it is analyzed and
            // dropped before the postings are laid out: the index keeps none,
            // and answers read it from the files.
            let analysis = builder.analyze(corpus.passages, releasingText: true) { events(.analyzing(passages: $0, of: $1)) }
            corpus.passages = corpus.passages.withoutTexts()
            let index = builder.index(from: analysis)
            return Outcome(
                corpus: corpus, index: index, provenance: .built, seconds: 0,
                indexSeconds: SystemClock.monotonicSeconds() - indexStart, newNotices: corpus.notices)
        }
        return try update(scan: scan, stored: stored, plan: plan, events: events)
    }

    /// Reads the added and changed files only, and merges their index with
    /// the stored one's unchanged documents.
    private func update(
        scan: CorpusScan, stored: IndexFile.Contents, plan: Plan, events: @escaping (Event) -> Void
    ) throws(CorpusError) -> Outcome {
        let fresh = loader.load(scan, only: plan.unchanged.indices.filter { plan.unchanged[$0] == nil }) { events(.reading($0)) }
        let indexStart = SystemClock.monotonicSeconds()
        let freshIndex = builder.build(fresh.passages) { events(.analyzing(passages: $0, of: $1)) }

        let old = stored.corpus
        // A file's documents: one, or a zip archive's members (`--archives`), in order.
        var oldDocument: [String: [Int]] = [:], freshDocument: [String: [Int]] = [:]
        for (d, doc) in old.documents.enumerated() { oldDocument[doc.path, default: []].append(d) }
        for (d, doc) in fresh.documents.enumerated() { freshDocument[doc.path, default: []].append(d) }
        var oldNotices: [String: [CorpusNotice]] = [:], freshNotices: [String: [CorpusNotice]] = [:]
        // A notice on a file inside an archive (`bundle.zip/photo.png`) goes with the archive's file.
        let scanned = Set((0..<scan.fileCount).map { scan.relativePath($0) })
        func file(of path: String) -> String {
            var p = Substring(path)
            while !scanned.contains(String(p)), let slash = p.lastIndex(of: "/") { p = p[..<slash] }
            return scanned.contains(String(p)) ? String(p) : path
        }
        for n in old.notices { oldNotices[file(of: n.path), default: []].append(n) }
        for n in fresh.notices { freshNotices[file(of: n.path), default: []].append(n) }

        var oldNumber = [Int?](repeating: nil, count: old.documents.count)
        var freshNumber = [Int?](repeating: nil, count: fresh.documents.count)
        var documents: [SourceDocument] = [], files: [CorpusFile] = [], notices = scan.problems
        var freshFile = 0
        for i in 0..<scan.fileCount {
            let path = scan.relativePath(i)
            if let s = plan.unchanged[i] {
                files.append(old.files[s])
                notices += oldNotices[path] ?? []
                for d in oldDocument[path] ?? [] { oldNumber[d] = documents.count; documents.append(old.documents[d]) }
            } else {
                files.append(fresh.files[freshFile]); freshFile += 1
                notices += freshNotices[path] ?? []
                for d in freshDocument[path] ?? [] { freshNumber[d] = documents.count; documents.append(fresh.documents[d]) }
            }
        }
        guard !documents.isEmpty else { throw .empty(path: scan.path, notices: notices) }
        guard
            let (passages, index) = IndexMerger.merge(
                [
                    IndexMerger.Part(corpus: old, index: stored.index, documentNumber: oldNumber),
                    IndexMerger.Part(corpus: fresh, index: freshIndex, documentNumber: freshNumber),
                ], documentCount: documents.count)
        else {
            // Documents out of walk order cannot happen; damaged word lists can: never guess.
            return try build(scan: scan, stored: nil, plan: nil, events: events)
        }
        // As the file stores them (and as a full build keeps them): no text,
        // the other string columns compressed.
        let corpus = Corpus(
            path: scan.path, absolutePath: scan.absolutePath, documents: documents, passages: passages.withoutTexts(),
            notices: notices, files: files, scannedAt: scan.startedAt, passageBuilder: loader.passageBuilder,
            maxFileBytes: loader.maxFileBytes, readsArchives: loader.readsArchives)
        return Outcome(
            corpus: corpus, index: index,
            provenance: .updated(added: plan.added, changed: plan.changed, removed: plan.removed),
            seconds: 0, indexSeconds: SystemClock.monotonicSeconds() - indexStart, newNotices: scan.problems + fresh.notices)
    }
}
