/// Which files of a corpus folder are read, as ripgrep decides it: the
/// ignore files in the tree, then `--exclude` and `--include` globs.
///
/// - Ignore files (`.gitignore`, `.ignore`, `.footnoteignore`, read in that
///   order in each folder, so a later one overrides) hold `.gitignore` rules
///   (`IgnoreRules`); rules of a deeper folder override those above it, and
///   an ignored folder is not entered. `readsIgnoreFiles == false`
///   (`--no-ignore`) turns them off.
/// - `exclude`: a file or folder matching any of these globs is passed over.
/// - `include`: when not empty, only files matching one of them are read
///   (every folder is still entered).
/// - A glob with no `/` matches a name at any depth (`*.log`); one with a `/`
///   matches the path from the corpus root (`docs/api/**`, a leading `/` allowed).
///
/// Files passed over this way are not "skipped": they are not part of the
/// corpus, as a `.gitignore`d file is not part of a repository. Changing the
/// filter updates the stored index like any other change of the file list.
public struct CorpusFilter: Sendable, Equatable {
    public var readsIgnoreFiles: Bool
    public var include: [String]
    public var exclude: [String]

    public static let ignoreFileNames = [".gitignore", ".ignore", ".footnoteignore"]

    public init(readsIgnoreFiles: Bool = true, include: [String] = [], exclude: [String] = []) {
        self.readsIgnoreFiles = readsIgnoreFiles
        self.include = include
        self.exclude = exclude
    }

    /// Whether the command-line globs pass over `path` (relative to the corpus root).
    func excludes(_ path: String, isFolder: Bool) -> Bool {
        if exclude.contains(where: { Self.glob($0, matches: path) }) { return true }
        if !isFolder && !include.isEmpty && !include.contains(where: { Self.glob($0, matches: path) }) { return true }
        return false
    }

    static func glob(_ glob: String, matches path: String) -> Bool {
        var pattern = glob
        if pattern.hasSuffix("/") { pattern.removeLast() }
        if pattern.contains("/") {
            if pattern.hasPrefix("/") { pattern.removeFirst() }
            return GlobPattern(pattern).matches(path)
        }
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        return GlobPattern(pattern).matches(name)
    }
}

/// The rules of one ignore file, in `.gitignore` syntax: one pattern a line;
/// blank lines and `#` comments skipped; `!` re-includes; a trailing `/`
/// matches folders only; a pattern with a `/` before its end is anchored to
/// the ignore file's folder, one without matches a name at any depth below it.
public struct IgnoreRules: Sendable {
    struct Rule: Sendable {
        var glob: GlobPattern
        var negated: Bool
        var foldersOnly: Bool
        var anchored: Bool
    }

    /// The folder holding the ignore file, relative to the corpus root ("" for the root).
    let folder: String
    let rules: [Rule]

    public init(folder: String, text: String) {
        self.folder = folder
        var rules: [Rule] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            // Trailing spaces go unless escaped.
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line.removeLast() }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var negated = false
            if line.hasPrefix("!") {
                negated = true; line.removeFirst()
            } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
                line.removeFirst()
            }
            var foldersOnly = false
            if line.hasSuffix("/") { foldersOnly = true; line.removeLast() }
            guard !line.isEmpty else { continue }
            let anchored = line.contains("/")
            if line.hasPrefix("/") { line.removeFirst() }
            rules.append(Rule(glob: GlobPattern(String(line)), negated: negated, foldersOnly: foldersOnly, anchored: anchored))
        }
        self.rules = rules
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// What these rules say of `path` (relative to the corpus root): true
    /// ignored, false re-included, nil no rule matches. The last matching rule wins.
    public func verdict(_ path: String, isFolder: Bool) -> Bool? {
        let local: Substring
        if folder.isEmpty {
            local = Substring(path)
        } else {
            guard path.hasPrefix(folder + "/") else { return nil }
            local = path.dropFirst(folder.count + 1)
        }
        let name = local.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? String(local)
        for rule in rules.reversed() {
            if rule.foldersOnly && !isFolder { continue }
            if rule.glob.matches(rule.anchored ? String(local) : name) { return !rule.negated }
        }
        return nil
    }
}
