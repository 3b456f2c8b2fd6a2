import Foundation
import Testing

/// The stored index end to end: where it lives, reuse, incremental updates,
/// damage, and concurrent writers.
@Suite struct IndexPersistenceTests {
    func notes() -> TemporaryFolder {
        let f = TemporaryFolder()
        f.write("kettles.md", "# Kettles\n\nA kettle boils water for tea. Vinegar removes limescale.\n")
        f.write("teapots.txt", "Teapots\n\nA teapot steeps leaves. Porcelain teapots keep heat.\n")
        return f
    }

    /// Ignore files, --no-ignore, --exclude and --include decide what is read;
    /// changing them updates the stored index, it does not rebuild it.
    @Test func ignoreRulesAndGlobsUpdateTheIndexIncrementally() throws {
        let corpus = notes(), index = TemporaryFolder()
        corpus.write("drafts/unfinished.md", "# Draft\n\nA draft about samovars.\n")
        corpus.write(".gitignore", "drafts/\n")
        func run(_ extra: [String], _ question: String = "samovars") throws -> RunResult {
            try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path] + extra + [question])
        }
        #expect(try run([]).stdout.contains("Nothing in the corpus answers that."))
        let all = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path, "--no-ignore"])
        #expect(all.stdout.contains("3 files") && all.stdout.contains("updated (1 added, 0 changed, 0 removed)"), "\(all.stdout)")
        #expect(try run(["--no-ignore"]).stdout.contains("[1] \(corpus.path)/drafts/unfinished.md"))
        let fewer = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path, "--exclude", "*.txt"])
        #expect(fewer.stdout.contains("1 file") && fewer.stdout.contains("updated (0 added, 0 changed, 2 removed)"), "\(fewer.stdout)")
        let only = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path, "--no-ignore", "--include", "*.md"])
        #expect(only.stdout.contains("2 files") && only.stdout.contains("updated (1 added, 0 changed, 0 removed)"), "\(only.stdout)")
        let bad = try runFootnote(["index", "--corpus", corpus.path, "--exclude", " "])
        #expect(bad.status == 64 && bad.stderrLines.count == 1 && bad.stderr.contains("--exclude need a glob"), "\(bad.stderr)")
    }

    @Test func everyCommandTakesIndexDirAndReusesTheIndex() throws {
        let corpus = notes(), index = TemporaryFolder()
        let stored = index.path + "/index.footnote"
        let ask = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "What removes limescale?"])
        #expect(ask.status == 0 && ask.stdout.hasPrefix("A kettle boils water for tea. Vinegar removes limescale."), "\(ask.stdout)")
        #expect(ask.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: stored))
        let built = try FileManager.default.attributesOfItem(atPath: stored)[.modificationDate] as? Date

        let again = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path])
        #expect(again.stdout.contains(" terms, loaded in "), "\(again.stdout)")
        let piped = try runFootnote(["--corpus", corpus.path, "--index-dir", index.path], input: "porcelain teapots\n")
        #expect(piped.stdout.contains("Porcelain teapots keep heat"))
        #expect(try FileManager.default.attributesOfItem(atPath: stored)[.modificationDate] as? Date == built)

        // search and eval over a BEIR file keep their own index in the folder they are given.
        let data = TemporaryFolder()
        data.write("corpus.jsonl", "{\"_id\": \"d1\", \"title\": \"Tea\", \"text\": \"Green tea is steamed.\"}\n")
        data.write("queries.jsonl", "{\"_id\": \"q1\", \"text\": \"steamed tea\"}\n")
        data.write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n")
        let beirIndex = TemporaryFolder()
        let search = try runFootnote([
            "search", "--corpus", data.path + "/corpus.jsonl", "--queries", data.path + "/queries.jsonl",
            "--index-dir", beirIndex.path, "--timings",
        ])
        #expect(search.status == 0 && search.stderr.contains("\"index\": \"built\""), "\(search.stderr)")
        let eval = try runFootnote(["eval", data.path, "--index-dir", beirIndex.path])
        #expect(eval.status == 0 && eval.stdout.contains("nDCG@10"), "\(eval.stderr)")
        let searchAgain = try runFootnote([
            "search", "--corpus", data.path + "/corpus.jsonl", "--queries", data.path + "/queries.jsonl",
            "--index-dir", beirIndex.path, "--timings",
        ])
        #expect(searchAgain.stderr.contains("\"index\": \"loaded\""), "\(searchAgain.stderr)")
    }

    @Test func theDefaultFolderIsUnderXDGCacheHome() throws {
        let corpus = notes(), cache = TemporaryFolder()
        let r = try runFootnote(["ask", "--corpus", corpus.path, "kettle"], environment: ["XDG_CACHE_HOME": cache.path])
        #expect(r.status == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: cache.path + "/footnote")
        #expect(folders.count == 1 && folders[0].count == 16 && folders[0].allSatisfy(\.isHexDigit), "\(folders)")
        #expect(FileManager.default.fileExists(atPath: cache.path + "/footnote/" + folders[0] + "/index.footnote"))
    }

    @Test func changesAreIndexedIncrementallyAndFullRebuildsOnRequest() throws {
        let corpus = notes(), index = TemporaryFolder()
        _ = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path])
        corpus.write("mugs/mugs.md", "# Mugs\n\nA stoneware mug keeps cocoa warm.\n")
        let updated = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path])
        #expect(
            updated.stdout.contains("3 files") && updated.stdout.contains("updated (1 added, 0 changed, 0 removed)"), "\(updated.stdout)")
        let ask = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "What keeps cocoa warm?"])
        #expect(ask.stdout.contains("stoneware mug"))
        #expect(ask.stdout.contains("mugs/mugs.md:3"))
        try FileManager.default.removeItem(atPath: corpus.path + "/teapots.txt")
        let removed = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "porcelain teapots"])
        // The removed file's words are gone from the vocabulary too.
        #expect(
            removed.stdout
                == "Nothing in the corpus answers that.\n(*porcelain*, *teapots* are not in the corpus, nor any word close to them)\n",
            "\(removed.stdout)")
        let full = try runFootnote(["index", "--full", "--corpus", corpus.path, "--index-dir", index.path])
        #expect(full.stdout.contains("2 files") && full.stdout.contains(" terms, built in "), "\(full.stdout)")
    }

    @Test func aDamagedIndexIsRebuiltWithOneLineSayingWhy() throws {
        let corpus = notes(), index = TemporaryFolder()
        _ = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path])
        let path = index.path + "/index.footnote"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 3] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "What removes limescale?"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("A kettle boils water for tea."))
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("footnote: index: the index file is damaged (checksum mismatch in section"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("; rebuilding\n"))
        let clean = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "limescale"])
        #expect(clean.stderr.isEmpty)
    }

    @Test func anIndexDirThatIsAFileStillAnswers() throws {
        let corpus = notes(), scratch = TemporaryFolder()
        let file = scratch.write("taken", "not a folder")
        let r = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", file, "limescale"])
        #expect(r.status == 0 && r.stdout.contains("Vinegar removes limescale"))
        #expect(
            r.stderrLines.count == 1 && r.stderr.contains("cannot save the index") && r.stderr.contains("answering from memory"),
            "\(r.stderr)")
    }

    @Test func killingAWriterFiftyTimesLeavesThePreviousIndexUsable() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        for i in 0..<400 {
            corpus.write(
                "notes/note\(i).md",
                "# Note \(i)\n\nTopic \(i) covers kettle model k\(i * 7).\n"
                    + String(repeating: "Filler words about leaves and water. ", count: 60) + "\n")
        }
        let started = Date()
        let first = try runFootnote(["index", "--full", "--corpus", corpus.path, "--index-dir", index.path])
        #expect(first.status == 0)
        // Kill at 50 points over a whole full build, writing included: every
        // 1/12 of it, then 38 chosen at random (seeded, so a failure repeats).
        let duration = Date().timeIntervalSince(started)
        var seed: UInt64 = 0x5EED
        let randomPoints = (0..<38).map { _ -> Double in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for fraction in (0..<12).map({ Double($0) / 11 }) + randomPoints {
            let delay = Int(duration * 1000 * fraction * 1.2)
            let writer = try startFootnote(["index", "--full", "--corpus", corpus.path, "--index-dir", index.path])
            usleep(useconds_t(delay * 1000))
            kill(writer.process.processIdentifier, SIGKILL)
            _ = writer.finish()
            let after = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path])
            #expect(after.status == 0 && after.stderr.isEmpty, "after a kill at \(delay) ms: \(after.stderr)")
            #expect(after.stdout.contains(" terms, loaded in ") || after.stdout.contains(" terms, built in "), "\(after.stdout)")
        }
        // The next writer clears what killed ones left.
        _ = try runFootnote(["index", "--full", "--corpus", corpus.path, "--index-dir", index.path])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.contains(".tmp.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let ask = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "kettle model k693"])
        #expect(ask.stdout.contains("Topic 99 covers"))
    }

    @Test(arguments: [2, 4])
    func concurrentIndexRunsLeaveOneValidIndex(writers: Int) throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        for i in 0..<300 {
            corpus.write(
                "notes/\(i / 30)/note\(i).md",
                "# Note \(i)\n\nTopic \(i) covers tea number \(i) and kettle model k\(i * 7).\n"
                    + String(repeating: "Filler words about leaves and water. ", count: 40) + "\n")
        }
        let processes = try (0..<writers).map { _ in
            try startFootnote(["index", "--full", "--corpus", corpus.path, "--index-dir", index.path])
        }
        for p in processes {
            let result = p.finish()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("300 files"))
            #expect(result.stderr.isEmpty || result.stderr.contains("waiting for another footnote process"), "\(result.stderr)")
        }
        let after = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", index.path])
        #expect(after.stdout.contains(" terms, loaded in "), "\(after.stdout) \(after.stderr)")
        let ask = try runFootnote(["ask", "--corpus", corpus.path, "--index-dir", index.path, "kettle model k693"])
        #expect(ask.stdout.contains("Topic 99 covers"), "\(ask.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.contains(".tmp.") }
        #expect(leftovers.isEmpty)
    }

    /// Another corpus's index put in this one's folder is noticed and replaced.
    @Test func aSwappedIndexFileIsNoticedAndRebuilt() throws {
        let a = notes(), b = TemporaryFolder(), indexA = TemporaryFolder(), indexB = TemporaryFolder()
        b.write("birds.txt", "The kea is an alpine parrot of New Zealand.\n")
        _ = try runFootnote(["index", "--corpus", a.path, "--index-dir", indexA.path])
        _ = try runFootnote(["index", "--corpus", b.path, "--index-dir", indexB.path])
        try FileManager.default.removeItem(atPath: indexB.path + "/index.footnote")
        try FileManager.default.copyItem(atPath: indexA.path + "/index.footnote", toPath: indexB.path + "/index.footnote")
        let r = try runFootnote(["ask", "--corpus", b.path, "--index-dir", indexB.path, "alpine parrot"])
        #expect(r.stdout.contains("The kea is an alpine parrot"), "\(r.stdout)")
        #expect(r.stderr.contains("was built for another corpus") && r.stderr.hasSuffix("; rebuilding\n"), "\(r.stderr)")
    }

    /// A full disk (a 256 KB tmpfs, when this machine lets us mount one) or a
    /// file-size limit (ulimit -f, everywhere): `index` fails with one line
    /// and status 74, the previous index stays whole and in use, no
    /// temporary file is left; `ask` still answers, from memory.
    @Test func aFullDiskKeepsThePreviousIndex() throws {
        let corpus = notes(), scratch = TemporaryFolder()
        // ThreadSanitizer's runtime faults under any file-size limit (even for --version): tmpfs only there.
        let limitWorks = ProcessInfo.processInfo.environment["FOOTNOTE_SANITIZER"] != "thread"
        var folders: [(name: String, path: String, limit: String)] =
            limitWorks ? [("ulimit", scratch.path + "/limited", "ulimit -f 64;")] : []
        let mountPoint = scratch.path + "/tmpfs"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = try runProgram("/bin/sh", ["-c", "mount -t tmpfs -o size=256k tmpfs \(mountPoint) 2>/dev/null"]).status == 0
        defer { if mounted { _ = try? runProgram("/bin/sh", ["-c", "umount \(mountPoint)"]) } }
        if mounted { folders.append(("tmpfs", mountPoint, "")) }
        for (name, folder, limit) in folders {
            let first = try runFootnote(["index", "--corpus", corpus.path, "--index-dir", folder])
            #expect(first.status == 0, "\(name): \(first.stderr)")
            let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/index.footnote"))
            // Grow the corpus past what the folder can take.
            for i in 0..<60 {
                corpus.write(
                    "more/\(name)-\(i).txt",
                    "Note \(i) about the \(name) case: "
                        + (0..<400).map { "w\(i)x\($0)" }.joined(separator: " ") + ".\n")
            }
            let full = try runProgram(
                "/bin/sh", ["-c", "\(limit) exec \(footnoteBinary) index --corpus \(corpus.path) --index-dir \(folder)"])
            #expect(full.status == 74, "\(name): \(full.status) \(full.stderr)")
            #expect(full.stderrLines.count == 1, "\(name): \(full.stderr)")
            #expect(
                full.stderr.contains("cannot save the index") && full.stderr.contains("the previous index, if any, is kept"),
                "\(name): \(full.stderr)")
            #expect(full.stderr.contains(name == "tmpfs" ? "No space left on device" : "File too large"), "\(name): \(full.stderr)")
            #expect(full.stderr.contains("free some space or pass --index-dir"), "\(name): \(full.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/index.footnote")) == before, "\(name): old index untouched")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp.") }.isEmpty, "\(name)")
            let ask = try runProgram(
                "/bin/sh", ["-c", "\(limit) exec \(footnoteBinary) ask --corpus \(corpus.path) --index-dir \(folder) w7x123"])
            #expect(
                ask.status == 0 && ask.stdout.contains("w7x123") && ask.stdout.contains("/more/\(name)-7.txt:1"),
                "\(name): \(ask.stdout) \(ask.stderr)")
            #expect(ask.stderr.contains("answering from memory this time"), "\(name): \(ask.stderr)")
            try FileManager.default.removeItem(atPath: corpus.path + "/more")
        }
    }

    /// A cache folder footnote may not write in is reported as that, not as a
    /// missing temporary file, and `index` does not advise freeing space. (Run
    /// as another user when the tests run as root, whom permissions do not stop.)
    @Test func anUnwritableCacheFolderIsAPermissionProblem() throws {
        let home = TemporaryFolder()
        home.write("notes/kettle.md", "# Kettle\n\nDescale the kettle with citric acid.\n")
        Foundation.mkdir(home.path + "/cache", 0o755)
        let asRoot = getuid() == 0
        if asRoot {
            chmod(home.path, 0o755)
            chmod(footnoteBinary, 0o755)
            #expect(chown(home.path + "/notes", 65534, 65534) == 0)  // the corpus is readable; the cache stays root's
        } else {
            chmod(home.path + "/cache", 0o555)
        }
        defer { chmod(home.path + "/cache", 0o755) }
        let prefix = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", footnoteBinary] : [footnoteBinary]
        let environment = ["HOME": home.path, "XDG_CACHE_HOME": home.path + "/cache"]
        let index = try runProgram(
            prefix[0], Array(prefix.dropFirst()) + ["index", "--corpus", home.path + "/notes"], environment: environment)
        #expect(index.status == 74)
        #expect(
            index.stderrLines == [
                "footnote: cannot save the index: cannot create its folder: no permission to write in the folder "
                    + "\(home.path)/cache (Permission denied); the previous index, if any, is kept; pass --index-dir to keep it elsewhere"
            ],
            "\(index.stderr)")
        let ask = try runProgram(
            prefix[0], Array(prefix.dropFirst()) + ["ask", "--corpus", home.path + "/notes", "descale"], environment: environment)
        #expect(ask.status == 0 && ask.stdout.contains("citric acid"))
        #expect(
            ask.stderr.contains("no permission to write in the folder \(home.path)/cache") && ask.stderr.contains("answering from memory"),
            "\(ask.stderr)")
    }
}
