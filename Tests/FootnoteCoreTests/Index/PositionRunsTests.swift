import Testing
@testable import FootnoteCore

@Suite struct PositionRunsTests {
    /// Long runs (255 bytes and more), checkpoints and empty runs, against the positions put in.
    @Test func runsAreFoundWithAndWithoutTheLongTable() {
        // Posting p has p % 7 == 0 ? 300 positions : p % 5 positions (some runs empty).
        let counts = (0..<200).map { $0 % 7 == 0 ? 300 : $0 % 5 }
        var bytes: [UInt8] = []
        let builder = PositionRuns.Builder()
        for c in counts {
            var run = [UInt8](repeating: 0, count: c * 2)
            var at = 0
            run.withUnsafeMutableBufferPointer { out in for k in 0..<c { VarInt.write(UInt32(k == 0 ? 3 : 130), to: out, at: &at) } }
            bytes += run[0..<at]
            builder.append(length: at)
        }
        let runs = builder.build(bytes: FlatArray(bytes))
        #expect(runs.isConsistent())
        #expect(runs.longPosting.count == counts.filter { $0 == 300 }.count)
        for (p, c) in counts.enumerated() {
            let expected = (0..<c).map { Int32(3 + 130 * $0) }
            #expect(runs.positions(p) == expected, "posting \(p)")
        }
        var broken = Array(runs.length)
        broken[33] &+= 1
        let damaged = PositionRuns(bytes: runs.bytes, length: FlatArray(broken), longPosting: runs.longPosting,
                                   longLength: runs.longLength, checkpoint: runs.checkpoint)
        #expect(!damaged.isConsistent())
    }
}
