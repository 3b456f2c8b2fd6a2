import FootnoteStorage
import FootnoteCorpus

/// Combines the indexes of disjoint sets of documents into the index that a
/// full build over all of them would give: what makes an incremental rebuild
/// (the old index without its changed files, plus an index of the changed
/// files) identical to a full one.
///
/// This holds because everything a posting records (pseudo-frequency,
/// positions, passage length) depends on its passage alone, term numbers are
/// ranks in byte order, and passages are numbered in document order: each
/// part's postings keep their order when renumbered, and two parts' postings
/// of a term interleave by a merge.
///
/// The vocabulary keeps the words still used by a kept document (each part's
/// `DocumentWords` says which); the kept documents' word lists are renumbered.
/// - Complexity: O(passages + postings + positions + terms · parts).
public enum IndexMerger {
    /// A corpus subset and its index.
    public struct Part {
        public var corpus: Corpus
        public var index: InvertedIndex
        /// For each of `corpus.documents`: its number in the result, nil to drop
        /// it. Kept documents must keep their relative order.
        public var documentNumber: [Int?]

        public init(corpus: Corpus, index: InvertedIndex, documentNumber: [Int?]) {
            self.corpus = corpus
            self.index = index
            self.documentNumber = documentNumber
        }
    }

    /// The passages and index of the result, whose documents are numbered
    /// `0..<documentCount` as the parts say; nil when the parts do not fit
    /// that promise (no parts, a number out of range or twice, or kept
    /// documents out of order) or a part's word lists are damaged. All parts
    /// share analyzer settings and weights.
    public static func merge(_ parts: [Part], documentCount: Int) -> (passages: PassageList, index: InvertedIndex)? {
        guard !parts.isEmpty else { return nil }
        // Where each result document comes from: (part, document in part).
        var source = [(part: Int, document: Int)?](repeating: nil, count: documentCount)
        for (k, part) in parts.enumerated() {
            var last = -1
            for (d, number) in part.documentNumber.enumerated() {
                guard let number else { continue }
                guard number > last && number < documentCount && source[number] == nil else { return nil }
                source[number] = (k, d)
                last = number
            }
        }
        // Each part's passages of each document are contiguous.
        let firstPassage = parts.map(\.corpus.firstPassages)

        // Passages in result order, and each part's passage → result passage.
        var passageMap = parts.map { [Int32](repeating: -1, count: $0.corpus.passages.count) }
        var passages = PassageList.Builder()
        let lengths = FlatArrayBuilder<Float>()
        // In runs of consecutive documents of one part, copied in bulk (a
        // compressed column's blocks are decoded once per run).
        var number = 0
        while number < documentCount {
            guard let (k, d) = source[number] else { number += 1; continue }
            var end = number + 1
            while end < documentCount, let (k2, d2) = source[end], k2 == k, d2 == d + (end - number) { end += 1 }
            let part = parts[k]
            let rows = firstPassage[k][d]..<firstPassage[k][d + (end - number)]
            for p in rows { passageMap[k][p] = Int32(passages.count + p - rows.lowerBound) }
            passages.append(rows: rows, of: part.corpus.passages, documentOffset: Int32(number - d))
            lengths.append(contentsOf: UnsafeBufferPointer(rebasing: part.index.passageLength.buffer[rows]))
            number = end
        }

        // Terms: a k-way merge of the sorted dictionaries (each decoded whole
        // first, as are the vocabularies below: the walks compare neighbours).
        let partTerms = parts.map { $0.index.terms.table() }, partWords = parts.map { $0.index.vocabulary.table() }
        var terms = StringTable.Builder()
        var postingStart: [Int] = [0]
        let postingPassage = FlatArrayBuilder<Int32>(), postingFrequency = FlatArrayBuilder<Float>()
        let runs = PositionRuns.Builder()
        var termMap = parts.map { [Int32](repeating: -1, count: $0.index.termCount) }
        // Per part, what the posting loops read, taken out once (reading through
        // `parts[k].index` in those loops copied the whole index per posting).
        let postingStarts = parts.map(\.index.postingStart)
        // Per part: the current term's passages, decoded, and its first posting's number.
        var decoded = [[Int32]](repeating: [], count: parts.count), base = [Int](repeating: 0, count: parts.count)
        var decodedFrequencies = [[Float]](repeating: [], count: parts.count)
        let frequencyTables = parts.map(\.index.postingFrequency), positionRunTables = parts.map(\.index.positionRuns)
        let positionBuffers = parts.map { $0.index.positionRuns.bytes.buffer }
        // Per part: the last posting copied and where its run ended (runs are found from there).
        // (A buffer, not an array: `copy` below updates it, and a captured array would be checked for exclusive access at every posting.)
        let lastRun = UnsafeMutableBufferPointer<(posting: Int, end: Int)>.allocate(capacity: parts.count)
        lastRun.initialize(repeating: (-1, 0))
        defer { lastRun.deallocate() }
        var next = [Int](repeating: 0, count: parts.count)
        var cursor = [Int](repeating: 0, count: parts.count)  // per part: next posting of the current term
        var holding = [Bool](repeating: false, count: parts.count)
        while true {
            // The smallest term among the parts' next terms, and who holds it.
            var smallest: Int? = nil
            for k in parts.indices where next[k] < parts[k].index.termCount {
                if let s = smallest {
                    let c = StringTable.compare(partTerms[k].utf8(next[k]), partTerms[s].utf8(next[s]))
                    if c < 0 { smallest = k }
                } else {
                    smallest = k
                }
            }
            guard let s = smallest else { break }
            let term = partTerms[s].utf8(next[s])
            for k in parts.indices {
                holding[k] =
                    next[k] < parts[k].index.termCount
                    && (k == s || StringTable.compare(partTerms[k].utf8(next[k]), term) == 0)
                if holding[k] {
                    cursor[k] = parts[k].index.postingStart[next[k]]
                    base[k] = cursor[k]
                    decoded[k] = parts[k].index.passages(ofTerm: Int32(next[k]))
                    guard decoded[k].count == parts[k].index.documentFrequency(Int32(next[k])) else { return nil }  // a damaged list
                    decodedFrequencies[k] = [Float](unsafeUninitializedCapacity: decoded[k].count) { out, n in
                        if let start = out.baseAddress { frequencyTables[k].decode(cursor[k]..<(cursor[k] + out.count), into: start) }
                        n = out.count
                    }
                }
            }
            // Merge the postings by result passage, skipping dropped ones; a
            // term only one part holds is copied in a single pass.
            let before = postingPassage.count
            /// Copies posting `p` of part `k`'s current term, whose frequency is
            /// `frequency`, as result passage `passage` (its position bytes
            /// verbatim: gaps are relative to the posting).
            func copy(_ k: Int, _ p: Int, as passage: Int32, frequency: Float) {
                postingPassage.append(passage)
                postingFrequency.append(frequency)
                let run = positionRunTables[k].run(p, after: lastRun[k])
                lastRun[k] = (p, run.upperBound)
                runs.append(run: UnsafeBufferPointer(rebasing: positionBuffers[k][run]))
            }
            let holders = parts.indices.filter { holding[$0] }
            if holders.count == 1 {
                let k = holders[0]
                let passagesOfTerm = decoded[k], frequenciesOfTerm = decodedFrequencies[k], first = base[k]
                passageMap[k].withUnsafeBufferPointer { map in
                    for p in cursor[k]..<postingStarts[k][next[k] + 1] {
                        let mapped = map[Int(passagesOfTerm[p - first])]
                        guard mapped >= 0 else { continue }
                        copy(k, p, as: mapped, frequency: frequenciesOfTerm[p - first])
                    }
                }
            }
            while holders.count > 1 {
                var best: Int? = nil, bestPassage = Int32.max
                for k in parts.indices where holding[k] {
                    let end = postingStarts[k][next[k] + 1]
                    while cursor[k] < end && passageMap[k][Int(decoded[k][cursor[k] - base[k]])] < 0 { cursor[k] += 1 }
                    if cursor[k] < end {
                        let mapped = passageMap[k][Int(decoded[k][cursor[k] - base[k]])]
                        if mapped < bestPassage { bestPassage = mapped; best = k }
                    }
                }
                guard let b = best else { break }
                copy(b, cursor[b], as: bestPassage, frequency: decodedFrequencies[b][cursor[b] - base[b]])
                cursor[b] += 1
            }
            if postingPassage.count > before {
                let number = Int32(terms.count)
                terms.append(term)
                postingStart.append(postingPassage.count)
                for k in parts.indices where holding[k] { termMap[k][next[k]] = number }
            }
            for k in parts.indices where holding[k] { next[k] += 1 }
        }

        // Vocabulary: the parts' words still used by a kept document.
        var used: [[Int32]] = []
        for part in parts {
            guard part.index.documentWords.documentCount == part.corpus.documents.count,
                let counts = part.index.documentWords.counts(
                    wordCount: part.index.vocabulary.count,
                    include: { part.documentNumber[$0] != nil })
            else { return nil }
            used.append(counts)
        }
        var vocabulary = StringTable.Builder(), vocabularyTerm: [Int32] = []
        var wordMap = parts.map { [Int32](repeating: -1, count: $0.index.vocabulary.count) }
        var word = [Int](repeating: 0, count: parts.count)
        while true {
            var smallest: Int? = nil
            for k in parts.indices where word[k] < parts[k].index.vocabulary.count {
                if let s = smallest {
                    if StringTable.compare(partWords[k].utf8(word[k]), partWords[s].utf8(word[s])) < 0 { smallest = k }
                } else {
                    smallest = k
                }
            }
            guard let s = smallest else { break }
            let bytes = partWords[s].utf8(word[s])
            var number: Int32 = -1
            var holders: [Int] = []
            for k in parts.indices
            where word[k] < parts[k].index.vocabulary.count
                && StringTable.compare(partWords[k].utf8(word[k]), bytes) == 0
            {
                if used[k][word[k]] > 0 {
                    number = max(number, termMap[k][Int(parts[k].index.vocabularyTerm[word[k]])])
                    holders.append(k)
                }
            }
            if !holders.isEmpty && number >= 0 {
                for k in holders { wordMap[k][word[k]] = Int32(vocabulary.count) }
                vocabulary.append(bytes)
                vocabularyTerm.append(number)
            }
            for k in parts.indices
            where word[k] < parts[k].index.vocabulary.count
                && StringTable.compare(partWords[k].utf8(word[k]), bytes) == 0
            { word[k] += 1 }
        }
        // The kept documents' word lists, renumbered (the map keeps their order).
        var documentWords = DocumentWords.Builder()
        var list: [(word: Int, count: Int32)] = []
        for number in 0..<documentCount {
            list.removeAll(keepingCapacity: true)
            if let (k, d) = source[number] {
                let map = wordMap[k]
                var complete = true
                let read = parts[k].index.documentWords.forEach(document: d, wordCount: map.count) { w, count in
                    if map[w] < 0 { complete = false } else { list.append((Int(map[w]), count)) }
                }
                guard read && complete else { return nil }
            }
            documentWords.append(list)
        }

        let first = parts[0].index
        let index = InvertedIndex(
            analyzerSettings: first.analyzerSettings, titleWeight: first.titleWeight, headingWeight: first.headingWeight,
            terms: FrontCodedStrings(terms.build()),
            postingStart: Offsets(postingStart),
            postingPassages: PostingPassages(postingPassage.build().buffer, postingStart: Offsets(postingStart)),
            postingFrequency: PostingFrequencies(postingFrequency.build().buffer),
            positionRuns: runs.build(),
            passageLength: lengths.build(),
            vocabulary: FrontCodedStrings(vocabulary.build()), vocabularyTerm: FlatArray(vocabularyTerm),
            documentWords: documentWords.build())
        return (passages.build(), index)
    }
}
