"""Period rules: which fiscal year a piece of evidence belongs to, and which months or
halves of the year an item's documents must cover by the as-of date."""

from __future__ import annotations

from datetime import date

from generator.base.problems import Problem, problem
from generator.base.thai import format_date, format_month, format_period
from generator.check.report import ComponentStatus, Context, Where, at_key
from generator.check.years import READS_TH, YearRule, belongs, due_stretches, window
from generator.load.catalogue import PERIOD_RULES, PERIOD_RULES_TH, Component, Item
from generator.load.project import Evidence, ItemContent

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("evidence-after-as-of", "evidence-date-missing", "evidence-out-of-year",
          "period-both-halves", "period-first-half", "period-months-missing",
          "period-not-covering", "report-before-period-end")

# Titles that say what a document is. A report (รายงาน…, สรุปผล…, statistics) is written after
# the period it reports on: seed 004 is dated ๖ ตุลาคม ๒๕๖๘ (l.8) for "เดือนตุลาคม ๒๕๖๗ ถึง
# เดือนกันยายน ๒๕๖๘" (l.78), seed 002 ๒๑ ตุลาคม ๒๕๖๘ (l.11) for fiscal 2568 (l.13). A plan,
# an announcement, an order or a manual is dated before the period it is in force for.
REPORT_WORDS = ("รายงาน", "สรุปผล", "สรุปรายงาน", "ข้อมูลสถิติ", "ข้อมูลเชิงสถิติ", "สถิติ",
                "ผลการดำเนินงาน", "ผลการดำเนินการ")
NOT_REPORT_WORDS = ("แผน", "ประกาศ", "คำสั่ง", "คู่มือ", "มาตรการ", "นโยบาย", "ประมวล",
                    "แนวทาง", "แนวปฏิบัติ", "ระเบียบ", "ข้อบัญญัติ", "เทศบัญญัติ")


def year_rule(item: Item, comp: Component | None = None) -> YearRule:
    """The period rule that applies to a component (its own, else the item's)."""
    rule, reads = item.rule_of(comp)
    if rule == "none":
        reads = "assessed"  # a rule without dates reads no year
    return YearRule(rule, reads, item.grace_days)


def governed(item: Item, rule: YearRule) -> tuple[Component, ...]:
    """The evidence-claimed components that follow `rule`."""
    return tuple(c for c in item.claimable if year_rule(item, c) == rule)


def evidence_rules(item: Item, ev: Evidence) -> list[YearRule]:
    """The distinct period rules of the components this evidence claims (the item's when it
    claims none of the evidence-claimed ones)."""
    rules: list[YearRule] = []
    for cid in ev.components:
        comp = item.component(cid)
        if comp is not None and comp.auto is None:
            r = year_rule(item, comp)
            if r not in rules:
                rules.append(r)
    return rules or [year_rule(item)]


def _span(rule: YearRule, fy: int) -> str:
    w = window(rule, fy)
    return f"{format_date(w.start, 'short')} – {format_date(w.end, 'short')}"


def period_ok(fy: int, item: Item, ev: Evidence, where: Where, probs: list[Problem],
              rule: YearRule | None = None) -> bool:
    """Does this evidence belong to the fiscal year the rule reads (catalogue data:
    `reads:`; a year-end document dated within the grace after its year counts)?"""
    rule = rule or year_rule(item)
    if rule.rule == "none":
        return True
    read = rule.year_read(fy)
    if ev.period is None and ev.date is None:
        probs.append(problem("evidence-date-missing", value=ev.title,
                             rule=PERIOD_RULES[rule.rule], rule_th=PERIOD_RULES_TH[rule.rule],
                             read=read, **where))
        return False
    if belongs(rule, fy, ev.period, ev.date):
        return True
    if rule.rule == "covers_year":
        if ev.period is not None:
            value, key = format_period(ev.period), "period"
            found, found_th = f"covers {value}", f"ครอบคลุม{value}"
        else:
            assert ev.date is not None
            value, key = format_date(ev.date), "date"
            found = f"is dated {value} and has no `period:`"
            found_th = f"ลงวันที่ {value} และไม่ได้ระบุ `period:`"
        probs.append(problem("period-not-covering", value=value, title=ev.title, found=found,
                             found_th=found_th, read=read, **at_key(where, ev, key)))
        return False
    if ev.period is not None:
        probs.append(problem("evidence-out-of-year", value=format_period(ev.period),
                             title=ev.title, span=_span(rule, fy), read=read,
                             **at_key(where, ev, "period")))
        return False
    assert ev.date is not None
    probs.append(problem("evidence-out-of-year", value=format_date(ev.date), title=ev.title,
                         span=_span(rule, fy), read=read, **at_key(where, ev, "date")))
    return False


def is_report(item: Item, ev: Evidence) -> bool:
    """Does this evidence report on its `period:` (rather than plan for it)? Its own title
    says so first; else the item's rule (statistics of halves or months are reports) or
    the item's title."""
    title = " ".join(ev.title.split())
    if title.startswith(NOT_REPORT_WORDS):
        return False
    if title.startswith(REPORT_WORDS):
        return True
    if item.period == "covers_year":
        return False
    if item.period in ("first_half", "both_halves", "monthly"):
        return True
    return " ".join(item.title.split()).startswith(REPORT_WORDS)


