import FootnoteAnalysis

/// Cuts the excerpt of a passage that best covers a question.
///
/// The excerpt is anchored on the densest cluster of matches: the span from a
/// match to the last match within `clusterCharacters` bytes that holds the most
/// query weight (the summed weight of the distinct question terms in it, plus
/// `repeatBonus` of a weight for each further occurrence, plus a bonus when a
/// word of the asked-for kind stands near it: `AnswerCue`). The sentences
/// (`SentenceSplitter`) around that cluster are shown, filled out with their
/// neighbours up to `maxSentences` prose sentences (bullet items ride along
/// without counting) and `maxCharacters` characters as shown (`DisplayWidth`:
/// whitespace runs count once); when no question word is in the text at all,
/// the opening sentences that fit the budget. A window longer than the budget
/// is cut to the `maxCharacters`-character span around the cluster, at word
/// boundaries, with "…" marking each cut. Whitespace runs become one space.
public struct ExcerptBuilder: Sendable {
    public var maxCharacters: Int
    public var maxSentences: Int
    public var repeatBonus: Float
    /// Fill the budget with the neighbouring sentences of the best run (the
    /// next one first), up to `maxSentences` sentences.
    public var extendWithContext: Bool
    /// The excerpt is built around the densest cluster of matches within
    /// this many bytes (at least 1). SQuAD-dev excerpt@1 with everything else at its default: 130 → 0.7391,
    /// 150 → 0.7393, 160 → 0.7416, 165 → 0.7412, 170 → 0.7418, 175 → 0.7406,
    /// 180 → 0.7399, 190 → 0.7376; 165 sits mid-plateau.
    public var clusterCharacters: Int
    /// When a sentence must be cut, the share of the budget kept before the
    /// cluster or first match (SQuAD-dev excerpt@1: 0.15 → 0.7314, 0.25 → 0.7340,
    /// 0.4 → 0.7350, 0.5 → 0.7342).
    public var leadingContext: Float = 0.4
    /// The bonus, as a share of the heaviest question word's weight, for a
    /// cut that keeps a word of the kind the question asks for (`AnswerCue`).
    public var cueWeight: Float = 0.5
    /// The bonus, as a share of the heaviest question word's weight, for a
    /// cluster with a word of the asked-for kind within `cueReach` bytes
    /// (SQuAD-dev excerpt@1: 0 → 0.7352, 0.3 → 0.7369, 0.6 → 0.7386, 1.0 → 0.7380).
    public var cueClusterWeight: Float = 0.6
    public var cueReach: Int = 20

    public init(
        maxCharacters: Int = 250, maxSentences: Int = 3, repeatBonus: Float = 0.1, extendWithContext: Bool = true,
        clusterCharacters: Int = 165
    ) {
        self.clusterCharacters = max(1, clusterCharacters)
        self.maxCharacters = maxCharacters
        self.maxSentences = maxSentences
        self.repeatBonus = repeatBonus
        self.extendWithContext = extendWithContext
    }

    /// A matched word in the passage: byte range and which query term.
    struct Match { var start: Int; var end: Int; var term: Int }

