import Foundation
import Testing
@testable import FootnoteCore

/// The real-documentation question sets (`Tests/Fixtures/realdocs/*.tsv`:
/// 25 questions each over a Debian documentation package, with the files that
/// answer and a phrase of the answering paragraph), asked of the installed
/// folder. A hit: a cited passage of an answering file holds the phrase
/// (case and whitespace folded). Skipped when the package is not installed.
/// Floors guard against regressions; `Benchmarks/realdocs.py` reports the
/// figures (BENCHMARKS.md "Real documents").
@Suite struct RealDocumentQuestionsTests {
    struct Fixture {
        var name: String, package: String, corpus: String
        var rows: [(question: String, files: Set<String>, phrase: String)]
    }

    static func fixture(_ name: String) throws -> Fixture {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/realdocs/\(name).tsv"), encoding: .utf8)
        var fixture = Fixture(name: name, package: name, corpus: "", rows: [])
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# package: ") { fixture.package = String(line.dropFirst(11)) }
            else if line.hasPrefix("# corpus: ") { fixture.corpus = String(line.dropFirst(10)) }
            else if !line.hasPrefix("#") {
                let cells = line.split(separator: "\t").map(String.init)
                fixture.rows.append((cells[0], Set(cells[1].split(separator: "|").map(String.init)), cells[2]))
            }
        }
        return fixture
    }

    static func folded(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// hit@1 and hit@3 floors: today's figures (this build) less one question.
    static let floors: [String: (hit1: Double, hit3: Double)] = [
        "sqlite3-doc": (0.24, 0.32), "postgresql-doc-15": (0.24, 0.40), "git-doc": (0.08, 0.28), "python3.11-doc": (0.24, 0.36),
    ]

    static func installed(_ name: String) -> Bool {
        (try? fixture(name)).map { FileManager.default.fileExists(atPath: $0.corpus) } ?? false
    }

    @Test(arguments: ["sqlite3-doc", "postgresql-doc-15", "git-doc", "python3.11-doc"])
    func questionsOnRealDocumentation(name: String) throws {
        let fixture = try Self.fixture(name)
        #expect(fixture.rows.count == 25)
        guard FileManager.default.fileExists(atPath: fixture.corpus) else {
            print("skipped \(name): \(fixture.corpus) is missing (apt-get install \(fixture.package))")
            return
        }
        let engine = AnswerEngine(corpus: try CorpusLoader().load(fixture.corpus))
        var hit1 = 0, hit3 = 0
        for row in fixture.rows {
            let answer = engine.answer(row.question, top: 3)
            let phrase = Self.folded(row.phrase)
            let rank = answer.items.firstIndex { item in
                row.files.contains(item.citation.file)
                    && ((try? engine.corpus.passageText(item.passage).get()).map { Self.folded($0).contains(phrase) } ?? false)
            }
            if rank == 0 { hit1 += 1 }
            if rank != nil { hit3 += 1 }
        }
        let n = Double(fixture.rows.count), floor = Self.floors[name]!
        print("\(name): hit@1 \(Double(hit1) / n) hit@3 \(Double(hit3) / n)")
        #expect(Double(hit1) / n >= floor.hit1 && Double(hit3) / n >= floor.hit3, "\(name): hit@1 \(hit1), hit@3 \(hit3) of 25")
    }
}
