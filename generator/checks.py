"""The completeness check: component by component, period by period, link by link.

`check_year()` turns a year's catalogue and content into a YearReport: the status of every
item and component, the evidence that meets each component, and every problem found.
"""

from __future__ import annotations

import difflib
import ipaddress
import os
import re
import socket
import stat
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from generator.catalog import PERIOD_RULES, PERIOD_RULES_TH, Catalogue, Component, Item
from generator.config import SiteConfig
from generator.content import Evidence, ItemContent, Project, YearContent
from generator.problems import ERROR, Problem, problem, sort_key
from generator.safety import ALLOWED_TAGS, sanitize_markdown
from generator.thai import (
    Period,
    fiscal_period,
    fiscal_year_end,
    fiscal_year_start,
    format_date,
    format_month,
    format_period,
)

Where = dict[str, Any]  # where a problem is: file, line, path, year, item, component
COMPLETE, INCOMPLETE, MISSING, NA = "complete", "incomplete", "missing", "na"
STATUS_TH = {COMPLETE: "ครบถ้วน", INCOMPLETE: "ยังไม่ครบ", MISSING: "ยังไม่มีข้อมูล",
             NA: "ไม่เกี่ยวข้อง"}
STATUS_ICON = {COMPLETE: "✔", INCOMPLETE: "◐", MISSING: "✘", NA: "–"}


@dataclass(frozen=True)
class ComponentStatus:
    """Whether one component is met, and by which evidence."""

    component: Component
    met: bool
    evidence: tuple[Evidence, ...] = ()
    detail: str = ""  # for automatic components: what was found


@dataclass(frozen=True)
class ItemStatus:
    item: Item
    content: ItemContent | None
    status: str
    components: tuple[ComponentStatus, ...]
    problems: tuple[Problem, ...]
    usable: tuple[Evidence, ...] = ()  # evidence that counts (valid file/link, right period)

    @property
    def met_count(self) -> int:
        return sum(1 for c in self.components if c.met)

    @property
    def completion(self) -> float | None:
        """Per cent of the components met (None when not applicable)."""
        if self.status == NA:
            return None
        return 100.0 * self.met_count / len(self.components) if self.components else 100.0

    @property
    def score(self) -> float | None:
        """Estimated item score (catalogue rule `component_share`): the completion."""
        return self.completion


@dataclass(frozen=True)
class YearReport:
    year: int
    catalogue: Catalogue
    items: tuple[ItemStatus, ...]
    problems: tuple[Problem, ...]
    as_of: date

    def item(self, item_id: str) -> ItemStatus:
        return next(i for i in self.items if i.item.id == item_id)

    @property
    def counts(self) -> dict[str, int]:
        out = {COMPLETE: 0, INCOMPLETE: 0, MISSING: 0, NA: 0}
        for i in self.items:
            out[i.status] += 1
        return out

    @property
    def components_total(self) -> int:
        return sum(len(i.components) for i in self.items if i.status != NA)

    @property
    def components_met(self) -> int:
        return sum(i.met_count for i in self.items if i.status != NA)

    @property
    def completion(self) -> float:
        total = self.components_total
        return 100.0 * self.components_met / total if total else 100.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


@dataclass
class _Ctx:
    project: Project
    year: YearContent
    as_of: date
    problems: list[Problem] = field(default_factory=list)


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
    ctx = _Ctx(project, yc, as_of_date(project.config, fy, today))
    statuses = [_check_item(ctx, item) for item in yc.catalogue.items]
    ctx.problems.extend(_shared_urls(yc, statuses))
    # problems of years without OIT content (e.g. only assessment results) show in the
    # current year's report
    orphan = fy == project.config.current_year
    loaded = [p for p in project.problems if p.year in (fy, None) or
              (orphan and p.year not in project.years)]
    loaded += markdown_problems(project, fy)
    problems = sorted(set(loaded + ctx.problems + [p for s in statuses for p in s.problems]),
                      key=sort_key)
    return YearReport(year=fy, catalogue=yc.catalogue, items=tuple(statuses),
                      problems=tuple(problems), as_of=ctx.as_of)


