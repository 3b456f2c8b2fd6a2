import Foundation
import FootnoteStorage
import FootnoteAnalysis
import FootnoteCorpus

/// Builds an `InvertedIndex` from passages.
///
/// Analysis runs on `threads` workers at once, each with its own `Analyzer`
/// and `TermTable`, in chunks of consecutive passages that a
/// `PassageSchedule` hands out (a worker on a slow core analyzes fewer), and
/// records every occurrence as (term, position) — position −1 for a heading
/// or title occurrence — in passage order. The tables' terms are then numbered together in byte order
/// (while the completion words are sorted beside them), and a parallel
/// counting sort lays out the postings: pass 1 counts each chunk's postings
/// and positions per term, which fixes where every chunk's share of every
/// term goes; pass 2 places them, a chunk per core. Each term's postings come
/// out in passage order and each posting's pseudo-frequency is summed in the
/// order its occurrences were read, so the index is the same whatever the
/// number of chunks.
/// - Complexity: O(tokens + postings + terms · log terms); memory 8 bytes per
///   occurrence while building.
public struct IndexBuilder: Sendable {
    public var analyzerSettings: Analyzer.Settings
    /// Weight of an occurrence in a BEIR title (`.jsonl` passages, whose title
    /// describes that passage alone) relative to a body occurrence.
    public var titleWeight: Float
    /// Weight of an occurrence in the section headings of a document passage:
    /// as much as a BEIR title's. A heading that restates the question is
    /// often the best evidence there is (doc2dial's pages are headed by their
    /// users' questions), and since `PassageBuilder` makes a short section one
    /// passage and no passage is a heading alone, a heading no longer lifts a
    /// stub over its sibling. Measured (BENCHMARKS.md "Real documents"): on
    /// doc2dial-dev `docs/`, turns asked alone, S@1 0.252 at 0.3 → 0.314 at
    /// 3 (0.323 at 5); on SQuAD-dev `docs/` 0.785 → 0.793.
    public var headingWeight: Float
    /// How many workers analyze at once (the machine's cores by default).
    public var threads: Int

    public init(
        analyzerSettings: Analyzer.Settings = .standard, titleWeight: Float = 3.0, headingWeight: Float = 3.0,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.analyzerSettings = analyzerSettings
        self.titleWeight = titleWeight
        self.headingWeight = headingWeight
        self.threads = max(1, threads)
    }

    public func build(_ passages: [Passage]) -> InvertedIndex { build(PassageList(passages)) }

    /// The occurrences of a run of passages, numbered by the terms and word
    /// slots of one worker's table.
    struct Chunk {
        var passages: Range<Int>
        /// The worker whose table numbers this chunk's terms and words.
        var owner: Int
        /// Per occurrence: the chunk's term number, and the body position (−1: heading).
        /// (Grown by `realloc` while analyzing: a growing `Array` would hold
        /// its old and new buffers at once, the build's peak memory.)
        var term = FlatArray<Int32>()
        var position = FlatArray<Int32>()
        /// Per passage of the chunk: where its occurrences start (`count + 1` entries).
        var start: [Int] = [0]
        var lengths: [Float] = []
        /// Per passage of the chunk: the weight of its heading occurrences.
        var sectionWeight: [Float] = []
        /// Runs of the chunk's passages in one document: the document, and
        /// where its (word slot, count) pairs end in `wordSlot`/`wordCount`.
        var segmentDocument: [Int32] = []
        var segmentEnd: [Int] = []
        var wordSlot: [Int32] = []
        var wordCount: [Int32] = []

        /// Closes the run of passages of `document`: its words, from `table`.
        mutating func endSegment(document: Int32, table: inout TermTable) {
            segmentDocument.append(document)
            table.endDocument { slot, count in
                wordSlot.append(slot)
                wordCount.append(count)
            }
            segmentEnd.append(wordSlot.count)
        }
    }

    /// Bytes of text analyzed between two releases of its memory (`releasingText`).
    static let releaseEvery = 4 << 20

