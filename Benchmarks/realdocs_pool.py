#!/usr/bin/env python3
"""Passages to judge for the real-doc question sets: what BIN cites now that no one has judged.

Usage: realdocs_pool.py BIN OUT.jsonl [FIXTURE.tsv ...] [-- extra footnote options]

For each question of each set (default: Tests/Fixtures/realdocs/*.tsv whose
folder is installed), the top 5 of BIN with --min-confidence 0 and the top 5
with --scoring tfidf too (a second ranking function widens the pool, as
TREC pools several systems; the pools up to 544889b used --lead-prior 0,
a tuning knob that has since left the product for footnote-tune); a passage already in
Tests/Fixtures/realdocs/pool/judgments.tsv (same set, question, file and
lines) is left out. Writes one JSON line per passage, in random order within
a question: {pid, set, question, file, lines, section, text}, the text being
the file's visible text on the cited lines (realdocs.normalised).

Give a reader only pid, question, section and text. For each passage
they decide whether it answers the question, and for those that do, copy
5–12 words of the text that carry the answer. Then append every verdict to
judgments.tsv, and add each answering passage to its set as a `pooled` row:
question, file, phrase, "pooled". The writer's row stays first.
"""
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import realdocs  # noqa: E402


def judged():
    """(set, question, file, first line, last line) of every passage judged so far."""
    seen = set()
    with open(os.path.join(realdocs.FIXTURES, "pool", "judgments.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, question, file, first, last, _ = line.rstrip("\n").split("\t")
            seen.add((name, question, file, int(first), int(last)))
    return seen


def main():
    args, extra = realdocs.split_options(sys.argv[1:])
    binary, out_path = args[0], args[1]
    seen = judged()
    rng = random.Random(7)
    with open(out_path, "w", encoding="utf-8") as out:
        for fixture in realdocs.fixture_paths(args[2:]):
            meta, rows = realdocs.read_fixture(fixture)
            name, corpus = os.path.basename(fixture)[:-4], meta["corpus"]
            if not os.path.isdir(corpus):
                print(f"{name}: skipped ({corpus} missing)")
                continue
            pooled = [dict() for _ in rows]
            runs = [["--top", "5", "--min-confidence", "0"] + more for more in ([], ["--scoring", "tfidf"])]
            for answers in realdocs.ask(binary, corpus, [q for q, _ in rows], extra, runs):
                for i, answer in enumerate(answers):
                    for a in answer.get("answers", []):
                        pooled[i][(a["file"], a["lines"][0], a["lines"][-1])] = a["section"]
            texts, written = {}, 0
            for i, (question, _) in enumerate(rows):
                items = [(k, v) for k, v in pooled[i].items() if (name, question) + k not in seen]
                rng.shuffle(items)
                for j, ((file, first, last), section) in enumerate(items):
                    if file not in texts:
                        texts[file] = realdocs.normalised(os.path.join(corpus, file))
                    text, at = texts[file]
                    shown = "".join(c for c, n in zip(text, at) if first <= n <= last).strip()
                    out.write(json.dumps({"pid": f"{name}:{i}:{j}", "set": name, "question": question, "file": file,
                                          "lines": [first, last], "section": section, "text": shown}) + "\n")
                    written += 1
            print(f"{name}: {written} passages to judge")


if __name__ == "__main__":
    main()
