import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteIndex

/// Zip archives read member by member (`--archives`): which members, how
/// they are named and cited, and that a stored index reads them back.
@Suite struct ArchiveMembersTests {
    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: FormatGoldenTests.formatsFolder + "/" + name)!)
    }

    @Test func whichMembersAreRead() {
        #expect(ArchiveMembers.isReadable("notes/tea.md") && ArchiveMembers.isReadable("a.txt"))
        #expect(
            !ArchiveMembers.isReadable("__MACOSX/notes/._tea.md") && !ArchiveMembers.isReadable(".hidden/x.txt")
                && !ArchiveMembers.isReadable("notes/.DS_Store"))
        #expect(ArchiveMembers.passedOver("deep/inner.ZIP")?.hasPrefix("an archive inside an archive") == true)
        #expect(ArchiveMembers.passedOver("site/style.css")?.hasPrefix("web asset") == true)
        #expect(ArchiveMembers.passedOver("notes/tea.md") == nil)
    }

    /// A zip holding a Word document stored as it is is still an archive:
    /// what it is comes from its member names, not from bytes that happen to be in it.
    @Test func anArchiveIsToldByItsMemberNames() {
        let bundle = Self.fixture("archives/bundle.zip")
        #expect(ZipMembers.names(bundle)?.contains("report.docx") == true)
        #expect(ZipContainerParser.isArchive(bundle))
        #expect(!ZipContainerParser.isArchive(Self.fixture("containers/report.zip")))
        #expect(!ZipContainerParser.isArchive(Self.fixture("containers/figures.xlsx")))
        #expect(ZipMembers.names(Array("not a zip".utf8)) == nil)
    }

    @Test func membersAreDocumentsReadBackFromTheArchive() throws {
        let f = TemporaryFolder()
        f.write("bundle.zip", Self.fixture("archives/bundle.zip"))
        let loader = CorpusLoader(readsArchives: true)
        let loaded = try loader.load(f.path)
        #expect(
            loaded.documents.map(\.citedPath) == [
                "bundle.zip/guide.txt", "bundle.zip/man/descale.8.gz", "bundle.zip/notes/tea.md",
                "bundle.zip/report.docx",
            ])
        #expect(loaded.documents.allSatisfy { $0.path == "bundle.zip" && $0.encoding == .transcoded })
        #expect(loaded.files.map(\.path) == ["bundle.zip"])
        #expect(loaded.readsArchives)
        let indexFolder = TemporaryFolder()
        _ = try IndexStore(folder: indexFolder.path, loader: loader).open(f.path)
        let stored = try IndexFile.read(indexFolder.path + "/" + IndexFile.fileName)
        #expect(stored.corpus.documents == loaded.documents && stored.corpus.readsArchives)
        for p in loaded.passages.indices { #expect(stored.corpus.passageText(p) == .success(loaded.passages[p].text)) }
        // Without --archives, the archive is one skip.
        let plain = CorpusLoader().load(try CorpusLoader().scan(f.path))
        #expect(plain.documents.isEmpty && plain.notices.map(\.category) == ["zip archives"])
    }
}
