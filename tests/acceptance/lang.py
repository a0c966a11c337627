"""Issue 20 from the outside: every command run with no language in the
environment, with `--lang en` and with `LANG=en_US.UTF-8` speaks Vietnamese
(resp. English) in its own words, names things by the plan's labels rather
than codes in human and markdown output, writes dates dd/mm/yyyy for people
and ISO for machines, and keeps JSON and exit codes the same in both
languages.

The plan's own text (its quoted strings), the data's cells and file paths
are taken out of an output before its words are judged: only the tool's own
words count. Every offending line is a failure naming the command, the
language and the line: no area is known to be English any more (bad data
files, a plan test that fails, hooks past their limits and files that cannot
be read are run too)."""

import csv
import json
import os
import re
import subprocess
from pathlib import Path

from model import plan_texts

PLAN = "plans/hanoi/01-KH-TU.kh"
OLD = "plans/hanoi/165-KH-TU.kh"
DATA = ["plans/hanoi/data/dang-vien.csv", "plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"]
DIFF_OLD, DIFF_NEW, DIFF_DATA = "tests/diff/old.kh", "tests/diff/new.kh", "tests/diff/members.csv"
DONE = "tests/schedule/done-2024.csv"
CELLS = ["plans/hanoi/data/chi-bo.csv", "plans/hanoi/data/bi-thu.csv"]
# Bad data: cells that are not grades, flags, dates or numbers, a ref to no
# record, a repeated id, an unknown subject, a missing id, a file without a
# criterion's column (and a blank row, a column nobody declares), a file
# that is not UTF-8 (not read by `Plain`: its cells are not text).
BAD = ["tests/data_lang/bad-cells.csv", "tests/data_lang/no-column.csv"]
LEGACY = "tests/data_lang/legacy.csv"
HOOKS = [("tests/hooks/hooks.kh", "tests/hooks/hooks.csv"), ("tests/hooks/hostile.kh", "tests/hooks/hostile.csv")]
# Files a run cannot read at all (exit 2): (file, what Vietnamese says, what English says).
UNREADABLE = [("tests/data_lang/nul.csv", "byte NUL", "NUL byte"),
              ("tests/data_lang/notes.txt", "không phải tệp dữ liệu", "is not a data file"),
              ("tests/data_lang/none.csv", "không có tệp này", "cannot read")]

VI = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
VI_WORD = re.compile(rf"\w*[{VI}{VI.upper()}]\w*")
# English words the tool must not say in Vietnamese; matched on whole words.
EN_WORDS = re.compile(r"\b(the|records?|error:|warning:|Usage:|Options:|line \d+|is not|holds|"
                      r"given|must|should|found|missing|expected|pass|failed|late|days?)\b", re.I)
LANG_VARS = ("KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
# How each language is asked for: (name, extra arguments, environment).
MODES = [("vi (no locale)", [], {}), ("en (--lang en)", ["--lang", "en"], {}),
         ("en (LANG=en_US.UTF-8)", [], {"LANG": "en_US.UTF-8"})]
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
UNPADDED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})\b")
PATH_ITEM = re.compile(r"\b(subject|level|criterion|field|flag|tier|tiers|scale)\.\w+\.\w+")
# A line that quotes the plan's source (diff hunks, explain's rule lines).
SOURCE = re.compile(r"^\s*[-+]?\s*(rule|cap|exempt\??|otherwise|quota|criterion|flag|field|level|"
                    r"subject|hook|due|report)\b|^\s*[-+]?\s*\w+ \"[^\"]*\""
                    r"|^\s*\d*\s*[│·]")  # a snippet of the plan under a diagnostic


