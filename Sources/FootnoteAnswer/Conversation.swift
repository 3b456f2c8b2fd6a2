import FootnoteAnalysis
import FootnoteSearch

/// A conversation with the bot: the user's turns so far, how each was read,
/// and the pages its answers cited. Each new turn is read before it is
/// searched (`Reading`) and asked with the context it needs, no more:
///
/// - a follow-up ("examples?", "what if I am divorced?", or a complete
///   question whose own ranking reaches a page the conversation cited) is
///   asked with the words of the user's earlier turns, weighted
///
///       w(term) = max(σ if the term is the subject's, ρ · γ^(t − 1 − j) over earlier turns j that used it)
///
///   (t: this turn, the subject: the first turn with words of its own),
///   scaled so that together they weigh at most λ times the question's own
///   words; and the passages of the pages the conversation cited rank with
///   their score × (1 + δ). Words the bot's answers brought in never carry:
///   only the user's own do. This is history-aware query expansion with
///   decaying turn weights, as in the TREC CAsT baselines (Dalton et al.
///   2020, "CAsT 2019: The Conversational Assistance Track Overview"), plus
///   a soft document prior;
/// - a question that stands on its own (it answers alone and its ranking
///   does not reach the conversation's pages) is answered as a piped
///   question is, its first passage the same; the context's passages take
///   every second place after it, so a user who goes on in other words
///   still sees them (one list for two readings, as in diversification
///   over query interpretations, Santos et al. 2010, "Exploiting query
///   reformulations for web search result diversification");
/// - a contrast ("and closed AI?" after "when does open source AI excel?")
///   replaces the words it contrasts with, not adds to them;
/// - a reply to the bot ("yes", "yes I am", "correct") asks nothing new: it
///   keeps the topic and is answered from the conversation's words alone.
///
/// A follow-up is declined only when neither the question alone nor with
/// its context finds a credible passage (`Answer.contextTried`).
///
/// Measured on doc2dial-dev and squad-chains-dev (BENCHMARKS.md
/// "Conversations"). Not thread-safe: one per conversation, over one engine.
public final class Conversation {
    public struct Options: Sendable {
        /// σ: the weight of the subject's words (the first turn with words of
        /// its own) against a word of the question's own (1).
        public var subjectWeight: Float = 0.5
        /// ρ: the weight of the previous turn's words.
        public var recentWeight: Float = 0.3
        /// γ: each turn further back weighs this much of the one after it.
        public var decay: Float = 0.5
        /// λ: the carried words together weigh at most this share of the
        /// question's own words (by query weight, idf · boost): the question leads.
        public var carriedShare: Float = 1
        /// δ: a passage of a page the conversation has cited ranks with its score × (1 + δ).
        public var pagePrior: Float = 0.4
        /// A question with at most this many known words is elliptical ("and
        /// the fees?").
        public var standAloneTerms = 3
        /// A question with at most this many known words always goes on with its context ("examples?").
        public var bareTerms = 1
        /// A question that alone answers is asked with its context only when
        /// its own ranking has a passage on a page the conversation cited
        /// scoring at least this share of its best (the conversation goes on);
        /// `ellipticalContinuity` for an elliptical question.
        public var continuity: Float = 0.7
        public var ellipticalContinuity: Float = 0.6
        /// A question read alone shows the context's passages in every n-th
        /// place after its first (0: never): its own reading leads, the
        /// conversation's is not lost.
        public var interleave = 2
        /// A contrast ranks the passages that hold a word it replaced with
        /// their score × this ("and closed AI?": not the passages on open source AI).
        public var contrastFactor: Float = 0.5
        /// How many passages a follow-up ranks for the page prior to reorder.
        public var priorDepth = 50

        public init() {}
    }

