import Foundation
import Testing
@testable import FootnoteAnalysis
@testable import FootnoteCorpus
@testable import FootnoteIndex

/// Compressed files: read by their inner name's format, limited by their
/// uncompressed size, damaged ones skipped with the reason.
@Suite struct DecompressorTests {
    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/" + name)!)
    }

    @Test(arguments: [
        ("compressed/changelog.gz", "gzip", "thermostat now cuts out"), ("compressed/guide.md.xz", "xz", "# Brewing guide"),
        ("compressed/storage.rst.bz2", "bzip2", "airtight tin"), ("compressed/README.txt.zst", "zstd", "limescale filter"),
    ])
    func eachCompressionIsRead(name: String, kind: String, phrase: String) {
        let bytes = Self.fixture(name)
        #expect(Decompressor.compression(of: bytes) == kind)
        guard case .bytes(let text) = Decompressor.decompress(bytes, limit: 1 << 20) else {
            Issue.record("\(name) not decompressed"); return
        }
        #expect(String(decoding: text, as: UTF8.self).contains(phrase))
    }

    @Test func plainBytesAreNoCompression() {
        #expect(Decompressor.compression(of: Array("plain text".utf8)) == nil)
        #expect(Decompressor.compression(of: [UInt8]()) == nil)
        #expect(Decompressor.compression(of: [0x42, 0x5A, 0x68, 0x41]) == nil)  // "BZhA": not a bzip2 block size
    }

    /// A "zip bomb": 45 KB of xz that would be 300 MiB stops at the limit,
    /// and loading says why the file was skipped.
    @Test func aBombStopsAtTheLimit() throws {
        let bomb = Self.fixture("bomb.txt.xz")
        #expect(Decompressor.decompress(bomb, limit: 1 << 20) == .tooLarge)
        let f = TemporaryFolder()
        f.write("bomb.txt.xz", bomb)
        f.write("note.txt", "A note about kettles.\n")
        let c = try CorpusLoader(maxFileBytes: 4 << 20).load(f.path)
        #expect(c.documents.map(\.path) == ["note.txt"])
        #expect(
            c.notices.map(\.reason) == [
                "larger than --max-file-size once decompressed (xz, over 4 MB); pass --max-file-size with a larger size, or 0, to index it"
            ])
        #expect(c.notices.first?.category == "too large")
    }

    @Test func damagedStreamsAreReported() {
        guard case .damaged(let why) = Decompressor.decompress(Self.fixture("compressed/truncated.txt.gz"), limit: 0) else {
            Issue.record("a truncated stream was read"); return
        }
        #expect(!why.isEmpty)
        // Too short for libarchive to know it as gzip: not read as the bytes themselves.
        #expect(Decompressor.decompress([0x1F, 0x8B, 0x08, 0x00, 0x00], limit: 0) == .damaged("too short to be a whole compressed stream"))
    }

    /// The name under the compression suffix chooses the format; passages of a
    /// compressed file read back from it (decompressed again) as loaded.
    @Test func compressedDocumentsAreReadBack() throws {
        let f = TemporaryFolder()
        for name in ["descale.8.gz", "guide.md.xz", "changelog.gz"] { f.write(name, Self.fixture("compressed/" + name)) }
        let loaded = try CorpusLoader().load(f.path)
        #expect(loaded.documents.map(\.format) == [.unknown, .manPage, .markdown])
        #expect(loaded.documents.allSatisfy { $0.encoding == .transcoded })
        let indexFolder = TemporaryFolder()
        _ = try IndexStore(folder: indexFolder.path).open(f.path)
        let stored = try IndexFile.read(indexFolder.path + "/" + IndexFile.fileName)
        for p in loaded.passages.indices { #expect(stored.corpus.passageText(p) == .success(loaded.passages[p].text)) }
    }
}

@Suite struct TextDecodingTests {
    @Test func windows1252IsReadWhenPlausible() {
        #expect(TextDecoding.windows1252(Array("Caf".utf8) + [0xE9]) == Array("Caf\u{E9}".utf8))
        #expect(
            TextDecoding.windows1252([0x93] + Array("tea".utf8) + [0x94, 0x20, 0x80, 0x32, 0x20, 0x96] + Array(" cheap".utf8))
                == Array("\u{201C}tea\u{201D} \u{20AC}2 \u{2013} cheap".utf8))
        // Valid UTF-8 beside a damaged byte is UTF-8, not 1252.
        #expect(TextDecoding.windows1252(Array("caf\u{E9} ".utf8) + [0xE9]) == nil)
        // Bytes 1252 leaves undefined, control characters, and mostly high bytes are not text.
        #expect(TextDecoding.windows1252([0x61, 0x81, 0x62]) == nil)
        #expect(TextDecoding.windows1252([0x61, 0x01, 0xE9]) == nil)
        #expect(TextDecoding.windows1252([0xE9, 0xE8, 0x61]) == nil)
    }

    @Test func decodingOrder() {
        #expect(TextDecoding.decode([0x61, 0x00, 0x62], strict: false) == .binary)
        #expect(TextDecoding.decode(Array("plain".utf8), strict: true) == .text(Array("plain".utf8), caveat: nil, encoding: .utf8))
        #expect(
            TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61], strict: true) == .text([0x61], caveat: nil, encoding: .utf8AfterByteOrderMark))
        #expect(TextDecoding.decode([0x61, 0x81, 0x62], strict: true) == .notText)
        #expect(
            TextDecoding.decode([0x61, 0x81, 0x62], strict: false)
                == .text(Array("a\u{FFFD}b".utf8), caveat: "invalid UTF-8, decoded with replacement characters", encoding: .transcoded))
    }
}
