"""Tools, totals and bands computed without inventing a figure; the council's three groups;
changes between years. Figures: the seeds (file and line in each test)."""

from __future__ import annotations

import pytest

from generator.check.results import (
    COMPUTED,
    ENTERED,
    IMPROVE,
    NOT_ENTERED,
    STRENGTH,
    URGENT,
    change,
    format_change,
    groups,
    results,
)
from generator.load.assessment import Band, Tool

SPLIT = (Tool("IIT", "", 30, ("1", "2", "3", "4", "5")),
         Tool("EIT1", "", 15, ("6", "7", "8"), "EIT"),
         Tool("EIT2", "", 15, ("6", "7", "8"), "EIT"),
         Tool("OIT", "", 40, ("9", "10")))
BANDS = (Band("ผ่านดีเยี่ยม", 95, 95), Band("ผ่านดี", 85, 85), Band("ผ่าน", 85),
         Band("ไม่ผ่าน", 0, uncertain=True))


def ind(*values: float) -> dict[str, float]:
    return {str(i + 1): v for i, v in enumerate(values)}


SEED_000 = ind(99.78, 100, 98.89, 99.55, 99.33, 96.51, 96.35, 96.40, 92.00, 100)


def test_seed_000_entered_tools() -> None:
    """seed 000 l.15, l.22-25: 99.51, 95.95, 96.89, 96.00 -> 97.18 ผ่านดีเยี่ยม."""
    r = results(SPLIT, BANDS, {"IIT": 99.51, "EIT1": 95.95, "EIT2": 96.89, "OIT": 96.00},
                SEED_000)
    assert r.overall == 97.18 and r.band == "ผ่านดีเยี่ยม"
    assert all(t.source == ENTERED for t in r.tools)


def test_parts_not_entered_are_not_invented() -> None:
    """seed 000 prints EIT parts 95.95 and 96.89 (l.23-24): the indicators' mean 96.42 is
    neither, so parts not entered stay not entered; IIT and OIT are their means."""
    r = results(SPLIT, BANDS, {}, SEED_000)
    assert r.tool("EIT1").source == r.tool("EIT2").source == NOT_ENTERED
    assert r.tool("EIT1").value is None
    assert (r.tool("IIT").value, r.tool("IIT").source) == (99.51, COMPUTED)
    assert (r.tool("OIT").value, r.tool("OIT").source) == (96.00, COMPUTED)
    assert r.overall == 97.18  # the parts' mean is the indicators' mean
    # every EIT part >= 95 is possible but not known: both bands stay possible
    assert r.band is None and r.possible == ("ผ่านดีเยี่ยม", "ผ่านดี")


def test_seed_004_2568_excellent_decided_from_indicators() -> None:
    """seed 004 l.156-166 and l.186: 99.37 ผ่านดีเยี่ยม, EIT parts not published; their mean
    97.91 with each part at most 100 puts the lower part at 95.82 or more."""
    r = results(SPLIT, BANDS, {}, ind(100, 100, 100, 100, 100, 98.57, 97.19, 97.96, 100, 100))
    assert r.overall == 99.37 and r.band == "ผ่านดีเยี่ยม"


def test_seed_004_2567_good_is_possible_excellent_is_not() -> None:
    """seed 004 l.172-184: 96.33 ผ่านดี. EIT indicators' mean 91.09 < 95, so some part is
    below 95 (not ผ่านดีเยี่ยม); a part could be as low as 82.18, so ผ่าน is possible too."""
    r = results(SPLIT, BANDS, {}, ind(100, 100, 100, 100, 100, 95.24, 92.26, 85.78, 95, 100))
    assert r.overall == 96.33 and r.band is None and r.possible == ("ผ่านดี", "ผ่าน")


def test_eit_below_85_is_pass_not_good() -> None:
    """mgronline.com/uptodate/detail/9680000079675: 94.64 rated ผ่าน because EIT < 85."""
    r = results(SPLIT, BANDS, {"IIT": 99.0, "EIT1": 84.0, "EIT2": 90.0, "OIT": 99.0}, {})
    assert r.band == "ผ่าน"


def test_seed_002_98_80_good_is_possible_without_tools() -> None:
    """seed 002 l.109: 98.80 ผ่านดี; no tool figures printed, so nothing is computed."""
    r = results(SPLIT, BANDS, {}, {})
    assert r.overall is None and r.band is None


@pytest.mark.parametrize("value,group,where", [
    (85.78, URGENT, "seed 004 l.184: indicator 8, 'เร่งแก้ไขอย่างเร่งด่วน'"),
    (92.26, IMPROVE, "seed 004 l.184: indicator 7"),
    (95.24, IMPROVE, "seed 004 l.184: indicator 6"),
    (95.00, IMPROVE, "seed 004 l.184: indicator 9"),
    (100.0, STRENGTH, "seed 004 l.188-192: unchanged at 100"),
])
def test_default_groups_reproduce_seed_004(value: float, group: str, where: str) -> None:
    assert groups({"x": value})[group] == ("x",), where


def test_seed_001_practice_as_council_thresholds() -> None:
    """seed 001 l.75: strengths are indicators above 90 (7 of them); l.210: below 85 needs
    development (2, 4, 5)."""
    g = groups(ind(94.85, 84.11, 90.51, 83.07, 83.11, 96.77, 96.95, 95.62, 100, 100),
               urgent_below=85, strength_from=90.01)
    assert len(g[STRENGTH]) == 7 and g[URGENT] == ("2", "4", "5") and g[IMPROVE] == ()


@pytest.mark.parametrize("before,after,text,where", [
    (95.24, 98.57, "+3.33", "seed 004 l.193"), (92.26, 97.19, "+4.93", "seed 004 l.194"),
    (85.78, 97.96, "+12.18", "seed 004 l.195"), (95.00, 100.0, "+5.00", "seed 004 l.196"),
    (100.0, 100.0, "0.00", "seed 004 l.188"), (96.33, 99.37, "+3.04", "seed 004 l.186"),
    (90.36, 98.80, "+8.44", "seed 002 l.218"), (95.37, 95.07, "−0.30", "seed 001 l.120"),
])
def test_changes_between_years(before: float, after: float, text: str, where: str) -> None:
    assert format_change(change(before, after)) == text, where


def test_council_thresholds_are_site_config_data(mini_project) -> None:  # type: ignore[no-untyped-def]
    """The three groups' thresholds are the council's (docs/site-config.md, `analysis:`)."""
    from generator.check import results as res
    from generator.load.config import load_config
    from generator.load.documents import STRENGTH_FROM as DEFAULT_STRENGTH_FROM
    from generator.load.documents import URGENT_BELOW as DEFAULT_URGENT_BELOW

    assert (DEFAULT_URGENT_BELOW, DEFAULT_STRENGTH_FROM) == (res.DEFAULT_URGENT_BELOW,
                                                             res.DEFAULT_STRENGTH_FROM)
    cfg_file = mini_project / "site_config.yml"
    base = cfg_file.read_text("utf-8")
    cfg_file.write_text(base + "analysis:\n  urgent_below: 85\n  strength_from: 90.01\n", "utf-8")
    cfg, problems = load_config(mini_project)
    assert (cfg.analysis.urgent_below, cfg.analysis.strength_from) == (85, 90.01)
    assert problems == []
    cfg_file.write_text(base + "analysis:\n  urgent_below: 120\n", "utf-8")
    cfg, problems = load_config(mini_project)
    assert [(p.code, p.path, p.value) for p in problems] == [
        ("field-value", "analysis.urgent_below", "120.0")]
    assert cfg.analysis.urgent_below == DEFAULT_URGENT_BELOW
