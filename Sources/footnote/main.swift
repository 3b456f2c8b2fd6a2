import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// Entry point: read the user's defaults, put the command line in the
// parser's form, parse, run, and turn every failure into one line on stderr
// with a sysexits code. Help and version go to stdout with status 0.
// A file-size limit (ulimit -f) makes a write fail with EFBIG, reported
// like a full disk, instead of killing the process with SIGXFSZ.
signal(SIGXFSZ, SIG_IGN)

var root: any ParsableCommand.Type = Footnote.self
do {
    let arguments = try CommandLineRewriter.rewrite(Array(CommandLine.arguments.dropFirst()))
    if FootnoteTopLevel.shows(arguments) { root = FootnoteTopLevel.self }
    do {
        UserConfiguration.current = try UserConfiguration.load(environment: ProcessInfoLite.environment)
    } catch let failure as UserConfiguration.Failure {
        // Help and the version still show with a config file that cannot be read.
        let showsHelp =
            root == FootnoteTopLevel.self || arguments.first == "help"
            || arguments.prefix { $0 != "--" }.contains { ["--help", "-h", "--version"].contains($0) }
        if !showsHelp {
            throw FootnoteError(message: failure.description, exitCode: SysExits.config)
        }
    }
    var command = try root.parseAsRoot(arguments)
    try command.run()
    fflush(nil)
    exit(0)
} catch let quiet as QuietExit {
    fflush(nil)
    exit(quiet.status)
} catch let error as FootnoteError {
    fflush(nil)
    printError(error.message)
    exit(error.exitCode)
} catch {
    fflush(nil)
    let code = root.exitCode(for: error)
    if code == .success {
        print(root.fullMessage(for: error))
        fflush(nil)
        exit(0)
    }
    printError(root.message(for: error) + " (see 'footnote --help')")
    exit(code.rawValue == 1 ? SysExits.usage : code.rawValue)
}
