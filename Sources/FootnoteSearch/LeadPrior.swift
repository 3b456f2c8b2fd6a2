import Foundation
import FootnoteCorpus

/// Weighs passages by where they stand: near the start of their file (a
/// page's opening says what it is about), and in a file that is not a
/// changelog (`isHistoryFile`). The first part: a page's opening says what
/// the page is about (a manual page's NAME and DESCRIPTION, a module's
/// summary, an article's lead), so a question about the page's subject is
/// best answered there rather than in a configuration key or an example that
/// repeats the subject's name. The ranking score of the i-th passage of a file
/// (i = 0, 1, …) is multiplied by
///
///     prior_i = 1 + β · (1 − 1/D) · e^(−i/τ)
///
/// where D is the number of files in the corpus: in a corpus of one document
/// every question is about some part of its subject, and there the prior is
/// 1. Passages with a BEIR id (each its own document) get 1 too. A history
/// file's passages are then multiplied by `historyFactor` (in a corpus that
/// has other files).
///
/// Measured (BENCHMARKS.md "Real documents", β = 0.2, τ = 3, against no
/// prior): on the real documentation question sets, hit@1 sqlite3-doc 0.16 →
/// 0.28, postgresql-doc-15 0.20 → 0.28, git-doc 0.04 → 0.12 (with the lead
/// passage of `PassageBuilder`), python3.11-doc 0.12 → 0.08; doc2dial-dev
/// `docs/`, turns alone, S@1 / S@5 0.317 / 0.488 → 0.328 / 0.503; SQuAD-dev
/// `docs/` S@1 0.792 → 0.788; the essay's 40 questions unchanged. τ 1–6 and
/// β 0.1–0.4 were within ±0.02 of these; a prior restricted to text under the
/// title alone lost the doc2dial gain.
public struct LeadPrior: Sendable {
    /// β: how much more the first passage of a file weighs than one far from its start.
    public static let defaultStrength: Float = 0.2
    /// τ: passages over which the prior falls to 1/e of its value.
    public static let defaultDecay: Float = 3

    /// How much a passage of a history file (`isHistoryFile`) weighs against
    /// one of any other file, its place in the file aside.
    ///
    /// Measured (BENCHMARKS.md "Formats"): with compressed files read, git-doc's
    /// shortlog `changelog.gz` took third place from the answer to "When
    /// does the pre-commit hook run?"; git-doc hit@3 0.68 → 0.72 (writer's
    /// 0.32 → 0.36, as before compressed files were read) at 0.5 and at
    /// 0.25; the other three sets unchanged. A question whose words only a
    /// changelog holds ("when was CVE-2025-6965 fixed") still gets it first.
    /// When a manual passage holding some of the words comes first instead,
    /// the confidence still judges the changelog's passage, the best by
    /// score (`Searcher.search`): "when does the thermostat cut out" is
    /// answered, the manual's passage first and the changelog's next.
    public static let historyFactor: Float = 0.5

    /// Whether a file records its project's history rather than how to use
    /// it: Debian's `changelog.Debian.gz`, `changelog.gz`, `NEWS.Debian.gz`,
    /// upstream `ChangeLog`, `CHANGES.md`, `HISTORY.rst`, `NEWS`, rotated
    /// `changelog.1.gz`, and the files of a `RelNotes/` or `release-notes/` folder.
    public static func isHistoryFile(_ path: String) -> Bool {
        let parts = path.lowercased().split(separator: "/")
        if parts.dropLast().contains(where: { ["relnotes", "release-notes", "releasenotes", "changelogs"].contains($0) }) { return true }
        var name = Decompressor.innerName(of: path)
        if let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].isEmpty,
            name[name.index(after: dot)...].allSatisfy(\.isNumber)
        {
            name = String(name[..<dot])  // a rotated copy: changelog.1
        }
        for ext in [".debian", ".md", ".txt", ".rst", ".old", ".html"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
        return ["changelog", "changes", "news", "history", "releasenotes", "release-notes"].contains(name)
    }

    /// Per passage: the factor its ranking score is multiplied by.
    public let factor: [Float]
    /// The largest factor (1 when the prior favours no passage).
    public let maximum: Float
    /// Whether some passage weighs less than 1 (a history file's).
    public let lowersSome: Bool

    /// - Parameters:
    ///   - passages: the corpus's passages, each file's in order.
    ///   - documentCount: the files of the corpus (D).
    ///   - historyFiles: per file, whether it is a history file (`isHistoryFile`); none when empty.
    public init(
        passages: PassageList, documentCount: Int, strength: Float = LeadPrior.defaultStrength,
        decay: Float = LeadPrior.defaultDecay, historyFiles: [Bool] = []
    ) {
        let scale = max(0, strength) * (1 - 1 / Float(max(documentCount, 1)))
        var seen = [Int32](repeating: 0, count: max(documentCount, 0))
        var factor = [Float](repeating: 1, count: passages.count)
        var maximum: Float = 1
        let history = historyFiles.count == documentCount && documentCount > 1 && historyFiles.contains(false) ? historyFiles : []
        if (scale > 0 && decay > 0) || !history.isEmpty {
            for p in 0..<passages.count where !passages.hasID(p) {
                let d = Int(passages.documents[p])
                guard d >= 0 && d < seen.count else { continue }
                if scale > 0 && decay > 0 { factor[p] = 1 + scale * expf(-Float(seen[d]) / decay) }
                if !history.isEmpty && history[d] { factor[p] *= Self.historyFactor }
                seen[d] += 1
                maximum = max(maximum, factor[p])
            }
        }
        self.factor = factor
        self.maximum = maximum
        lowersSome = factor.contains { $0 < 1 }
    }

    /// Passage `p`'s factor (1 for a passage past the ones it was made for).
    @inline(__always)
    public func callAsFunction(_ p: Int32) -> Float {
        Int(p) < factor.count ? factor[Int(p)] : 1
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
