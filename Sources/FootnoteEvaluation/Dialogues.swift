import Foundation

/// One dialogue of a conversational test set's `conversations.jsonl`:
/// `{"_id", "turns": [{"_id", "text", "relevant": [passage id],
/// "gold_lines": [{"file", "lines": [first, last]}]?}]}` (other fields
/// ignored). The user's turns, in order; a turn with no relevant passage is
/// asked but not scored (`../shared/data/README.md`).
public struct Dialogue: Sendable, Equatable, Decodable {
    public struct Turn: Sendable, Equatable, Decodable {
        /// Where a turn's answer lies in a folder of documents: a file under
        /// the folder and a line range in it.
        public struct GoldLines: Sendable, Equatable, Decodable {
            public var file: String
            public var lines: ClosedRange<Int>

            public init(file: String, lines: ClosedRange<Int>) {
                self.file = file
                self.lines = lines
            }

            enum CodingKeys: String, CodingKey { case file, lines }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                file = try c.decode(String.self, forKey: .file)
                let pair = try c.decode([Int].self, forKey: .lines)
                guard pair.count == 2, pair[0] <= pair[1] else {
                    throw DecodingError.dataCorruptedError(forKey: .lines, in: c, debugDescription: "\"lines\" is not [first, last]")
                }
                lines = pair[0]...pair[1]
            }
        }

        public var id: String
        public var text: String
        /// The passages (BEIR ids) that answer it; empty: not scored.
        public var relevant: [String]
        /// The same answers as file lines, for the set's folder of documents.
        public var goldLines: [GoldLines]

        public init(id: String, text: String, relevant: [String], goldLines: [GoldLines] = []) {
            self.id = id
            self.text = text
            self.relevant = relevant
            self.goldLines = goldLines
        }

        enum CodingKeys: String, CodingKey {
            case id = "_id", text, relevant, goldLines = "gold_lines"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            text = try c.decode(String.self, forKey: .text)
            relevant = try c.decodeIfPresent([String].self, forKey: .relevant) ?? []
            goldLines = try c.decodeIfPresent([GoldLines].self, forKey: .goldLines) ?? []
        }
    }

    public var id: String
    public var turns: [Turn]

    public init(id: String, turns: [Turn]) {
        self.id = id
        self.turns = turns
    }

    enum CodingKeys: String, CodingKey { case id = "_id", turns }

    /// Every dialogue of a `conversations.jsonl`, in file order.
    /// - Throws: the file and line of the first line that is not a dialogue.
    public static func read(_ path: String) throws(EvaluationInputError) -> [Dialogue] {
        var out: [Dialogue] = []
        let decoder = JSONDecoder()
        for (number, raw) in try JSONLinesFile.lines(path) {
            do {
                out.append(try decoder.decode(Dialogue.self, from: Data(raw)))
            } catch {
                throw EvaluationInputError(
                    path: path, line: number, reason: "not a dialogue ({\"_id\", \"turns\": [{\"_id\", \"text\", \"relevant\"}]})")
            }
        }
        return out
    }
}
