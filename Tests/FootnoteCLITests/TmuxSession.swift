import Foundation
import Testing

/// Drives a program in a real pseudo-terminal through tmux (a private server
/// per session): type keys, read the rendered screen.
final class TmuxSession {
    let socket: String
    let folder: TemporaryFolder
    /// The program's prompt: keys are typed, and Ctrl-D pressed, only once
    /// it is the last line (`waitForPrompt`).
    let prompt = "footnote>"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Starts `command` (a shell command line) in a detached 100×30 window. When
    /// the command ends, the window shows `EXIT=<status>` and stays open. The
    /// shell around it traps SIGINT, so Ctrl-C reaches only the program.
    init(_ command: String, folder: TemporaryFolder) throws {
        self.folder = folder
        socket = folder.path + "/tmux-\(UInt32.random(in: 0...UInt32.max)).sock"
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
            "sh -c 'trap true INT; \(command); echo EXIT=$?; sleep 120'",
        ])
    }

    deinit { if ProcessInfo.processInfo.environment["KEEP_TMUX"] == nil { _ = try? tmux(["kill-server"]) } }

    /// Runs `tmux -S socket ARGS…` and returns its stdout. Spawned with
    /// posix_spawn and reaped with waitpid: Foundation's `Process` does not
    /// notice the exit of a tmux client that has forked its server.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = folder.path + "/tmux.out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder.path + "/tmux.err", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        _ = seedIndexBuilt  // the seed corpus indexed before the session starts
        var env = testEnvironment()
        env["TMUX"] = nil
        env["TERM"] = "xterm-256color"
        // bash closes every inherited descriptor above 2 before exec'ing tmux:
        // the tmux server outlives this call, and a pipe of a concurrent test
        // that it inherited would never reach end of file.
        let closeInherited = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@""#
        let argv = (["/bin/bash", "-c", closeInherited, "tmux", "/usr/bin/tmux", "-S", socket] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        // The test runner's threads block most signals and spawned processes
        // inherit the mask: a tmux server that cannot receive SIGCHLD/SIGHUP
        // never finishes `kill-server`. Start with nothing blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/bash", &actions, &attributes, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// Types literal text at the start of an input line, once the prompt is back (`waitForPrompt`).
    func type(_ text: String) throws {
        try waitForPrompt("before typing \(text)")
        try tmux(["send-keys", "-l", text])
    }

    /// Presses keys by tmux name (`Enter`, `Tab`, `C-c`, `C-d`, `Up`).
    func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    /// Types `line`, presses Enter, and waits until the screen contains `reply`; returns the screen.
    @discardableResult
    func enter(_ line: String, expecting reply: String) throws -> String {
        try type(line)
        try press("Enter")
        return try waitFor("\(line) → \(reply)") { $0.contains(reply) }
    }

    /// Clears the screen (Ctrl-L), types `line`, presses Enter, and returns
    /// what the program printed before its next prompt.
    func reply(to line: String) throws -> String {
        try press("C-l")
        try waitFor("a cleared screen") { lastLine($0) == prompt && $0.split(separator: "\n").count == 1 }
        try type(line)
        try press("Enter")
        let screen = try waitFor("the reply to \(line)") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return lines.count > 1 && lines[0] == prompt + " " + line && lastLine(screen) == prompt
        }
        var lines = Array(screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst())
        while lines.last == "" { lines.removeLast() }
        if lines.last == prompt { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Leaves with Ctrl-D once the prompt is back (`waitForPrompt`), and
    /// returns the screen that shows `EXIT=<status>`.
    @discardableResult
    func leave() throws -> String {
        try waitForPrompt("before Ctrl-D")
        try press("C-d")
        return try waitFor("exit") { $0.contains("EXIT=") }
    }

    /// Waits until the prompt is the last line: the program is reading a line,
    /// so readline, not the terminal's line discipline, gets the next keys.
    /// A key sent while an answer is still printing reaches the terminal in
    /// cooked mode: Ctrl-D there becomes an empty line that readline, back in
    /// raw mode, reads instead (CI run of 5088a85 timed out on it).
    @discardableResult
    func waitForPrompt(_ why: String) throws -> String {
        try waitFor("the prompt \(why)") { lastLine($0) == prompt }
    }

    /// The visible screen, trailing blank lines dropped.
    func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

    /// The visible screen with its colours and attributes as escape sequences.
    func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e"]) }

    /// Waits (up to `seconds`: generous, since a loaded CI machine can take a while to start the
    /// binary beside the parallel tests, a debug one under `swift test`) until the screen satisfies
    /// `condition`; returns the last screen.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)")
        return last
    }

    /// The last non-empty screen line.
    func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }
}
