import Foundation

/// Hands out runs of consecutive passages to the analysis workers, so that
/// a worker whose core is slow (the machine is shared) does less of the
/// work instead of holding the others up.
///
/// Worker w starts on the w-th of equal shares of `0..<passageCount` and
/// claims its passages a batch at a time. A worker whose share is done
/// takes the second half of the largest share still left (the owner's
/// share ends where the taken half starts) and goes on there: every share,
/// and so every chunk a worker analyzes, stays a run of consecutive
/// passages. Halves smaller than `minimumSteal` passages are left where
/// they are, and a worker takes at most `maximumSteals` of them (each is a
/// chunk of its own for the layout, which keeps per-term tables per chunk).
/// Thread-safe (one lock, taken once a batch).
final class PassageSchedule: @unchecked Sendable {
    /// Passages claimed at once.
    static let batch = 16

    private let lock = NSLock()
    /// Per worker: the next passage of its current share, and where the share ends.
    private var next: [Int]
    private var end: [Int]
    private var steals: [Int]
    private let minimumSteal: Int
    private let maximumSteals: Int
    /// Passages handed out so far (`claimed`).
    private var claimedCount = 0

    /// Passages handed out so far; read under the lock, since the workers
    /// claim while progress is reported (ThreadSanitizer saw the unlocked read race).
    var claimed: Int {
        lock.lock()
        defer { lock.unlock() }
        return claimedCount
    }

    init(passageCount n: Int, workers: Int, minimumSteal: Int, maximumSteals: Int) {
        let bounds = (0...workers).map { $0 * n / workers }
        next = Array(bounds.dropLast())
        end = Array(bounds.dropFirst())
        steals = [Int](repeating: 0, count: workers)
        self.minimumSteal = max(minimumSteal, 2 * Self.batch)
        self.maximumSteals = maximumSteals
    }

    /// The next batch of worker `w`'s current share; nil when the share is done.
    func claim(_ w: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next[w] < end[w] else { return nil }
        let start = next[w]
        next[w] = min(start + Self.batch, end[w])
        claimedCount += next[w] - start
        return start..<next[w]
    }

    /// Gives worker `w`, whose share is done, the second half of the largest
    /// share left; false when none is worth taking.
    func steal(_ w: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard steals[w] < maximumSteals else { return false }
        var victim = -1, most = 0
        for v in next.indices where v != w && end[v] - next[v] > most {
            victim = v
            most = end[v] - next[v]
        }
        guard victim >= 0, most >= 2 * minimumSteal else { return false }
        let middle = next[victim] + most / 2
        next[w] = middle
        end[w] = end[victim]
        end[victim] = middle
        steals[w] += 1
        return true
    }
}
