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

    /// Runs made from each posting's length byte and the long lengths (as
    /// `IndexBuilder` makes them) equal runs appended one by one.
    @Test func runsFromLengthBytesEqualRunsAppended() {
        let lengths = (0..<300).map { $0 % 11 == 0 ? 255 + $0 : $0 % 9 }
        let builder = PositionRuns.Builder()
        for l in lengths { builder.append(length: l) }
        let bytes = FlatArray([UInt8](repeating: 1, count: lengths.reduce(0, +)))
        let appended = builder.build(bytes: bytes)
        let fromBytes = PositionRuns(bytes: bytes, length: FlatArray(lengths.map { UInt8(min($0, 255)) }),
                                     long: lengths.enumerated().filter { $0.element >= 255 }.map { (posting: $0.offset, length: $0.element) })
        #expect(fromBytes == appended)
        #expect(fromBytes.isConsistent())
    }

    /// A word repeated hundreds of times gives a long run, built and read back.
    @Test func aLongRunSurvivesTheBuilder() {
        let text = Array(repeating: "kettle", count: 400).joined(separator: " ") + ". A teapot."
        let index = IndexBuilder().build([Passage(document: 0, section: [], text: text, lines: 1...1, bytes: 0..<1),
                                          Passage(document: 0, section: [], text: "kettle teapot", lines: 2...2, bytes: 0..<1)])
        let kettle = index.postings(index.termID("kettl")!)
        #expect(index.positionRuns.longPosting.count == 1)
        #expect(index.positions(kettle.lowerBound) == (0..<400).map(Int32.init))
        #expect(index.positions(kettle.lowerBound + 1) == [0])
        #expect(index.positionRuns.isConsistent())
    }
}
