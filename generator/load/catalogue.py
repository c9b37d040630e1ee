"""The OIT catalogue of a fiscal year, as data (format: docs/catalogue-format.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.base.problems import InputError, Problem, problem
from generator.base.say import Say
from generator.base.thai import parse_int, to_arabic
from generator.load.fields import Reader
from generator.load.schema import (
    CATALOGUE,
    CATALOGUE_ITEM,
    COMPONENT,
    ESTIMATE,
    ESTIMATE_RULES,
    INDICATOR,
    SUB_INDICATOR,
)
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("catalogue-invalid", "catalogue-label", "catalogue-missing", "curly-quotes",
          "field-missing", "field-type", "field-unknown", "field-value", "text-html",
          "text-invisible")

CATALOGUE_DIR = Path(__file__).parent.parent / "catalogues"

PERIOD_RULES = {
    "none": "no date requirement",
    "in_year": "a document dated within, or reporting on, the fiscal year",
    "covers_year": "a plan in force during the fiscal year",
    "first_half": "data covering the first 6 months of the fiscal year",
    "both_halves": "data covering both 6-month halves of the fiscal year",
    "monthly": "a report for every month of the fiscal year that has passed",
}
PERIOD_RULES_TH = {
    "none": "ไม่กำหนดช่วงเวลา",
    "in_year": "เป็นข้อมูลของปีงบประมาณ",
    "covers_year": "เป็นแผนที่มีผลบังคับใช้ครอบคลุมปีงบประมาณ",
    "first_half": "ครอบคลุม 6 เดือนแรกของปีงบประมาณ",
    "both_halves": "ครอบคลุม 6 เดือนแรกและ 6 เดือนหลังของปีงบประมาณ",
    "monthly": "เป็นรายงานรายเดือนทุกเดือนที่ผ่านมาของปีงบประมาณ",
}
AUTO_RULES = (
    "period",
    "executives_management", "executives_name", "executives_position", "executives_photo",
    "executives_contact",
    "executives_management",
    "address", "phone", "fax", "email", "map",
    "eit_survey", "measures_reported",
)
READS = ("assessed", "previous")  # which fiscal year a period rule reads (check/years.py)
DEFAULT_GRACE_DAYS = 60
# automatic components that a council may also meet by linking its own web page as evidence
# (o2's executives, o3's contacts: councils answer them with their website's executives and
# contact pages): met by the data in site_config.yml or by such a link, both shown
LINKABLE_AUTO = (
    "executives_management", "executives_name", "executives_position", "executives_photo",
    "executives_contact",
    "address", "phone", "fax", "email", "map",
)
DOCUMENTS = ("analysis", "progress", "procurement")
SCORING_RULES = ESTIMATE_RULES
ITEM_ID = re.compile(r"o[1-9][0-9]*")
SLUG = re.compile(r"[a-z0-9_]+")
LABEL_LIMIT = 40  # characters of a component's short name (a table cell on a phone)
# words a requirement starts with that a short name does without ("แสดงแผนผัง…" → "แผนผัง…")
_LEAD = ("แสดงข้อมูล", "แสดง", "ระบุว่า", "ระบุ", "มีข้อมูล", "มี", "เป็น", "กำหนด", "จัดทำ")
# where a title's examples or asides begin: a short name stops before them
_ASIDE = re.compile(r"\s*(?:\(|:|\bเช่น\b|ยกตัวอย่าง|อย่างน้อย| เช่น)")


@dataclass(frozen=True)
class Component:
    """One thing an assessor ticks for an item."""

    id: str
    title: str
    auto: str | None = None
    period: str | None = None  # its own period rule (o16's code of ethics: none); else the item's
    reads: str | None = None   # its own year read; else the item's
    uncertain: bool = False    # inferred from the item's title: no source prints it
    label: str = ""            # its short Thai name for readers; "" → shortened from title

    @property
    def name(self) -> str:
        """What readers see for this component: its label, else its title shortened."""
        return self.label or short_label(self.title)

    @property
    def linkable(self) -> bool:
        """Evidence may claim it: not automatic, or automatic from site_config.yml data that
        a link to the council's own page may show instead (LINKABLE_AUTO)."""
        return self.auto is None or self.auto in LINKABLE_AUTO


