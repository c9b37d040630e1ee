"""Every completeness rule: a minimal failing case and the exact problem rows it gives.

Each test starts from `rules_project`, a small project (fiscal 2568, a 9-item catalogue with
one item per period rule and per automatic component) that checks clean, breaks one thing
and compares the whole list of problems, as rows (code, item, component, file, line, path).
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from generator.check.report import YearReport
from generator.check.year import check_year
from generator.load.project import load_project

TODAY = date(2026, 11, 21)
PDF = b"%PDF-1.4\n% test document\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16

CATALOGUE = """\
format: 1
fiscal_year: 2568
status: provisional
title: เกณฑ์ทดสอบกฎการตรวจ
source: tests/test_rules.py
indicators:
  - {id: "9", title: การเปิดเผยข้อมูล}
  - {id: "10", title: การป้องกันการทุจริต}
sub_indicators:
  - {id: "9.1", indicator: "9", title: ข้อมูลพื้นฐาน}
  - {id: "9.2", indicator: "9", title: การบริหารงาน}
  - {id: "10.1", indicator: "10", title: การป้องกัน}
items:
  - id: o1
    sub_indicator: "9.1"
    title: ข้อมูลผู้บริหาร
    components:
      - {id: name, title: ชื่อ-นามสกุล, auto: executives_name}
      - {id: position, title: ตำแหน่ง, auto: executives_position}
      - {id: photo, title: รูปถ่าย, auto: executives_photo}
      - {id: contact, title: ช่องทางการติดต่อ, auto: executives_contact}
  - id: o2
    sub_indicator: "9.1"
    title: ข้อมูลการติดต่อ
    components:
      - {id: address, title: ที่อยู่, auto: address}
      - {id: phone, title: หมายเลขโทรศัพท์, auto: phone}
      - {id: fax, title: หมายเลขโทรสาร, auto: fax}
      - {id: email, title: อีเมล, auto: email}
      - {id: map, title: แผนที่, auto: map}
  - id: o3
    sub_indicator: "9.2"
    title: รายงานประจำปี
    period: in_year
    components:
      - {id: report, title: รายงาน}
      - {id: fiscal_year, title: ของปี, auto: period}
  - id: o4
    sub_indicator: "9.2"
    title: แผนหลายปี
    period: covers_year
    components:
      - {id: plan, title: แผน}
      - {id: fiscal_year, title: ครอบคลุมปี, auto: period}
  - id: o5
    sub_indicator: "9.2"
    title: สถิติ 6 เดือนแรก
    period: first_half
    components:
      - {id: stats, title: สถิติ}
      - {id: first_half, title: 6 เดือนแรก, auto: period}
  - id: o6
    sub_indicator: "9.2"
    title: สถิติทั้งสองรอบ
    period: both_halves
    components:
      - {id: stats, title: สถิติ}
      - {id: both_halves, title: ทั้งสองรอบ, auto: period}
  - id: o7
    sub_indicator: "9.2"
    title: สรุปรายเดือน
    period: monthly
    components:
      - {id: summary, title: สรุป}
      - {id: monthly, title: ทุกเดือน, auto: period}
  - id: o8
    sub_indicator: "10.1"
    title: คู่มือ
    components:
      - {id: manual, title: คู่มือ}
      - {id: channel, title: ช่องทาง}
  - id: o9
    sub_indicator: "10.1"
    title: รายงานมาตรการ
    period: in_year
    components:
      - {id: progress, title: ความก้าวหน้าทุกมาตรการ, auto: measures_reported}
      - {id: eit_qr, title: QR code แบบวัด EIT, auto: eit_survey}
      - {id: fiscal_year, title: ของปี, auto: period}
"""

CONFIG = """\
council:
  name_th: องค์การบริหารส่วนตำบลทดสอบกฎ
  address: 1 หมู่ 1 ตำบลทดสอบ
  phones: [0-0000-0000]
  fax: 0-0000-0001
  email: saraban@test.example
  map: {lat: 13.75, lon: 100.5}
executives:
  - name: นายหนึ่ง ทดสอบ
    position: นายก
    photo: files/one.png
    phone: 0-0000-0002
  - name: นางสอง ทดสอบ
    position: ปลัด
    photo: files/two.png
    email: two@test.example
current_year: 2568
eit_survey_url: https://itas.nacc.go.th/go/eit/test
years:
  2568:
    catalogue: rules.yml
site:
  url: https://www.test.example/ita/
  as_of: 2568-12-15
"""

ITEMS = {
    "o1": "---\nunit: สำนักปลัด\nevidence: []\n---\nจาก site_config.yml\n",
    "o2": "---\nunit: สำนักปลัด\n---\nจาก site_config.yml\n",
    "o3": """\
---
evidence:
  - title: รายงานประจำปี 2568
    date: 2568-09-30
    file: files/report.pdf
    components: [report]
---
""",
    "o4": """\
---
evidence:
  - title: แผนพัฒนา 2566-2570
    date: 2565-09-01
    period: 2566-2570
    url: https://www.test.example/plan-2566-2570.pdf
    components: [plan]
---
""",
    "o5": """\
---
evidence:
  - title: สถิติ ต.ค. 2567 - มี.ค. 2568
    period: 2567-10 ถึง 2568-03
    url: https://www.test.example/stats-h1
    components: [stats]
---
""",
    "o6": """\
---
evidence:
  - title: สถิติรอบแรก
    period: ต.ค. 2567 - มี.ค. 2568
    url: https://www.test.example/complaints-h1
    components: [stats]
  - title: สถิติรอบหลัง
    period: เม.ย. 2568 - ก.ย. 2568
    url: https://www.test.example/complaints-h2
    components: [stats]
