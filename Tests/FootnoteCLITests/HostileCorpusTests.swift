import Foundation
import Testing

/// The bad-input matrix (RELIABILITY.md): each case is a temporary corpus of
/// one good file and something hostile. For each: `footnote index` exits 0
/// with the documented notice, the good file is indexed and answers, memory
/// stays bounded, nothing crashes or hangs.
@Suite struct HostileCorpusTests {
    static let good = "The quokka lives on Rottnest island, where it eats leaves and sleeps by day.\n"

    /// Peak-memory bounds hold for normal builds; a sanitizer's shadow memory
    /// breaks them (`make test-asan` / `test-tsan` set FOOTNOTE_SANITIZER).
    static let boundsMemory = ProcessInfo.processInfo.environment["FOOTNOTE_SANITIZER"] == nil

    struct Outcome {
        var index: RunResult
        var ask: RunResult
        /// Peak resident memory of the `index` run, MB.
        var peakMB: Double
    }

    /// Indexes `folder`'s corpus (measuring peak memory with /usr/bin/time),
    /// then asks about the good file.
    func survive(
        _ folder: TemporaryFolder, _ extra: [String] = [], question: String = "Where does the quokka live?",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Outcome {
        let corpus = folder.path + "/corpus", index = folder.path + "/index"
        let timed = try runProgram(
            "/usr/bin/time", ["-f", "PEAK_KB=%M", footnoteBinary, "index", "--verbose", "--corpus", corpus, "--index-dir", index] + extra)
        let peak = timed.stderrLines.last { $0.hasPrefix("PEAK_KB=") }.flatMap { Double($0.dropFirst(8)) } ?? -1
        let indexRun = RunResult(
            status: timed.status, stdout: timed.stdout,
            stderr: timed.stderrLines.filter { !$0.hasPrefix("PEAK_KB=") }.joined(separator: "\n"))
        let ask = try runFootnote(["ask", "--corpus", corpus, "--index-dir", index, "--top", "1"] + extra + [question])
        #expect(indexRun.status == 0, "index: \(indexRun.stderr)", sourceLocation: sourceLocation)
        #expect(!indexRun.stderr.contains("Fatal") && !ask.stderr.contains("Fatal"), sourceLocation: sourceLocation)
        #expect(
            ask.status == 0 && ask.stdout.contains("Rottnest island"), "ask: \(ask.stdout) \(ask.stderr)", sourceLocation: sourceLocation)
        return Outcome(index: indexRun, ask: ask, peakMB: peak / 1024)
    }

