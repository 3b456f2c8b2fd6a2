import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteAnswer

/// The real-documentation question sets (`Tests/Fixtures/realdocs/*.tsv`:
/// 25 questions each over a Debian documentation package, each with the
/// places that answer it: files and a phrase of the answering paragraph, the
/// writer's first, then those judged blind from a pool, marked `pooled`),
/// asked of the installed folder. A hit: a cited passage of an answering
/// file holds the phrase (case and whitespace folded). Skipped when the
/// package is not installed. Floors guard against regressions;
/// `Benchmarks/realdocs.py` reports the figures (BENCHMARKS.md "Real documents").
@Suite struct RealDocumentQuestionsTests {
    struct Location { var files: Set<String>, phrase: String, pooled: Bool }
    struct Fixture {
        var name: String, package: String, corpus: String
        var questions: [(question: String, locations: [Location])]
    }

    static func fixture(_ name: String) throws -> Fixture {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/realdocs/\(name).tsv"), encoding: .utf8)
        var fixture = Fixture(name: name, package: name, corpus: "", questions: [])
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# package: ") {
                fixture.package = String(line.dropFirst(11))
            } else if line.hasPrefix("# corpus: ") {
                fixture.corpus = String(line.dropFirst(10))
            } else if !line.hasPrefix("#") {
                let cells = line.split(separator: "\t").map(String.init)
                let location = Location(
                    files: Set(cells[1].split(separator: "|").map(String.init)), phrase: cells[2],
                    pooled: cells.count > 3 && cells[3] == "pooled")
                if fixture.questions.last?.question == cells[0] {
                    fixture.questions[fixture.questions.count - 1].locations.append(location)
                } else {
                    fixture.questions.append((cells[0], [location]))
                }
            }
        }
        return fixture
    }

    static func folded(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// hit@1 and hit@3 floors over all locations and over the writer's
    /// alone: today's figures (this build) less one question.
    static let floors: [String: (hit1: Double, hit3: Double, writerHit1: Double, writerHit3: Double)] = [
        "sqlite3-doc": (0.60, 0.84, 0.32, 0.48), "postgresql-doc-15": (0.64, 0.68, 0.36, 0.52),
        "git-doc": (0.52, 0.68, 0.24, 0.36), "python3.11-doc": (0.60, 0.80, 0.36, 0.44),
    ]

    static func installed(_ name: String) -> Bool {
        (try? fixture(name)).map { FileManager.default.fileExists(atPath: $0.corpus) } ?? false
    }

    @Test(arguments: ["sqlite3-doc", "postgresql-doc-15", "git-doc", "python3.11-doc"])
    func questionsOnRealDocumentation(name: String) throws {
        let fixture = try Self.fixture(name)
        #expect(fixture.questions.count == 25)
        #expect(fixture.questions.allSatisfy { !$0.locations[0].pooled })
        guard FileManager.default.fileExists(atPath: fixture.corpus) else {
            print("skipped \(name): \(fixture.corpus) is missing (apt-get install \(fixture.package))")
            return
        }
        let engine = AnswerEngine(corpus: try CorpusLoader().load(fixture.corpus))
        var hit1 = 0, hit3 = 0, writerHit1 = 0, writerHit3 = 0
        for (question, locations) in fixture.questions {
            let answer = engine.answer(question, top: 3)
            let texts = answer.items.map { item in (try? engine.corpus.passageText(item.passage).get()).map(Self.folded) ?? "" }
            func rank(_ chosen: [Location]) -> Int? {
                answer.items.indices.first { k in
                    chosen.contains { $0.files.contains(answer.items[k].citation.file) && texts[k].contains(Self.folded($0.phrase)) }
                }
            }
            let any = rank(locations), writer = rank(locations.filter { !$0.pooled })
            if any == 0 { hit1 += 1 }
            if any != nil { hit3 += 1 }
            if writer == 0 { writerHit1 += 1 }
            if writer != nil { writerHit3 += 1 }
        }
        let n = Double(fixture.questions.count), floor = Self.floors[name]!
        print(
            "\(name): hit@1 \(Double(hit1) / n) hit@3 \(Double(hit3) / n) (writer's: \(Double(writerHit1) / n) / \(Double(writerHit3) / n))"
        )
        #expect(Double(hit1) / n >= floor.hit1 && Double(hit3) / n >= floor.hit3, "\(name): hit@1 \(hit1), hit@3 \(hit3) of 25")
        #expect(
            Double(writerHit1) / n >= floor.writerHit1 && Double(writerHit3) / n >= floor.writerHit3,
            "\(name), the writer's locations: hit@1 \(writerHit1), hit@3 \(writerHit3) of 25")
    }
}
