import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteAnswer

/// Passage text read back from the corpus files (the index keeps none).
@Suite struct PassageTextTests {
    let formatFixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/formats").path

    /// Every format and encoding: verbatim passages, windows of a long
    /// paragraph, joined and decoded ones (HTML, lists), BEIR lines, a
    /// byte-order mark, UTF-16 and repaired UTF-8.
    func writeEveryKind(_ folder: TemporaryFolder) {
        writeMixedCorpus(folder)
        let long = (1...40).map { "Sentence \($0) speaks of kettles and the tea they boil at length." }.joined(separator: " ")
        folder.write("long.md", "# Long\n\n" + long + "\n\n- one item\n- two items\n")
        folder.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Marked text about a samovar.\n\nA second paragraph.\n".utf8))
        folder.write(
            "wide.txt", [0xFF, 0xFE] + "UTF-16 text about a teapot.\n\nMore.\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        folder.write("broken.md", Array("Broken ".utf8) + [0xC3, 0x28] + Array(" bytes about a kettle.\n\nNext paragraph.\n".utf8))
        folder.write("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" notes about a kettle.\n\nMore.\n".utf8))
        for name in ["changelog.gz", "guide.md.xz"] {
            folder.write("packed/" + name, Array(FileManager.default.contents(atPath: formatFixtures + "/compressed/" + name)!))
        }
        folder.write("escaped.jsonl", "{\"_id\": \"e1\", \"title\": \"Esc\", \"text\": \"Quote \\\" and \\u00e9 and \\n line.\"}\n")
    }

    /// Moves every file's modification time an hour back, so that its stamp
    /// is not racily clean (the cheap read paths are taken).
    func age(_ folder: TemporaryFolder) {
        let hourAgo = (Int64(Date().timeIntervalSince1970) - 3600) * 1_000_000_000
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                setModificationTime(folder.path + "/" + name, hourAgo)
            }
        }
    }

