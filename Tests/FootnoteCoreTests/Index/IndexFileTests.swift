import Foundation
import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteAnswer
@testable import FootnoteEvaluation

@Suite struct IndexFileTests {
    /// The numbers in a file's table of sections are its format: written out
    /// here so that a new case added mid-list, or a renumbering, fails.
    @Test func sectionNumbersAreFixed() {
        let fixed: [(String, UInt32)] = [
            ("meta", 1), ("documents", 2), ("files", 3), ("notices", 4), ("termBytes", 5), ("termOffsets", 6),
            ("postingStart", 7), ("postingPassageStart", 8), ("frequencyBytes", 9), ("positionBytes", 10),
            ("positionBlockStart", 11), ("passageLength", 12), ("vocabularyBytes", 13), ("vocabularyOffsets", 14),
            ("vocabularyTerm", 15), ("documentWordBlockStart", 16), ("boundsBlockStart", 17), ("boundsCompressed", 18),
            ("boundsCounts", 19), ("sectionBlockStart", 20), ("sectionCompressed", 21), ("sectionCounts", 22),
            ("idBlockStart", 23), ("idCompressed", 24), ("idCounts", 25), ("passageFlags", 26), ("frequencyValue", 27),
            ("frequencyExceptionPosting", 28), ("frequencyExceptionValue", 29), ("documentWordCompressed", 30),
            ("postingPassageBytes", 31), ("documentWordCounts", 32), ("frequencyBlockStart", 33),
        ]
        let actual: [(String, UInt32)] = IndexFile.Section.allCases.map { (String(describing: $0), $0.rawValue) }
        #expect(actual.map { $0.0 } == fixed.map { $0.0 })
        #expect(actual.map { $0.1 } == fixed.map { $0.1 })
    }

