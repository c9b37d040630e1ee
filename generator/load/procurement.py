"""o13's monthly procurement summaries (แบบ สขร.1) as data: one file per month,
`content/<fy>/procurement/<BE year>-<month>.yml`, written by `prongsai import procurement`
and editable by hand (format: docs/procurement.md).

`load_procurement()` reads a year's month files into `YearProcurement` with the loader's
Reader, so every bad value is a problem with file, line and YAML path; `dump_month()` is its
inverse, used by the import. Amounts are kept as typed beside their value: an amount that is
not a number is reported by the check (generator/check/procurement.py), not lost.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.base.problems import InputError, Problem, problem
from generator.base.thai import (
    BE_OFFSET,
    MONTHS_LONG,
    Period,
    fiscal_year_of,
    parse_date,
    parse_number,
    to_arabic,
)
from generator.load.fields import Reader
from generator.load.files import year_folder
from generator.load.schema import PROCUREMENT_MONTH, PROCUREMENT_ROW
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("date-era", "date-invalid", "field-type", "field-unknown", "field-value",
          "procurement-file-name", "procurement-month-mismatch")

FOLDER = "procurement"
MONTH_NAME = re.compile(r"(\d{4})-(\d{1,2})")  # 2568-08 (Buddhist era), Thai digits allowed


@dataclass(frozen=True)
class Column:
    """One column of the สขร.1 form as Prongsai keeps it."""

    key: str  # the key in the data file
    title: str  # the form's Thai column name
    kind: str  # "text", "amount", "lines" or "date"
    required: bool


# The สขร.1 columns (DOMAIN.md "What officers keep for o13"; seed 002's o13 components): the
# form's "winner and agreed price" and "number and date of the contract" are kept as two
# values each, so that prices add up and dates can be checked.
COLUMNS: tuple[Column, ...] = (
    Column("number", "ที่", "text", False),
    Column("work", "งานที่ซื้อหรือจ้าง", "text", True),
    Column("budget", "วงเงินที่ซื้อหรือจ้าง", "amount", True),
    Column("reference_price", "ราคากลาง", "amount", True),
    Column("method", "วิธีซื้อหรือจ้าง", "text", True),
    Column("bidders", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "lines", True),
    Column("winner", "ผู้ได้รับการคัดเลือก", "text", True),
    Column("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง", "amount", True),
    Column("reason", "เหตุผลที่คัดเลือกโดยสรุป", "text", True),
    Column("contract", "เลขที่ของสัญญาหรือข้อตกลง", "text", True),
    Column("contract_date", "วันที่ของสัญญาหรือข้อตกลง", "date", True),
    Column("egp", "เลขที่โครงการ (e-GP)", "text", False),
    Column("note", "หมายเหตุ", "text", False),
)
COLUMN = {c.key: c for c in COLUMNS}
ROW_KEYS = [c.key for c in COLUMNS] + ["sheet", "row"]
MONTH_KEYS = ["month", "no_procurement", "source", "note", "rows"]


@dataclass(frozen=True)
class Amount:
    """An amount in baht as typed, with its value when it is a number."""

    text: str = ""
    value: float | None = None

    @property
    def missing(self) -> bool:
        return not self.text

    @property
    def invalid(self) -> bool:
        return bool(self.text) and self.value is None


_BAHT = re.compile(r"\s*(?:บาท|baht|฿)\s*\.?-?\s*$|\s*\.-\s*$", re.I)


def parse_amount(value: object) -> Amount:
    """`24,500.00`, `24500`, `๒๔,๕๐๐ บาท`, `24,500.-` → 24500.0; `-` and blank are missing.
    Anything else keeps its text and has no value."""
    if value is None or isinstance(value, bool):
        return Amount()
    if isinstance(value, (int, float)):
        return Amount(f"{float(value):.2f}", float(value))
    text = " ".join(str(value).split())
    if text in ("", "-", "–", "—"):
        return Amount()
    bare = _BAHT.sub("", text).replace(" ", "")
    try:
        return Amount(text, parse_number(bare))
    except ValueError:
        return Amount(text, None)


@dataclass(frozen=True)
class Row:
    """One procurement entry of a month: a row of the สขร.1 form."""

    index: int  # 0-based position in the month's `rows:`
    work: str = ""
    budget: Amount = Amount()
    reference_price: Amount = Amount()
    method: str = ""
    bidders: tuple[str, ...] = ()
    winner: str = ""
    agreed_price: Amount = Amount()
    reason: str = ""
    contract: str = ""
    contract_date: date | None = None
    egp: str = ""
    note: str = ""
    number: str = ""  # the entry's number in the form ("ที่")
    sheet: str = ""  # where the import read it: sheet name ("" for CSV/JSON) and row
    row: int | None = None
    line: int | None = None  # line of the entry in its data file
    lines: tuple[tuple[str, int], ...] = ()  # line of each key
    letters: tuple[tuple[str, str], ...] = ()  # import only: column letter of each key
    date_text: str = ""  # contract_date as typed, when it could not be read

    def line_of(self, key: str) -> int | None:
        return next((n for k, n in self.lines if k == key), self.line)

    def letter_of(self, key: str) -> str:
        return next((x for k, x in self.letters if k == key), "")

    def filled(self, key: str) -> bool:
        value = getattr(self, key)
        if isinstance(value, Amount):
            return not value.missing
        if key == "contract_date":
            return value is not None or bool(self.date_text)
        return bool(value)


@dataclass(frozen=True)
class Month:
    """One month's procurement summary."""

    year: int  # Christian era, as `date`
    month: int
    rows: tuple[Row, ...] = ()
    no_procurement: bool = False
    source: str = ""  # the file it was imported from, as the import named it
    note: str = ""
    file: str = ""  # shown path of its data file, e.g. content/2568/procurement/2568-08.yml
    line: int | None = None

    @property
    def key(self) -> str:
        """`2568-08`: the file name and the form officers write months in."""
        return f"{self.year + BE_OFFSET}-{self.month:02d}"

    @property
    def title(self) -> str:
        """`สิงหาคม 2568`."""
        return f"{MONTHS_LONG[self.month - 1]} {self.year + BE_OFFSET}"

    @property
    def period(self) -> Period:
        last = calendar.monthrange(self.year, self.month)[1]
        return Period(date(self.year, self.month, 1), date(self.year, self.month, last))

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(date(self.year, self.month, 1))

    def total(self, key: str) -> float:
        """The sum of one amount column over the rows that have a number in it."""
        return sum(getattr(r, key).value or 0.0 for r in self.rows)


