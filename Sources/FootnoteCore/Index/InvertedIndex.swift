/// The searchable form of a corpus: a term dictionary and flat posting arrays.
///
/// Postings of term `t` are the slice `postingStart[t]..<postingStart[t+1]` of
/// `postingPassage` (ascending passage numbers) and `postingFrequency`. The
/// frequency is a BM25F-style pseudo-frequency: occurrences in the body plus
/// `titleWeight` × occurrences in a BEIR title, or `headingWeight` ×
/// occurrences in the section headings of a document passage (Robertson, Zaragoza &
/// Taylor 2004, "Simple BM25 extension to multiple weighted fields");
/// `passageLength` is the matching pseudo-length. Body positions of posting `p`
/// are `positions[positionStart[p]..<positionStart[p+1]]`.
public struct InvertedIndex: Sendable {
    public let analyzerSettings: Analyzer.Settings
    public let titleWeight: Float
    public let headingWeight: Float

    /// Term string → term number.
    public let termIDs: [String: Int32]
    /// Term number → term string.
    public let terms: [String]

    public let postingStart: [Int]
    public let postingPassage: [Int32]
    public let postingFrequency: [Float]
    public let positionStart: [Int]
    public let positions: [Int32]

    /// Per passage: weighted length in tokens (body + weight × title or headings).
    public let passageLength: [Float]
    public let averagePassageLength: Double

    /// Distinct folded non-stop words of the corpus, sorted (for completion).
    public let vocabulary: [String]

    public init(analyzerSettings: Analyzer.Settings, titleWeight: Float, headingWeight: Float, termIDs: [String: Int32], terms: [String],
                postingStart: [Int], postingPassage: [Int32], postingFrequency: [Float],
                positionStart: [Int], positions: [Int32], passageLength: [Float], vocabulary: [String]) {
        self.analyzerSettings = analyzerSettings
        self.titleWeight = titleWeight
        self.headingWeight = headingWeight
        self.termIDs = termIDs
        self.terms = terms
        self.postingStart = postingStart
        self.postingPassage = postingPassage
        self.postingFrequency = postingFrequency
        self.positionStart = positionStart
        self.positions = positions
        self.passageLength = passageLength
        self.vocabulary = vocabulary
        let total = passageLength.reduce(0.0) { $0 + Double($1) }
        averagePassageLength = passageLength.isEmpty ? 0 : total / Double(passageLength.count)
    }

    public var passageCount: Int { passageLength.count }
    public var termCount: Int { terms.count }
    public var postingCount: Int { postingPassage.count }

    /// Number of passages containing term `t`.
    @inline(__always)
    public func documentFrequency(_ t: Int32) -> Int { postingStart[Int(t) + 1] - postingStart[Int(t)] }

    /// The postings of term `t` as a range into the posting arrays.
    @inline(__always)
    public func postings(_ t: Int32) -> Range<Int> { postingStart[Int(t)]..<postingStart[Int(t) + 1] }
}
