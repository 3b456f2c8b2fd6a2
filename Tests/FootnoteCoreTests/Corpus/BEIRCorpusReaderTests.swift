import Testing
@testable import FootnoteCorpus

@Suite struct BEIRCorpusReaderTests {
    @Test func parallelRunsGiveTheSamePassagesAndProblemsAsOne() {
        // Enough bytes for three runs of at least `runBytes`; CRLF lines,
        // blank lines and no newline after the last line too.
        let runBytes = 200_000
        var text = "", lines = 0
        while text.utf8.count < runBytes * 3 + 1000 {
            let i = lines
            switch i % 5000 {
            case 17: text += "not json at all\n"
            case 18: text += "{\"title\": \"no id\", \"text\": \"x\"}\n"
            case 19: text += "\n"
            case 20: text += "{\"_id\": \"e\(i)\", \"title\": \"\", \"text\": \"   \"}\n"
            case 21: text += "{\"_id\": \"r\(i)\", \"title\": \"CRLF\", \"text\": \"Windows line.\"}\r\n"
            default:
                text +=
                    "{\"_id\": \"d\(i)\", \"title\": \"T\(i % 7)\", \"text\": \"Passage \(i) about kettles and the teapots they fill.\"}\n"
            }
            lines += 1
        }
        text += "{\"_id\": \"last\", \"text\": \"No newline after me.\"}"
        lines += 1
        let bytes = Array(text.utf8)
        var one = PassageList.Builder(), two = PassageList.Builder(), three = PassageList.Builder()
        let serial = BEIRCorpusReader.read(bytes, document: 3, into: &one, threads: 1, minimumRunBytes: runBytes, releaseEvery: 4096)
        let parallel = BEIRCorpusReader.read(bytes, document: 3, into: &two, threads: 2, minimumRunBytes: runBytes)
        let odd = BEIRCorpusReader.read(bytes, document: 3, into: &three, threads: 3, minimumRunBytes: runBytes)
        let skipped = (0..<(lines - 1)).filter { (17...20).contains($0 % 5000) }.count
        #expect(serial.count == lines - skipped)
        #expect(serial.problems.map(\.line) == parallel.problems.map(\.line) && serial.problems.map(\.line) == odd.problems.map(\.line))
        #expect(serial.problems.map(\.reason) == parallel.problems.map(\.reason))
        #expect(serial.problems.first?.line == 18 && serial.problems.first?.reason == "not a JSON object")
        // Pages given back every 4 KB as the runs go: nothing released is read again.
        var released = PassageList.Builder()
        let releasing = BEIRCorpusReader.read(
            bytes, document: 3, into: &released, threads: 2, minimumRunBytes: runBytes, releaseEvery: 4096)
        #expect(releasing.count == serial.count && releasing.problems.map(\.line) == serial.problems.map(\.line))
        let list = one.build()
        #expect(list == two.build() && list == three.build() && list == released.build())
        // Line numbers and byte bounds: the CRLF line's bounds leave the \r out; the last line is read.
        let crlf = (0..<list.count).first { list.id($0) == "r21" }!
        #expect(list.bounds(crlf).lines == 22...22)
        let bounds = list.bounds(crlf).bytes
        #expect(bytes[bounds.upperBound] == UInt8(ascii: "\r") && bytes[bounds.lowerBound] == UInt8(ascii: "{"))
        #expect(list.id(list.count - 1) == "last" && list.bounds(list.count - 1).lines == lines...lines)
        #expect(list.texts?[list.count - 1] == "No newline after me.")
    }
}
