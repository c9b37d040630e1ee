"""Checks on the imported procurement summaries (o13, แบบ สขร.1): every required column
filled, amounts that are numbers, the agreed price not above the budget without a note,
contract dates inside the month reported, the month inside the fiscal year, and e-GP
project numbers listed once. Each problem names the data file, line and YAML path and, for
imported rows, the workbook's sheet, row and column.

The same checks run on the rows an import has just read (`check_months`), before anything
is written, so the officer sees them at once; `prongsai check` runs them on the data files.
A month with an error does not count as a monthly report until it is fixed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.base.problems import ERROR, Problem, problem
from generator.base.thai import fiscal_period, format_date
from generator.load.catalogue import Catalogue, Item
from generator.load.procurement import COLUMN, COLUMNS, Month, Row, YearProcurement
from generator.load.project import Evidence, YearContent

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("procurement-date-outside-month", "procurement-duplicate", "procurement-no-rows",
          "procurement-none-with-rows", "procurement-number", "procurement-out-of-year",
          "procurement-over-budget", "procurement-required")


@dataclass(frozen=True)
class Place:
    """Where the rows come from, for messages: the data file (check) or the workbook
    (import)."""

    source: str = ""  # the workbook/CSV/JSON file the rows were read from
    importing: bool = False  # True: locate problems in the workbook, not in the data file


def check_months(months: Iterable[Month], fy: int, item: str | None = None,
                 place: Place | None = None) -> list[Problem]:
    """Every problem of these months of fiscal year `fy` (`item`: the catalogue's o13)."""
    place = place or Place()
    out: list[Problem] = []
    first_egp: dict[str, tuple[Month, Row]] = {}
    for month in months:
        out.extend(_month(month, fy, item, place))
        for row in month.rows:
            if not row.egp:
                continue
            key = row.egp.replace(" ", "")
            if key in first_egp:
                m0, r0 = first_egp[key]
                if not (row.note and r0.note):
                    out.append(_at(month, row, "egp", item, fy, place, "procurement-duplicate",
                                   value=row.egp,
                                   first=f"{m0.title} รายการที่ {r0.index + 1}"))
            else:
                first_egp[key] = (month, row)
    return out


def _month(month: Month, fy: int, item: str | None, place: Place) -> list[Problem]:
    out: list[Problem] = []
    where = dict(file=month.file, line=month.line, year=fy, item=item)
    if month.fiscal_year != fy:
        span = fiscal_period(fy)
        out.append(problem("procurement-out-of-year", month=month.title, path="month",
                           span=f"{format_date(span.start, 'short')} – "
                                f"{format_date(span.end, 'short')}",
                           expected=month.fiscal_year, **where))  # type: ignore[arg-type]
    if month.no_procurement and month.rows:
        out.append(problem("procurement-none-with-rows", month=month.title,
                           value=len(month.rows), path="no_procurement",
                           **where))  # type: ignore[arg-type]
    if not month.no_procurement and not month.rows:
        out.append(problem("procurement-no-rows", month=month.title, path="rows",
                           **where))  # type: ignore[arg-type]
    for row in month.rows:
        out.extend(_row(month, row, fy, item, place))
    return out


def _row(month: Month, row: Row, fy: int, item: str | None, place: Place) -> list[Problem]:
    out: list[Problem] = []
    for col in COLUMNS:
        if not col.required:
            continue
        if not row.filled(col.key):
            out.append(_at(month, row, col.key, item, fy, place, "procurement-required",
                           key=col.key))
        elif col.kind == "amount" and getattr(row, col.key).invalid:
            out.append(_at(month, row, col.key, item, fy, place, "procurement-number",
                           value=getattr(row, col.key).text))
    budget, agreed = row.budget.value, row.agreed_price.value
    if budget is not None and agreed is not None and agreed > budget + 0.005 and not row.note:
        out.append(_at(month, row, "agreed_price", item, fy, place, "procurement-over-budget",
                       value=f"{agreed:,.2f}", budget=f"{budget:,.2f}"))
    when = row.contract_date
    if when is not None and not (month.period.start <= when <= month.period.end):
        out.append(_at(month, row, "contract_date", item, fy, place,
                       "procurement-date-outside-month", value=format_date(when)))
    return out


def _at(month: Month, row: Row, column_key: str, item: str | None, fy: int, place: Place,
        code: str, **params: Any) -> Problem:
    key = column_key
    col = COLUMN[key]
    work = row.work if len(row.work) <= 40 else row.work[:39] + "…"
    letter = row.letter_of(key)
    column = f"คอลัมน์ {letter} " if letter else ""
    sheet = f"ชีต {row.sheet} " if row.sheet else ""
    if place.importing:
        # the officer fixes the workbook: name its sheet, row and column
        file, line = place.source, None
        if place.source.lower().endswith(".json") and row.row:  # the service's project list
            path = f"result[{row.row - 1}], “{col.title}”"
        elif row.row:
            path = f"{sheet}แถว {row.row}, {column}“{col.title}”"
        else:
            path = f"{column}“{col.title}”"
        source = ""
    else:
        file, line, path = month.file, row.line_of(key), f"rows[{row.index}].{key}"
        origin = f"{month.source} " if month.source else ""
        source = (f" (ต้นฉบับ: {origin}{sheet}แถว {row.row} “{col.title}”)"
                  if row.row else "")
    return problem(code, file=file or None, line=line, path=path, year=fy, item=item,
                   month=month.title, n=row.index + 1, work=work or "ไม่มีชื่องาน",
                   column=f"“{col.title}”", source=source, data_file=month.file, **params)


def counted_months(months: Iterable[Month], problems: Iterable[Problem]) -> list[Month]:
    """The months without an error: each counts as that month's report."""
    bad = {p.file for p in problems if p.severity == ERROR}
    return [m for m in months if m.file not in bad]


def month_evidence(month: Month, components: tuple[str, ...]) -> Evidence:
    """A month's table, as evidence for the item's components and its monthly rule."""
    what = "ไม่มีการจัดซื้อจัดจ้าง" if month.no_procurement else f"{len(month.rows):,} รายการ"
    return Evidence(
        index=-1, title=f"สรุปผลการจัดซื้อจัดจ้าง (สขร.1) ประจำเดือน{month.title} ({what})",
        components=components, period=month.period, url=f"#m-{month.key}",
        file="", line=month.line)


def procurement_item(catalogue: Catalogue) -> Item | None:
    """The item the imported months report for. Catalogues number items differently from
    year to year (the monthly summaries are o13 in one, another item in the next), so it is
    found by what it is: an item marked `document: procurement`; else the item with the
    `monthly` period rule in the procurement sub-indicator (การจัดซื้อจัดจ้าง); else a
    monthly item about procurement."""
    marked = [i for i in catalogue.items if i.document == "procurement"]
    if marked:
        return marked[0]
    subs = {s.id for s in catalogue.sub_indicators if "จัดซื้อ" in s.title}
    monthly = [i for i in catalogue.items if i.period == "monthly"]
    for found in ([i for i in monthly if i.sub_indicator in subs],
                  [i for i in monthly if "จัดซื้อ" in i.title]):
        if found:
            return found[0]
    return None


def year_problems(yp: YearProcurement, item: str | None) -> list[Problem]:
    return check_months(yp.months, yp.year, item)


def procurement_months(year: YearContent, item: Item, probs: list[Problem]) -> list[Evidence]:
    """The procurement item (`procurement_item`) is met month by month by the imported
    months without errors, beside uploaded reports; their problems go to `probs`."""
    yp = year.procurement
    if yp is None or procurement_item(year.catalogue) is not item:
        return []
    found = year_problems(yp, item.id)
    probs.extend(found)
    comps = tuple(c.id for c in item.claimable)
    return [month_evidence(m, comps) for m in counted_months(yp.months, found)]
