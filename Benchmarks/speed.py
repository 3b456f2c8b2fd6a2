#!/usr/bin/env python3
"""make bench: Footnote's speed, index size and memory on three corpora, beside
tantivy and SQLite FTS5 measured in the same run when they are installed.

Corpora
  squad   ../shared/data/squad-dev (BEIR: 2,067 passages, 5,309 questions).
  kernel  the ~80 MB kernel corpus of ../shared/bench/make_scale_corpus.py
          (BEIR, ~490k passages, 1,000 queries), generated on first use into
          $BENCH_DATA/kernel (default /var/tmp/footnote-bench/kernel) from
          Debian's linux-source-6.1 tarball, then reused.
  docs    the kernel's Documentation/ tree as a folder corpus, extracted from
          the same tarball into $BENCH_DATA/Documentation; its queries are the
          kernel corpus's queries.jsonl (same vocabulary).

What is measured for Footnote (the release binary, .build/release/footnote)
  * index build: `footnote search --timings` reports index_s and MB/s as
    anchors.py defines them (from the corpus read into memory to an index
    ready to search). With a persisted index (`--index-dir`) the runs use a
    fresh, empty index folder so that this is a real build, and the whole
    `footnote index --full --corpus X --index-dir DIR` process is timed too.
    TIMINGS "index" must say "built" there and "loaded" on the persisted
    index, whose index_load_s (open to index in hand) is the index load row.
  * index size on disk: the bytes of every file in the index folder, and
    that as a share of the corpus text (TIMINGS corpus_mb).
  * start → first answer: wall time of the whole `footnote ask --corpus X
    --index-dir DIR "question"` process once the index is persisted (the
    first query of the queries file); median of --startup-runs runs after
    one warm-up, by hyperfine when it is installed, else time.perf_counter
    around subprocess.run.
  * query median / p99 at k=100 and k=10: TIMINGS of `footnote search
    --timings --top K` (one query at a time after one warm-up pass), on the
    persisted index when there is one.
  * peak RSS: GNU time's "Maximum resident set size" (`/usr/bin/time -v`)
    of the indexing process (`footnote index`, or the `search` process that
    builds the index in memory when there is no persisted index yet).
The binary is copied at the start and the copy runs, so that a rebuild
during the run cannot mix two builds in one table.
Until the binary takes `--index-dir` (checked in `footnote index --help`),
index size and start-up are "n/a (no persisted index yet)".

References: `anchors.py run --data DIR --engine tantivy|sqlite-fts5 --k K`
in $ANCHORS_PYTHON (a Python with ../shared/bench/requirements.txt), on the
BEIR corpora only (anchors.py reads no folder corpus), at its defaults (one
indexing thread, one warm-up pass). Their peak RSS is GNU
time's for the whole Python process (which holds the corpus strings too).

The machine is shared and noisy: every Footnote figure is the better (lower
time, higher MB/s, lower RSS) of --reps runs (default 2), taken per figure;
the references run --anchor-reps times (default 1, FTS5 is slow). Each
figure is printed with the ratio ours ÷ theirs and the project's target.
The raw runs go to --out as JSON (default runs/bench-<date>.json).

Environment: FOOTNOTE (binary), BENCH_DATA (corpus cache), ANCHORS_PYTHON,
KERNEL_TARBALL (default /usr/src/linux-source-6.1.tar.xz). Standard library
only.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOOTNOTE = Path(os.environ.get("FOOTNOTE") or ROOT / ".build/release/footnote")
BIN = FOOTNOTE  # what runs: a copy of FOOTNOTE taken at start, so that a rebuild mid-run changes nothing
SQUAD = SHARED / "data" / "squad-dev"
ANCHORS = SHARED / "bench" / "anchors.py"
MAKE_SCALE = SHARED / "bench" / "make_scale_corpus.py"
BENCH_DATA = Path(os.environ.get("BENCH_DATA") or "/var/tmp/footnote-bench")
TARBALL = Path(os.environ.get("KERNEL_TARBALL") or "/usr/src/linux-source-6.1.tar.xz")
GNU_TIME = "/usr/bin/time"
REFERENCES = {"tantivy": "tantivy", "sqlite-fts5": "FTS5"}
KS = (100, 10)
NO_PERSISTENCE = "n/a (no persisted index yet)"

# The project's targets (issue 4): figure key -> (comparison, limit).
ALL_CORPORA = {"startup_ms": ("<=", 150), "rss_index_mb": ("<=", 300), "index_pct": ("<=", 40)}
TARGETS = {
    "squad": {**ALL_CORPORA, "index_s": ("<=", 0.03), "index_cmd_s": ("<=", 0.03), "q100_median_ms": ("<=", 0.05)},
    "kernel": {**ALL_CORPORA, "index_s": ("<=", 1.6), "index_cmd_s": ("<=", 1.6), "index_mb_per_s": (">=", 50),
               "q100_median_ms": ("<=", 0.25), "q100_p99_ms": ("<=", 1.0)},
    "docs": dict(ALL_CORPORA),
}


class Skip(Exception):
    """A corpus or reference that cannot be measured here; the message says why."""


@dataclass
class Corpus:
    name: str
    title: str
    corpus: Path          # what --corpus gets: a BEIR corpus.jsonl or a folder
    queries: Path         # a BEIR queries.jsonl
    beir: Path = None     # the BEIR folder anchors.py reads; None for a folder corpus


def progress(msg):
    print(f"  · {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- corpora ----
def squad_corpus():
    if not (SQUAD / "corpus.jsonl").is_file():
        raise Skip(f"{SQUAD} missing")
    return Corpus("squad", "SQuAD-dev", SQUAD / "corpus.jsonl", SQUAD / "queries.jsonl", SQUAD)


def kernel_corpus():
    """The 80 MB kernel corpus, generated by make_scale_corpus.py on first use."""
    out = BENCH_DATA / "kernel"
    if not all((out / f).is_file() for f in ("corpus.jsonl", "queries.jsonl", "qrels.tsv")):
        if not TARBALL.is_file():
            raise Skip(f"{TARBALL} missing: apt-get install linux-source-6.1")
        partial = BENCH_DATA / "kernel.partial"
        shutil.rmtree(partial, ignore_errors=True)
        progress(f"generating the kernel corpus into {out} (about a minute)")
        subprocess.run([sys.executable, MAKE_SCALE, "--tarball", TARBALL, "--out", partial], check=True,
                       stdout=sys.stderr)
        shutil.rmtree(out, ignore_errors=True)
        partial.rename(out)
    return Corpus("kernel", "kernel corpus (80 MB)", out / "corpus.jsonl", out / "queries.jsonl", out)


def docs_corpus():
    """The kernel's Documentation/ folder, extracted from the tarball on first use."""
    queries = kernel_corpus().queries
    out = BENCH_DATA / "Documentation"
    if not out.is_dir():
        partial = BENCH_DATA / "Documentation.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        progress(f"extracting Documentation/ from {TARBALL} into {out}")
        # The top-level Documentation only: '*' does not cross a '/'.
        subprocess.run(["tar", "-xJf", TARBALL, "-C", partial, "--strip-components=1", "--wildcards",
                        "--no-wildcards-match-slash", "*/Documentation"], check=True)
        (partial / "Documentation").rename(out)
        partial.rmdir()
    return Corpus("docs", "kernel Documentation/ folder", out, queries)