    /// Analyzes worker `w`'s current share of `passages` (which must keep
    /// their text), batch by batch as `schedule` hands them out, into a chunk
    /// numbered by `table`; nil when the share is already done.
    /// `releasingText`: see `analyze(_:releasingText:progress:)`.
    func analyzeShare(
        _ passages: PassageList, worker w: Int, schedule: PassageSchedule, table: inout TermTable,
        analyzer: Analyzer, releasingText: Bool, progress: ((Int) -> Void)?
    ) -> Chunk? {
        guard var batch = schedule.claim(w) else { return nil }
        let first = batch.lowerBound
        var chunk = Chunk(passages: first..<first, owner: w)
        guard let textColumn = passages.texts else { preconditionFailure("passages without their text cannot be analyzed") }
        var sections = passages.sections.reader(), texts = textColumn.reader()
        let terms = FlatArrayBuilder<Int32>(), positions = FlatArrayBuilder<Int32>()
        // The plain text blob whose pages this chunk gives back as it goes.
        var release: (base: UnsafeRawPointer, offsets: Offsets, done: Int)? = nil
        if releasingText, case .plain(let blob) = textColumn, let base = blob.bytes.base {
            release = (UnsafeRawPointer(base), blob.offsets, blob.offsets[first])
        }
        var document: Int32 = -1
        while true {
            for p in batch {
                if p & 4095 == 0 { progress?(schedule.claimed) }
                if let r = release, r.offsets[p] - r.done >= Self.releaseEvery {
                    MemoryPages.release(r.base, r.done..<r.offsets[p])  // whole pages only: the next passage's first page stays
                    release!.done = r.offsets[p]
                }
                if passages.documents[p] != document {
                    if document >= 0 { chunk.endSegment(document: document, table: &table) }
                    document = passages.documents[p]
                }
                var length: Float = 0
                let sectionWeight = passages.hasID(p) ? titleWeight : headingWeight
                Self.analyze(
                    passage: p, sections: &sections, texts: &texts, with: analyzer, into: &table,
                    heading: { t in
                        terms.append(t)
                        positions.append(-1)
                        length += sectionWeight
                    },
                    body: { t, position in
                        terms.append(t)
                        positions.append(Int32(truncatingIfNeeded: position))
                        length += 1
                    })
                chunk.lengths.append(length)
                chunk.sectionWeight.append(sectionWeight)
                chunk.start.append(terms.count)
            }
            chunk.passages = first..<batch.upperBound
            guard let following = schedule.claim(w) else { break }
            batch = following
        }
        if document >= 0 { chunk.endSegment(document: document, table: &table) }
        // The rest of the chunk's text, up to the page its last passage shares
        // with the next chunk's first (which another worker may be reading).
        if let r = release { MemoryPages.release(r.base, r.done..<r.offsets[chunk.passages.upperBound]) }
        chunk.term = terms.build()
        chunk.position = positions.build()
        return chunk
    }

    /// Analyzes passage `p`: each heading of its section path (or its title),
    /// then its body, reporting heading terms and body terms with positions.
    static func analyze(
        passage p: Int, sections: inout StringColumn.Reader, texts: inout StringColumn.Reader,
        with analyzer: Analyzer, into table: inout TermTable,
        heading: (Int32) -> Void, body: (Int32, Int) -> Void
    ) {
        sections.withBytes(p) { section in
            for part in section.split(separator: PassageList.headingSeparator) {
                analyzer.analyze(UnsafeBufferPointer(rebasing: part), into: &table) { t, _ in heading(t) }
            }
        }
        texts.withBytes(p) { text in
            analyzer.analyze(text, into: &table) { t, token in body(t, token.position) }
        }
    }

    /// - Parameter progress: called now and then with passages analyzed and the total.
    public func build(_ passages: PassageList, progress: ((Int, Int) -> Void)? = nil) -> InvertedIndex {
        index(from: analyze(passages, progress: progress))
    }

    /// The occurrences of every passage, analyzed: what `index(from:)` lays
    /// out. The passages' text is not needed after this (the caller may free it).
    public struct Analysis {
        /// In passage order.
        var chunks: [Chunk]
        /// Per worker: the table numbering its chunks (`Chunk.owner`).
        var tables: [TermTable]
        var passageCount: Int
    }

