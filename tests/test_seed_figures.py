"""Every checkable figure and label of the seeds, typed in the project's format.

The seeds' published figures live in tests/fixtures/seeds/sNNN/content/<fy>/assessment.yml,
typed as a council would (Thai digits where the seed prints them); each test takes the seed's
own value as the expected one and names the seed file and line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.base.problems import Problem
from generator.check.assessment import check_assessment, compute
from generator.load.assessment import Assessment, load_assessment, rules_for

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def seed(name: str, fy: int) -> Assessment:
    problems: list[Problem] = []
    a = load_assessment(SEEDS / name, fy, problems)
    assert a is not None and not [p for p in problems if p.severity == "error"], problems
    return a


# (seed folder, fiscal year, published total, published label or "", where the seed prints it)
TOTALS = [
    ("s000", 2568, 97.18, "ผ่านดีเยี่ยม", "seed 000 line 15"),
    ("s001", 2564, 90.03, "", "seed 001 line 120"),
    ("s001", 2565, 95.37, "", "seed 001 line 120"),
    ("s001", 2566, 95.07, "ผ่านดี", "seed 001 lines 32 and 120"),
    ("s004", 2567, 96.33, "ผ่านดี", "seed 004 line 184"),
    ("s004", 2568, 99.37, "ผ่านดีเยี่ยม", "seed 004 lines 20 and 186"),
]


@pytest.mark.parametrize("name,fy,total,label,where", TOTALS)
def test_seed_total_is_what_the_rules_compute(name: str, fy: int, total: float, label: str,
                                               where: str) -> None:
    a = seed(name, fy)
    assert a.overall == total, where
    rules = rules_for(fy)
    assert rules is not None
    assert compute(a, rules).overall == total, where
    assert check_assessment(a, rules) == [], where


@pytest.mark.parametrize("name,fy,label,where", [
    ("s000", 2568, "ผ่านดีเยี่ยม", "seed 000 line 15"),
    ("s001", 2566, "ผ่านดี", "seed 001 line 32"),
    ("s002", 2568, "ผ่านดี", "seed 002 lines 109 and 218"),
    ("s003", 2563, "A", "seed 003 line 36"),
    ("s004", 2567, "ผ่านดี", "seed 004 line 184"),
    ("s004", 2568, "ผ่านดีเยี่ยม", "seed 004 lines 20, 82 and 186"),
])
def test_seed_label_is_accepted_by_the_years_bands(name: str, fy: int, label: str,
                                                   where: str) -> None:
    a = seed(name, fy)
    assert a.label == label, where
    rules = rules_for(fy)
    assert rules is not None and label in [b.label for b in rules.bands], where
    assert not [p for p in check_assessment(a, rules)
                if p.code == "assessment-label-mismatch"], where


def test_seed_000_tool_figures_as_printed() -> None:
    """seed 000 lines 22-25: IIT 99.51, EIT part 1 95.95, EIT part 2 96.89, OIT 96.00."""
    a = seed("s000", 2568)
    assert a.tools == {"IIT": 99.51, "EIT1": 95.95, "EIT2": 96.89, "OIT": 96.00}


def test_seed_000_iit_and_oit_are_their_indicators_means() -> None:
    """seed 000: IIT 99.51 (l.22) = mean of indicators 1-5 (l.31-65); OIT 96.00 (l.25) = mean
    of 92.00 (l.97) and 100 (l.125)."""
    a = seed("s000", 2568)
    iit = sum(a.indicators[str(i)] for i in range(1, 6)) / 5
    assert round(iit, 2) == a.tools["IIT"] == 99.51
    assert (a.indicators["9"] + a.indicators["10"]) / 2 == a.tools["OIT"] == 96.00


def test_seed_003_2563_total_not_reproducible_from_rounded_indicators() -> None:
    """seed 003 prints 92.65 (l.36); its rounded indicators (l.46-61) give 92.68 under 30/30/40:
    the rules file says so, and the label A follows from the printed total."""
    a = seed("s003", 2563)
    rules = rules_for(2563)
    assert rules is not None and "92.68" in rules.source and "UNCERTAIN" in rules.source
    assert compute(a, rules).overall == 92.68


@pytest.mark.parametrize("name,years,change,where", [
    ("s002", (2567, 2568), 8.44, "seed 002 line 218 (+๘.๔๔)"),
    ("s004", (2567, 2568), 3.04, "seed 004 line 186 (เพิ่มขึ้น ๓.๐๔)"),
])
def test_seed_total_changes(name: str, years: tuple[int, int], change: float,
                            where: str) -> None:
    before, after = (seed(name, fy) for fy in years)
    assert before.overall is not None and after.overall is not None
    assert round(after.overall - before.overall, 2) == change, where


@pytest.mark.parametrize("indicator,change,where", [
    ("6", 3.33, "seed 004 line 193"), ("7", 4.93, "seed 004 line 194"),
    ("8", 12.18, "seed 004 line 195"), ("9", 5.00, "seed 004 line 196"),
    ("1", 0.0, "seed 004 line 188"), ("10", 0.0, "seed 004 line 197"),
])
def test_seed_004_indicator_changes(indicator: str, change: float, where: str) -> None:
    before, after = seed("s004", 2567), seed("s004", 2568)
    assert round(after.indicators[indicator] - before.indicators[indicator], 2) == change, where


@pytest.mark.parametrize("fy,values,where", [
    (2564, [95.60, 91.91, 95.47, 92.85, 93.16, 82.13, 69.82, 76.97, 95.00, 100.00],
     "seed 001 lines 110-119, first column"),
    (2565, [94.88, 90.74, 94.11, 90.59, 92.16, 91.13, 93.67, 91.43, 100.00, 100.00],
     "seed 001 lines 110-119, second column"),
    (2566, [94.85, 84.11, 90.51, 83.07, 83.11, 96.77, 96.95, 95.62, 100.00, 100.00],
     "seed 001 lines 60-69 and 110-119, third column"),
])
def test_seed_001_multi_year_table_entered(fy: int, values: list[float], where: str) -> None:
    a = seed("s001", fy)
    assert [a.indicators[str(i)] for i in range(1, 11)] == values, where