def _expected_file(fy: int, item: Item) -> str:
    return f"content/{fy}/oit/{item.id}.md"


# `not_applicable: ใช่` says yes, not why
NOT_A_REASON = {"", "yes", "y", "true", "on", "ใช่", "-", "–", "n/a", "na", "ไม่เกี่ยวข้อง"}


def _check_item(ctx: _Ctx, item: Item) -> ItemStatus:
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
    if content is not None:
        if not content.evidence and _needs_evidence(item):
            probs.append(problem("item-no-evidence", file=content.file, year=fy, item=item.id,
                                 path="evidence", expected_file=exp))
        usable = _usable_evidence(ctx, item, content, probs)

    statuses: list[ComponentStatus] = []
    for comp in item.components:
        if comp.auto is None:
            ev = tuple(e for e in usable if comp.id in e.components)
            claimed = content is not None and any(
                comp.id in e.components for e in content.evidence)
            if not ev and content is not None and content.evidence and not claimed:
                probs.append(problem("component-unmet", file=content.file, year=fy,
                                     item=item.id, component=comp.id, title=comp.title,
                                     expected_file=exp))
            statuses.append(ComponentStatus(comp, bool(ev), ev))
        else:
            statuses.append(_auto(ctx, item, comp, content, usable, probs))

    met = sum(1 for c in statuses if c.met)
    if content is None:
        status = MISSING
    elif met == len(statuses):
        status = COMPLETE
    else:
        status = INCOMPLETE
    return ItemStatus(item, content, status, tuple(statuses), tuple(probs), tuple(usable))


def _needs_evidence(item: Item) -> bool:
    """Components that evidence claims, or that its dates decide."""
    return any(c.auto in (None, "period") for c in item.components)


# --- evidence: files, links, periods ------------------------------------------------------

def _usable_evidence(ctx: _Ctx, item: Item, content: ItemContent,
                     probs: list[Problem]) -> list[Evidence]:
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
                                 first_line=first.line or "?", **where))
        elif ev.key:
            seen[ev.key] = ev
        if ev.file:
            ok = _check_file(ctx.project.content_dir, ev.file, _at(where, ev, "file"),
                             probs) and ok
        if ev.url:
            ok = _check_url(ev.url, _at(where, ev, "url"), probs) and ok
        if _date_unreadable(ctx, content.file, at):
            ok = False  # the loader already reported the unreadable date or period
        else:
            ok = _period_ok(fy, item, ev, where, probs) and ok
        if ok:
            usable.append(ev)
    return usable


def _at(where: Where, ev: Evidence, key: str) -> Where:
    """`where` narrowed to one key of the evidence entry: its YAML path and its line."""
    return {**where, "path": f"evidence[{ev.index}].{key}", "line": ev.line_of(key)}


def _date_unreadable(ctx: _Ctx, file: str, at: str) -> bool:
    """Was a `date:` or `period:` of this evidence reported as unreadable when loading?"""
    return any(p.file == file and p.path in (f"{at}.date", f"{at}.period") and
               p.code in ("date-invalid", "date-era", "period-invalid")
               for p in ctx.project.problems)


