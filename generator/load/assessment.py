"""ITA assessment results (`content/<fy>/assessment.yml`) and per-year scoring rules
(`generator/scoring/<fy>.yml`): weights, bands, and the check that what a council typed
agrees with what the year's rules compute. Format: docs/assessment-format.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from generator.base.problems import InputError, Problem, problem
from generator.base.say import Say
from generator.base.thai import parse_int, parse_number
from generator.load.fields import Reader
from generator.load.files import year_folder
from generator.load.schema import BAND, QUESTION, RESULTS, SCORING, TOOL
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("assessment-label-mismatch", "assessment-no-rules", "assessment-overall-mismatch",
          "assessment-unknown-tool", "curly-quotes", "field-missing", "field-type", "field-unknown",
          "field-value", "text-html", "text-invisible")

A_SCORE = Say("คะแนน", "a score")
A_WEIGHT = Say("น้ำหนัก", "a weight")
SCORING_DIR = Path(__file__).parent.parent / "scoring"
TOLERANCE = 0.011  # published figures are rounded to 2 decimals


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    weight: float
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    label: str
    min: float
    every_tool_min: float | None = None


@dataclass(frozen=True)
class Rules:
    """How a fiscal year's ITA total and band are computed."""

    fiscal_year: int
    tools: tuple[Tool, ...]
    indicators: dict[str, str]  # id -> title
    bands: tuple[Band, ...]
    threshold: float
    source: str = ""

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


@dataclass(frozen=True)
class Computed:
    """What the year's rules make of the entered figures."""

    tools: dict[str, float | None]
    overall: float | None
    band: str | None
    weak: tuple[str, ...]     # indicators below the threshold
    strong: tuple[str, ...]


def round2(x: float) -> float:
    return float(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


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
                          tuple(r.texts(p + ("indicators",)))))
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
                          r.convert(p + ("every_tool_min",), parse_number, A_SCORE)))
    errors = [p for p in probs if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return Rules(fy, tuple(tools), indicators, tuple(bands),
                 r.convert(("threshold",), parse_number, A_SCORE) or 85.0,
                 r.text(("source",)) or "")


def rules_for(fy: int) -> Rules | None:
    """The year's rules, else the latest earlier year's (rules change rarely)."""
    years = [y for y in rules_years() if y <= fy]
    return load_rules(years[-1]) if years else None


def compute(a: Assessment, rules: Rules) -> Computed:
    tools: dict[str, float | None] = {}
    for t in rules.tools:
        if t.id in a.tools:
            tools[t.id] = a.tools[t.id]
        else:
            vals = [a.indicators[i] for i in t.indicators if i in a.indicators]
            tools[t.id] = round2(sum(vals) / len(vals)) if vals and len(vals) == len(
                t.indicators) else None
    overall = None
    if all(v is not None for v in tools.values()) and tools:
        total_w = sum(t.weight for t in rules.tools)
        overall = round2(sum(t.weight * (tools[t.id] or 0.0) for t in rules.tools) / total_w)
    band = None
    if overall is not None:
        for b in rules.bands:
            if overall >= b.min and (b.every_tool_min is None or all(
                    (v or 0.0) >= b.every_tool_min for v in tools.values())):
                band = b.label
                break
    weak = tuple(i for i, v in a.indicators.items() if v < rules.threshold)
    strong = tuple(i for i, v in a.indicators.items() if v >= rules.threshold)
    return Computed(tools, overall, band, weak, strong)


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


def check_assessment(a: Assessment, rules: Rules | None) -> list[Problem]:
    """Warn, with the numbers, when the entered total or label disagrees with the rules."""
    if rules is None:
        return [problem("assessment-no-rules", file=a.file, year=a.year)]
    out = []
    known = {t.id for t in rules.tools}
    for tid in a.tools:
        if tid not in known:
            out.append(problem("assessment-unknown-tool", file=a.file, year=a.year, value=tid,
                               allowed=", ".join(sorted(known))))
    c = compute(a, rules)
    if a.overall is not None and c.overall is not None and abs(a.overall - c.overall) > \
            TOLERANCE:
        weights = " + ".join(f"{t.weight:g}% × {c.tools[t.id]:.2f} ({t.id})"
                             for t in rules.tools if c.tools[t.id] is not None)
        out.append(problem("assessment-overall-mismatch", file=a.file,
                           line=a.lines.get("overall"), path="overall", year=a.year,
                           value=f"{a.overall:.2f}", computed=f"{c.overall:.2f}",
                           formula=weights))
    if a.label and c.band and a.label != c.band:
        out.append(problem("assessment-label-mismatch", file=a.file, line=a.lines.get("label"),
                           path="label", year=a.year, value=a.label, computed=c.band,
                           overall=f"{c.overall:.2f}",
                           tools=", ".join(f"{k} {v:.2f}" for k, v in c.tools.items()
                                           if v is not None)))
    return out


def load_assessments(root: Path, years: list[int], problems: list[Problem]
                     ) -> dict[int, Assessment]:
    """Every `content/<fy>/assessment.yml`, checked against its year's rules."""
    out = {}
    for fy in years:
        try:
            a = load_assessment(root, fy, problems)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if a is not None:
            out[fy] = a
            problems.extend(check_assessment(a, rules_for(fy)))
    return out