---
""",
    "o7": """\
---
evidence:
  - title: สรุปเดือนตุลาคม 2567
    period: 2567-10
    url: https://www.test.example/summary/2567-10
    components: [summary]
  - title: สรุปเดือนพฤศจิกายน 2567
    period: 2567-11
    url: https://www.test.example/summary/2567-11
    components: [summary]
  - title: สรุปเดือนธันวาคม 2567 ถึงกันยายน 2568
    period: 2567-12 ถึง 2568-09
    url: https://www.test.example/summary/2567-12
    components: [summary]
---
""",
    "o8": """\
---
evidence:
  - title: คู่มือและช่องทาง
    url: https://www.test.example/manual
    components: [manual, channel]
---
""",
    "o9": """\
---
evidence:
  - title: รายงานผลตามมาตรการ
    date: 2567-12-01
    file: files/report.pdf
    components: all
---
""",
}

MEASURES = """\
measures:
  - id: m1
    title: มาตรการเผยแพร่ข้อมูล
    steps: [ตรวจทุกเดือน]
    period: ต.ค. 2567 - ก.ย. 2568
    units: [สำนักปลัด]
    progress:
      6m:
        status: in_progress
        date: 2568-04-10
        output: ตรวจแล้ว 6 ครั้ง
        evidence:
          - {title: รายงานรอบ 6 เดือน, url: "https://www.test.example/m1-6m"}
  - id: m2
    title: มาตรการรับเรื่องร้องเรียน
    steps: [รับเรื่อง]
    period: ต.ค. 2567 - ก.ย. 2568
    units: [สำนักปลัด]
    progress:
      12m:
        status: done
        date: 2568-10-05
        output: รับเรื่อง 4 เรื่อง ดำเนินการแล้วเสร็จทั้งหมด
"""

UNFILLED = re.compile(r"\{[a-z_]+\}")  # a template parameter nobody filled
Row = tuple[str, "str | None", "str | None", "str | None", "int | None", "str | None"]


class RulesProject:
    """A writable project on disk; `check()` loads and checks fiscal 2568 in-process."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
        return path

    def item(self, item_id: str, text: str) -> None:
        self.write(f"content/2568/oit/{item_id}.md", text)

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), "utf-8")

    def config(self, old: str, new: str) -> None:
        self.edit("site_config.yml", old, new)

    def check(self) -> YearReport:
        report = check_year(load_project(self.root), 2568, TODAY)
        for p in report.problems:  # every text is complete, in both languages
            for text in (p.message, p.fix, p.message_th, p.fix_th):
                assert text and not UNFILLED.search(text), (p.code, text)
            assert p.file, p.code
        # nothing is left unmet without a problem that names the item
        named = {p.item for p in report.problems if p.severity == "error"}
        for st in report.items:
            if st.status not in ("complete", "na", "due"):
                assert st.item.id in named, f"{st.item.id} is {st.status} but no error says why"
        return report

    def rows(self) -> list[Row]:
        return rows(self.check())


def rows(report: YearReport) -> list[Row]:
    return [(p.code, p.item, p.component, p.file, p.line, p.path) for p in report.problems]


def make_project(tmp_path: Path) -> RulesProject:
    """The clean rules project, written under `tmp_path`."""
    p = RulesProject(tmp_path / "council")
    p.write("site_config.yml", CONFIG)
    p.write("rules.yml", CATALOGUE)
    for item_id, text in ITEMS.items():
        p.item(item_id, text)
    p.write("content/2568/measures.yml", MEASURES)
    p.write("content/files/report.pdf", PDF)
    p.write("content/files/one.png", PNG)
    p.write("content/files/two.png", PNG)
    return p


@pytest.fixture()
def proj(tmp_path: Path) -> RulesProject:
    return make_project(tmp_path)


O3 = "content/2568/oit/o3.md"
O4 = "content/2568/oit/o4.md"
O5 = "content/2568/oit/o5.md"
O6 = "content/2568/oit/o6.md"
O7 = "content/2568/oit/o7.md"
O8 = "content/2568/oit/o8.md"
O9 = "content/2568/oit/o9.md"
CFG = "site_config.yml"


def test_the_base_project_is_complete(proj: RulesProject) -> None:
    report = proj.check()
    assert rows(report) == []
    assert [(s.item.id, s.status) for s in report.items] == [
        (f"o{n}", "complete") for n in range(1, 10)]
    assert report.completion == 100.0


# --- the catalogue against the content ----------------------------------------------------

def test_item_file_missing(proj: RulesProject) -> None:
    (proj.root / O8).unlink()
    report = proj.check()
    assert rows(report) == [("item-file-missing", "o8", None, O8, None, None)]
    assert report.item("o8").status == "missing"
    assert report.problems[0].message == "o8 has no file for fiscal year 2568"


def test_items_decided_from_site_config_need_their_file_too(proj: RulesProject) -> None:
    # o1 (executives) has only automatic components; its file names the unit and the text
    (proj.root / "content/2568/oit/o1.md").unlink()
    report = proj.check()
    assert rows(report) == [("item-file-missing", "o1", None, "content/2568/oit/o1.md", None,
                             None)]
    # what site_config.yml shows still counts: the page shows every component, so its
    # status is not "no data" (issue 17: "✘ ยังไม่มีข้อมูล" beside 4/4)
    assert report.item("o1").met_count == 4
    assert report.item("o1").status == "complete"


