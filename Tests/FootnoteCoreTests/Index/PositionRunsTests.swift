import Testing
@testable import FootnoteStorage
@testable import FootnoteCorpus
@testable import FootnoteIndex

@Suite struct PositionRunsTests {
    /// Writes each posting's positions as `IndexBuilder` does: gaps, then the run closed.
    static func encode(_ postings: [[Int32]]) -> [UInt8] {
        let capacity = postings.reduce(0) { $0 + 5 * $1.count + 1 }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var at = 0
        bytes.withUnsafeMutableBufferPointer { out in
            for positions in postings {
                var last: Int32 = -1
                for p in positions {
                    PositionRuns.write(gap: UInt32(p - last), to: out, at: &at)
                    last = p
                }
                PositionRuns.closeRun(hasPositions: !positions.isEmpty, in: out, at: &at)
            }
        }
        return Array(bytes[0..<at])
    }

    /// Posting p: no positions when p % 5 == 0, hundreds for p % 7 == 0
    /// (runs longer than a block's word skip), gaps of one to five bytes.
    static let postings: [[Int32]] = (0..<700).map { p -> [Int32] in
        if p % 5 == 0 { return [] }
        let count = p % 7 == 0 ? 300 : p % 4 + 1
        let step: Int32 = [1, 63, 64, 8_191, 8_192, 1_048_576, 100_000_000][p % 7]
        return (0..<count).map { Int32(p % 3) + step * Int32($0) }.filter { $0 >= 0 }
    }

    @Test func runsReadBackFromTheirBlockStarts() {
        let bytes = Self.encode(Self.postings)
        let runs = PositionRuns(bytes: FlatArray(bytes), postingCount: Self.postings.count)
        #expect(runs.blockStart.count == (Self.postings.count + 127) / 128 + 1)
        #expect(runs.isConsistent(postingCount: Self.postings.count))
        for (p, expected) in Self.postings.enumerated() {
            #expect(runs.positions(p) == expected, "posting \(p)")
        }
        #expect(runs.run(Self.postings.count).isEmpty && runs.run(-1).isEmpty)
    }

    /// Walking ascending postings from the previous run's end finds the same
    /// runs as starting from each block; runs appended one by one equal runs
    /// found by counting.
    @Test func aWalkAndTheBuilderAgreeWithBlockStarts() {
        let bytes = Self.encode(Self.postings)
        let runs = PositionRuns(bytes: FlatArray(bytes), postingCount: Self.postings.count)
        let builder = PositionRuns.Builder()
        var after = (posting: -1, end: 0)
        for p in 0..<Self.postings.count where p % 3 != 1 {
            let run = runs.run(p, after: after)
            #expect(run == runs.run(p), "posting \(p)")
            after = (p, run.upperBound)
        }
        for p in 0..<Self.postings.count {
            bytes.withUnsafeBufferPointer { builder.append(run: UnsafeBufferPointer(rebasing: $0[runs.run(p)])) }
        }
        #expect(builder.build() == runs)
    }

    /// Counting run ends a word at a time agrees with counting byte by byte,
    /// from every start and for every count.
    @Test func wordSkipEqualsByteSkip() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: 300, by: 7) {
                for count in 0..<40 {
                    var at = start, left = count
                    while left > 0 && at < buffer.count {
                        if PositionRuns.endsRun(buffer[at]) { left -= 1 }
                        at += 1
                    }
                    #expect(PositionRuns.skip(count, runsIn: buffer, from: start) == at, "start \(start), count \(count)")
                }
            }
        }
    }

    /// A lost or added run end is detected by the consistency check, and
    /// reading damaged runs never leaves the bytes.
    @Test func damagedRunsAreDetectedAndReadSafely() {
        let bytes = Self.encode(Self.postings)
        let ends = bytes.indices.filter { PositionRuns.endsRun(bytes[$0]) }
        let inner = bytes.indices.filter { bytes[$0] & 0x81 == 0 }
        for offset in [ends[0], ends[1], ends[ends.count / 2], ends[ends.count - 1], inner[0], inner[inner.count / 2]] {
            var broken = bytes
            broken[offset] ^= 0x01
            let runs = PositionRuns(
                bytes: FlatArray(broken),
                blockStart: PositionRuns(bytes: FlatArray(bytes), postingCount: Self.postings.count).blockStart)
            #expect(!runs.isConsistent(postingCount: Self.postings.count), "flip at \(offset)")
            for p in 0..<Self.postings.count { _ = runs.positions(p) }
        }
        let truncated = PositionRuns(bytes: FlatArray(Array(bytes.dropLast(3))), blockStart: Offsets([0, bytes.count]))
        #expect(!truncated.isConsistent(postingCount: Self.postings.count))
        for p in 0..<Self.postings.count { _ = truncated.positions(p) }
    }

    /// A word repeated hundreds of times gives a long run, built and read back.
    @Test func aLongRunSurvivesTheBuilder() {
        let text = Array(repeating: "kettle", count: 400).joined(separator: " ") + ". A teapot."
        let index = IndexBuilder().build([
            Passage(document: 0, section: [], text: text, lines: 1...1, bytes: 0..<1),
            Passage(document: 0, section: [], text: "kettle teapot", lines: 2...2, bytes: 0..<1),
        ])
        let kettle = index.postings(index.termID("kettl")!)
        #expect(index.positions(kettle.lowerBound) == (0..<400).map(Int32.init))
        #expect(index.positions(kettle.lowerBound + 1) == [0])
        #expect(index.positionRuns.isConsistent(postingCount: index.postingCount))
    }
}
