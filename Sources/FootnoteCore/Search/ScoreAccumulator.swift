import CPrefetch

/// Term-at-a-time top-k retrieval into a score accumulator per passage
/// (Moffat & Zobel 1996, "Self-indexing inverted files for fast text
/// retrieval"; Turtle & Flood 1995): every posting of every query term is
/// scored and added to its passage's slot, terms in query order, then the
/// touched passages are offered to a `TopK`.
///
/// It visits every posting, with no pruning, but at a few nanoseconds each
/// and with no per-candidate bookkeeping, so it is the faster strategy when
/// the query's lists are short or the top is deep (where `MaxScore` prunes
/// little). Scores are summed from zero in query-term order, exactly as
/// `MaxScore` sums them, so both give the same top k.
///
/// Holds scratch memory for one passage count (4 + 4 bytes per passage),
/// reused across queries; not thread-safe.
final class ScoreAccumulator {
    /// Per passage, side by side so that one cache line serves both: the
    /// model's `passageFactor`, and the sum so far (0 for every passage
    /// between queries).
    private var slots: UnsafeMutableBufferPointer<(factor: Float, score: Float)>
    /// The passages with a non-zero sum, in the order they got one.
    private var touched: UnsafeMutableBufferPointer<Int32>

    /// How many postings ahead a slot is prefetched.
    static let prefetchDistance = 16

    /// Scratch for passages with these factors (`ScoringModel.passageFactor`).
    init(passageFactor: [Float]) {
        slots = .allocate(capacity: passageFactor.count)
        for (i, f) in passageFactor.enumerated() { slots[i] = (f, 0) }
        touched = .allocate(capacity: passageFactor.count + 1)  // + 1: the branch-free append writes one past the last kept
    }

    deinit {
        slots.deallocate()
        touched.deallocate()
    }

    /// The best `depth` passages for `terms` under `model`, whose
    /// `passageFactor` this accumulator was made with.
    func top<Model: ScoringModel>(_ terms: [WeightedTerm], depth: Int, model: Model, index: InvertedIndex) -> TopK {
        var top = TopK(depth)
        guard depth > 0, !terms.isEmpty else { return top }
        precondition(slots.count == index.passageCount, "accumulator made for another index")
        let passages = index.postingPassage.buffer, frequencies = index.postingFrequency
        let slots = self.slots, touched = self.touched
        var touchedCount = 0
        // A passage is touched when its sum leaves 0. A contribution of
        // exactly 0 leaves it at 0, and 0 + 0 + c = 0 + c: the sums are the
        // same as if it had been counted.
        let inOrder = zip(terms, terms.dropFirst()).allSatisfy { $0.order < $1.order }
        for term in inOrder ? terms : terms.sorted(by: { $0.order < $1.order }) {
            let w = term.weight
            let range = index.postings(term.id)
            // The slots are met in random order: ask for each a few postings ahead.
            let ahead = min(range.upperBound, range.lowerBound + Self.prefetchDistance)
            for p in range.lowerBound..<ahead { footnote_prefetch_for_write(slots.baseAddress! + Int(passages[p])) }
            for p in range {
                if p + Self.prefetchDistance < range.upperBound {
                    footnote_prefetch_for_write(slots.baseAddress! + Int(passages[p + Self.prefetchDistance]))
                }
                let passage = passages[p]
                let d = Int(passage)
                let slot = slots[d]
                let c = w * model.postingScore(frequency: frequencies[p], factor: slot.factor)
                // Branch-free: always written, kept only when the passage is new.
                touched[touchedCount] = passage
                touchedCount &+= slot.score == 0 ? 1 : 0
                slots[d].score = slot.score + c
            }
        }
        var threshold = -Float.infinity
        for i in 0..<touchedCount {
            if i + Self.prefetchDistance < touchedCount {
                footnote_prefetch_for_write(slots.baseAddress! + Int(touched[i + Self.prefetchDistance]))
            }
            let passage = touched[i]
            let s = slots[Int(passage)].score
            slots[Int(passage)].score = 0
            if s > 0 && s >= threshold {
                top.insert(s, passage)
                threshold = top.threshold
            }
        }
        return top
    }
}