def test_item_with_only_automatic_components_needs_dated_evidence(proj: RulesProject) -> None:
    # o9 (like o28): nothing to claim, but its `fiscal_year` is decided by evidence dates
    proj.item("o9", "---\nevidence: []\n---\n")
    report = proj.check()
    assert rows(report) == [("item-no-evidence", "o9", None, O9, None, "evidence")]
    assert [c.met for c in report.item("o9").components] == [True, True, False]


def test_item_without_evidence(proj: RulesProject) -> None:
    proj.item("o8", "---\nunit: สำนักปลัด\n---\nยังไม่มีเอกสาร\n")
    report = proj.check()
    assert rows(report) == [("item-no-evidence", "o8", None, O8, None, "evidence")]
    assert report.item("o8").status == "incomplete"
    assert report.item("o8").met_count == 0


def test_component_without_evidence(proj: RulesProject) -> None:
    proj.edit(O8, "components: [manual, channel]", "components: [manual]")
    report = proj.check()
    assert rows(report) == [("component-unmet", "o8", "channel", O8, None, None)]
    assert [c.met for c in report.item("o8").components] == [True, False]


def test_evidence_naming_a_component_the_item_lacks(proj: RulesProject) -> None:
    proj.edit(O8, "components: [manual, channel]", "components: [manual, chanel]")
    report = proj.check()
    assert rows(report) == [
        ("component-unmet", "o8", "channel", O8, None, None),
        ("component-unknown", "o8", None, O8, 5, "evidence[0].components[1]"),
    ]
    unknown = report.problems[1]
    assert unknown.value == "chanel"
    assert "channel" in unknown.message  # did you mean
    assert unknown.fix == "use one of: `manual`, `channel`"


def test_evidence_claiming_an_automatic_component(proj: RulesProject) -> None:
    # `fiscal_year` is decided from the dates, never claimed: the officer is told so
    proj.edit(O3, "components: [report]", "components: [report, fiscal_year]")
    report = proj.check()
    assert rows(report) == [("component-unknown", "o3", None, O3, 6, "evidence[0].components[1]")]
    assert "decided automatically" in report.problems[0].message
    assert report.item("o3").status == "complete"  # the rest of the evidence still counts


def test_unknown_item_ids(proj: RulesProject) -> None:
    proj.item("o10", ITEMS["o8"])
    proj.item("o৮", ITEMS["o8"])  # not an item id at all (Bengali digit)
    assert proj.rows() == [
        ("item-unknown", None, None, "content/2568/oit/o10.md", None, None),
        ("item-unknown", None, None, "content/2568/oit/o৮.md", None, None),
    ]


def test_item_numbers_are_normalised_and_duplicates_refused(proj: RulesProject) -> None:
    proj.item("o08", ITEMS["o8"])  # the same item as o8.md
    assert proj.rows() == [("item-duplicate", "o8", None, O8, None, None)]


def test_duplicated_evidence(proj: RulesProject) -> None:
    proj.item("o8", """\
---
evidence:
  - title: คู่มือ
    url: https://www.test.example/manual
    components: [manual]
  - title: ช่องทาง
    url: https://www.test.example/manual
    components: [channel]
---
""")
    report = proj.check()
    assert rows(report) == [("evidence-duplicate", "o8", None, O8, 6, "evidence[1]")]
    assert report.problems[0].severity == "warning"
    assert "evidence[0], line 3" in report.problems[0].message
    assert report.item("o8").status == "complete"  # a warning does not unmeet anything


def test_evidence_without_link_or_file(proj: RulesProject) -> None:
    proj.edit(O8, "    url: https://www.test.example/manual\n", "")
    assert proj.rows() == [("evidence-no-source", "o8", None, O8, 3, "evidence[0]")]


def test_evidence_naming_no_component(proj: RulesProject) -> None:
    proj.edit(O8, "    components: [manual, channel]\n", "")
    assert proj.rows() == [
        ("component-unmet", "o8", "channel", O8, None, None),
        ("component-unmet", "o8", "manual", O8, None, None),
        ("evidence-no-components", "o8", None, O8, 3, "evidence[0]"),
    ]


# --- period rules -------------------------------------------------------------------------

def test_evidence_without_date_when_the_item_has_a_period_rule(proj: RulesProject) -> None:
    proj.edit(O3, "    date: 2568-09-30\n", "")
    report = proj.check()
    assert rows(report) == [("evidence-date-missing", "o3", None, O3, 3, "evidence[0]")]
    assert report.item("o3").met_count == 0


def test_evidence_dated_outside_the_fiscal_year(proj: RulesProject) -> None:
    proj.edit(O3, "date: 2568-09-30", "date: 2568-10-01")  # first day of fiscal 2569
    report = proj.check()
    assert rows(report) == [("evidence-out-of-year", "o3", None, O3, 4, "evidence[0].date")]
    p = report.problems[0]
    assert p.value == "1 ตุลาคม 2568"
    assert "outside fiscal year 2568" in p.message
    assert report.item("o3").status == "incomplete"


def test_evidence_period_outside_the_fiscal_year(proj: RulesProject) -> None:
    proj.edit(O3, "    date: 2568-09-30\n", "    period: 2567\n")
    assert proj.rows() == [("evidence-out-of-year", "o3", None, O3, 4, "evidence[0].period")]


def test_in_year_accepts_the_first_and_last_day(proj: RulesProject) -> None:
    proj.edit(O3, "date: 2568-09-30", "date: 1 ต.ค. 2567")
    assert proj.rows() == []


