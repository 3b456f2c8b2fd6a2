import FootnoteStorage
import FootnoteAnalysis

/// The searchable form of a corpus: a sorted term dictionary and flat posting
/// arrays, either built in memory (`IndexBuilder`) or mapped from an index file
/// (`IndexFile`) and read in place.
///
/// Term numbers are ranks in byte order of the terms, so the same corpus gives
/// the same numbers however it was built (in full or by `IndexMerger`).
/// Postings of term `t` are numbered `postingStart[t]..<postingStart[t+1]`:
/// their passages, ascending, are term `t`'s list in `postingPassages`
/// (compressed: `PostingPassages`), their frequencies that slice of
/// `postingFrequency` (coded and bit-packed in blocks of 128: `PostingFrequencies`). The
/// frequency is a BM25F-style pseudo-frequency: occurrences in the body plus
/// `titleWeight` × occurrences in a BEIR title, or `headingWeight` ×
/// occurrences in the section headings of a document passage (Robertson, Zaragoza &
/// Taylor 2004, "Simple BM25 extension to multiple weighted fields");
/// `passageLength` is the matching pseudo-length. The body positions of
/// posting `p` are `positionRuns.run(p)`: self-delimiting runs of gaps,
/// about 1.4 bytes per posting in all (`PositionRuns`).
public struct InvertedIndex: Sendable {
    public let analyzerSettings: Analyzer.Settings
    public let titleWeight: Float
    public let headingWeight: Float

    /// Term number → term, sorted by bytes.
    public let terms: FrontCodedStrings

    // The posting columns, internal to the index target: search reads them
    // through `cursor(_:)` (`PostingCursor`), `postings(of:in:)`,
    // `frequency(ofPosting:)` and `positions(ofPosting:)`.
    let postingStart: Offsets
    let postingPassages: PostingPassages
    let postingFrequency: PostingFrequencies
    let positionRuns: PositionRuns

    /// Per passage: weighted length in tokens (body + weight × title or headings).
    public let passageLength: FlatArray<Float>
    public let averagePassageLength: Double

    /// Distinct folded non-stop words of the corpus, sorted by bytes (for
    /// completion), and the term each became.
    public let vocabulary: FrontCodedStrings
    public let vocabularyTerm: FlatArray<Int32>
    /// Per document: the vocabulary words it uses, and how often.
    public let documentWords: DocumentWords

    public init(
        analyzerSettings: Analyzer.Settings, titleWeight: Float, headingWeight: Float, terms: FrontCodedStrings,
        postingStart: Offsets, postingPassages: PostingPassages, postingFrequency: PostingFrequencies,
        positionRuns: PositionRuns, passageLength: FlatArray<Float>,
        vocabulary: FrontCodedStrings, vocabularyTerm: FlatArray<Int32>, documentWords: DocumentWords
    ) {
        self.analyzerSettings = analyzerSettings
        self.titleWeight = titleWeight
        self.headingWeight = headingWeight
        self.terms = terms
        self.postingStart = postingStart
        self.postingPassages = postingPassages
        self.postingFrequency = postingFrequency
        self.positionRuns = positionRuns
        self.passageLength = passageLength
        self.vocabulary = vocabulary
        self.vocabularyTerm = vocabularyTerm
        self.documentWords = documentWords
        var total = 0.0
        for length in passageLength.buffer { total += Double(length) }
        averagePassageLength = passageLength.isEmpty ? 0 : total / Double(passageLength.count)
    }

    public var passageCount: Int { passageLength.count }
    public var termCount: Int { terms.count }
    public var postingCount: Int { postingStart.isEmpty ? 0 : postingStart[postingStart.count - 1] }

    /// The number of term `term`, nil when the corpus never uses it.
    /// - Complexity: O(log termCount).
    public func termID(_ term: String) -> Int32? { terms.sortedIndex(of: term).map { Int32($0) } }

    /// Number of passages containing term `t`.
    @inline(__always)
    public func documentFrequency(_ t: Int32) -> Int { postingStart[Int(t) + 1] - postingStart[Int(t)] }

    /// The postings of term `t` as a range into the posting arrays.
    @inline(__always)
    public func postings(_ t: Int32) -> Range<Int> { postingStart[Int(t)]..<postingStart[Int(t) + 1] }

    /// Term `t`'s passages, decoded (ascending).
    public func passages(ofTerm t: Int32) -> [Int32] {
        postingPassages.passages(term: Int(t), count: documentFrequency(t), passageCount: passageCount)
    }

    /// The body positions of posting `p`, decoded.
    public func positions(_ p: Int) -> [Int32] { positionRuns.positions(p) }
}
