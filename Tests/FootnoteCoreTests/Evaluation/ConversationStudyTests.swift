import Foundation
import Testing
@testable import FootnoteCorpus
@testable import FootnoteAnswer
@testable import FootnoteEvaluation

/// Dialogues read from `conversations.jsonl`, replayed and scored by passage
/// id and by file lines; the shared doc2dial and squad-chains sets when present.
@Suite struct ConversationStudyTests {
    static let corpus = """
        {"_id": "loan-0", "title": "Student loans › Repayment", "text": "You repay a federal student loan in monthly payments over ten years."}
        {"_id": "loan-1", "title": "Student loans › Forgiveness", "text": "Public service workers may have the remaining balance forgiven after 120 payments."}
        {"_id": "dmv-0", "title": "Driver licenses › Renewal", "text": "Renew a driver license online or by mail before it expires."}
        {"_id": "dmv-1", "title": "Driver licenses › Fees", "text": "The renewal fee depends on the class of the license."}
        """

    static let dialogues = """
        {"_id": "d1", "turns": [{"_id": "d1_1", "text": "How do I repay my student loan?", "relevant": ["loan-0"]}, {"_id": "d1_2", "text": "thanks", "relevant": []}, {"_id": "d1_3", "text": "and forgiveness?", "relevant": ["loan-1"]}]}

        {"_id": "d2", "turns": [{"_id": "d2_1", "text": "How can I renew my driver license?", "relevant": ["dmv-0"], "gold_lines": [{"file": "dmv.md", "lines": [3, 3]}]}, {"_id": "d2_2", "text": "what are the fees?", "relevant": ["dmv-1"]}]}
        """

    @Test func readsDialoguesAndTheirGold() throws {
        let folder = TemporaryFolder()
        let dialogues = try Dialogue.read(folder.write("conversations.jsonl", Self.dialogues))
        #expect(dialogues.map(\.id) == ["d1", "d2"])
        #expect(dialogues[0].turns.map(\.relevant) == [["loan-0"], [], ["loan-1"]])
        #expect(dialogues[1].turns[0].goldLines == [Dialogue.Turn.GoldLines(file: "dmv.md", lines: 3...3)])
        #expect(dialogues[1].turns[1].goldLines.isEmpty)
    }

    @Test func aBrokenLineIsNamed() {
        let folder = TemporaryFolder()
        let path = folder.write(
            "conversations.jsonl", "{\"_id\": \"d1\", \"turns\": []}\n{\"_id\": \"d2\", \"turns\": [{\"text\": \"no id\"}]}\n")
        #expect(
            throws: EvaluationInputError(
                path: path, line: 2, reason: "not a dialogue ({\"_id\", \"turns\": [{\"_id\", \"text\", \"relevant\"}]})")
        ) {
            try Dialogue.read(path)
        }
        #expect(throws: EvaluationInputError.self) { try Dialogue.read(folder.path + "/missing.jsonl") }
    }

    @Test func scoresEachTurnByPassageID() throws {
        let folder = TemporaryFolder()
        var options = AnswerEngine.Options()
        options.minConfidence = 0
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.write("corpus.jsonl", Self.corpus)), options: options)
        let dialogues = try Dialogue.read(folder.write("conversations.jsonl", Self.dialogues))
        let study = ConversationStudy(engine: engine, dialogues: dialogues, gold: .passageIDs)
        #expect(study.typed == 5)
        #expect(study.results.map(\.turn) == ["d1_1", "d1_3", "d2_1", "d2_2"])
        #expect(study.results.map(\.position) == [0, 2, 0, 1])
        // The follow-ups stay on their dialogue's page: "fees" alone is as much about loans' payments as licenses.
        #expect(study.results.map(\.rank) == [1, 1, 1, 1])
        #expect(study.results[1].usedContext && study.results[1].reading == .followUp)
        let all = study.figures(.all), first = study.figures(.first), later = study.figures(.later)
        #expect(all.turns == 4 && first.turns == 2 && later.turns == 2)
        #expect(all.success1 == 1 && all.mrr10 == 1 && all.declined == 0)
        #expect(study.readings().first { $0.0 == .followUp }?.1 == 2)
    }

    @Test func scoresByFileLinesOnAFolder() throws {
        let folder = TemporaryFolder()
        folder.write(
            "docs/dmv.md",
            "# Driver licenses\n\nRenew a driver license online or by mail before it expires.\n\n## Fees\n\nThe renewal fee depends on the class.\n"
        )
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder.path + "/docs"))
        let dialogue = Dialogue(
            id: "d",
            turns: [
                Dialogue.Turn(
                    id: "t1", text: "How can I renew my driver license?", relevant: [], goldLines: [.init(file: "dmv.md", lines: 3...3)]),
                Dialogue.Turn(
                    id: "t2", text: "What does the renewal cost?", relevant: ["x"], goldLines: [.init(file: "other.md", lines: 1...9)]),
            ])
        let study = ConversationStudy(engine: engine, dialogues: [dialogue], gold: .fileLines)
        #expect(study.results.map(\.rank) == [1, nil])
        #expect(study.figures(.all).success1 == 0.5 && study.figures(.later).success5 == 0)
    }

    /// On the shared sets (skipped when absent): doc2dial's follow-ups beat
    /// the turns asked alone, and squad-chains' unrelated questions lose
    /// nothing at rank 1 to the conversation.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedDataPath + "/squad-chains-dev/conversations.jsonl")))
    func contextNeverHurtsUnrelatedQuestions() throws {
        let folder = sharedDataPath + "/squad-chains-dev"
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder + "/corpus.jsonl"))
        let study = ConversationStudy(engine: engine, dialogues: try Dialogue.read(folder + "/conversations.jsonl"), gold: .passageIDs)
        let later = study.figures(.later), alone = study.figures(.later, alone: true)
        #expect(later.success1 >= alone.success1 - 0.002, "later turns S@1 \(later.success1) vs alone \(alone.success1)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedDataPath + "/doc2dial-dev/conversations.jsonl")))
    func doc2dialFollowUpsMeetTheBars() throws {
        let folder = sharedDataPath + "/doc2dial-dev"
        let engine = AnswerEngine(corpus: try CorpusLoader().load(folder + "/corpus.jsonl"))
        let study = ConversationStudy(engine: engine, dialogues: try Dialogue.read(folder + "/conversations.jsonl"), gold: .passageIDs)
        let all = study.figures(.all)
        #expect(all.success1 >= 0.42 && all.success5 >= 0.74 && all.mrr10 >= 0.55, "\(all)")
    }
}
