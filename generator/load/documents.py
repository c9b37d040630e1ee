"""The data behind o27 and o28 as the documents a council signs and files: the memo
(บันทึกข้อความ) header and sections, the signing chain, the approval, the meeting that adopted
the measures, the ITA working group, the o28 table of indicators 1–8, and the council's
thresholds for grouping indicators into urgent / to improve / strengths.

Two places, both declared in generator/load/schema.py and read here with the Reader
(unknown keys are reported):
- `site_config.yml` → `analysis:` (the thresholds) and `documents:`: what stays the same
  from year to year (the division that writes the memos, the book-number prefix, the signing
  chain and the approval);
- `content/<fy>/measures.yml` → `documents:` (this year's memos: number, date, subject,
  section texts, signers who differ), `meeting:`, `working_group:`, `indicators:`.

Format: docs/documents.md. Nothing here decides wording; generator/documents.py does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.base.thai import parse_int
from generator.load.fields import Reader
from generator.load.schema import (
    ANALYSIS,
    APPROVAL,
    APPROVAL_WORDING,
    DOCUMENTS,
    INDICATOR_PLAN,
    INDICATOR_PLANS,
    MEETING,
    MEMBER,
    MEMO,
    MEMOS,
    PROGRESS_MEMO,
    SIGNATURE,
    WORKING_GROUP,
)
from generator.load.yamlio import YamlPath

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("date-era", "date-invalid", "field-missing", "field-type", "field-unknown",
          "field-value", "signature-incomplete", "text-html")

# Defaults (docs/documents.md, "Thresholds"): seed 004 treats indicator 8 at 85.78 as urgent,
# 92.26, 95.00 and 95.24 as "to improve" and keeps only the indicators at 100; seed 001
# counts strengths above 90 and calls those below 85 the ones to develop. The declared
# defaults (generator/load/schema.py: urgent below 90, a strength from 100) reproduce seed
# 004; a council with seed 001's practice writes `strength_from: 90.01`.
URGENT_BELOW = float(ANALYSIS["urgent_below"].default)
STRENGTH_FROM = float(ANALYSIS["strength_from"].default)
DOCUMENT_KINDS = ("analysis", "progress")  # the catalogue's `document:` (o27, o28 in 2568)
ROUND_KEYS = ("6m", "12m")


@dataclass(frozen=True)
class Thresholds:
    """Grouping of indicator scores: below `urgent_below` urgent (ต้องแก้ไขโดยเร่งด่วน), from
    `strength_from` a strength (จุดแข็ง), in between to improve (ต้องพัฒนา)."""

    urgent_below: float = URGENT_BELOW
    strength_from: float = STRENGTH_FROM

    def group(self, score: float | None) -> str:
        if score is None:
            return ""
        if score < self.urgent_below:
            return "urgent"
        return "strength" if score >= self.strength_from else "improve"


@dataclass(frozen=True)
class Signature:
    """One signature block. Without `heading` and `opinion` the signer signs under the memo
    text (the preparer and co-signers); with either it is an opinion block ("ความเห็นของ…")."""

    name: str  # "" → a dotted line to write by hand (warned)
    position: str
    heading: str = ""
    opinion: str = ""  # "" in an opinion block → dotted lines for a handwritten opinion
    date: date | None = None
    line: int | None = None

    @property
    def is_opinion(self) -> bool:
        return bool(self.heading or self.opinion)


@dataclass(frozen=True)
class Approval:
    """The final block: the executive's approval ("อนุมัติ / ให้ดำเนินการ")."""

    name: str
    position: str
    heading: str = ""  # "" → "ความเห็นของ" + position
    wording: str = APPROVAL_WORDING
    date: date | None = None
    line: int | None = None


@dataclass(frozen=True)
class DocumentDefaults:
    """`site_config.yml` → `documents:`: the council's memo settings for every year."""

    unit: str = ""  # ส่วนราชการ (the division); "" → the o27/o28 item's unit
    ref: str = ""  # the book-number prefix, e.g. "ชร 73501" (ที่ ชร ๗๓๕๐๑/…)
    to: str = ""  # เรียน; "" → the approver's position
    signatures: tuple[Signature, ...] | None = None  # None → derived from `executives`
    approval: Approval | None = None
    acknowledgements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Memo:
    """One year's memo for o27 (`analysis`) or o28 (`progress`); empty fields take the
    defaults (docs/documents.md)."""

    number: str = ""  # ที่: "1732" (the prefix is added) or the whole "ชร 73501/1732"
    date: date | None = None
    subject: str = ""
    to: str = ""
    unit: str = ""
    round: str = ""  # progress only: 6m or 12m ("" → the latest round that has ended)
    background: tuple[str, ...] = ()  # เรื่องเดิม
    facts: tuple[str, ...] = ()  # ข้อเท็จจริง
    laws: tuple[str, ...] = ()  # ระเบียบ กฎหมายที่เกี่ยวข้อง
    proposal: tuple[str, ...] = ()  # ข้อเสนอเพื่อพิจารณา
    signatures: tuple[Signature, ...] | None = None
    approval: Approval | None = None
    acknowledgements: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Meeting:
    """The meeting that adopted the measures (seeds 002, 003)."""

    title: str
    date: date | None
    place: str
    participants: str