@dataclass(frozen=True)
class YearProcurement:
    """The imported months of one fiscal year, in calendar order."""

    year: int
    months: tuple[Month, ...] = ()
    files: tuple[str, ...] = field(default_factory=tuple)  # every month file found

    @property
    def row_count(self) -> int:
        return sum(len(m.rows) for m in self.months)


def month_from_name(name: str) -> tuple[int, int] | None:
    """`2568-08` (or `๒๕๖๘-๐๘`) → (2025, 8); None when it is not a month."""
    m = MONTH_NAME.fullmatch(to_arabic(name.strip()))
    if not m:
        return None
    be, mo = int(m.group(1)), int(m.group(2))
    if not (2400 <= be <= 2700 and 1 <= mo <= 12):
        return None
    return be - BE_OFFSET, mo


def month_file(fy: int, year: int, month: int) -> str:
    """The data file of a month, relative to the project: content/<fy>/procurement/…"""
    return f"content/{fy}/{FOLDER}/{year + BE_OFFSET}-{month:02d}.yml"


# --- reading ------------------------------------------------------------------------------

def load_procurement(root: Path, fy: int, problems: list[Problem]) -> YearProcurement | None:
    """Read content/<fy>/procurement/*.yml (the year's folder may be in Thai digits); None
    when the folder does not exist."""
    folder = year_folder(root, fy) / FOLDER
    if not folder.is_dir():
        return None
    months: dict[tuple[int, int], Month] = {}
    files: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir() or \
                path.suffix.lower() not in (".yml", ".yaml"):
            continue
        shown = path.relative_to(root).as_posix()
        files.append(shown)
        ym = month_from_name(path.stem)
        if ym is None:
            problems.append(problem("procurement-file-name", file=shown, year=fy,
                                    value=path.name))
            continue
        try:
            month = _load_month(path, shown, fy, ym, problems)
        except InputError as exc:
            problems.extend(p if p.year else _in_year(p, fy) for p in exc.problems)
            continue
        if ym in months:  # 2568-8.yml and 2568-08.yml
            problems.append(problem("procurement-month-mismatch", file=shown, year=fy,
                                    value=path.stem, expected=months[ym].file))
            continue
        months[ym] = month
    return YearProcurement(fy, tuple(months[k] for k in sorted(months)), tuple(files))


def _in_year(p: Problem, fy: int) -> Problem:
    from dataclasses import replace

    return replace(p, year=fy)


def _load_month(path: Path, shown: str, fy: int, ym: tuple[int, int],
                problems: list[Problem]) -> Month:
    doc = load_yaml_file(path, shown)
    local: list[Problem] = [_in_year(p, fy) for p in doc.problems]
    r = Reader(doc, local, year=fy)
    if not isinstance(doc.data, dict):
        r.report("field-type", (), value=str(doc.data)[:40], field="the file",
                 expected="`key: value` lines (month, rows …)")
        doc.data = {}
    r.known_keys((), PROCUREMENT_MONTH)
    named = r.text(("month",))
    if named is not None and month_from_name(named) != ym:
        r.report("procurement-month-mismatch", ("month",), value=named,
                 expected=path.name)
    rows = []
    for i, raw in enumerate(r.seq(("rows",))):
        p: tuple[str | int, ...] = ("rows", i)
        if not isinstance(raw, dict):
            r.report("field-type", p, value=str(raw)[:40], field=f"rows[{i}]",
                     expected="an entry of `key: value` lines (work, budget …)")
            continue
        r.known_keys(p, PROCUREMENT_ROW)
        rows.append(_row(r, p, i))
    none = r.at(("no_procurement",))
    month = Month(
        year=ym[0], month=ym[1], rows=tuple(rows),
        no_procurement=bool(none) if isinstance(none, bool) else r.flag(("no_procurement",),
                                                                          False),
        source=r.text(("source",)) or "", note=r.text(("note",)) or "", file=shown,
        line=doc.line("month") or 1)
    problems.extend(local)
    return month