def _period_ok(fy: int, item: Item, ev: Evidence, where: Where,
               probs: list[Problem]) -> bool:
    """Does this evidence belong to the fiscal year under the item's period rule?"""
    rule = item.period
    if rule == "none":
        return True
    year = fiscal_period(fy)
    span = f"{format_date(year.start, 'short')} – {format_date(year.end, 'short')}"
    if ev.period is None and ev.date is None:
        probs.append(problem("evidence-date-missing", value=ev.title, rule=PERIOD_RULES[rule],
                             rule_th=PERIOD_RULES_TH[rule], **where))
        return False
    if rule == "covers_year":
        # a plan must be in force for the whole fiscal year: only its `period` can say so,
        # unless it was adopted within the year itself
        if ev.period is not None and ev.period.contains(year):
            return True
        if ev.period is None and ev.date is not None and year.start <= ev.date <= year.end:
            return True
        if ev.period is not None:
            value, key = format_period(ev.period), "period"
            found, found_th = f"covers {value}", f"ครอบคลุม{value}"
        else:
            assert ev.date is not None
            value, key = format_date(ev.date), "date"
            found = f"is dated {value} and has no `period:`"
            found_th = f"ลงวันที่ {value} และไม่ได้ระบุ `period:`"
        probs.append(problem("period-not-covering", value=value, title=ev.title, found=found,
                             found_th=found_th, **_at(where, ev, key)))
        return False
    if ev.period is not None:
        if ev.period.overlaps(year):
            return True
        probs.append(problem("evidence-out-of-year", value=format_period(ev.period),
                             title=ev.title, span=span,
                             **_at(where, ev, "period")))
        return False
    assert ev.date is not None
    if year.start <= ev.date <= year.end:
        return True
    probs.append(problem("evidence-out-of-year", value=format_date(ev.date), title=ev.title,
                         span=span, **_at(where, ev, "date")))
    return False


def needed_months(rule: str, fy: int, as_of: date) -> list[tuple[int, int]]:
    """The (year, month) pairs a period rule requires, counted up to `as_of`."""
    year = fiscal_period(fy)
    months = year.months()
    if rule == "first_half":
        return months[:6]
    if rule == "both_halves":
        return months
    if rule == "monthly":
        ended = Period(fiscal_year_start(fy), as_of).months()  # whole months up to as_of
        return [m for m in months if m in ended]
    return []


def _auto_period(ctx: _Ctx, item: Item, comp: Component, content: ItemContent | None,
                 usable: list[Evidence], probs: list[Problem]) -> ComponentStatus:
    fy = ctx.year.year
    rule = item.period
    if rule in ("none", "in_year", "covers_year"):
        ok = bool(usable)
        ev = tuple(usable)
        return ComponentStatus(comp, ok, ev, PERIOD_RULES_TH[rule])
    need = needed_months(rule, fy, ctx.as_of)
    have: set[tuple[int, int]] = set()
    for e in usable:
        if e.period is not None:
            have.update(e.period.months())
    missing = [m for m in need if m not in have]
    if missing and content is not None and usable:
        names = _month_runs(missing)
        base: Where = dict(file=content.file, year=fy, item=item.id, component=comp.id,
                           path="evidence",
                    example=_period_example(missing, rule))
        if rule == "first_half":
            probs.append(problem("period-first-half", value=names,
                                 span=f"{format_month(*need[0])} – {format_month(*need[-1])}",
                                 **base))
        elif rule == "both_halves":
            probs.append(problem("period-both-halves", value=names, **base))
        else:
            probs.append(problem("period-months-missing", value=names,
                                 as_of=format_date(ctx.as_of), **base))
    ev = tuple(e for e in usable if e.period is not None)
    detail = PERIOD_RULES_TH[rule]
    if missing and usable:
        detail = f"ยังขาดข้อมูลเดือน {_month_runs(missing)}"
    return ComponentStatus(comp, bool(usable) and not missing, ev, detail)


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


def _month_runs(months: list[tuple[int, int]]) -> str:
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


