import Foundation
import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteAnswer

/// Golden index files, one per format version (as tantivy's `compat_tests`
/// and Lucene's backward codecs keep them): `Tests/Fixtures/index-formats/`
/// holds `corpus/` (four small files: Markdown, plain text, HTML, reST), and
/// for each version N from 46 on `vN.footnote`, the index of that corpus as
/// format N wrote it, with `vN.answers.tsv`, what it answered. Files of older
/// versions are kept as they are (`v45.footnote` was written by 20137cb^).
///
/// - The current version's file must exist, load, and answer as recorded.
/// - The file this build writes must be byte for byte the current version's
///   golden file: any change to what is stored (the layout, or what is
///   indexed: terms, passages, weights, compression) without a new
///   `IndexFile.formatVersion` fails here, because an index written before the
///   change would be read as if it were current.
/// - Every older version is refused with the "rebuilding" notice and rebuilt,
///   never misread.
///
/// After bumping the version, record its files with `make golden-index`
/// (`FOOTNOTE_RECORD_GOLDEN=1`), which writes them only when they are missing.
/// The environment's part of a file (corpus path, scan time, modification
/// times) is fixed to constants first, so the bytes depend on the code alone
/// (and on libzstd's output for the compressed sections: Debian 12's).
@Suite struct IndexFormatGoldenTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/index-formats").path
    static let corpusFolder = folder + "/corpus"
    static let questions = [
        "when are the beds watered", "where is the shed key", "what goes in the compost",
        "how much is the membership fee", "ripening green tomatoes", "sharing table leftovers",
        "seedlings cold frame",
    ]

    static func goldenPath(_ version: UInt32) -> String { folder + "/v\(version).footnote" }
    static func answersPath(_ version: UInt32) -> String { folder + "/v\(version).answers.tsv" }

    /// The versions that have a golden file, ascending.
    static var recordedVersions: [UInt32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> UInt32? in
            guard name.hasPrefix("v"), name.hasSuffix(".footnote") else { return nil }
            return UInt32(name.dropFirst().dropLast(".footnote".count))
        }.sorted()
    }

    /// The fixture corpus as this build reads and indexes it, with the
    /// environment's part fixed: the bytes of its index file depend on the code only.
    static func build() throws -> (corpus: Corpus, index: InvertedIndex) {
        var corpus = try CorpusLoader().load(corpusFolder)
        corpus.path = "corpus"
        corpus.absolutePath = "/golden/corpus"
        corpus.scannedAt = 0
        corpus.files = corpus.files.map {
            var f = $0; f.stamp.modified = 0; return f
        }
        return (corpus, IndexBuilder().build(corpus.passages))
    }

    /// One line per question and hit: question, rank, document path, passage number, score (4 decimals).
    static func answerLines(_ corpus: Corpus, _ index: InvertedIndex) -> [String] {
        let hits = answers(corpus, index, questions)
        return zip(questions, hits).flatMap { question, hits in
            hits.prefix(3).enumerated().map { rank, hit in
                let document = corpus.documents[Int(corpus.passages.documents[Int(hit.passage)])].path
                return [question, "\(rank + 1)", document, "\(hit.passage)", String(format: "%.4f", hit.score)].joined(separator: "\t")
            }
        }
    }

    /// The section kinds whose stored bytes differ between two index files (by their table's checksums).
    static func differingSections(_ a: [UInt8], _ b: [UInt8]) -> [String] {
        func table(_ bytes: [UInt8]) -> [UInt32: UInt64] {
            func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[o + $1]) << (8 * UInt32($1)) } }
            func u64(_ o: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[o + $1]) << (8 * UInt64($1)) } }
            guard bytes.count >= IndexFile.headerSize else { return [:] }
            let count = Int(u32(12))
            var sums: [UInt32: UInt64] = [:]
            for e in 0..<count {
                let at = IndexFile.headerSize + e * IndexFile.tableEntrySize
                guard at + IndexFile.tableEntrySize <= bytes.count else { break }
                sums[u32(at)] = u64(at + 24)
            }
            return sums
        }
        let x = table(a), y = table(b)
        return Set(x.keys).union(y.keys).sorted().filter { x[$0] != y[$0] }
            .map { kind in IndexFile.Section(rawValue: kind).map { String(describing: $0) } ?? "section \(kind)" }
    }

    /// Writes the current version's golden files when asked to and they are missing.
    static func recordIfAsked() throws {
        guard ProcessInfo.processInfo.environment["FOOTNOTE_RECORD_GOLDEN"] != nil else { return }
        let version = IndexFile.formatVersion
        guard !FileManager.default.fileExists(atPath: goldenPath(version)) else { return }
        let (corpus, index) = try build()
        try IndexFile.write(corpus, index, to: goldenPath(version))
        try (answerLines(corpus, index).joined(separator: "\n") + "\n").write(
            toFile: answersPath(version), atomically: true, encoding: .utf8)
    }

    @Test func theCurrentFormatHasAGoldenFile() throws {
        try Self.recordIfAsked()
        let version = IndexFile.formatVersion
        #expect(
            FileManager.default.fileExists(atPath: Self.goldenPath(version)),
            "format \(version) has no golden file: record it with `make golden-index` and commit Tests/Fixtures/index-formats/v\(version).*"
        )
        #expect(FileManager.default.fileExists(atPath: Self.answersPath(version)))
    }

    @Test func theCurrentGoldenFileLoadsAndAnswersAsRecorded() throws {
        try Self.recordIfAsked()
        let version = IndexFile.formatVersion
        guard FileManager.default.fileExists(atPath: Self.goldenPath(version)) else { return }  // theCurrentFormatHasAGoldenFile fails
        let loaded = try IndexFile.read(Self.goldenPath(version))
        let recorded = try String(contentsOfFile: Self.answersPath(version), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(recorded.count >= Self.questions.count)
        #expect(Self.answerLines(loaded.corpus, loaded.index) == recorded)
        #expect(loaded.corpus.documents.map(\.path) == ["harvest.html", "membership.rst", "tools.txt", "watering.md"])
    }

    /// The guard against a forgotten version bump.
    @Test func thisBuildWritesTheCurrentGoldenFile() throws {
        try Self.recordIfAsked()
        let version = IndexFile.formatVersion
        guard let golden = FileManager.default.contents(atPath: Self.goldenPath(version)) else { return }
        let (corpus, index) = try Self.build()
        let folder = TemporaryFolder()
        let path = folder.path + "/" + IndexFile.fileName
        try IndexFile.write(corpus, index, to: path)
        let written = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        let differing = Self.differingSections([UInt8](golden), written)
        let same = written == [UInt8](golden)  // (a Bool: the failure message is the explanation, not two byte arrays)
        #expect(
            same,
            """
            this build's index of Tests/Fixtures/index-formats/corpus differs from v\(version).footnote \
            (sections: \(differing.isEmpty ? "the header" : differing.joined(separator: ", "))): what an index \
            stores changed but IndexFile.formatVersion is still \(version), so an index written before the change \
            would be read as current. Bump the version and record its golden files (make golden-index).
            """)
    }

    /// Older formats: refused by the reader, rebuilt by the store with the
    /// "written by another version" notice, and the rebuilt index answers as a fresh one does.
    @Test func olderFormatsAreRefusedAndRebuilt() throws {
        let older = Self.recordedVersions.filter { $0 < IndexFile.formatVersion }
        #expect(older.contains(45))
        let corpusCopy = TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpusFolder) {
            corpusCopy.write(name, [UInt8](FileManager.default.contents(atPath: Self.corpusFolder + "/" + name)!))
        }
        let fresh = try IndexStore(folder: nil).open(corpusCopy.path)
        let expected = answers(fresh.corpus, fresh.index, Self.questions)
        for version in older {
            let bytes = [UInt8](FileManager.default.contents(atPath: Self.goldenPath(version))!)
            #expect(Array(bytes[0..<8]) == Array("FOOTNOTE".utf8))
            #expect(
                bytes[8..<12].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } == version, "v\(version).footnote is another version")
            #expect(throws: IndexFile.Failure.otherVersion(version)) { try IndexFile.read(Self.goldenPath(version)) }

            let indexFolder = TemporaryFolder()
            indexFolder.write(IndexFile.fileName, bytes)
            var reasons: [String] = []
            let opened = try IndexStore(folder: indexFolder.path).open(corpusCopy.path) {
                if case .rebuilding(let why) = $0 { reasons.append(why) }
            }
            #expect(opened.provenance == .built, "v\(version)")
            #expect(reasons.count == 1 && reasons[0].contains("another version of footnote (format \(version)"), "v\(version): \(reasons)")
            #expect(answers(opened.corpus, opened.index, Self.questions) == expected, "v\(version)")
        }
    }
}