@dataclass(frozen=True)
class Member:
    name: str
    position: str
    role: str


@dataclass(frozen=True)
class WorkingGroup:
    """The ITA working group's appointment order (seed 003)."""

    order: str  # คำสั่งที่ 12/2567
    date: date | None
    title: str
    members: tuple[Member, ...]
    duties: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorPlan:
    """o28's row for an IIT/EIT indicator (seed 002): how the council raises it and how far
    it got."""

    id: str
    approach: tuple[str, ...]
    units: tuple[str, ...]
    period: str
    status: str
    progress: tuple[str, ...]


def paragraphs(r: Reader, path: YamlPath) -> tuple[str, ...]:
    """One text or a list of texts, each kept whole (commas stay: these are sentences)."""
    value = r.at(path)
    if isinstance(value, list):
        return tuple(t for i, _ in enumerate(value) if (t := r.text(path + (i,))))
    text = r.text(path)
    return (text,) if text else ()


def read_thresholds(r: Reader, path: YamlPath) -> Thresholds:
    """`site_config.yml` → `analysis:`."""
    if not r.has(path):
        return Thresholds()
    r.mapping(path)
    r.known_keys(path, ANALYSIS)
    expected = "a score between 0 and 100 (Thai digits are fine)"

    def score(key: str) -> float:
        v = r.field(ANALYSIS, key, path)
        if not 0 <= v <= 100:
            r.report("field-value", path + (key,), value=v, field=f"analysis.{key}",
                     expected=expected, hint="")
            v = float(ANALYSIS[key].default)
        return float(v)

    t = Thresholds(score("urgent_below"), score("strength_from"))
    if t.urgent_below > t.strength_from:
        r.report("field-value", path + ("strength_from",), value=t.strength_from,
                 field="analysis.strength_from", hint="",
                 expected=f"a score at or above urgent_below ({t.urgent_below:g})")
        return Thresholds(t.urgent_below, t.urgent_below)
    return t


def _missing(r: Reader, path: YamlPath, number: int, shown: str, document: str, key: str
             ) -> None:
    what = {"name": ("ชื่อผู้ลงนาม", "name: นางสาวกมลชนก ศรีสุข"),
            "position": ("ตำแหน่ง", "position: หัวหน้าสำนักปลัด")}[key]
    r.report("signature-incomplete", path + (key,), value=shown or "ไม่มีข้อมูล",
             number=number, document=document, field=key, field_th=what[0], example=what[1])


def read_signatures(r: Reader, path: YamlPath, document: str) -> tuple[Signature, ...] | None:
    """The signing chain, in order; None when the key is absent (the defaults apply)."""
    if not r.has(path):
        return None
    out = []
    for i, _ in enumerate(r.seq(path)):
        p = path + (i,)
        if r.mapping(p) == {} and r.at(p) is not None and not isinstance(r.at(p), dict):
            continue  # reported as field-type
        r.known_keys(p, SIGNATURE)
        sig = Signature(name=r.field(SIGNATURE, "name", p) or "",
                        position=r.field(SIGNATURE, "position", p) or "",
                        heading=r.field(SIGNATURE, "heading", p) or "",
                        opinion=r.field(SIGNATURE, "opinion", p) or "",
                        date=r.field(SIGNATURE, "date", p), line=r.doc.line(*p))
        for key in ("name", "position"):
            if not getattr(sig, key):
                _missing(r, p, i + 1, sig.heading or sig.position or sig.name, document, key)
        out.append(sig)
    return tuple(out)


def read_approval(r: Reader, path: YamlPath, document: str, number: int) -> Approval | None:
    if not r.has(path):
        return None
    r.mapping(path)
    r.known_keys(path, APPROVAL)
    a = Approval(name=r.field(APPROVAL, "name", path) or "",
                 position=r.field(APPROVAL, "position", path) or "",
                 heading=r.field(APPROVAL, "heading", path) or "",
                 wording=r.field(APPROVAL, "wording", path) or APPROVAL_WORDING,
                 date=r.field(APPROVAL, "date", path), line=r.doc.line(*path))
    for key in ("name", "position"):
        if not getattr(a, key):
            _missing(r, path, number, a.heading or a.position or a.name or "ผู้อนุมัติ",
                     document, key)
    return a