def _auto(ctx: _Ctx, item: Item, comp: Component, content: ItemContent | None,
          usable: list[Evidence], probs: list[Problem]) -> ComponentStatus:
    auto = comp.auto or ""
    cfg = ctx.project.config
    fy = ctx.year.year
    if auto == "period":
        return _auto_period(ctx, item, comp, content, usable, probs)
    if auto.startswith("executives_"):
        return _executives(ctx, item, comp, auto.removeprefix("executives_"), probs)
    if auto in ("address", "phone", "fax", "email", "map"):
        c = cfg.council
        value = {"address": c.address, "phone": ", ".join(c.phones), "fax": c.fax,
                 "email": c.email, "map": c.map.link if c.map else ""}[auto]
        if not value:
            key = {"phone": "phones"}.get(auto, auto)
            probs.append(problem("contact-incomplete", file="site_config.yml",
                                 path=f"council.{key}", year=fy, item=item.id,
                                 component=comp.id, field=comp.title, key=key,
                                 example=CONTACT_EXAMPLES[key]))
        return ComponentStatus(comp, bool(value), (), value)
    if auto == "eit_survey":
        url = cfg.eit_url(fy)
        where: Where = dict(file="site_config.yml", path="eit_survey_url", year=fy, item=item.id,
                     component=comp.id)
        if not url:
            probs.append(problem("eit-survey-missing", **where))
            return ComponentStatus(comp, False, (), "")
        if fy in cfg.years and cfg.years[fy].eit_survey_url:
            where["path"] = f"years.{fy}.eit_survey_url"
        ok = _check_url(url, where, probs)
        return ComponentStatus(comp, ok, (), url)
    if auto == "measures_reported":
        return _measures(ctx, item, comp, probs)
    raise AssertionError(f"unknown auto rule {auto}")  # catalogue validation prevents this


CONTACT_EXAMPLES = {"address": "address: 88 หมู่ 3 ตำบล… อำเภอ… จังหวัด… 57110",
                    "phones": "phones: [0-5366-2140]", "fax": "fax: 0-5366-2142",
                    "email": "email: saraban@….go.th", "map": "map: {lat: 20.1432, lon: 99.8561}"}
EXECUTIVE_FIELDS = {  # field: (Thai name, what to add)
    "name": ("ชื่อ-นามสกุล", "`name: นาย… …`"),
    "position": ("ตำแหน่ง", "`position: นายก…`"),
    "photo": ("รูปถ่าย", "`photo: files/executives/….jpg`"),
    "contact": ("ช่องทางการติดต่อ", "`phone: …` or `email: …`"),
}
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


def _executives(ctx: _Ctx, item: Item, comp: Component, field_name: str,
                probs: list[Problem]) -> ComponentStatus:
    """o2: every executive in site_config.yml has a name, position, photo and contact."""
    cfg = ctx.project.config
    fy = ctx.year.year
    if not cfg.executives:
        # one problem for the item, on its first executives component
        first = next(c for c in item.components if (c.auto or "").startswith("executives_"))
        if comp.id == first.id:
            probs.append(problem("executives-missing", file="site_config.yml", year=fy,
                                 item=item.id, component=comp.id, path="executives"))
        return ComponentStatus(comp, False, (), "ไม่มีรายชื่อผู้บริหาร")
    lacking = []
    field_th, keys = EXECUTIVE_FIELDS[field_name]
    for i, ex in enumerate(cfg.executives):
        who = ex.name or f"executives[{i}]"
        if field_name == "photo" and ex.photo:
            where: Where = dict(file="site_config.yml", line=ex.line, path=f"executives[{i}].photo",
                         year=fy, item=item.id, component=comp.id)
            has = _check_file(ctx.project.content_dir, ex.photo, where, probs)
            ext = Path(ex.photo).suffix.lower()
            if has and ext not in IMAGE_TYPES:
                probs.append(problem("file-type-mismatch", value=ex.photo,
                                     expected="PNG or JPEG image", found=ext or "(none)",
                                     **where))
                has = False
        else:
            has = ex.has_contact if field_name == "contact" else bool(getattr(ex, field_name))
            if not has:
                key = "phone" if field_name == "contact" else field_name
                probs.append(problem(
                    "executive-incomplete", file="site_config.yml", line=ex.line,
                    path=f"executives[{i}].{key}", year=fy, item=item.id, component=comp.id,
                    value=who, field=field_name, field_th=field_th, keys=keys))
        if not has:
            lacking.append(who)
    detail = f"ผู้บริหาร {len(cfg.executives)} คน" + (
        f" (ขาด: {', '.join(lacking)})" if lacking else "")
    return ComponentStatus(comp, not lacking, (), detail)


