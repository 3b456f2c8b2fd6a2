/// Builds an `InvertedIndex` from passages with one `Analyzer`.
///
/// Each passage is analyzed once (section heading, then body); its distinct
/// terms are appended to per-term posting lists, which are finally laid out
/// in flat arrays.
/// - Complexity: O(total tokens + postings).
public struct IndexBuilder: Sendable {
    public var analyzerSettings: Analyzer.Settings
    /// Weight of an occurrence in a BEIR title (`.jsonl` passages, whose title
    /// describes that passage alone) relative to a body occurrence.
    public var titleWeight: Float
    /// Weight of an occurrence in the section headings of a document passage.
    /// Lower than `titleWeight`: a heading speaks for every passage under it,
    /// and a heading path often repeats its words ("Transparency vs
    /// Performance › The Transparency Advantage").
    public var headingWeight: Float

    public init(analyzerSettings: Analyzer.Settings = .standard, titleWeight: Float = 3.0, headingWeight: Float = 0.3) {
        self.analyzerSettings = analyzerSettings
        self.titleWeight = titleWeight
        self.headingWeight = headingWeight
    }

    public func build(_ passages: [Passage]) -> InvertedIndex {
        let analyzer = Analyzer(settings: analyzerSettings)
        var termIDs: [[UInt8]: Int32] = [:]
        var terms: [[UInt8]] = []
        var listPassage: [[Int32]] = []
        var listFrequency: [[Float]] = []
        var listPositions: [[[Int32]]] = []
        var lengths: [Float] = []
        lengths.reserveCapacity(passages.count)

        // Per-passage scratch: term → slot in `local`.
        var localSlot: [Int32: Int] = [:]
        var local: [(term: Int32, frequency: Float, positions: [Int32])] = []

        func termID(_ bytes: [UInt8]) -> Int32 {
            if let id = termIDs[bytes] { return id }
            let id = Int32(terms.count)
            termIDs[bytes] = id
            terms.append(bytes)
            listPassage.append([]); listFrequency.append([]); listPositions.append([])
            return id
        }

        for (p, passage) in passages.enumerated() {
            localSlot.removeAll(keepingCapacity: true)
            local.removeAll(keepingCapacity: true)
            var length: Float = 0
            let sectionWeight = passage.id != nil ? titleWeight : headingWeight
            for heading in passage.section {
                analyzer.analyze(heading) { token in
                    let t = termID(token.term)
                    if let slot = localSlot[t] { local[slot].frequency += sectionWeight }
                    else { localSlot[t] = local.count; local.append((t, sectionWeight, [])) }
                    length += sectionWeight
                }
            }
            analyzer.analyze(passage.text) { token in
                let t = termID(token.term)
                if let slot = localSlot[t] {
                    local[slot].frequency += 1
                    local[slot].positions.append(Int32(truncatingIfNeeded: token.position))
                } else {
                    localSlot[t] = local.count
                    local.append((t, 1, [Int32(truncatingIfNeeded: token.position)]))
                }
                length += 1
            }
            lengths.append(length)
            for entry in local {
                let t = Int(entry.term)
                listPassage[t].append(Int32(p))
                listFrequency[t].append(entry.frequency)
                listPositions[t].append(entry.positions)
            }
        }

        // Lay out flat arrays.
        var postingStart = [Int](); postingStart.reserveCapacity(terms.count + 1)
        var postingPassage = [Int32](), postingFrequency = [Float]()
        var positionStart = [Int](), positions = [Int32]()
        postingStart.append(0)
        positionStart.append(0)
        for t in terms.indices {
            postingPassage += listPassage[t]
            postingFrequency += listFrequency[t]
            for list in listPositions[t] {
                positions += list
                positionStart.append(positions.count)
            }
            postingStart.append(postingPassage.count)
        }
        let termStrings = terms.map { String(decoding: $0, as: UTF8.self) }
        var stringIDs: [String: Int32] = [:]
        stringIDs.reserveCapacity(termStrings.count)
        for (i, s) in termStrings.enumerated() { stringIDs[s] = Int32(i) }
        return InvertedIndex(analyzerSettings: analyzerSettings, titleWeight: titleWeight, headingWeight: headingWeight,
                             termIDs: stringIDs, terms: termStrings,
                             postingStart: postingStart, postingPassage: postingPassage, postingFrequency: postingFrequency,
                             positionStart: positionStart, positions: positions,
                             passageLength: lengths, vocabulary: analyzer.surfaceForms.sorted())
    }
}
