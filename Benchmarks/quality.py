#!/usr/bin/env python3
"""make bench-quality: Footnote's quality on every collection in ../shared/data,
beside the reference engines measured in the same run when they are installed.

Footnote: `footnote eval DIR` (and `--abstention` where queries carry answers).
References: ../shared/bench/anchors.py `run` + `evaluate` (+ `snippets` for
collections with answers), for each engine that imports in ANCHORS_PYTHON.

Prints one Markdown table per collection with our margin over the best
reference, ready to paste into BENCHMARKS.md; then the figures on documents
as folders (doc2dial `docs/` turns alone, SQuAD-dev `docs/`, the real-doc
question sets); then the conversational sets replayed by `footnote eval
--conversations` (doc2dial-dev on its sections and on `docs/`,
squad-chains-dev), beside bm25s's history baselines (conv_baselines.py) when
ANCHORS_PYTHON is set. Standard library only.

Environment: FOOTNOTE (binary, default .build/release/footnote), DATA
(default ../shared/data), ANCHORS_PYTHON (a Python with anchors' requirements;
without it only Footnote's figures are printed), ENGINES (space-separated
subset), OUT (scratch folder, default /tmp/footnote-bench-quality).
"""
import json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOOTNOTE = os.environ.get("FOOTNOTE", os.path.join(ROOT, ".build/release/footnote"))
DATA = os.environ.get("DATA", os.path.join(ROOT, "..", "shared", "data"))
BENCH = os.path.join(os.path.dirname(os.path.abspath(DATA)), "bench", "anchors.py")
PY = os.environ.get("ANCHORS_PYTHON", "")
OUT = os.environ.get("OUT", "/tmp/footnote-bench-quality")
RANKING = ["nDCG@10", "MAP@100", "R@100", "P@10"]
ANSWERS = ["Success@1", "Success@5", "answer@1"]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, check=True, **kw).stdout


def tagged(out, tag):
    line = next(l for l in out.splitlines() if l.startswith(tag + " "))
    return json.loads(line[len(tag) + 1:])


def engines():
    if not PY:
        return []
    wanted = os.environ.get("ENGINES", "").split()
    out = run([PY, BENCH, "engines"])
    found = [l.split()[0] for l in out.splitlines() if l.strip() and "NOT INSTALLED" not in l and "error:" not in l]
    names = [e for e in ["sklearn-tfidf", "rank-bm25", "bm25s", "tantivy", "sqlite-fts5", "lucene"] if e in found]
    return [e for e in names if not wanted or e in wanted]


def main():
    os.makedirs(OUT, exist_ok=True)
    refs = engines()
    print(f"footnote: {run([FOOTNOTE, '--version']).strip()}; references: {', '.join(refs) or 'none (set ANCHORS_PYTHON)'}\n")
    for ds in sorted(os.listdir(DATA)):
        folder = os.path.join(DATA, ds)
        if not os.path.isfile(os.path.join(folder, "qrels.tsv")):
            continue
        has_answers = '"answers"' in open(os.path.join(folder, "queries.jsonl"), encoding="utf-8").readline()
        args = [FOOTNOTE, "eval", folder] + (["--abstention"] if has_answers else [])
        ours_out = run(args)
        ours = tagged(ours_out, "METRICS")
        rows = {"footnote": ours}
        for e in refs:
            trec = os.path.join(OUT, f"{ds}.{e}.trec")
            run([PY, BENCH, "run", "--data", folder, "--engine", e, "--out", trec, "--k", "100"])
            rows[e] = tagged(run([PY, BENCH, "evaluate", "--data", folder, "--run", trec]), "METRICS")
            if has_answers:
                snip = run([PY, BENCH, "snippets", "--data", folder, "--engine", e, "--budget-chars", "250"])
                best = None
                for line in snip.splitlines():
                    if line.startswith("SNIPPETS "):
                        rec = json.loads(line[9:])
                        if rec.get("setting") in ("passage", "best-2-sentences") or rec.get("chars_mean", 999) > 250:
                            continue
                        if best is None or rec["excerpt@1"] > best[0]:
                            best = (rec["excerpt@1"], rec.get("chars_mean", 0), rec.get("setting"))
                if best:
                    rows[e]["excerpt@1"], rows[e]["excerpt_chars"] = best[0], best[1]
        cols = RANKING + (ANSWERS + ["excerpt@1", "excerpt_chars"] if has_answers else [])
        print(f"### {ds}\n")
        print("| engine | " + " | ".join(cols) + " |")
        print("|---|" + "---:|" * len(cols))
        for name, m in rows.items():
            cells = [f"{m[c]:.4f}" if isinstance(m.get(c), float) and c != "excerpt_chars" else
                     (f"{m[c]:.0f}" if c in m else "—") for c in cols]
            print(f"| {name} | " + " | ".join(cells) + " |")
        if len(rows) > 1:
            margins = []
            for c in cols:
                if c == "excerpt_chars":
                    continue
                others = [m[c] for n, m in rows.items() if n != "footnote" and c in m]
                if others and c in ours:
                    margins.append(f"{ours[c] - max(others):+.4f}")
                else:
                    margins.append("—")
            print("| margin over best | " + " | ".join(margins) + (" | |" if has_answers else " |"))
        if has_answers:
            print("\n" + "\n".join(l for l in ours_out.splitlines() if l.startswith(("best threshold", "default --min"))))
        print()
    documents()
    conversations()