def _measures(ctx: _Ctx, item: Item, comp: Component, probs: list[Problem]) -> ComponentStatus:
    """o28: every o27 measure reported for each round that has passed, and every link in
    the progress reports usable (the same file and link rules as evidence)."""
    from generator.measures import measures_status

    status: ComponentStatus = measures_status(ctx.project, ctx.year, item, comp, ctx.as_of,
                                               probs)
    m = ctx.year.measures
    ok = status.met
    if m is None:
        return status
    for i, meas in enumerate(m.measures):
        for rnd, prog in meas.progress.items():
            for j, link in enumerate(prog.evidence):
                at = f"measures[{i}].progress.{rnd}.evidence[{j}]"
                where: Where = dict(file=m.file, line=meas.line, year=ctx.year.year,
                                    item=item.id, component=comp.id)
                if link.file:
                    ok = _check_file(ctx.project.content_dir, link.file,
                                     {**where, "path": f"{at}.file"}, probs) and ok
                if link.url:
                    ok = _check_url(link.url, {**where, "path": f"{at}.url"}, probs) and ok
    return ComponentStatus(comp, ok, status.evidence, status.detail)


# --- files --------------------------------------------------------------------------------

MAGIC: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", (b"%PDF-",)),
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),
    ".docx": ("Word (docx)", (b"PK\x03\x04",)),
    ".xlsx": ("Excel (xlsx)", (b"PK\x03\x04",)),
    ".pptx": ("PowerPoint (pptx)", (b"PK\x03\x04",)),
    ".odt": ("OpenDocument", (b"PK\x03\x04",)),
    ".ods": ("OpenDocument", (b"PK\x03\x04",)),
    ".zip": ("ZIP", (b"PK\x03\x04",)),
    ".doc": ("Word (doc)", (b"\xd0\xcf\x11\xe0",)),
    ".xls": ("Excel (xls)", (b"\xd0\xcf\x11\xe0",)),
    ".ppt": ("PowerPoint (ppt)", (b"\xd0\xcf\x11\xe0",)),
}
TEXT_TYPES = {".txt", ".csv"}
UNSAFE = {".html", ".htm", ".xhtml", ".svg", ".js", ".mjs", ".exe", ".bat", ".cmd", ".sh",
          ".php", ".jsp", ".asp", ".aspx", ".py", ".ps1", ".vbs", ".jar", ".msi", ".apk"}


def sniff(head: bytes) -> str:
    for _ext, (name, sigs) in MAGIC.items():
        if head.startswith(sigs):
            return name
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "HTML"
    return "unknown data"


def resolve_content_file(content_dir: Path, rel: str) -> tuple[Path | None, str | None]:
    """(path, None) for a safe file path under content/, else (None, reason)."""
    if not rel or rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel):
        return None, "absolute path"
    parts = Path(rel).parts
    if ".." in parts:
        return None, "`..` in path"
    path = content_dir / rel
    try:
        root = _real_root(str(content_dir))
        real = _real_under(root, parts)
    except (OSError, ValueError):
        return None, "unresolvable"
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        return None, "symlink out of content/"
    return path, None


# content/'s real path, by the path it was given as; emptied by load_project, so that one
# build or check resolves it once (it is asked for every evidence file, several times)
_REAL_ROOTS: dict[str, str] = {}


def forget_real_paths() -> None:
    """A new build or check looks at the folders again."""
    _REAL_ROOTS.clear()


def _real_root(content_dir: str) -> str:
    real = _REAL_ROOTS.get(content_dir)
    if real is None:
        real = _REAL_ROOTS[content_dir] = os.path.realpath(content_dir)
    return real


