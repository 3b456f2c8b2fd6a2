#!/usr/bin/env python3
"""make bench (second part): reading the formats beyond text, on this machine.

Corpora
  pdf     a folder of PDFs: the largest --pdf-count man pages of
          /usr/share/man/man1 set by groff (`groff -man -Tpdf`), generated on
          first use into $BENCH_DATA/pdf (default /var/tmp/footnote-bench/pdf),
          then reused.
  usrdoc  /usr/share/doc as it is: HTML, text, and most of it gzipped
          (changelogs, READMEs, NEWS), with PDFs and images among it.

What is measured
  * Footnote: the whole `footnote index --full --corpus X --index-dir DIR`
    process (fresh folder each run), wall time and peak RSS (GNU time);
    MB/s is the corpus's bytes on disk per second, files/s its files per
    second; the documents read and the skip summary are from its stderr.
  * pdftotext (poppler-utils), the floor for PDF: every PDF of the folder
    to text, the same number of processes at once as Footnote has cores
    (xargs -P), wall time. Footnote reads the same text through the same
    library, then cuts passages and builds the index: the issue's target is
    Footnote's wall time at most 1.2 x pdftotext's.
The better of --reps runs (default 2) counts for each figure: the machine is
shared and noisy. Standard library only.
"""
import argparse, gzip, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

from speed import BENCH_DATA, FOOTNOTE, progress, run_measured   # Benchmarks/speed.py: the same binary, data folder and timing


def pdf_folder(count):
    out = BENCH_DATA / "pdf"
    if out.is_dir() and len(list(out.glob("*.pdf"))) == count:
        return out
    if not shutil.which("groff") or not Path("/usr/share/groff").is_dir():
        raise SystemExit("bench formats: groff missing (apt-get install groff) to make the PDF folder")
    pages = sorted(Path("/usr/share/man/man1").glob("*.1.gz"), key=lambda p: (-p.stat().st_size, p.name))[:count]
    partial = BENCH_DATA / "pdf.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    progress(f"setting {len(pages)} man pages as PDF into {out} (a few minutes, once)")
    for page in pages:
        target = partial / (page.name[:-len(".1.gz")] + ".pdf")
        with open(target, "wb") as f:
            roff = gzip.decompress(page.read_bytes())
            subprocess.run(["groff", "-man", "-Tpdf", "-P-p11i,8.5i"], input=roff, stdout=f, stderr=subprocess.DEVNULL)
    for f in partial.glob("*.pdf"):
        if f.stat().st_size < 1000:
            f.unlink()
    shutil.rmtree(out, ignore_errors=True)
    partial.rename(out)
    return out


def footnote_index(binary, corpus, scratch, reps):
    """The fastest of `reps` full index builds into a fresh folder (its peak RSS the lowest seen)."""
    runs = []
    for _ in range(reps):
        index = scratch / "index"
        shutil.rmtree(index, ignore_errors=True)
        measured = run_measured([binary, "index", "--full", "--corpus", corpus, "--index-dir", index], f"footnote index {corpus}")
        runs.append({"wall": measured["wall_s"], "rss": measured["rss_mb"], "stderr": measured["stderr"]})
    best = dict(min(runs, key=lambda r: r["wall"]))
    rss = [r["rss"] for r in runs if r["rss"] is not None]
    best["rss"] = min(rss) if rss else None
    return best


def pdftotext_floor(folder, reps):
    files = sorted(str(p) for p in folder.glob("*.pdf"))
    cores = str(os.cpu_count() or 1)
    best = None
    for _ in range(reps):
        t0 = time.perf_counter()
        subprocess.run(["xargs", "-0", "-P", cores, "-n", "8", "sh", "-c", 'for f; do pdftotext -q "$f" /dev/null; done', "sh"],
                       input="\0".join(files).encode(), check=True)
        wall = time.perf_counter() - t0
        best = wall if best is None else min(best, wall)
    return best


def corpus_size(folder):
    files = [p for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink()]
    return len(files), sum(p.stat().st_size for p in files)


def summary_lines(stderr):
    return [l.removeprefix("footnote: ") for l in stderr.splitlines() if "skipped" in l or "warnings on" in l]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--pdf-count", type=int, default=200)
    ap.add_argument("--only", choices=["pdf", "usrdoc"], action="append")
    args = ap.parse_args()
    if not os.access(FOOTNOTE, os.X_OK):
        sys.exit(f"bench formats: {FOOTNOTE} missing: swift build -c release")
    scratch = Path(tempfile.mkdtemp(prefix="footnote-formats-", dir="/var/tmp"))
    try:
        binary = Path(shutil.copy2(FOOTNOTE, scratch / "footnote"))
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; the better of {args.reps} runs each\n")
        print("| corpus | files | MB on disk | index wall | MB/s | files/s | peak RSS | floor | ours / floor | target |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        notes = []
        if not args.only or "pdf" in args.only:
            folder = pdf_folder(args.pdf_count)
            files, size = corpus_size(folder)
            ours = footnote_index(binary, folder, scratch, args.reps)
            floor = pdftotext_floor(folder, args.reps)
            ratio = ours["wall"] / floor
            print(f"| PDFs (man pages by groff) | {files:,} | {size / 1e6:.1f} | {ours['wall']:.2f} s | {size / 1e6 / ours['wall']:.1f} | "
                  f"{files / ours['wall']:.0f} | {ours['rss']:.0f} MB | pdftotext {floor:.2f} s | {ratio:.2f} | "
                  f"≤ 1.2 {'met' if ratio <= 1.2 else 'MISSED'} |")
            notes += ["PDFs: " + l for l in summary_lines(ours["stderr"])]
        if not args.only or "usrdoc" in args.only:
            files, size = corpus_size("/usr/share/doc")
            ours = footnote_index(binary, "/usr/share/doc", scratch, args.reps)
            print(f"| /usr/share/doc | {files:,} | {size / 1e6:.1f} | {ours['wall']:.2f} s | {size / 1e6 / ours['wall']:.1f} | "
                  f"{files / ours['wall']:.0f} | {ours['rss']:.0f} MB | — | — | — |")
            notes += ["/usr/share/doc: " + l for l in summary_lines(ours["stderr"])]
        print("\n" + "\n".join(notes))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
