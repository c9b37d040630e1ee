"""The published results held to the year's rules: what the rules compute from the figures
the council entered (check/results.py: nothing invented), and a warning, with the numbers,
when the entered total or label disagrees."""

from __future__ import annotations

from generator.base.problems import Problem, problem
from generator.check.results import Results, results
from generator.load.assessment import Assessment, Rules, rules_for
from generator.load.project import Project

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("assessment-label-mismatch", "assessment-no-rules", "assessment-overall-mismatch",
          "assessment-unknown-tool")

TOLERANCE = 0.011  # published figures are rounded to 2 decimals


def compute(a: Assessment, rules: Rules) -> Results:
    return results(rules.tools, rules.bands, a.tools, a.indicators)


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
    if (rules.reproducible and a.overall is not None and c.overall is not None
            and abs(a.overall - c.overall) > TOLERANCE):
        weights = " + ".join(
            f"{t.weight:g}% × {c.tool(t.id).value:.2f} ({t.id})" for t in rules.tools
            if c.tool(t.id).value is not None)
        out.append(problem("assessment-overall-mismatch", file=a.file,
                           line=a.lines.get("overall"), path="overall", year=a.year,
                           value=f"{a.overall:.2f}", computed=f"{c.overall:.2f}",
                           formula=weights or "the indicators' means"))
    if a.label and c.possible and a.label not in c.possible:
        out.append(problem("assessment-label-mismatch", file=a.file, line=a.lines.get("label"),
                           path="label", year=a.year, value=a.label,
                           computed=" or ".join(c.possible), overall=f"{c.overall:.2f}",
                           tools=", ".join(f"{t.id} {t.value:.2f}" for t in c.tools
                                           if t.value is not None) or "not entered"))
    return out


def assessment_problems(project: Project, years: list[int]) -> list[Problem]:
    """The warnings about the results of the given years."""
    out: list[Problem] = []
    for fy in years:
        a = project.assessments.get(fy)
        if a is not None:
            out.extend(check_assessment(a, rules_for(fy)))
    return out