def _row(r: Reader, p: tuple[str | int, ...], i: int) -> Row:
    def text(key: str) -> str:
        return r.text(p + (key,)) or ""

    bidders = r.at(p + ("bidders",))
    if isinstance(bidders, str):
        names = tuple(line for line in (b.strip() for b in bidders.split("\n")) if line)
    else:
        names = tuple(r.texts(p + ("bidders",)))
    when = r.at(p + ("contract_date",))
    number = r.at(p + ("row",))
    lines = tuple((k, r.doc.lines[p + (k,)]) for k in ROW_KEYS if p + (k,) in r.doc.lines)
    return Row(
        index=i, work=text("work"), budget=_amount(r, p + ("budget",)),
        reference_price=_amount(r, p + ("reference_price",)), method=text("method"),
        bidders=names, winner=text("winner"),
        agreed_price=_amount(r, p + ("agreed_price",)), reason=text("reason"),
        contract=text("contract"), contract_date=r.when(p + ("contract_date",), parse_date),
        egp=text("egp"), note=text("note"), number=text("number"), sheet=text("sheet"),
        row=r.convert(p + ("row",), lambda v: int(to_arabic(str(v))), "a row number")
        if number not in (None, "") else None,
        line=r.doc.line(*p), lines=lines,
        date_text=str(when).strip() if when not in (None, "") else "")


def _amount(r: Reader, path: tuple[str | int, ...]) -> Amount:
    value = r.at(path)
    if value is None or isinstance(value, (dict, list)):
        if isinstance(value, (dict, list)):
            r.report("field-type", path, value=str(value)[:40], field=str(path[-1]),
                     expected="an amount in baht, e.g. 24500.00")
        return Amount()
    return parse_amount(value)


# --- writing (the import) -----------------------------------------------------------------

class _Number(str):
    """An amount written as a plain YAML number (24500.00)."""


class _Day(str):
    """A Buddhist-era date written plain (2568-08-05)."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


_Dumper.add_representer(_Number, lambda d, v: d.represent_scalar(
    "tag:yaml.org,2002:float", str(v)))
_Dumper.add_representer(_Day, lambda d, v: d.represent_scalar(
    "tag:yaml.org,2002:timestamp", str(v)))


def be_iso(d: date) -> str:
    """2025-08-05 → `2568-08-05`."""
    return f"{d.year + BE_OFFSET}-{d.month:02d}-{d.day:02d}"


def _amount_out(a: Amount) -> Any:
    if a.value is not None:
        return _Number(f"{a.value:.2f}")
    return a.text  # not a number: kept as typed, the check reports it


def dump_month(month: Month) -> str:
    """The data file text of a month: comments for the officer, then the data. Same month,
    same text (the import compares it with the file it would replace)."""
    data: dict[str, Any] = {"month": month.key}
    if month.source:
        data["source"] = month.source
    if month.no_procurement:
        data["no_procurement"] = True
    if month.note:
        data["note"] = month.note
    if month.rows or not month.no_procurement:
        data["rows"] = [_row_out(r) for r in month.rows]
    head = [
        f"# สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำเดือน{month.title}",
        "# นำเข้าด้วย `prongsai import procurement`; แก้ไขได้ (รูปแบบ: docs/procurement.md)",
    ]
    body: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000, indent=2)
    return "\n".join(head) + "\n" + body


def _row_out(r: Row) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if r.number:
        out["number"] = int(r.number) if r.number.isdigit() else r.number
    out["work"] = r.work
    out["budget"] = _amount_out(r.budget)
    out["reference_price"] = _amount_out(r.reference_price)
    out["method"] = r.method
    out["bidders"] = list(r.bidders)
    out["winner"] = r.winner
    out["agreed_price"] = _amount_out(r.agreed_price)
    out["reason"] = r.reason
    out["contract"] = r.contract
    out["contract_date"] = _Day(be_iso(r.contract_date)) if r.contract_date else ""
    if r.egp:
        out["egp"] = r.egp
    if r.note:
        out["note"] = r.note
    if r.sheet:
        out["sheet"] = r.sheet
    if r.row is not None:
        out["row"] = r.row
    return out