@dataclass(frozen=True)
class Item:
    """One OIT item (e.g. o5) with its required components."""

    id: str
    number: int
    sub_indicator: str
    title: str
    unit: str
    period: str
    requirement: str
    components: tuple[Component, ...]
    document: str | None = None  # "analysis" (o27), "progress" (o28), "procurement" (o13)
    reads: str = "assessed"      # the fiscal year the period rule reads: assessed | previous
    grace_days: int = DEFAULT_GRACE_DAYS  # for documents on a stretch that has ended

    def component(self, cid: str) -> Component | None:
        return next((c for c in self.components if c.id == cid), None)

    @property
    def needs_evidence(self) -> bool:
        """Components that evidence claims, or that its dates decide (the rest come from
        site_config.yml or measures.yml)."""
        return any(c.auto in (None, "period") for c in self.components)

    @property
    def claimable(self) -> tuple[Component, ...]:
        """Components that evidence may claim: those not decided automatically, and those
        decided from site_config.yml that a link to the council's own page may meet."""
        return tuple(c for c in self.components if c.linkable)

    def rule_of(self, comp: Component | None = None) -> tuple[str, str]:
        """(period rule, year read) that applies to a component, or to the item."""
        if comp is None:
            return self.period, self.reads
        return comp.period or self.period, comp.reads or self.reads

    def read_year(self, fy: int, comp: Component | None = None) -> int:
        """The fiscal year whose documents the assessment of `fy` reads for this item."""
        return fy - 1 if self.rule_of(comp)[1] == "previous" else fy


@dataclass(frozen=True)
class SubIndicator:
    id: str
    indicator: str
    title: str


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str


@dataclass(frozen=True)
class Catalogue:
    """The OIT items of one fiscal year, grouped by sub-indicator and indicator."""

    fiscal_year: int
    title: str
    status: str
    source: str
    note: str
    indicators: tuple[Indicator, ...]
    sub_indicators: tuple[SubIndicator, ...]
    items: tuple[Item, ...]
    scoring: dict[str, str] = field(default_factory=dict)
    previous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    file: str = ""
    grace_days: int = DEFAULT_GRACE_DAYS

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def items_of(self, sub_indicator: str) -> list[Item]:
        return [i for i in self.items if i.sub_indicator == sub_indicator]

    def subs_of(self, indicator: str) -> list[SubIndicator]:
        return [s for s in self.sub_indicators if s.indicator == indicator]

    def sub(self, sid: str) -> SubIndicator:
        return next(s for s in self.sub_indicators if s.id == sid)


def available_years() -> list[int]:
    return sorted(int(p.stem) for p in CATALOGUE_DIR.glob("*.yml") if p.stem.isdigit())


def catalogue_path(fy: int) -> Path:
    return CATALOGUE_DIR / f"{fy}.yml"


