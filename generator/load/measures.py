"""o27 analysis and measures, o28 progress: `content/<fy>/measures.yml`.

Format (docs/content-format.md, "Measures"):

```yaml
based_on: 2567                 # the assessment year analysed (default: fy - 1)
weaknesses:                    # ประเด็นที่ต้องแก้ไขโดยเร่งด่วน
  - text: …
    refs: [i3, "9.4", o14]     # indicators, questions (i/e/o…) or items
improvements:                  # ประเด็นที่ต้องพัฒนา
  - text: …
    refs: [e5]
measures:
  - id: m1
    title: มาตรการ…
    analysis: …                # why: the finding behind the measure
    refs: ["9.4", o14]
    steps: [ขั้นตอน 1, ขั้นตอน 2]
    period: ต.ค. 2567 - ก.ย. 2568
    units: [สำนักปลัด]
    follow_up: …
    limits: …                  # ข้อจำกัดของหน่วยงาน (optional, seed 001)
    progress:
      6m:  {status: in_progress, date: 2568-04-10, output: …, outcome: …,
            evidence: [{title: …, url: …}]}
      12m: {status: done, …}
meeting: …                     # the meeting that adopted the measures
working_group: …               # the ITA working group's order
indicators: …                  # o28's rows for indicators 1–8
documents: {analysis: …, progress: …}   # this year's memos (docs/documents.md)
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from generator.base.problems import InputError, Problem
from generator.base.say import Say
from generator.base.thai import (
    fiscal_year_end,
    fiscal_year_start,
    parse_int,
)
from generator.load.documents import (
    IndicatorPlan,
    Meeting,
    Memo,
    WorkingGroup,
    read_indicator_plans,
    read_meeting,
    read_memos,
    read_working_group,
)
from generator.load.fields import EMPTY_FILE, FISCAL_YEAR_EXAMPLE, Reader
from generator.load.files import year_folder
from generator.load.schema import (
    FINDING,
    LINK,
    MEASURE,
    MEASURE_STATUSES,
    MEASURES,
    PROGRESS,
    ROUNDS_SCHEMA,
)
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("curly-quotes", "date-era", "date-invalid", "date-weekday", "field-missing",
          "field-type", "field-unknown", "field-value", "measure-field-missing", "period-invalid",
          "progress-date-missing", "signature-incomplete", "text-html", "text-invisible",
          "url-relative")

ROUNDS = ("6m", "12m")
ROUND_TH = {"6m": "รอบ 6 เดือน", "12m": "รอบ 12 เดือน"}
STATUSES = MEASURE_STATUSES
STATUS_TH = {"not_started": "ยังไม่ได้ดำเนินการ", "in_progress": "อยู่ระหว่างดำเนินการ",
             "done": "ดำเนินการแล้ว"}
REF = re.compile(r"(?:[ieo]\d+|\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Link:
    title: str
    url: str = ""
    file: str = ""


@dataclass(frozen=True)
class Finding:
    text: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    round: str
    status: str
    date: date | None
    output: str
    outcome: str
    evidence: tuple[Link, ...]


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    analysis: str
    refs: tuple[str, ...]
    steps: tuple[str, ...]
    period: str
    units: tuple[str, ...]
    follow_up: str
    progress: dict[str, Progress]
    line: int | None = None
    limits: str = ""  # ข้อจำกัดของหน่วยงาน


@dataclass(frozen=True)
class Measures:
    year: int
    based_on: int
    weaknesses: tuple[Finding, ...]
    improvements: tuple[Finding, ...]
    measures: tuple[Measure, ...]
    file: str
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    documents: dict[str, Memo] = field(default_factory=dict)  # analysis (o27), progress (o28)
    meeting: Meeting | None = None
    working_group: WorkingGroup | None = None
    indicators: dict[str, IndicatorPlan] = field(default_factory=dict)


def round_end(fy: int, rnd: str) -> date:
    """6m covers Oct–Mar, 12m the whole year."""
    return date(fiscal_year_start(fy).year + 1, 3, 31) if rnd == "6m" else fiscal_year_end(fy)


def round_due(fy: int, rnd: str, grace_days: int = 0) -> date:
    """From this day a round's report is demanded: its end and the catalogue's grace (a
    year-end report is dated weeks after 30 September: seed 002 l.11, seed 004 l.8)."""
    return round_end(fy, rnd) + timedelta(days=grace_days)


def rounds_due(fy: int, as_of: date, grace_days: int = 0) -> list[str]:
    return [r for r in ROUNDS if as_of >= round_due(fy, r, grace_days)]


def measures_path(root: Path, fy: int) -> Path:
    return year_folder(root, fy) / "measures.yml"


def load_measures(root: Path, fy: int, website: str = "") -> Measures | None:
    path = measures_path(root, fy)
    if not path.exists():
        return None
    shown = path.relative_to(root).as_posix()
    try:
        doc = load_yaml_file(path, shown)
    except InputError as exc:
        return Measures(fy, fy - 1, (), (), (), shown, tuple(exc.problems))
    probs: list[Problem] = list(doc.problems)
    r = Reader(doc, probs, year=fy, item="o27")
    o28 = Reader(doc, probs, year=fy, item="o28")  # what only the progress report shows
    if not isinstance(doc.data, dict):
        found = EMPTY_FILE if doc.data is None else str(doc.data)[:40]
        r.report("field-type", (), value=found, field="measures.yml",
                 expected=Say("ข้อมูลที่มี `weaknesses`, `improvements` และ `measures`",
                              "a mapping with weaknesses, improvements and measures"))
        return Measures(fy, fy - 1, (), (), (), shown, tuple(probs))
    r.known_keys((), MEASURES)
    based_on = r.convert(("based_on",), parse_int, FISCAL_YEAR_EXAMPLE) or fy - 1

    def findings(key: str) -> tuple[Finding, ...]:
        out = []
        for i, _ in enumerate(r.seq((key,))):
            p = (key, i)
            if isinstance(r.at(p), str):
                out.append(Finding(r.text(p) or "", ()))
                continue
            r.known_keys(p, FINDING)
            out.append(Finding(r.field(FINDING, "text", p) or "",
                               _refs(r, p + ("refs",))))
        return tuple(out)

    measures = []
    ids: set[str] = set()
    for i, _ in enumerate(r.seq(("measures",))):
        p = ("measures", i)
        r.known_keys(p, MEASURE)
        mid = r.text(p + ("id",)) or f"m{i + 1}"
        if mid in ids:
            r.report("field-value", p + ("id",), value=mid, field="id", hint="",
                     expected=Say("รหัสที่ไม่ซ้ำกับมาตรการอื่น", "an id used by one measure only"))
        ids.add(mid)
        title = r.field(MEASURE, "title", p) or ""
        if isinstance(r.at(p + ("steps",)), list):
            steps: tuple[str, ...] = tuple(r.texts(p + ("steps",)))
        else:
            one = r.text(p + ("steps",))
            steps = (one,) if one else ()
        for key, value, what, example in (
                ("steps", steps, "ขั้นตอนหรือวิธีการปฏิบัติ", "steps: [ขั้นตอนที่ 1, ขั้นตอนที่ 2]"),
                ("period", r.text(p + ("period",)), "ระยะเวลาดำเนินการ",
                 "period: ต.ค. 2567 - ก.ย. 2568"),
                ("units", r.texts(p + ("units",)), "ผู้รับผิดชอบ", "units: [สำนักปลัด]")):
            if not value:  # every measure is printed with these (o27 and o28)
                r.report("measure-field-missing", p + (key,), value=title or mid,
                         number=i + 1, field=key, field_th=what, example=example)
        period_text = r.text(p + ("period",)) or ""  # free text: "ตลอดปีงบประมาณ" is fine
        progress: dict[str, Progress] = {}
        pp = p + ("progress",)
        r.known_keys(pp, ROUNDS_SCHEMA)
        for rnd in ROUNDS:
            rp = pp + (rnd,)
            if not r.has(rp):
                continue
            r.known_keys(rp, PROGRESS)
            when = r.field(PROGRESS, "date", rp)
            if r.at(rp + ("date",)) in (None, ""):
                end = round_end(fy, rnd)
                o28.report("progress-date-missing", rp, value=title or mid, number=i + 1,
                           round=rnd, example=f"{end.year + 543}-{end.month:02d}-{end.day:02d}")
            links = []
            for j, _ in enumerate(r.seq(rp + ("evidence",))):
                lp = rp + ("evidence", j)
                r.known_keys(lp, LINK)
                links.append(Link(r.field(LINK, "title", lp) or "",
                                  r.link(lp + ("url",), website),
                                  r.field(LINK, "file", lp) or ""))
            progress[rnd] = Progress(
                round=rnd,
                status=r.field(PROGRESS, "status", rp) or "not_started",
                date=when, output=r.text(rp + ("output",)) or "",
                outcome=r.text(rp + ("outcome",)) or "", evidence=tuple(links))
        measures.append(Measure(
            id=mid, title=title, analysis=r.text(p + ("analysis",)) or "",
            refs=_refs(r, p + ("refs",)), steps=steps, period=period_text,
            units=tuple(r.texts(p + ("units",))), follow_up=r.text(p + ("follow_up",)) or "",
            progress=progress, line=doc.line(*p), limits=r.field(MEASURE, "limits", p) or ""))
    memos = read_memos(r, ("documents",), {"analysis": (r, "o27"), "progress": (o28, "o28")})
    return Measures(fy, based_on, findings("weaknesses"), findings("improvements"),
                    tuple(measures), shown, tuple(probs), documents=memos,
                    meeting=read_meeting(r, ("meeting",)),
                    working_group=read_working_group(r, ("working_group",)),
                    indicators=read_indicator_plans(o28, ("indicators",)))


def _refs(r: Reader, path: tuple[str | int, ...]) -> tuple[str, ...]:
    out = []
    for j, ref in enumerate(r.texts(path)):
        ref = ref.strip().lower()
        if not REF.fullmatch(ref):
            r.report("field-value", path + (j,), value=ref, field="refs", hint="",
                     expected=Say("ตัวชี้วัด (4, 9.4) ข้อคำถาม (i3, e5, o14) หรือข้อ OIT (o14)",
                                  "an indicator (4, 9.4), a question (i3, e5, o14) or an item "
                                  "(o14)"))
            continue
        out.append(ref)
    return tuple(out)

