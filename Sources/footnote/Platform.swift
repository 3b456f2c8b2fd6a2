import FootnoteStorage
#if canImport(Glibc)
import Glibc
#endif

/// Clock and process figures from the C library.

/// Seconds on the monotonic clock (for durations only).
func monotonicSeconds() -> Double { SystemClock.monotonicSeconds() }

/// Peak resident set size of this process in MB (`ru_maxrss`, KiB on Linux).
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
