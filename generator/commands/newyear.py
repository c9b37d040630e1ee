"""`prongsai new-year <fy>`: start a fiscal year's item files from its catalogue.

For every item of the new year's catalogue, `content/<fy>/oit/<item>.md` is created unless a
file for that item already exists (it is never overwritten, so running twice is safe). The
previous year's evidence that still counts is carried over:

- by meaning: the catalogue's `previous:` (or a `--mapping` file) says which of last year's
  items each new item continues; without one, an item continues last year's item of the same
  number only when their titles agree (a renumbered catalogue must not carry a plan into
  what is now the procurement report);
- evidence must have been usable last year (its file or link had no error), must name at
  least one component the new item still has (other component ids are removed), and must
  satisfy the new item's year rules (check/years.py: the fiscal year each rule reads,
  the grace for year-end documents; the rule of each component it claims): a plan
  (`covers_year`) whose `period:` contains the year, any document for a component without a
  date rule (`none`: o16's code of ethics), and for the other rules a document whose
  `period:` or `date:` falls in the year the rule reads;
- `unit:` and `not_applicable:` carry over too; the Markdown text below the front matter
  does not (it describes last year's documents).

Every other item starts unmet: its file names the item, its requirement, components and
period rule as YAML comments (not published) and has `evidence: []`. This is the one
command that writes into content/, and only new files in `content/<fy>/oit/`.
"""

from __future__ import annotations

import difflib
import json
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.base.problems import InputError, Problem, problem
from generator.base.say import THAI, Say, lang
from generator.base.thai import fiscal_period, format_period
from generator.check.periods import year_rule
from generator.check.report import ItemStatus
from generator.check.year import check_year
from generator.check.years import belongs
from generator.load.catalogue import (
    PERIOD_RULES_TH,
    Catalogue,
    Item,
    item_id_of,
)
from generator.load.config import load_config
from generator.load.fields import Reader
from generator.load.project import (
    CONTENT_DIR,
    Evidence,
    ItemContent,
    Project,
    load_project,
    year_catalogue,
)
from generator.load.requirement import requirement_points
from generator.load.schema import EVIDENCE
from generator.load.yamlio import load_markdown_file, load_yaml_file, load_yaml_text, show_path

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("curly-quotes", "date-era", "date-invalid", "evidence-date-missing",
          "evidence-out-of-year", "field-missing", "field-type", "field-unknown", "field-value",
          "period-both-halves", "period-first-half", "period-invalid", "period-months-missing",
          "period-not-covering", "text-html", "text-invisible")

# problems about last year's period are not reasons to drop: the new year is judged anew
OLD_PERIOD_CODES = {"evidence-out-of-year", "period-not-covering", "evidence-date-missing",
                    "period-first-half", "period-both-halves", "period-months-missing"}
TITLE_SIMILARITY = 0.6  # same number, titles this alike (difflib ratio): the same item


@dataclass(frozen=True)
class Carried:
    item: str  # new item id
    source: str  # last year's item id
    title: str
    components: tuple[str, ...]


@dataclass(frozen=True)
class Dropped:
    item: str  # new item id ("" when last year's item maps to none)
    source: str
    title: str
    reason: Say


@dataclass
class NewYearReport:
    """What `new-year` did, item by item."""

    year: int
    previous: int
    catalogue: str
    created: list[str] = field(default_factory=list)  # shown paths of new files
    kept: list[str] = field(default_factory=list)  # existing files, untouched
    carried: list[Carried] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)  # new items that start without evidence
    not_applicable: list[str] = field(default_factory=list)  # carried `not_applicable:`
    unmapped: list[str] = field(default_factory=list)  # last year's items nothing continues
    automatic: list[str] = field(default_factory=list)  # decided from site_config/measures
    dry_run: bool = False
    catalogue_setting: str | None = None  # for `years.<fy>.catalogue`, relative to the project


