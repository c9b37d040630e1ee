"""The completeness check: component by component, period by period, link by link.

`check_year()` turns a year's catalogue and content into a YearReport: the status of every
item and component, the evidence that meets each component, and every problem found.
"""

from __future__ import annotations

import ipaddress
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from generator.catalog import PERIOD_RULES_TH, Catalogue, Component, Item
from generator.config import SiteConfig
from generator.content import Evidence, ItemContent, Project, YearContent
from generator.fields import did_you_mean
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
    def score(self) -> float | None:
        """Estimated item score: share of components met (None when not applicable)."""
        if self.status == NA:
            return None
        return 100.0 * self.met_count / len(self.components) if self.components else 100.0


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
    loaded = [p for p in project.problems if p.year in (fy, None)]
    loaded += markdown_problems(project, fy)
    problems = sorted(set(loaded + ctx.problems + [p for s in statuses for p in s.problems]),
                      key=sort_key)
    return YearReport(year=fy, catalogue=yc.catalogue, items=tuple(statuses),
                      problems=tuple(problems), as_of=ctx.as_of)


def _expected_file(fy: int, item: Item) -> str:
    return f"content/{fy}/oit/{item.id}.md"


def _check_item(ctx: _Ctx, item: Item) -> ItemStatus:
    fy = ctx.year.year
    content = ctx.year.items.get(item.id)
    probs: list[Problem] = []
    exp = _expected_file(fy, item)

    if content is not None and content.not_applicable is not None:
        if not content.not_applicable.strip():
            probs.append(problem("na-without-reason", file=content.file, year=fy, item=item.id,
                                 path="not_applicable"))
        comps = tuple(ComponentStatus(c, False) for c in item.components)
        return ItemStatus(item, content, NA, comps, tuple(probs))

    if content is None and item.needs_file:
        probs.append(problem("item-file-missing", year=fy, item=item.id, expected_file=exp,
                             file=exp))

    usable: list[Evidence] = []
    if content is not None:
        if not content.evidence and item.claimable:
            probs.append(problem("item-no-evidence", file=content.file, year=fy, item=item.id,
                                 path="evidence", expected_file=exp))
        usable = _usable_evidence(ctx, item, content, probs)

    comps: list[ComponentStatus] = []
    for comp in item.components:
        if comp.auto is None:
            ev = tuple(e for e in usable if comp.id in e.components)
            claimed = content is not None and any(
                comp.id in e.components for e in content.evidence)
            if not ev and content is not None and content.evidence and not claimed:
                probs.append(problem("component-unmet", file=content.file, year=fy,
                                     item=item.id, component=comp.id, title=comp.title,
                                     expected_file=exp))
            comps.append(ComponentStatus(comp, bool(ev), ev))
        else:
            comps.append(_auto(ctx, item, comp, content, usable, probs))

    met = sum(1 for c in comps if c.met)
    if content is None and item.needs_file:
        status = MISSING
    elif met == len(comps):
        status = COMPLETE
    else:
        status = INCOMPLETE
    return ItemStatus(item, content, status, tuple(comps), tuple(probs), tuple(usable))


# --- evidence: files, links, periods ------------------------------------------------------

def _usable_evidence(ctx: _Ctx, item: Item, content: ItemContent,
                     probs: list[Problem]) -> list[Evidence]:
    fy = ctx.year.year
    seen: dict[str, Evidence] = {}
    usable = []
    for ev in content.evidence:
        where = dict(file=content.file, line=ev.line, path=f"evidence[{ev.index}]", year=fy,
                     item=item.id)
        ok = True
        if not ev.url and not ev.file:
            probs.append(problem("evidence-no-source", value=ev.title, **where))
            ok = False
        if ev.key and ev.key in seen:
            probs.append(problem("evidence-duplicate", value=ev.key, **where))
        elif ev.key:
            seen[ev.key] = ev
        if ev.file:
            ok = _check_file(ctx.project.content_dir, ev.file, where, probs) and ok
        if ev.url:
            ok = _check_url(ev.url, where, probs) and ok
        ok = _period_ok(fy, item, ev, where, probs) and ok
        if ok:
            usable.append(ev)
    return usable