    /// How a turn was read.
    public enum Reading: String, Sendable, Equatable {
        /// A question that stands on its own: asked alone.
        case alone
        /// Elliptical or pointing back: asked with the earlier turns' words.
        case followUp = "follow-up"
        /// "and X?" after a question about Y: X replaces Y.
        case contrast
        /// An answer to the bot ("yes", "no, I'm not"): nothing new asked; the topic kept.
        case reply
    }

    /// A page of the corpus: a file and its outermost heading (a page's
    /// title, or a chapter of a one-file essay), and in a BEIR file (one
    /// passage per line) the first part of the passage's title ("page ›
    /// section").
    public struct Page: Hashable, Sendable {
        public var document: Int32
        public var title: String
    }

    /// One user turn as the conversation keeps it.
    public struct Turn: Sendable {
        public var question: String
        public var reading: Reading
        /// The question's own known terms, in the order it uses them (full weight).
        public var terms: [Query.Term]
        /// The page of the passage the answer cited first (nil: it cited none).
        public var page: Page?
    }

    public private(set) var engine: AnswerEngine
    public var options: Options
    public private(set) var turns: [Turn] = []
    /// How a question was searched: enough to rank it again (`more`), over
    /// a re-indexed corpus too (words are kept as text, looked up again).
    struct Search {
        var question: String
        var reading: Reading
        /// The earlier turns' words added to the question's own, and the
        /// pages whose passages score × (1 + δ): for a follow-up, what it was
        /// ranked by; for a question read alone, what the context's ranking
        /// interleaved after its first passage was ranked by.
        var carried: [CarriedWord] = []
        var prior: Set<Page> = []
        /// Words of the last question a contrast replaced: as shown, and as searched (stems).
        var replaced: [String] = []
        var avoiding: [String] = []
        /// A question read alone whose list interleaves the context's passages.
        var interleaves = false
    }

    /// How the last question was searched: what `more` continues.
    private var lastSearch: Search?

    public init(engine: AnswerEngine, options: Options = Options()) {
        self.engine = engine
        self.options = options
    }

    /// Forgets every turn: the next question is read on its own.
    public func reset() {
        turns = []
        lastSearch = nil
    }

    /// Goes on over `engine` (the corpus re-indexed): the turns' words are
    /// kept, looked up again when next carried; the pages cited are
    /// forgotten (their numbers belong to the old index).
    public func use(_ engine: AnswerEngine) {
        guard engine !== self.engine else { return }
        self.engine = engine
        for i in turns.indices { turns[i].page = nil }
        lastSearch?.prior = []
    }

    /// The answer to the next turn of the conversation, which is then kept.
    public func ask(_ asked: String, top k: Int) -> Answer {
        let question = AnswerEngine.cut(asked, toBytes: engine.options.maxQuestionBytes)
        let query = engine.read(question)
        let own = query.terms.filter { $0.id != nil }
        var answer: Answer
        if query.isEmpty && query.constraints.isEmpty && AskingWords.isCourtesyOnly(question) {
            // "thanks", "ok, great": nothing asked, and the topic kept.
            answer = Answer(question: question, items: [], notice: .nothingAsked, terms: [], query: query)
        } else {
            let reply = !turns.isEmpty && query.constraints.isEmpty && Self.isReply(query.terms)
            answer = reply ? askReply(question, query: query, top: k) : askQuestion(question, query: query, own: own, top: k)
            // A file changed since it was indexed: the caller re-indexes (`use`) and asks again.
            if case .sourceUnavailable = answer.notice { return answer }
            turns.append(
                Turn(
                    question: question, reading: answer.reading ?? .alone, terms: reply ? [] : own,
                    page: answer.items.first.map { page(of: $0.passage) }))
        }
        if question.utf8.count < asked.utf8.count { answer.askedBytes = asked.utf8.count }
        return answer
    }

    /// Whether a question was searched since the start or `reset` (`more` has one to continue).
    public var canContinue: Bool { lastSearch != nil }

