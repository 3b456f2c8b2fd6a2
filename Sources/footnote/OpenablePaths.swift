#if canImport(Glibc)
import Glibc
#endif

/// Citation paths a terminal user can open from where they stand, as
/// ripgrep prints `path:line`: the corpus path as it was given, then the
/// file's path in the corpus (`corpus/open-source-vs-closed-ai.txt:35` from
/// the project root, `/home/u/docs/a.md:3` for an absolute corpus). A corpus
/// that is one file is cited by its own path. Editors and terminals that
/// understand `path:line` then jump there.
struct OpenablePaths: Equatable {
    /// Written before a file's corpus path ("" for the current folder).
    var prefix: String
    /// The corpus is one file: every citation names it as given.
    var singleFile: String?

    /// Paths written as the corpus names them (no prefix).
    static let asCited = OpenablePaths(prefix: "", singleFile: nil)

    init(prefix: String, singleFile: String?) {
        self.prefix = prefix
        self.singleFile = singleFile
    }

    /// For the corpus at `corpusPath` (as given on the command line); `isFile`: it is one file.
    init(corpusPath: String, isFile: Bool) {
        var path = corpusPath
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        while path.hasPrefix("./") && path.count > 2 { path.removeFirst(2) }
        if isFile {
            self.init(prefix: "", singleFile: path)
        } else {
            self.init(prefix: path == "." || path.isEmpty ? "" : path == "/" ? "/" : path + "/", singleFile: nil)
        }
    }

    /// For the corpus at `corpusPath`, told a file or a folder by `stat`.
    init(corpusPath: String) {
        var st = stat()
        let isFile = stat(corpusPath, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
        self.init(corpusPath: corpusPath, isFile: isFile)
    }

    /// The openable path of `file`, a path relative to the corpus (an archive
    /// member's keeps its archive: `corpus/bundle.zip/notes.md`).
    func path(_ file: String) -> String {
        if let singleFile { return singleFile }
        return prefix + file
    }
}
