"""The completeness check of one fiscal year: component by component, period by period,
link by link.

`check_year()` turns a year's catalogue and content into a YearReport: the status of every
item and component, the evidence that meets each component, and every problem found.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime, timezone

from generator.base.problems import ERROR, MARK, Problem, problem, sort_key
from generator.base.thai import fiscal_year_end, fiscal_year_start
from generator.check.components import auto_component
from generator.check.links import check_file, check_url, shared_urls
from generator.check.markdown import markdown_problems
from generator.check.periods import period_ok, report_dated_before_end
from generator.check.procurement import procurement_months
from generator.check.report import (
    COMPLETE,
    INCOMPLETE,
    MISSING,
    NA,
    ComponentStatus,
    Context,
    ItemStatus,
    Where,
    YearReport,
    at_key,
    entry_index,
)
from generator.load.catalogue import Item
from generator.load.config import SiteConfig
from generator.load.project import Evidence, ItemContent, Project

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("component-unmet", "evidence-duplicate", "evidence-no-source", "item-file-missing",
          "item-no-evidence", "na-without-reason")


def today_for_build() -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def as_of_date(config: SiteConfig, fy: int, today: date) -> date:
    """The date checks count to: `site.as_of`, else today, kept inside the fiscal year."""
    d = config.site.as_of or today
    return min(max(d, fiscal_year_start(fy)), fiscal_year_end(fy))


def check_year(project: Project, fy: int, today: date) -> YearReport:
    """Check one fiscal year of a project against its catalogue."""
    yc = project.year(fy)
    ctx = Context(project, yc, as_of_date(project.config, fy, today))
    statuses = [_check_item(ctx, item) for item in yc.catalogue.items]
    ctx.problems.extend(shared_urls(yc, statuses))
    # problems of years without OIT content (e.g. only assessment results) show in the
    # current year's report
    orphan = fy == project.config.current_year
    loaded = [p for p in project.problems if p.year in (fy, None) or
              (orphan and p.year not in project.years and p.year not in project.archives)]
    loaded += markdown_problems(project, fy)
    problems = sorted(set(loaded + ctx.problems + [p for s in statuses for p in s.problems]),
                      key=sort_key)
    statuses = [_with_attention(st, problems) for st in statuses]
    return YearReport(year=fy, catalogue=yc.catalogue, items=tuple(statuses),
                      problems=tuple(problems), as_of=ctx.as_of)


def _with_attention(st: ItemStatus, problems: list[Problem]) -> ItemStatus:
    """The item's entries and file that a build publishes marked as needing attention: its
    errors of kinds that mark (README "When the build refuses"), and every error of each
    evidence entry (shown beside the entry)."""
    mine = [p for p in problems if p.item == st.item.id and p.severity == ERROR]
    attention = tuple(p for p in mine if p.build == MARK)
    entries: dict[int, list[Problem]] = {}
    for p in mine:
        index = entry_index(p.path)
        if index is not None:
            entries.setdefault(index, []).append(p)
    return replace(st, attention=attention,
                   entry_errors={i: tuple(ps) for i, ps in entries.items()})


def _expected_file(fy: int, item: Item) -> str:
    return f"content/{fy}/oit/{item.id}.md"


# `not_applicable: ใช่` says yes, not why
NOT_A_REASON = {"", "yes", "y", "true", "on", "ใช่", "-", "–", "n/a", "na", "ไม่เกี่ยวข้อง"}


def _check_item(ctx: Context, item: Item) -> ItemStatus:
    fy = ctx.year.year
    content = ctx.year.items.get(item.id)
    probs: list[Problem] = []
    exp = _expected_file(fy, item)

    if content is not None and content.not_applicable is not None:
        if content.not_applicable.strip().lower() in NOT_A_REASON:
            probs.append(problem("na-without-reason", file=content.file, year=fy, item=item.id,
                                 path="not_applicable"))
        comps = tuple(ComponentStatus(c, False) for c in item.components)
        return ItemStatus(item, content, NA, comps, tuple(probs))

    # every item has its file, even one decided from site_config.yml (o2, o3): it names
    # the responsible unit and says what the page shows
    if content is None and item.id not in ctx.year.unreadable:
        # (an unreadable file is reported by the loader; it is not missing)
        probs.append(problem("item-file-missing", year=fy, item=item.id, expected_file=exp,
                             file=exp))

    usable: list[Evidence] = []
    tables = procurement_months(ctx.year, item, probs)  # imported monthly สขร.1 tables
    linkable: set[int] = set()
    if content is not None:
        if not content.evidence and not tables and item.needs_evidence:
            probs.append(problem("item-no-evidence", file=content.file, year=fy, item=item.id,
                                 path="evidence", expected_file=exp))
        usable = _usable_evidence(ctx, item, content, probs, linkable)
    usable += tables
    if tables:
        linkable.add(-1)  # the imported months link to their own tables on the page

    statuses: list[ComponentStatus] = []
    for comp in item.components:
        ev = tuple(e for e in usable if comp.id in e.components)
        if comp.auto is None:
            claimed = content is not None and any(
                comp.id in e.components for e in content.evidence)
            if not ev and content is not None and content.evidence and not claimed:
                probs.append(problem("component-unmet", file=content.file, year=fy,
                                     item=item.id, component=comp.id, title=comp.title,
                                     expected_file=exp))
            statuses.append(ComponentStatus(comp, bool(ev), ev))
        elif comp.linkable:
            # o2/o3: site_config.yml's data, or a link to the council's own page (both are
            # shown); what site_config.yml lacks is a problem only when no link shows it
            found: list[Problem] = []
            auto = auto_component(ctx, item, comp, content, usable, found, expected_file=exp)
            if not ev:
                probs.extend(found)
            statuses.append(ComponentStatus(comp, auto.met or bool(ev), ev + auto.evidence,
                                            auto.detail if auto.met or not ev else ""))
        else:
            statuses.append(auto_component(ctx, item, comp, content, usable, probs,
                                           expected_file=exp))

    met = sum(1 for c in statuses if c.met)
    if content is None:
        status = MISSING
    elif met == len(statuses):
        status = COMPLETE
    else:
        status = INCOMPLETE
    return ItemStatus(item, content, status, tuple(statuses), tuple(probs), tuple(usable),
                      linkable=frozenset(linkable))



# --- evidence: files, links, periods ------------------------------------------------------

def _usable_evidence(ctx: Context, item: Item, content: ItemContent,
                     probs: list[Problem], linkable: set[int]) -> list[Evidence]:
    """The evidence that counts; `linkable` receives the index of every entry whose file or
    link may be published as a link (it exists and opens for the public)."""
    fy = ctx.year.year
    seen: dict[str, Evidence] = {}
    usable = []
    for ev in content.evidence:
        at = f"evidence[{ev.index}]"
        where: Where = dict(file=content.file, line=ev.line, path=at, year=fy, item=item.id)
        ok = True
        if not ev.url and not ev.file:
            probs.append(problem("evidence-no-source", value=ev.title, **where))
            ok = False
        if ev.key and ev.key in seen:
            first = seen[ev.key]
            probs.append(problem("evidence-duplicate", value=ev.key, first=first.index,
                                 first_n=first.index + 1, first_line=first.line or "?",
                                 **where))
        elif ev.key:
            seen[ev.key] = ev
        source = ok
        if ev.file:
            source = check_file(ctx.project.content_dir, ev.file, at_key(where, ev, "file"),
                                probs) and source
        if ev.url:
            source = check_url(ev.url, at_key(where, ev, "url"), probs) and source
        if source:
            linkable.add(ev.index)
        ok = ok and source
        if ev.unreadable:
            ok = False  # the loader already reported the unreadable date or period
        else:
            ok = period_ok(fy, item, ev, where, probs) and ok
            report_dated_before_end(item, ev, where, probs)
        if ok:
            usable.append(ev)
    return usable
