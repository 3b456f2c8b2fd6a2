/// Builds an `InvertedIndex` from passages with one `Analyzer`.
///
/// Each passage is analyzed once (section heading, then body); its body
/// occurrences are grouped by term and appended to per-term posting lists
/// (positions as one run per term, not an array per posting), which are
/// finally laid out in flat arrays.
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
        var table = TermTable()
        var listPassage: [[Int32]] = []
        var listFrequency: [[Float]] = []
        // Per term: the positions of all its postings, one run after another,
        // and how long each posting's run is (no array per posting).
        var listPositions: [[Int32]] = []
        var listPositionCount: [[Int32]] = []
        var lengths: [Float] = []
        lengths.reserveCapacity(passages.count)

        // Per-passage scratch: body occurrences, and heading weight per term.
        var occurrences: [(term: Int32, position: Int32)] = []
        var sectionFrequency: [Int32: Float] = [:]

        /// Makes room in the per-term lists for a term numbered for the first time.
        func admit(_ t: Int32) {
            while listPassage.count <= Int(t) {
                listPassage.append([]); listFrequency.append([]); listPositions.append([]); listPositionCount.append([])
            }
        }

        for (p, passage) in passages.enumerated() {
            occurrences.removeAll(keepingCapacity: true)
            sectionFrequency.removeAll(keepingCapacity: true)
            var length: Float = 0
            let sectionWeight = passage.id != nil ? titleWeight : headingWeight
            for heading in passage.section {
                analyzer.analyze(heading, into: &table) { t, _ in
                    admit(t)
                    sectionFrequency[t, default: 0] += sectionWeight
                    length += sectionWeight
                }
            }
            analyzer.analyze(passage.text, into: &table) { t, token in
                admit(t)
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
                let first = k
                while k < occurrences.count && occurrences[k].term == t {
                    frequency += 1
                    listPositions[Int(t)].append(occurrences[k].position)
                    k += 1
                }
                listPassage[Int(t)].append(Int32(p))
                listFrequency[Int(t)].append(frequency)
                listPositionCount[Int(t)].append(Int32(k - first))
            }
            // Terms found in the headings only.
            for (t, frequency) in sectionFrequency.sorted(by: { $0.key < $1.key }) {
                listPassage[Int(t)].append(Int32(p))
                listFrequency[Int(t)].append(frequency)
                listPositionCount[Int(t)].append(0)
            }
        }

        // Lay out flat arrays.
        let terms = table.terms
        var postingStart = [Int](); postingStart.reserveCapacity(terms.count + 1)
        var postingPassage = [Int32](), postingFrequency = [Float]()
        var positionStart = [Int](), positions = [Int32]()
        postingStart.append(0)
        positionStart.append(0)
        for t in terms.indices {
            postingPassage += listPassage[t]
            postingFrequency += listFrequency[t]
            positions += listPositions[t]
            for count in listPositionCount[t] { positionStart.append(positionStart[positionStart.count - 1] + Int(count)) }
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
                             passageLength: lengths, vocabulary: table.surfaceForms)
    }
}
