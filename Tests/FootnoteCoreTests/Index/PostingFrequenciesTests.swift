import Testing
@testable import FootnoteStorage
@testable import FootnoteIndex

@Suite struct PostingFrequenciesTests {
    /// More distinct values than codes: the 255 most common are coded, the
    /// rest read back from the exception table, every one bit for bit.
    @Test func everyValueReadsBackExactly() {
        var rng = SplitMix(seed: 9)
        var values: [Float] = []
        for i in 0..<200_000 {
            switch rng.next() % 10 {
            case 0..<6: values.append(1)
            case 6, 7: values.append(Float(1 + rng.next() % 40))
            case 8: values.append(Float(1 + rng.next() % 5000) * 0.25)  // many distinct, some not whole (never 0: frequencies are positive)
            default: values.append([0.5, 1.5, 1e9, 3.0e-7, 2049, Float(i % 700) + 0.75][Int(rng.next() % 6)])
            }
        }
        let coded = PostingFrequencies(values)
        #expect(coded.count == values.count)
        #expect(coded.values.count == 255)
        #expect(!coded.exceptionPosting.isEmpty)
        #expect(coded.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(coded.isConsistent())
        // A frequency that is 0, negative or not finite is damage.
        for bad: Float in [0, -1, .nan, .infinity] {
            #expect(!PostingFrequencies([1, 2, bad, 1]).isConsistent(), "\(bad)")
        }
        // Ranges decoded whole, from any posting to any other, equal the postings one by one.
        var out = [Float](repeating: -1, count: values.count)
        for _ in 0..<200 {
            let a = Int(rng.next() % UInt64(values.count)), b = Int(rng.next() % UInt64(values.count))
            let range = min(a, b)..<(min(a, b) + min(abs(a - b), 700))
            out.withUnsafeMutableBufferPointer { coded.decode(range, into: $0.baseAddress!) }
            #expect(out[0..<range.count].map(\.bitPattern) == values[range].map(\.bitPattern), "\(range)")
        }
        // The table holds the most common values.
        #expect(coded.values.contains(1) && coded.values.contains(40))
    }

    @Test func fewValuesNeedNoExceptions() {
        let values: [Float] = [1, 2, 1, 0.5, 1, 3.25, 1, 2]
        let coded = PostingFrequencies(values)
        #expect(Array(coded.values) == [1, 2, 0.5, 3.25])  // most common first, ties to the smaller
        #expect(coded.exceptionPosting.isEmpty)
        #expect(Array(coded) == values)
        #expect(PostingFrequencies([Float]()).isEmpty)
    }

    /// A code past the table, exceptions that do not match the codes, or
    /// blocks whose lengths, widths or presence bits disagree are caught;
    /// a code past the table reads as 0, never out of bounds.
    @Test func damagedTablesAreNotConsistent() {
        let values = [Float](repeating: 2, count: 130) + [7, 8, 9]
        let coded = PostingFrequencies(values)
        #expect(coded.isConsistent() && coded.blockStart.count == 3)
        func with(bytes: [UInt8]? = nil, values v: [Float]? = nil, exceptions: [Int]? = nil) -> PostingFrequencies {
            PostingFrequencies(
                bytes: bytes.map { FlatArray($0) } ?? coded.bytes, blockStart: coded.blockStart,
                values: v.map { FlatArray($0) } ?? coded.values,
                exceptionPosting: exceptions.map { FlatArray($0) } ?? coded.exceptionPosting,
                exceptionValue: FlatArray([Float](repeating: 1, count: (exceptions ?? Array(coded.exceptionPosting)).count)),
                count: values.count)
        }
        let short = with(values: [2, 7])  // code 2 (the 9) is past the table
        #expect(short.isStructurallyConsistent() && !short.isConsistent())
        #expect(short[130] == 7 && short[131] == 0 && short[132] == 0)
        #expect(!with(exceptions: [131]).isConsistent())  // an exception for a posting coded otherwise
        #expect(!with(values: [2, 7, 7]).isConsistent())  // a value twice
        let second = Int(coded.blockStart[1])
        var wider = Array(coded.bytes)
        wider[second] += 1  // its packed codes no longer fill the block
        #expect(!with(bytes: wider).isStructurallyConsistent())
        var pastEnd = Array(coded.bytes)
        pastEnd[second + 1] |= 0x80  // a posting past the last one
        #expect(!with(bytes: pastEnd).isStructurallyConsistent())
        #expect(!with(bytes: Array(coded.bytes.dropLast())).isStructurallyConsistent())  // padding cut
    }
}

extension PostingFrequencies {
    /// Codes `frequencies` (the tests' shorthand).
    init(_ frequencies: [Float]) {
        self = frequencies.withUnsafeBufferPointer { PostingFrequencies($0) }
    }
}
