import Foundation
import Testing

/// `footnote-tune` (Benchmarks/Tune), where the tuning knobs went: with no
/// option it measures what `footnote eval` measures; its knobs move the
/// figures; the product no longer takes them.
@Suite struct TuneToolTests {
    static let sample = repositoryRoot.appendingPathComponent("Tests/Fixtures/squad-sample").path

    /// The tool beside the `footnote` binary the tests run.
    static let tuneBinary = URL(fileURLWithPath: footnoteBinary).deletingLastPathComponent().appendingPathComponent("footnote-tune").path

    static func metrics(_ r: RunResult) throws -> [String: Double] {
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("METRICS ") }, "\(r.stdout)\(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(line.dropFirst(8).utf8)) as? [String: Double])
    }

    @Test func atItsDefaultsItMeasuresTheProduct() throws {
        let tuned = try runFootnote([Self.sample], executable: Self.tuneBinary)
        #expect(tuned.status == 0, "\(tuned.stderr)")
        let eval = try runFootnote(["eval", Self.sample, "--index-dir", TemporaryFolder().path])
        #expect(eval.status == 0, "\(eval.stderr)")
        let a = try Self.metrics(tuned), b = try Self.metrics(eval)
        #expect(Set(a.keys) == Set(b.keys))
        for (key, value) in a { #expect(abs(value - (b[key] ?? -1)) < 1e-6, "\(key): \(value) vs \(b[key] ?? -1)") }
    }

    @Test func itsKnobsMoveTheFigures() throws {
        let plain = try Self.metrics(runFootnote([Self.sample], executable: Self.tuneBinary))
        let noExcerptCue = try Self.metrics(
            runFootnote(
                [Self.sample, "--excerpt-sentences", "1", "--excerpt-cluster", "20"],
                executable: Self.tuneBinary))
        #expect(plain["nDCG@10"] == noExcerptCue["nDCG@10"])  // excerpts only
        #expect(plain["excerpt_chars"] != noExcerptCue["excerpt_chars"])
        let bad = try runFootnote([Self.sample, "--lead-prior=-1"], executable: Self.tuneBinary)
        #expect(bad.status != 0 && bad.stderr.contains("weights must be finite and ≥ 0"), "\(bad.stderr)")
    }

    @Test func theProductNoLongerTakesTuningKnobs() throws {
        for option in ["--lead-prior", "--title-weight", "--conv-decay", "--excerpt-cluster"] {
            let r = try runFootnote(["ask", "--corpus", seedCorpus, option, "1", "what is open source AI"])
            #expect(r.status == 64, "\(option): \(r.stderr)")
        }
    }
}