def _real_under(root: str, parts: tuple[str, ...]) -> str:
    """os.path.realpath(root/parts) for a real `root` and parts without `..`, looking at
    the parts below root only (realpath looks at every folder from /, twice as many)."""
    current = root
    for i, part in enumerate(parts):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:  # nothing below a missing name can be a link
            return os.path.join(current, *parts[i + 1:])
        except OSError:
            return os.path.realpath(os.path.join(root, *parts))
        if stat.S_ISLNK(mode):
            return os.path.realpath(os.path.join(root, *parts))
    return current


def _check_file(content_dir: Path, rel: str, where: Where,
                probs: list[Problem]) -> bool:
    path, why = resolve_content_file(content_dir, rel)
    if path is None:
        probs.append(problem("file-outside-content", value=rel, **where))
        return False
    ext = path.suffix.lower()
    if ext in UNSAFE:
        probs.append(problem("file-type-unsafe", value=rel, ext=ext, **where))
        return False
    if not path.is_file():
        near = ""
        if rel.startswith("content/") and (content_dir / rel.removeprefix("content/")).is_file():
            near = f" (paths start inside content/: write `{rel.removeprefix('content/')}`)"
        elif path.is_dir():
            near = " (this is a folder; name the document inside it)"
        elif path.parent.is_dir():
            close = difflib.get_close_matches(path.name, [p.name for p in path.parent.iterdir()],
                                              n=1, cutoff=0.6)
            if close:
                near = f" (did you mean `{(Path(rel).parent / close[0]).as_posix()}`?)"
        probs.append(problem("file-missing", value=rel, hint=near, **where))
        return False
    size = path.stat().st_size
    if size == 0:
        probs.append(problem("file-empty", value=rel, **where))
        return False
    if ext in MAGIC:
        with path.open("rb") as fh:
            head = fh.read(16)
        name, sigs = MAGIC[ext]
        if not head.startswith(sigs):
            probs.append(problem("file-type-mismatch", value=rel, expected=name,
                                 found=sniff(head), **where))
            return False
    elif ext not in TEXT_TYPES:
        probs.append(problem("file-type-unsupported", value=rel, ext=ext or "(none)",
                             **where))
    return True


# --- links --------------------------------------------------------------------------------

LOGIN_PATTERNS = [
    (re.compile(r"^drive\.google\.com$"), re.compile(r"^/drive/(u/\d+/)?(my-drive|folders/|"
                                                     r"shared-with-me|recent)"), "Google Drive"),
    (re.compile(r"^mail\.google\.com$"), re.compile(r""), "Gmail"),
    (re.compile(r"(^|\.)-?my\.sharepoint\.com$|-my\.sharepoint\.com$"), re.compile(r""),
     "OneDrive"),
    (re.compile(r"^(outlook\.office\.com|outlook\.live\.com)$"), re.compile(r""), "Outlook"),
    (re.compile(r"(^|\.)facebook\.com$"), re.compile(r"^/groups/"), "Facebook group"),
    (re.compile(r".*"), re.compile(r"/(wp-admin|wp-login\.php|admin|login|signin)(/|$)",
                                   re.I), "administration"),
]
LOCAL_SUFFIXES = (".local", ".lan", ".internal", ".intranet", ".home", ".corp", ".localdomain")


