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
    progress:
      6m:  {status: in_progress, date: 2568-04-10, output: …, outcome: …,
            evidence: [{title: …, url: …}]}
      12m: {status: done, …}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.base.problems import InputError, Problem
from generator.base.thai import (
    DateError,
    Period,
    fiscal_year_end,
    fiscal_year_start,
    parse_date,
    parse_int,
    parse_period,
)
from generator.load.fields import Reader
from generator.load.files import year_folder
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("date-era", "date-invalid", "field-missing", "field-type", "field-unknown",
          "field-value", "period-invalid", "text-html")

ROUNDS = ("6m", "12m")
ROUND_TH = {"6m": "รอบ 6 เดือน", "12m": "รอบ 12 เดือน"}
STATUSES = ("not_started", "in_progress", "done")
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
    period_span: Period | None
    units: tuple[str, ...]
    follow_up: str
    progress: dict[str, Progress]
    line: int | None = None


@dataclass(frozen=True)
class Measures:
    year: int
    based_on: int
    weaknesses: tuple[Finding, ...]
    improvements: tuple[Finding, ...]
    measures: tuple[Measure, ...]
    file: str
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def round_end(fy: int, rnd: str) -> date:
    """6m covers Oct–Mar, 12m the whole year."""
    return date(fiscal_year_start(fy).year + 1, 3, 31) if rnd == "6m" else fiscal_year_end(fy)


def rounds_due(fy: int, as_of: date) -> list[str]:
    return [r for r in ROUNDS if as_of >= round_end(fy, r)]


def measures_path(root: Path, fy: int) -> Path:
    return year_folder(root, fy) / "measures.yml"


def load_measures(root: Path, fy: int) -> Measures | None:
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
    if not isinstance(doc.data, dict):
        found = "(an empty file)" if doc.data is None else str(doc.data)[:40]
        r.report("field-type", (), value=found, field="measures.yml",
                 expected="a mapping with weaknesses, improvements and measures")
        return Measures(fy, fy - 1, (), (), (), shown, tuple(probs))
    r.known_keys((), ["based_on", "weaknesses", "improvements", "measures"])
    based_on = r.convert(("based_on",), parse_int, "a fiscal year such as 2567") or fy - 1

    def findings(key: str) -> tuple[Finding, ...]:
        out = []
        for i, _ in enumerate(r.seq((key,))):
            p = (key, i)
            if isinstance(r.at(p), str):
                out.append(Finding(r.text(p) or "", ()))
                continue
            r.known_keys(p, ["text", "refs"])
            out.append(Finding(r.text(p + ("text",), required=True) or "",
                               _refs(r, p + ("refs",))))
        return tuple(out)

    measures = []
    ids: set[str] = set()
    for i, _ in enumerate(r.seq(("measures",))):
        p = ("measures", i)
        r.known_keys(p, ["id", "title", "analysis", "refs", "steps", "period", "units",
                         "follow_up", "progress"])
        mid = r.text(p + ("id",)) or f"m{i + 1}"
        if mid in ids:
            r.report("field-value", p + ("id",), value=mid, field="id", hint="",
                     expected="an id used by one measure only")
        ids.add(mid)
        title = r.text(p + ("title",), required=True, example="the measure's name") or ""
        if isinstance(r.at(p + ("steps",)), list):
            steps: tuple[str, ...] = tuple(r.texts(p + ("steps",)))
        else:
            one = r.text(p + ("steps",))
            steps = (one,) if one else ()
        for key, value, example in (("steps", steps, "the steps (ขั้นตอน/วิธีการ)"),
                                    ("period", r.text(p + ("period",)), "ระยะเวลา, e.g. "
                                     "ต.ค. 2567 - ก.ย. 2568"),
                                    ("units", r.texts(p + ("units",)), "ผู้รับผิดชอบ")):
            if not value:
                r.report("field-missing", p + (key,), field=f"measures[{i}].{key}",
                         expected=example)
        period_text = r.text(p + ("period",)) or ""
        span = None
        if period_text:
            try:
                span = parse_period(period_text)
            except DateError:
                span = None  # free text such as "ตลอดปีงบประมาณ" is allowed
        progress: dict[str, Progress] = {}
        pp = p + ("progress",)
        r.known_keys(pp, list(ROUNDS))
        for rnd in ROUNDS:
            rp = pp + (rnd,)
            if not r.has(rp):
                continue
            r.known_keys(rp, ["status", "date", "output", "outcome", "evidence"])
            when = r.when(rp + ("date",), parse_date)
            links = []
            for j, _ in enumerate(r.seq(rp + ("evidence",))):
                lp = rp + ("evidence", j)
                r.known_keys(lp, ["title", "url", "file"])
                links.append(Link(r.text(lp + ("title",), required=True) or "",
                                  r.text(lp + ("url",)) or "", r.text(lp + ("file",)) or ""))
            progress[rnd] = Progress(
                round=rnd,
                status=r.choice(rp + ("status",), STATUSES, required=True) or "not_started",
                date=when, output=r.text(rp + ("output",)) or "",
                outcome=r.text(rp + ("outcome",)) or "", evidence=tuple(links))
        measures.append(Measure(
            id=mid, title=title, analysis=r.text(p + ("analysis",)) or "",
            refs=_refs(r, p + ("refs",)), steps=steps, period=period_text, period_span=span,
            units=tuple(r.texts(p + ("units",))), follow_up=r.text(p + ("follow_up",)) or "",
            progress=progress, line=doc.line(*p)))
    return Measures(fy, based_on, findings("weaknesses"), findings("improvements"),
                    tuple(measures), shown, tuple(probs))


def _refs(r: Reader, path: tuple[str | int, ...]) -> tuple[str, ...]:
    out = []
    for j, ref in enumerate(r.texts(path)):
        ref = ref.strip().lower()
        if not REF.fullmatch(ref):
            r.report("field-value", path + (j,), value=ref, field="refs", hint="",
                     expected="an indicator (4, 9.4), a question (i3, e5, o14) or an item (o14)")
            continue
        out.append(ref)
    return tuple(out)

