"""Printing a page with Debian's chromium (`--print-to-pdf`) and reading the PDF back:
page sizes and the smallest text (pdfminer.six), the text of every page (pdftotext from
poppler-utils), for the tests of the printed o27/o28 documents."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer, LTItem

from .conftest import CHROMIUM

A4 = (595.0, 842.0)  # points, portrait
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"


def print_to_pdf(url: str, out: Path) -> Path:
    """What an officer gets from the browser's "Save as PDF", without the browser's own
    header and footer (date, address)."""
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
         "--virtual-time-budget=10000", f"--print-to-pdf={out}", url],
        check=True, capture_output=True, timeout=180)
    assert out.read_bytes().startswith(b"%PDF-"), url
    return out


@dataclass(frozen=True)
class Word:
    text: str
    x: float
    y: float


@dataclass(frozen=True)
class PdfPage:
    number: int
    width: float
    height: float
    text: str  # as pdftotext reads it
    min_size: float  # the smallest text on the page, in points (inf when no text)
    median_size: float  # the size most of the page's text is in
    words: tuple[Word, ...] = ()

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def is_a4(self) -> bool:
        w, h = sorted((self.width, self.height))
        return abs(w - A4[0]) < 1.5 and abs(h - A4[1]) < 1.5

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


def _chars(item: LTItem):  # type: ignore[no-untyped-def]
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</word>')


def read_pdf(path: Path) -> list[PdfPage]:
    texts = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    boxes = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", "-bbox", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout.split("<page ")[1:]
    words = [tuple(Word(html.unescape(t), float(x), float(y)) for x, y, t in WORD.findall(b))
             for b in boxes]
    pages = []
    for i, layout in enumerate(extract_pages(str(path))):
        sizes = sorted(c.size for c in _chars(layout) if c.get_text().strip())
        pages.append(PdfPage(i + 1, layout.width, layout.height, texts[i],
                             sizes[0] if sizes else float("inf"),
                             sizes[len(sizes) // 2] if sizes else 0.0, words[i]))
    return pages


def squash(text: str) -> str:
    """Text without white space: where lines wrap depends on the font, not what is said."""
    return re.sub(r"\s+", "", text)


def in_cell(page: PdfPage, text: str) -> bool:
    """Whether `text` is printed on the page as the content of one table cell: its pieces
    in reading order, each further piece on the same line or starting a line at the cell's
    left edge (pdftotext reads a table row across its cells line by line, so the lines of
    one cell are interleaved with the other cells')."""
    target = squash(text)
    words = [w for w in page.words if squash(w.text)]

    def rest(i: int, pos: int, first: Word) -> bool:
        if pos == len(target):
            return True
        prev = words[i]
        for j in range(i + 1, len(words)):
            w, piece = words[j], squash(words[j].text)
            same_line = abs(w.y - prev.y) < 1 and w.x > prev.x
            next_line = w.y > prev.y + 1 and abs(w.x - first.x) < 2
            if (same_line or next_line) and target.startswith(piece, pos) and \
                    rest(j, pos + len(piece), first):
                return True
        return False

    return any(target.startswith(squash(w.text)) and rest(i, len(squash(w.text)), w)
               for i, w in enumerate(words))
