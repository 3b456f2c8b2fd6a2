import Testing
@testable import FootnoteCore

@Suite struct BEIRCorpusReaderTests {
    @Test func parallelRunsGiveTheSamePassagesAndProblemsAsOne() {
        var text = ""
        for i in 0..<(BEIRCorpusReader.linesPerRun * 2 + 777) {
            switch i % 5000 {
            case 17: text += "not json at all\n"
            case 18: text += "{\"title\": \"no id\", \"text\": \"x\"}\n"
            case 19: text += "\n"
            case 20: text += "{\"_id\": \"e\(i)\", \"title\": \"\", \"text\": \"   \"}\n"
            default: text += "{\"_id\": \"d\(i)\", \"title\": \"T\(i % 7)\", \"text\": \"Passage \(i) about kettles.\"}\n"
            }
        }
        let bytes = Array(text.utf8)
        var one = PassageList.Builder(), many = PassageList.Builder()
        let serial = BEIRCorpusReader.read(bytes, document: 3, into: &one, threads: 1)
        let parallel = BEIRCorpusReader.read(bytes, document: 3, into: &many, threads: 2)
        #expect(serial.count == parallel.count && serial.count == BEIRCorpusReader.linesPerRun * 2 + 777 - 4 * 7)
        #expect(serial.problems.map(\.line) == parallel.problems.map(\.line))
        #expect(serial.problems.map(\.reason) == parallel.problems.map(\.reason))
        #expect(one.build() == many.build())
    }
}
