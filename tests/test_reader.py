"""The reader's view without a browser (issue 17): requirement lists, the line-break and
table-label steps on HTML, the period grid of monthly and half-year items, the status of
items decided from site_config.yml, new-year's comments and the search index's data."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from generator.commands.newyear import requirement_comment
from generator.engine.linebreak import mark_text, mark_words
from generator.engine.search import JOINER, SYNONYMS, ZWSP, index_words, thai_words
from generator.engine.tables import label_cells
from generator.load.catalogue import load_year
from generator.load.requirement import Point, requirement_points
from tests.conftest import page_html


def cut(run: str) -> str:
    return ZWSP.join(thai_words(run))


# --- requirement text ------------------------------------------------------------------------

def test_requirement_points_and_parts() -> None:
    text = ("- แสดงรายงานผล - มีข้อมูลอย่างน้อยประกอบด้วย (1) ผลการดำเนินการ (2) ปัญหา/อุปสรรค "
            "(3) ข้อเสนอแนะ - เป็นแผนปี พ.ศ. 2567 - 2569")
    assert requirement_points(text) == (
        Point("แสดงรายงานผล"),
        Point("มีข้อมูลอย่างน้อยประกอบด้วย", ("(1) ผลการดำเนินการ", "(2) ปัญหา/อุปสรรค",
                                            "(3) ข้อเสนอแนะ")),
        Point("เป็นแผนปี พ.ศ. 2567 - 2569"))  # a range is not a new point
    assert requirement_points("ข้อความเดียว ชื่อ-นามสกุล") == (Point("ข้อความเดียว ชื่อ-นามสกุล"),)
    assert requirement_points("- ก (๑) ข (๒) ค") == (Point("ก", ("(๑) ข", "(๒) ค")),)
    assert requirement_points("- ก (2) ข") == (Point("ก (2) ข"),)  # (2) without (1)
    assert requirement_points("  ") == ()


def test_every_catalogue_requirement_keeps_its_text() -> None:
    for fy in (2568, 2569):
        for item in load_year(fy).items:
            points = requirement_points(item.requirement)
            assert points, item.id
            kept = "".join(p.text + "".join(p.parts) for p in points).replace(" ", "")
            typed = re.sub(r"(?:^|(?<=\s))-\s+", "", item.requirement).replace(" ", "")
            assert kept == typed, (fy, item.id)


def test_new_year_comments_list_the_requirement() -> None:
    o8 = next(i for i in load_year(2569).items if i.id == "o8")
    lines = requirement_comment(o8.requirement)
    assert lines[0].startswith("#   - แสดงคู่มือ")
    assert [x for x in lines if x.startswith("#       (")] == [
        x for x in lines if re.match(r"#       \(\d\) ", x)]
    assert sum(1 for x in lines if x.startswith("#   - ")) == 3
    assert all(len(x) < 200 for x in lines)


# --- line breaking ---------------------------------------------------------------------------

def test_thai_runs_become_nobr_with_wbr_at_newmm_boundaries() -> None:
    out = mark_text("เรื่องร้องเรียนการทุจริต (PDF) ก", cut)
    assert out == "<nobr>" + "<wbr>".join(thai_words("เรื่องร้องเรียนการทุจริต")) + \
        "</nobr> (PDF) ก"
    assert re.sub(r"</?nobr>|<wbr>", "", out) == "เรื่องร้องเรียนการทุจริต (PDF) ก"
    assert mark_text("saraban@nongsaisaat.example", cut) == \
        "saraban@<wbr>nongsaisaat<wbr>.example"


def test_marking_leaves_markup_and_opaque_elements_alone() -> None:
    html = ('<head><title>ข้อมูลผู้บริหาร</title></head><body><p title="ข้อมูล">ข้อมูลผู้บริหาร'
            '</p><script>var a = "ข้อมูล"</script><svg><text>ตัวชี้วัด</text></svg>'
            '<!-- ข้อมูล --><pre>ข้อมูล</pre></body>')
    out = mark_words(html, cut)
    assert out.count("<nobr>") == 1
    assert '<p title="ข้อมูล"><nobr>' in out
    assert "<title>ข้อมูลผู้บริหาร</title>" in out and '"ข้อมูล"</script>' in out
    assert "<text>ตัวชี้วัด</text>" in out and "<pre>ข้อมูล</pre>" in out


def test_text_of_a_flex_box_stays_one_item() -> None:
    out = mark_words('<a class="md-tabs__link" href="#">ปีงบประมาณ 2568</a>'
                     '<span class="x">ปีงบประมาณ 2568</span>', cut)
    assert '<a class="md-tabs__link" href="#"><span><nobr>' in out
    assert '<span class="x"><nobr>' in out


# --- table labels ----------------------------------------------------------------------------

def test_every_body_cell_gets_its_column_label() -> None:
    html = ('<table><thead><tr><th>ข้อ</th><th colspan="2">คะแนน "ปี"</th><th>ผล</th></tr>'
            '</thead><tbody><tr><th rowspan="2">o1</th><td>1</td><td data-label="เดิม">2</td>'
            '<td>ok</td></tr><tr><td>3</td><td>4</td><td>5</td></tr></tbody></table>')
    soup = BeautifulSoup(label_cells(html), "html.parser")
    labels = [td.get("data-label") for td in soup.select("tbody td")]
    assert labels == ['คะแนน &quot;ปี&quot;'.replace("&quot;", '"'), "เดิม", "ผล",
                      'คะแนน "ปี"', 'คะแนน "ปี"', "ผล"]
    assert soup.select_one("tbody th").get("data-label") is None
    plain = "<table><tr><td>ก</td></tr></table>"
    assert label_cells(plain) == plain


# --- the example council's pages ---------------------------------------------------------------

def test_period_items_list_each_document_once(example_site: Path) -> None:
    """Monthly and half-year items (by the catalogue's rule, whatever their id): every
    evidence link once on the page, in the period grid, and no component says "✘ ยังไม่มี"
    above documents it lists."""
    checked = 0
    for item in load_year(2568).items:
        if item.period not in ("monthly", "both_halves", "first_half"):
            continue
        soup = BeautifulSoup(page_html(example_site / f"2568/oit/{item.id}/index.html"),
                             "html.parser")
        article = soup.select_one("article")
        grid = article.select_one("table.pg-grid")
        assert grid is not None, item.id
        # (the imported สขร.1 tables, procure's block, link their workbook per month)
        links = Counter(a["href"] for a in article.select("a[href*='files/']")
                        if not a.find_parent(class_="pg-procurement"))
        assert links and max(links.values()) == 1, (item.id, links.most_common(2))
        assert len(grid.select("tbody tr")) >= 2
        for li in article.select("ol.pg-components > li"):
            if li.select_one(".pg-met--no") is not None:
                assert not li.select("a[href*='files/']"), item.id
        checked += 1
    assert checked >= 3


def test_items_decided_from_site_config_show_their_status(example_site: Path) -> None:
    """2569 has no o2/o3 files: they are complete from site_config.yml, not "no data"
    beside 4/4 (issue 17)."""
    soup = BeautifulSoup(page_html(example_site / "2569/oit/index.html"), "html.parser")
    rows = {r.select_one("th.pg-id").get_text(strip=True): r
            for r in soup.select("table.pg-oit tbody tr")}
    for item in ("o2", "o3"):
        status = rows[item].select_one(".pg-status").get_text(" ", strip=True)
        count = rows[item].select("td")[2].get_text(strip=True)
        done, total = count.split("/")
        assert (status == "✔ ครบถ้วน") == (done == total), (item, status, count)


def test_requirement_is_a_list_on_item_pages(example_site: Path) -> None:
    o8 = next(i for i in load_year(2568).items if i.id == "o8")
    soup = BeautifulSoup(page_html(example_site / "2568/oit/o8/index.html"), "html.parser")
    box = soup.select_one("details.pg-requirement")
    points = requirement_points(o8.requirement)
    assert len(box.select("ul.pg-req > li")) == len(points)
    assert len(box.select("ul.pg-req__parts > li")) == sum(len(p.parts) for p in points) > 0


def test_search_index_carries_the_worker_data(example_site: Path) -> None:
    data = json.loads((example_site / "search/search_index.json").read_text("utf-8"))
    meta = data["config"]["prongsai"]
    assert meta == {"current_year": 2568, "synonyms": SYNONYMS}
    assert re.fullmatch(data["config"]["separator"], JOINER)
    assert index_words(ZWSP.join(["แผน", "การป้องกัน"])) == f"แผน{ZWSP}การ{JOINER}ป้องกัน"
    assert index_words("การ") == "การ"
