#!/usr/bin/env python3
"""Success@1/@5 of footnote on SQuAD-dev as a folder of Markdown files.

Usage: squad_docs.py BIN [DATASET_DIR] [-- extra footnote options]

DATASET_DIR (default ../shared/data/squad-dev) holds docs/ (one Markdown
file per article, paragraphs one per line), corpus.jsonl, queries.jsonl and
qrels.tsv. Each question's gold paragraph is found in docs/ by its text; a
hit at rank r is an r-th citation of that file whose line range covers the
paragraph's line. Every question is piped alone (`--json --top 5`), in a
temporary HOME. Prints one line:
  squad-docs: S@1 x S@5 x over N questions (abstained A)
"""
import json, os, subprocess, sys, tempfile

def relevant(data, passages):
    """Each question's relevant passages (grade > 0) among `passages` (a dict
    from passage id), mapped through it, in qrels order."""
    found = {}
    with open(os.path.join(data, "qrels.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            q, c, s = line.rstrip("\n").split("\t")
            if int(s) > 0 and c in passages:
                found.setdefault(q, []).append(passages[c])
    return found


def questions(data, asked):
    """(id, text) of the questions in `asked`, one line each, in file order."""
    found = []
    with open(os.path.join(data, "queries.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["_id"] in asked and "\n" not in d["text"] and d["text"].strip():
                found.append((d["_id"], d["text"].strip()))
    return found


def gold_lines(data):
    """(gold, queries): each question's relevant paragraphs as (file under
    docs/, line), and the questions that have one, as (id, text)."""
    where = {}
    for name in sorted(os.listdir(os.path.join(data, "docs"))):
        with open(os.path.join(data, "docs", name), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                where.setdefault(line.strip(), (name, n))
    gold_line = {}
    with open(os.path.join(data, "corpus.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["text"].strip() in where:
                gold_line[d["_id"]] = where[d["text"].strip()]
    gold = relevant(data, gold_line)
    return gold, questions(data, gold)


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        i = args.index("--"); extra = args[i + 1:]; args = args[:i]
    binary = args[0]
    data = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "squad-dev")
    gold, queries = gold_lines(data)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CACHE_HOME=home + "/cache", XDG_STATE_HOME=home + "/state", NO_COLOR="1")
        docs = os.path.join(data, "docs")
        subprocess.run([binary, "index", "--corpus", docs] + extra, env=env, check=True, capture_output=True)
        out = subprocess.run([binary, "--corpus", docs, "--json", "--top", "5"] + extra,
                             input="".join(t + "\n" for _, t in queries), env=env, capture_output=True, text=True, check=True)
    answers = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    assert len(answers) == len(queries), (len(answers), len(queries))
    s1 = s5 = abstained = 0
    for (qid, _), a in zip(queries, answers):
        cited = a.get("answers", [])
        if not cited:
            abstained += 1
        ranks = [r for r, c in enumerate(cited, 1)
                 if any(c["file"] == f and c["lines"][0] <= n <= c["lines"][-1] for f, n in gold[qid])]
        s1 += bool(ranks) and ranks[0] == 1
        s5 += bool(ranks)
    n = len(queries)
    print(f"squad-docs: S@1 {s1 / n:.3f} S@5 {s5 / n:.3f} over {n} questions (abstained {abstained})")

if __name__ == "__main__":
    main()
