import Foundation
import Testing
@testable import FootnoteCorpus

/// Zip members read from memory: the ones asked for, and never more than the limit.
@Suite struct ZipMembersTests {
    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/" + name)!)
    }

    @Test func readsTheMembersAskedFor() throws {
        let members = try ZipMembers.read(Self.fixture("office/report.docx"), limit: 0) { $0.hasPrefix("word/") }.get()
        #expect(Set(members.keys) == ["word/document.xml", "word/styles.xml"])
        #expect(String(decoding: members["word/styles.xml"]!, as: UTF8.self).contains("heading 1"))
    }

    /// A zip whose members expand past the limit stops there (4 MiB of XML in 14 KB).
    @Test func stopsAtTheLimitWhileInflating() {
        let bomb = Self.fixture("bomb.docx")
        #expect(bomb.count < 64 << 10)
        #expect(ZipMembers.read(bomb, limit: 1 << 20) { _ in true } == .failure(.tooLarge(limit: 1 << 20)))
        guard case .success(let all) = ZipMembers.read(bomb, limit: 0, wanted: { _ in true }) else { Issue.record("not read"); return }
        #expect(all["word/document.xml"]!.count > 4_000_000)
    }

    @Test func damagedOrForeignBytesFail() {
        guard case .failure(.damaged) = ZipMembers.read(Array("not a zip at all".utf8), limit: 0, wanted: { _ in true }) else {
            Issue.record("text read as a zip"); return
        }
        guard case .failure(.damaged) = ZipMembers.read(Self.fixture("office/broken.odt"), limit: 0, wanted: { _ in true }) else {
            Issue.record("a truncated zip read"); return
        }
    }
}
