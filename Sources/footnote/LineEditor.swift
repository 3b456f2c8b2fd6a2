@preconcurrency import CReadline
import FootnoteStorage
import FootnoteSearch
#if canImport(Glibc)
import Glibc
#endif

/// GNU readline glue: the prompt, history kept in a file, Tab completion, and
/// Ctrl-C that clears the line instead of ending the process.
///
/// Readline's callbacks are C function pointers, so the state they read lives
/// in this file's globals; there is one line editor per process.
struct LineEditor {
    let historyPath: String?

    /// - Parameters:
    ///   - historyPath: file to load history from and append to (nil: none).
    ///   - commands: `:commands` offered at the start of a line.
    ///   - words: the corpus's words, offered elsewhere.
    init(historyPath: String?, commands: [String], words: WordCompletion) {
        self.historyPath = historyPath
        completionCommands = commands
        completionWords = words
        rl_readline_name = UnsafePointer(strdup("footnote"))
        rl_attempted_completion_function = footnoteCompletion
        rl_sort_completion_matches = 0  // offered in our order: most frequent first
        rl_signal_event_hook = footnoteSignalHook
        LineEditor.keepControlSequencesOffStdout()
        using_history()
        stifle_history(1000)
        if let historyPath {
            LineEditor.makeParentFolder(of: historyPath)
            read_history(historyPath)
        }
        installInterruptHandler()
    }

    /// With stdout redirected (`footnote > answers.txt` from a terminal),
    /// readline's prompt, echo and terminal codes (bracketed paste's
    /// `ESC[?2004h`) go to the terminal on stderr, or on `/dev/tty`;
    /// without a terminal to write to, bracketed paste is turned off, so
    /// that no control sequence reaches a file.
    static func keepControlSequencesOffStdout() {
        guard isatty(1) != 1 else { return }
        if isatty(2) == 1, let stream = fdopen(dup(2), "w") {
            rl_outstream = stream
        } else if let tty = fopen("/dev/tty", "w") {
            rl_outstream = tty
        } else {
            rl_outstream = stderr
            rl_variable_bind("enable-bracketed-paste", "off")
        }
    }

    /// Completion offers these words from now on (after the index was rebuilt).
    func updateWords(_ words: WordCompletion) {
        completionWords = words
    }

    /// Reads one line; nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
    }

    /// Adds a line to the history (not twice in a row) and appends it to the file.
    func remember(_ line: String) {
        if let last = history_get(history_base + history_length - 1), let text = last.pointee.line,
            String(cString: text) == line
        {
            return
        }
        add_history(line)
        guard let historyPath else { return }
        if access(historyPath, F_OK) != 0 { write_history(historyPath) } else { append_history(1, historyPath) }
        history_truncate_file(historyPath, 1000)
    }

    /// `$XDG_STATE_HOME/footnote/history`, by default `~/.local/state/footnote/history`.
    static func defaultHistoryPath() -> String? {
        let env = ProcessInfoLite.environment
        if let state = env["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/footnote/history" }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/footnote/history"
    }

    static func makeParentFolder(of path: String) {
        Folder.create(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"), mode: 0o700)
    }
}

// MARK: - Callbacks (C function pointers: no captures, state in globals)

nonisolated(unsafe) private var completionCommands: [String] = []
nonisolated(unsafe) private var completionWords = WordCompletion()
nonisolated(unsafe) private var completionMatches: [String] = []
nonisolated(unsafe) private var completionNext = 0
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0

private func footnoteCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    let prefix = text.map { String(cString: $0) } ?? ""
    if start == 0 && prefix.hasPrefix(":") {
        completionMatches = completionCommands.filter { $0.hasPrefix(prefix) }
    } else {
        let lower = prefix.lowercased()
        completionMatches = completionWords.words(startingWith: lower)
    }
    completionNext = 0
    return rl_completion_matches(text, footnoteCompletionEntry)
}

private func footnoteCompletionEntry(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { completionNext = 0 }
    guard completionNext < completionMatches.count else { return nil }
    defer { completionNext += 1 }
    return strdup(completionMatches[completionNext])  // readline frees it
}

/// Ctrl-C: remember it; readline calls the event hook, which clears the line.
private func installInterruptHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interrupted = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
}

private func footnoteSignalHook() -> Int32 {
    guard interrupted != 0 else { return 0 }
    interrupted = 0
    rl_replace_line("", 0)
    rl_crlf()
    rl_on_new_line()
    rl_redisplay()
    return 0
}
