#if canImport(Glibc)
import Glibc
#endif

/// Exit statuses from BSD `sysexits.h`.
enum SysExits {
    static let usage: Int32 = 64  // EX_USAGE: bad command line
    static let dataError: Int32 = 65  // EX_DATAERR
    static let noInput: Int32 = 66  // EX_NOINPUT: missing or empty corpus
    static let ioError: Int32 = 74  // EX_IOERR
    static let config: Int32 = 78  // EX_CONFIG: the config file cannot be read
}

/// A failure the user can act on: one line of text and an exit status.
struct FootnoteError: Error {
    var message: String
    var exitCode: Int32
}

/// An exit status with nothing more to say: `ask` exits 1 when it declines
/// to answer, as grep does when nothing matches.
struct QuietExit: Error {
    var status: Int32
    /// `ask` gave no passage (the answer said why on stdout).
    static let declined = QuietExit(status: 1)
}

/// Writes `footnote: <message>` on stderr, sanitized for the terminal.
func printError(_ message: String) {
    writeStderr("footnote: " + TerminalText.sanitize(message) + "\n")
}

func writeStderr(_ text: String) {
    var text = text
    text.withUTF8 { buf in
        var offset = 0
        while offset < buf.count {
            let n = write(2, buf.baseAddress! + offset, buf.count - offset)
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
