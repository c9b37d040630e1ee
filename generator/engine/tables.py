"""Column labels on every table cell, for phones (our own step on every page MkDocs writes).

On a phone a table wider than the screen is shown as cards, one per row (the theme's
stylesheet; officers' own Markdown tables when they do not fit, theme/assets/prongsai.js).
A card has no header row, so each data cell names its column: this step copies the text of
the column's header into `data-label` of every `<td>` under it, and the stylesheet shows it
before the value ("น้ำหนัก: 30%"). Templates and officers' Markdown alike get the labels, so
no table is published with a cell a phone reader cannot name.

- The header is the last row of the table's `<thead>`; `colspan` and `rowspan` (in the
  header and in the body) are followed, so a cell under a spanning cell gets its own
  column's label.
- A cell that has a `data-label` keeps it (a template may give a shorter one); header
  cells (`<th>`, row headers) get none: they are the card's title.
- A table without `<thead>`, or nested in another, is left as it is.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S | re.I)
_THEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_HEAD_CELL = re.compile(r"<(th|td)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_CELL_START = re.compile(r"<(td|th)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.I)
_TAGS = re.compile(r"<[^>]*>")
_SPAN = re.compile(r"\b(colspan|rowspan)\s*=\s*[\"']?(\d+)", re.I)


def _span(attrs: str, name: str) -> int:
    for key, value in _SPAN.findall(attrs):
        if key.lower() == name:
            return max(1, min(int(value), 1000))
    return 1


def _label_text(cell_html: str) -> str:
    text = " ".join(_TAGS.sub(" ", cell_html).split())
    return text.replace('"', "&quot;")


def header_labels(thead: str) -> list[str]:
    """The label of each column: the text of the last header row's cells, a spanning
    header repeated over its columns; a column covered by a row-spanning cell of an
    earlier header row gets that cell's text."""
    labels: dict[int, str] = {}
    taken: dict[int, int] = {}  # column -> last header row a rowspan occupies
    for r, row in enumerate(_ROW.findall(thead)):
        col = 0
        for _tag, attrs, inner in _HEAD_CELL.findall(row):
            while taken.get(col, -1) >= r:
                col += 1
            text = _label_text(inner)
            span, down = _span(attrs, "colspan"), _span(attrs, "rowspan")
            for c in range(col, col + span):
                labels[c] = text
                taken[c] = r + down - 1
            col += span
    return [labels.get(c, "") for c in range(max(labels) + 1)] if labels else []


def label_table(table: str) -> str:
    """One `<table>…</table>` with `data-label` on its body cells."""
    if table.lower().count("<table") != 1:
        return table  # nested tables: not ours to guess
    head = _THEAD.search(table)
    if head is None:
        return table
    labels = header_labels(head.group(1))
    if not any(labels):
        return table
    body_start = head.end()
    out = [table[:body_start]]
    rest = table[body_start:]
    taken: dict[int, int] = {}
    row = -1
    col = 0
    pos = 0
    for m in re.finditer(r"<tr\b[^>]*>|" + _CELL_START.pattern, rest, re.I):
        if m.group(0)[:3].lower() == "<tr":
            row += 1
            col = 0
            continue
        tag, attrs = m.group(1).lower(), m.group(2)
        while taken.get(col, -1) >= row:
            col += 1
        span, down = _span(attrs, "colspan"), _span(attrs, "rowspan")
        if tag == "td" and "data-label" not in attrs.lower():
            label = labels[col] if col < len(labels) else ""
            if label:
                out.append(rest[pos:m.end() - 1])
                out.append(f' data-label="{label}">')
                pos = m.end()
        for c in range(col, col + span):
            taken[c] = row + down - 1
        col += span
    out.append(rest[pos:])
    return "".join(out)


def label_cells(html: str) -> str:
    """Every table of the page with its body cells labelled (see the module doc)."""
    if "<table" not in html:
        return html
    return _TABLE.sub(lambda m: label_table(m.group(0)), html)
