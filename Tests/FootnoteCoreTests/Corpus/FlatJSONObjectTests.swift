import Foundation
import Testing
@testable import FootnoteCorpus

@Suite struct FlatJSONObjectTests {
    func parse(_ line: String) -> FlatJSONObject? { FlatJSONObject(ArraySlice(Array(line.utf8))) }

    @Test func readsStringsNumbersAndStringArrays() throws {
        let o = try #require(
            parse(
                #"{"_id": 7, "title": "T", "text": "a \"q\" \\ \/ \n\t \u00e9 \ud83d\ude00", "answers": ["x", "y"], "meta": {"k": [1, {"z": "}"}]}, "ok": true, "n": null}"#
            ))
        #expect(o["_id"] == .number("7"))
        #expect(o["title"] == .string("T"))
        #expect(o["text"] == .string("a \"q\" \\ / \n\t é 😀"))
        #expect(o["answers"] == .strings(["x", "y"]))
        #expect(o["meta"] == .other)
        #expect(o["ok"] == .other)
        #expect(o["n"] == .other)
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() {
        #expect(parse(#"{"t": "\ud800x"}"#)?["t"] == .string("\u{FFFD}x"))
    }

    @Test func rejectsWhatIsNotOneObject() {
        for bad in [
            "", "not json", "[1, 2]", #"{"a": 1"#, #"{"a" 1}"#, #"{"a": 1,}"#, #"{"a": "x"} trailing"#,
            "{\"a\": \"raw\u{01}control\"}", #"{"a": "\q"}"#, #"{"a": "\u12"}"#, #"{"a": tru}"#, #"{"a": [1, 2}"#,
        ] {
            #expect(parse(bad) == nil, "\(bad)")
        }
    }

    @Test func agreesWithJSONSerializationOnTheSample() throws {
        let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/squad-sample/corpus.jsonl").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 148)
        for line in lines {
            let reference = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let ours = try #require(parse(String(line)))
            #expect(ours["_id"] == .string(reference["_id"] as! String))
            #expect(ours["title"] == .string(reference["title"] as! String))
            #expect(ours["text"] == .string(reference["text"] as! String))
        }
    }
}

extension FlatJSONObject: Equatable {
    public static func == (a: FlatJSONObject, b: FlatJSONObject) -> Bool { a.fields == b.fields }
}
