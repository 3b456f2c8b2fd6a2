import FootnoteAnswer

/// Dialogues replayed through a `Conversation`, as the chat would answer
/// them, and scored turn by turn; each turn also asked alone, as a piped
/// question is, for comparison.
///
/// A turn's rank is that of the first of its top `top` cited passages that
/// answers it (nil: none, or the bot declined): by passage id on a BEIR
/// corpus (`Gold.passageIDs`), or by a cited file and line range that
/// overlaps a gold one on a folder of documents (`Gold.fileLines`), as
/// `../shared/bench/check_conversation.py` and `check_docs_conversation.py`
/// score the REPL. Success@k and MRR@k are over the scored turns.
public struct ConversationStudy {
    /// What a turn's gold answer is matched against.
    public enum Gold: Sendable {
        /// `relevant` passage ids (a BEIR corpus).
        case passageIDs
        /// `gold_lines` (a folder of documents).
        case fileLines
    }

    /// One scored turn.
    public struct TurnResult: Sendable {
        public var dialogue: String
        public var turn: String
        public var text: String
        /// The words carried from earlier turns, with their weights.
        public var carried: [(word: String, weight: Float)]
        /// The turn's place among its dialogue's user turns (0: the first).
        public var position: Int
        /// 1-based rank of the first answering passage in the conversation, nil: none.
        public var rank: Int?
        /// The same for the turn asked alone.
        public var aloneRank: Int?
        public var reading: Conversation.Reading?
        public var declined: Bool
        public var aloneDeclined: Bool
        /// The conversation searched it with earlier turns' words.
        public var usedContext: Bool
        /// It replaced words of the last question (a contrast).
        public var replaced: Bool
    }

    /// Which turns a figure is over.
    public enum Part: String, CaseIterable, Sendable {
        case all, first, later
    }

    /// Success@1, Success@5, MRR@10 and declined turns over some turns.
    public struct Figures: Sendable, Equatable {
        public var turns = 0
        public var success1 = 0.0
        public var success5 = 0.0
        public var mrr10 = 0.0
        public var declined = 0
    }

    public let results: [TurnResult]
    /// Turns typed (scored or not).
    public let typed: Int

    /// - Parameters:
    ///   - top: passages cited per turn (10, as the reference scripts ask).
    public init(engine: AnswerEngine, dialogues: [Dialogue], gold: Gold, top: Int = 10, options: Conversation.Options = .init()) {
        let conversation = Conversation(engine: engine, options: options)
        var results: [TurnResult] = []
        var typed = 0
        for dialogue in dialogues {
            conversation.reset()
            for (position, turn) in dialogue.turns.enumerated() {
                typed += 1
                let answer = conversation.ask(turn.text, top: top)
                guard Self.isScored(turn, gold: gold) else { continue }
                let alone = engine.answer(turn.text, top: top)
                results.append(
                    TurnResult(
                        dialogue: dialogue.id, turn: turn.id, text: turn.text,
                        carried: answer.carried.map { ($0.term.word.isEmpty ? $0.term.text : $0.term.word, $0.weight) },
                        position: position,
                        rank: Self.rank(of: turn, in: answer, gold: gold),
                        aloneRank: Self.rank(of: turn, in: alone, gold: gold),
                        reading: answer.reading, declined: answer.items.isEmpty, aloneDeclined: alone.items.isEmpty,
                        usedContext: !answer.carried.isEmpty, replaced: !answer.replacedWords.isEmpty))
            }
        }
        self.results = results
        self.typed = typed
    }

    static func isScored(_ turn: Dialogue.Turn, gold: Gold) -> Bool {
        switch gold {
        case .passageIDs: return !turn.relevant.isEmpty
        case .fileLines: return !turn.goldLines.isEmpty
        }
    }

    /// 1-based rank of the first item of `answer` that answers `turn`.
    static func rank(of turn: Dialogue.Turn, in answer: Answer, gold: Gold) -> Int? {
        let relevant = Set(turn.relevant)
        for (i, item) in answer.items.enumerated() {
            let c = item.citation
            switch gold {
            case .passageIDs:
                if let id = c.id, relevant.contains(id) { return i + 1 }
            case .fileLines:
                if turn.goldLines.contains(where: { $0.file == c.file && $0.lines.overlaps(c.lines) }) { return i + 1 }
            }
        }
        return nil
    }

    /// The figures over `part`'s turns, in the conversation or (`alone`) each turn alone.
    public func figures(_ part: Part, alone: Bool = false) -> Figures {
        let rows = results.filter { part == .all || (part == .first) == ($0.position == 0) }
        var f = Figures()
        f.turns = rows.count
        guard !rows.isEmpty else { return f }
        for row in rows {
            let rank = alone ? row.aloneRank : row.rank
            if let rank {
                if rank == 1 { f.success1 += 1 }
                if rank <= 5 { f.success5 += 1 }
                if rank <= 10 { f.mrr10 += 1 / Double(rank) }
            }
            if alone ? row.aloneDeclined : row.declined { f.declined += 1 }
        }
        let n = Double(rows.count)
        f.success1 /= n
        f.success5 /= n
        f.mrr10 /= n
        return f
    }

    /// How many scored turns were read each way.
    public func readings() -> [(Conversation.Reading, Int)] {
        [Conversation.Reading.alone, .followUp, .contrast, .reply].map { r in (r, results.filter { $0.reading == r }.count) }
    }

    /// The figures `eval --conversations` prints on its METRICS line, in
    /// order: per part, as asked and alone, S@1, S@5, MRR@10 and declined
    /// turns (`all_success1`, …, `alone_later_declined`), then `turns` and
    /// the readings (`read_alone`, …).
    public var metrics: [(String, Double)] {
        var metrics: [(String, Double)] = []
        for part in Part.allCases {
            for (alone, prefix) in [(false, ""), (true, "alone_")] {
                let f = figures(part, alone: alone)
                metrics += [
                    ("\(prefix)\(part.rawValue)_success1", f.success1), ("\(prefix)\(part.rawValue)_success5", f.success5),
                    ("\(prefix)\(part.rawValue)_mrr10", f.mrr10), ("\(prefix)\(part.rawValue)_declined", Double(f.declined)),
                ]
            }
        }
        metrics.append(("turns", Double(figures(.all).turns)))
        return metrics + readings().map { ("read_\($0.0.rawValue)", Double($0.1)) }
    }
}