    /// - Parameters:
    ///   - text: the passage text.
    ///   - termWeights: analyzed query term → weight (its importance).
    ///   - analyzer: the analyzer the index used.
    /// - Parameter opening: show the passage's opening sentences that fit the
    ///   budget (cut at the budget's last word when the first is longer),
    ///   with the question's words marked: what a definition says first.
    public func excerpt(
        of text: String, termWeights: [String: Float], analyzer: Analyzer, cue: AnswerCue? = nil,
        opening: Bool = false
    ) -> Excerpt {
        let bytes = Array(text.utf8)
        let termList = Array(termWeights.keys)
        var termIndex: [String: Int] = [:]
        for (i, t) in termList.enumerated() { termIndex[t] = i }
        let weights = termList.map { termWeights[$0]! }

        var matches: [Match] = []
        analyzer.analyze(text) { token in
            if let i = termIndex[token.termString] { matches.append(Match(start: token.start, end: token.end, term: i)) }
        }
        // Words that could answer the question, minus the question's own words.
        var cueWords: [Range<Int>] = []
        if let cue, cueWeight > 0 {
            let matched = Set(matches.map(\.start))
            cueWords = bytes.withUnsafeBufferPointer { cue.candidates(in: $0) }.filter { !matched.contains($0.lowerBound) }
        }
        let cueBonus = cueWeight * (weights.max() ?? 0)
        let width = DisplayWidth(bytes)
        var sentences = SentenceSplitter.sentences(in: text)
        if sentences.isEmpty { sentences = [0..<bytes.count] }
        if opening {
            var window = openingSentences(sentences, width: width)
            let cut = width.of(window) > maxCharacters
            if cut {
                var end = width.end(from: window.lowerBound, budget: maxCharacters, limit: window.upperBound)
                // Between words: back to the last space when the budget ends inside one.
                if end < bytes.count && !ASCIIWhitespace.contains(bytes[end]),
                    let space = bytes[window.lowerBound..<end].lastIndex(where: ASCIIWhitespace.contains), space > window.lowerBound
                {
                    end = space
                }
                window = window.lowerBound..<end
            }
            return render(bytes, window, matches: matches, cutStart: false, cutEnd: cut)
        }

        // The sentences around the densest cluster of matches (none when nothing matched).
        var window = 0..<bytes.count
        var score: Float = 0  // the question weight the window holds
        var clusterSpan: Range<Int>?
        if let cluster = densestCluster(
            matches, weights: weights, cueWords: cueWords,
            cueBonus: cueClusterWeight * (weights.max() ?? 0), reach: cueReach)
        {
            clusterSpan = cluster
            let first = sentences.firstIndex { $0.upperBound > cluster.lowerBound } ?? 0
            let last = sentences.lastIndex { $0.lowerBound < cluster.upperBound } ?? sentences.count - 1
            window = sentences[first].lowerBound..<sentences[max(first, last)].upperBound
            score = coverage(matches, in: window, weights: weights)
        }
        if score > 0, width.of(window) <= maxCharacters, extendWithContext {
            window = extended(window, sentences: sentences, bytes: bytes, width: width, cueWords: cueWords)
        }
        if score == 0 {
            // Nothing of the question in the text (it matched on the heading): lead with the opening sentences.
            window = openingSentences(sentences, width: width)
        }
        var cutStart = false, cutEnd = false
        if width.of(window) > maxCharacters {
            let inner =
                clusterSpan.map {
                    clusterCut(
                        $0, in: window, matches: matches, weights: weights, bytes: bytes, width: width,
                        cueWords: cueWords, cueBonus: cueBonus)
                }
                ?? densestSpan(matches, in: window, weights: weights, bytes: bytes, width: width, cueWords: cueWords, cueBonus: cueBonus)
            cutStart = inner.lowerBound > window.lowerBound
            cutEnd = inner.upperBound < window.upperBound
            window = inner
        }
        return render(bytes, window, matches: matches, cutStart: cutStart, cutEnd: cutEnd)
    }

    /// The first sentence, then as many of the following ones as fit in `maxCharacters` with it.
    func openingSentences(_ sentences: [Range<Int>], width: DisplayWidth) -> Range<Int> {
        var window = sentences[0]
        for s in sentences.dropFirst() where width.of(window.lowerBound..<s.upperBound) <= maxCharacters {
            window = window.lowerBound..<s.upperBound
        }
        return window
    }

