import FootnoteStorage

/// Postings are stored, and read, in blocks of this many: the passage gaps
/// (`PostingPassages`), the frequency codes (`PostingFrequencies`), the
/// position-run starts (`PositionRuns`) and the per-block score bounds
/// search keeps (`PostingScoreBounds`). Declared once, here; part of the
/// on-disk format (a change needs a new `IndexFile.formatVersion`).
public enum PostingBlock {
    public static let size = 128
}

/// One term's posting list, read a block at a time in passage order: the
/// only way search code reads postings (as tantivy's `Postings` trait is
/// for its scorers). A block's passages come from `nextBlock`, its
/// frequencies from `frequencies`; `skipBlock` passes a block by its skip
/// entry without decoding it. Posting numbers (`postings`) are what
/// `InvertedIndex.positions(_:)` and `frequency(ofPosting:)` take.
///
/// Decoding is the lists' own (`PostingPassages.BlockReader`,
/// `PostingFrequencies.decode`); the cursor adds no copy. A damaged list
/// ends early (`nextBlock` returns 0), never reads out of bounds.
public struct PostingCursor {
    /// Postings per block (`PostingBlock.size`).
    public static let blockSize = PostingBlock.size

    /// The term whose list this is.
    public private(set) var term: Int32
    /// The list's postings by number: `postings.lowerBound + i` is its i-th.
    public private(set) var postings: Range<Int>
    private var reader: PostingPassages.BlockReader
    private let postingStart: Offsets
    private let postingPassages: PostingPassages
    private let postingFrequency: PostingFrequencies
    private let passageCount: Int

    init(index: InvertedIndex, term: Int32) {
        postingStart = index.postingStart
        postingPassages = index.postingPassages
        postingFrequency = index.postingFrequency
        passageCount = index.passageCount
        self.term = term
        postings = postingStart[Int(term)]..<postingStart[Int(term) + 1]
        reader = PostingPassages.BlockReader(postingPassages, term: Int(term), count: postings.count, passageCount: passageCount)
    }

    /// The same cursor at the start of term `t`'s list: what a walk over
    /// every term uses (`InvertedIndex.forEachBlock`; making a cursor copies
    /// the index's column handles, moving one copies nothing: on the kernel
    /// corpus, start-up with the bounds computed 211 → 89 ms).
    @inline(__always)
    mutating func move(to t: Int32) {
        term = t
        postings = postingStart[Int(t)]..<postingStart[Int(t) + 1]
        reader = PostingPassages.BlockReader(postingPassages, term: Int(t), count: postings.count, passageCount: passageCount)
    }

    /// The list's length (its term's document frequency).
    public var count: Int { postings.count }
    /// The number of its blocks.
    public var blockCount: Int { reader.blockCount }
    /// The block `nextBlock` decodes next (0 first).
    public var block: Int { reader.block }

    /// The last passage of block `b` when the skip table holds it (every block but the last).
    @inline(__always)
    public func lastPassage(ofBlock b: Int) -> Int? { reader.lastPassage(ofBlock: b) }

    /// Moves past the current block without decoding it; false at the end
    /// of the list (or of its skip table), where nothing moved.
    @inline(__always)
    public mutating func skipBlock() -> Bool { reader.skipBlock() }

    /// Decodes the current block's passages (ascending) into `out`, which
    /// has room for `blockSize`, and moves to the next block; returns how
    /// many (0 at the end of the list). They are postings
    /// `block · blockSize ..< block · blockSize + n` of the list.
    @inline(__always)
    public mutating func nextBlock(into out: UnsafeMutablePointer<Int32>) -> Int { reader.decode(into: out) }

    /// The (pseudo-)frequencies of the list's postings `range` (counted
    /// from the list's first, 0-based) into `out`.
    @inline(__always)
    public func frequencies(_ range: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        postingFrequency.decode((postings.lowerBound + range.lowerBound)..<(postings.lowerBound + range.upperBound), into: out)
    }
}

extension InvertedIndex {
    /// A cursor at the start of term `t`'s posting list.
    public func cursor(_ t: Int32) -> PostingCursor { PostingCursor(index: self, term: t) }

    /// Every term's list, block by block, terms in order: `body` gets the
    /// term, the block's number in its list (0 first), and the block's
    /// passages and (pseudo-)frequencies, valid during the call only. What a
    /// model's per-passage and per-block statistics are computed from
    /// (`TFIDFCosine`'s norms, `PostingScoreBounds`). One cursor is moved from
    /// term to term (`PostingCursor.move(to:)`); a damaged list ends early.
    public func forEachBlock(
        _ body: (_ term: Int32, _ block: Int, _ passages: UnsafeBufferPointer<Int32>, _ frequencies: UnsafeBufferPointer<Float>) -> Void
    ) {
        guard termCount > 0 else { return }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: PostingCursor.blockSize) { frequencies in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: PostingCursor.blockSize) { passages in
                var cursor = self.cursor(0)
                for t in 0..<Int32(termCount) {
                    cursor.move(to: t)
                    var first = 0
                    while true {
                        let block = cursor.block
                        let n = cursor.nextBlock(into: passages.baseAddress!)
                        if n == 0 { break }
                        cursor.frequencies(first..<(first + n), into: frequencies.baseAddress!)
                        body(t, block, UnsafeBufferPointer(rebasing: passages[0..<n]), UnsafeBufferPointer(rebasing: frequencies[0..<n]))
                        first += n
                    }
                }
            }
        }
    }

    /// The (pseudo-)frequency of posting `p` (a posting number, as
    /// `PostingCursor.postings` and `postings(of:in:)` give them).
    @inline(__always)
    public func frequency(ofPosting p: Int) -> Float { postingFrequency[p] }
}
