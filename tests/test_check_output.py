"""The check report for people (a Thai terminal table) and for machines (CSV)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from generator.base.say import set_lang
from generator.render.reports import CSV_PROBLEM_COLUMNS, check_csv, check_text, cut, pad, width_of

from .test_rules import RulesProject, make_project


def test_terminal_width_of_thai() -> None:
    # vowel and tone marks above/below the line take no column
    assert width_of("ครบถ้วน") == 6
    assert width_of("ยังไม่ครบ") == 7
    assert width_of("องค์ประกอบ") == 9
    assert width_of("ข้อ o12") == 6
    assert width_of("ตำแหน่ง") == 6  # sara am is a spacing vowel
    assert width_of("表") == 2
    assert pad("ข้อ", 5) == "ข้อ   " and width_of(pad("ครบถ้วน", 10)) == 10
    assert pad("80", 5, right=True) == "   80"


def test_cut_never_leaves_a_mark_without_its_letter() -> None:
    assert cut("ครบถ้วน", 10) == "ครบถ้วน"
    assert cut("ครบถ้วน", 5) == "ครบถ…"  # not "ครบถ้" + "…" nor "ครบถ" + a lone tone mark
    assert width_of(cut("รายงานผลการดำเนินงานประจำปี", 12)) <= 12


@pytest.fixture()
def broken(tmp_path: Path) -> RulesProject:
    p = make_project(tmp_path)
    p.edit("content/2568/oit/o4.md", "period: 2566-2570", "period: 2564-2567")
    p.edit("content/2568/oit/o8.md", "url: https://www.test.example/manual",
           "url: https://drive.google.com/drive/folders/1AbC")
    return p


def test_terminal_table_lines_up_in_thai(broken: RulesProject) -> None:
    text = check_text(broken.check(), width=80)
    lines = text.splitlines()
    table = lines[: lines.index("ปัญหาที่ต้องแก้ 1 รายการ · ข้อสังเกตที่ควรแก้ 1 รายการ")]
    assert all(width_of(line) <= 80 for line in table)  # problems wrap, never cut
    header = next(line for line in lines if line.startswith("ข้อ"))
    rows = [line for line in lines if re.match(r"o\d+ ", line)]
    assert [r.split()[0] for r in rows] == [f"o{n}" for n in range(1, 10)]
    # the title column starts at the same terminal column on every row and in the header
    title_col = width_of(header[: header.index("ชื่อข้อ")])
    titles = ["ข้อมูลผู้บริหาร", "ข้อมูลการติดต่อ", "รายงานประจำปี", "แผนหลายปี",
              "สถิติ 6 เดือนแรก", "สถิติทั้งสองรอบ", "สรุปรายเดือน", "คู่มือ", "รายงานมาตรการ"]
    for row, title in zip(rows, titles, strict=True):
        assert width_of(row[: row.index(title)]) == title_col, row
    assert rows[3].split()[1:5] == ["◐", "ยังไม่ครบ", "0/2", "0"]
    assert rows[0].split()[1:5] == ["✔", "ครบถ้วน", "4/4", "100"]


def test_terminal_report_groups_items_and_labels_the_estimate(broken: RulesProject) -> None:
    text = check_text(broken.check(), width=100)
    assert "ตรวจความครบถ้วน OIT ปีงบประมาณ 2568 · เกณฑ์ปี 2568 (ชั่วคราว) 9 ข้อ" in text
    assert "9.2 การบริหารงาน · คะแนนโดยประมาณ* 80.00" in text
    # the catalogue has no labels: a component is named by its (short) title, code beside
    assert "       ✘ แผน (`plan`)\n       ✘ ครอบคลุมปี (`fiscal_year`)\n       ปัญหา: " \
           "period-not-covering" in text
    assert "คะแนน OIT โดยประมาณ* 92.86 (ตัวชี้วัดที่ 9: 85.71 · ตัวชี้วัดที่ 10: 100.00)" in text
    assert "* ค่าประมาณจากสัดส่วนองค์ประกอบที่มีหลักฐาน ไม่ใช่คะแนนทางการ" in text
    assert "   +7.14 → 100.00  o4 แผนหลายปี [แผน (`plan`), ครอบคลุมปี (`fiscal_year`)]" in text
    assert "ปัญหาที่ต้องแก้ 1 รายการ · ข้อสังเกตที่ควรแก้ 1 รายการ" in text


def test_terminal_problem_says_where_what_and_how_in_thai(broken: RulesProject) -> None:
    text = check_text(broken.check(), width=160)
    block = text[text.index("✘ ต้องแก้  o4"):].splitlines()[:3]
    assert block == [
        "✘ ต้องแก้  o4  content/2568/oit/o4.md `period` ของหลักฐานรายการที่ 1 (บรรทัด 5)  "
        "[period-not-covering]",
        "    ข้อ o4 ต้องเป็นแผนที่มีผลบังคับใช้ตลอดปีงบประมาณ 2568 แต่ “แผนพัฒนา 2566-2570” "
        "ครอบคลุมปีงบประมาณ 2564–2567",
        "    วิธีแก้: อ้างแผนที่มีผลในปี 2568 (เช่น แผนปี 2566–2570) และระบุปีที่แผนครอบคลุมใน "
        "`period:` (เช่น `period: 2566-2570`)",
    ]
    assert ("⚠ ควรแก้  o8  content/2568/oit/o8.md `url` ของหลักฐานรายการที่ 1 (บรรทัด 4)  "
            "[url-login]") in text
    set_lang("en")  # developers: `file:line (YAML path)`, English words
    try:
        text = check_text(broken.check(), width=160)
    finally:
        set_lang(None)
    assert "✘ error  o4  content/2568/oit/o4.md:5 (evidence[0].period)  [period-not-covering]" \
        in text
    assert "    fix: link the plan in force during 2568" in text


def test_strict_counts_warnings_as_problems(broken: RulesProject) -> None:
    text = check_text(broken.check(), strict=True, width=100)
    assert "ปัญหาที่ต้องแก้ 2 รายการ · ข้อสังเกตที่ควรแก้ 0 รายการ (`--strict`" in text


def test_clean_project_says_so(tmp_path: Path) -> None:
    text = check_text(make_project(tmp_path).check(), width=100)
    assert text.endswith("ไม่พบปัญหา\n")
    assert "แก้ข้อใดก่อน" not in text


def test_csv_has_one_row_per_problem_in_both_languages(broken: RulesProject) -> None:
    rows = list(csv.DictReader(io.StringIO(check_csv([broken.check()]))))
    assert list(rows[0]) == CSV_PROBLEM_COLUMNS
    assert [(r["severity"], r["code"], r["item"], r["line"], r["path"]) for r in rows] == [
        ("error", "period-not-covering", "o4", "5", "evidence[0].period"),
        ("warning", "url-login", "o8", "4", "evidence[0].url"),
    ]
    assert rows[0]["message_th"].startswith("ข้อ o4 ต้องเป็นแผน")
    assert rows[0]["fix"].startswith("link the plan in force during 2568")