def new_year(root: Path, fy: int, *, catalogue: Path | None = None,
             mapping: Path | None = None, previous: int | None = None,
             dry_run: bool = False) -> NewYearReport:
    """Scaffold `content/<fy>/oit/` for fiscal year `fy` (see the module docstring)."""
    root = root.resolve()
    prev = previous if previous is not None else fy - 1
    new_cat = _new_catalogue(root, fy, catalogue)
    project = load_project(root, only_year=prev)
    old_year = project.years.get(prev) if (root / CONTENT_DIR / str(prev) / "oit").is_dir() \
        else None
    old_cat = old_year.catalogue if old_year else None
    sources = _sources(new_cat, old_cat, mapping, root)
    report = NewYearReport(year=fy, previous=prev, catalogue=new_cat.file, dry_run=dry_run)
    if catalogue is not None:
        report.catalogue_setting = Path(os.path.relpath(catalogue.resolve(), root)).as_posix()

    status = {}
    if old_year is not None:
        old_report = check_year(project, prev, _as_of(prev))
        status = {st.item.id: st for st in old_report.items}
    oit = root / CONTENT_DIR / str(fy) / "oit"
    existing = _existing_items(oit)

    used: set[str] = set()
    for item in new_cat.items:
        olds = sources.get(item.id, ())
        used.update(olds)
        same = old_cat.item(item.id) if old_cat else None
        if same is not None and item.id not in sources and not _same_item(same, item):
            report.dropped.append(Dropped(item.id, item.id, "", Say(
                f"ข้อ {item.id} ของปี {prev} คือ «{same.title}» ซึ่งเป็นคนละเรื่องกัน จึงไม่ยกมาตาม"
                f"เลขข้อ (ถ้าข้อ {item.id} รับช่วงต่อจากข้อนั้น ให้ระบุไว้ใต้ `previous:` ในไฟล์เกณฑ์"
                f" หรือในไฟล์ของ `--mapping`)",
                f"{prev}'s {item.id} was «{same.title}», a different item: nothing is carried "
                f"by number (list it under `previous:` or in --mapping if {item.id} continues "
                "it)")))
        shown = f"{CONTENT_DIR}/{fy}/oit/{item.id}.md"
        if item.id in existing:
            report.kept.append(f"{CONTENT_DIR}/{fy}/oit/{existing[item.id]}")
            continue
        plan = _plan_item(project, item, olds, status, fy, report)
        text = item_file(item, fy, plan, new_cat)
        if not dry_run:
            _create(oit / f"{item.id}.md", text)
        report.created.append(shown)
        if plan.not_applicable is not None:
            report.not_applicable.append(item.id)
        elif not item.needs_evidence:
            report.automatic.append(item.id)
        elif not plan.evidence:
            report.unmet.append(item.id)
    if old_cat is not None:
        report.unmapped = [it.id for it in old_cat.items if it.id not in used]
    return report


def _as_of(prev: int) -> date:
    """Last year is judged as at its last day (every period of it has passed)."""
    return fiscal_period(prev).end


# --- which of last year's items each new item continues -----------------------------------

def _new_catalogue(root: Path, fy: int, given: Path | None) -> Catalogue:
    config, _ = load_config(root)
    return year_catalogue(root, config, fy, given)


def _sources(new: Catalogue, old: Catalogue | None, mapping: Path | None,
             root: Path) -> dict[str, tuple[str, ...]]:
    """New item id -> last year's item ids whose evidence it may carry."""
    if old is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for item in new.items:
        if item.id in new.previous:
            out[item.id] = new.previous[item.id]
        else:
            same = old.item(item.id)
            if same is not None and _same_item(same, item):
                out[item.id] = (item.id,)
    if mapping is not None:
        out.update(load_mapping(mapping, new, old))
    return out


def _same_item(old: Item, new: Item) -> bool:
    a, b = " ".join(old.title.split()), " ".join(new.title.split())
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY


