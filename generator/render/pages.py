"""Render the generated Markdown tree (pages + data files) from a project and its reports.

Templates (`theme/pages/*.md.j2`, overridable by a council's own `theme/pages/`) receive
the project, its YearReports and the views built here (YearView, ResultsView, RefLink);
they only loop and branch. Everything from YAML
is escaped by Jinja's autoescape (HTML) or the `md` filter (Markdown inline); officers'
Markdown bodies pass through `safety.sanitize_markdown`.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2
import yaml
from markupsafe import Markup

from generator import __version__
from generator.base.markup import file_href, md_escape, safe_href, sanitize_markdown
from generator.base.thai import Period, format_date, format_period, to_thai_digits
from generator.check.archive import ArchiveReport
from generator.check.assessment import compute
from generator.check.periods import period_label, year_rule
from generator.check.procurement import procurement_item
from generator.check.report import STATUS_ICON, STATUS_TH, YearReport
from generator.check.results import (
    COMPUTED,
    ENTERED,
    GROUPS_TH,
    Results,
    change,
    format_change,
    groups,
)
from generator.check.score import Estimate, estimate
from generator.load.assessment import Assessment, Rules, rules_for
from generator.load.catalogue import PERIOD_RULES_TH, available_years, load_year
from generator.load.files import resolve_content_file
from generator.load.measures import ROUND_TH, ROUNDS, rounds_due
from generator.load.measures import STATUS_TH as MEASURE_STATUS_TH
from generator.load.procurement import Month, YearProcurement, be_iso
from generator.load.project import Page, Project
from generator.load.requirement import requirement_points
from generator.render.charts import grouped_bars, qr_svg
from generator.render.documents import GROUP_TH, analysis_view, change_text, progress_view
from generator.render.grid import period_grid
from generator.render.names import component_names, evidence_components, kind_title
from generator.render.reports import checklist_csv, checklist_json


@dataclass(frozen=True)
class Rendered:
    """The generated docs tree: Markdown pages and extra files, by path under docs/."""

    pages: dict[str, str]
    files: dict[str, bytes]
    nav: list[Any]


@dataclass(frozen=True)
class YearView:
    """One fiscal year as the templates see it."""

    year: int
    report: YearReport
    estimate: Estimate
    is_current: bool


@dataclass(frozen=True)
class ResultsView:
    """One fiscal year's assessment results, entered and computed by the year's rules."""

    year: int
    entered: Assessment
    rules: Rules | None
    computed: Results | None
    groups: dict[str, tuple[str, ...]]   # urgent / improve / strength: the council's thresholds
    previous: Assessment | None = None   # the year before, for the change columns
    item_titles: dict[str, str] = field(default_factory=dict)  # o-question rows' titles

    def group_of(self, indicator: str) -> str | None:
        return next((g for g, ids in self.groups.items() if indicator in ids), None)

    def change(self, indicator: str | None = None) -> str:
        """`+3.33` against the year before (seed 004 l.193-197), `–` without both figures."""
        if self.previous is None:
            return "–"
        if indicator is None:
            return format_change(change(self.previous.overall, self.entered.overall))
        return format_change(change(self.previous.indicators.get(indicator),
                                    self.entered.indicators.get(indicator)))


@dataclass(frozen=True)
class MonthView:
    """One imported month of procurement summaries (o13) as the template shows it."""

    month: Month
    counted: bool  # no error: it counts as the month's report
    csv: str  # its CSV, relative to the site root
    source: str  # the workbook it was imported from, when it is published (else "")


@dataclass(frozen=True)
class ProcurementView:
    """A year's imported procurement months, with the year's totals."""

    months: tuple[MonthView, ...]
    csv: str  # every month in one CSV
    rows: int
    budget: float
    reference: float
    agreed: float


def procurement_view(yp: YearProcurement | None, counted: set[str],
                     published: dict[str, Path]) -> ProcurementView | None:
    if yp is None or not yp.months:
        return None
    views = []
    for m in yp.months:
        src = m.source.removeprefix("content/")
        views.append(MonthView(m, f"#m-{m.key}" in counted,
                               f"{yp.year}/procurement/skr1-{m.key}.csv",
                               src if src in published else ""))
    months = yp.months
    return ProcurementView(tuple(views), f"{yp.year}/procurement/skr1-{yp.year}.csv",
                           yp.row_count, sum(m.total("budget") for m in months),
                           sum(m.total("reference_price") for m in months),
                           sum(m.total("agreed_price") for m in months))


CSV_HEAD = ["เดือน", "ที่", "งานที่ซื้อหรือจ้าง", "วงเงินที่ซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)",
            "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือก",
            "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "เหตุผลที่คัดเลือกโดยสรุป",
            "เลขที่ของสัญญาหรือข้อตกลง", "วันที่ของสัญญาหรือข้อตกลง", "เลขที่โครงการ (e-GP)",
            "หมายเหตุ"]


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula (`=…`, `+…`, `-…`, `@…`)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def procurement_csv(months: tuple[Month, ...]) -> bytes:
    """The สขร.1 columns, one row per entry (UTF-8 with BOM: Excel opens Thai correctly)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEAD)
    for m in months:
        if m.no_procurement:
            w.writerow([m.key, "", "ไม่มีการจัดซื้อจัดจ้าง"] + [""] * (len(CSV_HEAD) - 3))
        for r in m.rows:
            w.writerow([m.key, _cell(r.number), _cell(r.work), _amount(r.budget.value,
                        r.budget.text), _amount(r.reference_price.value, r.reference_price.text),
                        _cell(r.method), _cell("; ".join(r.bidders)), _cell(r.winner),
                        _amount(r.agreed_price.value, r.agreed_price.text), _cell(r.reason),
                        _cell(r.contract), be_iso(r.contract_date) if r.contract_date else "",
                        _cell(r.egp), _cell(r.note)])
    return ("\ufeff" + buf.getvalue()).encode()


