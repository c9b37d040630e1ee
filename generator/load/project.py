"""Council content: `content/<fy>/oit/<item>.md` with evidence, and free pages.

Format reference: docs/content-format.md. Loading never stops at the first problem: every
problem is collected with its file, line and YAML path; only unreadable input (exit 2)
raises InputError.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.base.problems import InputError, Problem, problem
from generator.base.say import Say
from generator.base.thai import DATE_CODES, Period, to_arabic
from generator.load.assessment import Assessment, load_assessments
from generator.load.catalogue import (
    Catalogue,
    Item,
    available_years,
    catalogue_path,
    item_id_of,
    load_catalogue,
    load_year,
)
from generator.load.config import CONFIG_NAME, SiteConfig, load_config
from generator.load.fields import A_NUMBER, HTML_TAG, Reader, did_you_mean
from generator.load.files import (
    JUNK,
    PLAIN_TEXT_SUFFIXES,
    PUBLISHED,
    PUBLISHED_NAMES,
    SOURCE_SUFFIXES,
    UNSAFE,
    forget_real_paths,
    looks_active,
    read_head,
    resolve_content_file,
)
from generator.load.measures import Measures, load_measures
from generator.load.procurement import YearProcurement, load_procurement
from generator.load.schema import EVIDENCE, ITEM, MAX_NAME, PAGE
from generator.load.yamlio import load_markdown_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("component-unknown", "curly-quotes", "date-era", "date-invalid", "date-weekday",
          "evidence-no-components", "evidence-too-many", "field-missing", "field-type",
          "field-unknown", "field-value", "file-outside-content", "file-type-unsafe",
          "file-type-unsupported", "file-unreadable", "item-duplicate", "item-file-extension",
          "item-file-name",
          "item-unknown", "output-path-reserved", "page-invalid", "path-outside-project",
          "period-invalid", "text-html", "text-invisible", "text-too-long", "text-unencodable",
          "url-relative", "year-archive", "year-folder-duplicate", "year-folder-invalid",
          "year-folder-unread")

CONTENT_DIR = "content"
PAGES_DIR = "pages"
YEAR_DIR = re.compile(r"\d{4}|[๐-๙]{4}")
MAX_EVIDENCE = 500  # evidence entries of one item (a monthly item has a dozen)
FRONT_MATTER = Say("ส่วนข้อมูลระหว่างบรรทัด `---`", "front matter")
HEADING_TITLE = Say("หัวข้อแรก (`# …`) ของหน้า", "title (the first # heading)")


@dataclass(frozen=True)
class Evidence:
    """One document or page offered as evidence for an item."""

    index: int
    title: str
    components: tuple[str, ...]
    date: date | None = None
    period: Period | None = None
    url: str = ""
    file: str = ""  # path relative to content/, POSIX separators
    note: str = ""
    line: int | None = None
    lines: tuple[tuple[str, int], ...] = ()  # line of each key of the entry
    # what the loader found wrong in this entry (reported with the project's problems too)
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def unreadable(self) -> bool:
        """Its `date:` or `period:` was given but could not be read: it cannot be placed in
        a fiscal year, so it counts for nothing until fixed."""
        return any(p.code in DATE_CODES for p in self.problems)

    @property
    def key(self) -> str:
        return self.url or self.file

    def line_of(self, key: str) -> int | None:
        """The line of `key:` in this evidence entry (else the entry's first line)."""
        return next((n for k, n in self.lines if k == key), self.line)


@dataclass(frozen=True)
class ItemContent:
    """What the council wrote for one item in one year."""

    item_id: str
    file: str  # shown path, e.g. content/2568/oit/o5.md
    unit: str
    evidence: tuple[Evidence, ...]
    not_applicable: str | None  # the reason, "" if marked without a reason
    updated: date | None
    body: str
    body_line: int
    note: str = ""
    title: str = ""  # the council's own title of the item (shown beside the catalogue's)

    @property
    def number(self) -> int:
        return int(self.item_id[1:])

    @property
    def last_update(self) -> date | None:
        dates = [e.date for e in self.evidence if e.date]
        if self.updated:
            dates.append(self.updated)
        return max(dates) if dates else None


@dataclass(frozen=True)
class Page:
    """A free Markdown page (about, news …) published at /<slug>/."""

    slug: str
    title: str
    order: int
    body: str
    file: str
    body_line: int = 1  # line of content/pages/<slug>.md where the body starts


@dataclass(frozen=True)
class YearContent:
    year: int
    catalogue: Catalogue
    items: dict[str, ItemContent]
    files: tuple[str, ...] = ()  # item files found, shown paths
    measures: Measures | None = None  # o27/o28 data (content/<fy>/measures.yml)
    unreadable: tuple[str, ...] = ()  # items whose file exists but could not be read
    procurement: YearProcurement | None = None  # o13's imported months (procurement/)


@dataclass(frozen=True)
class ArchiveYear:
    """A year folder whose catalogue Prongsai does not ship (nor site_config.yml names):
    published as the council wrote it, item by item, without a completeness check."""

    year: int
    items: tuple[ItemContent, ...]  # by item number
    files: tuple[str, ...] = ()  # item files found, shown paths
    unreadable: tuple[str, ...] = ()  # items whose file exists but could not be read


@dataclass(frozen=True)
class Project:
    """Everything read from a council's folder."""

    root: Path
    config: SiteConfig
    years: dict[int, YearContent]
    pages: tuple[Page, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    assessments: dict[int, Assessment] = field(default_factory=dict)  # results by year
    # the documents under content/ to publish, by path (not Markdown/YAML; none that is
    # unsafe or leads out of content/: those are in `problems`)
    files: dict[str, Path] = field(default_factory=dict)
    # o27/o28 data of every year folder, also one with only results (a report read later)
    measures: dict[int, Measures] = field(default_factory=dict)
    # years published as archives (no catalogue): README "Earlier years"
    archives: dict[int, ArchiveYear] = field(default_factory=dict)

    @property
    def content_dir(self) -> Path:
        return self.root / CONTENT_DIR

    def year(self, fy: int) -> YearContent:
        return self.years[fy]

    @property
    def year_list(self) -> list[int]:
        return sorted(self.years, reverse=True)


def load_project(root: Path, catalogue_override: Path | None = None,
                 only_year: int | None = None) -> Project:
    """Read site_config.yml and content/. Raises InputError when nothing can be read."""

    forget_real_paths()
    root = root.resolve()
    config, problems = load_config(root)
    content = root / CONTENT_DIR
    if not content.is_dir():
        raise InputError([problem("file-unreadable", file=CONTENT_DIR,
                                  value=Say("ไม่มีโฟลเดอร์ content/",
                                            "the content/ folder does not exist"))])
    years: dict[int, YearContent] = {}
    archives: dict[int, ArchiveYear] = {}
    year_dirs = _year_dirs(content, problems)
    if config.current_year and config.current_year not in year_dirs:
        year_dirs[config.current_year] = content / str(config.current_year)
    website = config.council.website
    for fy, ydir in sorted(year_dirs.items()):
        if only_year is not None and fy != only_year:
            continue
        if not (ydir / "oit").is_dir() and fy != config.current_year:
            continue  # a year folder with only assessment results has no OIT content
        override = catalogue_override if (only_year == fy or catalogue_override and
                                          fy == config.current_year) else None
        opts = config.years.get(fy)
        council_catalogue = override is None and opts and opts.catalogue
        if not council_catalogue and override is None and (ydir / "oit").is_dir() and \
                not catalogue_path(fy).exists():
            # an earlier (or later) year kept online: published as the council wrote it
            problems.append(problem(
                "year-archive", year=fy, file=f"{CONTENT_DIR}/{ydir.name}",
                available=", ".join(map(str, available_years())) or "none"))
            archives[fy] = _load_archive(root, fy, ydir, problems, website)
            continue
        catalogue = year_catalogue(root, config, fy, override)
        years[fy] = _load_year(root, fy, ydir, catalogue, problems, website)
    pages = _load_pages(content, problems)
    referenced = {ev.file for yc in years.values() for ic in yc.items.values()
                  for ev in ic.evidence} | {ev.file for ay in archives.values()
                                            for ic in ay.items for ev in ic.evidence} | \
        {ex.photo for ex in config.executives}
    item_ids = {fy: [it.id for it in yc.catalogue.items] for fy, yc in years.items()}
    item_ids.update({fy: [ic.item_id for ic in ay.items] for fy, ay in archives.items()})
    places = reserved_places(sorted(set(years) | set(year_dirs)), item_ids)
    files = _scan_content_files(content, referenced, problems, _admin_stylesheets(config),
                                places)
    _one_source(places, files, pages, problems)
    assessments = load_assessments(root, sorted(year_dirs), problems)
    measures = {fy: yc.measures for fy, yc in years.items() if yc.measures is not None}
    for fy in sorted(year_dirs):
        if fy not in years and (only_year is None or fy == only_year - 1):
            m = load_measures(root, fy, website)
            if m is not None:
                problems.extend(p if p.year else replace(p, year=fy) for p in m.problems)
                measures[fy] = m
    return Project(root=root, config=config, years=years, pages=tuple(pages),
                   problems=tuple(problems), assessments=assessments, files=files,
                   measures=measures, archives=archives)


YEAR_IN_NAME = re.compile(r"(?<!\d)\d{4}(?!\d)")  # any script's digits, Thai too


def _year_dirs(content: Path, problems: list[Problem]) -> dict[int, Path]:
    """The year folders, by fiscal year. Two folders of one year (content/๒๕๖๘ and
    content/2568) are an error naming both (the one in Arabic digits is read); a folder
    whose name has a year in it but is not one (`ปี2570`, `2568 - Copy`) and that holds a
    year's files is reported as not read."""
    out: dict[int, Path] = {}
    for d in sorted(content.iterdir()):  # Arabic digits sort before Thai ones
        if not d.is_dir() or d.name.startswith(".") or not encodable(d.name):
            continue  # an unencodable name is reported by the scan of content/
        shown = f"{CONTENT_DIR}/{d.name}"
        if YEAR_DIR.fullmatch(d.name):
            fy = int(to_arabic(d.name))
            if not 2400 <= fy <= 2700:
                problems.append(problem("year-folder-invalid", file=shown, value=d.name))
            elif fy in out:
                problems.append(problem("year-folder-duplicate", file=shown, year=fy,
                                        value=shown, other=f"{CONTENT_DIR}/{out[fy].name}"))
            else:
                out[fy] = d
            continue
        m = YEAR_IN_NAME.search(d.name)
        if m and 2400 <= int(to_arabic(m.group())) <= 2700 and _holds_a_year(d):
            problems.append(problem("year-folder-unread", file=shown, value=shown,
                                    guess=int(to_arabic(m.group()))))
    return out


def _holds_a_year(d: Path) -> bool:
    """Does the folder hold what a year folder holds (oit/, Markdown or YAML files)?"""
    try:
        return any((c.is_dir() and c.name.casefold() == "oit") or
                   c.suffix.lower() in SOURCE_SUFFIXES for c in d.iterdir())
    except OSError:
        return False


def _oit_dir(ydir: Path) -> Path:
    """The year's oit/ folder, however its name is capitalised (OIT/ on a Windows disk)."""
    exact = ydir / "oit"
    if exact.is_dir() or not ydir.is_dir():
        return exact
    return next((c for c in sorted(ydir.iterdir()) if c.name.casefold() == "oit" and
                 c.is_dir()), exact)


def encodable(name: str) -> bool:
    """Can a file name be written as UTF-8? (On Linux a name that is not valid UTF-8 comes
    back with lone surrogates, which no page or message can show.)"""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(name: str) -> str:
    """A file name as it can be shown: bytes that are not UTF-8 become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _item_files(root: Path, fy: int, oit: Path, known: list[str] | None,
                problems: list[Problem]) -> tuple[list[tuple[str, Path, str]], list[str]]:
    """The item files of a year's oit/ folder as (item id, path, shown path), and every
    Markdown file found. `known`: the catalogue's item ids (None for an archive year, where
    any item number is taken as written)."""
    out: list[tuple[str, Path, str]] = []
    found: list[str] = []
    seen: dict[str, str] = {}
    if not oit.is_dir():
        return out, found
    allowed = set(known) if known is not None else None
    for path in sorted(oit.iterdir()):
        if path.is_dir() or path.name.startswith(".") or not encodable(path.name):
            continue
        shown = path.relative_to(root).as_posix()
        if path.suffix.lower() != ".md":
            meant = _misnamed_item(path.name)
            if meant is not None and (allowed is None or meant in allowed):
                problems.append(problem("item-file-extension", file=shown, year=fy,
                                        item=meant, value=path.name,
                                        expected_name=f"{meant}.md"))
            continue
        found.append(shown)
        item_id = item_id_of(path.stem)
        if item_id is None and known is None:  # an archive year: no catalogue to name it
            problems.append(problem("item-file-name", file=shown, year=fy, value=path.name))
            continue
        if item_id is None or (allowed is not None and item_id not in allowed):
            ids = known or []
            problems.append(problem(
                "item-unknown", file=shown, year=fy, value=path.stem,
                hint=did_you_mean(item_id or path.stem, ids), last=ids[-1] if ids else ""))
            continue
        if item_id in seen:
            problems.append(problem("item-duplicate", file=shown, year=fy, item=item_id,
                                    value=Say(f"{seen[item_id]} และ {shown}",
                                              f"{seen[item_id]} and {shown}")))
            continue
        seen[item_id] = shown
        out.append((item_id, path, shown))
    return out, found


def _load_year(root: Path, fy: int, ydir: Path, catalogue: Catalogue,
               problems: list[Problem], website: str = "") -> YearContent:
    items: dict[str, ItemContent] = {}
    unreadable: list[str] = []
    ids = [it.id for it in catalogue.items]
    files, found = _item_files(root, fy, _oit_dir(ydir), ids, problems)
    for item_id, path, shown in files:
        try:
            items[item_id] = _load_item(root, fy, item_id, path, shown, catalogue.item(item_id),
                                        problems, website)
        except InputError as exc:
            # one unreadable file is reported; the rest of the site still checks
            problems.extend(_with_item(p, fy, item_id) for p in exc.problems)
            unreadable.append(item_id)
    measures = load_measures(root, fy, website)
    if measures is not None:
        problems.extend(p if p.year else replace(p, year=fy) for p in measures.problems)
    procurement = load_procurement(root, fy, problems)
    return YearContent(year=fy, catalogue=catalogue, items=items, files=tuple(found),
                       measures=measures, unreadable=tuple(unreadable),
                       procurement=procurement)


ITEM_FILE_TYPES = {"", ".txt", ".text", ".markdown", ".mdown", ".mkd", ".mkdn"}


def _misnamed_item(name: str) -> str | None:
    """The item a file in oit/ was meant to be, when its name is an item's but its
    extension is not `.md`: `o5.md.txt`, `o6.MD.docx`, `o5.txt`, `o5` (None for a document
    such as `o5.pdf`, which is published as it is)."""
    stem, dot, rest = name.strip().partition(".")
    item_id = item_id_of(stem)
    if item_id is None:
        return None
    parts = [f".{x.strip().lower()}" for x in rest.split(".")] if dot else []
    if ".md" in parts or (len(parts) <= 1 and (parts[0] if parts else "") in ITEM_FILE_TYPES):
        return item_id
    return None


def _load_archive(root: Path, fy: int, ydir: Path, problems: list[Problem],
                  website: str) -> ArchiveYear:
    """A year without a catalogue: every item file as written (titles, links, dates), any
    component names kept as typed."""
    items: list[ItemContent] = []
    unreadable: list[str] = []
    files, found = _item_files(root, fy, ydir / "oit", None, problems)
    for item_id, path, shown in files:
        try:
            items.append(_load_item(root, fy, item_id, path, shown, None, problems, website))
        except InputError as exc:
            problems.extend(_with_item(p, fy, item_id) for p in exc.problems)
            unreadable.append(item_id)
    return ArchiveYear(year=fy, items=tuple(sorted(items, key=lambda c: c.number)),
                       files=tuple(found), unreadable=tuple(unreadable))


def _with_item(p: Problem, fy: int, item_id: str) -> Problem:
    return replace(p, year=fy, item=item_id)


def _load_item(root: Path, fy: int, item_id: str, path: Path, shown: str, item: Item | None,
               problems: list[Problem], website: str = "") -> ItemContent:
    """One item file; `item` is None in an archive year (no catalogue to hold it to)."""
    md = load_markdown_file(path, shown, keys=ITEM.keys() + EVIDENCE.keys())
    local: list[Problem] = [_with_item(p, fy, item_id) for p in md.meta.problems]
    r = Reader(md.meta, local, year=fy, item=item_id)
    if not isinstance(md.meta.data, dict):
        r.report("field-type", (), value=str(md.meta.data)[:40], field=FRONT_MATTER,
                 expected=Say("ข้อมูลแบบ `ชื่อข้อมูล: ค่า` ทีละบรรทัด ระหว่างบรรทัด `---` "
                              "สองบรรทัด", "`key: value` lines between the two `---` lines"))
        md.meta.data = {}
    r.known_keys((), ITEM)
    evidence: list[Evidence] = []
    allowed = [c.id for c in item.claimable] if item is not None else []
    entries = r.seq(("evidence",))
    if len(entries) > MAX_EVIDENCE:  # refused: the rest is not even read
        r.report("evidence-too-many", ("evidence", MAX_EVIDENCE), value=f"{len(entries):,}",
                 limit=f"{MAX_EVIDENCE:,}")
        entries = entries[:MAX_EVIDENCE]
    for i, raw in enumerate(entries):
        p = ("evidence", i)
        if isinstance(raw, str):
            r.report("field-type", p, value=raw, field=f"evidence[{i}]",
                     expected=Say("ข้อมูลหลักฐานที่มี `title:` `date:` `url:` หรือ `file:` และ "
                                  "`components:` คนละบรรทัด",
                                  "a mapping with title, date, url or file, components"))
            continue
        first = len(local)
        r.mapping(p)
        r.known_keys(p, EVIDENCE)
        title = r.field(EVIDENCE, "title", p) or ""
        when = r.field(EVIDENCE, "date", p)
        period = r.field(EVIDENCE, "period", p)
        if item is None:
            comps = tuple(r.texts(p + ("components",)))
        else:
            comps = _components(r, p + ("components",), allowed, title,
                                tuple(c.id for c in item.components if not c.linkable),
                                {c.id: c.name for c in item.components})
        evidence.append(Evidence(
            index=i, title=title, components=comps, date=when, period=period,
            url=r.link(p + ("url",), website), file=_file(r, p + ("file",)),
            note=r.field(EVIDENCE, "note", p) or "", line=md.meta.line(*p),
            lines=tuple((k, md.meta.lines[p + (k,)]) for k in EVIDENCE.keys()
                        if p + (k,) in md.meta.lines),
            problems=tuple(local[first:])))
    na = None
    if "not_applicable" in md.meta.data:  # `not_applicable:` with nothing after it counts
        value = r.at(("not_applicable",))
        if value is not False:
            na = "" if value in (True, None) else (r.text(("not_applicable",)) or "")
    content = ItemContent(
        item_id=item_id, file=shown, unit=r.field(ITEM, "unit") or (item.unit if item else ""),
        evidence=tuple(evidence), not_applicable=na, updated=r.field(ITEM, "updated"),
        body=md.body, body_line=md.body_line, note=r.field(ITEM, "note") or "",
        title=r.field(ITEM, "title") or "")
    problems.extend(local)  # after the last read: every problem above is in `local`
    return content


def _components(r: Reader, path: tuple[str | int, ...], allowed: list[str],
                title: str, automatic: tuple[str, ...] = (),
                names_th: dict[str, str] | None = None) -> tuple[str, ...]:
    value = r.at(path)
    if value == "all" or value == ["all"]:
        # every component the entry can meet; on an item whose components are all automatic
        # (o28) the entry still counts through its date for the period component
        return tuple(allowed)
    # the codes an officer may type, each beside its Thai name: แผนผังโครงสร้าง (`chart`)
    listed = Say(", ".join(f"{(names_th or {}).get(a, a)} (`{a}`)" for a in allowed),
                 ", ".join(f"`{a}`" for a in allowed))
    names = r.texts(path)
    if not names and (value is None or value == [] or
                      (isinstance(value, str) and not value.strip())):
        # `components: []` names no component, like a missing key: the entry would count
        # for nothing without a word
        r.report("evidence-no-components", path[:-1] if value is None else path, value=title,
                 allowed=listed if allowed else Say("(ไม่มี: ข้อนี้สร้างให้อัตโนมัติ)",
                                                    "(none: this item is generated)"))
    out = []
    for j, name in enumerate(names):
        if name not in allowed:
            where = path + (j,) if isinstance(value, list) else path
            hint = (Say(" (องค์ประกอบนี้ตรวจให้อัตโนมัติจากวันที่ของหลักฐานหรือ site_config.yml: "
                        "ลบออกได้)", " (it is decided automatically, from the evidence's dates "
                        "or site_config.yml: remove it)") if name in automatic
                    else _components_hint(name, allowed))
            r.report("component-unknown", where, value=name, hint=hint,
                     allowed=listed if allowed else Say("(ไม่มี: ข้อนี้สร้างให้อัตโนมัติ)",
                                                         "(none: this item is generated)"))
            continue
        if name not in out:
            out.append(name)
    return tuple(out)


def _components_hint(name: str, allowed: list[str]) -> Say:
    """`plan details`: component ids written on lines without `- ` run into one text."""
    parts = name.replace(",", " ").split()
    if len(parts) > 1 and all(p in allowed for p in parts):
        listed = ", ".join(parts)
        return Say(f" (ถ้าหมายถึงหลายองค์ประกอบ ให้เขียน `components: [{listed}]` หรือขึ้นต้น"
                   "แต่ละบรรทัดด้วย `- `)",
                   f" (for several components write `components: [{listed}]` or start each "
                   "line with `- `)")
    return did_you_mean(name, allowed)


def _file(r: Reader, path: tuple[str | int, ...]) -> str:
    value = r.text(path, exact=True)
    if not value:
        return ""
    return value.replace("\\", "/").strip()


def _load_pages(content: Path, problems: list[Problem]) -> list[Page]:
    pages_dir = content / PAGES_DIR
    if not pages_dir.is_dir():
        return []
    pages = []
    for path in sorted(pages_dir.glob("*.md")):
        shown = path.relative_to(content.parent).as_posix()
        try:
            md = load_markdown_file(path, shown, keys=PAGE.keys())
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        local: list[Problem] = list(md.meta.problems)
        r = Reader(md.meta, local)
        if not isinstance(md.meta.data, dict):
            r.report("field-type", (), value=str(md.meta.data)[:40], field=FRONT_MATTER,
                     expected=Say("ข้อมูลแบบ `ชื่อข้อมูล: ค่า` (`title`, `order`) ระหว่างบรรทัด "
                                  "`---` สองบรรทัด",
                                  "`key: value` lines (title, order) between the two `---` "
                                  "lines"))
            md.meta.data = {}
        r.known_keys((), PAGE)
        title = r.text(("title",), limit=MAX_NAME) or \
            _heading_title(md.body, md.body_line, shown, local) or path.stem
        order = r.convert(("order",), lambda v: int(to_arabic(str(v))), A_NUMBER) or 100
        slug = path.stem
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", slug):
            local.append(problem("page-invalid", file=shown, value=slug,
                                 reason=Say(f"ชื่อไฟล์หน้า `{path.name}` ใช้เป็นที่อยู่เว็บไม่ได้",
                                            f"the page file name `{path.name}` is not a web "
                                            "address"),
                                 hint=Say("ตั้งชื่อไฟล์หน้าด้วยอักษรอังกฤษ ตัวเลข และ - เช่น "
                                          "about.md แล้วใส่ชื่อภาษาไทยไว้ใน `title:`",
                                          "name page files with English letters, digits and -, "
                                          "e.g. about.md; the Thai title goes in `title:`")))
            problems.extend(local)
            continue
        problems.extend(local)
        pages.append(Page(slug=slug, title=title, order=order, body=md.body, file=shown,
                          body_line=md.body_line))
    return sorted(pages, key=lambda p: (p.order, p.slug))


def _heading_title(body: str, body_line: int, shown: str, problems: list[Problem]
                   ) -> str | None:
    """A page without `title:` is named by its first `# heading`: plain text like `title:`."""
    m = re.search(r"^#[ \t]+(.*)$", body, re.M)
    if not m or not m.group(1).rstrip(" \t#"):
        return None
    title = " ".join(m.group(1).rstrip(" \t#").split())
    line = body_line + body.count("\n", 0, m.start())
    tag = HTML_TAG.search(title)
    if tag:
        problems.append(problem("text-html", file=shown, line=line, field=HEADING_TITLE,
                                value=title[tag.start():][:40]))
    if len(title) > MAX_NAME:
        problems.append(problem("text-too-long", file=shown, line=line, field=HEADING_TITLE,
                                value=f"{len(title):,}", limit=f"{MAX_NAME:,}"))
        title = title[:MAX_NAME]
    return title


def _admin_stylesheets(config: SiteConfig) -> set[str]:
    """Stylesheets under content/ that a web admin adds to every page (`mkdocs.extra_css`):
    published although CSS is not a document type."""
    value = config.mkdocs.get("extra_css")
    names = value if isinstance(value, list) else [value]
    return {n.strip().lstrip("./") for n in names if isinstance(n, str) and
            n.lower().endswith(".css")}


def _scan_content_files(content: Path, referenced: set[str], problems: list[Problem],
                        stylesheets: frozenset[str] | set[str] = frozenset(),
                        places: dict[str, tuple[str, str]] | None = None
                        ) -> dict[str, Path]:
    """Every file under content/ is published (documents) or read (Markdown, YAML): a type
    not on the list of published ones (PUBLISHED), one that could run script on the site,
    or a symlink leading out of content/, is refused here so that `check` reports what
    `build` would refuse. Files named as evidence are reported by the evidence check, with
    their item. Returns the documents to publish."""

    publish: dict[str, Path] = {}
    for dirpath, dirnames, filenames in os.walk(content):
        here = Path(dirpath)
        bad = [d for d in dirnames if not encodable(d)]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and encodable(d))
        files = set(filenames)
        for name in bad + sorted(filenames) + [d for d in dirnames if (here / d).is_symlink()]:
            if name.startswith(".") or JUNK.fullmatch(name):
                continue
            if here.name.casefold() == "oit" and not name.lower().endswith(".md") and \
                    _misnamed_item(name) is not None:
                continue  # an item file with a wrong extension: reported by the loader
            path = here / name
            if not encodable(name):
                shown = printable(f"{CONTENT_DIR}/{path.relative_to(content).as_posix()}")
                what = (Say("ชื่อไฟล์", "the file name") if name in files else
                        Say("ชื่อโฟลเดอร์", "the folder name"))
                problems.append(problem("text-unencodable", file=shown, field=what,
                                        value=_bad_char(name)))
                continue
            rel = path.relative_to(content).as_posix()
            shown = f"{CONTENT_DIR}/{rel}"
            ext = path.suffix.lower()
            taken = _place_of(places or {}, rel) if ext not in SOURCE_SUFFIXES else None
            if taken is not None and name in files:
                problems.append(problem("output-path-reserved", file=shown, value=shown,
                                        target=rel, found=taken[0], found_th=taken[1]))
            elif resolve_content_file(content, rel)[0] is None:
                if rel not in referenced:
                    problems.append(problem("file-outside-content", file=shown, value=rel))
            elif ext in UNSAFE:
                if rel not in referenced:
                    problems.append(problem("file-type-unsafe", file=shown, value=rel, ext=ext))
            elif ext in SOURCE_SUFFIXES or not path.is_file():
                continue
            elif ext not in PUBLISHED and not (ext == ".css" and rel in stylesheets):
                if rel not in referenced:
                    problems.append(problem("file-type-unsupported", file=shown, value=rel,
                                            ext=ext or Say("(ไม่มีนามสกุล)", "(no extension)"),
                                            allowed=PUBLISHED_NAMES))
            elif ext not in PLAIN_TEXT_SUFFIXES and looks_active(read_head(path)):
                # a web page saved as .pdf (or .png …) would still run as a page of the site
                problems.append(problem("file-type-unsafe", file=shown, value=rel,
                                        ext=Say(f"{ext or '(ไม่มีนามสกุล)'} (ในไฟล์เป็น HTML)",
                                                f"{ext or '(none)'} (the file holds HTML)")))
            elif name in files:  # not a linked folder
                publish[rel] = path
    return publish


def _bad_char(name: str) -> Say | str:
    """`byte 0xff` for the first byte of a file name that is not UTF-8."""
    c = next(ch for ch in name if "\udc80" <= ch <= "\udcff" or "\ud800" <= ch <= "\udfff")
    if "\udc80" <= c <= "\udcff":
        byte = f"0x{ord(c) - 0xdc00:02x}"
        return Say(f"ไบต์ {byte}", f"byte {byte}")
    return f"U+{ord(c):04X}"


# Where Prongsai and MkDocs put what they generate (render/pages.py, engine/): a document
# under content/ or a free page there would replace it, so none may land there; by path in
# the site, what is there (English, Thai)
RESERVED_FOLDERS = {
    "assets": ("the theme's files (stylesheets, scripts, fonts)",
               "ไฟล์ของธีม (สไตล์ สคริปต์ ฟอนต์)"),
    "search": ("the search index", "ดัชนีการค้นหา"),
}
RESERVED_FILES = {
    "index.html": ("the home page", "หน้าแรก"),
    "404.html": ("the page shown for a missing address", "หน้าแจ้งว่าไม่พบหน้า"),
    "sitemap.xml": ("the sitemap", "แผนผังเว็บไซต์ (sitemap)"),
    "sitemap.xml.gz": ("the sitemap", "แผนผังเว็บไซต์ (sitemap)"),
    "_headers": ("the web server settings", "การตั้งค่าเว็บเซิร์ฟเวอร์"),
    ".htaccess": ("the web server settings", "การตั้งค่าเว็บเซิร์ฟเวอร์"),
}
RESERVED_IN_YEAR = {
    "index.html": ("the page of fiscal year {fy}", "หน้าของปีงบประมาณ {fy}"),
    "oit/index.html": ("the list of items of {fy}", "หน้ารายการข้อ OIT ของปี {fy}"),
    "checklist/index.html": ("the checklist of {fy}", "หน้าตรวจความครบถ้วนของปี {fy}"),
    "checklist.json": ("the checklist data of {fy}", "ข้อมูลการตรวจความครบถ้วนของปี {fy}"),
    "checklist.csv": ("the checklist data of {fy}", "ข้อมูลการตรวจความครบถ้วนของปี {fy}"),
    "itas-urls.csv": ("the ITAS URL list of {fy}", "รายการ URL สำหรับระบบประเมิน ITA ของปี {fy}"),
    "assessment/index.html": ("the assessment results of {fy}", "หน้าผลการประเมินของปี {fy}"),
    "assessment.json": ("the assessment data of {fy}", "ข้อมูลผลการประเมินของปี {fy}"),
}


def _output_key(path: str) -> str:
    """Paths that one web server may serve as one file: case (a Windows or macOS server)
    and Unicode normalisation (a name typed on a Mac) do not matter."""
    return unicodedata.normalize("NFC", path).casefold()


def reserved_places(years: list[int], item_ids: dict[int, list[str]]) -> dict[str, tuple[str,
                                                                                       str]]:
    """Every place in the site that Prongsai or MkDocs fills (by _output_key; folders end
    with /), with what is there in English and Thai."""
    out = {_output_key(k) + "/": v for k, v in RESERVED_FOLDERS.items()}
    out.update({_output_key(k): v for k, v in RESERVED_FILES.items()})
    for fy in years:
        for rel, (en, th) in RESERVED_IN_YEAR.items():
            out[_output_key(f"{fy}/{rel}")] = (en.format(fy=fy), th.format(fy=fy))
        for item_id in item_ids.get(fy, []):
            out[_output_key(f"{fy}/oit/{item_id}/index.html")] = (
                f"the page of {item_id} of {fy}", f"หน้าของข้อ {item_id} ปี {fy}")
    return out


def _place_of(places: dict[str, tuple[str, str]], rel: str) -> tuple[str, str] | None:
    """What the site has at `rel` (a path in the site), if anything: the thing itself or a
    reserved folder it is in."""
    key = _output_key(rel)
    found = places.get(key)
    if found is None and "/" in key:
        found = places.get(key.split("/", 1)[0] + "/")
    return found


def _one_source(places: dict[str, tuple[str, str]], files: dict[str, Path], pages: list[Page],
                problems: list[Problem]) -> None:
    """A free page that would land where the site has something else (a generated page,
    the theme's folder, another page), and a document whose path differs from another's
    only in case or Unicode normalisation, are errors naming both; they are not
    published. Every path of the site has one source (documents on reserved places are
    reported by the scan of content/)."""
    taken: dict[str, str] = {}  # output key -> the source shown
    for page in sorted(pages, key=lambda p: p.file):
        target = "index.html" if page.slug == "index" else f"{page.slug}/index.html"
        key = _output_key(target)
        found = _place_of(places, target)
        if found is None and key in taken:
            found = (f"the page {taken[key]}", f"หน้า {taken[key]}")
        if found is not None:
            problems.append(problem("output-path-reserved", file=page.file, value=page.file,
                                    target=target, found=found[0], found_th=found[1]))
            pages.remove(page)
            continue
        taken[key] = page.file
    for rel in sorted(files):
        key = _output_key(rel)
        if key in taken:
            shown = f"{CONTENT_DIR}/{rel}"
            problems.append(problem(
                "output-path-reserved", file=shown, value=shown, target=rel,
                found=f"{taken[key]}, the same name to a server that ignores case or accents",
                found_th=f"{taken[key]} ซึ่งเป็นชื่อเดียวกันสำหรับเว็บเซิร์ฟเวอร์ที่ไม่แยกตัวพิมพ์"))
            del files[rel]
            continue
        taken[key] = f"{CONTENT_DIR}/{rel}"
def year_catalogue(root: Path, config: SiteConfig, fy: int,
                   override: Path | None = None) -> Catalogue:
    """The catalogue a fiscal year is judged by: `override` (--catalogue), else the one
    site_config.yml names under `years.<fy>.catalogue`, else the one Prongsai ships."""
    opts = config.years.get(fy)
    if override is None and opts and opts.catalogue:
        return _council_catalogue(root, opts.catalogue)
    return load_year(fy, override)


def _council_catalogue(root: Path, name: str) -> Catalogue:
    """A catalogue named in site_config.yml (`years.<fy>.catalogue`), shown relative to the
    council's folder in messages."""
    path = root / name
    if not path.is_file():
        raise InputError([problem("file-unreadable", file=CONFIG_NAME, value=f"{name} (the "
                                  "catalogue named under years:) does not exist")])
    try:
        shown = path.resolve().relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    return load_catalogue(path, shown=shown)
