#!/usr/bin/env python3
"""Fits the calibrated confidence (ConfidenceEvidence.weights) and shows how
each collection fares with it.

Usage: confidence_fit.py BIN [--dump OUT.jsonl] [--load IN.jsonl] [--ratio R]

Every question is piped to `BIN --corpus DIR --json --min-confidence 0` in a
temporary HOME; each answer's "evidence" (coverage, matched, known,
corrected, unknown_names, heading: its square root is the feature) is one row,
labelled answerable or not:

  squad-loo-passages  ../shared/data/squad-dev/corpus.jsonl: each
             article's questions (by the title of their first relevant
             passage) asked of the whole file (answerable) and of a copy
             without that article's passages (unanswerable), as `footnote
             eval --abstention` asks them.
  squad-loo  the same over ../shared/data/squad-dev/docs (one Markdown file
             per article), without that article's file.
  realdocs   each Tests/Fixtures/realdocs set whose folder is installed: its
             questions (answerable), and 150 SQuAD-dev questions and 150
             doc2dial first turns (unanswerable: another subject).
  essay      Tests/Fixtures/essay/questions.tsv over corpus/ ("decline" rows
             unanswerable), and 100 + 100 of those others.
  doc2dial   600 scored turns over ../shared/data/doc2dial-dev/docs
             (answerable) and 150 SQuAD-dev questions (unanswerable).

Samples are drawn with a fixed seed. A row also records whether the top
citation is right (the set's own rule), to count answers lost to abstention.

The fit: logistic regression on [1, logit(coverage), matched, ln(1 + known),
corrected, unknown_names] (coverage clamped to [0.001, 0.999]); each
collection's answerable and unanswerable halves weigh the same, SQuAD-dev's
two leave-one-out collections R times each (default 10: its unanswerable questions are the hard
ones, in the same genre and vocabulary); L2 1e-3 on the slopes. The bias is
then shifted so that 0.40 answers 95.5% of SQuAD-dev's answerable questions
(squad-loo-passages).
Prints the weights as Swift and, per collection at 0.40 with the old
confidence (coverage alone) and the new: answered, declined, right answers lost.
Needs numpy and scipy. --dump writes the rows; --load fits saved rows without running BIN.
"""
import json, math, os, random, shutil, subprocess, sys, tempfile

import numpy as np
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import realdocs  # noqa: E402
import squad_docs  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "shared", "data")
ROOT = os.path.join(HERE, "..")
THRESHOLD, ANSWERED = 0.40, 0.955


def pipe(binary, corpus, questions, env):
    out = subprocess.run([binary, "--corpus", corpus, "--json", "--top", "1", "--min-confidence", "0"],
                         input="".join(q + "\n" for q in questions), env=env, capture_output=True, text=True, check=True)
    answers = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    assert len(answers) == len(questions), (corpus, len(answers), len(questions))
    return answers


def row(collection, answerable, question, answer, right=None):
    return dict(collection=collection, answerable=answerable, q=question, right=right,
                evidence=answer.get("evidence"), confidence=answer.get("confidence", 0))


def squad(binary, env, home):
    """Leave one article out over the Markdown folder, and the questions by article."""
    data = os.path.join(DATA, "squad-dev")
    docs = os.path.join(data, "docs")
    gold, asked = squad_docs.gold_lines(data)
    articles = {}
    for qid, text in asked:
        articles.setdefault(gold[qid][0][0], []).append((text, gold[qid][0][1]))
    rows = []
    everything = [(name, text, line) for name, asked in sorted(articles.items()) for text, line in asked]
    for (name, text, line), a in zip(everything, pipe(binary, docs, [t for _, t, _ in everything], env)):
        top = (a.get("answers") or [None])[0]
        rows.append(row("squad-loo", True, text, a, bool(top) and top["file"] == name and top["lines"][0] <= line <= top["lines"][-1]))
    for name, asked in sorted(articles.items()):
        rest = os.path.join(home, "without")
        shutil.rmtree(rest, ignore_errors=True)
        os.makedirs(rest)
        for other in os.listdir(docs):
            if other != name:
                shutil.copy(os.path.join(docs, other), rest)
        for (text, _), a in zip(asked, pipe(binary, rest, [t for t, _ in asked], env)):
            rows.append(row("squad-loo", False, text, a))
    return rows