    /// `window` grown by whole neighbouring sentences, the next one first,
    /// while it stays within `maxCharacters` and `maxSentences` prose sentences.
    func extended(
        _ window: Range<Int>, sentences: [Range<Int>], bytes: [UInt8], width: DisplayWidth,
        cueWords: [Range<Int>] = []
    ) -> Range<Int> {
        guard var first = sentences.firstIndex(where: { $0.upperBound > window.lowerBound }),
            var last = sentences.lastIndex(where: { $0.lowerBound < window.upperBound })
        else { return window }
        func prose(_ a: Int, _ b: Int) -> Int { (a...b).filter { !startsWithBullet(bytes, sentences[$0]) }.count }
        func fits(_ a: Int, _ b: Int) -> Bool {
            width.of(sentences[a].lowerBound..<sentences[b].upperBound) <= maxCharacters && prose(a, b) <= maxSentences
        }
        func hasCue(_ k: Int) -> Bool { cueWords.contains { sentences[k].contains($0.lowerBound) } }
        while true {
            let canNext = last + 1 < sentences.count && fits(first, last + 1)
            let canPrevious = first > 0 && fits(first - 1, last)
            // The side holding a word of the kind the question asks for goes first.
            if canPrevious && (!canNext || (hasCue(first - 1) && !hasCue(last + 1))) {
                first -= 1
            } else if canNext {
                last += 1
            } else {
                break
            }
        }
        return sentences[first].lowerBound..<sentences[last].upperBound
    }

    /// The span from a match to the last match within `clusterCharacters` of it
    /// that covers the most query weight, plus `cueBonus` when a cue word stands
    /// within `reach` bytes of it (the earliest on a tie).
    func densestCluster(
        _ matches: [Match], weights: [Float], cueWords: [Range<Int>] = [], cueBonus: Float = 0,
        reach: Int = 0
    ) -> Range<Int>? {
        var best: (range: Range<Int>, score: Float)?
        for (i, m) in matches.enumerated() {
            var seen = Set<Int>()
            var score: Float = 0
            var end = m.end
            var j = i
            while j < matches.count && matches[j].end - m.start <= clusterCharacters {
                score += seen.insert(matches[j].term).inserted ? weights[matches[j].term] : weights[matches[j].term] * repeatBonus
                end = matches[j].end
                j += 1
            }
            // A word of the asked-for kind within reach of the cluster counts too.
            if cueBonus > 0, cueWords.contains(where: { $0.upperBound > m.start - reach && $0.lowerBound < end + reach }) {
                score += cueBonus
            }
            if best == nil || score > best!.score { best = (m.start..<end, score) }
        }
        return best?.range
    }

    /// The question weight of the matches (in text order) that start in `range`:
    /// each distinct term's weight once, `repeatBonus` of it for each repeat.
    func coverage(_ matches: [Match], in range: Range<Int>, weights: [Float]) -> Float {
        var seen = Set<Int>()
        var score: Float = 0
        var k = 0
        while k < matches.count && matches[k].start < range.upperBound {
            let m = matches[k]
            if m.start >= range.lowerBound {
                score += seen.insert(m.term).inserted ? weights[m.term] : weights[m.term] * repeatBonus
            }
            k += 1
        }
        return score
    }

    /// A `maxCharacters`-character cut of `window` holding the whole cluster, with
    /// the rest of the budget split before and after it: `leadingContext` (0.4)
    /// of it before by default, more on the side where a word of the asked-for kind stands.
    func clusterCut(
        _ cluster: Range<Int>, in window: Range<Int>, matches: [Match], weights: [Float], bytes: [UInt8],
        width: DisplayWidth, cueWords: [Range<Int>], cueBonus: Float
    ) -> Range<Int> {
        let extra = max(0, maxCharacters - width.of(cluster))
        var best: (range: Range<Int>, score: Float)?
        for share in [leadingContext, 0.5, 0, 0.75, 1] as [Float] {
            let latest = width.start(before: window.upperBound, budget: maxCharacters, floor: window.lowerBound)
            let before = width.start(before: cluster.lowerBound, budget: Int(Float(extra) * share), floor: window.lowerBound)
            let start = min(latest, before)
            let span = start..<width.end(from: start, budget: maxCharacters, limit: window.upperBound)
            var score = coverage(matches, in: span, weights: weights)
            if cueWords.contains(where: { span.contains($0.lowerBound) && $0.upperBound <= span.upperBound }) { score += cueBonus }
            if best == nil || score > best!.score { best = (span, score) }
        }
        return snap(best!.range, in: window, bytes: bytes)
    }

