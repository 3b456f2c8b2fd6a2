import FootnoteAnalysis
import FootnoteCorpus
import FootnoteIndex
import FootnoteSearch

/// Turns a question into an `Answer` over one corpus: search, abstain when the
/// evidence is too weak, cut excerpts, cite.
///
/// Not thread-safe (its searcher and analyzer are reused); make one per thread.
public final class AnswerEngine {
    public struct Options: Sendable {
        public var scoring: ScoringChoice
        public var k1: Float
        public var b: Float
        /// Below this `Searcher.Result.confidence` the bot says nothing answers.
        public var minConfidence: Float
        public var excerpt: ExcerptBuilder
        /// Term-pair proximity bonus (nil: none).
        public var proximity: ProximityBonus?
        /// β of the `LeadPrior` on the passages of files (0: none).
        public var leadPrior: Float = LeadPrior.defaultStrength
        /// Read `QuerySyntax`'s operators in questions.
        public var querySyntax = true
        /// Correct words the corpus never uses (`SpellingCorrector`).
        public var correctSpelling = true
        /// Re-ranks the best candidates by how much of the question their own heading holds.
        public var headingMatch = HeadingMatch()
        /// A longer question is cut to this many bytes (at a character
        /// boundary) before it is read, and the answer says so: a pasted
        /// page is not a question, and every word costs a posting list.
        public var maxQuestionBytes = 4096

        public init(
            scoring: ScoringChoice = .bm25, k1: Float = BM25.defaultK1, b: Float = BM25.defaultB,
            minConfidence: Float = 0.40, excerpt: ExcerptBuilder = ExcerptBuilder(),
            proximity: ProximityBonus? = ProximityBonus()
        ) {
            self.scoring = scoring
            self.k1 = k1
            self.b = b
            self.minConfidence = minConfidence
            self.excerpt = excerpt
            self.proximity = proximity
        }
    }

    public let corpus: Corpus
    public let index: InvertedIndex
    public let options: Options
    public let searcher: Searcher

    public init(corpus: Corpus, index: InvertedIndex, options: Options = Options()) {
        self.corpus = corpus
        self.index = index
        self.options = options
        searcher = Searcher(
            index: index, model: options.scoring.model(for: index, k1: options.k1, b: options.b),
            proximity: options.proximity,
            leadPrior: LeadPrior(
                passages: corpus.passages, documentCount: corpus.documents.count,
                strength: options.leadPrior,
                historyFiles: corpus.documents.map { LeadPrior.isHistoryFile($0.citedPath) }))
    }

    /// Reads nothing: builds the index of an already loaded corpus with `builder`
    /// (how titles and headings weigh is the index's, not a question's, setting).
    public convenience init(corpus: Corpus, builder: IndexBuilder = IndexBuilder(), options: Options = Options()) {
        self.init(corpus: corpus, index: builder.build(corpus.passages), options: options)
    }

    /// The corrector over this index's vocabulary, made at the first word it is needed for.
    public private(set) lazy var corrector = SpellingCorrector(index: index)

    /// The answer to `question` asked on its own, read with `QuerySyntax` and
    /// its unknown words corrected (unless `options` turn these off). A
    /// turn of courtesy alone ("thanks", "ok, great") asks nothing. What a
    /// conversation adds to a question is `Conversation`'s.
    public func answer(_ asked: String, top k: Int) -> Answer {
        let question = Self.cut(asked, toBytes: options.maxQuestionBytes)
        let query = read(question)
        if query.isEmpty && query.constraints.isEmpty && AskingWords.isCourtesyOnly(question) {
            return Answer(question: question, items: [], notice: .nothingAsked, terms: [], query: query)
        }
        var answer = answer(rank(query, question: question, top: k), question: question, top: k)
        if question.utf8.count < asked.utf8.count { answer.askedBytes = asked.utf8.count }
        return answer
    }

    /// A query ranked as the chat ranks it, before excerpts are cut.
    public struct Ranking: Sendable {
        public var result: Searcher.Result
        /// Passages that define what a definition question asks about (excerpted from their opening).
        public var defining: Set<Int32> = []
    }

    /// `query` (read from `question`) ranked as the chat ranks it: searched
    /// deep enough to show `k` distinct passages (deeper for a definition
    /// question and the heading re-rank), re-ranked by `weighingHeadings`,
    /// then by `prior` when given (each hit's score times `prior(passage)`,
    /// a stable sort), and a definition question's defining entries first.
    /// - Parameter depth: rank at least this many passages (a prior needs candidates to reorder).
    public func rank(_ query: Query, question: String, top k: Int, depth: Int = 0, prior: ((Int32) -> Float)? = nil) -> Ranking {
        let definition = DefinitionCue(question: question)
        let searched = max(Self.depth(forShowing: k), definition == nil ? 0 : Self.definitionDepth, headingDepth, depth)
        var result = weighingHeadings(searcher.search(query, top: searched))
        if let prior { result.hits = Searcher.reweighed(result.hits, by: prior) }
        var ranking = Ranking(result: result)
        if let definition { (ranking.result.hits, ranking.defining) = definitionsFirst(result.hits, cue: definition) }
        return ranking
    }

