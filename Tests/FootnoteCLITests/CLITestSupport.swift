import Foundation
import Testing

@_exported import FootnoteTestSupport

let seedCorpus = seedCorpusPath

/// The built `footnote` binary: next to the test bundle.
let footnoteBinary: String = {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [bundleFolder, bundleFolder.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("footnote").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/footnote").path
}()

/// The environment the tests run footnote in: indexes in the tests' cache
/// folder, and none of the user's own defaults (no FOOTNOTE_CORPUS, an empty
/// config folder).
func testEnvironment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["XDG_CACHE_HOME"] = testCacheHome
    env["FOOTNOTE_CORPUS"] = nil
    env["XDG_CONFIG_HOME"] = testConfigHome
    return env
}

/// The seed corpus's index in the tests' cache folder, built once before the
/// first test process starts: processes started together would otherwise all
/// find it missing, one would build it and the others print the lock's
/// "waiting for another footnote process" notice on stderr.
let seedIndexBuilt: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: footnoteBinary)
    process.arguments = ["index", "--corpus", seedCorpus]
    process.environment = testEnvironment()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs the binary with `arguments`, feeding `input` on stdin.
func runFootnote(
    _ arguments: [String], input: String = "", environment: [String: String] = [:],
    directory: String? = nil, executable: String = footnoteBinary
) throws -> RunResult {
    try RunningFootnote(arguments, input: input, environment: environment, directory: directory, executable: executable).finish()
}

/// A started `footnote` whose output is collected by `finish()`.
final class RunningFootnote {
    let process = Process()
    private let stdout = Pipe(), stderr = Pipe()
    private var out = Data(), err = Data()
    private let group = DispatchGroup()

    /// Starts the binary (or `executable`, which may run it: /usr/bin/time, setpriv)
    /// with `arguments` and `input` on stdin, colour settings cleared and
    /// indexes kept in the tests' cache folder.
    init(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], directory: String? = nil,
        executable: String = footnoteBinary
    ) throws {
        _ = seedIndexBuilt
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = testEnvironment()
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both outputs while writing the input, so that neither side can
        // fill a pipe and wait on the other.
        let outHandle = stdout.fileHandleForReading, errHandle = stderr.fileHandleForReading
        nonisolated(unsafe) let this = self
        DispatchQueue.global().async(group: group) { this.out = outHandle.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { this.err = errHandle.readDataToEndOfFile() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
    }

    func finish() -> RunResult {
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// `XDG_CONFIG_HOME` for the binaries the tests start: an empty folder, so
/// that a config file of the user's never changes what a test sees.
let testConfigHome: String = {
    let folder = TemporaryFolder()
    testConfigFolder = folder
    return folder.path
}()

nonisolated(unsafe) private var testConfigFolder: TemporaryFolder?

/// Starts the binary without waiting for it (for concurrency tests).
func startFootnote(_ arguments: [String]) throws -> RunningFootnote { try RunningFootnote(arguments) }