    /// The `maxCharacters`-character span of `window` covering the most query weight,
    /// starting `leadingContext` of the budget before a match, at word boundaries.
    func densestSpan(
        _ matches: [Match], in window: Range<Int>, weights: [Float], bytes: [UInt8], width: DisplayWidth,
        cueWords: [Range<Int>] = [], cueBonus: Float = 0
    ) -> Range<Int> {
        let inside = matches.filter { $0.start >= window.lowerBound && $0.end <= window.upperBound }
        var start = window.lowerBound
        if !inside.isEmpty {
            var bestScore: Float = -1
            for anchor in inside {
                // Leave some context before the first match.
                let s = width.start(before: anchor.start, budget: Int(Float(maxCharacters) * leadingContext), floor: window.lowerBound)
                let span = s..<width.end(from: s, budget: maxCharacters, limit: window.upperBound)
                var score = coverage(inside, in: span, weights: weights)
                if cueWords.contains(where: { span.contains($0.lowerBound) && $0.upperBound <= span.upperBound }) { score += cueBonus }
                if score > bestScore { bestScore = score; start = s }
            }
        }
        return snap(start..<width.end(from: start, budget: maxCharacters, limit: window.upperBound), in: window, bytes: bytes)
    }

    /// `span` shrunk to word boundaries (unless at the window's edges) and whole UTF-8 sequences.
    func snap(_ span: Range<Int>, in window: Range<Int>, bytes: [UInt8]) -> Range<Int> {
        var start = span.lowerBound, end = span.upperBound
        // Snap to word boundaries: start after a space, end before one.
        if start > window.lowerBound {
            while start < end && !ASCIIWhitespace.contains(bytes[start - 1]) { start += 1 }
        }
        if end < window.upperBound {
            var e = end
            while e > start && !ASCIIWhitespace.contains(bytes[e]) { e -= 1 }
            if e > start { end = e }
        }
        // Never split a UTF-8 sequence.
        while start < end && bytes[start] & 0xC0 == 0x80 { start += 1 }
        while end < window.upperBound && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return start..<end
    }

    /// Builds the excerpt text with collapsed whitespace and scalar-offset highlights.
    func render(_ bytes: [UInt8], _ window: Range<Int>, matches: [Match], cutStart: Bool, cutEnd: Bool) -> Excerpt {
        var out = String.UnicodeScalarView()
        var outCount = 0
        if cutStart { out.append("…"); outCount += 1 }
        let inside = matches.filter { $0.start >= window.lowerBound && $0.end <= window.upperBound }
        var boundaryOut: [Int: Int] = [:]
        var wanted = Set<Int>()
        for m in inside { wanted.insert(m.start); wanted.insert(m.end) }

        let slice = Array(bytes[window])
        var offset = window.lowerBound
        var pendingSpace = false
        for scalar in String(decoding: slice, as: UTF8.self).unicodeScalars {
            let width = scalar.utf8.count
            if scalar.properties.isWhitespace {
                pendingSpace = outCount > (cutStart ? 1 : 0)
            } else {
                if pendingSpace { out.append(" "); outCount += 1; pendingSpace = false }
                if wanted.contains(offset) { boundaryOut[offset] = outCount }
                out.append(scalar)
                outCount += 1
            }
            offset += width
            if wanted.contains(offset) && boundaryOut[offset] == nil && !scalar.properties.isWhitespace {
                boundaryOut[offset] = outCount
            }
        }
        if cutEnd { out.append("…") }
        var highlights: [Range<Int>] = []
        for m in inside {
            guard let s = boundaryOut[m.start], let e = boundaryOut[m.end], s < e else { continue }
            if let last = highlights.last, last.upperBound > s { continue }
            highlights.append(s..<e)
        }
        return Excerpt(text: String(out), highlights: highlights)
    }

    /// True when the sentence is a list item.
    func startsWithBullet(_ bytes: [UInt8], _ sentence: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { ListMarker.startsLine($0, sentence) }
    }

}
