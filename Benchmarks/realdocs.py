#!/usr/bin/env python3
"""hit@1 and hit@3 of footnote on real documentation folders.

Usage: realdocs.py BIN [FIXTURE.tsv ...] [--verbose] [-- extra footnote options]

Each fixture (default: Tests/Fixtures/realdocs/*.tsv) names a Debian
package and the folder it installs (`# package:`, `# corpus:`), then one
answer location a row: question, the files that answer it (relative to the
corpus, `|` between alternatives) and a phrase of the answering paragraph.
A question's first row is its writer's; later rows marked `pooled` were
judged blind from a pool of cited passages. A fixture
whose folder is missing is skipped with a line saying which package to
install. The questions are piped to `BIN --corpus DIR --json --top 3` in a
temporary HOME (the index is built first, untimed). A hit at rank r: the
r-th citation names an answering file and its line range covers the
phrase's lines in that file (the phrase is found in the file's visible text:
HTML tags stripped, entities decoded, whitespace collapsed, case folded).
Prints per fixture `NAME: hit@1 x hit@3 x (writer's locations only: x / x)
over N questions (abstained A)`, the first pair over all locations, and
with --verbose each miss.
"""
import html.parser, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


class VisibleText(html.parser.HTMLParser):
    """The page's visible text, one character at a time, with each one's source line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chars, self.lines, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.add(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        self.add(" ")

    def handle_data(self, data):
        if not self.skip:
            line = self.getpos()[0]
            for ch in data:
                self.chars.append(ch)
                self.lines.append(line)
                if ch == "\n":
                    line += 1

    def add(self, ch):
        self.chars.append(ch)
        self.lines.append(self.getpos()[0])


def normalised(path):
    """(text, line of each character): whitespace collapsed, lowercased."""
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    if path.endswith((".html", ".htm")):
        p = VisibleText()
        p.feed(raw)
        chars, lines = p.chars, p.lines
    else:
        chars, lines, line = [], [], 1
        for ch in raw:
            chars.append(ch)
            lines.append(line)
            if ch == "\n":
                line += 1
    text, at = [], []
    for ch, line in zip(chars, lines):
        if ch.isspace():
            if text and text[-1] == " ":
                continue
            ch = " "
        text.append(ch.lower())
        at.append(line)
    return "".join(text), at


def phrase_lines(path, phrase):
    """First and last line of the phrase's first occurrence, or None."""
    text, at = normalised(path)
    i = text.find(" ".join(phrase.lower().split()))
    if i < 0:
        return None
    return at[i], at[i + len(phrase) - 1 if i + len(phrase) - 1 < len(at) else -1]


def read_fixture(path):
    """(meta, questions): each question with its answer locations, the
    writer's first, as (files, phrase, pooled)."""
    meta, questions, where = {}, [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# "):
                m = re.match(r"# (package|corpus): (.*)", line)
                if m:
                    meta[m.group(1)] = m.group(2).strip()
                continue
            if line.strip():
                cells = line.split("\t")
                q, files, phrase = cells[:3]
                pooled = len(cells) > 3 and cells[3] == "pooled"
                if q not in where:
                    where[q] = len(questions)
                    questions.append((q, []))
                questions[where[q]][1].append((files.split("|"), phrase, pooled))
    return meta, questions


def hit_rank(corpus, cited, locations):
    """The rank (1-based) of the first citation that covers one of `locations`, or None."""
    for r, c in enumerate(cited, 1):
        for files, phrase, _ in locations:
            if c["file"] in files:
                where = phrase_lines(os.path.join(corpus, c["file"]), phrase)
                if where and c["lines"][0] <= where[1] and where[0] <= c["lines"][-1]:
                    return r
    return None


FIXTURES = os.path.join(HERE, "..", "Tests", "Fixtures", "realdocs")


def split_options(argv):
    """(arguments, extra footnote options): the options are what follows `--`."""
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, []


def fixture_paths(given):
    """The fixtures named, or every set in Tests/Fixtures/realdocs."""
    return given or sorted(os.path.join(FIXTURES, f) for f in os.listdir(FIXTURES) if f.endswith(".tsv"))


def ask(binary, corpus, questions, extra, runs):
    """The JSON answers of `binary` to `questions` over `corpus`, one list per
    run of options in `runs` (each after `extra`), in a temporary HOME whose
    index is built first, untimed, with `extra`."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CACHE_HOME=home + "/cache", XDG_STATE_HOME=home + "/state", NO_COLOR="1")
        subprocess.run([binary, "index", "--corpus", corpus] + extra, env=env, check=True, capture_output=True)
        answers = []
        for options in runs:
            out = subprocess.run([binary, "--corpus", corpus, "--json"] + extra + options, input="".join(q + "\n" for q in questions),
                                 env=env, capture_output=True, text=True, check=True)
            answers.append([json.loads(l) for l in out.stdout.splitlines() if l.strip()])
            assert len(answers[-1]) == len(questions), (corpus, len(answers[-1]), len(questions))
    return answers


def main():
    args, extra = split_options(sys.argv[1:])
    verbose = "--verbose" in args
    args = [a for a in args if a != "--verbose"]
    binary = args[0]
    for fixture in fixture_paths(args[1:]):
        meta, rows = read_fixture(fixture)
        name = os.path.basename(fixture)[:-4]
        corpus = meta["corpus"]
        if not os.path.isdir(corpus):
            print(f"{name}: skipped ({corpus} missing: apt-get install {meta.get('package', name)})")
            continue
        answers = ask(binary, corpus, [q for q, _ in rows], extra, [["--top", "3"]])[0]
        writer = [0, 0]
        pooled = [0, 0]
        abstained = 0
        for (q, locations), a in zip(rows, answers):
            cited = a.get("answers", [])
            abstained += not cited
            strict = hit_rank(corpus, cited, [l for l in locations if not l[2]])
            rank = hit_rank(corpus, cited, locations)
            writer[0] += strict == 1
            writer[1] += strict is not None
            pooled[0] += rank == 1
            pooled[1] += rank is not None
            if verbose and rank != 1:
                print(f"  miss ({rank}): {q}  want {locations[0][0][0]}  got " +
                      "; ".join(f"{c['file']}:{c['lines'][0]}-{c['lines'][-1]} {c['section'][-50:]}" for c in cited))
        n = len(rows)
        print(f"{name}: hit@1 {pooled[0] / n:.2f} hit@3 {pooled[1] / n:.2f} (writer's locations only: "
              f"{writer[0] / n:.2f} / {writer[1] / n:.2f}) over {n} questions (abstained {abstained})")


if __name__ == "__main__":
    main()
