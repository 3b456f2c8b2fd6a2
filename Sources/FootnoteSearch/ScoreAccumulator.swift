import CPrefetch
import FootnoteIndex

/// Term-at-a-time top-k retrieval into a score accumulator per passage
/// (Moffat & Zobel 1996, "Self-indexing inverted files for fast text
/// retrieval"; Turtle & Flood 1995): every posting of every query term is
/// scored and added to its passage's slot, terms in query order, then the
/// best of the touched passages are selected into a `TopK`.
///
/// It visits every posting, with no pruning, but at a few nanoseconds each
/// and with no per-candidate bookkeeping, so it is the faster strategy when
/// the query's lists are long against the depth (a document-at-a-time
/// MaxScore was 2–3× slower at the re-rank's depth of 200). Scores are
/// summed from zero in query-term order, as `SingleTermBlockMax` computes a
/// one-term score, so either gives the same top k.
///
/// Holds scratch memory for one passage count (4 + 4 + 4 bytes per passage)
/// and for the last query's decoded lists, reused across queries; not thread-safe.
final class ScoreAccumulator {
    /// Per passage, side by side so that one cache line serves both: the
    /// model's `passageFactor`, and the sum so far (0 for every passage
    /// between queries).
    private var slots: UnsafeMutableBufferPointer<(factor: Float, score: Float)>
    /// The passages with a non-zero sum, in the order they got one.
    private var touched: UnsafeMutableBufferPointer<Int32>
    /// The passages that may be in the top, as `key`s (grown to twice the depth).
    private var candidates: UnsafeMutableBufferPointer<UInt64> = .allocate(capacity: 512)
    /// The last query's lists, decoded one after another (grown as needed),
    /// and where each term's is: kept for the proximity re-rank (`decodedList`).
    private var decoded: UnsafeMutableBufferPointer<Int32> = .allocate(capacity: 1024)
    private var decodedLists: [(term: Int32, range: Range<Int>)] = []
    /// The frequencies of the block being scored and of the one decoded ahead.
    private var frequencies: UnsafeMutablePointer<Float> = .allocate(capacity: 2 * PostingCursor.blockSize)

    /// How many postings ahead a slot is prefetched.
    static let prefetchDistance = 16

    /// Scratch for passages with these factors (`ScoringModel.passageFactor`).
    init(passageFactor: [Float]) {
        slots = .allocate(capacity: passageFactor.count)
        for (i, f) in passageFactor.enumerated() { slots[i] = (f, 0) }
        // + 1: the branch-free append writes one past the last kept (grown by `top` when a query has more postings).
        touched = .allocate(capacity: passageFactor.count + 1)
    }

    deinit {
        slots.deallocate()
        touched.deallocate()
        candidates.deallocate()
        decoded.deallocate()
        frequencies.deallocate()
    }