    /// The last question ranked again, for `k` passages: the same words,
    /// carried words and page prior as its answer had (the caller leaves out
    /// the passages it showed). Nil before any question was searched.
    public func more(top k: Int) -> Answer? {
        guard let search = lastSearch else { return nil }
        var own = engine.read(search.question)
        if search.reading == .reply { own.terms = [] }
        let context = withCarried(own, search.carried)
        if search.interleaves {
            return finish(
                search, ranking: engine.rank(own, question: search.question, top: k, depth: options.priorDepth),
                interleaving: rank(search.question, query: context, prior: search.prior, top: k), query: own,
                contextQuery: context, top: k)
        }
        return finish(
            search, ranking: rank(search.question, query: context, prior: search.prior, top: k, avoiding: search.avoiding),
            query: context, top: k)
    }

    // MARK: - Reading a turn

    /// Words that only answer the bot: "yes", "right", "correct". With the
    /// asking words ("ok", "sure", "yeah") and stop words ("no", "not",
    /// "I", "am") already gone, a turn of these alone is a reply.
    static let replyWords: Set<String> = [
        "yes", "yep", "yup", "nope", "right", "correct", "fine", "exact", "inde", "absolut",
        "definit", "cours", "true", "certain",
    ]

    /// Whether a question whose terms (known to the corpus or not) are `terms` says nothing but yes or no.
    static func isReply(_ terms: [Query.Term]) -> Bool {
        !terms.isEmpty && terms.allSatisfy { replyWords.contains($0.text) }
    }

    /// Words that point back to something said before.
    static let pointingBack: Set<String> = [
        "it", "its", "they", "them", "their", "theirs", "he", "she", "him", "her", "his",
        "this", "these", "those", "there",
    ]

    /// Openings that mark a short question as a contrast with the last one.
    static let contrastOpenings: [[String]] = [["and"], ["but"], ["or"], ["what", "about"], ["how", "about"], ["what", "if"]]