def _period_ok(fy: int, item: Item, ev: Evidence, where: dict[str, object],
               probs: list[Problem]) -> bool:
    """Does this evidence belong to the fiscal year under the item's period rule?"""
    rule = item.period
    if rule == "none":
        return True
    year = fiscal_period(fy)
    span = format_period(year)
    if ev.period is None and ev.date is None:
        probs.append(problem("evidence-date-missing", value=ev.title, rule=PERIOD_RULES_TH[rule],
                             **where))  # type: ignore[arg-type]
        return False
    if rule == "covers_year":
        if ev.period is not None:
            if not ev.period.contains(year):
                probs.append(problem("period-not-covering", value=format_period(ev.period),
                                     title=ev.title, **where))  # type: ignore[arg-type]
                return False
            return True
    if ev.period is not None:
        if ev.period.overlaps(year):
            return True
        probs.append(problem("evidence-out-of-year", value=format_period(ev.period),
                             title=ev.title, span=span, **where))  # type: ignore[arg-type]
        return False
    assert ev.date is not None
    if year.start <= ev.date <= year.end:
        return True
    probs.append(problem("evidence-out-of-year", value=format_date(ev.date), title=ev.title,
                         span=span, **where))  # type: ignore[arg-type]
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
        names = ", ".join(format_month(y, m) for y, m in missing)
        base = dict(file=content.file, year=fy, item=item.id, component=comp.id, path="evidence")
        if rule == "first_half":
            probs.append(problem("period-first-half", value=names,
                                 span=f"{format_month(*need[0])} – {format_month(*need[-1])}",
                                 **base))  # type: ignore[arg-type]
        elif rule == "both_halves":
            probs.append(problem("period-both-halves", value=names, **base))  # type: ignore
        else:
            probs.append(problem("period-months-missing", value=names,
                                 as_of=format_date(ctx.as_of), **base))  # type: ignore[arg-type]
    ev = tuple(e for e in usable if e.period is not None)
    return ComponentStatus(comp, bool(usable) and not missing, ev, PERIOD_RULES_TH[rule])


def _auto(ctx: _Ctx, item: Item, comp: Component, content: ItemContent | None,
          usable: list[Evidence], probs: list[Problem]) -> ComponentStatus:
    auto = comp.auto or ""
    cfg = ctx.project.config
    fy = ctx.year.year
    if auto == "period":
        return _auto_period(ctx, item, comp, content, usable, probs)
    if auto.startswith("executives_"):
        field_name = auto.removeprefix("executives_")
        if not cfg.executives:
            if field_name == "name":
                probs.append(problem("executives-missing", file="site_config.yml", year=fy,
                                     item=item.id, path="executives"))
            return ComponentStatus(comp, False, (), "ไม่มีรายชื่อผู้บริหาร")
        lacking = []
        for i, ex in enumerate(cfg.executives):
            has = ex.has_contact if field_name == "contact" else bool(getattr(ex, field_name))
            if field_name == "photo" and ex.photo:
                has = _check_file(ctx.project.content_dir, ex.photo, dict(
                    file="site_config.yml", line=ex.line, path=f"executives[{i}].photo",
                    year=fy, item=item.id), probs)
            elif not has:
                lacking.append(ex.name or f"#{i + 1}")
                probs.append(problem(
                    "executive-incomplete", file="site_config.yml", line=ex.line,
                    path=f"executives[{i}]", year=fy, item=item.id, component=comp.id,
                    value=ex.name or f"executives[{i}]",
                    field={"name": "name", "position": "position", "photo": "photo",
                           "contact": "phone, email or contact"}[field_name]))
            if not has and field_name == "photo" and ex.photo:
                lacking.append(ex.name)
        detail = f"ผู้บริหาร {len(cfg.executives)} คน" + (
            f" (ขาด: {', '.join(lacking)})" if lacking else "")
        return ComponentStatus(comp, not lacking, (), detail)
    if auto in ("address", "phone", "fax", "email", "map"):
        c = cfg.council
        value = {"address": c.address, "phone": ", ".join(c.phones), "fax": c.fax,
                 "email": c.email, "map": c.map.link if c.map else ""}[auto]
        if not value:
            key = {"phone": "phones"}.get(auto, auto)
            probs.append(problem("contact-incomplete", file="site_config.yml",
                                 path=f"council.{key}", year=fy, item=item.id,
                                 component=comp.id, field=comp.title, key=key))
        return ComponentStatus(comp, bool(value), (), value)
    if auto == "eit_survey":
        url = cfg.eit_url(fy)
        if not url:
            probs.append(problem("eit-survey-missing", file="site_config.yml", year=fy,
                                 item=item.id, component=comp.id, path="eit_survey_url"))
            return ComponentStatus(comp, False, (), "")
        ok = _check_url(url, dict(file="site_config.yml", path="eit_survey_url", year=fy,
                                  item=item.id), probs)
        return ComponentStatus(comp, ok, (), url)
    if auto == "measures_reported":
        return _measures(ctx, item, comp, probs)
    raise AssertionError(f"unknown auto rule {auto}")  # catalogue validation prevents this


