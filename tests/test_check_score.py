"""The estimated OIT score, worked out by hand on the 9-item rules project (tests/test_rules.py).

Items o1–o7 make indicator 9 (sub-indicators 9.1: o1 o2; 9.2: o3–o7), o8–o9 indicator 10
(10.1). Three items are broken: o4 0/2 components, o5 1/2, o8 1/2, so the item scores are
    o1 100, o2 100, o3 100, o4 0, o5 50, o6 100, o7 100, o8 50, o9 100.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.score import estimate

from .test_rules import RulesProject, make_project


@pytest.fixture()
def broken(tmp_path: Path) -> RulesProject:
    p = make_project(tmp_path)
    p.edit("content/2568/oit/o4.md", "period: 2566-2570", "period: 2564-2567")
    p.edit("content/2568/oit/o5.md", "2567-10 ถึง 2568-03", "2567-10 ถึง 2568-01")
    p.edit("content/2568/oit/o8.md", "components: [manual, channel]", "components: [manual]")
    return p


def test_estimate_by_hand(broken: RulesProject) -> None:
    est = estimate(broken.check())
    assert est.items == {"o1": 100, "o2": 100, "o3": 100, "o4": 0, "o5": 50, "o6": 100,
                         "o7": 100, "o8": 50, "o9": 100}
    assert est.sub_indicators == pytest.approx({
        "9.1": 100,
        "9.2": (100 + 0 + 50 + 100 + 100) / 5,  # 70
        "10.1": (50 + 100) / 2,  # 75
    })
    ind9 = (100 + 100 + 100 + 0 + 50 + 100 + 100) / 7  # item_mean: 78.571…
    assert est.indicators == pytest.approx({"9": ind9, "10": 75})
    assert est.tool == pytest.approx((ind9 + 75) / 2)  # indicator_mean: 76.786
    data = est.as_dict()
    assert (data["oit"], data["indicators"], data["sub_indicators"]) == (
        76.79, {"9": 78.57, "10": 75.0}, {"9.1": 100.0, "9.2": 70.0, "10.1": 75.0})
    assert data["items"]["o4"] == 0 and data["items"]["o5"] == 50


def test_best_next_fixes_by_hand(broken: RulesProject) -> None:
    est = estimate(broken.check())
    # o8 complete: indicator 10 becomes 100, OIT (550/7 + 100) / 2; gain 12.5
    # o4 complete: indicator 9 gains 100/7, OIT gains 50/7 = 7.14
    # o5 complete: indicator 9 gains 50/7, OIT gains 25/7 = 3.57
    assert [(f.item, f.components, f.codes) for f in est.fixes] == [
        ("o8", ("channel",), ("component-unmet",)),
        ("o4", ("plan", "fiscal_year"), ("period-not-covering",)),
        ("o5", ("first_half",), ("period-first-half",)),
    ]
    assert [f.gain for f in est.fixes] == pytest.approx([12.5, 50 / 7, 25 / 7])
    assert [f.oit_after for f in est.fixes] == pytest.approx(
        [(550 / 7 + 100) / 2, (650 / 7 + 75) / 2, (600 / 7 + 75) / 2])
    assert est.as_dict()["best_fixes"][0] == {
        "item": "o8", "title": "คู่มือ", "components": ["channel"], "gain": 12.5,
        "oit_after": 89.29, "problems": ["component-unmet"]}


def test_sub_indicator_mean_and_item_mean_rules(broken: RulesProject) -> None:
    broken.edit("rules.yml", "indicators:\n", "scoring:\n  indicator: sub_indicator_mean\n"
                "indicators:\n")
    est = estimate(broken.check())
    assert est.indicators == pytest.approx({"9": (100 + 70) / 2, "10": 75})
    assert est.tool == pytest.approx((85 + 75) / 2)
    broken.edit("rules.yml", "  indicator: sub_indicator_mean\n", "  tool: item_mean\n")
    est = estimate(broken.check())
    assert est.tool == pytest.approx((100 * 6 + 0 + 50 + 50) / 9)
    assert est.rule == {"item": "component_share", "sub_indicator": "item_mean",
                        "indicator": "item_mean", "tool": "item_mean"}


def test_not_applicable_items_are_left_out(broken: RulesProject) -> None:
    broken.item("o5", "---\nnot_applicable: ไม่มีงานบริการที่ต้องทำสถิติ\n---\n")
    est = estimate(broken.check())
    assert est.items["o5"] is None
    assert est.sub_indicators["9.2"] == pytest.approx((100 + 0 + 100 + 100) / 4)
    assert est.indicators["9"] == pytest.approx(500 / 6)
    assert [f.item for f in est.fixes] == ["o8", "o4"]


def test_a_missing_item_counts_what_is_met_without_its_file(broken: RulesProject) -> None:
    (broken.root / "content/2568/oit/o9.md").unlink()
    est = estimate(broken.check())
    # o9's measures and EIT link come from measures.yml and site_config.yml: 2 of 3
    assert est.items["o9"] == pytest.approx(200 / 3)
    assert est.indicators["10"] == pytest.approx((50 + 200 / 3) / 2)


def test_complete_project_has_no_fixes(tmp_path: Path) -> None:
    est = estimate(make_project(tmp_path).check())
    assert est.tool == 100 and est.fixes == ()


def test_the_estimate_says_it_is_one() -> None:
    from generator.check.score import NOTE, NOTE_TH

    assert "estimate" in NOTE and "not the official" in NOTE
    assert "โดยประมาณ" in NOTE_TH and "ไม่ใช่คะแนนทางการ" in NOTE_TH
