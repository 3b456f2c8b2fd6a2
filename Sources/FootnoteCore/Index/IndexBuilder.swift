/// Builds an `InvertedIndex` from passages with one `Analyzer`.
///
/// Each passage is analyzed once, from its bytes (section headings, then body),
/// and its postings are appended in passage order to flat arrays; a counting
/// sort by term then lays them out term by term (stable, so each term's
/// postings stay in passage order), with terms numbered in byte order.
/// - Complexity: O(total tokens + postings + terms · log terms).
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

    public func build(_ passages: [Passage]) -> InvertedIndex { build(PassageList(passages)) }

    /// - Parameter progress: called now and then with passages analyzed and the total.
    public func build(_ passages: PassageList, progress: ((Int, Int) -> Void)? = nil) -> InvertedIndex {
        let analyzer = Analyzer(settings: analyzerSettings)
        var table = TermTable()
        // Postings in passage order: term (first-seen number), frequency, and
        // the run of positions each one owns in `runPositions`.
        var runTerm: [Int32] = [], runPassage: [Int32] = [], runFrequency: [Float] = []
        var runPositionEnd: [Int] = [], runPositions: [Int32] = []
        var lengths: [Float] = []
        lengths.reserveCapacity(passages.count)

        // Per-passage scratch: body occurrences, and heading weight per term.
        var occurrences: [(term: Int32, position: Int32)] = []
        var sectionFrequency: [Int32: Float] = [:]

        for p in 0..<passages.count {
            if p & 4095 == 0 { progress?(p, passages.count) }
            occurrences.removeAll(keepingCapacity: true)
            sectionFrequency.removeAll(keepingCapacity: true)
            var length: Float = 0
            let sectionWeight = passages.hasID[p] != 0 ? titleWeight : headingWeight
            let section = passages.sections.utf8(p)
            for heading in section.split(separator: PassageList.headingSeparator) {
                analyzer.analyze(UnsafeBufferPointer(rebasing: heading), into: &table) { t, _ in
                    sectionFrequency[t, default: 0] += sectionWeight
                    length += sectionWeight
                }
            }
            analyzer.analyze(passages.texts.utf8(p), into: &table) { t, token in
                occurrences.append((t, Int32(truncatingIfNeeded: token.position)))
                length += 1
            }
            lengths.append(length)
            // Group the body occurrences by term, positions ascending.
            occurrences.sort { $0.term != $1.term ? $0.term < $1.term : $0.position < $1.position }
            var k = 0
            while k < occurrences.count {
                let t = occurrences[k].term
                var frequency = sectionFrequency.removeValue(forKey: t) ?? 0
                while k < occurrences.count && occurrences[k].term == t {
                    frequency += 1
                    runPositions.append(occurrences[k].position)
                    k += 1
                }
                runTerm.append(t); runPassage.append(Int32(p)); runFrequency.append(frequency)
                runPositionEnd.append(runPositions.count)
            }
            // Terms found in the headings only.
            for (t, frequency) in sectionFrequency.sorted(by: { $0.key < $1.key }) {
                runTerm.append(t); runPassage.append(Int32(p)); runFrequency.append(frequency)
                runPositionEnd.append(runPositions.count)
            }
        }

        // Number terms in byte order.
        let termBytes = table.terms
        let order = termBytes.indices.sorted { termBytes[$0].lexicographicallyPrecedes(termBytes[$1]) }
        var rank = [Int32](repeating: 0, count: termBytes.count)
        for (r, t) in order.enumerated() { rank[t] = Int32(r) }

        // Counting sort of the postings by term rank, stable in passage order.
        let termCount = termBytes.count, postingCount = runTerm.count
        var postingStart = [Int](repeating: 0, count: termCount + 1)
        var positionCount = [Int](repeating: 0, count: termCount + 1)
        for i in 0..<postingCount {
            let r = Int(rank[Int(runTerm[i])])
            postingStart[r + 1] += 1
            positionCount[r + 1] += runPositionEnd[i] - (i > 0 ? runPositionEnd[i - 1] : 0)
        }
        for r in 0..<termCount {
            postingStart[r + 1] += postingStart[r]
            positionCount[r + 1] += positionCount[r]
        }
        var nextPosting = postingStart, nextPosition = positionCount
        var postingPassage = [Int32](repeating: 0, count: postingCount)
        var postingFrequency = [Float](repeating: 0, count: postingCount)
        var postingPositionCount = [Int](repeating: 0, count: postingCount)
        var positions = [Int32](repeating: 0, count: runPositions.count)
        for i in 0..<postingCount {
            let r = Int(rank[Int(runTerm[i])])
            let slot = nextPosting[r]
            nextPosting[r] += 1
            postingPassage[slot] = runPassage[i]
            postingFrequency[slot] = runFrequency[i]
            let from = i > 0 ? runPositionEnd[i - 1] : 0, to = runPositionEnd[i]
            postingPositionCount[slot] = to - from
            var at = nextPosition[r]
            for k in from..<to { positions[at] = runPositions[k]; at += 1 }
            nextPosition[r] = at
        }
        var positionStart = [Int](repeating: 0, count: postingCount + 1)
        for i in 0..<postingCount { positionStart[i + 1] = positionStart[i] + postingPositionCount[i] }

        var sortedTerms = StringTable.Builder()
        for t in order { sortedTerms.append(termBytes[t]) }
        var vocabulary = StringTable.Builder(), vocabularyTerm: [Int32] = [], vocabularyCount: [Int32] = []
        for (word, t, count) in table.surfaceForms {
            vocabulary.append(word)
            vocabularyTerm.append(rank[Int(t)])
            vocabularyCount.append(count)
        }
        return InvertedIndex(analyzerSettings: analyzerSettings, titleWeight: titleWeight, headingWeight: headingWeight,
                             terms: sortedTerms.build(),
                             postingStart: FlatArray(postingStart), postingPassage: FlatArray(postingPassage),
                             postingFrequency: FlatArray(postingFrequency),
                             positionStart: FlatArray(positionStart), positions: FlatArray(positions),
                             passageLength: FlatArray(lengths),
                             vocabulary: vocabulary.build(), vocabularyTerm: FlatArray(vocabularyTerm),
                             vocabularyCount: FlatArray(vocabularyCount))
    }

    /// Occurrences of each folded non-stop word in the given passages,
    /// counted as `build` counts them (headings and body).
    public func wordCounts<Rows: Sequence<Int>>(_ passages: PassageList, rows: Rows) -> [[UInt8]: Int32] {
        let analyzer = Analyzer(settings: analyzerSettings)
        var table = TermTable()
        for p in rows {
            for heading in passages.sections.utf8(p).split(separator: PassageList.headingSeparator) {
                analyzer.analyze(UnsafeBufferPointer(rebasing: heading), into: &table) { _, _ in }
            }
            analyzer.analyze(passages.texts.utf8(p), into: &table) { _, _ in }
        }
        var counts: [[UInt8]: Int32] = [:]
        for (word, _, count) in table.surfaceForms { counts[word] = count }
        return counts
    }
}