def _amount(value: float | None, text: str) -> str:
    return f"{value:.2f}" if value is not None else _cell(text)


def results_views(project: Project) -> dict[int, ResultsView]:
    th = project.config.analysis
    out = {}
    for fy, a in sorted(project.assessments.items()):
        rules = rules_for(fy)
        titles: dict[str, str] = {}
        if fy in project.years:
            titles = {i.id: i.title for i in project.years[fy].catalogue.items}
        elif fy in available_years():
            titles = {i.id: i.title for i in load_year(fy).items}
        out[fy] = ResultsView(fy, a, rules, compute(a, rules) if rules else None,
                              groups(a.indicators, th.urgent_below, th.strength_from),
                              project.assessments.get(fy - 1), titles)
    return out


def comparison_chart(views: list[ResultsView], chart_id: str) -> str:
    """Indicators 1–10 across the years shown, as a grouped bar chart."""
    indicators = sorted({i for v in views for i in v.entered.indicators}, key=int)
    series = [(f"ปีงบประมาณ {v.year}", [v.entered.indicators.get(i) for i in indicators])
              for v in views]
    low = min([x for _, vals in series for x in vals if x is not None] + [100.0])
    low = max(0.0, min(50.0, (int(low) // 10) * 10.0))
    desc = "; ".join(f"{name}: " + ", ".join(
        f"ตัวชี้วัดที่ {i} {x:.2f}" for i, x in zip(indicators, vals, strict=True) if x is not None)
        for name, vals in series)
    return grouped_bars("คะแนนรายตัวชี้วัด เปรียบเทียบรายปี", desc, indicators, series,
                        low=low, chart_id=chart_id)


@dataclass(frozen=True)
class RefLink:
    """A reference from an o27 finding or measure to an indicator, question or item."""

    label: str
    href: str  # relative to the site root
    score: str  # "" when unknown


def ref_links(refs: tuple[str, ...], based: ResultsView | None, fy: int,
              item_ids: set[str], num: Any, subs: dict[str, str] | None = None
              ) -> list[RefLink]:
    out = []
    subs = subs or {}
    questions = {q.id: q for q in based.entered.questions} if based else {}
    for ref in refs:
        q = questions.get(ref)
        if ref[0] == "o" and ref in item_ids:
            score = f"ปี {based.year}: {num(q.score)}" if based and q and q.score is not None \
                else ""
            out.append(RefLink(ref, f"{fy}/oit/{ref}/", score))
        elif ref[0] in "ieo":
            year = based.year if based else fy
            out.append(RefLink(f"ข้อ {ref}", f"{year}/assessment/#q-{ref}",
                               num(q.score) if q and q.score is not None else ""))
        elif "." in ref:
            sub = subs.get(ref)
            out.append(RefLink(f"ตัวชี้วัดย่อย {ref} {sub}" if sub else f"ตัวชี้วัดย่อย {ref}",
                               f"{fy}/oit/" if sub else "", ""))
        else:
            v = based.entered.indicators.get(ref) if based else None
            title = based.rules.indicators.get(ref, "") if based and based.rules else ""
            href = f"{based.year}/assessment/#ind-{ref}" if based else ""
            out.append(RefLink(f"ตัวชี้วัด {ref} {title}".strip(), href,
                               num(v) if v is not None else ""))
    return out


def page_depth(docs_path: str) -> int:
    """How many folders deep the page's URL is (use_directory_urls): `2568/oit/o5.md` is
    served at `2568/oit/o5/`, so 3."""
    parts = docs_path.split("/")
    depth = len(parts) - 1
    if parts[-1] != "index.md":
        depth += 1
    return depth


def template_env(search_path: list[Path], cache: bool = True) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    return env


def filter_abi(env: jinja2.Environment) -> str:
    """What compiled page templates depend on besides their source: how each filter is
    called (a filter that starts taking the context changes the compiled code)."""
    calls = ",".join(f"{name}:{getattr(f, 'jinja_pass_arg', '')}"
                     for name, f in sorted(env.filters.items()))
    return hashlib.sha256(calls.encode()).hexdigest()[:12]


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # full or read-only temp dir: compile again next time
            pass


@functools.lru_cache(maxsize=8)
def page_bytecode_cache(abi: str) -> jinja2.BytecodeCache | None:
    """Our page templates' compiled code, apart from the theme's and per filter ABI."""
    try:
        return _BytecodeCache(pattern=f"__prongsai_pages_{abi}_%s.cache")
    except (OSError, RuntimeError):
        return None


@functools.lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds, in Jinja's private per-user folder in the
    temp dir, keyed by template file and checked against its source: our page templates
    and (engine.py) the theme's. Compiling them took two thirds of a 1-year site's
    rendering and a fifth of its MkDocs run (bench/)."""
    try:
        return _BytecodeCache()
    except (OSError, RuntimeError):  # no usable temp dir: compile every time
        return None


def per_build(fn: Any) -> Any:
    """A filter whose result depends on the build's settings (Thai digits, date format):
    taking the context keeps Jinja from evaluating it on constants at compile time."""
    @jinja2.pass_context
    def filt(_ctx: Any, *args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)
    return filt


def yaml_str(value: object) -> Markup:
    """`value` as a YAML double-quoted scalar, by PyYAML's own emitter, which MkDocs'
    front-matter reader reads back exactly. (Jinja's `tojson` wrote characters beyond
    U+FFFF as JSON surrogate pairs, which YAML cannot read: MkDocs then kept the whole
    front matter as page text.)"""
    return Markup(yaml.safe_dump(str(value), allow_unicode=True, default_style='"',
                                 width=float("inf")).rstrip("\n"))


def render_site(project: Project, reports: dict[int, YearReport], templates: list[Path],
                today: date, *, cache: bool = True,
                archives: dict[int, ArchiveReport] | None = None) -> Rendered:
    cfg = project.config
    opts = cfg.site
    env = template_env(templates, cache)
    digits = opts.thai_digits

    def num(value: float | int | None, places: int = 2) -> str:
        if value is None:
            return "–"
        text = f"{value:,.{places}f}" if isinstance(value, float) else f"{value:,}"
        return to_thai_digits(text) if digits else text

    def thdate(d: date | None) -> str:
        return format_date(d, opts.date_format, digits) if d else "–"

    def digits_filter(text: object) -> str:
        return to_thai_digits(str(text)) if digits else str(text)

    def longdate(d: date | None) -> str:
        return format_date(d, "long", digits) if d else "–"

    def period(p: Period | None) -> str:
        return format_period(p, digits) if p else "–"

    env.filters.update(
        md=lambda s: Markup(md_escape(str(s))),
        href=safe_href, fhref=file_href, yaml_str=yaml_str, points=requirement_points,
        # these depend on the council's settings: never folded into the compiled template
        # (`{{ 1|digits }}` would otherwise be computed once, at compile time, and the
        # compiled templates are cached across projects and settings)
        **{name: per_build(fn) for name, fn in (
            ("num", num), ("thdate", thdate), ("digits", digits_filter),
            ("longdate", longdate), ("period", period))},
        kind_title=kind_title,
    )
    if cache:
        env.bytecode_cache = page_bytecode_cache(filter_abi(env))
    env.globals.update(status_th=STATUS_TH, status_icon=STATUS_ICON,
                       period_th=PERIOD_RULES_TH, version=__version__, group_th=GROUP_TH,
                       change_text=change_text, groups_th=GROUPS_TH,
                       tool_entered=ENTERED, tool_computed=COMPUTED,
                       analysis=cfg.analysis,
                       rule_label=lambda it, fy: period_label(year_rule(it), fy),
                       evidence_components=evidence_components, kind_title=kind_title,
                       component_names=component_names)

    years = [YearView(fy, reports[fy], estimate(reports[fy]), fy == cfg.current_year)
             for fy in sorted(reports, reverse=True)]
    archives = archives or {}
    current = next((y for y in years if y.is_current), years[0] if years else None)
    results = results_views(project)
    env.globals.update(measure_status_th=MEASURE_STATUS_TH, round_th=ROUND_TH, rounds=ROUNDS,
                       results=results)
    eit_qr = {fy: Markup(qr_svg(cfg.eit_url(fy), f"คิวอาร์โค้ดแบบวัด EIT ปีงบประมาณ {fy}"))
              for fy in set(reports) | set(results) if cfg.eit_url(fy)}

    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}

    def render(docs_path: str, template: str, **ctx: Any) -> None:
        root = "../" * page_depth(docs_path)
        body = env.get_template(template).render(
            config=cfg, council=cfg.council, years=years, current=current, root=root,
            **ctx)
        pages[docs_path] = body

    # executives' photos that exist under content/ (a missing one is never linked)
    published = {ex.photo for ex in cfg.executives if ex.photo and _is_document(
        project.content_dir, ex.photo)}
    render("index.md", "home.md.j2", pages=project.pages, archives=archives,
           eit_qr=eit_qr.get(current.year) if current else None)
    for fy, view in results.items():
        shown = [results[y] for y in sorted(results) if y <= fy][-4:]
        render(f"{fy}/assessment.md", "assessment.md.j2", r=view, shown=shown,
               chart=Markup(comparison_chart(shown, f"cmp-{fy}")))
        files[f"{fy}/assessment.json"] = assessment_json(view)
    for yv in years:
        fy = yv.year
        render(f"{fy}/index.md", "year.md.j2", y=yv)
        render(f"{fy}/oit/index.md", "oit_index.md.j2", y=yv)
        for st in yv.report.items:
            body = ""
            if st.content is not None:
                body, _ = sanitize_markdown(st.content.body, st.content.body_line)
            measures = project.years[fy].measures
            due = rounds_due(fy, yv.report.as_of)
            if st.item.document == "progress":
                # the report the item reads: 2568's o28 is the report of 2567 (seed 000 l.133)
                read = st.item.read_year(fy)
                measures = project.measures.get(read)
                due = rounds_due(read, yv.report.as_of, st.item.grace_days)
            based = results.get(measures.based_on) if measures else None
            ids = {i.id for i in yv.report.catalogue.items}
            analysis = next((i.id for i in yv.report.catalogue.items
                             if i.document == "analysis"), None)
            procurement = None
            if st.item is procurement_item(yv.report.catalogue):
                yp = project.years[fy].procurement
                procurement = procurement_view(
                    yp, {e.url for e in st.usable if e.url.startswith("#m-")}, project.files)
                if yp is not None and procurement is not None:
                    for mv in procurement.months:
                        files[mv.csv] = procurement_csv((mv.month,))
                    files[procurement.csv] = procurement_csv(yp.months)
            doc: Any = None
            if measures is not None and st.item.document == "analysis":
                doc = analysis_view(cfg, measures, project.assessments, yv.report, st.item.id)
            elif measures is not None and st.item.document == "progress":
                doc = progress_view(cfg, measures, project.assessments, yv.report, st.item.id,
                                    analysis)
            render(f"{fy}/oit/{st.item.id}.md", "item.md.j2", y=yv, st=st, body=Markup(body),
                   procurement=procurement,
                   grid=period_grid(st, fy, yv.report.as_of),
                   executives=cfg.executives, measures=measures, based=based, doc=doc,
                   due=due, eit_qr=eit_qr.get(fy),
                   eit_url=cfg.eit_url(fy), analysis_item=analysis, published=published,
                   refs=lambda r, b=based, f=fy, i=ids, c=yv.report.catalogue: ref_links(
                       r, b, f, i, num, {s.id: s.title for s in c.sub_indicators}))
        if opts.checklist_public:  # the reviewer's page and its data, or none of them
            render(f"{fy}/checklist.md", "checklist.md.j2", y=yv)
            files[f"{fy}/checklist.json"] = checklist_json(yv.report, yv.estimate)
            files[f"{fy}/checklist.csv"] = checklist_csv(yv.report)
        files[f"{fy}/itas-urls.csv"] = itas_urls_csv(yv.report, opts.url)
    for fy, ar in sorted(archives.items(), reverse=True):
        render(f"{fy}/index.md", "archive_year.md.j2", a=ar)
        render(f"{fy}/oit/index.md", "archive_index.md.j2", a=ar)
        for ai in ar.items:
            body, _ = sanitize_markdown(ai.content.body, ai.content.body_line)
            render(f"{fy}/oit/{ai.item_id}.md", "archive_item.md.j2", a=ar, ai=ai,
                   body=Markup(body))
    for page in project.pages:
        body, _ = sanitize_markdown(page.body, page.body_line)
        render(f"{page.slug}.md", "page.md.j2", page=page, body=Markup(body))

    nav = build_nav(years, project.pages, opts.checklist_public, sorted(results),
                    opts.thai_digits, archives)
    return Rendered(pages=pages, files=files, nav=nav)


def _is_document(content_dir: Path, rel: str) -> bool:
    """A file under content/ that exists and is not empty: the only kind a page links."""
    path, _ = resolve_content_file(content_dir, rel)
    return path is not None and path.is_file() and path.stat().st_size > 0


def build_nav(years: list[YearView], pages: tuple[Page, ...], checklist: bool,
              results: list[int] | None = None, digits: bool = False,
              archives: dict[int, ArchiveReport] | None = None) -> list[Any]:
    nav: list[Any] = [{"หน้าแรก": "index.md"}]
    by_year = {yv.year: yv for yv in years}
    archives = archives or {}
    for fy in sorted(set(by_year) | set(results or []) | set(archives), reverse=True):
        section: list[Any] = []
        yv = by_year.get(fy)
        ar = archives.get(fy)
        if ar is not None:
            shown = {ai.item_id: to_thai_digits(ai.content.title) if digits else ai.content.title
                     for ai in ar.items}
            items = [{f"{ai.item_id} {shown[ai.item_id]}".strip(): f"{fy}/oit/{ai.item_id}.md"}
                     for ai in ar.items]
            section += [
                {"ภาพรวมปีงบประมาณ": f"{fy}/index.md"},
                {"คลังเอกสาร OIT": [{"รายการทั้งหมด": f"{fy}/oit/index.md"}, *items]},
            ]
        if yv is not None:
            titles = {st.item.id: to_thai_digits(st.item.title) if digits else st.item.title
                      for st in yv.report.items}
            items = [{f"{st.item.id} {titles[st.item.id]}": f"{fy}/oit/{st.item.id}.md"}
                     for st in yv.report.items]
            section += [
                {"ภาพรวมปีงบประมาณ": f"{fy}/index.md"},
                {"การเปิดเผยข้อมูล OIT": [{"รายการทั้งหมด": f"{fy}/oit/index.md"}, *items]},
            ]
        if fy in (results or []):
            section.append({"ผลการประเมิน ITA": f"{fy}/assessment.md"})
        if yv is not None and checklist:
            section.append({"ตรวจความครบถ้วน": f"{fy}/checklist.md"})
        nav.append({f"ปีงบประมาณ {fy}": section})
    nav.extend({p.title: f"{p.slug}.md"} for p in pages)
    return nav


# --- machine-readable files ---------------------------------------------------------------

def item_url(site_url: str, fy: int, item_id: str) -> str:
    path = f"{fy}/oit/{item_id}/"
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path) \
        if site_url else path


def itas_urls_csv(report: YearReport, site_url: str) -> bytes:
    """Item id, title and public page URL, ready to paste into the ITAS system."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["ข้อ", "ชื่อข้อ", "ที่อยู่หน้าเว็บ (URL)"])
    for st in report.items:
        w.writerow([st.item.id, st.item.title, item_url(site_url, report.year, st.item.id)])
    return ("\ufeff" + buf.getvalue()).encode()


def assessment_json(view: ResultsView) -> bytes:
    """The results page's figures, entered and computed (site/<fy>/assessment.json)."""
    a, c, rules = view.entered, view.computed, view.rules
    data = {
        "format": "prongsai-assessment/2",
        "fiscal_year": a.year,
        "entered": {"overall": a.overall, "label": a.label, "rank": a.rank, "tools": a.tools,
                    "indicators": a.indicators,
                    "questions": [{"id": q.id, "score": q.score, "text": q.text,
                                   "recommendation": q.recommendation} for q in a.questions]},
        "computed": None if c is None or rules is None else {
            "overall": c.overall, "label": c.band, "possible_labels": list(c.possible),
            "tools": {t.id: {"value": t.value, "source": t.source} for t in c.tools},
            "weights": {t.id: t.weight for t in rules.tools}},
        "groups": {g: list(ids) for g, ids in view.groups.items()},
        "changes": None if view.previous is None else {
            "from_year": view.previous.year, "overall": change(view.previous.overall, a.overall),
            "indicators": {i: change(view.previous.indicators.get(i), v)
                           for i, v in a.indicators.items()}},
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
