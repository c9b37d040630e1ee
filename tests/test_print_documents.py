"""o27 and o28 printed as the council files them: Debian's chromium prints the example
council's pages (`--print-to-pdf`, as "Save as PDF" does) and the PDF is read back with
poppler's pdftotext and pdfminer.six. Checked: A4, portrait except the pages of the wide
tables, the page count, every block of the memo and its attachment in the printed text,
the council's name in the body, page numbers, no page ending on a heading, no text under
11 pt; and, with `thai_digits: true`, Thai digits throughout, page numbers included.
What was measured goes to bench/results/documents_print.json."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.load.project import load_project
from generator.load.schema import APPROVAL_WORDING

from .conftest import REPO, build_into
from .pdfdoc import PdfPage, in_cell, print_to_pdf, read_pdf, squash

pytestmark = pytest.mark.browser
RESULTS = REPO / "bench" / "results" / "documents_print.json"
# the header rows that every page of a wide (landscape) table repeats
WIDE_HEADS = ("ขั้นตอน/วิธีการปฏิบัติ", "รอบรายงาน", "แนวทางในการยกระดับการประเมิน",
              "องค์ประกอบด้านข้อมูล")
PAGES = {"o27": range(8, 15), "o28": range(15, 25)}  # 11 and 21 pages when written


@pytest.fixture(scope="module", autouse=True)
def _pdftotext() -> None:
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("poppler-utils is not installed (.ci/run installs it)")
        pytest.skip("pdftotext not installed (apt-get install poppler-utils)")


@pytest.fixture(scope="module")
def printed(example_server, tmp_path_factory) -> dict[str, list[PdfPage]]:  # type: ignore
    out = tmp_path_factory.mktemp("pdf")
    return {item: read_pdf(print_to_pdf(f"{example_server.url}{YEAR[item]}/oit/{item}/",
                                         out / f"{item}.pdf"))
            for item in ("o27", "o28")}


# o27 of 2568 analyses the 2567 results and adopts 2568's measures; the report of those
# measures' progress (the memo of 29 Sep 2568) is read by the next assessment: o28 of 2569
# (the year rules of docs/catalogue-format.md, seed 000 l.133)
YEAR = {"o27": 2568, "o28": 2569}


def headings(site: Path, item: str) -> list[str]:
    """Every heading of the printed document, as the page shows it."""
    s = BeautifulSoup((site / str(YEAR[item]) / "oit" / item / "index.html").read_text("utf-8"),
                      "html.parser")
    doc = s.select_one("article.pg-document")
    return [squash(h.get_text(" ")) for h in doc.select(
        "h3, h4, .pg-memo__title, .pg-opinion__heading, tr.pg-group th")]


def body(pages: list[PdfPage]) -> str:
    return squash("".join(p.text for p in pages))


def test_a4_portrait_with_landscape_pages_only_for_wide_tables(printed) -> None:  # type: ignore
    record = {}
    for item, pages in printed.items():
        assert len(pages) in PAGES[item], (item, len(pages))
        assert all(p.is_a4 for p in pages), [(p.number, p.width, p.height) for p in pages]
        assert not pages[0].landscape and not pages[-1].landscape
        wide = [p for p in pages if p.landscape]
        assert wide and len(wide) < len(pages)
        for p in wide:  # a landscape page holds a wide table, its header repeated
            assert any(squash(h) in squash(p.text) for h in WIDE_HEADS), (item, p.number)
        record[item] = {"pages": len(pages), "landscape": [p.number for p in wide],
                        "min_text_pt": round(min(p.min_size for p in pages), 2)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")


def test_no_text_under_11pt_and_body_in_16pt(printed) -> None:  # type: ignore
    for item, pages in printed.items():
        small = [(p.number, round(p.min_size, 2)) for p in pages if p.min_size < 10.99]
        assert not small, (item, small)
        # the memo's running text is 16 pt (pdfminer's size is the font size on the page)
        assert abs(pages[0].median_size - 16) < 0.1, (item, pages[0].median_size)


def test_every_block_is_printed(printed) -> None:  # type: ignore
    project = load_project(REPO)
    cfg, measures = project.config, project.years[2568].measures
    assert measures is not None
    people = [s.name for s in cfg.documents.signatures or ()] + [
        cfg.documents.approval.name if cfg.documents.approval else ""]
    common = ["บันทึกข้อความ", "ส่วนราชการสำนักปลัด" + cfg.council.name_th, "ที่ชร73599/",
              "วันที่", "เรื่อง", "เรียน" + cfg.council.name_th.replace("องค์การ", "นายกองค์การ"),
              "1.เรื่องเดิม", "2.ข้อเท็จจริง", "3.ระเบียบกฎหมายที่เกี่ยวข้อง",
              "4.ข้อเสนอเพื่อพิจารณา", "จึงเรียนมาเพื่อโปรดพิจารณา",
              "ความเห็นของปลัด", "ความเห็นของนายก", squash(APPROVAL_WORDING)]
    common += [f"({squash(name)})" for name in people if name]
    expected = {
        "o27": common + [
            "ที่ชร73599/2871", "วันที่5พฤศจิกายน2567", "2.การวิเคราะห์ผลการประเมินรายตัวชี้วัด",
            "ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน",
            "ประเด็นที่ต้องพัฒนาให้ดีขึ้น", "จุดแข็งที่ต้องรักษามาตรฐาน",
            "ต้องแก้ไขโดยเร่งด่วน", "ต้องพัฒนาให้ดีขึ้น", "จุดแข็ง",
            "มาตรการ/โครงการ/กิจกรรม", "การติดตามผล", "ข้อจำกัดของหน่วยงาน",
            "จากการประชุมผู้บริหาร", "คำสั่งองค์การบริหารส่วนตำบลหนองใสสะอาด", "ที่245/2567",
            "ทราบ"],
        "o28": common + [
            "ที่ชร73599/2415", "วันที่29กันยายน2568", "ตามบันทึกข้อความสำนักปลัดที่ชร73599/2871",
            "(เดือนตุลาคม2567ถึงเดือนกันยายน2568)", "รอบ6เดือน", "รอบ12เดือน",
            "ผลการดำเนินการ(output)", "ผลลัพธ์(outcome)",
            "ประเด็นการประเมินIITและEIT", "ประเด็นการประเมินOIT",
            "สรุปผลสัมฤทธิ์", "ลดลง4.50คะแนน", "เพิ่มขึ้น8.50คะแนน"]
        + [squash(f"ตัวชี้วัดย่อยที่ {s.id} {s.title}")
           for s in project.years[2569].catalogue.sub_indicators],
    }
    # what is printed inside table cells: every measure, indicators 1–8, every OIT item
    cells = {"o27": [m.title for m in measures.measures],
             "o28": [m.title for m in measures.measures]
             + [f"ตัวชี้วัดที่ {i}" for i in range(1, 9)]
             + [it.title for it in project.years[2569].catalogue.items]}
    for item, pages in printed.items():
        text = body(pages)
        missing = [s for s in expected[item] if s not in text]
        missing += [c for c in cells[item] if not any(in_cell(p, c) for p in pages)]
        assert not missing, (item, missing)


def test_council_named_in_the_body_and_pages_numbered(printed) -> None:  # type: ignore
    name = squash(load_project(REPO).config.council.name_th)
    for item, pages in printed.items():
        text = body(pages)
        background = text[text.index("1.เรื่องเดิม"):text.index("2.ข้อเท็จจริง")]
        assert name in background, item
        assert top_margin(pages[0]) == ""  # no number on the first page
        for p in pages[1:]:
            assert top_margin(p) == f"-{p.number}-", (item, p.number, top_margin(p))


def top_margin(page: PdfPage) -> str:
    """What is printed above the text area (the page number)."""
    return "".join(squash(w.text) for w in page.words if w.y < 45)


def test_no_page_ends_on_a_heading(printed, example_site) -> None:  # type: ignore
    for item, pages in printed.items():
        heads = [h for h in headings(example_site, item) if h]
        assert len(heads) > 10
        for p in pages[:-1]:
            text, last = squash(p.text), squash(p.lines[-1])
            stranded = [h for h in heads if text.endswith(h) or (
                len(last) >= 6 and h.startswith(last))]
            assert not stranded, (item, p.number, stranded)


def test_thai_digits_everywhere_in_print(tmp_path: Path) -> None:
    project = tmp_path / "council"
    project.mkdir()
    shutil.copytree(REPO / "content", project / "content")
    cfg = (REPO / "site_config.yml").read_text("utf-8")
    (project / "site_config.yml").write_text(
        cfg.replace("thai_digits: false", "thai_digits: true"), "utf-8")
    site = build_into(project, tmp_path / "site").out
    for item in ("o27", "o28"):
        pages = read_pdf(print_to_pdf((site / "2568" / "oit" / item / "index.html").as_uri(),
                                      tmp_path / f"{item}.pdf"))
        assert top_margin(pages[1]) == "-๒-"
        arabic = [(p.number, line) for p in pages for line in p.lines
                  if any(c.isascii() and c.isdigit() for c in line) and "://" not in line]
        assert not arabic, (item, arabic[:5])
