import FootnoteIndex

extension InvertedIndex {
    /// The passages, ascending, whose body contains `constraint`'s terms at
    /// its offsets from one another (a single term: anywhere, title and
    /// headings included). Empty when a term is unknown.
    ///
    /// The term lists are intersected shortest first; then, per passage
    /// left, each occurrence of the phrase's first term is tried as the
    /// phrase's start against the others' positions (stop words inside the
    /// phrase are not indexed, so they match any word; their places count).
    /// - Complexity: O(Σ list lengths) to intersect, then O(occurrences) per passage.
    public func passages(matching constraint: Query.Constraint) -> [Int32] {
        guard !constraint.terms.isEmpty else { return [] }
        var ids: [Int32] = []
        for t in constraint.terms {
            guard let t else { return [] }
            ids.append(t)
        }
        let distinct = Array(Set(ids)).sorted { documentFrequency($0) < documentFrequency($1) }
        var candidates = passages(ofTerm: distinct[0])
        for t in distinct.dropFirst() {
            candidates = Self.intersection(candidates, passages(ofTerm: t))
            if candidates.isEmpty { return [] }
        }
        guard ids.count > 1 else { return candidates }
        let postings = self.postings(of: ids, in: candidates)
        var matching: [Int32] = []
        for (c, passage) in candidates.enumerated() {
            let row = postings[(c * ids.count)..<((c + 1) * ids.count)]
            guard row.allSatisfy({ $0 >= 0 }) else { continue }
            let positions = row.map { Set(self.positions($0)) }
            let starts = self.positions(row[row.startIndex])
            if starts.contains(where: { start in
                constraint.offsets.indices.allSatisfy { positions[$0].contains(start + Int32(constraint.offsets[$0])) }
            }) {
                matching.append(passage)
            }
        }
        return matching
    }

    /// The passages in both ascending lists.
    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    /// The passages of ascending `a` not in ascending `b`.
    static func difference(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            if j == b.count || b[j] != x { out.append(x) }
        }
        return out
    }

    /// The passages in either ascending list.
    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j]); j += 1
            } else {
                out.append(a[i]); i += 1; j += 1
            }
        }
        return out
    }
}
