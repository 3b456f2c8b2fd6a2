/// The searchable form of a corpus: a sorted term dictionary and flat posting
/// arrays, either built in memory (`IndexBuilder`) or mapped from an index file
/// (`IndexFile`) and read in place.
///
/// Term numbers are ranks in byte order of the terms, so the same corpus gives
/// the same numbers however it was built (in full or by `IndexMerger`).
/// Postings of term `t` are the slice `postingStart[t]..<postingStart[t+1]` of
/// `postingPassage` (ascending passage numbers) and `postingFrequency`. The
/// frequency is a BM25F-style pseudo-frequency: occurrences in the body plus
/// `titleWeight` × occurrences in a BEIR title, or `headingWeight` ×
/// occurrences in the section headings of a document passage (Robertson, Zaragoza &
/// Taylor 2004, "Simple BM25 extension to multiple weighted fields");
/// `passageLength` is the matching pseudo-length. The body positions of
/// posting `p` of term `t` are the `VarInt` gaps (the first from 0) in
/// `positionBytes[positionRun(p, term: t)]`: each term's runs start at
/// `positionTermStart[t]`, each posting's at `postingPositionOffset[p]`
/// past its term's start (4 bytes per posting instead of 8, and about 1.3
/// bytes per position instead of 4).
public struct InvertedIndex: Sendable {
    public let analyzerSettings: Analyzer.Settings
    public let titleWeight: Float
    public let headingWeight: Float

    /// Term number → term, sorted by bytes.
    public let terms: StringTable

    public let postingStart: FlatArray<Int>
    public let postingPassage: FlatArray<Int32>
    public let postingFrequency: FlatArray<Float>
    public let positionTermStart: FlatArray<Int>
    public let postingPositionOffset: FlatArray<UInt32>
    public let positionBytes: FlatArray<UInt8>

    /// Per passage: weighted length in tokens (body + weight × title or headings).
    public let passageLength: FlatArray<Float>
    public let averagePassageLength: Double

    /// Distinct folded non-stop words of the corpus, sorted by bytes (for
    /// completion), the term each became, and its occurrences in the corpus.
    public let vocabulary: StringTable
    public let vocabularyTerm: FlatArray<Int32>
    public let vocabularyCount: FlatArray<Int32>

    public init(analyzerSettings: Analyzer.Settings, titleWeight: Float, headingWeight: Float, terms: StringTable,
                postingStart: FlatArray<Int>, postingPassage: FlatArray<Int32>, postingFrequency: FlatArray<Float>,
                positionTermStart: FlatArray<Int>, postingPositionOffset: FlatArray<UInt32>, positionBytes: FlatArray<UInt8>,
                passageLength: FlatArray<Float>,
                vocabulary: StringTable, vocabularyTerm: FlatArray<Int32>, vocabularyCount: FlatArray<Int32>) {
        self.analyzerSettings = analyzerSettings
        self.titleWeight = titleWeight
        self.headingWeight = headingWeight
        self.terms = terms
        self.postingStart = postingStart
        self.postingPassage = postingPassage
        self.postingFrequency = postingFrequency
        self.positionTermStart = positionTermStart
        self.postingPositionOffset = postingPositionOffset
        self.positionBytes = positionBytes
        self.passageLength = passageLength
        self.vocabulary = vocabulary
        self.vocabularyTerm = vocabularyTerm
        self.vocabularyCount = vocabularyCount
        var total = 0.0
        for length in passageLength.buffer { total += Double(length) }
        averagePassageLength = passageLength.isEmpty ? 0 : total / Double(passageLength.count)
    }

    public var passageCount: Int { passageLength.count }
    public var termCount: Int { terms.count }
    public var postingCount: Int { postingPassage.count }

    /// The number of term `term`, nil when the corpus never uses it.
    /// - Complexity: O(log termCount).
    public func termID(_ term: String) -> Int32? { terms.sortedIndex(of: term).map { Int32($0) } }

    /// Number of passages containing term `t`.
    @inline(__always)
    public func documentFrequency(_ t: Int32) -> Int { postingStart[Int(t) + 1] - postingStart[Int(t)] }

    /// The postings of term `t` as a range into the posting arrays.
    @inline(__always)
    public func postings(_ t: Int32) -> Range<Int> { postingStart[Int(t)]..<postingStart[Int(t) + 1] }

    /// The bytes of `positionBytes` holding the positions of posting `p` of term `t`.
    @inline(__always)
    public func positionRun(_ p: Int, term t: Int32) -> Range<Int> {
        let base = positionTermStart[Int(t)]
        let end = p + 1 < postingStart[Int(t) + 1] ? base + Int(postingPositionOffset[p + 1]) : positionTermStart[Int(t) + 1]
        return (base + Int(postingPositionOffset[p]))..<end
    }

    /// The body positions of posting `p` of term `t`, decoded.
    public func positions(_ p: Int, term t: Int32) -> [Int32] {
        var out: [Int32] = []
        let run = positionRun(p, term: t)
        var at = run.lowerBound, position: Int32 = 0
        while at < run.upperBound, let gap = VarInt.read(positionBytes.buffer, at: &at, end: run.upperBound) {
            position &+= Int32(truncatingIfNeeded: gap)
            out.append(position)
        }
        return out
    }
}