    /// Analyzes the passages in `threads` chunks at once.
    /// - Parameters:
    ///   - releasingText: give the memory of the text (when plain) back to the
    ///     system as it is analyzed, `releaseEvery` bytes at a time: its pages
    ///     read as zeros afterwards. Only for a caller that holds the only copy
    ///     of the passages and drops their text next (`withoutTexts()`): the
    ///     whole-corpus build, whose peak memory this lowers by the text's size.
    ///   - progress: called now and then with passages analyzed and the total.
    public func analyze(_ passages: PassageList, releasingText: Bool = false, progress: ((Int, Int) -> Void)? = nil) -> Analysis {
        let n = passages.count
        let workers = n < 1024 ? 1 : min(threads, 8)
        // A taken half is at least a sixteenth of a worker's first share, and
        // each worker takes at most two: the layout keeps per-term tables per
        // chunk, so chunks stay few.
        let schedule = PassageSchedule(passageCount: n, workers: workers, minimumSteal: n / workers / 16, maximumSteals: 2)
        let shares = concurrentMap(workers) { w -> (table: TermTable, chunks: [Chunk]) in
            let analyzer = Analyzer(settings: analyzerSettings)
            var table = TermTable(), chunks: [Chunk] = []
            repeat {
                if let chunk = analyzeShare(
                    passages, worker: w, schedule: schedule, table: &table, analyzer: analyzer,
                    releasingText: releasingText, progress: w == 0 ? { progress?($0, n) } : nil)
                {
                    chunks.append(chunk)
                }
            } while schedule.steal(w)
            return (table, chunks)
        }
        let chunks = shares.flatMap(\.chunks).sorted { $0.passages.lowerBound < $1.passages.lowerBound }
        return Analysis(chunks: chunks, tables: shares.map(\.table), passageCount: n)
    }

    /// Lays out the postings of an analysis (consumed: its occurrences are
    /// freed as they are placed).
    public func index(from analysis: consuming Analysis) -> InvertedIndex {
        let chunks = analysis.chunks, tables = analysis.tables, passageCount = analysis.passageCount
        _ = consume analysis  // the chunks' only owner is now `chunks`
        return layOut(consume chunks, tables: consume tables, passageCount: passageCount)
    }

