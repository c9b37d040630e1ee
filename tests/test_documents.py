"""o27 and o28 as the council's documents (generator/documents.py): what the memo and its
attachment say, from the example council's data and from changed copies of it; the new
data's schema (site_config.yml `documents:`, measures.yml `documents:`, `meeting:`,
`working_group:`, `indicators:`) and its problems. Printing: tests/test_print_documents.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.check.year import check_year
from generator.load.documents import Memo, Thresholds
from generator.load.project import load_project
from generator.render.documents import (
    AnalysisView,
    ProgressView,
    analysis_view,
    change_text,
    progress_view,
    report_period,
    report_round,
)

from .conftest import REPO, TODAY, example_council


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    """A writable copy of the example council."""
    return example_council(tmp_path)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def views(root: Path) -> tuple[AnalysisView, ProgressView, list[tuple[str, str, str | None]]]:
    project = load_project(root)
    report = check_year(project, 2568, TODAY)
    m = project.years[2568].measures
    assert m is not None
    problems = [(p.code, p.file or "", p.path) for p in report.problems
                if p.code in ("signature-incomplete", "progress-date-missing",
                              "measure-field-missing", "field-unknown", "field-value")]
    return (analysis_view(project.config, m, project.assessments, report, "o27"),
            progress_view(project.config, m, project.assessments, report, "o28", "o27"),
            problems)


def test_thresholds_group_scores() -> None:
    # the defaults reproduce seed 004 (2567): 8 urgent, 6, 7 and 9 to improve, the rest kept
    t = Thresholds()
    seed_004 = {"1": 100, "6": 95.24, "7": 92.26, "8": 85.78, "9": 95.00, "10": 100}
    assert {i: t.group(v) for i, v in seed_004.items()} == {
        "1": "strength", "6": "improve", "7": "improve", "8": "urgent", "9": "improve",
        "10": "strength"}
    assert t.group(None) == ""
    council = Thresholds(urgent_below=90, strength_from=95)  # the example council's
    assert [council.group(x) for x in (89.99, 90.0, 94.99, 95.0)] == [
        "urgent", "improve", "improve", "strength"]
    seed_001 = Thresholds(urgent_below=85, strength_from=90.01)  # "มากกว่าร้อยละ ๙๐"
    assert [seed_001.group(x) for x in (90.51, 90.0, 84.11)] == ["strength", "improve",
                                                               "urgent"]


def test_example_o27_memo_and_analysis() -> None:
    a, _, problems = views(REPO)
    assert problems == []
    h = a.memo.header
    assert h.unit == "สำนักปลัด องค์การบริหารส่วนตำบลหนองใสสะอาด อำเภอแม่จัน จังหวัดเชียงราย"
    assert h.number == "ชร 73599/2871" and h.date and h.date.isoformat() == "2024-11-05"
    assert h.to == "นายกองค์การบริหารส่วนตำบลหนองใสสะอาด"
    assert [s.title for s in a.memo.sections] == [
        "เรื่องเดิม", "ข้อเท็จจริง", "ระเบียบ กฎหมายที่เกี่ยวข้อง", "ข้อเสนอเพื่อพิจารณา"]
    # the council is named in the body, with its score and last year's
    assert "ตามที่องค์การบริหารส่วนตำบลหนองใสสะอาดได้เข้ารับการประเมิน" in \
        a.memo.sections[0].paragraphs[0]
    assert "93.15 คะแนน อยู่ในระดับ “ผ่านดี” เพิ่มขึ้น 3.56 คะแนน จากปีงบประมาณ พ.ศ. 2566" \
        in a.memo.sections[1].paragraphs[0]
    assert [(b.name, b.kind) for b in a.memo.signers] == [
        ("นางสาวกมลชนก ศรีสุข", "sign"), ("นายธนพล ใจมั่น", "sign")]
    assert [(b.heading, b.text) for b in a.memo.opinions] == [
        ("ความเห็นของปลัดองค์การบริหารส่วนตำบลหนองใสสะอาด", "เห็นควรพิจารณาอนุมัติตามเสนอ")]
    assert a.memo.approval and a.memo.approval.text == "อนุมัติ / ให้ดำเนินการ"
    assert a.memo.acknowledgements == ("หัวหน้าสำนักปลัด", "ผู้อำนวยการกองคลัง",
                                       "ผู้อำนวยการกองช่าง")
    # 2567 against 2566, grouped by the council's thresholds (90 / 95)
    assert [f.title for f in a.families] == [
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
        "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)"]
    rows = {r.id: r for f in a.families for r in f.rows}
    assert (rows["4"].score, rows["4"].previous, rows["4"].change) == (86.70, 83.40, 3.30)
    assert {g: [r.id for r in rs] for g, rs in a.groups.items()} == {
        "urgent": ["4", "7"], "improve": ["2", "3", "5", "6", "8", "9"],
        "strength": ["1", "10"]}
    assert [q.id for q in a.questions] == ["o13", "o14", "i21", "e12"]  # lowest first
    assert a.show_limits and a.working_group and len(a.working_group.members) == 6
    assert a.adopted.startswith("จากการประชุมผู้บริหาร หัวหน้าส่วนราชการ และพนักงาน ครั้งที่ "
                                "10/2567 เมื่อวันที่ 30 ตุลาคม 2567 ณ ห้องประชุม")


def test_example_o28_progress_report() -> None:
    _, p, _ = views(REPO)
    assert p.round == "12m" and p.rounds == ("6m", "12m")
    assert p.period == "ตุลาคม 2567 ถึงกันยายน 2568"
    assert p.title[-1] == "(เดือนตุลาคม 2567 ถึงเดือนกันยายน 2568)"
    assert p.counts == {"done": 5, "in_progress": 0, "not_started": 0, "unreported": 0}
    assert p.memo.header.subject.endswith("ประจำปีงบประมาณ พ.ศ. 2568 รอบ 12 เดือน")
    # เรื่องเดิม quotes the o27 memo by its number, date and subject
    assert p.memo.sections[0].paragraphs[0].startswith(
        "ตามบันทึกข้อความ สำนักปลัด ที่ ชร 73599/2871 ลงวันที่ 5 พฤศจิกายน 2567 เรื่อง "
        "รายงานการวิเคราะห์ผลการประเมิน")
    assert [r.id for r in p.plans] == [str(i) for i in range(1, 9)]
    assert not any(r.from_measures for r in p.plans) and p.plans[7].status == "in_progress"
    assert [g.id for g in p.oit] == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]
    assert sum(len(g.rows) for g in p.oit) == 28
    assert p.summary and (p.summary.overall, p.summary.previous_overall) == (95.35, 93.15)
    nine = next(r for r in p.summary_rows if r.id == "9")
    assert change_text(nine.change) == "ลดลง 4.50 คะแนน"
    assert change_text(0.0) == "ไม่มีการเปลี่ยนแปลง"


def test_rounds_and_periods() -> None:
    from datetime import date
    assert report_round(2568, None, date(2025, 2, 1)) == "6m"  # nothing due yet
    assert report_round(2568, None, date(2025, 4, 1)) == "6m"
    assert report_round(2568, None, date(2025, 9, 30)) == "12m"
    assert report_round(2568, Memo(round="6m"), date(2025, 9, 30)) == "6m"
    assert report_period(2568, "6m") == "ตุลาคม 2567 ถึงมีนาคม 2568"


def test_defaults_come_from_the_executives_and_the_item(council: Path) -> None:
    cfg = council / "site_config.yml"
    text = cfg.read_text("utf-8")
    cfg.write_text(re.sub(r"\n# เกณฑ์จัดกลุ่ม.*?\n\n# บันทึกข้อความ.*?\n\n", "\n\n", text,
                          flags=re.S), "utf-8")
    assert "documents:" not in cfg.read_text("utf-8")
    assert "analysis:" not in cfg.read_text("utf-8")
    a, p, problems = views(council)
    assert problems == []
    # signed by the ปลัด, approved by the นายก, both from `executives:`
    assert [(b.name, b.position) for b in a.memo.signers] == [
        ("นางสาวพิมพ์ชนก วงศ์ใจ", "ปลัดองค์การบริหารส่วนตำบลหนองใสสะอาด")]
    assert a.memo.approval and a.memo.approval.name == "นายบุญเรือง คำแสนใส"
    assert a.memo.header.to == "นายกองค์การบริหารส่วนตำบลหนองใสสะอาด"
    # ส่วนราชการ: the unit of the item; no book-number prefix
    assert a.memo.header.unit.startswith("สำนักปลัด (งานนโยบายและแผน) องค์การบริหาร")
    assert a.memo.header.number == "2871"
    assert a.thresholds == Thresholds()


def test_typed_sections_and_signers_replace_the_defaults(council: Path) -> None:
    edit(council / "content/2568/measures.yml", '''  progress:
    number: "2415"''', '''  progress:
    round: 6m
    background: ตามที่ได้กำหนดมาตรการไว้ 5 มาตรการ นั้น
    proposal: [เผยแพร่รายงานรอบ 6 เดือน, ติดตามมาตรการที่ยังไม่แล้วเสร็จ]
    signatures:
      - {name: นางสาวทดสอบ พิมพ์ดี, position: เจ้าพนักงานธุรการ, date: 2568-04-22}
    approval: {name: นายบุญเรือง คำแสนใส, position: นายก อบต., wording: ทราบ / อนุมัติ}
    number: "2415"''')
    _, p, problems = views(council)
    assert problems == []
    assert p.round == "6m" and p.rounds == ("6m",)
    assert p.memo.sections[0].paragraphs == ("ตามที่ได้กำหนดมาตรการไว้ 5 มาตรการ นั้น",)
    assert p.memo.sections[3].items == ("เผยแพร่รายงานรอบ 6 เดือน",
                                        "ติดตามมาตรการที่ยังไม่แล้วเสร็จ")
    assert [b.name for b in p.memo.signers] == ["นางสาวทดสอบ พิมพ์ดี"] and not p.memo.opinions
    assert p.memo.approval and (p.memo.approval.heading, p.memo.approval.text) == (
        "ความเห็นของนายก อบต.", "ทราบ / อนุมัติ")


def test_indicator_rows_gathered_from_the_measures(council: Path) -> None:
    path = council / "content/2568/measures.yml"
    text = path.read_text("utf-8")
    path.write_text(re.sub(r"\n# o28 ประเด็นการประเมิน IIT.*?\n\nmeasures:", "\n\nmeasures:",
                           text, flags=re.S), "utf-8")
    _, p, _ = views(council)
    rows = {r.id: r for r in p.plans}
    assert all(r.from_measures for r in p.plans)
    assert rows["4"].approach == ("มาตรการยืมคืนพัสดุและการใช้รถราชการ",)
    assert rows["4"].units == ("กองคลัง",) and rows["4"].status == "done"
    assert rows["1"].approach == () and rows["1"].status == ""  # no measure cites it


def test_schema_problems_are_located(council: Path) -> None:
    edit(council / "site_config.yml", "  urgent_below: 90", "  urgent_below: 97")
    edit(council / "site_config.yml", "    - name: นายธนพล ใจมั่น\n", "    - nmae: นายธนพล ใจมั่น\n")
    edit(council / "content/2568/measures.yml", "    number: \"2871\"", "    numbr: \"2871\"")
    edit(council / "content/2568/measures.yml", "        date: 2568-04-22\n", "", )
    _, _, problems = views(council)
    assert sorted(problems) == sorted([
        ("field-value", "site_config.yml", "analysis.strength_from"),
        ("field-unknown", "site_config.yml", "documents.signatures[1].nmae"),
        ("signature-incomplete", "site_config.yml", "documents.signatures[1].name"),
        ("field-unknown", "content/2568/measures.yml", "documents.analysis.numbr"),
        ("progress-date-missing", "content/2568/measures.yml", "measures[0].progress.6m"),
    ])
    project = load_project(council)
    sig = next(p for p in project.problems if p.code == "signature-incomplete")
    typed = (council / "site_config.yml").read_text("utf-8").splitlines()
    assert sig.severity == "warning" and typed[sig.line - 1] == "    - nmae: นายธนพล ใจมั่น"
    assert sig.message_th.startswith("ผู้ลงนามลำดับที่ 2 (หัวหน้าสำนักปลัด) ในบันทึกข้อความ")


def test_nothing_for_officers_on_the_public_pages(example_site: Path) -> None:
    for item in ("o27", "o28"):
        s = BeautifulSoup((example_site / "2568/oit" / item / "index.html").read_text("utf-8"),
                          "html.parser")
        text = s.select_one("article.md-content__inner").get_text(" ")
        for officer_only in ("ไม่ต้องพิมพ์ซ้ำ", "measures.yml", "site_config", "prongsai",
                             "content/", "YAML"):
            assert officer_only not in text, (item, officer_only)


def test_settings_are_not_folded_into_cached_templates(council: Path, tmp_path: Path) -> None:
    """`{{ 1|digits }}` must follow each build's settings, though compiled templates are
    cached between builds (Jinja would evaluate a filter on a constant at compile time)."""
    from .conftest import build_into

    def heading(out: Path) -> str:
        s = BeautifulSoup((out / "2568/oit/o27/index.html").read_text("utf-8"), "html.parser")
        return s.select_one("h4#results").get_text()

    assert heading(build_into(council, tmp_path / "a").out).startswith("1. ")
    edit(council / "site_config.yml", "thai_digits: false", "thai_digits: true")
    assert heading(build_into(council, tmp_path / "b").out).startswith("๑. ")