def test_plan_not_covering_the_fiscal_year(proj: RulesProject) -> None:
    proj.edit(O4, "period: 2566-2570", "period: 2564-2567")
    report = proj.check()
    assert rows(report) == [("period-not-covering", "o4", None, O4, 5, "evidence[0].period")]
    assert report.problems[0].value == "ปีงบประมาณ 2564–2567"
    assert [c.met for c in report.item("o4").components] == [False, False]


def test_plan_covering_only_part_of_the_year(proj: RulesProject) -> None:
    proj.edit(O4, "period: 2566-2570", "period: 2568-01 ถึง 2570-09")
    assert proj.rows() == [("period-not-covering", "o4", None, O4, 5, "evidence[0].period")]


def test_plan_with_only_a_date_outside_the_year(proj: RulesProject) -> None:
    # a 2566-2570 plan adopted in 2565 without `period:` cannot show it is in force
    proj.edit(O4, "    period: 2566-2570\n", "")
    report = proj.check()
    assert rows(report) == [("period-not-covering", "o4", None, O4, 4, "evidence[0].date")]
    assert "has no `period:`" in report.problems[0].message


def test_first_half_coverage(proj: RulesProject) -> None:
    proj.edit(O5, "period: 2567-10 ถึง 2568-03", "period: 2567-10 ถึง 2568-01")
    report = proj.check()
    assert rows(report) == [("period-first-half", "o5", "first_half", O5, None, "evidence")]
    p = report.problems[0]
    assert p.value == "ก.พ. 2568, มี.ค. 2568"
    assert "`period: 2568-02 ถึง 2568-03`" in p.fix
    assert [c.met for c in report.item("o5").components] == [True, False]


def test_first_half_needs_a_period_not_just_a_date(proj: RulesProject) -> None:
    proj.edit(O5, "period: 2567-10 ถึง 2568-03", "date: 2568-04-05")
    report = proj.check()
    assert rows(report) == [("period-first-half", "o5", "first_half", O5, None, "evidence")]
    assert report.problems[0].value == "ต.ค. 2567 – มี.ค. 2568"


def test_both_halves(proj: RulesProject) -> None:
    proj.edit(O6, "period: เม.ย. 2568 - ก.ย. 2568", "period: เม.ย. 2568 - มิ.ย. 2568")
    report = proj.check()
    assert rows(report) == [("period-both-halves", "o6", "both_halves", O6, None, "evidence")]
    assert report.problems[0].value == "ก.ค. 2568 – ก.ย. 2568"
    assert "`period: 2568-07 ถึง 2568-09`" in report.problems[0].fix


def test_both_halves_with_one_half_only(proj: RulesProject) -> None:
    text = (proj.root / O6).read_text("utf-8")
    proj.item("o6", text[: text.index("  - title: สถิติรอบหลัง")] + "---\n")
    assert proj.rows() == [("period-both-halves", "o6", "both_halves", O6, None, "evidence")]


EARLY = ("as_of: 2568-12-15", "as_of: 2567-12-15")


def _two_months_only(proj: RulesProject) -> None:
    proj.item("o7", ITEMS["o7"][:ITEMS["o7"].index("  - title: สรุปเดือนธันวาคม")] + "---\n")


def test_monthly_coverage_up_to_as_of(proj: RulesProject) -> None:
    # as_of 15 Dec 2567: October and November have passed
    proj.config(*EARLY)
    _two_months_only(proj)
    proj.edit(O7, "period: 2567-11", "period: 2567-12")
    report = proj.check()
    assert [r for r in rows(report) if r[1] == "o7"] == [
        ("period-months-missing", "o7", "monthly", O7, None, "evidence")]
    o7 = next(p for p in report.problems if p.item == "o7")
    assert o7.value == "พ.ย. 2567"
    assert "`period: 2567-11`" in o7.fix


def test_monthly_months_that_have_not_passed_are_not_required(proj: RulesProject) -> None:
    proj.config(*EARLY)
    _two_months_only(proj)
    proj.config("as_of: 2567-12-15", "as_of: 2567-12-31")  # December has now passed
    report = proj.check()
    assert [r for r in rows(report) if r[1] == "o7"] == [
        ("period-months-missing", "o7", "monthly", O7, None, "evidence")]
    assert [p.value for p in report.problems if p.item == "o7"] == ["ธ.ค. 2567"]
    proj.config("as_of: 2567-12-31", "as_of: 2567-11-30")
    assert [r for r in proj.rows() if r[1] == "o7"] == []


def test_not_yet_due_is_shown_as_due_not_demanded(proj: RulesProject) -> None:
    """as_of decides only how much of a period can have passed (issue 13): at 15 Dec 2567
    the first half (o5), both halves (o6) and the measures' rounds (o9) are not due."""
    proj.config(*EARLY)
    _two_months_only(proj)
    (proj.root / O5).unlink()
    report = proj.check()
    status = {s.item.id: s.status for s in report.items}
    assert status["o5"] == status["o6"] == status["o9"] == "due"
    assert not [p for p in report.problems if p.item in ("o5", "o6", "o9")
                and p.severity == "error"]
    o5 = report.item("o5").components
    assert [c.due for c in o5] == [None, None] or all(c.due for c in o5 if not c.met)
    # documents dated after the as-of date are warned about
    codes = {(p.code, p.item) for p in report.problems}
    assert ("evidence-after-as-of", "o3") in codes and ("evidence-after-as-of", "o6") not in codes


def test_unreadable_date_is_reported_once(proj: RulesProject) -> None:
    proj.edit(O3, "date: 2568-09-30", "date: 2025-09-30")  # Christian era
    report = proj.check()
    assert rows(report) == [("date-era", "o3", None, O3, 4, "evidence[0].date")]
    assert report.item("o3").met_count == 0