def report_dated_before_end(item: Item, ev: Evidence, where: Where,
                            probs: list[Problem]) -> None:
    """A report dated before the period it says it covers has ended contradicts itself:
    one of the two dates is wrong (a warning: the check cannot tell which). Reports signed in
    the last month of their period ("ณ วันที่ 25 กันยายน" for the fiscal year) are common
    and pass: the warning is for a date before that month."""
    if ev.date is None or ev.period is None:
        return
    last_month = date(ev.period.end.year, ev.period.end.month, 1)
    if ev.date >= max(last_month, ev.period.start):
        return
    if not is_report(item, ev):
        return
    probs.append(problem("report-before-period-end", title=ev.title,
                         date=format_date(ev.date), period=format_period(ev.period),
                         end=format_date(ev.period.end), **at_key(where, ev, "date")))


def after_as_of(ev: Evidence, as_of: date, where: Where, probs: list[Problem]) -> None:
    """A document dated after the as-of date cannot have existed then: a warning."""
    if ev.date is not None and ev.date > as_of:
        probs.append(problem("evidence-after-as-of", value=format_date(ev.date), title=ev.title,
                             as_of=format_date(as_of), **at_key(where, ev, "date")))


def not_due(item: Item, fy: int, as_of: date, comp: Component | None = None) -> date | None:
    """When nothing the rule asks for is due by `as_of`: the day it falls due, else None."""
    rule = year_rule(item, comp)
    due, later = due_stretches(rule, fy, as_of)
    if due or not later:
        return None
    return min(s.due for s in later)


def needed_months(rule: YearRule, fy: int, as_of: date) -> list[tuple[int, int]]:
    """The (year, month) pairs the rule demands by `as_of` (halves once due, months once
    ended)."""
    due, _ = due_stretches(rule, fy, as_of)
    out: list[tuple[int, int]] = []
    for s in due:
        out.extend(m for m in s.span.months() if m not in out)
    return out


def auto_period(ctx: Context, item: Item, comp: Component, content: ItemContent | None,
                usable: list[Evidence], probs: list[Problem]) -> ComponentStatus:
    """The item's year rule: met by usable evidence of the year read; a stretch not due by
    the as-of date is shown as due, not demanded."""
    fy = ctx.year.year
    rule = year_rule(item)
    read = rule.year_read(fy)
    label = period_label(rule, fy)
    due_on = not_due(item, fy, ctx.as_of)
    if rule.rule in ("none", "in_year", "covers_year"):
        if not usable and due_on is not None:
            return ComponentStatus(comp, False, (), f"{label} · ถึงกำหนด {format_date(due_on)}",
                                   due=due_on)
        return ComponentStatus(comp, bool(usable), tuple(usable), label)
    need = needed_months(rule, fy, ctx.as_of)
    have: set[tuple[int, int]] = set()
    for e in usable:
        if e.period is not None:
            have.update(e.period.months())
    missing = [m for m in need if m not in have]
    if not need:
        assert due_on is not None
        return ComponentStatus(comp, False, (), f"{label} · ถึงกำหนด {format_date(due_on)}",
                               due=due_on)
    if missing and content is not None and usable:
        names = month_runs(missing)
        base: Where = dict(file=content.file, year=fy, item=item.id, component=comp.id,
                           path="evidence", example=_period_example(missing, rule.rule),
                           read=read)
        if rule.rule == "first_half":
            probs.append(problem("period-first-half", value=names,
                                 span=f"{format_month(*need[0])} – {format_month(*need[-1])}",
                                 **base))
        elif rule.rule == "both_halves":
            probs.append(problem("period-both-halves", value=names, **base))
        else:
            probs.append(problem("period-months-missing", value=names,
                                 as_of=format_date(ctx.as_of), **base))
    ev = tuple(e for e in usable if e.period is not None)
    detail = label
    if missing and usable:
        detail = f"ยังขาดข้อมูลเดือน {month_runs(missing)}"
    return ComponentStatus(comp, bool(usable) and not missing, ev, detail)


def period_label(rule: YearRule, fy: int) -> str:
    """`เป็นข้อมูลของปีงบประมาณ 2567 (ปีที่สิ้นสุดแล้วก่อนปีที่ประเมิน)`: the rule and the year it reads."""
    if rule.rule == "none":
        return PERIOD_RULES_TH["none"]
    read = rule.year_read(fy)
    return f"{PERIOD_RULES_TH[rule.rule]} {read} ({READS_TH[rule.reads]})"


def _runs(months: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split (year, month) pairs into runs of consecutive months."""
    out: list[list[tuple[int, int]]] = []
    for ym in months:
        if out:
            y, m = out[-1][-1]
            if ym == ((y + 1, 1) if m == 12 else (y, m + 1)):
                out[-1].append(ym)
                continue
        out.append([ym])
    return out


def month_runs(months: list[tuple[int, int]]) -> str:
    """`ต.ค. 2567 – มี.ค. 2568, พ.ค. 2568`: missing months, three or more in a row as a span."""
    parts = []
    for run in _runs(months):
        if len(run) >= 3:
            parts.append(f"{format_month(*run[0])} – {format_month(*run[-1])}")
        else:
            parts.extend(format_month(*ym) for ym in run)
    return ", ".join(parts)


def _be_month(ym: tuple[int, int]) -> str:
    """(2025, 4) -> `2568-04`: how officers write a month in `period:`."""
    return f"{ym[0] + 543}-{ym[1]:02d}"


def _period_example(missing: list[tuple[int, int]], rule: str) -> str:
    """A `period:` value that fills the first gap: one month for monthly reports, else the
    first run of consecutive missing months."""
    run = _runs(missing)[0]
    if rule == "monthly" or len(run) == 1:
        return _be_month(run[0])
    return f"{_be_month(run[0])} ถึง {_be_month(run[-1])}"
