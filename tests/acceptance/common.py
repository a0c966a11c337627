"""Shared helpers of the acceptance suite: running kehoach, LibreOffice and
Chromium, reading their outputs, and collecting failures.

Only the standard library and openpyxl are used. The suite runs the built
binary from the outside, as a tester would; it does not read kehoach's code.
"""

import csv
import html.parser
import json
import os
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree


class Checks:
    """Collects failed checks instead of stopping at the first one."""

    def __init__(self):
        self.failures = []
        self.count = 0
        self.scope = ""

    def that(self, ok, message):
        self.count += 1
        if not ok:
            self.failures.append(f"[{self.scope}] {message}")
        return ok

    def equal(self, got, want, what):
        return self.that(got == want, f"{what}: got {got!r}, want {want!r}")


class Tools:
    """Where the programs are, and a scratch directory."""

    def __init__(self, kehoach, root, work):
        self.kehoach = str(kehoach)
        self.root = Path(root)
        self.work = Path(work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.soffice = os.environ.get("SOFFICE", "soffice")
        self.chromium = os.environ.get("CHROMIUM", "chromium")

    def run(self, *args, ok=(0, 1)):
        """Runs kehoach from the crate root: (exit status, stdout, stderr)."""
        env = dict(os.environ, NO_COLOR="1")
        env.pop("KEHOACH_LANG", None)
        p = subprocess.run([self.kehoach, *map(str, args)], cwd=self.root, env=env,
                           capture_output=True, timeout=300)
        out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")
        if p.returncode not in ok:
            raise RuntimeError(f"kehoach {' '.join(map(str, args))} exited {p.returncode}: {err}")
        return p.returncode, out, err

    def json_eval(self, plan, data, year, keep=(), extra=()):
        """The records and summary of `eval --format json`."""
        args = ["eval", plan, "--year", year, "--format", "json", "--data", *data, *extra]
        if keep:
            args += ["--keep", *keep]
        return json.loads(self.run(*args)[1])

    def office(self, book, name):
        """LibreOffice's view of a workbook: every sheet as CSV rows (raw
        values, not as shown) and the value type of every cell, from a flat
        ODS export."""
        out = self.work / f"lo-{name}"
        out.mkdir(exist_ok=True)
        profile = (self.work / "lo-profile").resolve().as_uri()
        base = [self.soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        for target in (filt, "fods"):
            p = subprocess.run([*base, "--convert-to", target, "--outdir", str(out), str(book)],
                               capture_output=True, timeout=180)
            if p.returncode != 0:
                raise RuntimeError(f"soffice --convert-to {target}: {p.stderr.decode(errors='replace')}")
        stem = Path(book).stem
        sheets = {}
        for f in out.glob(f"{stem}-*.csv"):
            with open(f, encoding="utf-8", newline="") as fh:
                sheets[f.stem[len(stem) + 1:]] = list(csv.reader(fh))
        return sheets, fods_types(out / f"{stem}.fods")

    def browser(self, page, *args, timeout=120):
        """Runs headless Chromium on a local page; its standard output."""
        profile = self.work / "chromium-profile"
        cmd = [self.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args,
               Path(page).resolve().as_uri()]
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return p.stdout.decode("utf-8", "replace")


TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def fods_types(path):
    """{sheet: [[value-type or None per cell] per row]} from a flat ODS file."""
    tree = ElementTree.parse(path)
    out = {}
    for t in tree.iter(TABLE + "table"):
        rows = []
        for r in t.iter(TABLE + "table-row"):
            reps = int(r.get(TABLE + "number-rows-repeated", "1"))
            cells = []
            for c in r:
                if c.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                    continue
                n = int(c.get(TABLE + "number-columns-repeated", "1"))
                cells.extend([c.get(OFFICE + "value-type")] * min(n, 64))
            rows.extend([cells] * min(reps, 2))
        out[t.get(TABLE + "name")] = rows
    return out


def sheet_xml_has_formula(book):
    """Whether any worksheet part of the xlsx holds a formula (`<f>`)."""
    with zipfile.ZipFile(book) as z:
        return any(b"<f>" in z.read(n) or b"<f " in z.read(n)
                   for n in z.namelist() if n.startswith("xl/worksheets/"))


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        parts = []
        for c in self.children:
            parts.append(c if isinstance(c, str) else c.text())
        return "".join(parts)

    def all(self, tag, cls=None):
        """Descendants with `tag` (and the class `cls`), in document order."""
        out = []
        for c in self.children:
            if isinstance(c, Node):
                classes = c.attrs.get("class", "") or ""
                if c.tag == tag and (cls is None or cls in classes.split()):
                    out.append(c)
                out.extend(c.all(tag, cls))
        return out

    def nodes(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.nodes()


VOID = {"meta", "link", "br", "img", "col", "input", "hr", "source", "wbr", "area", "base"}


class _Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.at)
        self.at.children.append(n)
        if tag not in VOID:
            self.at = n

    def handle_startendtag(self, tag, attrs):
        self.at.children.append(Node(tag, attrs, self.at))

    def handle_endtag(self, tag):
        n = self.at
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.at = n.parent

    def handle_data(self, data):
        self.at.children.append(data)


def dom(text):
    """A small tree of an HTML document (Chromium's `--dump-dom`)."""
    b = _Builder()
    b.feed(text)
    b.close()
    return b.root


def squash(s):
    return re.sub(r"\s+", " ", s or "").strip()


def nfc(s):
    return unicodedata.normalize("NFC", s)


def mojibake(s):
    """Signs of UTF-8 read as Latin-1 or of lost characters."""
    return any(x in s for x in ("Ã", "Æ°", "á»", "\ufffd"))


def pdf_pages(data):
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