def squad_passages(binary, env, home):
    """Leave one article out over corpus.jsonl (passages grouped by title), as `footnote eval --abstention` does."""
    data = os.path.join(DATA, "squad-dev")
    lines = [l for l in open(os.path.join(data, "corpus.jsonl"), encoding="utf-8") if l.strip()]
    title = {}
    for l in lines:
        d = json.loads(l)
        title[d["_id"]] = d.get("title", "")
    first = {q: ids[0] for q, ids in squad_docs.relevant(data, {i: i for i in title}).items()}
    articles = {}
    for qid, text in squad_docs.questions(data, first):
        articles.setdefault(title[first[qid]], []).append((text, first[qid]))
    rows = []
    everything = [(t, text, gold) for t, asked in sorted(articles.items()) for text, gold in asked]
    whole = os.path.join(home, "whole")
    os.makedirs(whole)
    shutil.copy(os.path.join(data, "corpus.jsonl"), whole)
    for (_, text, gold), a in zip(everything, pipe(binary, whole, [t for _, t, _ in everything], env)):
        top = (a.get("answers") or [None])[0]
        rows.append(row("squad-loo-passages", True, text, a, bool(top) and top.get("id") == gold))
    for t, asked in sorted(articles.items()):
        rest = os.path.join(home, "without-passages")
        shutil.rmtree(rest, ignore_errors=True)
        os.makedirs(rest)
        with open(os.path.join(rest, "corpus.jsonl"), "w", encoding="utf-8") as f:
            f.writelines(l for l in lines if json.loads(l).get("title", "") != t)
        for (text, _), a in zip(asked, pipe(binary, rest, [q for q, _ in asked], env)):
            rows.append(row("squad-loo-passages", False, text, a))
    return rows


def collect(binary):
    rnd = random.Random(7)
    squad_questions = [json.loads(l)["text"].strip() for l in open(os.path.join(DATA, "squad-dev", "queries.jsonl"), encoding="utf-8")]
    conversations = [json.loads(l) for l in open(os.path.join(DATA, "doc2dial-dev", "conversations.jsonl"), encoding="utf-8")]
    first_turns = [c["turns"][0]["text"].strip() for c in conversations]
    scored_turns = [(t["text"].strip(), t["gold_lines"]) for c in conversations for t in c["turns"] if t.get("gold_lines")]
    other_squad, other_turns = rnd.sample(squad_questions, 150), rnd.sample(first_turns, 150)
    rows = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CACHE_HOME=home + "/cache", XDG_STATE_HOME=home + "/state", NO_COLOR="1")
        rows += squad_passages(binary, env, home)
        rows += squad(binary, env, home)
        for fixture in realdocs.fixture_paths([]):
            meta, questions = realdocs.read_fixture(fixture)
            corpus, name = meta["corpus"], os.path.basename(fixture)[:-4]
            if not os.path.isdir(corpus):
                print(f"{name}: skipped ({corpus} missing)", file=sys.stderr)
                continue
            answers = pipe(binary, corpus, [q for q, _ in questions] + other_squad + other_turns, env)
            for (q, locations), a in zip(questions, answers):
                rows.append(row(name, True, q, a, realdocs.hit_rank(corpus, a.get("answers", []), locations) == 1))
            for q, a in zip(other_squad + other_turns, answers[len(questions):]):
                rows.append(row(name, False, q, a))
        essay = [l.rstrip("\n").split("\t") for l in open(os.path.join(ROOT, "Tests", "Fixtures", "essay", "questions.tsv"), encoding="utf-8")
                 if l.strip() and not l.startswith("#")]
        others = other_squad[:100] + other_turns[:100]
        answers = pipe(binary, os.path.join(ROOT, "corpus"), [q for q, _ in essay] + others, env)
        for (q, line), a in zip(essay, answers):
            top = (a.get("answers") or [None])[0]
            if line == "decline":
                rows.append(row("essay", False, q, a))
            else:
                rows.append(row("essay", True, q, a, bool(top) and top["lines"][0] <= int(line) <= top["lines"][-1]))
        for q, a in zip(others, answers[len(essay):]):
            rows.append(row("essay", False, q, a))
        turns = rnd.sample(scored_turns, 600)
        answers = pipe(binary, os.path.join(DATA, "doc2dial-dev", "docs"), [q for q, _ in turns] + other_squad, env)
        for (q, gold), a in zip(turns, answers):
            top = (a.get("answers") or [None])[0]
            right = bool(top) and any(g["file"] == top["file"] and top["lines"][0] <= g["lines"][1] and g["lines"][0] <= top["lines"][-1]
                                      for g in gold)
            rows.append(row("doc2dial", True, q, a, right))
        for q, a in zip(other_squad, answers[len(turns):]):
            rows.append(row("doc2dial", False, q, a))
    return rows


