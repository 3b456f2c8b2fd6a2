import Testing
@testable import FootnoteCore

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
            case 8: values.append(Float(rng.next() % 5000) * 0.25)      // many distinct, some not whole
            default: values.append([0.5, 1.5, 1e9, 3.0e-7, 2049, Float(i % 700) + 0.75][Int(rng.next() % 6)])
            }
        }
        let coded = PostingFrequencies(values)
        #expect(coded.count == values.count)
        #expect(coded.values.count == 255)
        #expect(!coded.exceptionPosting.isEmpty)
        #expect(coded.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(coded.isConsistent())
        // The table holds the most common values.
        #expect(coded.values.contains(1) && coded.values.contains(40))
    }

    @Test func fewValuesNeedNoExceptions() {
        let values: [Float] = [1, 2, 1, 0.5, 1, 3.25, 1, 2]
        let coded = PostingFrequencies(values)
        #expect(Array(coded.values) == [0.5, 1, 2, 3.25])
        #expect(coded.exceptionPosting.isEmpty)
        #expect(Array(coded) == values)
        #expect(PostingFrequencies([Float]()).isEmpty)
    }

    /// A code past the table, or exceptions that do not match the codes, are caught.
    @Test func damagedTablesAreNotConsistent() {
        let coded = PostingFrequencies([Float](repeating: 2, count: 10) + [7, 8])
        var codes = Array(coded.codes)
        codes[3] = UInt8(coded.values.count)          // past the table
        #expect(!PostingFrequencies(codes: FlatArray(codes), values: coded.values, exceptionPosting: coded.exceptionPosting,
                                    exceptionValue: coded.exceptionValue).isConsistent())
        codes[3] = PostingFrequencies.exception       // an exception with no entry
        #expect(!PostingFrequencies(codes: FlatArray(codes), values: coded.values, exceptionPosting: coded.exceptionPosting,
                                    exceptionValue: coded.exceptionValue).isConsistent())
        #expect(!PostingFrequencies(codes: coded.codes, values: FlatArray([2, 1, 7, 8]), exceptionPosting: coded.exceptionPosting,
                                    exceptionValue: coded.exceptionValue).isConsistent())   // values out of order
    }
}

extension PostingFrequencies {
    /// Codes `frequencies` (the tests' shorthand).
    init(_ frequencies: [Float]) {
        self = frequencies.withUnsafeBufferPointer { PostingFrequencies($0) }
    }
}