def load_mapping(path: Path, new: Catalogue, old: Catalogue) -> dict[str, tuple[str, ...]]:
    """A user's mapping file: `new_id: old_id`, `new_id: [old_id, …]` or `new_id: []`."""
    shown = path.as_posix()
    doc = load_yaml_file(path, shown)
    problems: list[Problem] = list(doc.problems)
    r = Reader(doc, problems)
    out: dict[str, tuple[str, ...]] = {}
    if not isinstance(doc.data, dict):
        raise InputError([problem("field-type", file=shown, line=1, field=shown,
                                  value=Say("(ไฟล์ว่าง)", "(an empty file)") if doc.data is None
                                  else Say("รายการ", "a list"),
                                  expected=Say("บรรทัดแบบ `ข้อใหม่: ข้อของปีก่อน` เช่น `o6: o5` "
                                               "หรือ `o10: [o10, o11]`",
                                               "lines `new item: last year's item(s)`, e.g. "
                                               "`o6: o5` or `o10: [o10, o11]`"))])
    new_ids = [it.id for it in new.items]
    old_ids = [it.id for it in old.items]
    for key in doc.data:
        p = (key,)
        if key not in new_ids:
            r.report("field-value", p, value=key, field=show_path(p), hint="",
                     expected=Say(f"ข้อในเกณฑ์ปี {new.fiscal_year} ({new_ids[0]} … "
                                  f"{new_ids[-1]})",
                                  f"an item of the {new.fiscal_year} catalogue ({new_ids[0]} … "
                                  f"{new_ids[-1]})"))
            continue
        ids = tuple(r.texts(p)) if doc.data[key] is not None else ()
        for j, old_id in enumerate(ids):
            if old_id not in old_ids:
                r.report("field-value", p + (j,) if isinstance(doc.data[key], list) else p,
                         value=old_id, field=show_path(p), hint="",
                         expected=Say(f"ข้อในเกณฑ์ปี {old.fiscal_year} ({old_ids[0]} … "
                                      f"{old_ids[-1]})",
                                      f"items of the {old.fiscal_year} catalogue ({old_ids[0]} "
                                      f"… {old_ids[-1]})"))
        out[key] = ids
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return out


def _existing_items(oit: Path) -> dict[str, str]:
    """Item id -> file name of the item files already in the new year's folder (`o5.md`,
    `O05.md`, `๐๕.md` all count as o5)."""
    out: dict[str, str] = {}
    if oit.is_dir():
        for path in sorted(oit.iterdir()):
            if path.suffix.lower() == ".md" and not path.name.startswith("."):
                item_id = item_id_of(path.stem)
                if item_id:
                    out.setdefault(item_id, path.name)
    return out


# --- what carries -----------------------------------------------------------------------------

@dataclass
class _Plan:
    previous: int = 0
    unit: str | None = None
    not_applicable: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _plan_item(project: Project, item: Item, olds: tuple[str, ...], status: dict[str, Any],
               fy: int, report: NewYearReport) -> _Plan:
    plan = _Plan(previous=report.previous)
    year = project.years.get(report.previous)
    seen: set[str] = set()
    for old_id in olds:
        content: ItemContent | None = year.items.get(old_id) if year else None
        st = status.get(old_id)
        if content is None:
            if year is not None and old_id in year.unreadable:
                report.dropped.append(Dropped(item.id, old_id, "", Say(
                    f"อ่านไฟล์ของปี {report.previous} ไม่ได้ (ดูสาเหตุด้วย `prongsai check`)",
                    f"the {report.previous} file could not be read (see `prongsai check`)")))
            continue
        plan.sources.append(old_id)
        if plan.unit is None and content.unit and content.unit != (st.item.unit if st else ""):
            plan.unit = content.unit
        if content.not_applicable is not None:
            if content.not_applicable.strip():
                plan.not_applicable = content.not_applicable
            continue
        raw = _raw_evidence(project.root, content)
        for ev in content.evidence:
            why = _why_not(ev, item, fy, content, st)
            comps = tuple(c for c in ev.components if item.component(c) is not None and
                          item.component(c).linkable)  # type: ignore[union-attr]
            if why is None and not comps:
                listed = ", ".join(f"`{c}`" for c in ev.components)
                why = Say(f"องค์ประกอบที่ระบุ ({listed or 'ไม่มี'}) ไม่ใช่องค์ประกอบของข้อ "
                          f"{item.id} ในปี {fy}",
                          f"its components ({', '.join(ev.components) or 'none'}) are not "
                          f"components of {item.id} in {fy}")
            key = ev.url or ev.file
            if why is None and key in seen:
                why = Say("ยกเอกสารเดียวกันมาแล้ว", "the same document is already carried")
            if why is not None:
                report.dropped.append(Dropped(item.id, old_id, ev.title, why))
                continue
            seen.add(key)
            entry = dict(raw.get(ev.index, {}))
            entry = {k: entry[k] for k in EVIDENCE.keys() if k in entry}
            entry["components"] = list(comps)
            plan.evidence.append(entry)
            report.carried.append(Carried(item.id, old_id, ev.title, comps))
    if plan.not_applicable is not None and plan.evidence:
        plan.not_applicable = None  # a merged item with evidence is applicable after all
    return plan


