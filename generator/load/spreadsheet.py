"""Reading procurement summaries as councils keep them: สขร.1 workbooks (.xlsx, with
openpyxl), CSV files, and saved responses of the government-spending API's `cgdcontract`
service; into months of `Row`s (generator/load/procurement.py).

A workbook is read as officers lay it out: title rows above the header; a header over one to
three rows, merged or not, in any of the usual Thai wordings; a row of column numbers under
it; numbered rows; Thai digits; amounts with commas, `บาท` or `.-`; Buddhist-era dates as
the loader reads them (and date cells); several months in one sheet (month rows such as
`เดือนกันยายน 2568`, or each entry's contract date) or one sheet per month; total rows,
blank rows, `ไม่มีการจัดซื้อจัดจ้าง` rows and signature lines. What cannot be read with
certainty is refused with every problem located by sheet, row and column: nothing is
guessed (a Christian-era date, text in an amount column, an amount merged over separate
entries, a formula saved without its value, a password, an .xls file).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator.base.problems import InputError, Problem, problem
from generator.base.say import Say
from generator.base.thai import (
    BE_OFFSET,
    MONTHS_LONG,
    MONTHS_SHORT,
    DateError,
    parse_date,
    to_arabic,
)
from generator.load.procurement import COLUMN, Amount, Row, parse_amount

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("date-era", "date-invalid", "encoding", "file-unreadable", "procurement-formula",
          "procurement-json", "procurement-merged", "procurement-no-header",
          "procurement-no-month", "procurement-number", "procurement-sheet-skipped",
          "procurement-source-corrupt", "procurement-source-encrypted",
          "procurement-source-format", "procurement-too-many-rows",
          "procurement-total-mismatch")

MAX_ROWS = 20_000  # non-blank rows in one file: four times a very large council's year
MAX_BYTES = 50 * 1024 * 1024
HEADER_SEARCH = 30  # the header is looked for in a sheet's first 30 rows
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and encrypted new ones
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

MAIN_FIELDS = ("work", "budget", "reference_price", "method", "bidders", "winner",
               "agreed_price", "reason", "contract")
AMOUNTS = ("budget", "reference_price", "agreed_price")


@dataclass
class Grid:
    """One sheet's cells: (row number, values) in order, and its merged ranges."""

    name: str
    rows: list[tuple[int, list[Any]]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1

    def __post_init__(self) -> None:
        self.by_row = dict(self.rows)
        self.top: dict[tuple[int, int], tuple[int, int]] = {}
        self.range_at: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for m in self.merges:
            r0, c0, r1, c1 = m
            if (r1 - r0 + 1) * (c1 - c0 + 1) > 20_000:
                continue
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    self.range_at[(r, c)] = m
                    if (r, c) != (r0, c0):
                        self.top[(r, c)] = (r0, c0)

    def raw(self, r: int, c: int) -> Any:
        values = self.by_row.get(r)
        return values[c - 1] if values is not None and 0 < c <= len(values) else None

    def value(self, r: int, c: int) -> Any:
        """The value shown in a cell: a merged cell shows its range's top-left value."""
        r0, c0 = self.top.get((r, c), (r, c))
        return self.raw(r0, c0)

    def merge_of(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        return self.range_at.get((r, c))


@dataclass
class Draft:
    """A month as read so far."""

    rows: list[Row] = field(default_factory=list)
    none: bool = False  # a `ไม่มีการจัดซื้อจัดจ้าง` row was found for it


@dataclass
class Imported:
    """What a source file holds: months (CE year, month) → draft, and warnings."""

    source: str
    months: dict[tuple[int, int], Draft] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    skipped: int = 0  # cgdcontract projects without a contract yet

    def month(self, ym: tuple[int, int]) -> Draft:
        return self.months.setdefault(ym, Draft())


def read_source(path: Path, shown: str) -> Imported:
    """Read a workbook, CSV or cgdcontract JSON. Raises InputError listing every problem
    when any of it cannot be read with certainty."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError([problem("file-unreadable", file=shown, value=exc.strerror)]) from exc
    if size > MAX_BYTES:
        raise InputError([problem("procurement-too-many-rows", file=shown,
                                  value=f"{shown} ({size:,} bytes)", limit=f"{MAX_ROWS:,}")])
    ext = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE):
        raw = path.read_bytes()
        if ENCRYPTED in raw:
            raise InputError([problem("procurement-source-encrypted", file=shown, value=shown)])
        raise InputError([_format(shown, "it is an Excel 97–2003 workbook (.xls)",
                                  "open it in Excel and Save As \"Excel Workbook (.xlsx)\"")])
    if ext == ".json":
        return _read_json(path, shown)
    if ext in (".csv", ".txt"):
        grids = [_read_csv(path, shown)]
    elif ext in (".xlsx", ".xlsm"):
        grids = _read_xlsx(path, shown)
    elif ext in (".xls", ".xlsb"):
        raise InputError([_format(shown, f"{ext} workbooks cannot be read",
                                  "open it in Excel and Save As \"Excel Workbook (.xlsx)\"")])
    elif ext in (".ods", ".numbers"):
        raise InputError([_format(shown, f"{ext} spreadsheets cannot be read",
                                  "save it as .xlsx (or export the sheet as CSV UTF-8)")])
    else:
        raise InputError([_format(shown, f"the extension `{ext or '(none)'}` is not one of "
                                  ".xlsx, .csv, .json",
                                  "save the สขร.1 sheet as .xlsx or CSV UTF-8")])
    return _parse_grids(grids, shown)


def _format(shown: str, reason: str, hint: str) -> Problem:
    return problem("procurement-source-format", file=shown, value=shown, reason=reason,
                   hint=hint)


# --- files to grids -----------------------------------------------------------------------

def _read_xlsx(path: Path, shown: str) -> list[Grid]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    bad = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError,
           IndexError, AttributeError, EOFError, OSError)
    try:
        if not zipfile.is_zipfile(path):
            raise zipfile.BadZipFile("not a ZIP container")
        # before loading: count each sheet's rows (a huge sheet is refused without being
        # loaded) and find formulas saved without their value, in the sheets' XML
        formulas = _scan_sheets(path, shown)
        wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except InputError:
        raise
    except bad as exc:
        raise InputError([problem("procurement-source-corrupt", file=shown, value=shown,
                                  reason=f"{type(exc).__name__}: {exc}"[:120])]) from exc
    grids, errors = [], []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue  # hidden sheets hold old months or lists, never the report
        for coord, formula in formulas.get(ws.title, []):
            errors.append(problem("procurement-formula", file=shown,
                                  path=f"ชีต {ws.title} เซลล์ {coord}", value=formula))
        rows = [(ws.min_row + i, list(values))
                for i, values in enumerate(ws.iter_rows(values_only=True))]
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        grids.append(Grid(ws.title, rows, merges))
    wb.close()
    if errors:
        raise InputError(errors)
    return grids


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL = re.compile(rb'<(?:\w+:)?c\s(?:[^>/]|/(?!>))*?\br="([A-Z]+[0-9]+)"(?:[^>/]|/(?!>))*>'
                   rb"(.*?)</(?:\w+:)?c>", re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")


def _scan_sheets(path: Path, shown: str) -> dict[str, list[tuple[str, str]]]:
    """Per sheet title: the formula cells saved without a value. Raises when a sheet has
    more than MAX_ROWS rows."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)  # sheet titles and their XML parts
    try:
        # openpyxl 3.1 names each read-only sheet's part; without it, no scan (the load
        # still reads the values)
        parts = [(ws.title, getattr(ws, "_worksheet_path", "")) for ws in wb.worksheets]
    finally:
        wb.close()
    out: dict[str, list[tuple[str, str]]] = {}
    with zipfile.ZipFile(path) as z:
        for title, part in parts:
            if not part:
                continue
            xml = z.read(part)
            if len(_ROW_TAG.findall(xml)) > MAX_ROWS:
                raise InputError([problem("procurement-too-many-rows", file=shown,
                                          path=f"ชีต {title}", value=f"sheet `{title}`",
                                          limit=f"{MAX_ROWS:,}")])
            found = out.setdefault(title, [])
            if b"<f" not in xml and b":f" not in xml:
                continue
            for cell in _CELL.finditer(xml):
                body = cell.group(2)
                f = _FORMULA.search(body)
                if f is not None and not _VALUE.search(body):
                    text = (f.group(1) or b"").decode("utf-8", "replace")
                    found.append((cell.group(1).decode(), "=" + text if text else "(shared)"))
    return out


def _read_csv(path: Path, shown: str) -> Grid:
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:  # Excel on Thai Windows saves "CSV" as Windows-874
                text = raw.decode("cp874")
            except UnicodeDecodeError as exc:
                raise InputError([problem("encoding", file=shown, guess="unknown",
                                          value=f"byte 0x{raw[exc.start]:02x}")]) from exc
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[int, list[Any]]] = []
    count = 0
    for i, values in enumerate(csv.reader(io.StringIO(text), dialect)):
        cells = [v if v.strip() else None for v in values]
        if any(cells):
            count += 1
            if count > MAX_ROWS:
                raise InputError([problem("procurement-too-many-rows", file=shown, value=shown,
                                          limit=f"{MAX_ROWS:,}")])
        rows.append((i + 1, cells))
    return Grid("", rows)


# --- text helpers -------------------------------------------------------------------------

def norm(value: Any) -> str:
    """A header cell's text for matching: Arabic digits, no spaces or punctuation, lower."""
    text = to_arabic(str(value)) if value is not None else ""
    return re.sub(r"[\s\"'“”‘’()\[\]{}:;,*_\-–—/\\.]+", "", text).lower()


def text_of(value: Any) -> str:
    """A cell as one line of text (an int-valued number without `.0`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return " ".join(str(value).split())


def lines_of(value: Any) -> list[str]:
    if value is None:
        return []
    return [" ".join(x.split()) for x in str(value).splitlines() if x.strip()]


_MONTH_WORDS = sorted(
    [(w, i + 1) for i, w in enumerate(MONTHS_LONG)] +
    [(w, i + 1) for i, w in enumerate(MONTHS_SHORT)] +
    [(w.replace(".", ""), i + 1) for i, w in enumerate(MONTHS_SHORT)] +
    [(w.rstrip("."), i + 1) for i, w in enumerate(MONTHS_SHORT)],
    key=lambda x: -len(x[0]))
_MONTH_OF = dict(_MONTH_WORDS)
_MONTH_RE = "|".join(re.escape(w) for w, _ in _MONTH_WORDS)
MONTH_PHRASE = re.compile(rf"({_MONTH_RE})\.?\s*(?:พ\.\s*ศ\.\s*)?(\d{{4}}|\d{{2}})(?!\d)")
ISO_MONTH = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?!\d)")


def find_month(text: str) -> tuple[int, int] | None:
    """The month a title, sheet name or month row names: `ประจำเดือน สิงหาคม 2568`,
    `ส.ค.68`, `2568-08`. A Christian-era year raises DateError (date-era)."""
    s = to_arabic(text)
    m = MONTH_PHRASE.search(s)
    if m:
        month, year = _MONTH_OF[m.group(1)], m.group(2)
    else:
        m = ISO_MONTH.search(s)
        if not m or not 1 <= int(m.group(2)) <= 12:
            return None
        month, year = int(m.group(2)), m.group(1)
    be = int(year) + 2500 if len(year) == 2 else int(year)
    if len(year) == 4 and 1900 <= be <= 2200:
        raise DateError("date-era",
                        Say(f"ปี {be} เป็นปี ค.ศ.", f"{m.group(0)!r} has a Christian-era year {be}"),
                        Say(f"เขียนปี พ.ศ.: {be} → {be + BE_OFFSET}",
                            f"write Buddhist-era years: {be} → {be + BE_OFFSET}"))
    if not 2400 <= be <= 2700:
        return None
    return be - BE_OFFSET, month


_DATE_IN_TEXT = re.compile(
    rf"(?:ลงวันที่|ลว\.?|วันที่|ลงวันที)?\s*("
    rf"\d{{1,2}}\s*(?:{_MONTH_RE})\.?\s*(?:พ\.\s*ศ\.\s*)?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}})")
_PRICE_IN_TEXT = re.compile(
    r"(?:ราคา(?:ที่ตกลง(?:ซื้อ|จ้าง|ซื้อหรือจ้าง)?)?|เป็นเงิน|จำนวนเงิน|จำนวน)?\s*:?\s*"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:บาท|\.-)")


def split_price(text: str) -> tuple[str, Amount]:
    """`ร้านสมใจพาณิชย์ ราคา 24,500.00 บาท` → (`ร้านสมใจพาณิชย์`, 24500.0)."""
    s = to_arabic(text)
    found = list(_PRICE_IN_TEXT.finditer(s))
    if not found:
        return text, Amount()
    m = found[-1]
    name = (text[:m.start()] + " " + text[m.end():]).strip()
    name = re.sub(r"[\s/,\-–:]+$", "", name).strip()
    return name, parse_amount(m.group(1))


def split_date(text: str) -> tuple[str, str]:
    """`ใบสั่งซื้อเลขที่ 45/2568 ลว. 5 ส.ค. 2568` → (`ใบสั่งซื้อเลขที่ 45/2568`, `5 ส.ค. 2568`)."""
    s = to_arabic(text)
    found = list(_DATE_IN_TEXT.finditer(s))
    if not found:
        return text, ""
    m = found[-1]
    rest = (text[:m.start()] + " " + text[m.end():]).strip()
    return re.sub(r"[\s/,\-–:]+$", "", rest).strip(), text[m.start(1):m.end(1)]


# --- header -------------------------------------------------------------------------------

def classify_one(t: str) -> str | None:
    """The สขร.1 column a normalised header text names."""
    if not t:
        return None
    if "หมายเหตุ" in t:
        return "note"
    if re.search(r"(เลขที่|รหัส|เลข)โครงการ|egp|projectid", t):
        return "egp"
    if "เหตุผล" in t:
        return "reason"
    if "ผู้เสนอราคา" in t or "ผู้ยื่นข้อเสนอ" in t or "ผู้เสนอ" in t:
        return "bidders"
    if re.search(r"ได้รับ(การ)?คัดเลือก|ผู้ชนะ|ผู้ได้รับ|ผู้รับจ้าง|ผู้ขาย", t):
        return "winner"
    if "ราคาที่ตกลง" in t or "ราคาตกลง" in t:
        return "agreed_price"
    if re.search(r"สัญญา|ข้อตกลง|ใบสั่ง", t):
        return "contract"
    if "ราคากลาง" in t:
        return "reference_price"
    if "วงเงิน" in t or "งบประมาณ" in t:
        return "budget"
    if "วิธี" in t:
        return "method"
    if re.search(r"งานที่|งานจัด|รายการ|โครงการ|ชื่องาน|ซื้อหรือจ้าง|จัดซื้อ|จัดจ้าง", t):
        return "work"
    if t in ("ที่", "ลำดับ", "ลำดับที่", "ข้อ", "no", "เลขที่"):
        return "no" if t != "เลขที่" else "contract"
    if "วันที่" in t:
        return "contract_date"
    return None


def _is_price(t: str) -> bool:
    return ("ราคา" in t or "จำนวนเงิน" in t or "บาท" in t) and "ชื่อ" not in t and \
        "ผู้" not in t


def classify(parent: str, sub: str) -> str | None:
    p, s = norm(parent), norm(sub)
    main = classify_one(p) if p else None
    if p and s:
        if main == "bidders":
            return "bidders_price" if _is_price(s) else "bidders"
        if main == "winner":
            return "agreed_price" if _is_price(s) else "winner"
        if main == "contract":
            return "contract_date" if "วันที่" in s and "เลขที่" not in s else "contract"
        return main or classify_one(s)
    return main or classify_one(s)


_SUB_WORDS = re.compile(r"ชื่อ|ราคา|เลขที่|วันที่|บาท|จำนวน|ผู้เสนอ|ผู้ได้รับ")
_NUMBERING = re.compile(r"\(?\d{1,2}\)?")


@dataclass
class Layout:
    first: int  # header rows first..last (sheet row numbers)
    last: int
    cols: dict[str, int]  # field → 1-based column


def _header_rows(g: Grid, r: int) -> int:
    """How many rows the header that starts at row `r` spans (1–3)."""
    depth = 1
    for m in g.merges:
        if m[0] == r and m[2] > r:
            depth = max(depth, min(3, m[2] - r + 1))
    if depth == 1:
        for k in (1, 2):
            if _looks_subheader(g, r + k):
                depth = k + 1
            else:
                break
    return depth


def _looks_subheader(g: Grid, r: int) -> bool:
    values = [v for v in g.by_row.get(r, []) if v not in (None, "")]
    if not values or any(not isinstance(v, str) for v in values):
        return False
    texts = [norm(v) for v in values]
    return all(len(t) <= 40 for t in texts) and any(_SUB_WORDS.search(t) for t in texts) and \
        not any(classify_one(t) in ("work", "budget") for t in texts)


def _layout_at(g: Grid, r: int) -> Layout | None:
    depth = _header_rows(g, r)
    width = max((len(v) for _, v in g.rows), default=0)
    cols: dict[str, int] = {}
    for c in range(1, width + 1):
        texts: list[str] = []
        for k in range(depth):
            v = g.value(r + k, c)
            t = text_of(v) if isinstance(v, str) else ""
            if t and (not texts or texts[-1] != t):
                texts.append(t)
        if not texts:
            continue
        parent = " ".join(texts[:-1]) if len(texts) > 1 else texts[0]
        sub = texts[-1] if len(texts) > 1 else ""
        f = classify(parent, sub)
        if f and f not in cols:
            cols[f] = c
    if "work" not in cols or sum(1 for f in MAIN_FIELDS if f in cols) < 4:
        return None
    return Layout(r, r + depth - 1, cols)


def find_layout(g: Grid) -> tuple[Layout | None, list[str]]:
    """The header of a sheet, or None with the columns recognised in its best row."""
    best: list[str] = []
    for r, values in g.rows[:HEADER_SEARCH]:
        if not any(isinstance(v, str) and v.strip() for v in values):
            continue
        layout = _layout_at(g, r)
        if layout is not None:
            return layout, []
        found = sorted({f for f in (classify_one(norm(v)) for v in values
                                    if isinstance(v, str)) if f})
        if len(found) > len(best):
            best = found
    return None, best


def _is_numbering(values: list[Any]) -> bool:
    cells = [text_of(v) for v in values if v not in (None, "")]
    return len(cells) >= 4 and all(_NUMBERING.fullmatch(to_arabic(c)) for c in cells)


# --- sheet rows to entries ----------------------------------------------------------------

_TOTAL = re.compile(r"^(รวม|ยอดรวม|รวมทั้งสิ้น|รวมเป็นเงิน|รวมเงิน|total)", re.I)
_TRAILER = re.compile(r"^\(?\s*(ลงชื่อ|ลงนาม|ผู้รายงาน|ผู้จัดทำ|ผู้ตรวจ|ตรวจแล้ว|ตำแหน่ง|"
                      r"หมายเหตุ\s*[:：]|ทราบ|เรียน)")
_PARENTHESISED = re.compile(r"\(\s*[^()]+\)")
_NONE = re.compile(r"ไม่มีการจัดซื้อ|ไม่มีการจัดจ้าง|ไม่มีการซื้อ|ไม่มีการดำเนินการจัดซื้อ")


@dataclass
class _Entry:
    rows: list[int]  # sheet row numbers: the first, and continuation rows
    month: tuple[int, int] | None


class _Sheet:
    """Reads one sheet's entries into `Imported` (errors go to `errors`)."""

    def __init__(self, g: Grid, layout: Layout, shown: str, out: Imported,
                 errors: list[Problem]) -> None:
        self.g, self.layout, self.shown, self.out, self.errors = g, layout, shown, out, errors
        self.cols = layout.cols
        title = " ".join(text_of(v) for r, vals in g.rows if r < layout.first for v in vals
                         if isinstance(v, str))
        self.sheet_month = self._month(title, layout.first) or self._month(g.name, None)
        self.current: tuple[int, int] | None = self.sheet_month
        self.block: list[Row] = []  # rows since the last total row (to check it)
        self.closed = False  # after a total row or signature lines: the table has ended
        # rows that are one entry: the งานที่ซื้อหรือจ้าง cell merged over them
        self.group_end: dict[int, int] = {}
        work = self.cols["work"]
        for r0, c0, r1, c1 in g.merges:
            if r0 > layout.last and r1 > r0 and c0 <= work <= c1:
                self.group_end[r0] = r1

    def where(self, r: int | None, key: str | None = None, coord: str | None = None) -> str:
        sheet = f"ชีต {self.g.name} " if self.g.name else ""
        out = f"{sheet}แถว {r}" if r is not None else sheet.strip()
        if key is not None:
            col = self.cols.get(key) or self.cols.get(_PARENT.get(key, ""), 0)
            from openpyxl.utils import get_column_letter

            letter = f"คอลัมน์ {get_column_letter(col)} " if col else ""
            out += f", {letter}“{_TITLE.get(key, key)}”"
        return out

    def _month(self, text: str, r: int | None) -> tuple[int, int] | None:
        try:
            return find_month(text)
        except DateError as exc:
            self.errors.append(problem(exc.code, file=self.shown, path=self.where(r),
                                       value=text.strip()[:60], reason=str(exc),
                                       hint=exc.hint))
            return None

    def cell(self, r: int, key: str) -> Any:
        c = self.cols.get(key)
        if not c:
            return None
        if key not in AMOUNTS:
            return self.g.value(r, c)  # a text merged down over rows applies to each
        return self.g.raw(r, c)

    def read(self) -> None:
        g, last = self.g, self.layout.last
        entry: _Entry | None = None
        skip_until = 0
        rows = [(r, v) for r, v in g.rows if r > last]
        for r, values in rows:
            if r <= skip_until:
                continue
            if entry is not None and r <= self.group_end.get(entry.rows[0], 0):
                entry.rows.append(r)
                continue
            kind = self._kind(r, values)
            if kind == "blank":
                continue
            if kind == "continuation" and entry is not None:
                entry.rows.append(r)
                continue
            if kind == "continuation" and self.closed:
                continue  # a name or position under the signature line
            if entry is not None:
                self._finish(entry)
                entry = None
            self.closed = kind in ("total", "none", "trailer")
            if kind == "header":
                again = _layout_at(g, r)
                skip_until = again.last if again is not None else r
                if g.by_row.get(skip_until + 1) and _is_numbering(g.by_row[skip_until + 1]):
                    skip_until += 1
                continue
            if kind == "data" or kind == "continuation":
                entry = _Entry([r], self.current)
            elif kind == "total":
                self._total(r)
            elif kind == "none":
                if self.current is None:
                    self.errors.append(problem("procurement-no-month", file=self.shown,
                                               path=self.where(r)))
                else:
                    self.out.month(self.current).none = True
        if entry is not None:
            self._finish(entry)

    def _kind(self, r: int, values: list[Any]) -> str:
        filled = [v for v in values if v is not None and text_of(v)]
        if not filled:
            return "blank"
        if _is_numbering(values):
            return "blank"
        line = " ".join(text_of(v) for v in filled)
        amounts = [self.cell(r, k) for k in AMOUNTS]
        has_amount = any(a not in (None, "") for a in amounts)
        lead = [text_of(self.cell(r, k)) for k in ("no", "work")]
        first = text_of(filled[0])
        if any(_TOTAL.match(t) for t in lead + [first]):
            return "total"
        if not has_amount and _NONE.search(norm(line)):
            month = self._month(line, r)
            if month is not None:
                self.current = month
            return "none"
        if (_TRAILER.match(first) or _PARENTHESISED.fullmatch(line)) and not has_amount:
            return "trailer"
        if not has_amount and len(filled) <= 3:
            month = self._month(line, r)
            if month is not None:
                self.current = month
                return "month"
        if not has_amount:
            header = {classify_one(norm(v)) for v in filled if isinstance(v, str)}
            if len(header & set(MAIN_FIELDS)) >= 3:
                return "header"
        key_cells = [self.cell(r, k) for k in ("work", *AMOUNTS)]
        if all(v in (None, "") or not text_of(v) for v in key_cells):
            no = self.cell(r, "no")
            if len(filled) == 1 and no not in (None, "") and filled[0] is no:
                return "blank"  # a pre-numbered empty row
            return "continuation"
        return "data"

    def _total(self, r: int) -> None:
        for key in ("budget", "agreed_price"):
            raw = self.cell(r, key)
            found = parse_amount(raw)
            if found.value is None:
                continue
            rows = [x for x in self.block if getattr(x, key).value is not None]
            computed = sum(getattr(x, key).value or 0.0 for x in rows)
            if rows and abs(computed - found.value) > 0.005:
                self.out.warnings.append(problem(
                    "procurement-total-mismatch", file=self.shown, path=self.where(r, key),
                    value=self.where(r), column=_TITLE[key], found=f"{found.value:,.2f}",
                    computed=f"{computed:,.2f}"))
        self.block = []

    def _finish(self, entry: _Entry) -> None:
        r0 = entry.rows[0]
        has = self.cols

        def texts(key: str) -> list[str]:
            out: list[str] = []
            for r in entry.rows:
                if r != r0 and self._merged_down(r0, key):
                    continue
                out += lines_of(self.cell(r, key)) if key in ("bidders", "bidders_price") \
                    else [text_of(self.cell(r, key))] if text_of(self.cell(r, key)) else []
            return out

        def one(key: str) -> str:
            return " ".join(texts(key))

        amounts: dict[str, Amount] = {}
        for key in AMOUNTS:
            value = self.cell(r0, key)
            amount = parse_amount(value)
            if amount.invalid:
                self.errors.append(problem(
                    "procurement-number", file=self.shown, path=self.where(r0, key),
                    value=amount.text, month=_month_title(entry.month), n="", work=one("work"),
                    column=f"“{_TITLE[key]}”", source=""))
            amounts[key] = amount
            merged = self._amount_merge(r0, key, entry)
            if merged:
                self.errors.append(problem("procurement-merged", file=self.shown,
                                           path=self.where(r0, key), value=merged,
                                           column=f"“{_TITLE[key]}”"))
        winner = one("winner")
        if "agreed_price" not in has and winner:
            winner, amounts["agreed_price"] = split_price(winner)
        bidders = texts("bidders")
        prices = texts("bidders_price")
        if prices:
            bidders = [f"{b} {p}".strip() for b, p in zip(bidders, prices + [""] * len(bidders),
                                                       strict=False)]
        contract = one("contract")
        when: date | None = None
        date_value: Any = self.cell(r0, "contract_date")
        if "contract_date" not in has and contract:
            contract, date_value = split_date(contract)
        when = self._date(date_value, r0)
        month = entry.month or ((when.year, when.month) if when else None)
        if month is None:
            self.errors.append(problem("procurement-no-month", file=self.shown,
                                       path=self.where(r0)))
            return
        row = Row(
            index=0, number=text_of(self.cell(r0, "no")), work=one("work"),
            budget=amounts["budget"], reference_price=amounts["reference_price"],
            method=one("method"), bidders=tuple(bidders), winner=winner,
            agreed_price=amounts["agreed_price"], reason=one("reason"), contract=contract,
            contract_date=when, egp=re.sub(r"\s+", "", to_arabic(one("egp"))),
            note=one("note"), sheet=self.g.name, row=r0, letters=self._letters())
        self.out.month(month).rows.append(row)
        self.block.append(row)

    def _merged_down(self, r0: int, key: str) -> bool:
        c = self.cols.get(key)
        m = self.g.merge_of(r0, c) if c else None
        return m is not None and m[2] > r0

    def _amount_merge(self, r0: int, key: str, entry: _Entry) -> str:
        """`7–9` when the amount cell is merged down over rows of other entries."""
        c = self.cols.get(key)
        m = self.g.merge_of(r0, c) if c else None
        if m is None or m[2] == m[0] or m[0] != r0:
            return ""
        if m[2] <= max(entry.rows) and self.group_end.get(r0, r0) >= m[2]:
            return ""  # the whole entry is one merged block
        return f"{m[0]}–{m[2]}"

    def _date(self, value: Any, r: int) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            # a Buddhist-era date typed into a date cell is stored as a year 2400+
            return value.replace(year=value.year - BE_OFFSET) if value.year > 2400 else value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and \
                20_000 < value < 80_000:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()  # type: ignore[no-any-return]
        text = text_of(value)
        try:
            return parse_date(text)
        except DateError as exc:
            self.errors.append(problem(exc.code, file=self.shown,
                                       path=self.where(r, "contract_date"), value=text,
                                       reason=str(exc), hint=exc.hint))
            return None

    def _letters(self) -> tuple[tuple[str, str], ...]:
        from openpyxl.utils import get_column_letter

        out = []
        for key in COLUMN:
            c = self.cols.get(key) or self.cols.get(_PARENT.get(key, ""))
            if c:
                out.append((key, get_column_letter(c)))
        return tuple(out)


_PARENT = {"agreed_price": "winner", "contract_date": "contract", "bidders_price": "bidders",
           "number": "no"}
_TITLE = {**{k: c.title for k, c in COLUMN.items()}, "bidders_price": "ราคาที่เสนอ"}


def _month_title(ym: tuple[int, int] | None) -> str:
    if ym is None:
        return ""
    return f"{MONTHS_LONG[ym[1] - 1]} {ym[0] + BE_OFFSET}"


def _parse_grids(grids: list[Grid], shown: str) -> Imported:
    out = Imported(shown)
    errors: list[Problem] = []
    found_any = False
    missing: list[tuple[Grid, list[str]]] = []
    for g in grids:
        if not any(text_of(v) for _, vals in g.rows for v in vals):
            continue  # an empty sheet
        layout, seen = find_layout(g)
        if layout is None:
            missing.append((g, seen))
            continue
        found_any = True
        _Sheet(g, layout, shown, out, errors).read()
    columns = ", ".join(COLUMN[k].title for k in MAIN_FIELDS if k != "agreed_price")
    for g, seen in missing:
        name = f"sheet `{g.name}`" if g.name else shown
        if found_any:
            out.warnings.append(problem("procurement-sheet-skipped", file=shown, value=g.name,
                                        path=f"ชีต {g.name}"))
        else:
            errors.append(problem("procurement-no-header", file=shown,
                                  path=f"ชีต {g.name}" if g.name else None, value=name,
                                  rows=HEADER_SEARCH, columns=columns,
                                  found=", ".join(_TITLE.get(f, f) for f in seen) or "-"))
    if not found_any and not missing:
        errors.append(problem("procurement-no-header", file=shown, value=f"{shown} (empty)",
                              rows=HEADER_SEARCH, columns=columns, found="-"))
    if errors:
        raise InputError(errors)
    return out


# --- cgdcontract JSON ---------------------------------------------------------------------

def _read_json(path: Path, shown: str) -> Imported:
    """A saved response of the cgdcontract service (govspending API, "ภาษีไปไหน"): projects
    under `result` (or `data`, or a bare list), each with project_id, project_name,
    project_money (budget), price_build (reference price), purchase_method_name,
    transaction_date, and `contract`: a list of {winner_name or winner, winner_tin,
    contract_no, contract_date (Thai abbreviated Buddhist-era: `15 ก.ย. 68`), price_agree}.
    The service lists neither the other bidders nor the reason for the choice: those columns
    stay empty, for the officer to fill (the check reports them)."""
    def bad(reason: str) -> InputError:
        return InputError([problem("procurement-json", file=shown, value=shown, reason=reason)])

    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(f"it is not JSON text ({exc})"[:120]) from exc
    projects = data
    if isinstance(data, dict):
        projects = data.get("result", data.get("data"))
    if not isinstance(projects, list):
        raise bad("it has no list of projects under `result`")
    out = Imported(shown)
    errors: list[Problem] = []
    for i, p in enumerate(projects):
        at = f"result[{i}]"
        if not isinstance(p, dict) or not ("project_id" in p or "project_name" in p):
            raise bad(f"{at} is not a project (no project_id or project_name)")
        contracts = p.get("contract") or []
        if isinstance(contracts, dict):
            contracts = [contracts]
        contracts = [c for c in contracts if isinstance(c, dict)]
        if not contracts:
            out.skipped += 1  # announced, not yet awarded: not a result to report
            continue
        when: date | None = None
        raw_date = next((str(c.get("contract_date")) for c in contracts
                         if c.get("contract_date") not in (None, "", "-")), "") or \
            str(p.get("transaction_date") or "")
        if raw_date and raw_date != "-":
            try:
                when = parse_date(raw_date)
            except DateError as exc:
                errors.append(problem(exc.code, file=shown, path=f"{at}.contract_date",
                                      value=raw_date, reason=str(exc), hint=exc.hint))
                continue
        if when is None:
            errors.append(problem("procurement-no-month", file=shown, path=at))
            continue
        names = [text_of(c.get("winner_name") or c.get("winner")) for c in contracts]
        agreed = [parse_amount(c.get("price_agree")) for c in contracts]
        if all(a.value is not None for a in agreed):
            price = Amount(f"{sum(a.value or 0.0 for a in agreed):.2f}",
                           sum(a.value or 0.0 for a in agreed))
        else:
            price = parse_amount(p.get("sum_price_agree"))
        row = Row(
            index=0, work=text_of(p.get("project_name")),
            budget=parse_amount(p.get("project_money")),
            reference_price=parse_amount(p.get("price_build")),
            method=text_of(p.get("purchase_method_name")),
            winner=", ".join(n for n in names if n), agreed_price=price,
            contract=", ".join(text_of(c.get("contract_no")) for c in contracts
                               if text_of(c.get("contract_no"))),
            contract_date=when, egp=text_of(p.get("project_id")), row=i + 1)
        for key in ("budget", "reference_price", "agreed_price"):
            if getattr(row, key).invalid:
                errors.append(problem("procurement-number", file=shown, path=f"{at}.{key}",
                                      value=getattr(row, key).text, month="", n=i + 1,
                                      work=row.work, column=f"“{_TITLE[key]}”", source=""))
        out.month((when.year, when.month)).rows.append(row)
    if errors:
        raise InputError(errors)
    return out


def numbered(rows: list[Row]) -> tuple[Row, ...]:
    """Rows with their index in the month."""
    return tuple(replace(r, index=i) for i, r in enumerate(rows))
