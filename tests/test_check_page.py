"""The reviewer's page site/<fy>/checklist/: the item × component matrix with status,
problems, completion and the estimate, checked by its HTML structure; and the
`site.checklist_public` option."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from generator.load.catalogue import load_year

from .conftest import build_into, page_html


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(page_html(path), "html.parser")


def text(el: Tag) -> str:
    return " ".join(el.get_text(" ").split())


@pytest.fixture(scope="module")
def page(example_site: Path) -> BeautifulSoup:
    return soup(example_site / "2568" / "checklist" / "index.html")


def test_matrix_has_every_item_and_component(page: BeautifulSoup) -> None:
    cat = load_year(2568)
    rows = page.select("table.pg-matrix tbody tr[data-item]")
    assert [(r["data-item"], r["data-component"]) for r in rows] == [
        (it.id, c.id) for it in cat.items for c in it.components]
    groups = [text(g) for g in page.select("table.pg-matrix tr.pg-matrix__group th")]
    assert groups[2] == "9.3 การจัดซื้อจัดจ้าง · คะแนนโดยประมาณ 90.00"
    assert len(groups) == len(cat.sub_indicators)
    # each item's cells span its component rows
    head = page.select_one("table.pg-matrix th#o13")
    assert head["rowspan"] == "5" and text(head.a) + " " + text(head.small) == \
        "o13 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2567"
    # with the catalogue's requirement, its points as a list
    points = [text(li) for li in head.select("details ul.pg-req > li")]
    assert points and all(points)
    assert head.a["href"] == "../../2568/oit/o13/"


def test_matrix_status_completion_estimate_and_problems(page: BeautifulSoup) -> None:
    cell = page.select_one('tr[data-item="o13"] td[data-cell="status"]')
    assert text(cell.select_one(".pg-status")) == "◐ ยังไม่ครบ"
    assert text(cell.select_one('[data-cell="completion"]')) == "ครบ 4/5 (80.0%)"
    assert text(cell.select_one('[data-cell="estimate"]')) == "คะแนนโดยประมาณ 80"
    problem = cell.select_one('a[data-cell="problem"]')
    assert text(problem) == "✘ ต้องแก้: องค์ประกอบยังไม่มีหลักฐาน"  # the kind's Thai title
    target = page.select_one(problem["href"])
    assert target["data-code"] == "component-unmet" and target["data-item"] == "o13"
    met = {r["data-component"]: r["data-met"]
           for r in page.select('table.pg-matrix tr[data-item="o13"]')}
    assert met == {"report": "yes", "budget": "yes", "summary": "yes", "problems": "no",
                   "fiscal_year": "yes"}
    unmet = page.select_one('tr[data-item="o13"][data-component="problems"] td')
    assert text(unmet) == "✘ ยังไม่มี ปัญหาและข้อเสนอแนะ ระบุปัญหา/อุปสรรค และข้อเสนอแนะ"
    done = page.select_one('tr[data-item="o1"] td[data-cell="status"]')
    assert text(done) == "✔ ครบถ้วน ครบ 3/3 (100.0%) คะแนนโดยประมาณ 100"
    flagged = {a.find_parent("tr")["data-item"]
               for a in page.select('table.pg-matrix a[data-cell="problem"]')}
    assert flagged == {"o13", "o14", "o19", "o20"}


def test_summary_and_estimate_are_labelled_estimates(page: BeautifulSoup) -> None:
    summary = text(page.select_one('[data-summary="completion"]'))
    assert summary.startswith("ครบ 93.3% ขององค์ประกอบ (98/105) · ปัญหาที่ต้องแก้ 4 รายการ")
    counts = [text(li) for li in page.select('[data-summary="items"] li')]
    assert counts == ["✔ ครบถ้วน 24 ข้อ", "◐ ยังไม่ครบ 4 ข้อ", "✘ ยังไม่มีข้อมูล 0 ข้อ",
                      "◷ ยังไม่ถึงกำหนด 0 ข้อ", "– ไม่เกี่ยวข้อง 0 ข้อ"]
    estimate = text(page.select_one('[data-summary="estimate"]'))
    assert estimate == ("คะแนน OIT โดยประมาณ: 93.67 · ตัวชี้วัดที่ 9: 87.33 · "
                        "ตัวชี้วัดที่ 10: 100.00")
    assert "ไม่ใช่คะแนนทางการ" in text(page.select_one(".pg-summary .pg-note"))
    table = page.select_one("table.pg-estimate")
    assert text(page.select_one('[data-note="estimate"]')).startswith(
        "คะแนนโดยประมาณ ไม่ใช่คะแนนทางการ")
    assert text(table.select_one('tr[data-score="oit"] td')) == "93.67"
    assert text(table.select_one('tr[data-indicator="9"] td')) == "87.33"
    assert text(table.select_one('tr[data-indicator="10"] td')) == "100.00"
    assert [text(td) for td in table.select("tr[data-sub-indicator] td:last-child")] == [
        "100.00", "100.00", "90.00", "66.67", "66.67", "100.00", "100.00"]
    # every heading that shows a score says it is an estimate
    for th in page.select("table.pg-matrix thead th, table.pg-fixes thead th"):
        if "คะแนน" in text(th):
            assert "โดยประมาณ" in text(th)


def test_best_next_fixes_ordered_by_gain(page: BeautifulSoup) -> None:
    rows = page.select("table.pg-fixes tbody tr")
    assert [r["data-item"] for r in rows] == ["o14", "o20", "o19", "o13"]
    assert [(text(r.select_one('[data-cell="gain"]')), text(r.select_one('[data-cell="after"]')))
            for r in rows] == [("+2.50", "96.17"), ("+2.50", "96.17"), ("+0.83", "94.50"),
                               ("+0.50", "94.17")]
    # components by their catalogue labels, problems by their kinds' Thai titles
    assert text(rows[0].select("td")[0]) == "แผนพัฒนาบุคลากร, รายละเอียดของแผน, แผนครอบคลุมปี 2568"
    assert text(rows[0].select_one('[data-cell="problems"]')) == "แผนไม่ครอบคลุมปีงบประมาณ"


def test_problems_table_in_thai_with_where_and_fix(page: BeautifulSoup) -> None:
    rows = page.select("table.pg-problems tbody tr")
    assert [(r["id"], r["data-code"], r["data-item"]) for r in rows] == [
        ("p-1", "component-unmet", "o13"), ("p-2", "period-not-covering", "o14"),
        ("p-3", "period-both-halves", "o19"), ("p-4", "evidence-out-of-year", "o20")]
    o14 = rows[1].select("td")
    assert text(o14[0]) == "✘ ต้องแก้"
    assert text(o14[2]).startswith("ข้อ o14 ต้องเป็นแผนที่มีผลบังคับใช้ตลอดปีงบประมาณ 2568")
    assert text(o14[2].select_one('[data-cell="where"]')) == \
        "content/2568/oit/o14.md:6 (evidence[0].period)"
    assert [c.get_text() for c in o14[3].select("code")] == ["period:", "period: 2566-2570"]


def test_downloads_exist(page: BeautifulSoup, example_site: Path) -> None:
    hrefs = [a["href"] for a in page.select(".pg-summary a")]
    files = [urljoin("https://h/2568/checklist/", h)[len("https://h/"):] for h in hrefs]
    assert files == ["2568/checklist.json", "2568/checklist.csv", "2568/itas-urls.csv"]
    assert all((example_site / f).is_file() for f in files)
    header = (example_site / "2568" / "checklist.csv").read_text("utf-8-sig").splitlines()[0]
    assert header == "ปีงบประมาณ,ข้อ,ชื่อข้อ,ตัวชี้วัดย่อย,สถานะของข้อ,องค์ประกอบ," \
                     "รายละเอียดองค์ประกอบ,มีหลักฐานแล้ว,ปัญหา,รหัสองค์ประกอบ,รหัสปัญหา"


def test_checklist_can_be_kept_private(mini_project: Path, tmp_path: Path) -> None:
    cfg = mini_project / "site_config.yml"
    cfg.write_text(cfg.read_text("utf-8").replace(
        "  as_of: 2598-12-15", "  as_of: 2598-12-15\n  checklist_public: false"), "utf-8")
    site = build_into(mini_project, tmp_path / "site").out
    year = site / "2599"
    assert not (year / "checklist").exists()
    assert not (year / "checklist.json").exists() and not (year / "checklist.csv").exists()
    assert (year / "itas-urls.csv").is_file()  # what the assessment system needs stays
    for html in site.rglob("*.html"):
        assert "checklist" not in html.read_text("utf-8"), html
    assert "checklist" not in (site / "sitemap.xml").read_text("utf-8")


def test_checklist_is_public_by_default(mini_project: Path, tmp_path: Path) -> None:
    cat = mini_project / "catalogue.yml"
    cat.write_text(cat.read_text("utf-8").replace(
        "indicators:\n", "scoring: {indicator: sub_indicator_mean, tool: item_mean}\n"
        "indicators:\n", 1), "utf-8")
    site = build_into(mini_project, tmp_path / "site").out
    page = soup(site / "2599" / "checklist" / "index.html")
    assert (site / "2599" / "checklist.json").is_file()
    year = soup(site / "2599" / "index.html")
    assert any(a["href"].endswith("checklist/") for a in year.select("article a"))
    # the page explains the catalogue's own scoring rule
    note = text(page.select_one('[data-note="estimate"]'))
    assert "ตัวชี้วัด = ค่าเฉลี่ยของตัวชี้วัดย่อย OIT = ค่าเฉลี่ยของทุกข้อ" in note
    assert text(page.select_one('table.pg-estimate tr[data-score="oit"] th')) == \
        "OIT (ตัวชี้วัดที่ 1 และ 2)"