def _why_not(ev: Evidence, item: Item, fy: int, content: ItemContent,
             st: ItemStatus | None) -> Say | None:
    """Why this evidence of last year does not count for `item` in `fy` (None: it does)."""
    at = f"evidence[{ev.index}]"
    checked = [p for p in (st.problems if st else ()) if p.file == content.file and p.path
               and (p.path == at or p.path.startswith(at + "."))]
    found = [p for p in list(ev.problems) + checked
             if p.severity == "error" and p.code not in OLD_PERIOD_CODES]
    if found:
        p = found[0]
        return Say(f"ปีก่อนมีปัญหา [{p.code}]: {p.message_th or p.message}",
                   f"it had a problem last year ({p.code}: {p.message})")
    if not ev.url and not ev.file:
        return Say("ไม่มีลิงก์หรือไฟล์", "it has no link or file")
    # the same year rules as the check (check/years.py): the rule of each component the
    # evidence claims, reading the year the new catalogue says (assessed or previous)
    rules = []
    for cid in ev.components:
        comp = item.component(cid)
        if comp is not None and comp.auto is None:
            rules.append(year_rule(item, comp))
    for rule in rules or [year_rule(item)]:
        if belongs(rule, fy, ev.period, ev.date):
            continue
        read = rule.year_read(fy)
        label = PERIOD_RULES_TH[rule.rule]
        if rule.rule == "covers_year":
            if ev.period is None:
                return Say(f"แผนต้องมี `period:` เพื่อแสดงว่าครอบคลุมปี {read} (ข้อ {item.id} "
                           f"ต้อง{label} {read})",
                           f"a plan needs `period:` to show that it covers {read} ({label})")
            return Say(f"ช่วงเวลาของแผน ({format_period(ev.period)}) ไม่ครอบคลุมปีงบประมาณ "
                       f"{read} (ข้อ {item.id} ต้อง{label} {read})",
                       f"its period does not cover fiscal year {read} ({label})")
        if ev.period is None and ev.date is None:  # not "of another year": nothing says
            return Say(f"ไม่มี `date:` หรือ `period:` จึงไม่มีอะไรบอกว่าเป็นเอกสารของปีงบประมาณ "
                       f"{read} ข้อ {item.id} ปี {fy} ต้องใช้เอกสารของปีงบประมาณ {read} ({label})",
                       f"it has no `date:` or `period:`, so nothing shows it is of {read}; "
                       f"{item.id} in {fy} needs a document of {read} ({label})")
        return Say(f"เป็นเอกสารของปีอื่น ข้อ {item.id} ปี {fy} ต้องใช้เอกสารของปีงบประมาณ {read} "
                   f"({label})",
                   f"it is a document of another year; {item.id} in {fy} needs one of {read} "
                   f"({label})")
    return None


def _raw_evidence(root: Path, content: ItemContent) -> dict[int, dict[str, Any]]:
    """Last year's evidence entries as the officer typed them (Thai digits, Thai month
    names), by index."""
    md = load_markdown_file(root / content.file, content.file)
    data = md.meta.data if isinstance(md.meta.data, dict) else {}
    entries = data.get("evidence")
    if not isinstance(entries, list):
        return {}
    return {i: e for i, e in enumerate(entries) if isinstance(e, dict)}


# --- writing ------------------------------------------------------------------------------------