    /// Numbers the tables' terms together in byte order and lays out the chunks' postings.
    /// The chunks are consumed: their occurrences are freed once placed,
    /// before the frequencies are coded.
    private func layOut(_ chunks: consuming [Chunk], tables: consuming [TermTable], passageCount n: Int) -> InvertedIndex {
        // At once: all terms, numbered in byte order (each table's numbers
        // mapped to those) and front coded, and all completion words in byte order.
        let (termDictionary, words) = concurrently(
            { () -> (terms: FrontCodedStrings, toRank: [[Int32]]) in
                var union = ByteKeyTable()
                let toUnion = tables.map { table in
                    (0..<table.termCount).map { t in table.term(Int32(t)).withUnsafeBufferPointer { union.insert($0).number } }
                }
                let order = union.sortedOrder()
                var rank = [Int32](repeating: 0, count: order.count)
                for (r, u) in order.enumerated() { rank[u] = Int32(r) }
                var sortedTerms = StringTable.Builder()
                for u in order { sortedTerms.append(union.key(u)) }
                return (FrontCodedStrings(sortedTerms.build()), toUnion.map { $0.map { rank[Int($0)] } })
            },
            { () -> (vocabulary: StringTable, source: [(table: Int, term: Int32)], slotRank: [[Int32]]) in
                // Per word in byte order: the table and table-local term it was first
                // seen with; per table word slot, its word's rank (−1: a stop word).
                var words = ByteKeyTable()
                var source: [(table: Int, term: Int32)] = []
                var slotWord = tables.map { [Int32](repeating: -1, count: $0.wordSlotCount) }
                for (c, table) in tables.enumerated() {
                    table.forEachSurfaceForm { word, slot, t in
                        let (w, inserted) = word.withUnsafeBufferPointer { words.insert($0) }
                        if inserted { source.append((c, t)) }
                        slotWord[c][Int(slot)] = Int32(w)
                    }
                }
                let wordOrder = words.sortedOrder()
                var rank = [Int32](repeating: 0, count: wordOrder.count)
                for (r, w) in wordOrder.enumerated() { rank[w] = Int32(r) }
                var vocabulary = StringTable.Builder()
                for w in wordOrder { vocabulary.append(words.key(w)) }
                return (vocabulary.build(), wordOrder.map { source[$0] }, slotWord.map { $0.map { $0 < 0 ? -1 : rank[Int($0)] } })
            })
        let documentWords = Self.documentWords(chunks, slotRank: words.slotRank)  // slot ranks per table
        let toRank = termDictionary.toRank
        let termCount = termDictionary.terms.count

        // Pass 1, a chunk per core: postings and positions per term in each chunk
        // (chunks hold disjoint passages, so no posting spans two).
        let parts = chunks.count
        let counts = concurrentMap(parts) { c -> (postings: [Int], positions: [Int]) in
            let chunk = chunks[c]
            // Per term: postings, and bytes of position runs (an empty run takes one).
            var postings = [Int](repeating: 0, count: termCount), positionCounts = [Int](repeating: 0, count: termCount)
            var lastPassage = [Int32](repeating: -1, count: termCount), lastPosition = [Int32](repeating: -1, count: termCount)
            let terms = chunk.term.buffer, positions = chunk.position.buffer
            toRank[chunk.owner].withUnsafeBufferPointer { toRank in
                for (k, p) in chunk.passages.enumerated() {
                    for i in chunk.start[k]..<chunk.start[k + 1] {
                        let r = Int(toRank[Int(terms[i])])
                        if lastPassage[r] != Int32(p) {
                            if lastPassage[r] >= 0 && lastPosition[r] < 0 { positionCounts[r] += 1 }
                            lastPassage[r] = Int32(p); postings[r] += 1; lastPosition[r] = -1
                        }
                        let position = positions[i]
                        if position >= 0 {
                            positionCounts[r] += PositionRuns.size(gap: UInt32(position - lastPosition[r]))
                            lastPosition[r] = position
                        }
                    }
                }
            }
            for r in 0..<termCount where lastPassage[r] >= 0 && lastPosition[r] < 0 { positionCounts[r] += 1 }
            return (postings, positionCounts)
        }
        // Where each term's postings and positions start, and where each chunk's do.
        var postingStart = [Int](repeating: 0, count: termCount + 1)
        var positionBase = [Int](repeating: 0, count: termCount + 1)
        var chunkPosting = [[Int]](repeating: [], count: parts), chunkPosition = [[Int]](repeating: [], count: parts)
        for c in 0..<parts {
            chunkPosting[c] = [Int](repeating: 0, count: termCount)
            chunkPosition[c] = [Int](repeating: 0, count: termCount)
        }
        for r in 0..<termCount {
            var posting = postingStart[r], position = positionBase[r]
            for c in 0..<parts {
                chunkPosting[c][r] = posting
                chunkPosition[c][r] = position
                posting += counts[c].postings[r]
                position += counts[c].positions[r]
            }
            postingStart[r + 1] = posting
            positionBase[r + 1] = position
        }
        let postingCount = postingStart[termCount], positionCount = positionBase[termCount]

        // Pass 2, a chunk per core: each places its postings and positions in
        // the slots pass 1 reserved for it.
        let (postingPassageArray, postingPassage) = FlatArray<Int32>.allocate(count: postingCount, repeating: 0)
        let (postingFrequencyArray, postingFrequency) = FlatArray<Float>.allocate(count: postingCount, repeating: 0)
        let (positionBytesArray, positions) = FlatArray<UInt8>.allocate(count: positionCount, repeating: 0)
        _ = concurrentMap(parts) { c in
            let chunk = chunks[c]
            var nextPosting = chunkPosting[c], nextPosition = chunkPosition[c]
            var lastPassage = [Int32](repeating: -1, count: termCount), lastPosition = [Int32](repeating: -1, count: termCount)
            let terms = chunk.term.buffer, occurrencePositions = chunk.position.buffer
            toRank[chunk.owner].withUnsafeBufferPointer { toRank in
                for (k, p) in chunk.passages.enumerated() {
                    let sectionWeight = chunk.sectionWeight[k]
                    for i in chunk.start[k]..<chunk.start[k + 1] {
                        let r = Int(toRank[Int(terms[i])])
                        var slot = nextPosting[r] - 1
                        if lastPassage[r] != Int32(p) {
                            if lastPassage[r] >= 0 {
                                PositionRuns.closeRun(hasPositions: lastPosition[r] >= 0, in: positions, at: &nextPosition[r])
                            }
                            lastPassage[r] = Int32(p)
                            slot = nextPosting[r]
                            nextPosting[r] += 1
                            postingPassage[slot] = Int32(p)
                            lastPosition[r] = -1
                        }
                        let position = occurrencePositions[i]
                        if position >= 0 {
                            postingFrequency[slot] += 1
                            PositionRuns.write(gap: UInt32(position - lastPosition[r]), to: positions, at: &nextPosition[r])
                            lastPosition[r] = position
                        } else {
                            postingFrequency[slot] += sectionWeight
                        }
                    }
                }
            }
            for r in 0..<termCount where lastPassage[r] >= 0 {
                PositionRuns.closeRun(hasPositions: lastPosition[r] >= 0, in: positions, at: &nextPosition[r])
            }
        }
        var lengths: [Float] = []
        lengths.reserveCapacity(n)
        for c in chunks.indices { lengths += chunks[c].lengths }
        _ = consume chunks
        _ = consume tables

        // The encodings, which need nothing of each other. When the passage
        // encoder spreads over the cores itself (many postings, as the
        // frequency coder does too), they run one after the other; otherwise
        // it runs on one core beside the rest.
        let postingStarts = Offsets(postingStart)
        func passages() -> PostingPassages { PostingPassages(postingPassageArray.buffer, postingStart: postingStarts) }
        func others() -> (PostingFrequencies, FrontCodedStrings, PositionRuns) {
            (
                PostingFrequencies(postingFrequencyArray.buffer), FrontCodedStrings(words.vocabulary),
                PositionRuns(bytes: positionBytesArray, postingCount: postingCount)
            )
        }
        let (postingPassages, (postingFrequencies, vocabulary, runs)) =
            PostingPassages.encodingParts(postings: postingCount) == 1
            ? concurrently(passages, others) : (passages(), others())

        return InvertedIndex(
            analyzerSettings: analyzerSettings, titleWeight: titleWeight, headingWeight: headingWeight,
            terms: termDictionary.terms,
            postingStart: postingStarts,
            postingPassages: postingPassages,
            postingFrequency: postingFrequencies,
            positionRuns: runs,
            passageLength: FlatArray(lengths),
            vocabulary: vocabulary,
            vocabularyTerm: FlatArray(words.source.map { toRank[$0.table][Int($0.term)] }),
            documentWords: documentWords)
    }