def features(e):
    c = min(max(e["coverage"], 1e-3), 1 - 1e-3)
    return [1.0, math.log(c / (1 - c)), e["matched"], math.log(1 + e["known"]), float(e["corrected"]), float(e["unknown_names"]),
            math.sqrt(e.get("heading", 0))]


def fit(rows, ratio):
    usable = [r for r in rows if r["evidence"]]
    X = np.array([features(r["evidence"]) for r in usable])
    y = np.array([1.0 if r["answerable"] else 0.0 for r in usable])
    w = np.zeros(len(usable))
    for c in {r["collection"] for r in usable}:
        for label in (True, False):
            idx = [i for i, r in enumerate(usable) if r["collection"] == c and r["answerable"] == label]
            for i in idx:
                w[i] = (ratio if c.startswith("squad-loo") else 1.0) / len(idx)

    penalty = np.array([0.0] + [1e-3] * (X.shape[1] - 1))

    def loss(b):
        z = X @ b
        p = 1 / (1 + np.exp(-z))
        value = (w * (np.logaddexp(0, z) - y * z)).sum() + (penalty * b * b).sum()
        return value, X.T @ (w * (p - y)) + 2 * penalty * b

    b = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 10000, "gtol": 1e-10}).x
    # Shift the bias: THRESHOLD answers ANSWERED of SQuAD-dev's answerable questions.
    z = sorted(float(np.array(features(r["evidence"])) @ b) if r["evidence"] else -1e9
               for r in rows if r["collection"] == "squad-loo-passages" and r["answerable"])
    cut = z[int(len(z) * (1 - ANSWERED))]
    b[0] += math.log(THRESHOLD / (1 - THRESHOLD)) - cut
    return b


def calibrated(b, r):
    if not r["evidence"]:
        return 0.0
    return 1 / (1 + math.exp(-float(np.array(features(r["evidence"])) @ b)))


def report(rows, b):
    names = list(dict.fromkeys(r["collection"] for r in rows))
    print(f"{'collection':20s} {'answerable':>10s} {'other':>6s}   coverage ≥ 0.40: answered declined lost   calibrated ≥ 0.40: answered declined lost")
    for c in names:
        mine = [r for r in rows if r["collection"] == c]
        yes, no = [r for r in mine if r["answerable"]], [r for r in mine if not r["answerable"]]
        line = f"{c:20s} {len(yes):10d} {len(no):6d}  "
        for score in (lambda r: r["evidence"]["coverage"] if r["evidence"] else 0.0, lambda r: calibrated(b, r)):
            answered = sum(score(r) >= THRESHOLD for r in yes) / len(yes)
            declined = sum(score(r) < THRESHOLD for r in no) / len(no)
            lost = sum(1 for r in yes if r["right"] and score(r) < THRESHOLD)
            line += f"                   {answered:8.3f} {declined:8.3f} {lost:4d}"
        print(line)


def main():
    args = sys.argv[1:]
    option = lambda name, default=None: args[args.index(name) + 1] if name in args else default
    if option("--load"):
        rows = [json.loads(l) for l in open(option("--load"), encoding="utf-8")]
    else:
        rows = collect(args[0])
    if option("--dump"):
        with open(option("--dump"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    b = fit(rows, float(option("--ratio", 10)))
    print("static let weights: [Float] = [" + ", ".join(f"{x:.3f}" for x in b) + "]")
    report(rows, b)


if __name__ == "__main__":
    main()
