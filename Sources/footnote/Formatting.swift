/// How numbers are written for people (durations, sizes, metrics) and in the
/// JSON lines the batch commands print.

func formatDuration(_ seconds: Double) -> String {
    if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
    return "\((seconds * 100).rounded() / 100) s"
}

func formatBytes(_ n: Int) -> String {
    if n < 1024 { return "\(n) B" }
    if n < 1024 * 1024 { return "\(format1(Double(n) / 1024)) KB" }
    if n < 1024 * 1024 * 1024 { return "\(format1(Double(n) / 1048576)) MB" }
    return "\(format1(Double(n) / 1073741824)) GB"
}

func format1(_ x: Double) -> String { "\((x * 10).rounded() / 10)" }

/// A metric with four decimals, as `eval` prints them.
func format4(_ x: Double) -> String {
    let scaled = Int((x * 10000).rounded())
    let frac = String(abs(scaled) % 10000)
    return (scaled < 0 ? "-" : "") + "\(abs(scaled) / 10000)." + String(repeating: "0", count: 4 - frac.count) + frac
}

/// A number for JSON output, six decimals; `null` when not finite.
func json6(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    return "\((x * 1e6).rounded() / 1e6)"
}
