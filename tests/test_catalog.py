from pathlib import Path

import pytest

from generator.base.problems import InputError
from generator.load.catalogue import (
    AUTO_RULES,
    Catalogue,
    available_years,
    load_catalogue,
    load_year,
)

from .conftest import MINI


def test_2568_catalogue_matches_the_seeds() -> None:
    cat = load_year(2568)
    assert [i.id for i in cat.items] == [f"o{n}" for n in range(1, 29)]
    assert [s.id for s in cat.sub_indicators] == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1",
                                                   "10.2"]
    groups = {s.id: [i.id for i in cat.items_of(s.id)] for s in cat.sub_indicators}
    assert groups["9.3"] == ["o12", "o13"]
    assert groups["10.2"] == ["o25", "o26", "o27", "o28"]
    # o2: the top executive and the holders of management positions (seed 002 l.143)
    assert {c.auto for c in cat.item("o2").components} == {
        "executives_management", "executives_name", "executives_position", "executives_photo",
        "executives_contact"}
    assert {c.auto for c in cat.item("o3").components} == {"address", "phone", "fax", "email",
                                                             "map"}
    periods = {i.id: i.period for i in cat.items}
    assert periods["o11"] == "first_half" and periods["o12"] == "monthly"
    assert periods["o19"] == periods["o22"] == "both_halves"
    assert periods["o5"] == periods["o14"] == periods["o25"] == "covers_year"
    for item in cat.items:
        assert item.components, item.id
        has_period = any(c.auto == "period" for c in item.components)
        # o27 prints its year inside its first bullet: no component of its own (seed 002 l.201)
        assert has_period == (item.period != "none" and item.id != "o27"), item.id


def test_2568_reads_and_per_component_rules() -> None:
    """Catalogue data, not the day of the check: reports read 2567 (seed 000 l.105-133),
    o16's code of ethics has no year rule (seed 002 l.172), o27's components as printed
    (seed 002 l.201), year-end documents have a grace (seed 002 l.11, seed 004 l.8)."""
    cat = load_year(2568)
    previous = [i.id for i in cat.items if i.reads == "previous"]
    assert previous == ["o7", "o13", "o15", "o19", "o22", "o24", "o26", "o28"]
    o16 = cat.item("o16")
    assert o16 is not None and o16.rule_of(o16.component("code")) == ("none", "assessed")
    assert o16.rule_of(o16.component("training")) == ("in_year", "assessed")
    o27 = cat.item("o27")
    assert o27 is not None
    assert [c.id for c in o27.components] == ["analysis", "weaknesses", "improvements",
                                              "measures"]
    assert cat.grace_days == 60
    assert {c.id for i in cat.items for c in i.components if c.uncertain} == {
        "duties", "progress", "culture"}


# Titles and years of the 2568 catalogue as seed 000 (the 2568 results) prints them; where
# the public headings differ in wording (o12 รายการ, o19, o20, o23) the public title is used.
SEED_000_2568 = {  # item: (words of the title, seed 000 line)
    "o1": ("โครงสร้างและอำนาจหน้าที่", 101),
    "o6": ("แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี พ.ศ. 2568", 105),
    "o7": ("รายงานผลการดำเนินงานประจำปี พ.ศ. 2567", 105),
    "o9": ("คู่มือหรือแนวทางการขอรับบริการ", 105),
    "o12": ("และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ประจำปี พ.ศ. 2568", 111),
    "o13": ("การจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2567", 109),
    "o15": ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี พ.ศ. 2567", 115),
    "o21": ("ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy", 129),
    "o23": ("ประจำปี พ.ศ. 2568", 129),
    "o24": ("ประพฤติมิชอบประจำปี พ.ศ. 2567", 129),
    "o26": ("รายงานผลการดำเนินการป้องกันการทุจริตประจำปี พ.ศ. 2567", 133),
    "o28": ("ภายในหน่วยงาน ประจำปี พ.ศ. 2567", 133),
}


@pytest.mark.parametrize("item_id", sorted(SEED_000_2568))
def test_2568_titles_and_years_follow_seed_000(item_id: str) -> None:
    words, line = SEED_000_2568[item_id]
    item = load_year(2568).item(item_id)
    assert item is not None and words in item.title, f"seed 000 line {line}"


PLANS_AND_IN_YEAR = ("o4", "o5", "o6", "o14", "o20", "o21", "o23", "o25")


def _requirements_name(cat: Catalogue, ids: tuple[str, ...], year: int, other: int) -> None:
    """Each item's requirement names `year` and not `other` (the year the other rule reads)."""
    for iid in ids:
        item = cat.item(iid)
        assert item is not None and str(year) in item.requirement, iid
        assert str(other) not in item.requirement, iid


def test_2568_annual_reports_read_2567_and_plans_2568() -> None:
    """seed 000 l.105-133; rtrdasmartrailway/web-app-rtrda ita-headings-override.test.ts."""
    cat = load_year(2568)
    _requirements_name(cat, ("o7", "o13", "o15", "o19", "o24", "o26", "o28"), 2567, 2568)
    _requirements_name(cat, PLANS_AND_IN_YEAR, 2568, 2567)


def test_2569_is_seed_002s_table_with_years_restated() -> None:
    """seed 002 l.138-202 (items, components); years by the rule of docs/catalogue-format.md."""
    cat = load_year(2569)
    assert cat.status == "provisional"
    o13 = cat.item("o13")
    assert o13 is not None and o13.title == "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"
    _requirements_name(cat, ("o7", "o12", "o15", "o19", "o22", "o24", "o26", "o28"), 2568, 2569)
    _requirements_name(cat, PLANS_AND_IN_YEAR, 2569, 2568)
    assert "seed 002" in cat.source and cat.note


def test_shipped_catalogues_all_load() -> None:
    assert 2568 in available_years()
    for fy in available_years():
        cat = load_year(fy)
        assert cat.fiscal_year == fy
        # domain rule: every catalogue text cites where it comes from; a provisional one
        # also says on the site why it is provisional
        assert cat.source.strip() and cat.title.strip(), fy
        assert cat.status in ("official", "provisional"), fy
        assert cat.status == "official" or cat.note.strip(), fy


DOCS = Path(__file__).parent.parent / "docs" / "catalogue-format.md"


def _shipped_table() -> list[tuple[int, bool, bool, str]]:
    """docs/catalogue-format.md's table of shipped catalogues: (year, shipped, and earlier,
    status)."""
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("<!-- shipped catalogues")
    table = text[start:text.index("<!-- /shipped catalogues -->", start)]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0][:4].isdigit():
            continue
        rows.append((int(cells[0][:4]), cells[1] == "yes", "earlier" in cells[0], cells[2]))
    return rows


def test_docs_list_the_shipped_catalogues() -> None:
    """The years docs/catalogue-format.md says are shipped (and with which status) are the
    files in generator/catalogues/; the years it says were searched and not shipped (2567,
    2566 and earlier) have none: shipping one is a decision that needs its sources written
    there (and archive-year tests moved to a year still without one)."""
    rows = _shipped_table()
    shipped = available_years()
    assert sorted(fy for fy, yes, _, _ in rows if yes) == shipped
    for fy, yes, earlier, status in rows:
        if yes:
            assert load_year(fy).status == status, fy
        elif earlier:
            assert not [y for y in shipped if y <= fy], fy
        else:
            assert fy not in shipped, fy


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
