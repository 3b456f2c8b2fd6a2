import Foundation
import Testing

/// `footnote search` and `footnote eval` end to end on a tiny BEIR folder.
@Suite struct BatchCommandTests {
    /// Three documents, three questions with answers, judgments.
    func makeDataset() -> TemporaryFolder {
        let f = TemporaryFolder()
        f.write(
            "corpus.jsonl",
            """
            {"_id": "d1", "title": "Tomatoes", "text": "Tomatoes need full sun and deep watering. They ripen in late summer."}
            {"_id": "d2", "title": "Basil", "text": "Basil grows well next to tomatoes and dislikes cold nights."}
            {"_id": "d3", "title": "Roses", "text": "Roses are pruned in early spring, before new growth starts."}

            """)
        f.write(
            "queries.jsonl",
            """
            {"_id": "q1", "text": "When do tomatoes ripen?", "answers": ["late summer"]}
            {"_id": "q2", "text": "When are roses pruned?", "answers": ["early spring"]}
            {"_id": "q3", "text": "What does basil dislike?", "answers": ["cold nights"]}

            """)
        f.write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\nq3\td2\t1\n")
        return f
    }

    @Test func searchWritesATRECRunJSONAndTimings() throws {
        let f = makeDataset()
        let run = f.path + "/out.trec"
        let r = try runFootnote([
            "search", "--corpus", f.path + "/corpus.jsonl", "--queries", f.path + "/queries.jsonl",
            "--top", "2", "--run", run, "--json", "--timings",
        ])
        #expect(r.status == 0)
        let lines = try String(contentsOfFile: run, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").map(String.init)
        }
        #expect(lines.allSatisfy { $0.count == 6 && $0[1] == "Q0" && $0[5] == "footnote" && Double($0[4]) != nil })
        #expect(lines.first.map { [$0[0], $0[2], $0[3]] } == ["q1", "d1", "1"])
        #expect(lines.filter { $0[0] == "q2" }.first?[2] == "d3")
        #expect(lines.filter { $0[0] == "q1" }.count <= 2)

        let answers = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(answers.map { $0["id"] as? String } == ["q1", "q2", "q3"])
        #expect(answers.allSatisfy { $0["question"] is String && $0["answers"] is [Any] })
        let top = (answers[0]["answers"] as? [[String: Any]])?.first
        #expect(top?["id"] as? String == "d1")
        #expect((top?["excerpt"] as? String)?.contains("late summer") == true)

        let timing = try #require(r.stderrLines.first { $0.hasPrefix("TIMINGS ") })
        let t = try #require(JSONSerialization.jsonObject(with: Data(timing.dropFirst(8).utf8)) as? [String: Any])
        for key in ["index_s", "query_median_ms", "query_p99_ms", "query_mean_ms", "docs", "queries", "k"] {
            #expect(t[key] != nil, "\(key)")
        }
        #expect(t["docs"] as? Int == 3)
        #expect(t["queries"] as? Int == 3)
    }