    /// The answer for a ranking of `question`: abstain below
    /// `options.minConfidence`, or cut excerpts and cite the best `k`
    /// distinct passages; with the ranking's evidence and the query's
    /// corrections and unknown words.
    public func answer(_ ranking: Ranking, question: String, top k: Int) -> Answer {
        var answer = answer(ranking.result, question: question, top: k, defining: ranking.defining)
        answer.evidence = ranking.result.evidence
        answer.corrections = ranking.result.query.corrections
        answer.unknownWords = ranking.result.query.unknownWords + answer.unknownWords
        return answer
    }

    /// `result` as the chat ranks it: its hits re-ranked by `HeadingMatch`
    /// (the innermost heading's), and the evidence's `headingMatch` the best
    /// of the best hit's headings (its whole section path).
    public func weighingHeadings(_ result: Searcher.Result) -> Searcher.Result {
        var result = result
        let termWeights = Self.termWeights(result.query, result.weights), sections = corpus.passages
        result.hits = options.headingMatch.reranked(
            result.hits, termWeights: termWeights,
            analyzer: searcher.analyzer
        ) { sections.section(Int($0)).last }
        if let best = result.hits.first {
            result.evidence?.headingMatch =
                sections.section(Int(best.passage))
                .map { HeadingMatch.bestMatch(of: $0, termWeights: termWeights, analyzer: searcher.analyzer) }.max() ?? 0
        }
        return result
    }

    /// How many passages the chat ranks before `weighingHeadings` re-ranks them.
    public var headingDepth: Int { options.headingMatch.strength > 0 ? options.headingMatch.candidates : 1 }

    /// `question` alone (no earlier question, no definition cue) ranked as
    /// the chat ranks it: read by `read`, searched `headingDepth` deep, and
    /// re-ranked by `weighingHeadings`; its confidence is the chat's.
    public func ranking(of question: String) -> Searcher.Result {
        weighingHeadings(searcher.search(read(question), top: headingDepth))
    }

    /// `question` read as `answer` reads it: with `QuerySyntax` and its
    /// unknown words corrected (unless `options` turn these off).
    public func read(_ question: String) -> Query {
        let query = Query(question, analyzer: searcher.analyzer, index: index, syntax: options.querySyntax)
        guard options.correctSpelling && query.terms.contains(where: { $0.id == nil }) else { return query }
        // Read again with the corrector only when a word is unknown: making it loads the English word list.
        return Query(question, analyzer: searcher.analyzer, index: index, syntax: options.querySyntax, corrector: corrector)
    }

    /// The passages a definition question ("what is the GIL") is answered
    /// from: `hits` with the entries that define the cue's subject (a term
    /// passage whose term names it) first, each group in its order; and the
    /// defining passages (excerpted from their opening).
    func definitionsFirst(_ hits: [Searcher.Hit], cue: DefinitionCue) -> (hits: [Searcher.Hit], defining: Set<Int32>) {
        let passages = corpus.passages, analyzer = searcher.analyzer
        let defining = Set(
            hits.lazy.map(\.passage).filter { p in
                guard passages.isTerm(Int(p)), let term = passages.section(Int(p)).last else { return false }
                return cue.isNamed(by: term, analyzer: analyzer)
            })
        guard !defining.isEmpty else { return (hits, []) }
        return (hits.filter { defining.contains($0.passage) } + hits.filter { !defining.contains($0.passage) }, defining)
    }

    /// How deep a definition question looks for the entry that defines its subject.
    static let definitionDepth = 50

    /// How many passages are ranked to show `k` distinct ones: passages with
    /// the text of one ranked above them are folded into it (`Item.alsoIn`).
    static func depth(forShowing k: Int) -> Int { k + min(k, 10) }