    func corpus(_ files: [String: [UInt8]] = [:]) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("corpus/good.txt", Self.good)
        for (name, bytes) in files { folder.write("corpus/" + name, bytes) }
        return folder
    }

    @Test func binaryFilesAndNULsAreSkippedWithAReason() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array(repeating: 0xAB, count: 500)
        let o = try survive(corpus(["image.png": png, "nul.txt": Array("text with a NUL\u{0} inside\n".utf8)]))
        #expect(
            o.index.stderr.contains("skipped: image.png: not UTF-8 text (unknown extension)")
                || o.index.stderr.contains("skipped: image.png: binary file"), "\(o.index.stderr)")
        #expect(o.index.stderr.contains("skipped: nul.txt: binary file (contains NUL bytes)"), "\(o.index.stderr)")
    }

    @Test func latin1AndUTF16AreDecoded() throws {
        let utf16le: [UInt8] = [0xFF, 0xFE] + "Wombats dig burrows.\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16be: [UInt8] = [0xFE, 0xFF] + "Numbats eat termites.\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let folder = corpus([
            "latin1.txt": Array("Caf".utf8) + [0xE9] + Array(" au lait: echidnas.\n".utf8),
            "le.txt": utf16le, "be.txt": utf16be,
        ])
        let o = try survive(folder)
        // Latin-1 (no valid UTF-8 in it) is read as Windows-1252, without a warning.
        #expect(!o.index.stderr.contains("latin1.txt"), "\(o.index.stderr)")
        for (question, answer) in [
            ("what do wombats dig", "Wombats dig burrows"), ("what do numbats eat", "Numbats eat termites"),
            ("echidnas", "Caf\u{E9} au lait: echidnas"),
        ] {
            let r = try runFootnote([
                "ask", "--corpus", folder.path + "/corpus", "--index-dir", folder.path + "/index", "--top", "1", question,
            ])
            #expect(r.stdout.contains(answer), "\(question): \(r.stdout)")
        }
    }

    @Test func emptyFilesAreSkipped() throws {
        let o = try survive(corpus(["empty.txt": [], "blank.md": Array("\n\n   \n".utf8)]))
        #expect(
            o.index.stderr.contains("skipped: empty.txt: empty file") && o.index.stderr.contains("skipped: blank.md: no text"),
            "\(o.index.stderr)")
    }

    /// A 1 GB file (sparse: no disk used) is skipped unread by the default
    /// --max-file-size; a smaller limit skips smaller files; a bad size is a usage error.
    @Test func filesOverTheSizeLimitAreSkippedUnread() throws {
        let folder = corpus()
        let fd = open(folder.path + "/corpus/huge.log", O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0 && ftruncate(fd, 1 << 30) == 0)
        close(fd)
        let o = try survive(folder)
        #expect(o.index.stderr.contains("skipped: huge.log: larger than --max-file-size (1 GB > 256 MB)"), "\(o.index.stderr)")
        #expect(!Self.boundsMemory || o.peakMB < 150, "peak \(o.peakMB) MB")

        folder.write("corpus/medium.txt", String(repeating: "Platypus facts. ", count: 200))
        let limited = try survive(folder, ["--max-file-size", "2K"])
        #expect(
            limited.index.stderr.contains("index: the index was built with another --max-file-size; rebuilding"), "\(limited.index.stderr)")
        #expect(
            limited.index.stderr.contains("skipped: medium.txt: larger than --max-file-size (3.1 KB > 2 KB)"), "\(limited.index.stderr)")
        let bad = try runFootnote(["index", "--corpus", folder.path + "/corpus", "--max-file-size", "lots"])
        #expect(bad.status == 64 && bad.stderrLines.count <= 2 && bad.stderr.contains("max-file-size"), "\(bad.stderr)")
    }

    @Test func aTenMegabyteLineIsIndexedInBoundedMemory() throws {
        var line = String(repeating: "filler words without any break ", count: 330_000)
        line += "and at the very end a bandicoot."
        let folder = corpus(["one-line.txt": Array(line.utf8)])
        let o = try survive(folder)
        #expect(!Self.boundsMemory || o.peakMB < 300, "peak \(o.peakMB) MB")
        let r = try runFootnote([
            "ask", "--corpus", folder.path + "/corpus", "--index-dir", folder.path + "/index", "--top", "1", "bandicoot",
        ])
        #expect(r.stdout.contains("very end a bandicoot") && r.stdout.contains("one-line.txt:1"), "\(r.stdout)")
    }

    @Test func aHundredThousandTinyFiles() throws {
        let folder = corpus()
        for i in 0..<100_000 {
            let path = folder.path + "/corpus/many/\(i / 1000)/note-\(i).txt"
            if i % 1000 == 0 {
                try FileManager.default.createDirectory(atPath: folder.path + "/corpus/many/\(i / 1000)", withIntermediateDirectories: true)
            }
            #expect(FileManager.default.createFile(atPath: path, contents: Data("Note \(i): kelp grows in cold water.\n".utf8)))
        }
        let o = try survive(folder)
        #expect(o.index.stdout.contains("100001 files") || o.index.stdout.contains("100,001 files"), "\(o.index.stdout)")
        #expect(!Self.boundsMemory || o.peakMB < 600, "peak \(o.peakMB) MB")
    }

    @Test func deeplyNestedFolders() throws {
        let folder = corpus()
        let deep = (0..<300).map { _ in "d" }.joined(separator: "/")
        folder.write("corpus/" + deep + "/bottom.txt", "The dugong grazes on seagrass.\n")
        _ = try survive(folder)
        let r = try runFootnote(["ask", "--corpus", folder.path + "/corpus", "--index-dir", folder.path + "/index", "--top", "1", "dugong"])
        #expect(r.stdout.contains("The dugong grazes") && r.stdout.contains("/bottom.txt:1"), "\(r.stdout)")
    }

    /// Links are followed; a folder reached twice (a loop, or two links to
    /// one folder, inside or outside the corpus) is read once.
    @Test func symlinkLoopsEndAndOutsideLinksAreReadOnce() throws {
        let folder = corpus()
        folder.write("outside/cassowary.txt", "The cassowary is a large flightless bird.\n")
        let c = folder.path + "/corpus"
        try FileManager.default.createDirectory(atPath: c + "/loop", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: c + "/loop/again", withDestinationPath: c + "/loop")
        try FileManager.default.createSymbolicLink(atPath: c + "/loop/up", withDestinationPath: c)
        try FileManager.default.createSymbolicLink(atPath: c + "/out1", withDestinationPath: folder.path + "/outside")
        try FileManager.default.createSymbolicLink(atPath: c + "/out2", withDestinationPath: folder.path + "/outside")
        try FileManager.default.createSymbolicLink(atPath: c + "/dangling.txt", withDestinationPath: folder.path + "/nowhere.txt")
        let o = try survive(folder)
        #expect(o.index.stdout.contains("2 files"), "\(o.index.stdout)")
        #expect(o.index.stderr.contains("skipped: dangling.txt: cannot follow: No such file or directory"), "\(o.index.stderr)")
        let r = try runFootnote(["ask", "--corpus", c, "--index-dir", folder.path + "/index", "--json", "cassowary bird"])
        // Cited once, as out1/cassowary.txt (its "file" and its "path"), with no "also_in".
        #expect(r.stdout.components(separatedBy: "cassowary.txt").count == 3, "\(r.stdout)")
    }

    /// Run as another user when the tests run as root (root reads everything).
    @Test func filesAndFoldersWithoutReadPermission() throws {
        let folder = corpus()
        folder.write("corpus/secret.txt", "Hidden platypus notes.\n")
        folder.write("corpus/locked/inner.txt", "Locked numbat notes.\n")
        chmod(folder.path + "/corpus/secret.txt", 0o000)
        chmod(folder.path + "/corpus/locked", 0o000)
        defer { chmod(folder.path + "/corpus/locked", 0o755) }
        let asRoot = getuid() == 0
        if asRoot {
            chmod(folder.path, 0o755)
            chmod(footnoteBinary, 0o755)
            #expect(chown(folder.path, 65534, 65534) == 0)
        }
        let prefix = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let index = try runProgram(
            prefix.first ?? footnoteBinary,
            Array(prefix.dropFirst()) + (asRoot ? [footnoteBinary] : [])
                + ["index", "--verbose", "--corpus", folder.path + "/corpus", "--index-dir", folder.path + "/index"],
            environment: ["HOME": folder.path])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stderr.contains("skipped: secret.txt: cannot open: Permission denied"), "\(index.stderr)")
        #expect(index.stderr.contains("skipped: locked: cannot open folder: Permission denied"), "\(index.stderr)")
        #expect(index.stdout.contains("1 file"), "\(index.stdout)")
    }

    /// Spaces, a newline, invalid UTF-8 and a leading dash in file names:
    /// indexed, cited on one line, escaped in JSON, and read back for excerpts.
    @Test func awkwardFileNames() throws {
        let folder = corpus()
        let c = folder.path + "/corpus/"
        let names: [(bytes: [UInt8], animal: String)] = [
            (Array("with space.txt".utf8), "pangolin"), (Array("new\nline.txt".utf8), "tapir"),
            (Array("bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), "okapi"), (Array("-leading-dash.txt".utf8), "axolotl"),
        ]
        for (name, animal) in names {
            let path = Array(c.utf8) + name + [0]
            let fd = path.withUnsafeBufferPointer {
                open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
            }
            #expect(fd >= 0)
            let text = Array("The \(animal) is a curious animal.\n".utf8)
            #expect(text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.count)
            close(fd)
        }
        let o = try survive(folder)
        #expect(o.index.stdout.contains("5 files"), "\(o.index.stdout) \(o.index.stderr)")
        for (_, animal) in names {
            let text = try runFootnote(["ask", "--corpus", c, "--index-dir", folder.path + "/index", "--top", "1", "the \(animal)"])
            #expect(text.stdout.contains("The \(animal) is a curious animal."), "\(animal): \(text.stdout) \(text.stderr)")
            #expect(text.stdout.split(separator: "\n").count == 2, "\(animal): one excerpt line, one citation line: \(text.stdout)")
        }
        let json = try runFootnote(["ask", "--corpus", c, "--index-dir", folder.path + "/index", "--json", "--top", "1", "tapir"])
        #expect(json.stdout.contains(#""file":"new\nline.txt""#), "\(json.stdout)")
    }

    @Test func brokenHTMLScriptsAndHugeAttributes() throws {
        let huge = String(repeating: "x", count: 5_000_000)
        let html =
            "<html><head><title>Broken</title><script>var kiwi = 'not text';</script><style>.a{}</style></head>"
            + "<body><p class=\"\(huge)\">The kiwi lays a huge egg.<p>Unclosed <b>bold <i>nest<div><span title='\(huge)'>Moa were hunted."
            + "<!-- an unclosed comment"
        let o = try survive(corpus(["broken.html": Array(html.utf8), "cut.htm": Array("<p>Emus <a href=\"x".utf8)]))
        #expect(!Self.boundsMemory || o.peakMB < 300, "peak \(o.peakMB) MB")
        let folder = o
        _ = folder
    }

    @Test func malformedJSONLinesAreReportedByLineNumber() throws {
        let lines = [
            #"{"_id": "a", "title": "Kakapo", "text": "The kakapo is a flightless parrot."}"#, "not json at all",
            #"{"_id": "b", "text": "unterminated"#, #"{"title": "no id", "text": "The takahe too."}"#,
            #"{"_id": "c", "title": "Kea", "text": "The kea is an alpine parrot."}"#,
        ]
        let o = try survive(corpus(["birds.jsonl": Array(lines.joined(separator: "\n").utf8)]))
        #expect(o.index.stderr.contains("birds.jsonl"), "\(o.index.stderr)")
        for n in [2, 3, 4] { #expect(o.index.stderr.contains("line \(n)"), "line \(n): \(o.index.stderr)") }
        #expect(o.index.stdout.contains("3 passages") || o.index.stdout.contains("passages"), "\(o.index.stdout)")
    }
}

/// Runs any program as `runFootnote` runs footnote (the hostile-input tests wrap it in /usr/bin/time and setpriv).
func runProgram(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    try RunningFootnote(arguments, environment: environment, executable: path).finish()
}