def load_catalogue(path: Path | str, shown: str | None = None) -> Catalogue:
    """Load and validate a catalogue file; any problem raises InputError listing them all."""
    path = Path(path)
    shown = shown or _shown(path)
    doc = load_yaml_file(path, shown)
    problems: list[Problem] = list(doc.problems)
    r = Reader(doc, problems)
    if not isinstance(doc.data, dict):
        raise InputError([problem("catalogue-invalid", file=shown, line=1,
                                  reason=Say("ไฟล์ต้องเป็นข้อมูลแบบ `ชื่อข้อมูล: ค่า`",
                                             "the file must be a YAML mapping"))])
    r.known_keys((), CATALOGUE)
    fmt = r.convert(("format",), parse_int,
                    Say("รุ่นของรูปแบบไฟล์ เลข 1", "the format version 1"), required=True)
    if fmt not in (None, 1):
        r.report("field-value", ("format",), value=fmt, field="format",
                 expected=Say("เลข 1", "1"), hint="")
    fy = r.convert(("fiscal_year",), parse_int,
                   Say("ปี พ.ศ. เช่น 2568", "a Buddhist-era year such as 2568"),
                   required=True) or 0
    status = r.choice(("status",), ["official", "provisional"], default="official") or "official"
    title = r.text(("title",), required=True) or ""
    grace = r.convert(("grace_days",), parse_int, "a number of days such as 60")
    if grace is not None and not 0 <= grace <= 366:
        r.report("field-value", ("grace_days",), value=grace, field="grace_days",
                 expected="a number of days from 0 to 366", hint="")
        grace = None
    grace = DEFAULT_GRACE_DAYS if grace is None else grace

    indicators: list[Indicator] = []
    for i, _ in enumerate(r.seq(("indicators",))):
        p = ("indicators", i)
        r.known_keys(p, INDICATOR)
        indicators.append(Indicator(r.text(p + ("id",), required=True) or "?",
                                    r.text(p + ("title",), required=True) or ""))
    ind_ids = [x.id for x in indicators]
    _unique(r, "indicators", ind_ids)

    subs: list[SubIndicator] = []
    for i, _ in enumerate(r.seq(("sub_indicators",))):
        p = ("sub_indicators", i)
        r.known_keys(p, SUB_INDICATOR)
        sub = SubIndicator(r.text(p + ("id",), required=True) or "?",
                           r.choice(p + ("indicator",), ind_ids, required=True) or "?",
                           r.text(p + ("title",), required=True) or "")
        subs.append(sub)
    sub_ids = [s.id for s in subs]
    _unique(r, "sub_indicators", sub_ids)

    items: list[Item] = []
    for i, _ in enumerate(r.seq(("items",))):
        p = ("items", i)
        r.known_keys(p, CATALOGUE_ITEM)
        iid = r.text(p + ("id",), required=True) or "?"
        if not ITEM_ID.fullmatch(iid):
            r.report("field-value", p + ("id",), value=iid, field="id",
                     expected=Say("o ตามด้วยตัวเลข เช่น o5", "o followed by a number, e.g. o5"),
                     hint="")
        comps: list[Component] = []
        for j, _ in enumerate(r.seq(p + ("components",))):
            cp = p + ("components", j)
            r.known_keys(cp, COMPONENT)
            cid = r.text(cp + ("id",), required=True) or "?"
            if not SLUG.fullmatch(cid):
                r.report("field-value", cp + ("id",), value=cid, field="id",
                         expected=Say("อักษรอังกฤษตัวเล็ก ตัวเลข และ _",
                                      "lowercase ASCII letters, digits and _"), hint="")
            ctitle = r.text(cp + ("title",), required=True) or ""
            comps.append(Component(cid, ctitle,
                                   r.choice(cp + ("auto",), AUTO_RULES),
                                   r.choice(cp + ("period",), PERIOD_RULES),
                                   r.choice(cp + ("reads",), READS),
                                   r.flag(cp + ("uncertain",), False),
                                   _label(r, cp, cid)))
        if not comps:
            r.report("field-missing", p + ("components",), field="components",
                     expected=Say("องค์ประกอบอย่างน้อยหนึ่งรายการ", "at least one component"))
        _unique(r, f"items[{i}].components", [c.id for c in comps])
        _unique_names(r, p, comps)
        items.append(Item(
            id=iid,
            number=int(iid[1:]) if ITEM_ID.fullmatch(iid) else 0,
            sub_indicator=r.choice(p + ("sub_indicator",), sub_ids, required=True) or "?",
            title=r.text(p + ("title",), required=True) or "",
            unit=r.text(p + ("unit",)) or "",
            period=r.choice(p + ("period",), PERIOD_RULES, default="none") or "none",
            requirement=r.text(p + ("requirement",)) or "",
            components=tuple(comps),
            document=r.choice(p + ("document",), DOCUMENTS),
            reads=r.choice(p + ("reads",), READS, default="assessed") or "assessed",
            grace_days=grace,
        ))
    if not items:
        r.report("field-missing", ("items",), field="items", expected=Say("ข้ออย่างน้อยหนึ่งข้อ",
                                                                  "at least one item"))
    _unique(r, "items", [it.id for it in items])

    scoring: dict[str, str] = {}
    r.known_keys(("scoring",), ESTIMATE)
    for level, allowed in SCORING_RULES.items():
        scoring[level] = r.choice(("scoring", level), allowed, default=allowed[0]) or allowed[0]

    previous: dict[str, tuple[str, ...]] = {}
    for key in r.mapping(("previous",)):
        previous[key] = tuple(r.texts(("previous", key)))
        if key not in {it.id for it in items}:
            r.report("field-value", ("previous", key), value=key, field="previous",
                     expected=Say("เลขข้อในเกณฑ์นี้", "an item id of this catalogue"), hint="")

    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return Catalogue(
        fiscal_year=fy, title=title, status=status, source=r.text(("source",)) or "",
        note=r.text(("note",)) or "", indicators=tuple(indicators), sub_indicators=tuple(subs),
        items=tuple(sorted(items, key=lambda it: it.number)), scoring=scoring,
        previous=previous, file=shown, grace_days=grace)


