import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// Entry point: parse, run, and turn every failure into one line on stderr with
// a sysexits code. Help and version go to stdout with status 0.
// A file-size limit (ulimit -f) makes a write fail with EFBIG, reported
// like a full disk, instead of killing the process with SIGXFSZ.
signal(SIGXFSZ, SIG_IGN)

do {
    var command = try Footnote.parseAsRoot()
    try command.run()
    fflush(nil)
    exit(0)
} catch let error as FootnoteError {
    fflush(nil)
    printError(error.message)
    exit(error.exitCode)
} catch {
    fflush(nil)
    let code = Footnote.exitCode(for: error)
    if code == .success {
        print(Footnote.fullMessage(for: error))
        fflush(nil)
        exit(0)
    }
    printError(Footnote.message(for: error) + " (see 'footnote --help')")
    exit(code.rawValue == 1 ? SysExits.usage : code.rawValue)
}
