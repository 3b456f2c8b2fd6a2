#if canImport(Glibc)
import Glibc
#endif
import FootnoteAnalysis

/// A one-line progress display on stderr while indexing: shown only when
/// stderr is a terminal and the work has already taken half a second, redrawn
/// at most ten times a second, erased when done.
///
///     reading  1,234/8,866 files  12.3/31.0 MB  24.6 MB/s  ETA 1 s  [#######·········]
final class ProgressBar {
    private let enabled = isatty(2) == 1
    private let start = monotonicSeconds()
    private var lastDraw = 0.0
    private var shown = false
    static let delay = 0.5

    func update(phase: String, files: (Int, Int), bytes: (Int64, Int64)) {
        guard ready() else { return }
        let elapsed = monotonicSeconds() - start
        let rate = Double(bytes.0) / 1e6 / max(elapsed, 1e-9)
        let fraction = bytes.1 > 0 ? Double(bytes.0) / Double(bytes.1) : 0
        let eta = rate > 0 ? Double(bytes.1 - bytes.0) / 1e6 / rate : 0
        draw(
            "\(phase)  \(formatCount(files.0))/\(formatCount(files.1)) files  "
                + "\(mb(bytes.0))/\(mb(bytes.1)) MB  \(mb(Int64(rate * 1e6))) MB/s  ETA \(Int(eta.rounded(.up))) s", fraction)
    }

    func update(phase: String, done: Int, of total: Int) {
        guard ready() else { return }
        let fraction = total > 0 ? Double(done) / Double(total) : 0
        draw("\(phase)  \(formatCount(done))/\(formatCount(total)) passages", fraction)
    }

    /// Erases the line if it was drawn.
    func clear() {
        guard shown else { return }
        writeStderr("\r\u{1B}[2K")
        shown = false
    }

    private func ready() -> Bool {
        guard enabled else { return false }
        let now = monotonicSeconds()
        guard now - start >= Self.delay, now - lastDraw >= 0.1 else { return false }
        lastDraw = now
        return true
    }

    private func draw(_ text: String, _ fraction: Double) {
        let width = 16, filled = min(width, Int(fraction * Double(width)))
        writeStderr(
            "\r\u{1B}[2K" + text + "  [" + String(repeating: "#", count: filled)
                + String(repeating: "·", count: width - filled) + "]")
        shown = true
    }

    private func mb(_ bytes: Int64) -> String {
        let v = Double(bytes) / 1e6
        return v < 10 ? format1(v) : String(Int(v.rounded()))
    }
}