    /// `text` lowercased with its whitespace collapsed: two passages with the same key say the same thing.
    static func sameTextKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text`'s longest prefix of at most `limit` bytes that ends between characters.
    static func cut(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let bytes = Array(text.utf8)
        var end = limit
        while end > 0 && UTF8.isContinuation(bytes[end]) { end -= 1 }
        // Back to the last space, unless the words there are too long to wait for one.
        var space = end
        while space > 0 && space > end - wordBoundarySearchBytes && !ASCIIWhitespace.contains(bytes[space]) { space -= 1 }
        if space > 0 && ASCIIWhitespace.contains(bytes[space]) {
            while space > 0 && ASCIIWhitespace.contains(bytes[space - 1]) { space -= 1 }
            if space > 0 { end = space }
        }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// How far back `cut` looks for a space to cut a long question at.
    static let wordBoundarySearchBytes = 256

    /// The question's words longer than the analyzer indexes (`maxTokenBytes`;
    /// a run of one letter, a hash): no passage can hold them. Each is
    /// shortened to its first 20 characters and "…".
    func overlongWords(in question: String) -> [String] {
        let limit = searcher.analyzer.settings.maxTokenBytes
        return question.split { !($0.isLetter || $0.isNumber) }
            .filter { $0.utf8.count > limit }
            .map { $0.prefix(20) + "…" }
    }

    /// The answer for a search's result: abstain, or cut excerpts and cite.
    /// - Parameter defining: passages that define what the question asks about, excerpted from their opening.
    private func answer(_ result: Searcher.Result, question: String, top k: Int, defining: Set<Int32> = []) -> Answer {
        let terms = result.query.terms.map(\.text)
        if result.query.isEmpty {
            let hasWords = question.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            let overlong = overlongWords(in: question)
            if !overlong.isEmpty {
                // Words too long to be indexed are not in the corpus: not "only very common words".
                var answer = Answer(question: question, items: [], notice: .noAnswer, terms: terms, query: result.query)
                answer.unknownWords = overlong
                return answer
            }
            return Answer(
                question: question, items: [], notice: hasWords ? .onlyStopWords : .emptyQuestion, terms: terms,
                query: result.query)
        }
        if result.hits.isEmpty && result.query.constraints.contains(where: { $0.terms.contains { $0 != nil } }) {
            return Answer(question: question, items: [], notice: .noPassageMeetsConstraints, terms: terms, query: result.query)
        }
        guard !result.hits.isEmpty, result.confidence >= options.minConfidence else {
            return Answer(
                question: question, items: [], notice: .noAnswer, terms: terms, confidence: result.confidence,
                query: result.query)
        }
        let termWeights = Self.termWeights(result.query, result.weights)
        let cue = AnswerCue(question: question)
        var items: [Answer.Item] = []
        var itemOfText: [String: Int] = [:]
        // As deep as showing k distinct passages needs (a definition question ranks deeper to find
        // its entry, not to show more): each text read may mean parsing its page again.
        for hit in result.hits.prefix(Self.depth(forShowing: k)) {
            let p = Int(hit.passage)
            switch corpus.passageText(p) {
            case .success(let text):
                // The same text again (a page and its source, twin pages): cited once, the others listed with it.
                let key = Self.sameTextKey(text)
                if let first = itemOfText[key] {
                    items[first].alsoIn.append(citation(forPassage: p))
                    continue
                }
                guard items.count < k else { continue }
                itemOfText[key] = items.count
                items.append(
                    Answer.Item(
                        rank: items.count + 1, passage: p, score: hit.score, citation: citation(forPassage: p),
                        excerpt: options.excerpt.excerpt(
                            of: text, termWeights: termWeights,
                            analyzer: searcher.analyzer, cue: cue,
                            opening: defining.contains(hit.passage))))
            case .failure(let failure):
                // Never an excerpt of a file that is no longer what was indexed.
                return Answer(
                    question: question, items: [], notice: .sourceUnavailable(failure), terms: terms,
                    confidence: result.confidence, query: result.query)
            }
        }
        return Answer(question: question, items: items, notice: nil, terms: terms, confidence: result.confidence, query: result.query)
    }

    /// Why `passage` ranked where it did in `answer` (`Searcher.explain`
    /// over the query it was found with, times its heading match and any
    /// page prior of the conversation it was asked in).
    public func explain(_ answer: Answer, passage: Int) -> Explanation? {
        (answer.fromContext.contains(passage) ? answer.contextQuery : answer.query).map { query in
            var explanation = searcher.explain(query, passage: Int32(passage))
            explanation.headingMatch = options.headingMatch.factor(
                heading: corpus.passages.section(passage).last,
                termWeights: Self.termWeights(query, searcher.weights(for: query)),
                analyzer: searcher.analyzer)
            explanation.score *= explanation.headingMatch
            // A conversation's page prior (`Conversation`), applied after the heading match as when it ranked.
            if let prior = answer.pagePrior[passage] { explanation.score *= prior }
            return explanation
        }
    }

    /// The excerpt the bot would show for `passage` in answer to `question`,
    /// or why its text could not be read.
    public func excerpt(question: String, passage: Int) -> Result<Excerpt, PassageTextFailure> {
        let query = Query(question, analyzer: searcher.analyzer, index: index)
        return corpus.passageText(passage).map { text in
            options.excerpt.excerpt(
                of: text, termWeights: Self.termWeights(query, searcher.weights(for: query)),
                analyzer: searcher.analyzer, cue: AnswerCue(question: question))
        }
    }

    /// Query term → its query weight (the excerpt builder's notion of importance).
    static func termWeights(_ query: Query, _ queryWeights: [Float]) -> [String: Float] {
        var weights: [String: Float] = [:]
        for (term, weight) in zip(query.terms, queryWeights) where term.id != nil {
            weights[term.text] = weight
        }
        return weights
    }

    /// Passage `p`'s citation, from the passage columns (no text read).
    public func citation(forPassage p: Int) -> Citation {
        let passages = corpus.passages
        let document = corpus.documents[Int(passages.documents[p])]
        return Citation(
            file: document.citedPath, lines: passages.bounds(p).lines,
            section: Passage.sectionLabel(passages.section(p)), id: passages.id(p), anchor: passages.anchor(p),
            unit: DocumentParsers.parser(for: document.format).citation)
    }
}
