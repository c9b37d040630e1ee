from pathlib import Path

import pytest

from generator.base.problems import InputError
from generator.load.catalogue import AUTO_RULES, available_years, load_catalogue, load_year

from .conftest import MINI


def test_2568_catalogue_matches_the_seeds() -> None:
    cat = load_year(2568)
    assert [i.id for i in cat.items] == [f"o{n}" for n in range(1, 29)]
    assert [s.id for s in cat.sub_indicators] == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1",
                                                   "10.2"]
    groups = {s.id: [i.id for i in cat.items_of(s.id)] for s in cat.sub_indicators}
    assert groups["9.3"] == ["o12", "o13"]
    assert groups["10.2"] == ["o25", "o26", "o27", "o28"]
    assert cat.item("o21").title.startswith("ประกาศเจตนารมณ์")
    assert {c.auto for c in cat.item("o2").components} == {
        "executives_name", "executives_position", "executives_photo", "executives_contact"}
    assert {c.auto for c in cat.item("o3").components} == {"address", "phone", "fax", "email",
                                                             "map"}
    periods = {i.id: i.period for i in cat.items}
    assert periods["o11"] == "first_half" and periods["o13"] == "monthly"
    assert periods["o19"] == periods["o22"] == "both_halves"
    assert periods["o5"] == periods["o14"] == periods["o25"] == "covers_year"
    for item in cat.items:
        assert item.components, item.id
        has_period = any(c.auto == "period" for c in item.components)
        assert has_period == (item.period != "none"), item.id


def test_shipped_catalogues_all_load() -> None:
    assert 2568 in available_years()
    for fy in available_years():
        assert load_year(fy).fiscal_year == fy


def test_three_item_catalogue() -> None:
    cat = load_catalogue(MINI / "catalogue.yml")
    assert [i.id for i in cat.items] == ["o3", "o7", "o12"]
    assert cat.status == "provisional"


def test_invalid_catalogue_reports_every_problem(tmp_path: Path) -> None:
    p = tmp_path / "bad.yml"
    p.write_text(
        "format: 1\nfiscal_year: 2599\ntitle: x\n"
        "indicators: [{id: '1', title: a}]\n"
        "sub_indicators: [{id: '1.1', indicator: '9', title: b}]\n"
        "items:\n"
        "  - {id: o1, sub_indicator: '1.1', title: t, period: weekly,\n"
        "     components: [{id: A, title: c}, {id: b, title: d, auto: magic}]}\n"
        "  - {id: o1, sub_indicator: '1.1', title: t, components: [{id: a, title: c}]}\n",
        "utf-8")
    with pytest.raises(InputError) as exc:
        load_catalogue(p)
    rows = sorted((e.code, e.path or "") for e in exc.value.problems)
    assert rows == [
        ("catalogue-invalid", ""),
        ("field-value", "items[0].components[0].id"),
        ("field-value", "items[0].components[1].auto"),
        ("field-value", "items[0].period"),
        ("field-value", "sub_indicators[0].indicator"),
    ]


def test_auto_rules_are_documented() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "catalogue-format.md").read_text("utf-8")
    for rule in AUTO_RULES:
        assert f"`{rule}`" in doc, rule
