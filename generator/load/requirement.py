"""The structure of an item's requirement text: its bullet points and their numbered parts.

Catalogues transcribe NACC's requirement boxes as bullet lines, some with numbered parts
inside (docs/catalogue-format.md):

    requirement: >-
      - แสดงรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล
      - มีข้อมูลรายละเอียดของการดำเนินการ อย่างน้อยประกอบด้วย
      (1) ผลการดำเนินการตามนโยบาย… (2) สรุปข้อมูลสถิติ… (3) ปัญหา/อุปสรรค (4) ข้อเสนอแนะ
      - เป็นรายงานผลของปี พ.ศ. 2568

Every text field is read as one line (load/fields.py), so the bullets arrive as
"- แสดง… - มีข้อมูล… (1) … (2) … - เป็น…". `requirement_points` finds them again:

- a bullet is a "-" that starts the text or stands between spaces, unless it joins two
  numbers ("พ.ศ. 2567 - 2569" is a range, not a new point);
- inside a point, "(1)" … "(2)" … in order (Arabic or Thai digits) are its parts; the text
  before "(1)" is the point's own;
- a text that does not start with "- " is one point.

Pages show the points as a list and the parts as a list inside (theme/pages/_macros.j2),
`prongsai new-year` writes them as commented lines; nothing of the text is dropped or
reworded (`"".join` of the pieces gives the text back but for the markers and spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"(?:^|(?<=\s))-\s+")
_PART = re.compile(r"\(([0-9๐-๙]{1,2})\)\s*")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass(frozen=True)
class Point:
    """One bullet point of a requirement: its own text and its numbered parts, each part
    with its number as printed ("(1) ผลการดำเนินการ…")."""

    text: str
    parts: tuple[str, ...] = ()


def _is_range(text: str, dash: int, after: int) -> bool:
    """Whether the "-" at `dash` joins two numbers ("2567 - 2569")."""
    before = text[:dash].rstrip()
    return bool(before) and before[-1].isdigit() and after < len(text) and \
        text[after].isdigit()


def _bullets(text: str) -> list[str]:
    starts = [m for m in _BULLET.finditer(text) if not _is_range(text, m.start(), m.end())]
    if not starts:
        return [text]
    # a note before the first point (a catalogue's remark on its source) is a point of its own
    out = [text[:starts[0].start()].strip()] if starts[0].start() else []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        piece = text[m.end():end].strip()
        if piece:
            out.append(piece)
    return out


def _parts(point: str) -> Point:
    """A point with its "(1) … (2) …" parts, when they run 1, 2, … in order."""
    found: list[re.Match[str]] = []
    for m in _PART.finditer(point):
        if int(m.group(1).translate(_THAI_DIGITS)) == len(found) + 1:
            found.append(m)
    if len(found) < 2:
        return Point(point)
    parts = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(point)
        parts.append(point[m.start():end].strip())
    return Point(point[:found[0].start()].strip(), tuple(parts))


def requirement_points(text: str) -> tuple[Point, ...]:
    """The points of a requirement text (see the module doc); () for an empty text."""
    text = " ".join(text.split())
    if not text:
        return ()
    return tuple(_parts(b) for b in _bullets(text))