    /// The chunks' (document, word, count) runs as per-document lists of
    /// vocabulary ranks: a document split over chunks, or (in passages out of
    /// document order) met twice, has its counts summed.
    private static func documentWords(_ chunks: [Chunk], slotRank: [[Int32]]) -> DocumentWords {
        var segments: [(document: Int32, chunk: Int, segment: Int)] = []
        for (c, chunk) in chunks.enumerated() {
            for (s, d) in chunk.segmentDocument.enumerated() { segments.append((d, c, s)) }
        }
        var inOrder = true
        for i in segments.indices.dropFirst() where segments[i].document < segments[i - 1].document { inOrder = false }
        if !inOrder { segments.sort { ($0.document, $0.chunk, $0.segment) < ($1.document, $1.chunk, $1.segment) } }
        let documentCount = Int((segments.map(\.document).max() ?? -1) + 1)
        var wordCount = 0
        for ranks in slotRank { if let top = ranks.max() { wordCount = max(wordCount, Int(top) + 1) } }
        // Runs of documents on every core, joined in order.
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, documentCount / 256))
        let bounds = (0...parts).map { $0 * documentCount / parts }
        let sortedSegments = segments
        let built = concurrentMap(parts) { r -> DocumentWords in
            var builder = DocumentWords.Builder()
            var pairs: [UInt64] = []  // rank << 32 | count
            var dense: [Int32] = []  // per rank, for a document using a large share of the vocabulary
            var merged: [(word: Int, count: Int32)] = []
            // The first segment of this run's first document (segments ascend by document).
            var lo = 0, hi = sortedSegments.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(sortedSegments[mid].document) < bounds[r] { lo = mid + 1 } else { hi = mid }
            }
            var i = lo
            for d in bounds[r]..<bounds[r + 1] {
                pairs.removeAll(keepingCapacity: true)
                while i < sortedSegments.count && sortedSegments[i].document == Int32(d) {
                    let (_, c, s) = sortedSegments[i]
                    let chunk = chunks[c], ranks = slotRank[chunk.owner]
                    for k in (s == 0 ? 0 : chunk.segmentEnd[s - 1])..<chunk.segmentEnd[s] {
                        pairs.append(UInt64(UInt32(ranks[Int(chunk.wordSlot[k])])) << 32 | UInt64(UInt32(chunk.wordCount[k])))
                    }
                    i += 1
                }
                merged.removeAll(keepingCapacity: true)
                if pairs.count > wordCount / 8 {
                    // Counted into a table by rank and read in rank order: no sort.
                    if dense.isEmpty { dense = [Int32](repeating: 0, count: wordCount) }
                    for x in pairs { dense[Int(x >> 32)] &+= Int32(truncatingIfNeeded: x & 0xFFFF_FFFF) }
                    for w in 0..<wordCount where dense[w] != 0 {
                        merged.append((w, dense[w]))
                        dense[w] = 0
                    }
                } else {
                    pairs.sort()
                    for x in pairs {
                        let word = Int(x >> 32), count = Int32(truncatingIfNeeded: x & 0xFFFF_FFFF)
                        if let last = merged.last, last.word == word {
                            merged[merged.count - 1].count &+= count
                        } else {
                            merged.append((word, count))
                        }
                    }
                }
                builder.append(merged)
            }
            return builder.build()
        }
        var joined = DocumentWords.Builder()
        for part in built { joined.append(contentsOf: part) }
        return joined.build()
    }
}
