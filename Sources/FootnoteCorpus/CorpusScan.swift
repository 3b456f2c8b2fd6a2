/// The files of a corpus path as listed, before any is read: paths, sizes and
/// modification times, in path order (`CorpusLoader.scan`).
public struct CorpusScan: Sendable {
    public var path: String
    public var absolutePath: String
    /// When listing began, nanoseconds since the epoch.
    public var startedAt: Int64
    var entries: [CorpusWalker.Entry]
    /// Folders and entries the walk passed over.
    public var problems: [CorpusNotice]
    /// The path is one file (named by the user: never skipped for its size).
    public var isSingleFile = false
    /// Files and folders the `CorpusFilter` passed over (ignore files, globs).
    public var ignoredCount = 0

    public var fileCount: Int { entries.count }
    public func relativePath(_ i: Int) -> String { entries[i].relativePath }
    public func fullPath(_ i: Int) -> String { entries[i].fullPath }
    public func size(_ i: Int) -> Int64 { entries[i].size }
    public func modified(_ i: Int) -> Int64 { entries[i].modified }
    public var totalBytes: Int64 { entries.reduce(0) { $0 + $1.size } }
}