    /// A table entry of a kind this format version never writes is damage
    /// (the file is rebuilt), not something to skip.
    @Test func anUnknownSectionKindIsDamage() throws {
        let w = try written()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: w.path)))
        let firstKind = IndexFile.headerSize  // the first table entry starts with its kind
        withUnsafeBytes(of: UInt32(999).littleEndian) { bytes.replaceSubrange(firstKind..<firstKind + 4, with: $0) }
        try Data(IndexFile.resealed(bytes)).write(to: URL(fileURLWithPath: w.path))  // the header checksum still holds
        #expect(throws: IndexFile.Failure.damaged("unknown section 999")) { try IndexFile.read(w.path) }
    }

    /// Builds the mixed corpus and writes its index; returns both and the file path.
    func written() throws -> (folder: TemporaryFolder, corpus: Corpus, index: InvertedIndex, path: String) {
        let folder = TemporaryFolder()
        writeMixedCorpus(folder)
        let corpus = try CorpusLoader().load(folder.path)
        let index = IndexBuilder().build(corpus.passages)
        let path = folder.path + "/" + IndexFile.fileName  // not a corpus file: written after loading
        try IndexFile.write(corpus, index, to: path)
        return (folder, corpus, index, path)
    }

    @Test func roundTripGivesTheSameIndexAndAnswers() throws {
        let w = try written()
        let (corpus, index, path) = (w.corpus, w.index, w.path)
        let loaded = try IndexFile.read(path)
        expectSame((corpus, index), (loaded.corpus, loaded.index))
        #expect(loaded.corpus.files == corpus.files)
        #expect(loaded.corpus.scannedAt == corpus.scannedAt)
        #expect(loaded.fingerprint == corpus.fingerprint)
        #expect(loaded.index.analyzerSettings == index.analyzerSettings)
        #expect(answers(loaded.corpus, loaded.index, teaQuestions) == answers(corpus, index, teaQuestions))
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp.\(getpid())"))
    }

    /// Offsets past 4 GB are stored 8 bytes each: an index whose offsets are
    /// wide is written and read back as such, with the same answers.
    @Test func wideOffsetsRoundTrip() throws {
        let w = try written()
        let i = w.index
        func wide(_ o: Offsets) -> Offsets { Offsets(wide: FlatArray(Array(o))) }
        let index = InvertedIndex(
            analyzerSettings: i.analyzerSettings, titleWeight: i.titleWeight, headingWeight: i.headingWeight,
            terms: FrontCodedStrings(bytes: i.terms.bytes, blockStart: wide(i.terms.blockStart), count: i.terms.count),
            postingStart: wide(i.postingStart),
            postingPassages: PostingPassages(
                termByteStart: wide(i.postingPassages.termByteStart),
                bytes: i.postingPassages.bytes),
            postingFrequency: i.postingFrequency, positionRuns: i.positionRuns, passageLength: i.passageLength,
            vocabulary: i.vocabulary, vocabularyTerm: i.vocabularyTerm, documentWords: i.documentWords)
        try IndexFile.write(w.corpus, index, to: w.path)
        let loaded = try IndexFile.read(w.path)
        #expect(
            loaded.index.postingStart.isWide && loaded.index.terms.blockStart.isWide && loaded.index.postingPassages.termByteStart.isWide)
        #expect(!loaded.index.vocabulary.blockStart.isWide)
        expectSame((w.corpus, i), (loaded.corpus, loaded.index))
        #expect(answers(loaded.corpus, loaded.index, teaQuestions) == answers(w.corpus, i, teaQuestions))
    }

    /// More distinct frequencies than a byte codes (a word repeated 1…300
    /// times): the exception tables are written and read back too.
    @Test func roundTripKeepsFrequencyExceptions() throws {
        let folder = TemporaryFolder()
        for k in 1...300 { folder.write("f\(k).txt", Array(repeating: "kettle", count: k).joined(separator: " ") + " tea.\n") }
        let corpus = try CorpusLoader(passageBuilder: PassageBuilder(maxWords: 400)).load(folder.path)  // each file one passage
        let index = IndexBuilder().build(corpus.passages)
        #expect(index.postingFrequency.exceptionPosting.count > 0)
        let path = folder.path + "/" + IndexFile.fileName
        try IndexFile.write(corpus, index, to: path)
        let loaded = try IndexFile.read(path)
        expectSame((corpus, index), (loaded.corpus, loaded.index))
        #expect(Array(loaded.index.postingFrequency) == Array(index.postingFrequency))
        #expect(
            Set(Array(loaded.index.postingFrequency[loaded.index.postings(loaded.index.termID("kettl")!)]))
                == Set((1...300).map(Float.init)))
    }

    /// Each passage's document is not stored but derived from the documents'
    /// passage counts: a corpus whose counts disagree with its passages is
    /// refused at write time, and the previous file is left as it was.
    @Test func passageDocumentsComeFromTheDocumentsPassageCounts() throws {
        let w = try written()
        let loaded = try IndexFile.read(w.path)
        #expect(loaded.corpus.passages.documents == w.corpus.passages.documents)
        #expect(Set(Array(loaded.corpus.passages.documents)).count == w.corpus.documents.count)
        let before = try Data(contentsOf: URL(fileURLWithPath: w.path))
        var wrong = w.corpus
        wrong.documents[1].passageCount += 1
        wrong.documents[2].passageCount -= 1
        #expect(throws: IndexFile.Failure.self) { try IndexFile.write(wrong, w.index, to: w.path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: w.path)) == before)
    }

    @Test func roundTripOfTheSquadSampleGivesTheSameRun() throws {
        let corpus = try CorpusLoader().load(repositoryRoot.appendingPathComponent("Tests/Fixtures/squad-sample/corpus.jsonl").path)
        let index = IndexBuilder().build(corpus.passages)
        let folder = TemporaryFolder()
        try IndexFile.write(corpus, index, to: folder.path + "/i")
        let loaded = try IndexFile.read(folder.path + "/i")
        let queries = try BEIRQueries.read(repositoryRoot.appendingPathComponent("Tests/Fixtures/squad-sample/queries.jsonl").path)
        let before = BatchSearch(engine: AnswerEngine(corpus: corpus, index: index)).run(queries, top: 100, clock: { 0 })
        let after = BatchSearch(engine: AnswerEngine(corpus: loaded.corpus, index: loaded.index)).run(queries, top: 100, clock: { 0 })
        for q in queries {
            #expect(
                TRECRun.lines(query: q.id, entries: before.run.rankings[q.id] ?? [])
                    == TRECRun.lines(query: q.id, entries: after.run.rankings[q.id] ?? []))
        }
    }

    @Test func bitFlipsAnywhereAreDetected() throws {
        let w = try written()
        let path = w.path
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let scratch = TemporaryFolder()
        let copy = scratch.path + "/flipped"
        // Header fields, the section table, every section's first and last byte, and a sweep.
        var offsets = Set([0, 7, 8, 12, 16, 24, 32, 40, 63, 64, 65, 100, original.count / 2, original.count - 1])
        let sectionCount = Int(original[12])
        for s in 0..<sectionCount {
            let entry = 64 + 32 * s
            let offset = original[(entry + 8)..<(entry + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let length = original[(entry + 16)..<(entry + 24)].reversed().reduce(0) { $0 << 8 | Int($1) }
            offsets.insert(entry + 4)
            if length > 0 { offsets.insert(offset); offsets.insert(offset + length - 1) }
        }
        for o in stride(from: 0, to: original.count, by: max(1, original.count / 97)) { offsets.insert(o) }
        for offset in offsets.sorted() {
            var bytes = original
            bytes[offset] ^= 0x10
            try Data(bytes).write(to: URL(fileURLWithPath: copy))
            #expect(throws: IndexFile.Failure.self, "flip at \(offset) of \(original.count)") { try IndexFile.read(copy) }
        }
    }

    @Test func truncatedOrExtendedFilesAreDetected() throws {
        let w = try written()
        let path = w.path
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let scratch = TemporaryFolder()
        let copy = scratch.path + "/cut"
        for length in [0, 1, 8, 63, 64, 100, original.count / 2, original.count - 8, original.count - 1] {
            try Data(original[0..<length]).write(to: URL(fileURLWithPath: copy))
            #expect(throws: IndexFile.Failure.self, "cut at \(length)") { try IndexFile.read(copy) }
        }
        try Data(original + [0, 0, 0, 0, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: copy))
        #expect(throws: IndexFile.Failure.self) { try IndexFile.read(copy) }
    }

    @Test func swappedSectionsAreDetected() throws {
        let w = try written()
        let path = w.path
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Swap the first two 8-byte words of the posting data region (past the table).
        let sectionCount = Int(bytes[12])
        let start = (64 + 32 * sectionCount + 7) & ~7
        let a = start + 64, b = start + 128
        for k in 0..<8 { bytes.swapAt(a + k, b + k) }
        let scratch = TemporaryFolder()
        let copy = scratch.path + "/swapped"
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
        #expect(throws: IndexFile.Failure.self) { try IndexFile.read(copy) }
    }

    @Test func anotherFormatVersionIsReportedAsSuch() throws {
        let w = try written()
        let path = w.path
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[8] = UInt8(truncatingIfNeeded: IndexFile.formatVersion + 1)
        let scratch = TemporaryFolder()
        let copy = scratch.path + "/old"
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
        #expect(throws: IndexFile.Failure.otherVersion(IndexFile.formatVersion + 1)) { try IndexFile.read(copy) }
        #expect(throws: IndexFile.Failure.missing) { try IndexFile.read(copy + ".none") }
        try Data("not an index at all, just some text that is long enough to pass the header size".utf8).write(
            to: URL(fileURLWithPath: copy))
        #expect(throws: IndexFile.Failure.damaged("not a footnote index")) { try IndexFile.read(copy) }
    }

    @Test func writingIntoAMissingFolderFailsCleanly() throws {
        let w = try written()
        let (corpus, index) = (w.corpus, w.index)
        #expect(throws: IndexFile.Failure.self) { try IndexFile.write(corpus, index, to: "/nonexistent/folder/index") }
    }
}