    /// The texts loading gave, against those read back after indexing.
    func expectTextsReadBack(aged: Bool) throws {
        let folder = TemporaryFolder()
        writeEveryKind(folder)
        if aged { age(folder) }
        let loaded = try CorpusLoader().load(folder.path)
        let indexFolder = TemporaryFolder()
        let outcome = try IndexStore(folder: indexFolder.path).open(folder.path)
        let stored = try IndexFile.read(indexFolder.path + "/" + IndexFile.fileName)
        for corpus in [outcome.corpus, stored.corpus] {
            #expect(corpus.passages.texts == nil)
            #expect(corpus.passages.count == loaded.passages.count)
            for p in loaded.passages.indices {
                #expect(
                    try corpus.passageText(p).get() == loaded.passages.texts![p],
                    "passage \(p) of \(corpus.documents[Int(corpus.passages.documents[p])].path)")
            }
        }
        // Each path was taken: verbatim, BEIR, and cut again.
        let kinds = Set(
            loaded.passages.indices.map { p in
                loaded.documents[Int(loaded.passages.documents[p])].format == .beirJSONL
                    ? "beir" : loaded.passages.isVerbatim(p) ? "verbatim" : "cut"
            })
        #expect(kinds == ["beir", "verbatim", "cut"])
        #expect(Set(loaded.documents.map(\.encoding)) == [.utf8, .utf8AfterByteOrderMark, .transcoded])
    }

    @Test func everyKindOfPassageReadsBackAsLoaded() throws { try expectTextsReadBack(aged: true) }

    @Test func racilyCleanFilesAreReadWholeAndHashed() throws { try expectTextsReadBack(aged: false) }

    @Test func aSingleFileCorpusReadsBack() throws {
        let folder = TemporaryFolder()
        let file = folder.write("notes.md", "# Notes\n\nKettles boil water.\n\n## More\n\nTeapots steep leaves.\n")
        age(folder)
        let loaded = try CorpusLoader().load(file)
        let outcome = try IndexStore(folder: TemporaryFolder().path).open(file)
        for p in loaded.passages.indices { #expect(try outcome.corpus.passageText(p).get() == loaded.passages.texts![p]) }
    }

    @Test func aChangedOrRemovedFileIsNeverReadAsIfUnchanged() throws {
        let folder = TemporaryFolder()
        folder.write("a.txt", "Kettles boil water.\n")
        folder.write("d.jsonl", "{\"_id\": \"j1\", \"title\": \"T\", \"text\": \"A samovar heats water.\"}\n")
        age(folder)
        let corpus = try IndexStore(folder: TemporaryFolder().path).open(folder.path).corpus
        let a = try #require(corpus.passages.indices.first { corpus.documents[Int(corpus.passages.documents[$0])].path == "a.txt" })
        let j = try #require(corpus.passages.indices.first { corpus.passages.id($0) == "j1" })
        let stamp = modificationTime(folder.path + "/a.txt")

        // Same size, new time.
        folder.write("a.txt", "Teapots warm water.\n")
        #expect(corpus.passageText(a) == .failure(.changed(path: "a.txt")))
        // Same size and time: the stamp cannot tell, the text is what is there now (the stamp's contract).
        setModificationTime(folder.path + "/a.txt", stamp)
        #expect(try corpus.passageText(a).get() == "Teapots warm water.")
        // Another size.
        folder.write("a.txt", "Kettles.\n")
        setModificationTime(folder.path + "/a.txt", stamp)
        #expect(corpus.passageText(a) == .failure(.changed(path: "a.txt")))
        // A BEIR line whose `_id` changed, size and time kept.
        let jsonlTime = modificationTime(folder.path + "/d.jsonl")
        folder.write("d.jsonl", "{\"_id\": \"j2\", \"title\": \"T\", \"text\": \"A samovar heats water.\"}\n")
        setModificationTime(folder.path + "/d.jsonl", jsonlTime)
        #expect(corpus.passageText(j) == .failure(.changed(path: "d.jsonl")))
        // Gone.
        unlink(folder.path + "/d.jsonl")
        #expect(corpus.passageText(j) == .failure(.changed(path: "d.jsonl")))
    }

    @Test func aRacyChangeIsCaughtByTheContentHash() throws {
        let folder = TemporaryFolder()
        folder.write("a.txt", "Kettles boil water.\n")  // written now: its stamp is racily clean
        let corpus = try IndexStore(folder: TemporaryFolder().path).open(folder.path).corpus
        let stamp = modificationTime(folder.path + "/a.txt")
        #expect(try corpus.passageText(0).get() == "Kettles boil water.")
        folder.write("a.txt", "Teapots keep water.\n")  // same size
        setModificationTime(folder.path + "/a.txt", stamp)
        #expect(corpus.passageText(0) == .failure(.changed(path: "a.txt")))
    }

    /// A racily clean file, once its content is found as indexed at a time
    /// well past its stamp's, is read by its byte range like any other: it is
    /// not read and hashed whole for every excerpt.
    @Test func aRacyFileVerifiedLateIsThenReadByItsRange() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.txt", "Kettles boil water.\n")
        let stampTime = (Int64(Date().timeIntervalSince1970 * 1000) - 1_500) * 1_000_000  // 1.5 s ago: racy at indexing
        setModificationTime(path, stampTime)
        let corpus = try IndexStore(folder: TemporaryFolder().path).open(folder.path).corpus
        let stamp = try #require(corpus.files.first?.stamp)
        #expect(!corpus.textCache.isVerified(path: path, stamp: stamp))
        while (Int64(Date().timeIntervalSince1970 * 1000) * 1_000_000) - stampTime <= FileStamp.ambiguityWindow + 50_000_000 {
            usleep(50_000)
        }
        #expect(try corpus.passageText(0).get() == "Kettles boil water.")  // hashed whole, and now verified
        #expect(corpus.textCache.isVerified(path: path, stamp: stamp))
        // Same size, same time: the stamp's contract says unchanged, and the range is read as it is now.
        folder.write("a.txt", "Teapots warm water.\n")
        setModificationTime(path, stampTime)
        #expect(try corpus.passageText(0).get() == "Teapots warm water.")
    }

    @Test func anAnswerFromAChangedFileSaysSoInsteadOfAnExcerpt() throws {
        let folder = TemporaryFolder()
        folder.write("a.txt", "Kettles boil water for tea.\n")
        folder.write("b.txt", "Teapots steep leaves.\n")
        age(folder)
        let outcome = try IndexStore(folder: TemporaryFolder().path).open(folder.path)
        let engine = AnswerEngine(corpus: outcome.corpus, index: outcome.index)
        #expect(engine.answer("kettles boil", top: 3).items.first?.excerpt.text == "Kettles boil water for tea.")
        folder.write("a.txt", "Kettles now boil milk for cocoa.\n")
        let answer = engine.answer("kettles boil", top: 3)
        #expect(answer.items.isEmpty)
        #expect(answer.notice == .sourceUnavailable(.changed(path: "a.txt")))
        #expect(answer.notice?.message.contains("a.txt, which changed since it was indexed") == true)
        // An eval over it counts a miss rather than reading the new text.
        #expect(engine.excerpt(question: "kettles", passage: 0) == .failure(.changed(path: "a.txt")))
    }

    @Test func withTextsReadsEveryPassageBack() throws {
        let folder = TemporaryFolder()
        writeEveryKind(folder)
        let loaded = try CorpusLoader().load(folder.path)
        let stored = try IndexStore(folder: TemporaryFolder().path).open(folder.path).corpus
        let filled = try stored.withTexts().get()
        #expect(filled.passages == loaded.passages)
        unlink(folder.path + "/b.txt")
        #expect(throws: PassageTextFailure.changed(path: "b.txt")) { try stored.withTexts().get() }
    }
}
