import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex

@Suite struct IndexStoreTests {
    /// Opens `corpus` with a store in `index`, collecting its events.
    func open(
        _ corpus: String, _ index: String?, full: Bool = false, builder: IndexBuilder = IndexBuilder()
    )
        throws -> (outcome: IndexStore.Outcome, events: [String])
    {
        nonisolated(unsafe) var events: [String] = []
        let outcome = try IndexStore(folder: index, builder: builder).open(corpus, full: full) { event in
            switch event {
            case .rebuilding(let reason): events.append("rebuilding: \(reason)")
            case .notSaved(let reason, _): events.append("not saved: \(reason)")
            case .waitingForLock: events.append("waiting")
            case .reading, .analyzing: break
            }
        }
        return (outcome, events)
    }

    @Test func aSecondOpenReusesTheStoredIndex() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        let first = try open(corpus.path, index.path)
        #expect(first.outcome.provenance == .built)
        #expect(first.events.isEmpty)
        #expect(FileManager.default.fileExists(atPath: index.path + "/" + IndexFile.fileName))
        let second = try open(corpus.path, index.path)
        #expect(second.outcome.provenance == .reused)
        #expect(second.outcome.newNotices.isEmpty)
        expectSame((first.outcome.corpus, first.outcome.index), (second.outcome.corpus, second.outcome.index))
        let third = try open(corpus.path, index.path, full: true)
        #expect(third.outcome.provenance == .built)
    }

    @Test func incrementalUpdateEqualsAFullRebuild() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        _ = try open(corpus.path, index.path)

        corpus.write("sub/g.md", "# Mugs\n\nA mug of tea stays warm. Kettles and mugs.\n")  // added
        corpus.write("b.txt", "Teapots\n\nA teapot brews leaves slowly; cast iron teapots keep heat longer.\n")  // changed
        try FileManager.default.removeItem(atPath: corpus.path + "/c.html")  // removed
        try FileManager.default.moveItem(atPath: corpus.path + "/e.txt", toPath: corpus.path + "/h.txt")  // renamed
        // Same size, same modification time, other words: only the content hash can tell.
        let a = corpus.path + "/a.md", time = modificationTime(a)
        let text = try String(contentsOfFile: a, encoding: .utf8)
        corpus.write("a.md", text.replacingOccurrences(of: "Vinegar", with: "Citrics"))
        setModificationTime(a, time)

        let updated = try open(corpus.path, index.path)
        #expect(updated.outcome.provenance == .updated(added: 2, changed: 2, removed: 2))
        let scratch = TemporaryFolder()
        let full = try open(corpus.path, scratch.path, full: true)
        #expect(full.outcome.provenance == .built)
        expectSame((updated.outcome.corpus, updated.outcome.index), (full.outcome.corpus, full.outcome.index))
        #expect(
            answers(updated.outcome.corpus, updated.outcome.index, teaQuestions + ["citrics", "quokka", "mug"])
                == answers(full.outcome.corpus, full.outcome.index, teaQuestions + ["citrics", "quokka", "mug"]))
        #expect(updated.outcome.index.termID("quokka") == nil)  // its only file is gone
        #expect(updated.outcome.index.termID("vinegar") == nil)

        // What was saved is what was computed.
        let reloaded = try open(corpus.path, index.path)
        #expect(reloaded.outcome.provenance == .reused)
        expectSame((reloaded.outcome.corpus, reloaded.outcome.index), (full.outcome.corpus, full.outcome.index))
    }

    @Test func editsOverSeveralUpdatesStayEqualToFullBuilds() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        _ = try open(corpus.path, index.path)
        let edits: [(String, String?)] = [
            ("e.txt", nil), ("z.txt", "Zebra tea is not a thing.\n"), ("a.md", "# Kettles\n\nElectric kettles switch off.\n"),
            ("sub/f.rst", nil), ("e.txt", "Matcha again, now whisked in a chawan.\n"), ("bin.dat", "now text about oolong\n"),
        ]
        for (step, (name, content)) in edits.enumerated() {
            if let content { corpus.write(name, content) } else { try FileManager.default.removeItem(atPath: corpus.path + "/" + name) }
            let updated = try open(corpus.path, index.path)
            let scratch = TemporaryFolder()
            let full = try open(corpus.path, scratch.path, full: true)
            expectSame((updated.outcome.corpus, updated.outcome.index), (full.outcome.corpus, full.outcome.index))
            #expect(
                answers(updated.outcome.corpus, updated.outcome.index, teaQuestions)
                    == answers(full.outcome.corpus, full.outcome.index, teaQuestions), "step \(step)")
        }
    }

    @Test func aDamagedIndexIsRebuiltWithAReason() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        let first = try open(corpus.path, index.path)
        let path = index.path + "/" + IndexFile.fileName
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let second = try open(corpus.path, index.path)
        #expect(second.outcome.provenance == .built)
        #expect(second.events.count == 1)
        #expect(second.events.first?.hasPrefix("rebuilding: the index file is damaged (checksum mismatch in section") == true)
        expectSame((first.outcome.corpus, first.outcome.index), (second.outcome.corpus, second.outcome.index))
        #expect(try open(corpus.path, index.path).outcome.provenance == .reused)
    }

    @Test func otherSettingsOrAnotherCorpusMeanARebuild() throws {
        let corpus = TemporaryFolder(), other = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        other.write("x.txt", "Something else entirely.\n")
        _ = try open(corpus.path, index.path)
        let reweighted = try open(corpus.path, index.path, builder: IndexBuilder(titleWeight: 2))
        #expect(reweighted.outcome.provenance == .built)
        #expect(reweighted.events == ["rebuilding: the index was built with other analysis settings; rebuilding"])
        let elsewhere = try open(other.path, index.path, builder: IndexBuilder(titleWeight: 2))
        #expect(elsewhere.outcome.provenance == .built)
        #expect(elsewhere.events.first?.contains("was built for another corpus") == true)
    }

    @Test func temporaryFilesOfDeadWritersAreRemoved() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        let abandoned = index.write(IndexFile.fileName + ".tmp.99999", "half an index from a writer that was killed")
        let other = index.write("notes.txt", "not ours")
        _ = try open(corpus.path, index.path)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func aCorpusEmptiedLeavesTheStoredIndexAlone() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        corpus.write("only.txt", "Oolong is partly oxidised.\n")
        _ = try open(corpus.path, index.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: index.path + "/" + IndexFile.fileName))
        corpus.write("only.txt", "")
        #expect(throws: CorpusError.self) { try open(corpus.path, index.path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: index.path + "/" + IndexFile.fileName)) == before)
    }

    @Test func anUnwritableFolderStillAnswersFromMemory() throws {
        let corpus = TemporaryFolder(), index = TemporaryFolder()
        writeMixedCorpus(corpus)
        let blocker = index.write("file", "a file where the index folder should be")
        let result = try open(corpus.path, blocker + "/sub")
        #expect(result.outcome.provenance == .built)
        #expect(result.events.count == 1 && result.events[0].hasPrefix("not saved: cannot save the index"))
        #expect(!answers(result.outcome.corpus, result.outcome.index, ["kettle"])[0].isEmpty)
    }

    @Test func withoutAFolderTheIndexIsBuiltInMemory() throws {
        let corpus = TemporaryFolder()
        writeMixedCorpus(corpus)
        let first = try open(corpus.path, nil), second = try open(corpus.path, nil)
        #expect(first.outcome.provenance == .built && second.outcome.provenance == .built)
        #expect(first.events.isEmpty)
        #expect(!answers(first.outcome.corpus, first.outcome.index, ["kettle"])[0].isEmpty)
    }

    @Test func defaultFolderFollowsXDGAndHashesTheCorpusPath() {
        let a = IndexStore.defaultFolder(forCorpus: "/home/u/notes", environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])
        let b = IndexStore.defaultFolder(forCorpus: "/home/u/other", environment: ["HOME": "/home/u"])
        #expect(a?.hasPrefix("/x/cache/footnote/") == true && a?.count == "/x/cache/footnote/".count + 16)
        #expect(b?.hasPrefix("/home/u/.cache/footnote/") == true)
        #expect(IndexStore.defaultFolder(forCorpus: "/c", environment: ["XDG_CACHE_HOME": "relative"]) == nil)
        #expect(IndexStore.defaultFolder(forCorpus: "/c", environment: [:]) == nil)
    }
}