def _width(text: str) -> int:
    """Columns `text` takes in an editor: Thai vowel and tone marks above and below a
    letter take none."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def _wrapped(text: str, first: str, rest: str, width: int = 90) -> list[str]:
    """`text` as comment lines about `width` columns wide, the first after `first`, the
    following after `rest`; Thai text wraps only at its spaces, a word longer than the
    line stays whole."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        lead = first if not lines else rest
        if line and _width(lead + line + " " + word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [(first if i == 0 else rest) + x for i, x in enumerate(lines)]


def requirement_comment(text: str) -> list[str]:
    """The requirement as comment lines, its points as a list and their numbered parts
    indented under them (generator/load/requirement.py)."""
    out = []
    for point in requirement_points(text):
        if point.text:
            out += _wrapped(point.text, "#   - ", "#     ")
        for part in point.parts:
            out += _wrapped(part, "#       ", "#           ")
    return out


def item_file(item: Item, fy: int, plan: _Plan, catalogue: Catalogue) -> str:
    """The text of a new item file: guidance as YAML comments, carried data, no body."""
    lines = ["---", f"# {item.id} {item.title} — ปีงบประมาณ {fy} "
                    f"(สร้างโดย prongsai new-year {fy})"]
    if catalogue.status == "provisional":
        lines.append(f"# เกณฑ์ปี {fy} เป็นฉบับชั่วคราว (provisional): ตรวจอีกครั้งเมื่อ ป.ป.ช. "
                     "ประกาศเกณฑ์จริง")
    if item.requirement:
        lines.append("# ข้อกำหนด:")
        lines += requirement_comment(item.requirement)
    lines.append(f"# ช่วงเวลา: {PERIOD_RULES_TH[item.period]}")
    lines.append("# องค์ประกอบ (ชื่อ และรหัสในวงเล็บที่ใช้ใน components:):")
    for c in item.components:
        how = " — ตรวจให้อัตโนมัติ ไม่ต้องระบุ" if c.auto else ""
        lines.append(f"#   {c.name} (`{c.id}`): {c.title}{how}")
    if plan.evidence or plan.not_applicable is not None:
        lines.append(f"# ยกมาจากปีงบประมาณ {plan.previous}: {', '.join(plan.sources)} — "
                     "ตรวจว่ายังเป็นฉบับปัจจุบันและยังใช้ได้")
    if plan.unit:
        lines.append(f"unit: {_scalar(plan.unit)}")
    if plan.not_applicable is not None:
        lines.append(f"not_applicable: {_scalar(plan.not_applicable)}")
    elif plan.evidence:
        lines.append("evidence:")
        for entry in plan.evidence:
            first = True
            for key, value in entry.items():
                text = (f"[{', '.join(_scalar(v) for v in value)}]" if isinstance(value, list)
                        else _scalar(value))
                lines.append(f"  {'- ' if first else '  '}{key}: {text}")
                first = False
    elif not item.needs_evidence and item.claimable:
        lines.append("# องค์ประกอบของข้อนี้ตรวจจาก site_config.yml หรือเพิ่มเป็นลิงก์หน้าเว็บของหน่วยงาน"
                     "ที่แสดงข้อมูลนี้ก็ได้:")
        lines += ["#evidence:",
                  "#  - title: ชื่อหน้าเว็บตามที่เผยแพร่",
                  "#    url: https://…",
                  "#    components: all"]
    elif not item.needs_evidence:
        lines.append("# ทุกองค์ประกอบของข้อนี้ตรวจจาก site_config.yml หรือ measures.yml: ไม่ต้องมี "
                     "evidence")
    else:
        claim = [c.id for c in item.components if c.auto is None]
        lines.append("evidence: []")
        lines += ["# ตัวอย่าง (ลบ [] ด้านบนและ # ด้านล่างแล้วแก้ให้ตรงกับเอกสาร):",
                  "#  - title: ชื่อเอกสารตามที่เผยแพร่",
                  f"#    date: {fy}-01-15",
                  f"#    file: files/{fy}/{item.id}-….pdf      # หรือ url: https://…",
                  f"#    components: [{', '.join(claim) or '…'}]"]
    lines.append("---")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    """One YAML scalar, quoted only when needed (the loader keeps every scalar as text)."""
    if value is None:
        return "''"
    if isinstance(value, bool):
        return "true" if value else "false"
    if "\n" in str(value) or "\r" in str(value):
        return json.dumps(str(value), ensure_ascii=False)  # one line, a YAML "…" scalar
    plain = str(value).strip()
    if plain == str(value) and plain:
        try:
            if load_yaml_text(f"k: {plain}\n", "x").data == {"k": plain}:
                return plain
        except InputError:
            pass
    text: str = yaml.safe_dump(str(value), allow_unicode=True, width=10_000).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def _create(path: Path, text: str) -> None:
    """Create `path` with `text`, never replacing a file (also one made meanwhile)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    tmp.write_text(text, "utf-8")
    try:
        os.link(tmp, path)  # fails if `path` exists: no overwrite, no half-written file
    except FileExistsError:
        pass
    except OSError:
        # no hard links here (a FAT-formatted USB drive, some network shares on Windows):
        # create the file exclusively instead; it still never replaces one
        try:
            with path.open("x", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except FileExistsError:
            pass
    finally:
        tmp.unlink()


# --- the report ---------------------------------------------------------------------------------

def report_text(r: NewYearReport, language: str | None = None) -> str:
    """What `new-year` did, for people: Thai unless English is asked for."""
    th = (language or lang()) == THAI

    def say(thai: str, english: str) -> str:
        return thai if th else english

    out = [say(f"ปีงบประมาณ {r.year} (เกณฑ์ {r.catalogue}) ยกหลักฐานจากปี {r.previous}",
               f"fiscal year {r.year} (catalogue {r.catalogue}), evidence carried from "
               f"{r.previous}")
           + (say(" — ทดลองเท่านั้น ยังไม่ได้สร้างไฟล์", " — dry run, no file written")
              if r.dry_run else "")]
    verb = say("จะสร้าง", "would create") if r.dry_run else say("สร้าง", "created")
    out.append(say(f"{verb}ไฟล์ใหม่ {len(r.created)} ไฟล์ · คงไฟล์เดิมไว้โดยไม่แก้ไข "
                   f"{len(r.kept)} ไฟล์",
                   f"{verb} {len(r.created)} new file(s); kept {len(r.kept)} existing file(s), "
                   "never overwritten"))
    if r.carried:
        out += ["", say(f"ยกหลักฐานมา {len(r.carried)} รายการ:",
                        f"carried {len(r.carried)} evidence entries:")]
        out += [f"  {c.item:<4} ← {c.source:<4} {c.title} `[{', '.join(c.components)}]`"
                for c in r.carried]
    if r.not_applicable:
        out += ["", say("ยก `not_applicable:` มา (ตรวจว่ายังไม่เกี่ยวข้องจริง): ",
                        "carried `not_applicable:` (check it still applies): ") +
                ", ".join(r.not_applicable)]
    if r.dropped:
        out += ["", say(f"ไม่ยกมา {len(r.dropped)} รายการ:",
                        f"not carried: {len(r.dropped)} entries:")]
        out += [f"  {d.item:<4} ← {d.source:<4} {d.title or '—'}: "
                f"{d.reason.th if th else d.reason.en}" for d in r.dropped]
    if r.unmet:
        out += ["", say("เริ่มใหม่ ยังไม่มีหลักฐาน: ", "starting without evidence: ") +
                ", ".join(r.unmet)]
    if r.automatic:
        out += ["", say("ตรวจให้อัตโนมัติจาก site_config.yml หรือ measures.yml: ",
                        "decided from site_config.yml / measures.yml: ") +
                ", ".join(r.automatic)]
    if r.unmapped:
        out += ["", say(f"ข้อของปี {r.previous} ที่ไม่มีข้อใดของปี {r.year} รับช่วงต่อ: ",
                        f"items of {r.previous} that no item of {r.year} continues: ") +
                ", ".join(r.unmapped)]
    if r.kept:
        out += ["", say("คงไว้ ไม่แก้ไข: ", "kept, untouched: ") + ", ".join(r.kept)]
    if r.catalogue_setting:
        out += ["", say(f"ให้ `check` และ `build` ใช้เกณฑ์นี้กับปี {r.year}: เพิ่มใน "
                        "site_config.yml",
                        f"so that check and build use this catalogue for {r.year}, add to "
                        "site_config.yml:"),
                f"  years:\n    {r.year}:\n      catalogue: {r.catalogue_setting}"]
    return "\n".join(out) + "\n"
