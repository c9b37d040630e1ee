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
from generator.check.assessment import assessment_problems
from generator.check.components import auto_component
from generator.check.links import check_file, check_url, shared_urls
from generator.check.markdown import markdown_problems
from generator.check.periods import (
    after_as_of,
    evidence_rules,
    governed,
    not_due,
    period_ok,
    report_dated_before_end,
    year_rule,
)
from generator.check.procurement import procurement_months
from generator.check.report import (
    COMPLETE,
    DUE,
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
from generator.check.years import YearRule
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
    """The date checks count to: `site.as_of`, else today. It is not moved into the fiscal
    year: it only decides how much of each period can have passed (check/years.py)."""
    del fy
    return config.site.as_of or today


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
    loaded += assessment_problems(project, [y for y in project.assessments if y == fy or (
        orphan and y not in project.years and y not in project.archives)])
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

    usable: dict[int, set[YearRule]] = {}  # evidence index -> the rules it meets
    tables = procurement_months(ctx.year, item, probs)  # imported monthly สขร.1 tables
    linkable: set[int] = set()
    if content is not None:
        usable = _usable_evidence(ctx, item, content, probs, linkable)
    ok_ev = [e for e in (content.evidence if content else ()) if e.index in usable]
    if tables:
        linkable.add(-1)  # the imported months link to their own tables on the page

    statuses: list[ComponentStatus] = []
    for comp in item.components:
        if comp.auto is None:
            rule = year_rule(item, comp)
            ev = tuple(e for e in ok_ev if comp.id in e.components and rule in usable[e.index])
            if rule == year_rule(item):  # imported months meet the item's own rule
                ev += tuple(e for e in tables if comp.id in e.components)
            due_on = None if ev else not_due(item, fy, ctx.as_of, comp)
            claimed = content is not None and any(
                comp.id in e.components for e in content.evidence)
            if (not ev and due_on is None and content is not None and content.evidence
                    and not claimed):
                probs.append(problem("component-unmet", file=content.file, year=fy,
                                     item=item.id, component=comp.id, title=comp.name,
                                     expected_file=exp))
            statuses.append(ComponentStatus(comp, bool(ev), ev, due=due_on))
        else:
            # the item's year rule is met by evidence of the components that follow it
            rule = year_rule(item)
            follow = {c.id for c in governed(item, rule)}
            period_ev = [e for e in ok_ev if rule in usable[e.index] and (
                not follow or follow & set(e.components) or not e.components)] + tables
            if comp.linkable:
                # o2/o3: site_config.yml's data, or a link to the council's own page (both
                # are shown); what site_config.yml lacks is a problem only when no link
                # shows it
                own = year_rule(item, comp)
                ev = tuple(e for e in ok_ev if comp.id in e.components and own in usable[e.index])
                found: list[Problem] = []
                auto = auto_component(ctx, item, comp, content, period_ev, found,
                                      expected_file=exp)
                if not ev:
                    probs.extend(found)
                statuses.append(ComponentStatus(
                    comp, auto.met or bool(ev), ev + auto.evidence,
                    auto.detail if auto.met or not ev else "", due=None if ev else auto.due))
            else:
                statuses.append(auto_component(ctx, item, comp, content, period_ev, probs,
                                               expected_file=exp))

    demanded_unmet = [c for c in statuses if not c.met and c.due is None]
    waiting = [c for c in statuses if not c.met and c.due is not None]
    if content is not None and not content.evidence and not tables and item.needs_evidence and (
            demanded_unmet or not waiting):
        probs.append(problem("item-no-evidence", file=content.file, year=fy, item=item.id,
                             path="evidence", expected_file=exp))
    if content is None and waiting and not demanded_unmet:
        # nothing it asks for is due yet: not demanded, shown as due
        probs[:] = [p for p in probs if p.code != "item-file-missing"]
    if not demanded_unmet and waiting:
        status = DUE
    elif content is None and (item.needs_evidence or not any(c.met for c in statuses)):
        # an item decided wholly from site_config.yml or measures.yml (o2, o3) is as complete
        # as its components, file or no file (its missing file is still reported above)
        status = MISSING
    elif not demanded_unmet:
        status = COMPLETE
    else:
        status = INCOMPLETE
    return ItemStatus(item, content, status, tuple(statuses), tuple(probs),
                      tuple(ok_ev + tables), linkable=frozenset(linkable))



# --- evidence: files, links, periods ------------------------------------------------------

def _usable_evidence(ctx: Context, item: Item, content: ItemContent,
                     probs: list[Problem], linkable: set[int]) -> dict[int, set[YearRule]]:
    """Evidence with a working file or link, by index, with the period rules it meets (the
    rules of the components it claims: o16's code of ethics has none, its work has one);
    `linkable` receives the index of every entry whose file or link may be published as a
    link (it exists and opens for the public)."""
    fy = ctx.year.year
    seen: dict[str, Evidence] = {}
    usable: dict[int, set[YearRule]] = {}
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
        met: set[YearRule] = set()
        if not ev.unreadable:  # else the loader already reported the date or period
            after_as_of(ev, ctx.as_of, where, probs)
            report_dated_before_end(item, ev, where, probs)
            for rule in evidence_rules(item, ev):
                if period_ok(fy, item, ev, where, probs, rule):
                    met.add(rule)
            met.add(YearRule("none", "assessed", item.grace_days))
        if ok and met:
            usable[ev.index] = met
    return usable
