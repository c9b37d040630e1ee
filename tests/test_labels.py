"""Thai component names (issue 17 item 4): a short label per catalogue component, shown to
readers instead of the id; the id only where an officer types it, beside the Thai name."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.base.kinds import KINDS
from generator.base.problems import InputError
from generator.check.year import check_year
from generator.commands.editor.forms import evidence_fields
from generator.commands.newyear import new_year
from generator.load.catalogue import (
    LABEL_LIMIT,
    available_years,
    load_catalogue,
    load_year,
    short_label,
)
from generator.load.project import load_project
from generator.render.reports import check_text, item_text

from .conftest import MINI, REPO, TODAY, page_html

COMPONENTS = [c for fy in available_years() for it in load_year(fy).items
              for c in it.components]


def _words(codes: set[str], text: str) -> list[str]:
    """The ids in `codes` written as words in `text` (an id inside a longer word is not one)."""
    return [c for c in codes if re.search(rf"(?<![A-Za-z0-9_]){re.escape(c)}(?![A-Za-z0-9_])",
                                          text)]


# ids that are also words of the catalogue's own Thai text ("QR code") do not count
CODES = {c.id for c in COMPONENTS} - {w for c in COMPONENTS
                                      for w in _words({x.id for x in COMPONENTS}, c.title)}


def _code_in(text: str) -> list[str]:
    return _words(CODES, text)


# --- the catalogue --------------------------------------------------------------------------

@pytest.mark.parametrize("fy", available_years())
def test_every_shipped_component_has_a_short_unique_thai_label(fy: int) -> None:
    cat = load_year(fy)
    for it in cat.items:
        labels = [c.label for c in it.components]
        assert all(labels), (fy, it.id)
        assert len(set(labels)) == len(labels), (fy, it.id, labels)
        for c in it.components:
            assert len(c.label) <= LABEL_LIMIT and c.name == c.label
            assert re.search("[\u0e00-\u0e7f]", c.label), (it.id, c.id)  # Thai words
            assert c.id not in _code_in(c.label)


def test_a_catalogue_without_labels_names_components_by_their_shortened_title() -> None:
    cat = load_catalogue(MINI / "catalogue.yml")
    names = {(it.id, c.id): c.name for it in cat.items for c in it.components}
    assert names[("o7", "plan")] == "แผน" and names[("o12", "monthly")] == "ทุกเดือน"
    assert all(c.label == "" for it in cat.items for c in it.components)
    assert not any(c.name == c.id for it in cat.items for c in it.components)


def test_short_label_drops_the_leading_verb_and_the_examples_and_cuts_between_words() -> None:
    assert short_label("แสดงตำแหน่งสำคัญและการแบ่งส่วนงานภายใน เช่น สำนัก กอง ส่วน กลุ่ม") == \
        "ตำแหน่งสำคัญและการแบ่งส่วนงาน…"  # 30 characters at most, cut between words
    assert short_label("ระบุงบประมาณที่ใช้") == "งบประมาณที่ใช้"
    assert short_label("มีรายละเอียดผลการจัดซื้อจัดจ้าง (งานที่ซื้อหรือจ้าง วงเงิน)") == \
        "รายละเอียดผลการจัดซื้อจัดจ้าง"
    long = short_label("แสดงแผนผังแสดงโครงสร้างการแบ่งส่วนราชการของหน่วยงาน")
    assert long.endswith("…") and len(long) <= 30
    # cut between newmm words: what is kept is a run of whole words of the title
    assert "แผนผังแสดงโครงสร้างการแบ่งส่วนราชการของหน่วยงาน".startswith(long[:-1])
    assert long == "แผนผังแสดงโครงสร้าง…"
    assert short_label("แสดง") == "แสดง"  # nothing left to shorten to: the title as it is


def _catalogue_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (MINI / "catalogue.yml").read_text("utf-8")
    assert old in text
    path = tmp_path / "catalogue.yml"
    path.write_text(text.replace(old, new), "utf-8")
    return path


@pytest.mark.parametrize(("label", "reason"), [
    ('""', "ว่างอยู่"),
    ("ก" * (LABEL_LIMIT + 1), f"ยาว {LABEL_LIMIT + 1} ตัวอักษร เกิน {LABEL_LIMIT} ตัวอักษร"),
])
def test_an_empty_or_too_long_label_is_a_located_thai_error(tmp_path: Path, label: str,
                                                            reason: str) -> None:
    path = _catalogue_with(tmp_path, "{id: plan, title: มีแผน}",
                           f"{{id: plan, title: มีแผน, label: {label}}}")
    with pytest.raises(InputError) as e:
        load_catalogue(path, shown="catalogue.yml")
    (p,) = e.value.problems
    assert p.code == "catalogue-label" and p.severity == "error" and p.component == "plan"
    assert p.file == "catalogue.yml" and p.line == 30
    assert p.message_th == f"`label:` ขององค์ประกอบ `plan` {reason}"
    assert "ไม่เกิน 40 ตัวอักษร" in p.fix_th and "`title:`" in p.fix_th


def test_two_components_of_one_item_with_one_label_is_an_error(tmp_path: Path) -> None:
    path = _catalogue_with(tmp_path, "{id: plan, title: มีแผน}\n      - {id: fiscal_year, "
                           "title: ครอบคลุมปี, auto: period}",
                           "{id: plan, title: มีแผน, label: แผน}\n      - {id: fiscal_year, "
                           "title: ครอบคลุมปี, auto: period, label: แผน}")
    with pytest.raises(InputError) as e:
        load_catalogue(path, shown="catalogue.yml")
    (p,) = e.value.problems
    assert p.code == "catalogue-label" and p.component == "fiscal_year" and p.line == 31
    assert "ซ้ำกับขององค์ประกอบ `plan`" in p.message_th


# --- what readers see: the example site, read as a reader does ----------------------------

def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_public_pages_name_components_in_thai_never_by_code(example_site: Path) -> None:
    seen = {"evidence": 0, "matrix": 0, "fixes": 0, "problems": 0}
    for path in _pages(example_site):
        page = BeautifulSoup(page_html(path), "html.parser")
        cells = []
        for row in page.select("table.pg-evidence tbody tr"):
            cell = row.find_all("td")[-1]
            text = cell.get_text(" ", strip=True)
            assert text and text != "–", (path, row)  # `components: all` says what it covers
            cells.append(("evidence", cell))
        cells += [("matrix", c) for c in page.select('table.pg-matrix td[data-cell="component"]')]
        for row in page.select("table.pg-fixes tbody tr"):
            cells += [("fixes", c) for c in row.find_all("td")]
        cells += [("problems", c) for c in page.select("table.pg-problems td small")]
        cells += [("problems", c) for c in page.select('a[data-cell="problem"]')]
        for where, cell in cells:
            text = cell.get_text(" ", strip=True)
            assert _code_in(text) == [], (path, where, text)
            assert not [k for k in KINDS if k in text], (path, where, text)
            seen[where] += 1
    assert all(seen.values()), seen  # each kind of table was there to read
    o28 = BeautifulSoup(page_html(example_site / "2568/oit/o28/index.html"), "html.parser")
    assert o28.select("table.pg-evidence tbody tr td")[-1].get_text(strip=True) == \
        "ดำเนินการในปี 2567"


def test_every_published_csv_has_thai_headers_and_names(example_site: Path) -> None:
    files = sorted(example_site.rglob("*.csv"))
    assert {"checklist.csv", "itas-urls.csv"} <= {f.name for f in files}
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
        head, body = rows[0], rows[1:]
        assert all(re.search("[\u0e00-\u0e7f]", h) for h in head), (path, head)
        # the code columns are for tools, and say so in their header
        shown = [i for i, h in enumerate(head) if not h.startswith("รหัส")]
        for row in body:
            for i in shown:
                assert _code_in(row[i]) == [] or head[i] in ("ชื่อข้อ",), (path, head[i], row)
                assert row[i] not in KINDS, (path, head[i], row)
    table = list(csv.DictReader(io.StringIO(
        (example_site / "2568/checklist.csv").read_text("utf-8-sig"))))
    o13 = next(r for r in table if r["ข้อ"] == "o13" and r["รหัสองค์ประกอบ"] == "problems")
    assert (o13["องค์ประกอบ"], o13["มีหลักฐานแล้ว"], o13["สถานะของข้อ"]) == \
        ("ปัญหาและข้อเสนอแนะ", "ยังไม่มี", "ยังไม่ครบ")
    assert o13["ปัญหา"] == "องค์ประกอบยังไม่มีหลักฐาน" and o13["รหัสปัญหา"] == "component-unmet"


# --- where officers type codes: the name, and the code beside it ---------------------------

def test_terminal_and_editor_show_the_thai_name_with_the_code(tmp_path: Path) -> None:
    project = load_project(REPO, only_year=2568)
    report = check_year(project, 2568, TODAY)
    one = item_text(report, "o1", width=200)
    assert "chart      แผนผังโครงสร้าง: แสดงแผนผังแสดงโครงสร้าง" in one
    assert "    components: [chart, positions, duties]  # แผนผังโครงสร้าง, ตำแหน่งและส่วนงาน, " \
           "หน้าที่และอำนาจ" in one
    text = check_text(report, width=200)
    assert "✘ ปัญหาและข้อเสนอแนะ (`problems`): ระบุปัญหา/อุปสรรค และข้อเสนอแนะ" in text
    assert "[แผนพัฒนาบุคลากร (`plan`), รายละเอียดของแผน (`details`), " \
           "แผนครอบคลุมปี 2568 (`fiscal_year`)]" in text
    unmet = next(p for p in report.problems if p.code == "component-unmet")
    assert unmet.message_th == \
        "ข้อ o13 องค์ประกอบ “ปัญหาและข้อเสนอแนะ” (`problems`) ยังไม่มีหลักฐาน"
    field = next(f for f in evidence_fields(2568, load_year(2568).item("o1"))  # type: ignore[arg-type]
                 if f.name == "components")
    assert field.options == (("chart", "แผนผังโครงสร้าง (chart)"),
                             ("positions", "ตำแหน่งและส่วนงาน (positions)"),
                             ("duties", "หน้าที่และอำนาจ (duties)"))


def test_an_unknown_component_lists_the_names_with_their_codes(mini_project: Path) -> None:
    o7 = mini_project / "content/2599/oit/o7.md"
    text = o7.read_text("utf-8")
    assert "components: [plan]" in text
    o7.write_text(text.replace("components: [plan]", "components: [plam]"), "utf-8")
    project = load_project(mini_project)
    (p,) = [p for p in project.problems if p.code == "component-unknown"]
    assert p.fix_th == "ใช้รหัสองค์ประกอบในวงเล็บต่อไปนี้เท่านั้น: แผน (`plan`)"
    assert p.fix == "use one of: `plan`"


def test_new_year_comments_name_each_component_with_its_code(tmp_path: Path) -> None:
    root = tmp_path / "council"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "site_config.yml", root / "site_config.yml")
    shutil.rmtree(root / "content/2569")
    new_year(root, 2569)
    text = (root / "content/2569/oit/o1.md").read_text("utf-8")
    assert "# องค์ประกอบ (ชื่อ และรหัสในวงเล็บที่ใช้ใน components:):" in text
    assert "#   แผนผังโครงสร้าง (`chart`): แสดงแผนผังแสดงโครงสร้างการแบ่งส่วนราชการของหน่วยงาน" \
        in text