# --- structured items ---------------------------------------------------------------------

def test_executive_without_position_and_contact(proj: RulesProject) -> None:
    proj.config("    position: ปลัด\n", "")
    proj.config("    email: two@test.example\n", "")
    report = proj.check()
    assert rows(report) == [
        ("executive-incomplete", "o1", "contact", CFG, 13, "executives[1].phone"),
        ("executive-incomplete", "o1", "position", CFG, 13, "executives[1].position"),
    ]
    assert report.problems[0].value == "นางสอง ทดสอบ"
    assert [c.met for c in report.item("o1").components] == [True, False, True, False]


def test_o2_needs_holders_of_management_positions(proj: RulesProject) -> None:
    """seed 002 l.143: "ผู้บริหารสูงสุด… และผู้ดำรงตำแหน่งการบริหารของหน่วยงาน"."""
    proj.edit("rules.yml", "      - {id: name, title: ชื่อ-นามสกุล, auto: executives_name}",
              "      - {id: management, title: ผู้บริหารและผู้ดำรงตำแหน่งการบริหาร, "
              "auto: executives_management}\n"
              "      - {id: name, title: ชื่อ-นามสกุล, auto: executives_name}")
    report = proj.check()
    assert rows(report) == []
    assert report.item("o1").components[0].detail == (
        "ผู้บริหารสูงสุด: นายก; ผู้ดำรงตำแหน่งการบริหาร: ปลัด")
    text = (proj.root / CFG).read_text("utf-8")
    second = text.index("  - name: นางสอง ทดสอบ")
    proj.write(CFG, text[:second] + text[text.index("current_year:"):])
    report = proj.check()
    assert rows(report) == [
        ("executives-management-missing", "o1", "management", CFG, 9, "executives")]
    assert "มีเพียง นายก" in report.problems[0].message_th


def test_executive_without_name_or_photo(proj: RulesProject) -> None:
    proj.config("  - name: นายหนึ่ง ทดสอบ\n    position: นายก\n    photo: files/one.png\n",
                "  - position: นายก\n")
    assert proj.rows() == [
        ("executive-incomplete", "o1", "name", CFG, 9, "executives[0].name"),
        ("executive-incomplete", "o1", "photo", CFG, 9, "executives[0].photo"),
    ]


def test_executive_photo_file_problems(proj: RulesProject) -> None:
    proj.config("photo: files/one.png", "photo: files/one.pdf")
    proj.write("content/files/one.pdf", PDF)
    proj.config("photo: files/two.png", "photo: files/too.png")
    report = proj.check()
    assert rows(report) == [
        ("file-type-mismatch", "o1", "photo", CFG, 9, "executives[0].photo"),
        ("file-missing", "o1", "photo", CFG, 13, "executives[1].photo"),
    ]
    assert "not a PNG or JPEG image" in report.problems[0].message
    assert "did you mean `files/two.png`" in report.problems[1].message


def test_no_executives(proj: RulesProject) -> None:
    start = CONFIG.index("executives:")
    proj.write("site_config.yml", CONFIG[:start] + CONFIG[CONFIG.index("current_year"):])
    report = proj.check()
    assert rows(report) == [("executives-missing", "o1", "name", CFG, None, "executives")]
    assert report.item("o1").met_count == 0


@pytest.mark.parametrize(("line", "component", "path"), [
    ("  address: 1 หมู่ 1 ตำบลทดสอบ\n", "address", "council.address"),
    ("  phones: [0-0000-0000]\n", "phone", "council.phones"),
    ("  fax: 0-0000-0001\n", "fax", "council.fax"),
    ("  email: saraban@test.example\n", "email", "council.email"),
    ("  map: {lat: 13.75, lon: 100.5}\n", "map", "council.map"),
])
def test_contact_fields(proj: RulesProject, line: str, component: str, path: str) -> None:
    proj.config(line, "")
    report = proj.check()
    assert rows(report) == [("contact-incomplete", "o2", component, CFG, None, path)]
    assert report.item("o2").status == "incomplete"


def test_eit_survey_url_missing(proj: RulesProject) -> None:
    proj.config("eit_survey_url: https://itas.nacc.go.th/go/eit/test\n", "")
    assert proj.rows() == [("eit-survey-missing", "o9", "eit_qr", CFG, None, "eit_survey_url")]


def test_eit_survey_url_per_year_is_checked_like_any_link(proj: RulesProject) -> None:
    proj.config("    catalogue: rules.yml\n",
                "    catalogue: rules.yml\n    eit_survey_url: http://192.168.1.20/eit\n")
    report = proj.check()
    assert rows(report) == [("url-local", "o9", "eit_qr", CFG, None, "years.2568.eit_survey_url")]
    assert report.item("o9").status == "incomplete"


def test_o28_reports_every_o27_measure_for_each_round_passed(proj: RulesProject) -> None:
    """Progress OR results (seed 002 l.202 "ความก้าวหน้าหรือผลการดำเนินการ"): each measure
    needs a report for at least one round that is due, not one for every round."""
    assert proj.check().item("o9").status == "complete"  # m1: 6m progress; m2: 12m results
    proj.config("as_of: 2568-12-15", "as_of: 2568-06-15")  # only the 6-month round is due
    report = proj.check()
    assert [r for r in rows(report) if r[1] == "o9"] == [
        ("measures-unreported", "o9", "progress", "content/2568/measures.yml", 14,
         "measures[1].progress")]
    assert [p.value for p in report.problems if p.item == "o9"] == [
        "m2 มาตรการรับเรื่องร้องเรียน"]
    proj.config("as_of: 2568-06-15", "as_of: 2568-03-31")  # the round just ended: not due yet
    assert proj.check().item("o9").status == "due"


