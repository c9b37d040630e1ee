"""Which fiscal year a period rule reads, when its documents are due, and whether one
document belongs to it.

The assessment of fiscal year N runs inside year N: an annual report it reads is the report
of the last completed year N-1, a plan is the plan of N (docs/catalogue-format.md, "Which
fiscal year a rule reads: the evidence"). Which year a rule reads is catalogue data
(`reads: assessed | previous`), never the day the check runs. The as-of date only decides how
much of a period can have passed: a stretch that is not due yet is shown as due, not demanded.
Year-end documents are dated weeks after the year ends (seed 002: 21 Oct 2568; seed 004: 6 Oct
2568): a document dated within the catalogue's grace after the end of the stretch it reports
on belongs to that stretch.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from generator.base.thai import Period, fiscal_period

RULES = ("none", "in_year", "covers_year", "first_half", "both_halves", "monthly")
READS = ("assessed", "previous")
READS_TH = {"assessed": "ปีที่ประเมิน", "previous": "ปีที่สิ้นสุดแล้ว"}
DEFAULT_GRACE_DAYS = 60  # seeds: year-end reports dated 6-25 days after 30 September


@dataclass(frozen=True)
class YearRule:
    """A period rule as the catalogue states it for one item or component."""

    rule: str = "none"
    reads: str = "assessed"
    grace_days: int = DEFAULT_GRACE_DAYS

    def year_read(self, fy: int) -> int:
        """The fiscal year whose documents the assessment of `fy` reads under this rule."""
        return fy - 1 if self.reads == "previous" else fy

    @property
    def year_end_document(self) -> bool:
        """Reports on a stretch that has ended (an annual report, half-year data)."""
        return self.reads == "previous" or self.rule in ("first_half", "both_halves")


@dataclass(frozen=True)
class Stretch:
    """One stretch of time a rule asks evidence to cover, and from when it is demanded."""

    span: Period
    due: date        # from this day on, the stretch is demanded
    key: str         # "year", "h1", "h2" or "YYYY-MM"


def _half(fy: int, second: bool) -> Period:
    year = fiscal_period(fy)
    mid = date(year.start.year + 1, 3, 31)
    return Period(mid + timedelta(days=1), year.end) if second else Period(year.start, mid)


def _month(y: int, m: int) -> Period:
    return Period(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))


def stretches(rule: YearRule, fy: int) -> list[Stretch]:
    """What `rule` asks for in the assessment of `fy`, each stretch with its due date."""
    y = rule.year_read(fy)
    grace = timedelta(days=rule.grace_days)
    year = fiscal_period(y)
    if rule.rule == "none":
        return []
    if rule.rule == "covers_year":
        return [Stretch(year, year.start, "year")]
    if rule.rule == "in_year":
        # a report on a completed year is due after the year and its grace; a document of
        # the assessed year from the year's start and a grace to produce it
        due = year.end + grace if rule.reads == "previous" else year.start + grace
        return [Stretch(year, due, "year")]
    halves = [Stretch(_half(y, False), _half(y, False).end + grace, "h1")]
    if rule.rule == "first_half":
        return halves
    if rule.rule == "both_halves":
        return halves + [Stretch(_half(y, True), year.end + grace, "h2")]
    # monthly: a month is demanded once it has ended (the project's rule before issue 13)
    return [Stretch(_month(yy, mm), _month(yy, mm).end, f"{yy:04d}-{mm:02d}")
            for (yy, mm) in year.months()]


def due_stretches(rule: YearRule, fy: int, as_of: date) -> tuple[list[Stretch], list[Stretch]]:
    """(stretches demanded by `as_of`, stretches not due yet)."""
    all_ = stretches(rule, fy)
    return [s for s in all_ if s.due <= as_of], [s for s in all_ if s.due > as_of]


def window(rule: YearRule, fy: int) -> Period:
    """The days a document's date may fall on to belong to the year the rule reads: the
    year itself; for year-end documents shifted by the grace, since one dated in the first
    weeks of a year reports on the year before (seed 002 l.11, seed 004 l.8)."""
    year = fiscal_period(rule.year_read(fy))
    grace = timedelta(days=rule.grace_days)
    if rule.reads == "previous":
        return Period(year.start + grace, year.end + grace)
    if rule.year_end_document:  # half-year data of the assessed year: reported after its end
        return Period(year.start, year.end + grace)
    return year


def belongs(rule: YearRule, fy: int, period: Period | None, dated: date | None) -> bool:
    """Does a document (its `period:` or else its date) belong to what `rule` reads?"""
    if rule.rule == "none":
        return True
    year = fiscal_period(rule.year_read(fy))
    if rule.rule == "covers_year":
        if period is not None:
            return period.contains(year)
        return dated is not None and year.start <= dated <= year.end
    if period is not None:
        return period.overlaps(year)
    if dated is None:
        return False
    w = window(rule, fy)
    return w.start <= dated <= w.end


def covered_keys(rule: YearRule, fy: int, periods: list[Period]) -> set[str]:
    """Which of the rule's stretches the given `period:` values cover (halves and months)."""
    months: set[tuple[int, int]] = set()
    for p in periods:
        months.update(p.months())
    out = set()
    for s in stretches(rule, fy):
        if set(s.span.months()) <= months:
            out.add(s.key)
    return out

