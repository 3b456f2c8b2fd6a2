#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ranking metrics with trec_eval's definitions (what ir_measures computes
/// through pytrec_eval), so that figures agree to the last decimal:
///
/// - a ranking is re-sorted by score descending, ties by document id
///   descending (trec_eval's order), whatever order it came in;
/// - relevant means grade > 0; gains are the grades;
/// - nDCG@k = Σ_{i≤k} g_i / log2(i + 1) over the ideal ordering of all judged
///   grades (Järvelin & Kekäläinen 2002);
/// - AP@k = Σ_{i≤k, d_i relevant} P@i / R, R = all relevant documents;
/// - R@k = relevant in top k / R;  P@k = relevant in top k / k;
/// - Success@k = 1 when a relevant document is in the top k.
/// Means are over every judged query; a query missing from the run scores 0.
public enum RetrievalMetrics {
    public enum Measure: String, CaseIterable, Sendable {
        case nDCG10 = "nDCG@10", map100 = "MAP@100", recall100 = "R@100", precision10 = "P@10"
        case success1 = "Success@1", success5 = "Success@5"
    }

    /// trec_eval's order.
    public static func trecOrder(_ entries: [TRECRun.Entry]) -> [TRECRun.Entry] {
        entries.sorted { a, b in
            a.score != b.score ? a.score > b.score : b.document.utf8.lexicographicallyPrecedes(a.document.utf8)
        }
    }

    /// One query's value of `measure`.
    public static func value(_ measure: Measure, ranking entries: [TRECRun.Entry], grades: [String: Int]) -> Double {
        let ranked = trecOrder(entries).map { grades[$0.document] ?? 0 }
        let relevant = grades.values.filter { $0 > 0 }.count
        switch measure {
        case .nDCG10:
            let dcg = ranked.prefix(10).enumerated().reduce(0.0) { $0 + Double(max($1.element, 0)) / log2(Double($1.offset + 2)) }
            let ideal = grades.values.filter { $0 > 0 }.sorted(by: >).prefix(10)
            let idcg = ideal.enumerated().reduce(0.0) { $0 + Double($1.element) / log2(Double($1.offset + 2)) }
            return idcg > 0 ? dcg / idcg : 0
        case .map100:
            guard relevant > 0 else { return 0 }
            var hits = 0, sum = 0.0
            for (i, g) in ranked.prefix(100).enumerated() where g > 0 {
                hits += 1
                sum += Double(hits) / Double(i + 1)
            }
            return sum / Double(relevant)
        case .recall100:
            guard relevant > 0 else { return 0 }
            return Double(ranked.prefix(100).filter { $0 > 0 }.count) / Double(relevant)
        case .precision10:
            return Double(ranked.prefix(10).filter { $0 > 0 }.count) / 10
        case .success1:
            return ranked.prefix(1).contains { $0 > 0 } ? 1 : 0
        case .success5:
            return ranked.prefix(5).contains { $0 > 0 } ? 1 : 0
        }
    }

    /// The mean of `measure` over the judged queries of `qrels`.
    public static func mean(_ measure: Measure, run: TRECRun, qrels: Qrels) -> Double {
        let judged = qrels.judgedQueries
        guard !judged.isEmpty else { return 0 }
        let total = judged.reduce(0.0) { sum, q in
            sum + value(measure, ranking: run.rankings[q] ?? [], grades: qrels.grades[q] ?? [:])
        }
        return total / Double(judged.count)
    }
}