CORPORA = {"squad": squad_corpus, "kernel": kernel_corpus, "docs": docs_corpus}


# ---------------------------------------------------------------- running ----
def run_measured(cmd, what):
    """Run cmd under GNU time; wall seconds (perf_counter), peak RSS in MB (10^6 bytes), output."""
    progress(what)
    cmd = [str(c) for c in cmd]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [GNU_TIME, "-v", "-o", report.name] + cmd if os.access(GNU_TIME, os.X_OK) else cmd
        t0 = time.perf_counter()
        p = subprocess.run(wrapped, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read())
    if p.returncode != 0:
        raise RuntimeError(f"{shlex.join(cmd)} exited with {p.returncode}: {p.stderr.strip()[-600:]}")
    return {"cmd": shlex.join(cmd), "wall_s": wall, "rss_mb": int(rss.group(1)) * 1024 / 1e6 if rss else None,
            "stdout": p.stdout, "stderr": p.stderr}


def tagged(text, tag):
    """The JSON of the line `TAG {json}` (footnote's stderr, anchors.py's stdout)."""
    for line in text.splitlines():
        if line.startswith(tag + " "):
            return json.loads(line[len(tag) + 1:])
    raise RuntimeError(f"no {tag} line in: {text.strip()[-300:]}")


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def dir_bytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def first_query(queries):
    with open(queries, encoding="utf-8") as f:
        return json.loads(f.readline())["text"]