    /// The best `depth` passages for `terms` under `model`, whose
    /// `passageFactor` this accumulator was made with.
    func top<Model: ScoringModel>(_ terms: [WeightedTerm], depth: Int, model: Model, index: InvertedIndex) -> TopK {
        guard depth > 0, !terms.isEmpty else { return TopK(depth) }
        precondition(slots.count == index.passageCount, "accumulator made for another index")
        let total = terms.reduce(0) { $0 + index.documentFrequency($1.id) }
        if total > decoded.count {
            decoded.deallocate()
            decoded = .allocate(capacity: total)
        }
        // A passage is appended to `touched` each time its sum is 0 when a
        // posting of it is scored: once, when every contribution is positive.
        // Frequencies of 0 (a damaged file's codes: the index fuzz target)
        // or contributions that cancel can append it again, but never more
        // than once per posting, so room for every posting scored keeps the
        // appends in bounds; the repeats are harmless (the selection below
        // finds their slot already cleared).
        if total + 1 > touched.count {
            touched.deallocate()
            touched = .allocate(capacity: total + 1)
        }
        let slots = self.slots, touched = self.touched, frequencies = self.frequencies
        decodedLists.removeAll(keepingCapacity: true)
        var decodedEnd = 0
        // A passage is touched when its sum leaves 0. A contribution of
        // exactly 0 leaves it at 0, and 0 + 0 + c = 0 + c: the sums are the
        // same as if it had been counted.
        var touchedCount = 0
        let inOrder = zip(terms, terms.dropFirst()).allSatisfy { $0.order < $1.order }
        for term in inOrder ? terms : terms.sorted(by: { $0.order < $1.order }) {
            let w = term.weight
            // The list is decoded a block at a time, each block just before the
            // one before it is scored (so that it is read while in the
            // nearest cache, and the prefetch looks ahead across blocks);
            // the whole list is kept for the proximity re-rank.
            let passages = decoded.baseAddress! + decodedEnd
            var cursor = index.cursor(term.id)
            var available = cursor.nextBlock(into: passages), scored = 0
            // Frequencies alternate between the two halves of the scratch, a block each.
            var half = 0
            cursor.frequencies(0..<available, into: frequencies)
            // The slots are met in random order: ask for each a few postings ahead.
            for i in 0..<min(available, Self.prefetchDistance) { footnote_prefetch_for_write(slots.baseAddress! + Int(passages[i])) }
            while scored < available {
                let end = available
                available += cursor.nextBlock(into: passages + available)
                let blockFrequencies = frequencies + half * PostingCursor.blockSize - scored
                half ^= 1
                cursor.frequencies(end..<available, into: frequencies + half * PostingCursor.blockSize)
                for i in scored..<end {
                    if i + Self.prefetchDistance < available {
                        footnote_prefetch_for_write(slots.baseAddress! + Int(passages[i + Self.prefetchDistance]))
                    }
                    let passage = passages[i]
                    let d = Int(passage)
                    let slot = slots[d]
                    let c = w * model.postingScore(frequency: blockFrequencies[i], factor: slot.factor)
                    // Branch-free: always written, kept only when the passage is new.
                    touched[touchedCount] = passage
                    touchedCount &+= slot.score == 0 ? 1 : 0
                    slots[d].score = slot.score + c
                }
                scored = end
            }
            decodedLists.append((term.id, decodedEnd..<(decodedEnd + available)))
            decodedEnd += available
        }
        // The top `depth` of the touched passages, and every slot cleared:
        // the passages that may still make the top are collected as keys
        // (`TopK.key`);
        // whenever twice `depth` are held, the best `depth` are selected
        // (`selectLargest`) and the `depth`-th's score becomes the cut
        // below which none is collected. (A heap insertion per passage over
        // the cut cost 3× as much: ~1,100 a query on the kernel corpus.)
        if candidates.count < 2 * depth {
            candidates.deallocate()
            candidates = .allocate(capacity: 2 * depth)
        }
        let keys = candidates.baseAddress!
        var held = 0
        var cut = -Float.infinity
        for i in 0..<touchedCount {
            if i + Self.prefetchDistance < touchedCount {
                footnote_prefetch_for_write(slots.baseAddress! + Int(touched[i + Self.prefetchDistance]))
            }
            let passage = touched[i]
            let s = slots[Int(passage)].score
            slots[Int(passage)].score = 0
            if s > 0 && s >= cut {
                keys[held] = TopK.key(s, passage)
                held += 1
                if held == 2 * depth {
                    Self.selectLargest(keys, count: held, k: depth)
                    held = depth
                    cut = TopK.score(keys[depth - 1])
                }
            }
        }
        if held > depth { Self.selectLargest(keys, count: held, k: depth) }
        var best = UnsafeMutableBufferPointer(start: keys, count: min(held, depth))
        best.sort()  // ascending: worst first
        return TopK(depth, worstFirst: best.map { (score: TopK.score($0), passage: TopK.passage($0)) })
    }

    /// Reorders `keys[0..<count]` (distinct) so that, for 0 < k < count,
    /// `keys[0..<k]` are the `k` largest and `keys[k − 1]` the `k`-th
    /// largest: quickselect (Hoare 1961, "Algorithm 65: Find") with a
    /// median-of-three pivot. Leaves them as they are otherwise.
    /// - Complexity: O(count) expected.
    static func selectLargest(_ keys: UnsafeMutablePointer<UInt64>, count: Int, k: Int) {
        guard k > 0, k < count else { return }
        var lo = 0, hi = count - 1
        let target = k - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let a = keys[lo], b = keys[mid], c = keys[hi]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = lo, j = hi
            while i <= j {
                while keys[i] > pivot { i += 1 }
                while keys[j] < pivot { j -= 1 }
                if i <= j {
                    let x = keys[i]
                    keys[i] = keys[j]
                    keys[j] = x
                    i += 1
                    j -= 1
                }
            }
            if target <= j { hi = j } else if target >= i { lo = i } else { return }
        }
    }

    /// Term `t`'s passages as the last `top` decoded them, nil when it did
    /// not; valid until the next `top`.
    func decodedList(_ t: Int32) -> UnsafeBufferPointer<Int32>? {
        guard let list = decodedLists.first(where: { $0.term == t }) else { return nil }
        return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(decoded)[list.range])
    }
}
