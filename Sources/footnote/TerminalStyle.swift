#if canImport(Glibc)
import Glibc
#endif

/// When to colour output (`--color`).
enum ColorChoice: String, CaseIterable {
    case auto, always, never
}

/// How output is styled: colour on or off, and the width to wrap to.
///
/// Colour follows `--color`: always, never, or (auto, the default) only when
/// stdout is a terminal, `NO_COLOR` is unset (or empty) and `TERM` is not
/// `dumb` — a flag given on the command line wins over the environment, as
/// no-color.org asks. Wrapping happens only on a terminal, to its width
/// (`TIOCGWINSZ`, else `COLUMNS`, else 80) less one column (no autowrap at the
/// edge), at most 100 columns for reading, at least 20.
struct TerminalStyle {
    var color: Bool
    /// Columns to wrap excerpts to; nil: do not wrap.
    var width: Int?

    static let plain = TerminalStyle(color: false, width: nil)

    static func forStdout(color choice: ColorChoice = .auto) -> TerminalStyle { forDescriptor(1, color: choice) }

    /// The style of what is written on stderr (the banner, when stdout is redirected).
    static func forStderr(color choice: ColorChoice = .auto) -> TerminalStyle { forDescriptor(2, color: choice) }

    static func forDescriptor(_ fd: Int32, color choice: ColorChoice) -> TerminalStyle {
        let env = ProcessInfoLite.environment
        let tty = isatty(fd) == 1
        let noColor = (env["NO_COLOR"].map { !$0.isEmpty } ?? false) || env["TERM"] == "dumb"
        let color =
            switch choice {
            case .always: true
            case .never: false
            case .auto: tty && !noColor
            }
        return TerminalStyle(color: color, width: tty ? max(20, min(terminalWidth() - 1, 100)) : nil)
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let cols = ProcessInfoLite.environment["COLUMNS"].flatMap(Int.init), cols > 0 { return cols }
        return 80
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }
    func highlight(_ s: String) -> String { color ? "\u{1B}[1;33m" + s + "\u{1B}[0m" : s }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m" + s + "\u{1B}[0m" : s }
    /// Italic on a terminal; `*word*` in plain text, as the words would be written by hand.
    func emphasis(_ s: String) -> String { color ? "\u{1B}[3m" + s + "\u{1B}[23m" : "*" + s + "*" }
}

/// The process environment without Foundation.
enum ProcessInfoLite {
    static var environment: [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }
}