def read_defaults(r: Reader, path: YamlPath) -> DocumentDefaults:
    """`site_config.yml` → `documents:`."""
    if not r.has(path):
        return DocumentDefaults()
    r.mapping(path)
    r.known_keys(path, DOCUMENTS)
    where = "o27/o28 (site_config.yml)"
    signatures = read_signatures(r, path + ("signatures",), where)
    return DocumentDefaults(
        unit=r.field(DOCUMENTS, "unit", path) or "", ref=r.field(DOCUMENTS, "ref", path) or "",
        to=r.field(DOCUMENTS, "to", path) or "",
        signatures=signatures,
        approval=read_approval(r, path + ("approval",), where, len(signatures or ()) + 1),
        acknowledgements=paragraphs(r, path + ("acknowledgements",)))


def read_memo(r: Reader, path: YamlPath, document: str, item: str) -> Memo:
    """`measures.yml` → `documents: analysis:` or `progress:`."""
    schema = PROGRESS_MEMO if document == "progress" else MEMO
    r.mapping(path)
    r.known_keys(path, schema)
    signatures = read_signatures(r, path + ("signatures",), item)

    def field(key: str) -> str:
        return str(r.field(schema, key, path) or "")

    return Memo(
        number=field("number"), date=r.field(schema, "date", path), subject=field("subject"),
        to=field("to"), unit=field("unit"),
        round=field("round") if document == "progress" else "",
        background=paragraphs(r, path + ("background",)),
        facts=paragraphs(r, path + ("facts",)), laws=paragraphs(r, path + ("laws",)),
        proposal=paragraphs(r, path + ("proposal",)), signatures=signatures,
        approval=read_approval(r, path + ("approval",), item, len(signatures or ()) + 1),
        acknowledgements=paragraphs(r, path + ("acknowledgements",))
        if r.has(path + ("acknowledgements",)) else None)


def read_memos(r: Reader, path: YamlPath, readers: dict[str, tuple[Reader, str]]
               ) -> dict[str, Memo]:
    """`documents:` of measures.yml; `readers` gives, per document, the Reader that tags its
    problems with the document's item (o27, o28) and that item's id."""
    if not r.has(path):
        return {}
    r.mapping(path)
    r.known_keys(path, MEMOS)
    return {doc: read_memo(readers[doc][0], path + (doc,), doc, readers[doc][1])
            for doc in DOCUMENT_KINDS if r.has(path + (doc,))}


def read_meeting(r: Reader, path: YamlPath) -> Meeting | None:
    if not r.has(path):
        return None
    r.mapping(path)
    r.known_keys(path, MEETING)
    return Meeting(r.field(MEETING, "title", path) or "", r.field(MEETING, "date", path),
                   r.field(MEETING, "place", path) or "",
                   r.field(MEETING, "participants", path) or "")


def read_working_group(r: Reader, path: YamlPath) -> WorkingGroup | None:
    if not r.has(path):
        return None
    r.mapping(path)
    r.known_keys(path, WORKING_GROUP)
    members = []
    for i, _ in enumerate(r.seq(path + ("members",))):
        p = path + ("members", i)
        r.mapping(p)
        r.known_keys(p, MEMBER)
        members.append(Member(r.field(MEMBER, "name", p) or "",
                              r.field(MEMBER, "position", p) or "",
                              r.field(MEMBER, "role", p) or ""))
    return WorkingGroup(r.field(WORKING_GROUP, "order", path) or "",
                        r.field(WORKING_GROUP, "date", path),
                        r.field(WORKING_GROUP, "title", path) or "", tuple(members),
                        paragraphs(r, path + ("duties",)))


def read_indicator_plans(r: Reader, path: YamlPath) -> dict[str, IndicatorPlan]:
    """`indicators:` of measures.yml: o28's rows for indicators 1–8, keyed by number."""
    out: dict[str, IndicatorPlan] = {}
    r.known_keys(path, INDICATOR_PLANS)
    for key in r.mapping(path):
        p = path + (key,)
        try:
            ind = str(parse_int(key))
        except ValueError:
            r.report("field-value", p, value=key, field="indicators", hint="",
                     expected="indicator numbers such as \"1\" … \"8\" as keys")
            continue
        r.mapping(p)
        r.known_keys(p, INDICATOR_PLAN)
        out[ind] = IndicatorPlan(ind, paragraphs(r, p + ("approach",)),
                                 tuple(r.field(INDICATOR_PLAN, "units", p)),
                                 r.field(INDICATOR_PLAN, "period", p) or "",
                                 r.field(INDICATOR_PLAN, "status", p) or "",
                                 paragraphs(r, p + ("progress",)))
    return out
