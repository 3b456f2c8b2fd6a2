#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FootnoteStorage

/// Lists the files of a corpus folder: recursively, in byte order of their
/// paths, hidden files and folders (a leading `.`) skipped, symbolic links
/// followed but every real folder entered at most once (so a link loop ends).
struct CorpusWalker {
    struct Entry {
        /// Path relative to the root.
        var relativePath: String
        /// Path to open.
        var fullPath: String
        /// Size and modification time when listed.
        var size: Int64
        var modified: Int64
    }

    private struct FileID: Hashable { var device: UInt64; var inode: UInt64 }

    /// Files found, and entries passed over with the reason.
    private(set) var files: [Entry] = []
    private(set) var problems: [(path: String, reason: String)] = []
    private var visited: Set<FileID> = []
    /// Per file found: its device and inode, and whether it was reached through a symbolic link.
    private var fileIDs: [FileID] = []
    private var linked: [Bool] = []

    /// What is read (`CorpusFilter`: ignore files, `--include`, `--exclude`).
    private let filter: CorpusFilter
    /// Files and folders the filter passed over.
    private(set) var ignoredCount = 0

    init(root: String, filter: CorpusFilter = CorpusFilter()) {
        self.filter = filter
        var st = stat()
        guard stat(root, &st) == 0 else { return }
        visited.insert(FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
        walk(directory: root, relative: "", rules: [])
        keepEachFileOnce()
    }

    /// Whether the filter passes over `relative`: the ignore rules (deepest
    /// folder's first, the last matching rule of a file deciding), then the globs.
    private func ignores(_ relative: String, isFolder: Bool, _ rules: [IgnoreRules]) -> Bool {
        for set in rules.reversed() {
            if let verdict = set.verdict(relative, isFolder: isFolder) {
                if verdict { return true }
                break
            }
        }
        return filter.excludes(relative, isFolder: isFolder)
    }

    /// A file reached through two paths (a symbolic link to it, a hard link)
    /// is listed once: under the path that is not a link, else the first;
    /// the others are passed over, naming it.
    private mutating func keepEachFileOnce() {
        var keeper: [FileID: Int] = [:]
        for (k, id) in fileIDs.enumerated() {
            if let kept = keeper[id] {
                if linked[kept] && !linked[k] { keeper[id] = k }
            } else {
                keeper[id] = k
            }
        }
        guard keeper.count < files.count else { return }
        var kept: [Entry] = []
        for (k, entry) in files.enumerated() {
            let keep = keeper[fileIDs[k]]!
            if keep == k {
                kept.append(entry)
            } else {
                problems.append((entry.relativePath, "the same file as \(files[keep].relativePath), indexed once"))
            }
        }
        files = kept
    }

    private mutating func walk(directory: String, relative: String, rules: [IgnoreRules]) {
        guard var names = Folder.names(directory) else {
            problems.append((relative.isEmpty ? "." : relative, "cannot open folder: \(String(cString: strerror(errno)))"))
            return
        }
        var rules = rules
        if filter.readsIgnoreFiles {
            for ignoreFile in CorpusFilter.ignoreFileNames where names.contains(ignoreFile) {
                let path = directory.hasSuffix("/") ? directory + ignoreFile : directory + "/" + ignoreFile
                guard case .success(let bytes) = CorpusLoader.readFile(path) else { continue }
                let set = IgnoreRules(folder: relative, text: String(decoding: bytes, as: UTF8.self))
                if !set.isEmpty { rules.append(set) }
            }
        }
        names.removeAll { $0.hasPrefix(".") }
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

        for name in names {
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard RawPath.withCString(full, { stat($0, &st) }) == 0 else {
                problems.append((rel, "cannot follow: \(String(cString: strerror(errno)))"))
                continue
            }
            let isFolder = st.st_mode & S_IFMT == S_IFDIR
            if (isFolder || st.st_mode & S_IFMT == S_IFREG) && ignores(rel, isFolder: isFolder, rules) {
                ignoredCount += 1
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
                guard visited.insert(id).inserted else { continue }  // already walked (a link loop or a second link)
                walk(directory: full, relative: rel, rules: rules)
            case S_IFREG:
                files.append(Entry(relativePath: rel, fullPath: full, size: Int64(st.st_size), modified: st.modificationTime))
                fileIDs.append(FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
                var link = stat()
                linked.append(RawPath.withCString(full, { lstat($0, &link) }) == 0 && link.st_mode & S_IFMT == S_IFLNK)
            default:
                problems.append((rel, "not a regular file"))
            }
        }
    }
}
