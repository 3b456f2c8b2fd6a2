import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex
@testable import FootnoteAnswer

/// Damage to a stored index is always detected: a bit flipped anywhere, the
/// file cut anywhere. Re-sealed damage (checksums recomputed: a bug, or a
/// file made to pass) is refused by the structural checks or, when the
/// structure still holds, gives no crash.
@Suite struct IndexDurabilityTests {
    func written() throws -> (folder: TemporaryFolder, bytes: [UInt8], path: String) {
        let folder = TemporaryFolder()
        writeMixedCorpus(folder)
        let corpus = try CorpusLoader().load(folder.path)
        let path = folder.path + "/" + IndexFile.fileName
        try IndexFile.write(corpus, IndexBuilder().build(corpus.passages), to: path)
        return (folder, Array(FileManager.default.contents(atPath: path)!), path)
    }

    /// Every byte of the header and section table, and 400 offsets spread over the rest.
    func offsets(_ count: Int) -> [Int] {
        let table = IndexFile.headerSize + 40 * IndexFile.tableEntrySize
        return Array(0..<min(table, count)) + (0..<400).map { table + ($0 * 7919) % max(1, count - table) }
    }

    @Test func aFlippedBitAnywhereIsDetected() throws {
        let (folder, bytes, path) = try written()
        defer { withExtendedLifetime(folder) {} }  // the file lives in it
        var checked = 0
        for offset in offsets(bytes.count) {
            var damaged = bytes
            damaged[offset] ^= UInt8(1 << (offset % 8))
            #expect(FileManager.default.createFile(atPath: path, contents: Data(damaged)))
            #expect(throws: IndexFile.Failure.self, "bit \(offset % 8) of byte \(offset)") { try IndexFile.read(path) }
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test func aFileCutAnywhereIsDetected() throws {
        let (folder, bytes, path) = try written()
        defer { withExtendedLifetime(folder) {} }  // the file lives in it
        for length in Set(offsets(bytes.count) + [0, 1, 8, bytes.count - 1]) where length < bytes.count {
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes[..<length])))
            #expect(throws: IndexFile.Failure.self, "cut to \(length) bytes") { try IndexFile.read(path) }
        }
        // Grown (bytes appended) is damage too.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes + [0, 0, 0, 0, 0, 0, 0, 0])))
        #expect(throws: IndexFile.Failure.self) { try IndexFile.read(path) }
    }

    /// Two 16-byte stretches exchanged (a misplaced write, blocks written out of
    /// order), at 300 pairs of offsets: always detected unless the bytes are equal.
    @Test func swappedStretchesAreDetected() throws {
        let (folder, bytes, path) = try written()
        defer { withExtendedLifetime(folder) {} }  // the file lives in it
        var checked = 0
        for k in 0..<300 {
            let a = (k * 7919) % (bytes.count - 16), b = (k * 104_729 + 977) % (bytes.count - 16)
            guard abs(a - b) >= 16, bytes[a..<(a + 16)] != bytes[b..<(b + 16)] else { continue }
            var damaged = bytes
            damaged.replaceSubrange(a..<(a + 16), with: bytes[b..<(b + 16)])
            damaged.replaceSubrange(b..<(b + 16), with: bytes[a..<(a + 16)])
            #expect(FileManager.default.createFile(atPath: path, contents: Data(damaged)))
            #expect(throws: IndexFile.Failure.self, "bytes \(a) and \(b) swapped") { try IndexFile.read(path) }
            checked += 1
        }
        #expect(checked > 200)
    }

    /// Damage behind recomputed checksums: refused, or loaded and answering
    /// without a crash (the fuzzer's index target does this at scale).
    @Test func resealedDamageIsRefusedOrHarmless() throws {
        let (folder, bytes, path) = try written()
        defer { withExtendedLifetime(folder) {} }  // the file lives in it
        var refused = 0, loaded = 0
        for offset in offsets(bytes.count) where offset >= 24 && !(16..<24).contains(offset) {
            var damaged = bytes
            damaged[offset] ^= 0xFF
            #expect(FileManager.default.createFile(atPath: path, contents: Data(IndexFile.resealed(damaged))))
            guard let contents = try? IndexFile.read(path) else { refused += 1; continue }
            loaded += 1
            let engine = AnswerEngine(corpus: contents.corpus, index: contents.index)
            for question in teaQuestions { _ = engine.searcher.search(question, top: 5) }
        }
        #expect(refused > 0)
        #expect(refused + loaded > 400)
    }

    /// The store rebuilds over a damaged file and answers as before.
    @Test func theStoreRebuildsOverDamageAndAnswersTheSame() throws {
        let folder = TemporaryFolder()
        writeMixedCorpus(folder)
        let indexFolder = TemporaryFolder()
        let store = IndexStore(folder: indexFolder.path)
        let first = try store.open(folder.path)
        let expected = answers(first.corpus, first.index, teaQuestions)
        let path = indexFolder.path + "/" + IndexFile.fileName
        let bytes = Array(FileManager.default.contents(atPath: path)!)
        for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 25)) {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(FileManager.default.createFile(atPath: path, contents: Data(damaged)))
            var reasons: [String] = []
            let again = try store.open(folder.path) { if case .rebuilding(let why) = $0 { reasons.append(why) } }
            #expect(reasons.count == 1 && again.provenance == .built, "byte \(offset): \(reasons)")
            #expect(answers(again.corpus, again.index, teaQuestions) == expected, "byte \(offset)")
        }
    }
}