def test_o28_without_measures(proj: RulesProject) -> None:
    (proj.root / "content/2568/measures.yml").unlink()
    assert proj.rows() == [
        ("measures-missing", "o9", "progress", "content/2568/measures.yml", None, None)]


def test_o28_progress_links_follow_the_link_rules(proj: RulesProject) -> None:
    proj.edit("content/2568/measures.yml", "https://www.test.example/m1-6m",
              "file:///C:/Users/clerk/m1.pdf")
    assert proj.rows() == [("url-local", "o9", "progress", "content/2568/measures.yml", 2,
                            "measures[0].progress.6m.evidence[0].url")]


# --- evidence files -----------------------------------------------------------------------

def _file(proj: RulesProject, rel: str) -> list[Row]:
    proj.edit(O3, "file: files/report.pdf", f"file: {rel}")
    return proj.rows()


def test_file_missing(proj: RulesProject) -> None:
    assert _file(proj, "files/reprot.pdf") == [
        ("file-missing", "o3", None, O3, 5, "evidence[0].file")]
    assert "did you mean `files/report.pdf`" in proj.check().problems[0].message


def test_file_path_written_with_content_prefix(proj: RulesProject) -> None:
    _file(proj, "content/files/report.pdf")
    p = proj.check().problems[0]
    assert (p.code, p.path) == ("file-missing", "evidence[0].file")
    assert "write `files/report.pdf`" in p.message


def test_file_empty(proj: RulesProject) -> None:
    proj.write("content/files/empty.pdf", b"")
    assert _file(proj, "files/empty.pdf") == [
        ("file-empty", "o3", None, O3, 5, "evidence[0].file")]


@pytest.mark.parametrize("rel", ["/etc/passwd", "C:/Users/clerk/report.pdf",
                                 "files/../../site_config.yml", "../rules.yml"])
def test_file_outside_content(proj: RulesProject, rel: str) -> None:
    assert _file(proj, rel) == [("file-outside-content", "o3", None, O3, 5, "evidence[0].file")]


def test_file_symlink_out_of_content(proj: RulesProject, tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(PDF)
    os.symlink(secret, proj.root / "content/files/link.pdf")
    assert _file(proj, "files/link.pdf") == [
        ("file-outside-content", "o3", None, O3, 5, "evidence[0].file")]


def test_file_wrong_type_for_its_extension(proj: RulesProject) -> None:
    proj.write("content/files/scan.pdf", b"\xff\xd8\xff\xe0 a JPEG named .pdf")
    assert _file(proj, "files/scan.pdf") == [
        ("file-type-mismatch", "o3", None, O3, 5, "evidence[0].file")]
    p = proj.check().problems[0]
    assert "not a PDF file (it looks like JPEG)" in p.message


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "tool.exe", "run.js"])
def test_file_unsafe_type(proj: RulesProject, name: str) -> None:
    proj.write(f"content/files/{name}", b"<html><script>alert(1)</script></html>")
    assert _file(proj, f"files/{name}") == [
        ("file-type-unsafe", "o3", None, O3, 5, "evidence[0].file")]
    assert proj.check().item("o3").status == "incomplete"


def test_file_of_a_type_not_published_is_an_error(proj: RulesProject) -> None:
    """Only the types a council publishes are (issue 19): a RAR archive is one, a web
    page's stylesheet or an mp4 video is not, and the evidence then does not count."""
    proj.write("content/files/report.rar", b"Rar!\x1a\x07")
    assert _file(proj, "files/report.rar") == []
    assert proj.check().item("o3").status == "complete"
    proj.write("content/files/meeting.mp4", b"\x00\x00\x00\x18ftypmp42")
    proj.edit(O3, "file: files/report.rar", "file: files/meeting.mp4")
    assert proj.rows() == [
        ("file-type-unsupported", "o3", None, O3, 5, "evidence[0].file")]
    report = proj.check()
    assert [p.severity for p in report.problems if p.code == "file-type-unsupported"] == \
        ["error"]
    assert report.item("o3").status != "complete"


# --- links --------------------------------------------------------------------------------

def _url(proj: RulesProject, url: str) -> list[Row]:
    proj.edit(O8, "url: https://www.test.example/manual", f"url: '{url}'")
    return proj.rows()


@pytest.mark.parametrize("url", ["www.test.example/manual", "https://", "https:// bad host/x",
                                 "http://test.example:99999/x", "https://exa mple.go.th/"])
def test_url_malformed(proj: RulesProject, url: str) -> None:
    assert _url(proj, url) == [("url-malformed", "o8", None, O8, 4, "evidence[0].url")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)",
                                 "data:text/html;base64,PHNjcmlwdD4=", "ftp://ftp.test.example/a",
                                 "mailto:saraban@test.example"])
def test_url_scheme_not_allowed(proj: RulesProject, url: str) -> None:
    assert _url(proj, url) == [("url-scheme", "o8", None, O8, 4, "evidence[0].url")]
    assert proj.check().item("o8").status == "incomplete"