def startup_ms(cmd, runs):
    """Median wall time in ms of the whole process, after one warm-up run."""
    cmd = [str(c) for c in cmd]
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
            subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(runs), "--style", "none",
                            "--export-json", out.name, shlex.join(cmd)], check=True, capture_output=True)
            times = json.load(out)["results"][0]["times"]
        return statistics.median(times) * 1000, "hyperfine"
    times = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        if i:  # run 0 is the warm-up
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, "perf_counter"


def best(runs, key, pick=min):
    values = [r[key] for r in runs if r.get(key) is not None]
    return pick(values) if values else None


def public(run):
    return {k: v for k, v in run.items() if k not in ("stdout", "stderr")}


# --------------------------------------------------------------- footnote ----
def footnote_help(command):
    return subprocess.run([BIN, command, "--help"], capture_output=True, text=True).stdout


def footnote_search(c, k, index_dir, what):
    cmd = [BIN, "search", "--corpus", c.corpus, "--queries", c.queries, "--top", k, "--timings"]
    if index_dir:
        cmd += ["--index-dir", index_dir]
    r = run_measured(cmd, what)
    return {**tagged(r["stderr"], "TIMINGS"), **r, "k": k}


def measure_footnote(c, reps, startup_runs, persisted, scratch):
    fig, runs, na = {}, [], {}
    if persisted:
        full = ["--full"] if "--full" in footnote_help("index") else []
        builds = []
        for i in range(reps):
            index_dir = fresh_dir(scratch / f"{c.name}.index")  # the last one stays for the runs below
            r = run_measured([BIN, "index", *full, "--corpus", c.corpus, "--index-dir", index_dir],
                             f"{c.name}: footnote index, run {i + 1}/{reps}")
            builds.append({**r, "step": "index"})
        fig["index_cmd_s"] = best(builds, "wall_s")
        fig["rss_index_mb"] = best(builds, "rss_mb")
        fig["index_mb"] = dir_bytes(index_dir) / 1e6
        fresh = [{**footnote_search(c, 100, fresh_dir(scratch / f"{c.name}.fresh"),
                                    f"{c.name}: footnote search, empty index dir, run {i + 1}/{reps}"),
                  "step": "build in search"} for i in range(reps)]
        shutil.rmtree(scratch / f"{c.name}.fresh", ignore_errors=True)
        queries = {k: [{**footnote_search(c, k, index_dir, f"{c.name}: footnote search k={k}, persisted "
                                          f"index, run {i + 1}/{reps}"), "step": f"search k={k}"}
                       for i in range(reps)] for k in KS}
        fig["rss_search_mb"] = best(queries[100] + queries[10], "rss_mb")
        fig["index_load_s"] = best(queries[100] + queries[10], "index_load_s")
        provenance = {r.get("index") for r in fresh} | {"persisted: " + str(r.get("index")) for r in queries[100] + queries[10]}
        if provenance != {"built", "persisted: loaded"}:  # what TIMINGS "index" says each run did
            fig["warning"] = f"unexpected index provenance in TIMINGS: {sorted(provenance)}"
        question = first_query(c.queries)
        progress(f"{c.name}: footnote ask \"{question}\", {startup_runs} runs")
        fig["startup_ms"], fig["startup_timer"] = startup_ms(
            [BIN, "ask", "--corpus", c.corpus, "--index-dir", index_dir, question], startup_runs)
        fig["startup_question"] = question
        builds_in_process = fresh
        runs = builds + fresh + queries[100] + queries[10]
    else:
        queries = {k: [{**footnote_search(c, k, None, f"{c.name}: footnote search k={k}, run {i + 1}/{reps}"),
                        "step": f"search k={k}"} for i in range(reps)] for k in KS}
        builds_in_process = queries[100] + queries[10]  # every search builds the index
        fig["rss_index_mb"] = best(builds_in_process, "rss_mb")
        na = {key: NO_PERSISTENCE for key in ("index_mb", "index_cmd_s", "index_load_s", "startup_ms",
                                              "rss_search_mb")}
        runs = builds_in_process
    fig["index_s"] = best(builds_in_process, "index_s")
    fig["index_mb_per_s"] = best(builds_in_process, "index_mb_per_s", max)
    for k in KS:
        fig[f"q{k}_median_ms"] = best(queries[k], "query_median_ms")
        fig[f"q{k}_p99_ms"] = best(queries[k], "query_p99_ms")
    for key in ("docs", "corpus_mb", "queries", "version"):
        fig[key] = runs[-1].get(key)
    if fig.get("index_mb") is not None:
        fig["index_pct"] = 100 * fig["index_mb"] / fig["corpus_mb"]
    return {"figures": fig, "na": na, "runs": [public(r) for r in runs]}