    /// The lowercased words of `text` (letters and digits), in order.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).map(String.init)
    }

    // MARK: - Asking

    /// A question with words of its own: alone unless the conversation
    /// goes on. It is asked with its context when alone it finds nothing
    /// credible, or when its own ranking reaches a page the conversation
    /// cited (`continuity`); otherwise it is answered as if asked alone, the
    /// context's passages interleaved after its first (`interleave`).
    private func askQuestion(_ question: String, query: Query, own: [Query.Term], top k: Int) -> Answer {
        let earlier = turns.filter { !$0.terms.isEmpty }
        let aloneRanking = engine.rank(query, question: question, top: k, depth: earlier.isEmpty ? 0 : options.priorDepth)
        guard !earlier.isEmpty, query.constraints.isEmpty else {
            return finish(Search(question: question, reading: .alone), ranking: aloneRanking, query: query, top: k)
        }
        let words = Self.words(question)
        let elliptical = own.count <= options.standAloneTerms || words.contains { Self.pointingBack.contains($0) }
        // One word of its own ("examples?", "fees?") says nothing about where the conversation is: it goes on.
        let bare = own.count <= options.bareTerms
        let replaced = contrasted(question, own: own, words: words)
        var carried = carriedWords(except: own, replacing: replaced)
        // The question's own words lead: the carried ones weigh at most `carriedShare` of them together.
        // Each side weighed on its own (TF-IDF normalizes a query's weights over its terms).
        var carriedOnly = query
        carriedOnly.terms = carried.map(\.term)
        let ownMass = engine.searcher.weights(for: query).reduce(0, +), carriedMass = engine.searcher.weights(for: carriedOnly).reduce(0, +)
        if ownMass > 0 && carriedMass > options.carriedShare * ownMass {
            let scale = options.carriedShare * ownMass / carriedMass
            for i in carried.indices { carried[i].term.boost *= scale }
        }
        let withContext = withCarried(query, carried)
        let prior = citedPages()
        let contextual = rank(question, query: withContext, prior: prior, top: k, avoiding: replaced)
        let minimum = engine.options.minConfidence
        let aloneAnswers = !aloneRanking.result.hits.isEmpty && aloneRanking.result.confidence >= minimum
        let contextAnswers = !contextual.result.hits.isEmpty && contextual.result.confidence >= minimum
        let useContext: Bool
        if !contextAnswers || carried.isEmpty && prior.isEmpty {
            useContext = !aloneAnswers
        } else if !aloneAnswers || bare {
            useContext = true
        } else {
            // Goes on when the question alone finds, on a page the conversation cited, a passage scoring
            // this share of its best: doc2dial's turns do so 73% of the time, squad-chains' unrelated ones 3.5%.
            let hits = aloneRanking.result.hits, best = hits[0].score
            let onPages = hits.first { prior.contains(page(of: Int($0.passage))) }?.score ?? 0
            useContext = onPages >= (elliptical ? options.ellipticalContinuity : options.continuity) * best
        }
        guard useContext else {
            // Alone leads; when the context also answers, its passages take every `interleave`-th place after the first.
            guard contextAnswers && options.interleave > 0 else {
                return finish(Search(question: question, reading: .alone), ranking: aloneRanking, query: query, top: k)
            }
            return finish(
                Search(question: question, reading: .alone, carried: carried, prior: prior, interleaves: true),
                ranking: aloneRanking, interleaving: contextual, query: query, contextQuery: withContext, top: k)
        }
        // Shown as the user wrote them.
        let replacedWords = replaced.map { r in earlier.last?.terms.first { $0.text == r }?.word ?? r }
        let search = Search(
            question: question, reading: replaced.isEmpty ? .followUp : .contrast, carried: carried, prior: prior,
            replaced: replacedWords, avoiding: replaced)
        var answer = finish(search, ranking: contextual, query: withContext, top: k)
        // Declined both alone and with the context.
        answer.contextTried = answer.items.isEmpty
        return answer
    }

    /// `lead`'s hits with `other`'s in every `n`-th place from the second
    /// (each passage once, at its first place); `lead`'s evidence and query.
    /// - Returns: the ranking, and the passages placed from `other`.
    static func interleaved(_ lead: AnswerEngine.Ranking, _ other: AnswerEngine.Ranking, every n: Int) -> (AnswerEngine.Ranking, Set<Int32>)
    {
        var out = lead, seen = Set<Int32>(), hits: [Searcher.Hit] = [], fromOther = Set<Int32>()
        let a = lead.result.hits, b = other.result.hits
        var ia = 0, ib = 0
        /// The next passage of `list` not shown yet, from `at` on.
        func next(_ list: [Searcher.Hit], _ at: inout Int) -> Searcher.Hit? {
            while at < list.count {
                defer { at += 1 }
                if !seen.contains(list[at].passage) { return list[at] }
            }
            return nil
        }
        while true {
            let place = hits.count + 1
            let takesOther = place >= 2 && (place - 2) % n == 0
            let before = ib
            guard let hit = takesOther ? next(b, &ib) ?? next(a, &ia) : next(a, &ia) ?? next(b, &ib) else { break }
            if ib != before && b[ib - 1].passage == hit.passage { fromOther.insert(hit.passage) }
            seen.insert(hit.passage)
            hits.append(hit)
        }
        out.result.hits = hits
        return (out, fromOther)
    }

    /// A reply to the bot: the conversation's words alone, on its pages.
    private func askReply(_ question: String, query: Query, top k: Int) -> Answer {
        var own = query
        own.terms = []
        let search = Search(question: question, reading: .reply, carried: carriedWords(except: [], replacing: []), prior: citedPages())
        let context = withCarried(own, search.carried)
        return finish(search, ranking: rank(question, query: context, prior: search.prior, top: k), query: context, top: k)
    }

    /// `query` with the `carried` words it lacks added, each looked up again
    /// (the index may have been rebuilt since they were asked).
    private func withCarried(_ query: Query, _ carried: [CarriedWord]) -> Query {
        var out = query
        for c in carried {
            guard let id = engine.index.termID(c.term.text), !out.terms.contains(where: { $0.id == id }) else { continue }
            var term = c.term
            term.id = id
            out.terms.append(term)
        }
        return out
    }

    /// `query` ranked with each passage's score × `priorFactor`.
    private func rank(_ question: String, query: Query, prior: Set<Page>, top k: Int, avoiding: [String] = []) -> AnswerEngine.Ranking {
        let avoided = avoiding.compactMap { engine.index.termID($0) }
        guard !(prior.isEmpty || options.pagePrior <= 0) || !avoided.isEmpty else {
            return engine.rank(query, question: question, top: k, depth: options.priorDepth)
        }
        return engine.rank(query, question: question, top: k, depth: options.priorDepth) { [self] p in
            priorFactor(p, pages: prior, avoiding: avoided)
        }
    }

    /// (1 + δ) for a passage on one of `pages`, times `contrastFactor` when
    /// it holds a term of `avoiding` (the words a contrast replaced); else 1.
    func priorFactor(_ p: Int32, pages: Set<Page>, avoiding: [Int32]) -> Float {
        let onPage: Float = options.pagePrior > 0 && pages.contains(page(of: Int(p))) ? 1 + options.pagePrior : 1
        guard !avoiding.isEmpty, engine.index.postings(of: avoiding, in: [p]).contains(where: { $0 >= 0 }) else { return onPage }
        return onPage * options.contrastFactor
    }

    /// The answer for `ranking` (of `query`, searched as `search` says),
    /// with `interleaving`'s passages in every `interleave`-th place after
    /// its first when given; how it was read recorded on it (the carried and
    /// replaced words, each item's page prior, and for interleaved items the
    /// query they were ranked by, so that `:why` explains them as ranked),
    /// and `search` kept for `more`.
    private func finish(
        _ search: Search, ranking: AnswerEngine.Ranking, interleaving other: AnswerEngine.Ranking? = nil,
        query: Query, contextQuery: Query? = nil, top k: Int
    ) -> Answer {
        var fromContext = Set<Int32>(), shown = ranking
        if let other { (shown, fromContext) = Self.interleaved(ranking, other, every: options.interleave) }
        var answer = engine.answer(shown, question: search.question, top: k)
        answer.reading = search.reading
        // A question read alone was searched with none of the carried words; only its interleaved items were.
        let carried = search.interleaves ? [] : search.carried
        answer.carried = carried
        answer.replacedWords = search.replaced
        // Looked up by text: `more` may run over a rebuilt index.
        let known = carried.compactMap { c in engine.index.termID(c.term.text).map { (id: $0, word: c.term.word) } }
        if !known.isEmpty && !answer.items.isEmpty {
            let postings = engine.index.postings(of: known.map(\.id), in: answer.items.map { Int32($0.passage) })
            answer.carriedWords = known.indices.filter { i in
                answer.items.indices.contains { postings[$0 * known.count + i] >= 0 }
            }.map { known[$0].word }
        }
        if search.interleaves { answer.contextQuery = contextQuery }
        let avoided = search.avoiding.compactMap { engine.index.termID($0) }
        for item in answer.items {
            let interleaved = fromContext.contains(Int32(item.passage))
            if interleaved { answer.fromContext.insert(item.passage) }
            // The alone ranking had no prior; the context's did.
            guard !search.interleaves || interleaved else { continue }
            let factor = priorFactor(Int32(item.passage), pages: search.prior, avoiding: avoided)
            if factor != 1 { answer.pagePrior[item.passage] = factor }
        }
        lastSearch = search
        return answer
    }

    // MARK: - Context

    /// A word of an earlier turn searched with a later one, at `weight` of a question word's.
    public struct CarriedWord: Sendable, Equatable {
        public var term: Query.Term
        public var weight: Float { term.boost }
    }

    /// The earlier turns' words not in `own` and not `replacing`, each at its
    /// largest weight (the subject's σ, or ρ · γ^distance), heaviest first.
    func carriedWords(except own: [Query.Term], replacing: [String]) -> [CarriedWord] {
        var weight: [String: (Float, Query.Term)] = [:]
        var order: [String] = []
        let ownTexts = Set(own.map(\.text)), replaced = Set(replacing)
        func add(_ term: Query.Term, _ w: Float) {
            guard w > 0, !ownTexts.contains(term.text), !replaced.contains(term.word), !replaced.contains(term.text),
                engine.index.termID(term.text) != nil
            else { return }
            if let seen = weight[term.text] {
                if w > seen.0 { weight[term.text] = (w, seen.1) }
            } else {
                weight[term.text] = (w, term)
                order.append(term.text)
            }
        }
        let substantive = turns.filter { !$0.terms.isEmpty }
        if let subject = substantive.first { for t in subject.terms { add(t, options.subjectWeight) } }
        var w = options.recentWeight
        for turn in substantive.reversed() {
            for t in turn.terms { add(t, w) }
            w *= options.decay
        }
        return order.map { text -> CarriedWord in
            var term = weight[text]!.1
            // Looked up again: the index may have been rebuilt since the turn was asked.
            term.id = engine.index.termID(text)
            term.boost = weight[text]!.0
            term.frequency = 1
            return CarriedWord(term: term)
        }.sorted { $0.weight > $1.weight }
    }

    /// The words of the last question that this one contrasts with: for a
    /// short question opening like "and …?" or "what about …?" that shares a
    /// word with the last question and brings new ones just before it (as
    /// "closed" before "AI" in "and closed AI?"), the last question's words
    /// just before the shared one that this question lacks ("open source"
    /// in "when does open source AI excel?"). Empty when it is no contrast.
    func contrasted(_ question: String, own: [Query.Term], words: [String]) -> [String] {
        guard own.count <= options.standAloneTerms,
            Self.contrastOpenings.contains(where: { words.starts(with: $0) }) || words.contains("instead"),
            let last = turns.last(where: { !$0.terms.isEmpty })
        else { return [] }
        let now = positionedTerms(question), before = positionedTerms(last.question)
        let lastTexts = Set(before.map(\.text)), nowTexts = Set(now.map(\.text))
        var replaced: [String] = []
        for (i, shared) in now.enumerated() where lastTexts.contains(shared.text) {
            // New words directly before the shared one in this question…
            var j = i - 1, newBefore = 0
            while j >= 0 && now[j].position == now[j + 1].position - 1 && !lastTexts.contains(now[j].text) { newBefore += 1; j -= 1 }
            guard newBefore > 0, let k = before.firstIndex(where: { $0.text == shared.text }) else { continue }
            // …replace the words directly before it in the last one.
            var m = k - 1
            while m >= 0 && before[m].position == before[m + 1].position - 1 && !nowTexts.contains(before[m].text) {
                replaced.append(before[m].text)
                m -= 1
            }
        }
        return replaced.reversed()
    }

    /// `text`'s analyzed terms with their token positions (stop words counted, so adjacency is true).
    private func positionedTerms(_ text: String) -> [(text: String, position: Int)] {
        var out: [(String, Int)] = []
        engine.searcher.analyzer.analyze(text) { out.append(($0.termString, $0.position)) }
        return out.map { (text: $0.0, position: $0.1) }
    }

    /// The pages the conversation's answers cited first.
    func citedPages() -> Set<Page> { Set(turns.compactMap(\.page)) }

    /// Passage `p`'s page: its file and outermost heading; in a BEIR file, its title's first part.
    public func page(of p: Int) -> Page {
        let passages = engine.corpus.passages
        let document = passages.documents[p]
        guard let title = passages.section(p).first else { return Page(document: document, title: "") }
        guard passages.hasID(p) else { return Page(document: document, title: title) }
        return Page(document: document, title: title.range(of: " › ").map { String(title[..<$0.lowerBound]) } ?? title)
    }
}
