import FootnoteSearch
#if canImport(Glibc)
import Glibc
#endif

/// The user's defaults: `FOOTNOTE_CORPUS` from the environment and the
/// config file `$XDG_CONFIG_HOME/footnote/config` (default
/// `~/.config/footnote/config`). A command-line option always wins over
/// both, and the environment over the file.
///
/// The file holds `key = value` lines; blank lines and lines starting with
/// `#` are skipped, and a value may be quoted (`"…"`). The keys:
/// - `corpus`: the folder or file to answer from; `~/` is the home folder,
///   and a relative path is taken from the home folder too.
/// - `top`: passages cited per answer (1-100).
/// - `scoring`: `bm25` or `tfidf`.
/// - `color` (or `colour`): `auto`, `always` or `never`.
/// - `ignore`: a glob of files to pass over, as `--exclude` (one per line, repeatable).
///
/// `eval` reads none of it: its figures do not depend on who runs it.
struct UserConfiguration: Sendable, Equatable {
    var corpus: String?
    var top: Int?
    var scoring: ScoringChoice?
    var color: ColorChoice?
    var ignore: [String] = []
    /// Where `corpus` came from, for the banner: "FOOTNOTE_CORPUS" or the config file's path.
    var corpusOrigin: String?

    /// The keys the file may hold.
    static let keys = ["corpus", "top", "scoring", "color", "colour", "ignore"]

    /// A line of the file that cannot be read: the path, the line and why.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var line: Int
        var reason: String
        var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
    }

    /// The file's path under `environment` (nil with neither `XDG_CONFIG_HOME` nor `HOME`).
    static func filePath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/footnote/config" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/footnote/config"
    }

    /// The settings of `environment` and its config file (none when the file does not exist).
    static func load(environment: [String: String]) throws -> UserConfiguration {
        var configuration = UserConfiguration()
        if let path = filePath(environment: environment) {
            var st = stat()
            if stat(path, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFREG, st.st_size <= 1 << 20 else {
                    throw Failure(path: path, line: 0, reason: "the config file is not a text file of at most 1 MB; fix or remove it")
                }
                guard let text = readText(path) else {
                    throw Failure(
                        path: path, line: 0,
                        reason: "cannot read the config file (\(String(cString: strerror(errno)))); fix its permissions or remove it")
                }
                configuration = try parse(text, path: path, home: environment["HOME"])
            }
        }
        if let corpus = environment["FOOTNOTE_CORPUS"], !corpus.isEmpty {
            configuration.corpus = corpus
            configuration.corpusOrigin = "FOOTNOTE_CORPUS"
        }
        return configuration
    }

    /// The settings in a config file's text; `path` names it in errors.
    static func parse(_ text: String, path: String, home: String?) throws -> UserConfiguration {
        var configuration = UserConfiguration()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ reason: String) -> Failure { Failure(path: path, line: offset + 1, reason: reason) }
            guard let equals = line.firstIndex(of: "=") else {
                throw fail("expected 'key = value', got '\(line.prefix(40))'")
            }
            let key = line[..<equals].trimmingWhitespace().lowercased()
            var value = String(line[line.index(after: equals)...].trimmingWhitespace())
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !value.isEmpty else { throw fail("'\(key)' has no value") }
            switch key {
            case "corpus":
                configuration.corpus = expand(value, home: home)
                configuration.corpusOrigin = path
            case "top":
                guard let n = Int(value), (1...100).contains(n) else { throw fail("top must be a number from 1 to 100, got '\(value)'") }
                configuration.top = n
            case "scoring":
                guard let s = ScoringChoice(rawValue: value.lowercased()) else {
                    throw fail("scoring must be \(ScoringChoice.spelledOut), got '\(value)'")
                }
                configuration.scoring = s
            case "color", "colour":
                guard let c = ColorChoice(rawValue: value.lowercased()) else {
                    throw fail("\(key) must be auto, always or never, got '\(value)'")
                }
                configuration.color = c
            case "ignore":
                configuration.ignore.append(value)
            default:
                throw fail("unknown key '\(key.prefix(40))'; the keys are corpus, top, scoring, color and ignore")
            }
        }
        return configuration
    }

    /// `~/x` and a relative `x` as paths under `home`; an absolute path as it is.
    static func expand(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, !path.hasPrefix("/") else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return home + "/" + path
    }

    private static func readText(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes += buffer[..<n] }
            if n < buffer.count { break }
        }
        return ferror(file) != 0 ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The settings this process runs with, read once by `main` before parsing.
    nonisolated(unsafe) static var current = UserConfiguration()
}

/// The corpus a command reads, and why that one: `--corpus`, else
/// `FOOTNOTE_CORPUS`, else the config file's `corpus`, else `./corpus`
/// when it exists, else the current folder.
struct CorpusChoice: Equatable {
    enum Origin: Equatable {
        case option
        /// `FOOTNOTE_CORPUS` or the config file (its path).
        case configured(String)
        case defaultFolder
        case currentFolder
    }

    var path: String
    var origin: Origin

    init(option: String?, configuration: UserConfiguration, defaultFolderExists: (String) -> Bool = CorpusChoice.exists) {
        if let option {
            (path, origin) = (option, .option)
        } else if let configured = configuration.corpus {
            (path, origin) = (configured, .configured(configuration.corpusOrigin ?? "the config file"))
        } else if defaultFolderExists("corpus") {
            (path, origin) = ("corpus", .defaultFolder)
        } else {
            (path, origin) = (".", .currentFolder)
        }
    }

    /// A corpus chosen on the command line (`search`, `eval`: the config is not read).
    init(path: String) { (self.path, origin) = (path, .option) }

    /// Why this corpus, for the banner: "(from FOOTNOTE_CORPUS)", "(the
    /// current folder: no --corpus, FOOTNOTE_CORPUS, config or ./corpus)"; nil for `--corpus`.
    var reason: String? {
        switch origin {
        case .option, .defaultFolder: return nil
        case .configured(let from): return "from " + from
        case .currentFolder: return "the current folder: no --corpus, FOOTNOTE_CORPUS, config file corpus or ./corpus"
        }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}