def _label(r: Reader, path: tuple[str | int, ...], cid: str) -> str:
    """A component's `label:` as written: "" when it has none (its title is shortened
    instead); an empty or too long label is `catalogue-label`."""
    parent = r.at(path)
    if not (isinstance(parent, dict) and "label" in parent):
        return ""
    raw = r.at(path + ("label",))
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        r.report("catalogue-label", path + ("label",), value="", component=cid,
                 limit=LABEL_LIMIT, reason=Say("ว่างอยู่", "is empty"))
        return ""
    label = r.text(path + ("label",)) or ""
    if len(label) > LABEL_LIMIT:
        r.report("catalogue-label", path + ("label",), value=label, component=cid,
                 limit=LABEL_LIMIT,
                 reason=Say(f"ยาว {len(label)} ตัวอักษร เกิน {LABEL_LIMIT} ตัวอักษร",
                            f"is {len(label)} characters long, more than {LABEL_LIMIT}"))
        return ""
    return label


def _unique_names(r: Reader, path: tuple[str | int, ...], comps: list[Component]) -> None:
    """Two components of one item with the same label would read as one in a table."""
    seen: dict[str, str] = {}
    for j, c in enumerate(comps):
        if c.label and c.label in seen:
            r.report("catalogue-label", path + ("components", j, "label"), value=c.label,
                     component=c.id, limit=LABEL_LIMIT,
                     reason=Say(f"ซ้ำกับขององค์ประกอบ `{seen[c.label]}` ในข้อเดียวกัน",
                                f"is the same as that of component `{seen[c.label]}` of "
                                "the same item"))
        seen.setdefault(c.label, c.id)


def short_label(title: str, limit: int = 30) -> str:
    """A component's title shortened for readers, for a catalogue without `label:` (a
    council's own, an older file): without the verb it starts with and the examples after
    "เช่น" or "(", cut between Thai words (PyThaiNLP's newmm) within `limit` characters. Never
    the id: an officer reading the table knows the title's words, not our codes."""
    text = " ".join(title.split())
    for lead in _LEAD:
        if text.startswith(lead) and len(text) > len(lead) + 2:
            text = text[len(lead):].lstrip()
            break
    aside = _ASIDE.search(text)
    if aside and aside.start() >= 4:
        text = text[:aside.start()].rstrip()
    if len(text) <= limit:
        return text
    from pythainlp.tokenize import word_tokenize  # only for a catalogue without labels

    out = ""
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        if len(out) + len(word) > limit - 1:
            break
        out += word
    return (out.rstrip() or text[:limit - 1]) + "…"


def _unique(r: Reader, where: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for x in ids:
        if x in seen:
            r.problems.append(problem("catalogue-invalid", file=r.doc.file,
                                      reason=Say(f"{where}: รหัส `{x}` ซ้ำกัน",
                                                 f"{where}: id {x!r} is used twice")))
        seen.add(x)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def item_id_of(stem: str) -> str | None:
    """The item a file name names: `o5`, `O5`, `o05`, `๐๕` and `o๕` all name item o5."""
    s = to_arabic(stem.strip()).lower()
    m = re.fullmatch(r"o?0*([1-9][0-9]*)", s)
    return f"o{m.group(1)}" if m else None


def load_year(fy: int, override: Path | None = None) -> Catalogue:
    """The catalogue for fiscal year `fy`: a given file, else the shipped one."""
    if override is not None:
        return load_catalogue(override)
    path = catalogue_path(fy)
    if not path.exists():
        raise InputError([problem("catalogue-missing", year=fy,
                                  available=", ".join(map(str, available_years())) or
                                  Say("ไม่มี", "none"))])
    return load_catalogue(path, shown=f"generator/catalogues/{fy}.yml")
