"""The period grid of a monthly or half-year item: each month (or half) of the fiscal year
with the document that covers it, each document once.

An item whose period rule asks for months (`monthly`: every month up to the as-of date;
`both_halves`, `first_half`: the months of the halves) is judged on which months its
documents cover. Its page listed every document under every component it claims (o13: ten
monthly reports under three components, and once more in the evidence table, 40 links);
the grid lists each document once, in the order of the months it covers, and names the
months nothing covers. Rows:

- `documents`: the documents whose `period:` is exactly these months (a month, a quarter,
  a half: "รอบ 6 เดือนแรก", the whole year);
- `missing`: months the rule needs that no usable document covers (run of months);
- `not_due`: months of a monthly item after the as-of date (not yet required).

Which item is monthly or half-yearly comes from the catalogue's period rule, never from an
item id (it is o13 in one year's catalogue and o12 in another's).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from generator.base.thai import Period, fiscal_period
from generator.check.periods import needed_months, year_rule
from generator.check.report import ItemStatus
from generator.load.project import Evidence

GRID_RULES = ("monthly", "both_halves", "first_half")
Month = tuple[int, int]  # (year, month), Christian era as in datetime


@dataclass(frozen=True)
class GridRow:
    """One row of the grid: a span of months and what covers it."""

    period: Period
    kind: str  # "documents", "missing", "not_due"
    half: str = ""  # "first", "second" or "year" when the span is exactly that
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class PeriodGrid:
    rows: tuple[GridRow, ...]
    listed: tuple[Evidence, ...]  # every document in the grid, in grid order
    unit: str  # what is counted: "month" (monthly items) or "half" (6-month rounds)
    needed: int  # months (halves) the rule needs by the as-of date
    covered: int  # of those, the ones the listed documents cover whole


def _month_period(first: Month, last: Month) -> Period:
    return Period(date(first[0], first[1], 1),
                  date(last[0], last[1], calendar.monthrange(last[0], last[1])[1]))


def _half(period: Period, fy: int) -> str:
    months = fiscal_period(fy).months()
    if period == _month_period(months[0], months[-1]):
        return "year"
    if period == _month_period(months[0], months[5]):
        return "first"
    if period == _month_period(months[6], months[-1]):
        return "second"
    return ""


def period_grid(st: ItemStatus, fy: int, as_of: date) -> PeriodGrid | None:
    """The grid of an item whose period rule counts months; None for any other item."""
    rule = st.item.period
    if rule not in GRID_RULES or st.status == "na":
        return None
    rule_of_year = year_rule(st.item)
    needed = set(needed_months(rule_of_year, fy, as_of))
    # the fiscal year the rule reads: an annual report's is the last completed one
    fy = fy - 1 if rule_of_year.reads == "previous" else fy
    year_months = fiscal_period(fy).months()
    # usable documents with a period that touches the fiscal year, grouped by their span
    groups: dict[Period, list[Evidence]] = {}
    for ev in st.usable:
        if ev.period is not None and any(m in year_months for m in ev.period.months()):
            groups.setdefault(ev.period, []).append(ev)
    covered: set[Month] = {m for p in groups for m in p.months()}
    rows = [GridRow(p, "documents", _half(p, fy), tuple(evs)) for p, evs in groups.items()]
    # the months of the year nothing covers, as runs of the same kind
    run: list[Month] = []
    kind = ""

    def close() -> None:
        if run:
            p = _month_period(run[0], run[-1])
            rows.append(GridRow(p, kind, _half(p, fy)))
            run.clear()

    for m in year_months:
        here = "" if m in covered else ("missing" if m in needed else
                                        "not_due" if rule == "monthly" else "")
        if here != kind:
            close()
            kind = here
        if here:
            run.append(m)
    close()
    rows.sort(key=lambda r: (r.period.start, r.period.end))
    listed = tuple(ev for r in rows for ev in r.evidence)
    if rule == "monthly":
        return PeriodGrid(tuple(rows), listed, "month", len(needed), len(needed & covered))
    halves = [set(year_months[:6]), set(year_months[6:])]
    due = [h for h in halves if h & needed]
    return PeriodGrid(tuple(rows), listed, "half", len(due),
                      sum(1 for h in due if h <= covered))
