import Foundation
import Testing
@testable import FootnoteStorage
@testable import FootnoteIndex

@Suite struct PassageScheduleTests {
    /// A worker done with its share takes the second half of the largest
    /// share left; the owner's claims stop where that half starts.
    @Test func aFinishedWorkerTakesTheSecondHalfOfTheLargestShare() {
        let schedule = PassageSchedule(passageCount: 1000, workers: 2, minimumSteal: 10, maximumSteals: 2)
        #expect(schedule.claim(1) == 500..<516)
        var zero: [Range<Int>] = []
        while let r = schedule.claim(0) { zero.append(r) }
        #expect(zero.first == 0..<16 && zero.last == 496..<500 && zero.count == 32)
        #expect(schedule.steal(0))  // worker 1 has 516..<1000 left: 0 takes 758..<1000
        #expect(schedule.claim(0) == 758..<774)
        var one: [Range<Int>] = []
        while let r = schedule.claim(1) { one.append(r) }
        #expect(one.first == 516..<532 && one.last?.upperBound == 758)
        #expect(schedule.steal(1))  // 0 has 774..<1000 left: 1 takes 887..<1000
        #expect(schedule.claim(1) == 887..<903 && schedule.claim(0) == 774..<790)
    }

    /// Halves under the minimum stay with their owner, and a worker takes at most `maximumSteals`.
    @Test func smallHalvesAndExtraStealsAreRefused() {
        let small = PassageSchedule(passageCount: 400, workers: 2, minimumSteal: 60, maximumSteals: 2)
        while small.claim(0) != nil {}
        for _ in 0..<3 { _ = small.claim(1) }  // 152 left in share 1: halves of 76 ≥ 60
        #expect(small.steal(0))
        #expect(small.claim(0) == 324..<340)
        #expect(!small.steal(0))  // 1 has 76 left: halves of 38 < 60
        let capped = PassageSchedule(passageCount: 100_000, workers: 2, minimumSteal: 32, maximumSteals: 1)
        while capped.claim(0) != nil {}
        #expect(capped.steal(0))
        while capped.claim(0) != nil {}
        #expect(!capped.steal(0))
    }

    /// Four workers, one of them slow: every passage is handed out exactly
    /// once, each share is a run of consecutive passages, and the slow
    /// worker's share is taken from.
    @Test func concurrentWorkersCoverEveryPassageOnce() {
        let n = 20_000
        let schedule = PassageSchedule(passageCount: n, workers: 4, minimumSteal: 100, maximumSteals: 2)
        let shares = concurrentMap(4) { w -> [Range<Int>] in
            var shares: [Range<Int>] = []
            repeat {
                var share: Range<Int>? = nil
                while let r = schedule.claim(w) {
                    if w == 3 { usleep(200) }
                    if let s = share { #expect(s.upperBound == r.lowerBound) }
                    share = (share?.lowerBound ?? r.lowerBound)..<r.upperBound
                }
                if let share { shares.append(share) }
            } while schedule.steal(w)
            return shares
        }
        let all = shares.joined().sorted { $0.lowerBound < $1.lowerBound }
        #expect(all.first?.lowerBound == 0 && all.last?.upperBound == n)
        for (a, b) in zip(all, all.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(shares[3].reduce(0) { $0 + $1.count } < n / 4)
        #expect(schedule.claimed == n)
    }
}