@pytest.mark.parametrize("url", [
    "file:///C:/Users/clerk/manual.pdf", "http://localhost:8080/manual",
    "http://localhost./manual", "http://127.0.0.1/manual", "http://127.1/manual",
    "http://2130706433/manual", "http://[::1]/manual", "http://10.1.2.3/manual",
    "http://172.16.0.5/manual", "http://192.168.1.20/manual", "http://169.254.1.1/",
    "http://intranet/manual", "http://fileserver.local/manual", "C:\\เอกสาร\\คู่มือ.pdf",
    "\\\\server\\share\\manual.pdf",
])
def test_url_local(proj: RulesProject, url: str) -> None:
    assert _url(proj, url) == [("url-local", "o8", None, O8, 4, "evidence[0].url")]


@pytest.mark.parametrize("url", [
    "https://drive.google.com/drive/folders/1AbC", "https://drive.google.com/drive/u/0/my-drive",
    "https://mail.google.com/mail/u/0/#inbox/1", "https://council-my.sharepoint.com/personal/a",
    "https://www.facebook.com/groups/123/", "https://www.test.example/wp-admin/post.php",
])
def test_url_needing_a_login_is_a_warning(proj: RulesProject, url: str) -> None:
    assert _url(proj, url) == [("url-login", "o8", None, O8, 4, "evidence[0].url")]
    report = proj.check()
    assert report.problems[0].severity == "warning"
    assert report.item("o8").status == "complete"


@pytest.mark.parametrize("url", ["https://www.test.example/manual?id=5#top",
                                 "http://8.8.8.8/manual", "https://อบต.ทดสอบ.th/คู่มือ",
                                 "https://drive.google.com/file/d/1AbC/view"])
def test_public_urls_pass(proj: RulesProject, url: str) -> None:
    assert _url(proj, url) == []


def test_same_url_for_unrelated_items(proj: RulesProject) -> None:
    # o3 (sub-indicator 9.2) and o8 (10.1) point to one general page
    proj.edit(O3, "file: files/report.pdf", "url: https://www.test.example/")
    proj.edit(O8, "url: https://www.test.example/manual", "url: HTTPS://WWW.test.example")
    report = proj.check()
    assert rows(report) == [
        ("url-shared", "o3", None, O3, 3, "evidence[0].url"),
        ("url-shared", "o8", None, O8, 3, "evidence[0].url"),
    ]
    assert all(p.severity == "warning" for p in report.problems)
    assert "o3, o8" in report.problems[0].message


def test_same_url_within_one_sub_indicator_is_fine(proj: RulesProject) -> None:
    proj.edit(O5, "https://www.test.example/stats-h1", "https://www.test.example/stats")
    proj.edit(O6, "https://www.test.example/complaints-h1", "https://www.test.example/stats")
    assert proj.rows() == []


# --- not applicable -----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["true", "''", "'   '", "ใช่"])
def test_not_applicable_without_reason(proj: RulesProject, value: str) -> None:
    proj.item("o8", f"---\nnot_applicable: {value}\n---\n")
    report = proj.check()
    assert rows(report) == [("na-without-reason", "o8", None, O8, None, "not_applicable")]
    assert report.item("o8").status == "na"


def test_not_applicable_with_reason(proj: RulesProject) -> None:
    proj.item("o8", "---\nnot_applicable: หน่วยงานไม่มีภารกิจด้านนี้\n---\n")
    report = proj.check()
    assert rows(report) == []
    assert report.item("o8").status == "na" and report.item("o8").score is None


# --- o2/o3 as links to the council's own pages (issue 20) --------------------------------

LINK_PAGE = """\
---
evidence:
  - title: {title}
    url: https://www.test.example/{page}
    components: {components}
---
"""


def test_executives_page_instead_of_site_config(proj: RulesProject) -> None:
    """No `executives:` in site_config.yml, but a link to the council's executives page:
    every component met by the link, no executives-missing."""
    start = CONFIG.index("executives:")
    proj.write("site_config.yml", CONFIG[:start] + CONFIG[CONFIG.index("current_year"):])
    proj.item("o1", LINK_PAGE.format(title="คณะผู้บริหาร", page="executives",
                                     components="all"))
    report = proj.check()
    assert rows(report) == []
    o1 = report.item("o1")
    assert o1.status == "complete"
    assert [[e.title for e in c.evidence] for c in o1.components] == [["คณะผู้บริหาร"]] * 4


def test_contact_page_for_what_site_config_lacks(proj: RulesProject) -> None:
    proj.config("  fax: 0-0000-0001\n", "")
    proj.config("  map: {lat: 13.75, lon: 100.5}\n", "")
    proj.item("o2", LINK_PAGE.format(title="ติดต่อเรา", page="contact",
                                     components="[fax, map]"))
    report = proj.check()
    assert rows(report) == []
    o2 = report.item("o2")
    # both are shown: site_config.yml's data where it has it, the link where it is claimed
    assert [(c.component.id, c.met, bool(c.evidence), c.detail) for c in o2.components] == [
        ("address", True, False, "1 หมู่ 1 ตำบลทดสอบ"), ("phone", True, False, "0-0000-0000"),
        ("fax", True, True, ""), ("email", True, False, "saraban@test.example"),
        ("map", True, True, "")]


def test_contact_link_and_site_config_both_count(proj: RulesProject) -> None:
    proj.item("o2", LINK_PAGE.format(title="ติดต่อเรา", page="contact", components="all"))
    report = proj.check()
    assert rows(report) == []
    fax = report.item("o2").components[2]
    assert fax.met and fax.detail == "0-0000-0001" and [e.title for e in fax.evidence] == [
        "ติดต่อเรา"]


