import Foundation

/// A fresh temporary folder for one test, removed when released.
/// Set KEEP_TMUX=1 to keep it (and any tmux server in it) for a look after a failure.
public final class TemporaryFolder {
    public let path: String

    public init() {
        var bytes = Array((NSTemporaryDirectory() + "footnote-test-XXXXXX").utf8CString)
        path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    deinit {
        if ProcessInfo.processInfo.environment["KEEP_TMUX"] == nil { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes `bytes` to `name` (folders created as needed); returns the full path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = path + "/" + name
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
        return full
    }

    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// The repository root.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
/// The bundled default corpus.
public let seedCorpusPath = repositoryRoot.appendingPathComponent("corpus").path

/// `XDG_CACHE_HOME` for the binaries the tests start, so that their stored
/// indexes never land in the user's cache: one folder per test process,
/// removed when it exits.
public let testCacheHome: String = {
    let folder = TemporaryFolder()
    testCacheFolder = folder
    atexit {
        if ProcessInfo.processInfo.environment["KEEP_TMUX"] == nil, let path = testCacheFolder?.path {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    return folder.path
}()

nonisolated(unsafe) private var testCacheFolder: TemporaryFolder?

/// `../shared/data` beside the repository: the test collections (tests that read them skip when absent).
public let sharedDataPath = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data").path
