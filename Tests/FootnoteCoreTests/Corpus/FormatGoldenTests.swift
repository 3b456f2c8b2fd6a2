import Foundation
import Testing
@testable import FootnoteCorpus

/// Golden passage lists: every fixture folder under `Tests/Fixtures/formats`
/// is loaded as a corpus, and each document's passages (lines, bytes, section,
/// anchor, text), skips and warnings must be exactly as recorded in the
/// folder's `.golden` file beside it. A parser change that moves a passage
/// shows up here as a diff. `archives/` is read with `--archives`.
///
/// `FOOTNOTE_UPDATE_GOLDEN=1 swift test --filter FormatGoldenTests` rewrites
/// the files; read the diff before committing it.
@Suite struct FormatGoldenTests {
    static let formatsFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/formats").path

    /// The passages, documents and notices of `corpus`, one line each, in a form a diff reads.
    static func dump(_ corpus: Corpus) -> String {
        var out = ""
        var byDocument: [[Passage]] = Array(repeating: [], count: corpus.documents.count)
        for p in corpus.passages { byDocument[p.document].append(p) }
        for (d, document) in corpus.documents.enumerated() {
            out +=
                "== \(document.citedPath) (\(document.format.rawValue), \(document.encoding), \(document.passageCount) passages, \(document.textBytes) text bytes)\n"
            for p in byDocument[d] {
                var fields = ["\(p.lines.lowerBound)-\(p.lines.upperBound)", "@\(p.bytes.lowerBound)..<\(p.bytes.upperBound)"]
                if p.isVerbatim { fields.append("verbatim") }
                if let id = p.id { fields.append("#" + id) }
                if let anchor = p.anchor { fields.append("anchor=" + anchor) }
                if p.isTerm { fields.append("term") }
                out += fields.joined(separator: " ") + " | " + p.sectionLabel + "\n"
                out += "    " + escaped(p.text) + "\n"
            }
        }
        for n in corpus.notices { out += "-- \(n)\n" }
        return out
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(
            of: "\t", with: "\\t")
    }

    static var fixtureFolders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: formatsFolder)) ?? [])
            .filter {
                var isFolder: ObjCBool = false;
                return FileManager.default.fileExists(atPath: formatsFolder + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue
            }
            .sorted()
    }

    @Test(arguments: fixtureFolders)
    func passagesAreAsRecorded(folder: String) throws {
        // The archives folder is read as `--archives` reads it.
        let corpus = try CorpusLoader(threads: 1, readsArchives: folder == "archives").load(Self.formatsFolder + "/" + folder)
        let dump = Self.dump(corpus)
        let goldenPath = Self.formatsFolder + "/" + folder + ".golden"
        if ProcessInfo.processInfo.environment["FOOTNOTE_UPDATE_GOLDEN"] == "1" {
            try dump.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        let got = dump.split(separator: "\n", omittingEmptySubsequences: false),
            want = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        #expect(
            dump == golden,
            "\(folder): first difference at line \(firstDifference + 1): got \(firstDifference < got.count ? String(got[firstDifference]) : "(end)"), want \(firstDifference < want.count ? String(want[firstDifference]) : "(end)")"
        )
    }
}