# ------------------------------------------------------------- references ----
def reference_engines(python):
    """The reference engines that import in `python`, and a note on those that do not."""
    if not python:
        raise Skip("ANCHORS_PYTHON is not set")
    try:
        out = subprocess.run([python, ANCHORS, "engines"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise Skip(f"{python} {ANCHORS} engines failed: {e}")
    found = {l.split()[0]: l.split(None, 1)[1].strip() for l in out.splitlines() if len(l.split()) > 1}
    usable = {e: found[e] for e in REFERENCES if e in found and "NOT INSTALLED" not in found[e]
              and "error:" not in found[e]}
    if not usable:
        raise Skip(f"neither tantivy nor sqlite-fts5 imports in {python}")
    return usable


def measure_reference(python, c, engine, reps, scratch):
    runs = []
    for k in KS:
        for i in range(reps):
            r = run_measured([python, ANCHORS, "run", "--data", c.beir, "--engine", engine, "--k", k,
                              "--out", scratch / f"{c.name}.{engine}.trec", "--tmp", scratch],
                             f"{c.name}: anchors.py {engine} k={k}, run {i + 1}/{reps}")
            runs.append({**tagged(r["stdout"], "TIMINGS"), **r, "step": f"search k={k}"})
    fig = {"index_s": best(runs, "index_s"), "index_mb_per_s": best(runs, "index_mb_per_s", max),
           "index_mb": best(runs, "index_mb"), "rss_index_mb": best(runs, "rss_mb"),
           "corpus_mb": runs[0]["corpus_mb"], "version": runs[0]["version"]}
    for k in KS:
        at_k = [r for r in runs if r["k"] == k]
        fig[f"q{k}_median_ms"] = best(at_k, "query_median_ms")
        fig[f"q{k}_p99_ms"] = best(at_k, "query_p99_ms")
    if fig["index_mb"] is not None:
        fig["index_pct"] = 100 * fig["index_mb"] / fig["corpus_mb"]
    return {"figures": fig, "runs": [public(r) for r in runs]}


# ----------------------------------------------------------------- output ----
def seconds(v):
    return f"{v:.3f} s" if v < 10 else f"{v:.2f} s"


def millis(v):
    return f"{v:.3f} ms" if v < 10 else f"{v:.1f} ms"


def size(v, fig):
    return f"{v:.1f} MB ({fig['index_pct']:.0f}% of text)"


ROWS = [  # figure key, label, format
    ("index_s", "index build (index_s, in process)", seconds),
    ("index_mb_per_s", "index throughput", lambda v: f"{v:.1f} MB/s"),
    ("index_cmd_s", "`footnote index`, whole process", seconds),
    ("index_mb", "index size on disk", size),
    ("index_load_s", "index load (persisted, in process)", seconds),
    ("startup_ms", "start → first answer (`ask`)", lambda v: f"{v:.0f} ms" if v >= 10 else f"{v:.1f} ms"),
    ("q100_median_ms", "query median, k=100", millis),
    ("q100_p99_ms", "query p99, k=100", millis),
    ("q10_median_ms", "query median, k=10", millis),
    ("q10_p99_ms", "query p99, k=10", millis),
    ("rss_index_mb", "peak RSS, indexing process", lambda v: f"{v:.0f} MB"),
    ("rss_search_mb", "peak RSS, search (persisted index)", lambda v: f"{v:.0f} MB"),
]
UNITS = {"index_mb_per_s": " MB/s", "startup_ms": " ms", "rss_index_mb": " MB", "index_pct": "% of text",
         "index_s": " s", "index_cmd_s": " s", "q100_median_ms": " ms", "q100_p99_ms": " ms"}


def cell(result, key, fmt):
    if result is None:
        return "—"
    v = result["figures"].get(key)
    if v is None:
        return result.get("na", {}).get(key, "—")
    return fmt(v, result["figures"]) if fmt is size else fmt(v)


def verdict(name, key, fig):
    """(target text, ✓/✗/'') for one figure of ours."""
    target_key = "index_pct" if key == "index_mb" else key
    if target_key not in TARGETS[name]:
        return "", "", None
    op, limit = TARGETS[name][target_key]
    text = f"{'≤' if op == '<=' else '≥'} {limit:g}{UNITS.get(target_key, '')}"
    v = fig.get(target_key)
    if v is None:
        return text, "", None
    ok = v <= limit if op == "<=" else v >= limit
    return text, "✓" if ok else "✗", ok


def table(c, ours, refs):
    fig = ours["figures"]
    header = ["figure", "footnote"] + [REFERENCES[e] for e in refs] + (["ours ÷ theirs"] if refs else [])
    header += ["target", ""]
    rows, checks = [], {}
    for key, label, fmt in ROWS:
        if fig.get(key) is None and key not in ours["na"]:
            continue
        row = [label, cell(ours, key, fmt)] + [cell(refs[e], key, fmt) for e in refs]
        if refs:
            ratios = [f"{fig[key] / refs[e]['figures'][key]:.2f}× {REFERENCES[e]}" for e in refs
                      if fig.get(key) is not None and refs[e]["figures"].get(key)]
            row.append(", ".join(ratios))
        target, mark, ok = verdict(c.name, key, fig)
        if ok is not None:
            checks[key] = {"target": target, "ok": ok}
        rows.append(row + [target, mark])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(x.ljust(w) for x, w in zip(r, widths)) + " |"
    rule = "|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|"
    return "\n".join([line(header), rule] + [line(r) for r in rows]), checks


# ------------------------------------------------------------------- main ----
def default_out():
    stem = ROOT / "runs" / f"bench-{datetime.date.today().isoformat()}"
    out, n = stem.with_suffix(".json"), 2
    while out.exists():
        out, n = Path(f"{stem}-{n}.json"), n + 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", choices=list(CORPORA), help="measure only this corpus (repeatable)")
    ap.add_argument("--quick", action="store_true", help="SQuAD-dev only")
    ap.add_argument("--no-anchors", action="store_true", help="skip tantivy and SQLite FTS5")
    ap.add_argument("--reps", type=int, default=2, help="runs of each Footnote measurement; the best counts")
    ap.add_argument("--anchor-reps", type=int, default=1, help="runs of each reference measurement")
    ap.add_argument("--startup-runs", type=int, default=5, help="timed `footnote ask` runs (median)")
    ap.add_argument("--out", type=Path, help="raw numbers as JSON (default runs/bench-<date>.json)")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # the table and the progress lines (stderr) in order
    if not os.access(FOOTNOTE, os.X_OK):
        sys.exit(f"bench: {FOOTNOTE} missing: swift build -c release")
    global BIN
    scratch = Path(tempfile.mkdtemp(prefix="footnote-speed-", dir="/var/tmp"))
    try:
        BIN = Path(shutil.copy2(FOOTNOTE, scratch / "footnote"))
        record = bench(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    out = args.out or default_out()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=1, default=str) + "\n")
    print(f"load average after: {record['load_after'][0]:.2f}; raw numbers: {out}")


def bench(args, scratch):
    """Measure every corpus asked for, print its table; the record for the JSON file."""
    names = ["squad"] if args.quick else [n for n in CORPORA if not args.only or n in args.only]
    version = subprocess.run([BIN, "--version"], capture_output=True, text=True).stdout.strip()
    persisted = "--index-dir" in footnote_help("index")
    refs, ref_note = {}, ""
    if args.no_anchors:
        ref_note = "skipped (--no-anchors)"
    else:
        try:
            refs = reference_engines(os.environ.get("ANCHORS_PYTHON", ""))
            ref_note = ", ".join(f"{e} ({v})" for e, v in refs.items())
        except Skip as e:
            ref_note = f"skipped: {e}"
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True,
                            text=True).stdout.strip()
    sha = hashlib.sha256(BIN.read_bytes()).hexdigest()
    print(f"footnote {version} ({FOOTNOTE}, sha256 {sha[:12]}, tree {commit or '?'}); persisted index: "
          f"{'yes (--index-dir)' if persisted else 'no (the binary has no --index-dir yet)'}")
    print(f"references: {ref_note}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; Footnote figures: "
          + (f"the better of {args.reps} runs each" if args.reps > 1 else "one run each")
          + f", start-up the median of {args.startup_runs}; references: {args.anchor_reps} run(s) each\n")
    record = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "footnote": str(FOOTNOTE),
              "footnote_sha256": sha, "version": version, "tree": commit, "persisted_index": persisted,
              "references": ref_note, "cores": os.cpu_count(), "load_before": os.getloadavg(),
              "reps": args.reps, "anchor_reps": args.anchor_reps, "startup_runs": args.startup_runs, "corpora": {}}
    for name in names:
        try:
            c = CORPORA[name]()
            ours = measure_footnote(c, args.reps, args.startup_runs, persisted, scratch)
            theirs = {e: measure_reference(os.environ["ANCHORS_PYTHON"], c, e, args.anchor_reps, scratch)
                      for e in refs} if c.beir else {}
        except (Skip, RuntimeError, subprocess.CalledProcessError) as e:
            print(f"### {name}: not measured: {e}\n")
            record["corpora"][name] = {"error": str(e)}
            continue
        fig = ours["figures"]
        print(f"### {c.title}: {fig['docs']:,} passages, {fig['corpus_mb']:.1f} MB of text, "
              f"{fig['queries']:,} queries\n")
        text, checks = table(c, ours, theirs)
        print(text)
        notes = []
        if refs and not c.beir:
            notes.append("references: n/a (anchors.py reads BEIR folders only)")
        if fig.get("warning"):
            notes.append("warning: " + fig["warning"])
        if fig.get("startup_question"):
            notes.append(f"start-up question: \"{fig['startup_question']}\" ({fig['startup_timer']})")
        if theirs:
            notes.append("references: anchors.py defaults (one indexing thread); their peak RSS is the whole "
                         "Python process, corpus strings included")
        print("\n" + "\n".join(notes) + ("\n" if notes else ""))
        record["corpora"][name] = {"corpus": str(c.corpus), "queries": str(c.queries), "footnote": ours,
                                   "references": theirs, "targets": checks}
    record["load_after"] = os.getloadavg()
    return record


if __name__ == "__main__":
    main()