def url_problem(url: str) -> tuple[str, dict[str, str]] | None:
    """Why a link cannot be published or opened by the public: (code, params) or None."""
    if any(ch.isspace() for ch in url) or any(ord(ch) < 32 for ch in url):
        return "url-malformed", {"why": "it contains spaces or line breaks"}
    if re.match(r"[A-Za-z]:[\\/]|\\\\", url):
        return "url-local", {"why": "a file on someone's computer or a shared drive"}
    try:
        parts = urlsplit(url)
    except ValueError:
        return "url-malformed", {"why": "it cannot be split into a web address"}
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "url-local", {"why": "a file on someone's computer (file://)"}
    if scheme not in ("http", "https"):
        if not scheme:
            return "url-malformed", {"why": "it does not start with https://"}
        return "url-scheme", {"scheme": scheme}
    try:
        host = (parts.hostname or "").lower().rstrip(".")
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return "url-malformed", {"why": "its port number is not valid"}
    if not host or not re.fullmatch(r"[a-z0-9\-._\[\]:ก-๙]+", host):
        return "url-malformed", {"why": "it has no valid host name after https://"}
    ip = _ip_of(host)
    if ip is not None:
        if ip.is_loopback:
            return "url-local", {"why": "this computer (loopback address)"}
        if not ip.is_global or ip.is_multicast:
            return "url-local", {"why": "an internal network address"}
    else:
        if host == "localhost" or host.endswith(".localhost"):
            return "url-local", {"why": "this computer (localhost)"}
        if "." not in host:
            return "url-local", {"why": "an intranet host name"}
        if host.endswith(LOCAL_SUFFIXES):
            return "url-local", {"why": "an internal network name"}
    for host_re, path_re, service in LOGIN_PATTERNS:
        if host_re.search(host) and path_re.search(parts.path or "/"):
            return "url-login", {"service": service}
    return None


def _ip_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host name spells, including the short and numeric IPv4 forms that
    browsers accept (`127.1`, `2130706433`, `0x7f.1`)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if re.fullmatch(r"(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _check_url(url: str, where: Where, probs: list[Problem]) -> bool:
    found = url_problem(url)
    if found is None:
        return True
    code, params = found
    probs.append(problem(code, value=url, **{**where, **params}))
    return code == "url-login"  # a login link is a warning: it still counts


def _same_page(url: str) -> str:
    """Links that open the same page: scheme and host case, a trailing `/` and the
    `#fragment` do not matter."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"),
                       parts.query, ""))


def _shared_urls(yc: YearContent, statuses: list[ItemStatus]) -> list[Problem]:
    """The same link as evidence for items of different sub-indicators."""
    by_url: dict[str, list[tuple[Item, ItemContent, Evidence]]] = defaultdict(list)
    for st in statuses:
        if st.content is None:
            continue
        for ev in st.content.evidence:
            if ev.url:
                by_url[_same_page(ev.url)].append((st.item, st.content, ev))
    out = []
    for _page, uses in sorted(by_url.items()):
        subs = {it.sub_indicator for it, _, _ in uses}
        if len(subs) > 1:
            items = sorted({it.id for it, _, _ in uses}, key=lambda x: int(x[1:]))
            for it, content, ev in uses:
                out.append(problem("url-shared", value=ev.url, items=", ".join(items),
                                   file=content.file, line=ev.line,
                                   path=f"evidence[{ev.index}].url", year=yc.year,
                                   item=it.id))
    return out


def check_project(project: Project, today: date, years: list[int] | None = None
                  ) -> list[YearReport]:
    return [check_year(project, fy, today) for fy in (years or project.year_list)]


def markdown_problems(project: Project, fy: int) -> list[Problem]:
    """Raw HTML and unsafe links in officers' Markdown (the year's items and free pages)."""
    out = []
    yc = project.years[fy]
    bodies: list[tuple[str, str, int, int | None, str | None]] = [
        (ic.file, ic.body, ic.body_line, fy, ic.item_id) for ic in yc.items.values()]
    bodies += [(p.file, p.body, p.body_line, None, None) for p in project.pages]
    for file, body, line, year, item in bodies:
        _, findings = sanitize_markdown(body, line)
        for f in findings:
            code = "markdown-html" if f.kind == "html" else "markdown-link-scheme"
            out.append(problem(code, file=file, line=f.line, year=year, item=item, value=f.value,
                               allowed=", ".join(ALLOWED_TAGS)))
    return out