def documents():
    """Issue 14's measures on documents as folders: doc2dial's turns asked
    alone over its `docs/`, SQuAD-dev's `docs/`, and the real-doc question
    sets over the Debian documentation installed here."""
    print("### documents as folders\n")
    here = os.path.dirname(os.path.abspath(__file__))
    conversation = os.path.join(os.path.dirname(BENCH), "check_docs_conversation.py")
    doc2dial = os.path.join(DATA, "doc2dial-dev")
    if os.path.isfile(conversation) and os.path.isdir(os.path.join(doc2dial, "docs")):
        out = run([sys.executable, conversation, FOOTNOTE, doc2dial, "--mode", "piped"])
        print(out.strip().splitlines()[-1])
    if os.path.isdir(os.path.join(DATA, "squad-dev", "docs")):
        print(run([sys.executable, os.path.join(here, "squad_docs.py"), FOOTNOTE]).strip().splitlines()[-1])
    print(run([sys.executable, os.path.join(here, "realdocs.py"), FOOTNOTE]).strip())


def conversations():
    """Issue 15's measures: each conversational set replayed as the REPL
    answers it (`footnote eval --conversations`), beside the turns alone and,
    with ANCHORS_PYTHON, bm25s on the turn alone, first turn + turn and all
    user turns so far."""
    print("\n### conversations\n")
    print("| set | Footnote S@1 / S@5 / MRR@10 (all turns) | later turns S@1 | each turn alone, later S@1 |")
    print("|---|---:|---:|---:|")
    for name, extra in (("doc2dial-dev", []), ("doc2dial-dev", ["--docs"]), ("squad-chains-dev", [])):
        folder = os.path.join(DATA, name)
        if not os.path.isfile(os.path.join(folder, "conversations.jsonl")):
            continue
        m = tagged(run([FOOTNOTE, "eval", "--conversations", folder] + extra), "METRICS")
        print(f"| {name}{' docs/' if extra else ''} | {m['all_success1']:.3f} / {m['all_success5']:.3f} / {m['all_mrr10']:.3f} "
              f"| {m['later_success1']:.4f} | {m['alone_later_success1']:.4f} |")
    baselines = os.path.join(os.path.dirname(BENCH), "conv_baselines.py")
    folder = os.path.join(DATA, "doc2dial-dev")
    if PY and os.path.isfile(baselines) and os.path.isdir(folder):
        print("\nbm25s and rank-bm25 on doc2dial-dev's sections (conv_baselines.py):\n")
        print(run([PY, baselines, folder, "--out", os.path.join(OUT, "conv")]).strip())


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as e:
        sys.exit(f"bench-quality: {' '.join(e.cmd)} failed ({e.returncode}): {e.stderr.strip()[-500:]}")