def test_contact_missing_everywhere_names_both_fixes(proj: RulesProject) -> None:
    proj.config("  fax: 0-0000-0001\n", "")
    proj.item("o2", LINK_PAGE.format(title="ติดต่อเรา", page="contact", components="[phone]"))
    report = proj.check()
    assert rows(report) == [("contact-incomplete", "o2", "fax", CFG, None, "council.fax")]
    p = report.problems[0]
    assert "site_config.yml" in p.fix_th and "content/2568/oit/o2.md" in p.fix_th
    assert "components: [fax]" in p.fix_th


def test_a_broken_contact_link_does_not_count(proj: RulesProject) -> None:
    proj.config("  fax: 0-0000-0001\n", "")
    proj.item("o2", LINK_PAGE.format(title="ติดต่อเรา", page="contact",
                                     components="[fax]").replace(
        "https://www.test.example/contact", "http://intranet/contact"))
    report = proj.check()
    assert sorted(r[0] for r in rows(report)) == ["contact-incomplete", "url-local"]
    assert not report.item("o2").components[2].met


def test_period_component_is_still_refused_by_name(proj: RulesProject) -> None:
    """Only components decided from site_config.yml may be claimed by a link; one decided
    by the evidence's dates is still `component-unknown`, with the reason."""
    proj.edit(O9, "components: all", "components: [fiscal_year]")
    report = proj.check()
    assert ("component-unknown", "o9", None, O9, 6, "evidence[0].components[0]") in rows(report)
    assert "decided automatically" in report.problems[0].message


# --- components: [] and undated entries ---------------------------------------------------

def test_empty_components_list_is_reported_like_a_missing_one(proj: RulesProject) -> None:
    proj.edit(O3, "components: [report]", "components: []")
    report = proj.check()
    assert rows(report) == [("component-unmet", "o3", "report", O3, None, None),
                            ("evidence-no-components", "o3", None, O3, 6,
                             "evidence[0].components")]
    assert report.problems[1].build == "mark"


def test_undated_entry_marks_its_row(proj: RulesProject) -> None:
    proj.edit(O3, "    date: 2568-09-30\n", "")
    report = proj.check()
    assert rows(report) == [("evidence-date-missing", "o3", None, O3, 3, "evidence[0]")]
    st = report.item("o3")
    assert [p.code for p in st.attention] == ["evidence-date-missing"]
    assert [p.code for p in st.entry_errors[0]] == ["evidence-date-missing"]
    assert st.linkable == frozenset({0})  # its file is fine: it is linked, not counted


# --- links written as paths on the council's website --------------------------------------

def test_relative_link_is_read_on_the_councils_website(proj: RulesProject) -> None:
    proj.config("  name_th: องค์การบริหารส่วนตำบลทดสอบกฎ\n",
                "  name_th: องค์การบริหารส่วนตำบลทดสอบกฎ\n  website: https://www.test.example/\n")
    proj.edit(O8, "url: https://www.test.example/manual", "url: /wp-content/uploads/manual.pdf")
    report = proj.check()
    assert rows(report) == [("url-relative", "o8", None, O8, 4, "evidence[0].url")]
    assert report.problems[0].severity == "warning"
    assert "https://www.test.example/wp-content/uploads/manual.pdf" in report.problems[0].message
    assert report.item("o8").content.evidence[0].url == \
        "https://www.test.example/wp-content/uploads/manual.pdf"
    assert report.item("o8").status == "complete"


@pytest.mark.parametrize("url", ["/wp-content/uploads/manual.pdf",
                                 "index.php?option=com_content&id=9",
                                 "wp-content/uploads/manual.pdf"])
def test_relative_link_without_a_website_is_refused_with_the_fix(proj: RulesProject,
                                                                 url: str) -> None:
    proj.edit(O8, "url: https://www.test.example/manual", f"url: {url}")
    report = proj.check()
    assert rows(report) == [("url-malformed", "o8", None, O8, 4, "evidence[0].url")]
    p = report.problems[0]
    assert "council" in p.message and "website" in p.message
    assert report.item("o8").linkable == frozenset()  # never a link that cannot open


def test_host_without_scheme_is_not_a_path() -> None:
    from generator.base.links import relative_path, url_problem

    assert not relative_path("www.test.example/manual")
    found = url_problem("www.test.example/manual")
    assert found is not None and found[0] == "url-malformed"
    assert str(found[1]["why"].en) == "it does not start with https://"  # type: ignore[union-attr]


# --- site.url -------------------------------------------------------------------------------

def test_site_url_missing_is_a_warning(proj: RulesProject) -> None:
    proj.config("  url: https://www.test.example/ita/\n", "")
    report = proj.check()
    assert rows(report) == [("site-url-missing", None, None, CFG, 22, "site.url")]
    p = report.problems[0]
    assert p.severity == "warning" and p.build == "none"
    assert "2568/oit/o1/" in p.message_th


def test_relative_link_in_a_progress_report(proj: RulesProject) -> None:
    """measures.yml's evidence links follow the same rule as an item's."""
    proj.config("  name_th: องค์การบริหารส่วนตำบลทดสอบกฎ\n",
                "  name_th: องค์การบริหารส่วนตำบลทดสอบกฎ\n  website: https://www.test.example/\n")
    proj.edit("content/2568/measures.yml", 'url: "https://www.test.example/m1-6m"',
              'url: "/m1-6m"')
    report = proj.check()
    assert rows(report) == [("url-relative", "o27", None, "content/2568/measures.yml", 13,
                             "measures[0].progress.6m.evidence[0].url")]
    m = load_project(proj.root).years[2568].measures
    assert m is not None
    assert m.measures[0].progress["6m"].evidence[0].url == "https://www.test.example/m1-6m"