def run(tools, args, mode):
    """(status, stdout, stderr) of kehoach in one language mode."""
    _, extra, env_extra = mode
    env = {k: v for k, v in os.environ.items() if k not in LANG_VARS}
    env.update(NO_COLOR="1", **env_extra)
    p = subprocess.run([tools.kehoach, *map(str, args), *extra], cwd=tools.root, env=env,
                       capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


class Plain:
    """What to take out of an output before judging its words: the plans'
    quoted strings, the data's cells, paths; and the codes it must not show
    bare."""

    def __init__(self, root, plans, data):
        self.strings, self.codes = set(), set()
        for plan in plans:
            for text in plan_texts(plan, root):
                self.strings.update(re.findall(r'"([^"\n]+)"', text))
        self.plan_strings = sorted({x.lower() for x in self.strings}, key=len, reverse=True)
        for plan in plans:
            for text in plan_texts(plan, root):
                self.codes.update(re.findall(r"^\s*(?:subject|level)\s+(\w+)", text, re.M))
                m = re.search(r"^tiers\s*\{(.*?)\}", text, re.M | re.S)
                if m:
                    self.codes.update(re.findall(r"^\s*(\w+)\s+\"", m.group(1), re.M))
        for f in data:
            with open(Path(root) / f, encoding="utf-8-sig", newline="") as fh:
                head = fh.readline()
                fh.seek(0)
                delim = max(",;|\t", key=head.count)
                for row in csv.reader(fh, delimiter=delim):
                    self.strings.update(c.strip() for c in row if c.strip())
        self.strings = sorted({x.lower() for x in self.strings}, key=len, reverse=True)
        self.labels = {}
        for plan in plans:
            for text in reversed(plan_texts(plan, root)):
                self.labels.update(re.findall(r'^\s*(?:subject|level)\s+(\w+)\s+"([^"]+)"', text, re.M))
                m = re.search(r"^tiers\s*\{(.*?)\}", text, re.M | re.S)
                if m:
                    self.labels.update(re.findall(r'^\s*(\w+)\s+"([^"]+)"', m.group(1), re.M))

    def plan_only(self, line):
        """A line without the plan's quoted strings (for dates: a date the
        author typed in a label is the author's)."""
        return self.strip(line, keep_data=True)

    def strip(self, line, keep_data=False):
        """The tool's own words of a line (the plan's text, shortened with
        `…` or not, the data's cells and paths taken out)."""
        line = re.sub(r"`[^`]*`", " ", line).lower()
        for cut in re.findall(r"[^\s…](?:[^…]*?)…", line):
            if any(s.startswith(cut[:-1].strip()) for s in self.strings):
                line = line.replace(cut, " ")
        line = re.sub(r"\S+\.(kh|csv|json|ics|html|xlsx)(:\d+(:\d+)?)?", " ", line)
        for s in self.plan_strings if keep_data else self.strings:
            if len(s) > 1 and s in line:
                line = line.replace(s, " ")
        return line

    def bare_codes(self, line):
        """Codes of subjects, levels and tiers shown as a name (outside
        backticks and quotes)."""
        line = re.sub(r'"[^"]*"', " ", re.sub(r"`[^`]*`", " ", line))
        return [c for c in self.codes if self.labels.get(c, "\0") not in line and re.search(rf"(?<![\w.`/-]){re.escape(c)}(?![\w`.-])", line)]


def html_text(page):
    page = re.sub(r"(?is)<(script|style|pre)\b.*?</\1>", " ", page)
    page = re.sub(r"(?is)<code\b[^>]*>(.*?)</code>", r"`\1`", page)
    page = re.sub(r"<[^>]+>", "\n", page)
    return re.sub(r"&[a-z]+;|&#\d+;", " ", page)


def human_lines(text, markdown=False):
    """The lines of a human output that are not quoted plan source."""
    out, fenced = [], False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or SOURCE.match(line) or not line.strip():
            continue
        out.append(line)
    return out


def flag(ck, ok, what, cmd, line):
    """A check on one line of command `cmd`'s output."""
    return ck.that(ok, what if ok else f"{what}: {line.strip()!r}")


def commands(work):
    """(title, arguments, kind, plans, data, a Vietnamese phrase the output
    must hold in the default locale)."""
    d, dd = ["--data", *DATA], ["--data", DIFF_DATA]
    bad, unformatted = work / "lang-bad.kh", work / "lang-unformatted.kh"
    return [
        ("check", ["check", PLAN], "human", [PLAN], [], "kiểm tra"),
        ("check broken", ["check", bad], "human", [bad], [], "lỗi"),
        ("check --format json", ["check", bad, "--format", "json"], "json", [bad], [], None),
        ("fmt --check", ["fmt", "--check", unformatted], "human", [unformatted], [], "định dạng"),
        ("eval", ["eval", PLAN, "--year", 2020, *d], "human", [PLAN], DATA, "Năm đánh giá 2020"),
        ("eval --format csv", ["eval", PLAN, "--year", 2020, *d, "--format", "csv"], "csv", [PLAN], DATA, None),
        ("eval --format json", ["eval", PLAN, "--year", 2020, *d, "--format", "json"], "json", [PLAN], DATA, None),
        ("explain", ["explain", PLAN, "--year", 2020, *d, "--id", "DV0003"], "human", [PLAN], DATA, "Tiêu chí"),
        ("explain --format json", ["explain", PLAN, "--year", 2020, *d, "--id", "DV0003", "--format", "json"],
         "json", [PLAN], DATA, None),
        ("report", ["report", PLAN, "--year", 2020, *d], "html", [PLAN], DATA, "Năm đánh giá"),
        ("test", ["test", PLAN], "human", [PLAN], [], "đạt"),
        ("diff", ["diff", OLD, PLAN, "--year", 2020], "human", [OLD, PLAN], [], "So sánh kế hoạch"),
        ("diff --format markdown", ["diff", OLD, PLAN, "--year", 2020, "--format", "markdown"], "markdown",
         [OLD, PLAN], [], "So sánh kế hoạch"),
        ("diff --format json", ["diff", OLD, PLAN, "--year", 2020, "--format", "json"], "json", [OLD, PLAN], [], None),
        ("diff --format html", ["diff", OLD, PLAN, "--year", 2020, "--format", "html"], "html", [OLD, PLAN], [],
         "So sánh kế hoạch"),
        ("diff --data", ["diff", DIFF_OLD, DIFF_NEW, "--year", 2024, *dd], "human", [DIFF_OLD, DIFF_NEW],
         [DIFF_DATA], "Tác động"),
        ("diff --data --format markdown", ["diff", DIFF_OLD, DIFF_NEW, "--year", 2024, *dd, "--format", "markdown"],
         "markdown", [DIFF_OLD, DIFF_NEW], [DIFF_DATA], "Tác động"),
        ("diff --data --format json", ["diff", DIFF_OLD, DIFF_NEW, "--year", 2024, *dd, "--format", "json"],
         "json", [DIFF_OLD, DIFF_NEW], [DIFF_DATA], None),
        ("diff --data --format html", ["diff", DIFF_OLD, DIFF_NEW, "--year", 2024, *dd, "--format", "html"],
         "html", [DIFF_OLD, DIFF_NEW], [DIFF_DATA], "Tác động"),
        ("schedule", ["schedule", PLAN, "--year", 2024], "human", [PLAN], [], "hạn cuối"),
        ("schedule --format json", ["schedule", PLAN, "--year", 2024, "--format", "json"], "json", [PLAN], [], None),
        ("schedule --format ics", ["schedule", PLAN, "--year", 2024, "--format", "ics"], "ics", [PLAN], [], None),
        ("schedule --done", ["schedule", PLAN, "--year", 2024, "--done", DONE], "human", [PLAN], [DONE], "đúng hạn"),
        ("schedule --done --format json", ["schedule", PLAN, "--year", 2024, "--done", DONE, "--format", "json"],
         "json", [PLAN], [DONE], None),
        ("show", ["show", PLAN], "show", [PLAN], [], None),
        ("eval bad data", ["eval", PLAN, "--year", 2020, "--data", *BAD, LEGACY, *CELLS], "human", [PLAN],
         BAD + CELLS, "không phải là mức đánh giá"),
        ("explain a record in error", ["explain", PLAN, "--year", 2020, "--data", *BAD, *CELLS, "--id", "X06"],
         "human", [PLAN], BAD + CELLS, "Kết quả: lỗi"),
        ("test failing", ["test", work / "lang-failing.kh"], "human", [work / "lang-failing.kh"], [], "kết quả cần là"),
    ] + [(f"eval hooks {Path(plan).stem}", ["eval", plan, "--data", data, "--year", 2024], "human", [plan], [data],
          "bị lỗi ở") for plan, data in HOOKS] + [(f"{c} --help", [*([c] if c else []), "--help"], "help", [], [], "Cách dùng")
         for c in ["", "check", "fmt", "eval", "explain", "report", "test", "diff", "schedule", "show"]]


def write_inputs(work):
    (work / "lang-bad.kh").write_text(
        'plan "X" {\n  issued 2024-01-10\n}\n\ntiers {\n  htt "Hoàn thành tốt nhiệm vụ"\n'
        '  ht "Hoàn thành nhiệm vụ"\n}\n\nsubject dv "Đảng viên" {\n'
        '  criterion a "A" points 100\n  rule htt when score >= 75 && a\n  otherwise ht\n}\n',
        encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    text = (root / DIFF_OLD).read_text(encoding="utf-8")
    (work / "lang-unformatted.kh").write_text(text.replace("\n  criterion", "\n      criterion"),
                                              encoding="utf-8")
    # A plan whose tests fail every way: a score, a count, a tier, exempt, an error.
    text = (root / "plans/hanoi/165-KH-TU.kh").read_text(encoding="utf-8")
    for old, new in [('expect "DV1" score 75', 'expect "DV1" score 80\n  expect count dang_vien htxs 1'),
                     ('expect "DV1" tier htt', 'expect "DV1" tier htxs\n  expect "DV1" exempt'),
                     ('expect "DV2" tier kht', 'expect "DV2" error')]:
        text = text.replace(old, new)
    (work / "lang-failing.kh").write_text(text, encoding="utf-8")


def without(value, keys=("message", "help")):
    """A JSON value with the language's words (`message`, `help`) taken out."""
    if isinstance(value, dict):
        return {k: without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [without(v, keys) for v in value]
    return value


def output(tools, title, args, kind, mode):
    """(status, the text to judge) of one command in one language."""
    if kind == "html":
        slug = re.sub(r"\W+", "-", f"{title} {mode[0]}")
        page = tools.work / f"lang-{slug}.html"
        code, out, err = run(tools, [*args, "--out", page], mode)
        return code, (page.read_text(encoding="utf-8") if page.is_file() else "") + out + err
    code, out, err = run(tools, args, mode)
    return code, out + ("\n" + err if kind not in ("json", "csv", "ics") else "")


def check_vietnamese(ck, plain, cmd, text, phrase):
    words = [w for line in text.splitlines() for w in VI_WORD.findall(plain.strip(line))]
    ck.that(bool(words), "the tool's own words are Vietnamese (once the plan's text is taken out)")
    if phrase:
        ck.that(phrase.lower() in text.lower(), f"says {phrase!r}")
    for line in text.splitlines():
        bad = EN_WORDS.findall(plain.strip(line))
        flag(ck, not bad, f"no English tool words ({', '.join(sorted(set(bad)))})", cmd, line)


def check_english(ck, plain, cmd, text):
    own = " ".join(plain.strip(line) for line in text.splitlines())
    ck.that(bool(re.search(r"\b(the|of|in|to|and|plan|year|records?|passed|Usage|changes?|deadline|would|reformat)\b", own, re.I)),
            "the tool's own words are English")
    for line in text.splitlines():
        bad = VI_WORD.findall(plain.strip(line))
        flag(ck, not bad, f"no Vietnamese tool words ({', '.join(sorted(set(bad)))})", cmd, line)


def check_people(ck, plain, cmd, text):
    """Labels rather than codes, dates dd/mm/yyyy."""
    for line in human_lines(text):
        flag(ck, not PATH_ITEM.search(line), "no internal path", cmd, line)
        codes = plain.bare_codes(line)
        flag(ck, not codes, f"labels, not the codes {codes}", cmd, line)
        # A hook's note is its script's words, not the tool's.
        own = re.sub(r"(hook|bổ sung) `[^`]*`: [^;]*", " ", line)
        own = re.sub(r"\S+\.(kh|csv|json|ics|html)(:\d+)*|`[^`]*`", " ", own)
        own = plain.plan_only(own)
        flag(ck, not ISO.search(own), "dates dd/mm/yyyy, not yyyy-mm-dd", cmd, line)
        short = [m.group(0) for m in UNPADDED.finditer(own) if len(m.group(1)) < 2 or len(m.group(2)) < 2]
        flag(ck, not short, f"dates zero-padded ({short})", cmd, line)


def check_command(ck, tools, title, args, kind, plans, data, phrase):
    plain = Plain(tools.root, [p for p in plans], data)
    runs = {}
    for mode in MODES:
        ck.scope = f"lang: {title} [{mode[0]}]"
        code, text = output(tools, title, args, kind, mode)
        runs[mode[0]] = (code, text)
        ck.that(code in (0, 1), f"exits 0 or 1, not {code}")
        if kind in ("human", "markdown", "html", "help"):
            text = html_text(text) if kind == "html" else text
            if mode[0].startswith("vi"):
                check_vietnamese(ck, plain, title, text, phrase)
            else:
                check_english(ck, plain, title, text)
            if kind == "help":
                want = "Usage:" if mode[0].startswith("en") else "Cách dùng:"
                ck.that(want in text, f"the help says {want!r}")
            else:
                check_people(ck, plain, title, text)
        if kind == "html":
            want = "en" if mode[0].startswith("en") else "vi"
            ck.that(f'<html lang="{want}"' in runs[mode[0]][1], f'the page says <html lang="{want}">')
        if kind == "ics":
            ck.that(bool(re.search(r"^DTSTART;VALUE=DATE:\d{8}\r?$", text, re.M)), "ics dates stay ISO (yyyymmdd)")
        if kind == "json":
            ck.that(bool(ISO.search(text)) or "date" not in text, "JSON dates stay ISO")
    check_same(ck, title, kind, runs)


def check_same(ck, title, kind, runs):
    """Exit codes, JSON (but its `message`/`help`), CSV and the plan's text
    are the same in every language."""
    (base, (code, text)), *others = runs.items()
    for name, (c, t) in others:
        ck.scope = f"lang: {title} [{name} vs {base}]"
        ck.equal(c, code, "exit status in both languages")
        if kind == "json":
            try:
                a, b = without(json.loads(text)), without(json.loads(t))
            except ValueError as e:
                ck.that(False, f"JSON parses: {e}")
                continue
            ck.that(a == b, "JSON identical once `message`/`help` are taken out: "
                    + first_difference(json.dumps(a, ensure_ascii=False, indent=1),
                                       json.dumps(b, ensure_ascii=False, indent=1)))
        if kind in ("csv", "show"):
            ck.that(text == t, f"{kind} output identical in both languages: {first_difference(text, t)}")


def first_difference(a, b):
    for x, y in zip(a.splitlines(), b.splitlines()):
        if x != y:
            return f"{x.strip()!r} vs {y.strip()!r}"
    return "" if a == b else "(lengths differ)"


def check_csv_words(ck, tools):
    """The CSV is for programs and spreadsheets alike: like JSON it must not
    change with the reader's language (docs/DECISIONS.md, "Language of the
    output"), so its reasons keep the plan's codes and lines, and the same
    bytes come out whatever the locale. People read the table, the workbook
    and the report."""
    ck.scope = "lang: eval --format csv"
    args = ["eval", PLAN, "--year", 2020, "--data", *DATA, "--format", "csv"]
    outs = [run(tools, args, mode)[1] for mode in MODES]
    rows = list(csv.DictReader(outs[0].splitlines()))
    ck.that(bool(rows), "the CSV has rows")
    ck.that(all(o == outs[0] for o in outs), "the CSV is the same in every language")


def check_precedence(ck, tools):
    """`--lang vi` wins over LANG=en_US, and KEHOACH_LANG=en over LANG=vi."""
    ck.scope = "lang: precedence"
    _, out, _ = run(tools, ["check", PLAN, "--lang", "vi"], ("", [], {"LANG": "en_US.UTF-8"}))
    ck.that(bool(VI_WORD.search(out)), f"--lang vi beats LANG=en_US.UTF-8: {out.strip()!r}")
    _, out, _ = run(tools, ["check", PLAN], ("", [], {"LANG": "vi_VN.UTF-8", "KEHOACH_LANG": "en"}))
    ck.that(not VI_WORD.search(out), f"KEHOACH_LANG=en beats LANG=vi_VN.UTF-8: {out.strip()!r}")
    _, out, _ = run(tools, ["check", PLAN], ("", [], {"LANG": "fr_FR.UTF-8"}))
    ck.that(bool(VI_WORD.search(out)), f"LANG=fr_FR.UTF-8 falls back to Vietnamese: {out.strip()!r}")


def check_unreadable(ck, tools):
    """A file a run cannot read stops it (exit 2) with one message in the
    reader's language on standard error."""
    for file, vi, en in UNREADABLE:
        for mode in MODES:
            ck.scope = f"lang: eval --data {file} [{mode[0]}]"
            code, out, err = run(tools, ["eval", PLAN, "--data", file], mode)
            ck.equal(code, 2, "a file that cannot be read exits 2")
            want, start = (en, "error: ") if mode[0].startswith("en") else (vi, "lỗi: ")
            ck.that(err.startswith(start) and want in err, f"says {start!r} … {want!r}: {err.strip()!r}")
            own = re.sub(r"`[^`]*`|\S+\.(csv|txt)", " ", err)
            bad = VI_WORD.findall(own) if mode[0].startswith("en") else EN_WORDS.findall(own)
            ck.that(not bad, f"no words of the other language ({bad}): {err.strip()!r}")


def check(ck, tools):
    write_inputs(tools.work)
    for title, args, kind, plans, data, phrase in commands(tools.work):
        check_command(ck, tools, title, args, kind, plans, data, phrase)
    check_csv_words(ck, tools)
    check_precedence(ck, tools)
    check_unreadable(ck, tools)