def _measures(ctx: _Ctx, item: Item, comp: Component, probs: list[Problem]) -> ComponentStatus:
    from generator.measures import measures_status

    return measures_status(ctx.project, ctx.year, item, comp, ctx.as_of, probs)


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
        real = path.resolve()
        root = content_dir.resolve()
    except OSError:
        return None, "unresolvable"
    if not real.is_relative_to(root):
        return None, "symlink out of content/"
    return path, None


def _check_file(content_dir: Path, rel: str, where: dict[str, object],
                probs: list[Problem]) -> bool:
    path, why = resolve_content_file(content_dir, rel)
    if path is None:
        probs.append(problem("file-outside-content", value=rel, **where))  # type: ignore[arg-type]
        return False
    ext = path.suffix.lower()
    if ext in UNSAFE:
        probs.append(problem("file-type-unsafe", value=rel, ext=ext, **where))  # type: ignore
        return False
    if not path.is_file():
        near = ""
        if path.parent.is_dir():
            near = did_you_mean(path.name, [p.name for p in path.parent.iterdir()])
        probs.append(problem("file-missing", value=rel, hint=near, **where))  # type: ignore
        return False
    size = path.stat().st_size
    if size == 0:
        probs.append(problem("file-empty", value=rel, **where))  # type: ignore[arg-type]
        return False
    if ext in MAGIC:
        with path.open("rb") as fh:
            head = fh.read(16)
        name, sigs = MAGIC[ext]
        if not head.startswith(sigs):
            probs.append(problem("file-type-mismatch", value=rel, expected=name,
                                 found=sniff(head), **where))  # type: ignore[arg-type]
            return False
    elif ext not in TEXT_TYPES:
        probs.append(problem("file-type-unsupported", value=rel, ext=ext or "(none)",
                             **where))  # type: ignore[arg-type]
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
        return "url-malformed", {}
    try:
        parts = urlsplit(url)
    except ValueError:
        return "url-malformed", {}
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "url-local", {"why": "a file on someone's computer (file://)"}
    if scheme not in ("http", "https"):
        if not scheme:
            return "url-malformed", {}
        return "url-scheme", {"scheme": scheme}
    try:
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return "url-malformed", {}
    if not host or not re.fullmatch(r"[a-z0-9\-.\[\]:ก-๙]+", host):
        return "url-malformed", {}
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        ip = None
    if ip is not None:
        if ip.is_loopback:
            return "url-local", {"why": "this computer (loopback address)"}
        if ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
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


def _check_url(url: str, where: dict[str, object], probs: list[Problem]) -> bool:
    found = url_problem(url)
    if found is None:
        return True
    code, params = found
    probs.append(problem(code, value=url, **where, **params))  # type: ignore[arg-type]
    return code == "url-login"  # a login link is a warning: it still counts


def _shared_urls(yc: YearContent, statuses: list[ItemStatus]) -> list[Problem]:
    """The same link as evidence for items of different sub-indicators."""
    by_url: dict[str, list[tuple[Item, ItemContent, Evidence]]] = defaultdict(list)
    for st in statuses:
        if st.content is None:
            continue
        for ev in st.content.evidence:
            if ev.url:
                by_url[ev.url.rstrip("/")].append((st.item, st.content, ev))
    out = []
    for url, uses in sorted(by_url.items()):
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
    bodies = [(ic.file, ic.body, ic.body_line, fy, ic.item_id) for ic in yc.items.values()]
    bodies += [(p.file, p.body, 1, None, None) for p in project.pages]
    for file, body, line, year, item in bodies:
        _, findings = sanitize_markdown(body, line)
        for f in findings:
            code = "markdown-html" if f.kind == "html" else "markdown-link-scheme"
            out.append(problem(code, file=file, line=f.line, year=year, item=item, value=f.value,
                               allowed=", ".join(ALLOWED_TAGS)))
    return out
