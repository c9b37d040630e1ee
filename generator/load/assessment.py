"""ITA assessment results (`content/<fy>/assessment.yml`) and per-year scoring rules
(`generator/scoring/<fy>.yml`): tools, weights, bands. What the rules compute from the
figures, and whether the council's entries agree, is the check stage's (check/assessment.py).
Format: docs/assessment-format.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.base.problems import InputError, Problem
from generator.base.say import Say
from generator.base.thai import parse_int, parse_number
from generator.load.fields import Reader
from generator.load.files import year_folder
from generator.load.schema import BAND, QUESTION, RESULTS, SCORING, TOOL
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("curly-quotes", "field-missing", "field-type", "field-unknown", "field-value",
          "text-html", "text-invisible")

A_SCORE = Say("คะแนน", "a score")
A_WEIGHT = Say("น้ำหนัก", "a weight")
SCORING_DIR = Path(__file__).parent.parent / "scoring"


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    weight: float
    indicators: tuple[str, ...]
    group: str = ""  # parts of one split tool share indicators (EIT1, EIT2: "EIT")


@dataclass(frozen=True)
class Band:
    label: str
    min: float
    every_tool_min: float | None = None
    uncertain: bool = False  # the label is not confirmed by a public source


@dataclass(frozen=True)
class Rules:
    """How a fiscal year's ITA total and band are computed."""

    fiscal_year: int
    tools: tuple[Tool, ...]
    indicators: dict[str, str]  # id -> title
    bands: tuple[Band, ...]
    source: str = ""
    reproducible: bool = True  # False: published totals cannot be recomputed (seed 003, 2563)

    def tool_of(self, indicator: str) -> list[Tool]:
        return [t for t in self.tools if indicator in t.indicators]


@dataclass(frozen=True)
class Question:
    id: str
    score: float | None
    text: str
    recommendation: str


@dataclass(frozen=True)
class Assessment:
    """The published results of one fiscal year's assessment, as entered."""

    year: int
    overall: float | None
    label: str
    rank: str
    tools: dict[str, float]
    indicators: dict[str, float]
    questions: tuple[Question, ...]
    note: str
    file: str
    lines: dict[str, int] = field(default_factory=dict)


def rules_years() -> list[int]:
    return sorted(int(p.stem) for p in SCORING_DIR.glob("*.yml") if p.stem.isdigit())


def load_rules(fy: int) -> Rules | None:
    path = SCORING_DIR / f"{fy}.yml"
    if not path.exists():
        return None
    shown = f"generator/scoring/{fy}.yml"
    doc = load_yaml_file(path, shown)
    probs: list[Problem] = list(doc.problems)
    r = Reader(doc, probs)
    r.known_keys((), SCORING)
    tools = []
    for i, _ in enumerate(r.seq(("tools",))):
        p = ("tools", i)
        r.known_keys(p, TOOL)
        tools.append(Tool(r.text(p + ("id",), required=True) or "?",
                          r.text(p + ("title",)) or "",
                          r.convert(p + ("weight",), parse_number, A_WEIGHT, True) or 0.0,
                          tuple(r.texts(p + ("indicators",))),
                          r.text(p + ("group",)) or ""))
    indicators = {}
    for i, _ in enumerate(r.seq(("indicators",))):
        p = ("indicators", i)
        indicators[r.text(p + ("id",), required=True) or "?"] = r.text(p + ("title",)) or ""
    bands = []
    for i, _ in enumerate(r.seq(("bands",))):
        p = ("bands", i)
        r.known_keys(p, BAND)
        bands.append(Band(r.text(p + ("label",), required=True) or "?",
                          r.convert(p + ("min",), parse_number, A_SCORE, True) or 0.0,
                          r.convert(p + ("every_tool_min",), parse_number, A_SCORE),
                          r.flag(p + ("uncertain",), False)))
    errors = [p for p in probs if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return Rules(fy, tuple(tools), indicators, tuple(bands), r.text(("source",)) or "",
                 r.flag(("reproducible",), True))


def rules_for(fy: int) -> Rules | None:
    """The year's rules, else the latest earlier year's (rules change rarely)."""
    years = [y for y in rules_years() if y <= fy]
    return load_rules(years[-1]) if years else None


def assessment_path(root: Path, fy: int) -> Path:
    return year_folder(root, fy) / "assessment.yml"


def load_assessment(root: Path, fy: int, problems: list[Problem]) -> Assessment | None:
    """Read `content/<fy>/assessment.yml`; problems are appended, never raised (unless the
    file cannot be read at all)."""
    path = assessment_path(root, fy)
    if not path.exists():
        return None
    shown = path.relative_to(root).as_posix()
    doc = load_yaml_file(path, shown)
    probs: list[Problem] = list(doc.problems)
    r = Reader(doc, probs, year=fy)
    if not isinstance(doc.data, dict):
        r.report("field-type", (), value=str(doc.data)[:40], field="assessment.yml",
                 expected=Say("ข้อมูลที่มี `overall`, `label`, `tools` และ `indicators`",
                              "a mapping with overall, label, tools, indicators"))
        problems.extend(probs)
        return None
    r.known_keys((), RESULTS)
    score = Say("คะแนนระหว่าง 0 ถึง 100 (ใช้เลขไทยได้ เช่น ๙๗.๑๘)",
                "a score between 0 and 100 (Thai digits are fine: ๙๗.๑๘)")

    def num(path: tuple[str | int, ...], required: bool = False) -> float | None:
        v = r.convert(path, parse_number, score, required)
        if v is not None and not 0 <= v <= 100:
            r.report("field-value", path, value=v, field=".".join(map(str, path)),
                     expected=score, hint="")
            return None
        return v

    tools = {}
    for key in r.mapping(("tools",)):
        v = num(("tools", key))
        if v is not None:
            tools[str(key).upper()] = v
    indicators = {}
    for key in r.mapping(("indicators",)):
        try:
            ind = str(parse_int(key))
        except ValueError:
            r.report("field-value", ("indicators", key), value=key, field="indicators",
                     expected=Say("เลขตัวชี้วัด 1–10 เป็นชื่อข้อมูล", "indicator numbers 1–10 as keys"),
                     hint="")
            continue
        v = num(("indicators", key))
        if v is not None:
            indicators[ind] = v
    questions = []
    for i, _ in enumerate(r.seq(("questions",))):
        p = ("questions", i)
        r.known_keys(p, QUESTION)
        qid = (r.text(p + ("id",), required=True) or "?").lower().replace(" ", "")
        questions.append(Question(qid, num(p + ("score",)), r.text(p + ("text",)) or "",
                                  r.text(p + ("recommendation",)) or ""))
    lines = {k: doc.lines[(k,)] for k in ("overall", "label") if (k,) in doc.lines}
    # read everything before handing the problems on: a bad `overall:` (`.nan`) is reported
    assessment = Assessment(year=fy, overall=num(("overall",)), label=r.text(("label",)) or "",
                            rank=r.text(("rank",)) or "", tools=tools, indicators=indicators,
                            questions=tuple(questions), note=r.text(("note",)) or "",
                            file=shown, lines=lines)
    problems.extend(probs)
    return assessment


def load_assessments(root: Path, years: list[int], problems: list[Problem]
                     ) -> dict[int, Assessment]:
    """Every `content/<fy>/assessment.yml` (check/assessment.py holds them to the rules)."""
    out = {}
    for fy in years:
        try:
            a = load_assessment(root, fy, problems)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if a is not None:
            out[fy] = a
    return out