    /// Without --run, the run goes to stdout (with --json, the answers do and there is no run).
    @Test func searchWritesTheRunToStdoutWithoutRun() throws {
        let f = makeDataset()
        let r = try runFootnote(["search", "-c", f.path + "/corpus.jsonl", "--queries", f.path + "/queries.jsonl", "-n", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.map { [$0[0], $0[2], $0[3]] } == [["q1", "d1", "1"], ["q2", "d3", "1"], ["q3", "d2", "1"]], "\(r.stdout)")
        let json = try runFootnote(["search", "-c", f.path + "/corpus.jsonl", "--queries", f.path + "/queries.jsonl", "-n", "1", "-j"])
        #expect(json.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"id\":") }, "\(json.stdout)")
    }

    @Test func evalPrintsTheMetrics() throws {
        let f = makeDataset()
        let r = try runFootnote(["eval", f.path])
        #expect(r.status == 0)
        let metrics = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("METRICS ") })
        let m = try #require(JSONSerialization.jsonObject(with: Data(metrics.dropFirst(8).utf8)) as? [String: Double])
        #expect(m["Success@1"] == 1)
        #expect(m["nDCG@10"] == 1)
        #expect(m["P@10"] == 0.1)
        #expect(m["excerpt@1"] == 1)
        #expect(r.stdout.contains("nDCG@10      1.0000\n"))
    }

    @Test func evalAbstentionReportsTheCurve() throws {
        let f = makeDataset()
        let r = try runFootnote(["eval", f.path, "--abstention"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("abstention: 3 questions asked with and without their article"))
        #expect(r.stdout.contains("threshold  answered  declined"))
    }

    @Test func badInputsGetOneLineAndAnExitCode() throws {
        let f = makeDataset()
        let missing = try runFootnote(["search", "--corpus", f.path + "/corpus.jsonl", "--queries", f.path + "/nope.jsonl", "--json"])
        #expect(missing.status == 66)
        #expect(missing.stderrLines.count == 1)
        #expect(missing.stderr.contains("nope.jsonl"))
        f.write("bad.jsonl", "{\"_id\": \"q1\", \"text\": \"ok\"}\nnot json\n")
        let bad = try runFootnote(["search", "--corpus", f.path + "/corpus.jsonl", "--queries", f.path + "/bad.jsonl", "--json"])
        #expect(bad.status == 65)
        #expect(bad.stderrLines == ["footnote: \(f.path)/bad.jsonl:2: not a JSON object"])
        let unwritable = try runFootnote([
            "search", "--corpus", f.path + "/corpus.jsonl", "--queries", f.path + "/queries.jsonl",
            "--run", f.path + "/no/such/folder/out.trec",
        ])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderrLines.count == 1 && unwritable.stderr.contains("out.trec"), "\(unwritable.stderr)")
        let noDataset = try runFootnote(["eval", f.path + "/missing"])
        #expect(noDataset.status == 66)
        #expect(noDataset.stderrLines.count == 1)
    }

    /// `eval --conversations` replays dialogues over corpus.jsonl (by passage
    /// id) or docs/ (by file lines), and names what is wrong with its input.
    @Test func evalConversationsScoresEachTurn() throws {
        let f = makeDataset()
        f.write(
            "conversations.jsonl",
            """
            {"_id": "c1", "turns": [{"_id": "c1_1", "text": "When do tomatoes ripen?", "relevant": ["d1"], "gold_lines": [{"file": "garden.md", "lines": [3, 3]}]}, {"_id": "c1_2", "text": "and basil?", "relevant": ["d2"], "gold_lines": [{"file": "garden.md", "lines": [7, 7]}]}]}

            """)
        f.write(
            "docs/garden.md",
            "# Tomatoes\n\nTomatoes need full sun and deep watering. They ripen in late summer.\n\n# Basil\n\nBasil grows well next to tomatoes and dislikes cold nights.\n"
        )
        for docs in [false, true] {
            let r = try runFootnote(["eval", "--conversations", f.path] + (docs ? ["--docs"] : []))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("1 dialogues, 2 turns typed, 2 scored (1 first, 1 later)"), "\(r.stdout)")
            let metrics = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("METRICS ") })
            let m = try #require(JSONSerialization.jsonObject(with: Data(metrics.dropFirst(8).utf8)) as? [String: Double])
            #expect(m["all_success1"] == 1 && m["first_success1"] == 1 && m["later_success1"] == 1, "\(m)")
            #expect(m["turns"] == 2 && m["alone_all_success5"] == 1)
        }
        let both = try runFootnote(["eval", f.path, "--conversations", f.path])
        #expect(both.status == 64 && both.stderr.contains("not both"))
        let missing = try runFootnote(["eval", "--conversations", f.path + "/missing"])
        #expect(missing.status == 66 && missing.stderrLines == ["footnote: \(f.path)/missing/conversations.jsonl: cannot read the file"])
        f.write("conversations.jsonl", "{\"_id\": \"c1\", \"turns\": [{\"_id\": \"t\", \"text\": \"q\", \"relevant\": [\"d1\"]}]}\n")
        let noGold = try runFootnote(["eval", "--conversations", f.path, "--docs"])
        #expect(noGold.status == 65 && noGold.stderr.contains("no turn has \"gold_lines\""), "\(noGold.stderr)")
    }
}
