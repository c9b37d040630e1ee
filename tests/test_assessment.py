"""Assessment results, scoring rules as per-year data, o27/o28 documents, EIT QR code."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.check.assessment import check_assessment, compute
from generator.check.results import NOT_ENTERED, groups
from generator.load.assessment import Assessment, load_rules, rules_years
from generator.load.project import load_project

from .conftest import REPO


def entered(fy: int, tools: dict[str, float] | None = None,
            indicators: dict[str, float] | None = None, overall: float | None = None,
            label: str = "") -> Assessment:
    return Assessment(fy, overall, label, "", tools or {}, indicators or {}, (), "", "x.yml")


def test_seed_000_2568_weights_reproduce_97_18() -> None:
    c = compute(entered(2568, {"IIT": 99.51, "EIT1": 95.95, "EIT2": 96.89, "OIT": 96.00}),
                load_rules(2568))
    assert c.overall == 97.18 and c.band == "ผ่านดีเยี่ยม"


def test_seed_004_2568_from_indicators_99_37() -> None:
    ind = {"1": 100, "2": 100, "3": 100, "4": 100, "5": 100, "6": 98.57, "7": 97.19,
           "8": 97.96, "9": 100, "10": 100}
    rules = load_rules(2568)
    # EIT parts 1 and 2 are not invented: only their mean (the indicators' mean) is known
    c = compute(entered(2568, indicators=ind), rules)
    assert c.overall == 99.37 and c.band == "ผ่านดีเยี่ยม"
    assert c.tool("EIT1").source == c.tool("EIT2").source == NOT_ENTERED


def test_seed_004_2567_96_33_is_good_not_excellent() -> None:
    ind = {"1": 100, "2": 100, "3": 100, "4": 100, "5": 100, "6": 95.24, "7": 92.26,
           "8": 85.78, "9": 95.00, "10": 100}
    c = compute(entered(2567, indicators=ind), load_rules(2567))
    # EIT 91.09 < 95: not ผ่านดีเยี่ยม; a part may be below 85, so ผ่าน stays possible
    assert c.overall == 96.33 and c.possible == ("ผ่านดี", "ผ่าน")


@pytest.mark.parametrize("fy,ind,total", [
    (2564, [95.60, 91.91, 95.47, 92.85, 93.16, 82.13, 69.82, 76.97, 95.00, 100.00], 90.03),
    (2565, [94.88, 90.74, 94.11, 90.59, 92.16, 91.13, 93.67, 91.43, 100.00, 100.00], 95.37),
    (2566, [94.85, 84.11, 90.51, 83.07, 83.11, 96.77, 96.95, 95.62, 100.00, 100.00], 95.07),
])
def test_seed_001_three_years(fy: int, ind: list[float], total: float) -> None:
    c = compute(entered(fy, indicators={str(i + 1): v for i, v in enumerate(ind)}),
                load_rules(fy))
    assert c.overall == total
    if fy == 2566:
        assert c.band == "ผ่านดี"  # IIT 87.13 keeps it below ผ่านดีเยี่ยม; EIT mean 96.45
        assert groups(c_ind := {str(i + 1): v for i, v in enumerate(ind)},
                      urgent_below=85, strength_from=90.01)["urgent"] == ("2", "4", "5")
        assert len(c_ind) == 10


def test_rules_files_all_load() -> None:
    for fy in rules_years():
        rules = load_rules(fy)
        assert rules is not None and sum(t.weight for t in rules.tools) == 100


def test_disagreement_warnings_fire_with_numbers() -> None:
    rules = load_rules(2568)
    a = entered(2568, {"IIT": 99.51, "EIT1": 95.95, "EIT2": 96.89, "OIT": 96.00},
                overall=97.81, label="ผ่านดี")
    rows = [(p.code, p.severity, p.value) for p in check_assessment(a, rules)]
    assert rows == [("assessment-overall-mismatch", "warning", "97.81"),
                    ("assessment-label-mismatch", "warning", "ผ่านดี")]
    msg = check_assessment(a, rules)[0].message
    assert "97.18" in msg and "40% × 96.00 (OIT)" in msg
    ok = entered(2568, {"IIT": 99.51, "EIT1": 95.95, "EIT2": 96.89, "OIT": 96.00},
                 overall=97.18, label="ผ่านดีเยี่ยม")
    assert check_assessment(ok, rules) == []


def test_a_tool_the_year_does_not_have_and_a_year_without_rules_are_said() -> None:
    rules = load_rules(2568)
    a = entered(2568, {"IIT": 99.51, "EIT": 95.0, "OIT": 96.00})
    rows = [(p.code, p.value) for p in check_assessment(a, rules)]
    assert ("assessment-unknown-tool", "EIT") in rows
    unknown = next(p for p in check_assessment(a, rules) if p.code == "assessment-unknown-tool")
    assert "EIT1" in unknown.message and "EIT2" in unknown.message  # the tools it does have
    rows = [(p.code, p.year) for p in check_assessment(entered(2555), None)]
    assert rows == [("assessment-no-rules", 2555)]


def test_thai_digits_parse_and_wrong_entry_warns(mini_project: Path) -> None:
    d = mini_project / "content" / "2598"
    d.mkdir()
    (d / "assessment.yml").write_text(
        "overall: ๙๗.๘๑\nlabel: ผ่านดีเยี่ยม\n"
        "tools: {IIT: ๙๙.๕๑, EIT1: ๙๕.๙๕, EIT2: ๙๖.๘๙, OIT: ๙๖.๐๐}\n", "utf-8")
    project = load_project(mini_project)
    a = project.assessments[2598]
    assert a.tools == {"IIT": 99.51, "EIT1": 95.95, "EIT2": 96.89, "OIT": 96.0}
    from generator.check.assessment import assessment_problems
    rows = [(p.code, p.file, p.line, p.path) for p in assessment_problems(project, [2598])]
    assert rows == [("assessment-overall-mismatch", "content/2598/assessment.yml", 1,
                     "overall")]


def test_example_has_three_years_of_results_that_agree() -> None:
    project = load_project(REPO)
    assert sorted(project.assessments) == [2566, 2567, 2568]
    from generator.check.assessment import assessment_problems
    assert assessment_problems(project, sorted(project.assessments)) == []
    assert project.assessments[2566].overall == 89.59  # typed in Thai digits


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def text(el) -> str:  # type: ignore[no-untyped-def]
    return " ".join(el.get_text(" ").split())


def test_results_page(example_site: Path) -> None:
    s = soup(example_site / "2568" / "assessment" / "index.html")
    assert "95.35" in text(s.select_one(".pg-results")) and "ผ่านดี" in text(
        s.select_one(".pg-results"))
    rows = {r["id"]: text(r) for r in s.select("tr[id^=ind-]")}
    assert len(rows) == 10 and "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน" in rows["ind-9"]  # 88.00 < 90
    assert "จุดแข็งที่ควรรักษาไว้" in rows["ind-10"]  # 100.00
    svg = s.select_one("figure.pg-figure svg[role=img]")
    assert svg.select_one("title").get_text() and "2566" in svg.select_one("desc").get_text()
    assert [text(th) for th in s.select("table.pg-compare thead th")][1:] == [
        "2566", "2567", "เปลี่ยนแปลง", "2568", "เปลี่ยนแปลง"]
    total = [text(td) for td in s.select("table.pg-compare tr.pg-total td[data-cell=change]")]
    assert total == ["+3.56", "+2.20"]  # 89.59 -> 93.15 -> 95.35, as seed 004 l.186 shows +3.04
    assert "เทียบปี 2567: +2.20" in text(s.select_one(".pg-results"))
    # o-item rows are titled from the catalogue (the officer types the id and score only)
    assert text(s.select_one("tr#q-o13").select("td")[1]) == (
        "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2567")
    assert text(s.select_one("tr#q-o14").select("td")[1]) == "แผนการบริหารและพัฒนาทรัพยากรบุคคล"
    data = json.loads((example_site / "2568" / "assessment.json").read_text("utf-8"))
    assert data["entered"]["overall"] == 95.35 and data["computed"]["overall"] == 95.35
    assert data["computed"]["label"] == "ผ่านดี"
    # the example's site_config: urgent below 90, strengths from 95 (seed 004's grouping)
    assert data["groups"]["urgent"] == ["9"]
    assert data["groups"]["strength"] == ["1", "2", "3", "4", "5", "6", "7", "8", "10"]
    s66 = soup(example_site / "2566" / "assessment" / "index.html")
    urgent = [r["id"] for r in s66.select("tr[id^=ind-]") if r["data-group"] == "urgent"]
    assert urgent == ["ind-2", "ind-4", "ind-5", "ind-7", "ind-8"]  # below 90
    # the EIT parts are not in the published figures entered for 2566: shown, not invented
    assert "ไม่ได้กรอก" in text(s66.select_one("tr#tool-EIT1"))


def test_o27_page_has_analysis_and_measures(example_site: Path) -> None:
    s = soup(example_site / "2568" / "oit" / "o27" / "index.html")
    doc = s.select_one("article.pg-document")
    assert doc.select_one("h4#weaknesses") and doc.select_one("h4#improvements")
    heads = [text(th) for th in doc.select("table.pg-measures thead th")]
    assert heads == ["ที่", "มาตรการ/โครงการ/กิจกรรม", "การวิเคราะห์/ตัวชี้วัดที่เกี่ยวข้อง",
                     "ขั้นตอน/วิธีการปฏิบัติ", "ระยะเวลา", "ผู้รับผิดชอบ", "การติดตามผล",
                     "ข้อจำกัดของหน่วยงาน"]
    assert len(doc.select("table.pg-measures tbody tr")) == 5
    # findings link to the analysed year's indicator with its score
    link = doc.select_one("a[href$='2567/assessment/#ind-4']")
    assert link is not None and "86.70" in text(link.parent)


def test_o28_page_reports_every_measure_and_oit_progress(example_site: Path) -> None:
    s = soup(example_site / "2568" / "oit" / "o28" / "index.html")
    # 2568's o28 is the year-end report of the 2567 measures (seed 000 l.133)
    measures = s.select("table.pg-progress tbody")
    assert len(measures) == 4  # content/2567/measures.yml
    oit = s.select("table.pg-oitprogress tbody tr")
    assert len(oit) == 28
    row = {text(r.select_one("td")): text(r) for r in oit}
    assert "ดำเนินการแล้ว" in row["o1"] and "ครบทุกองค์ประกอบ" in row["o1"]
    assert "ดำเนินการแล้ว" in row["o12"]  # every month, Aug-Sep as imported tables (#18)
    assert "อยู่ระหว่างดำเนินการ" in row["o13"] and "ยังขาด" in row["o13"]  # no problems part
    assert "ยังไม่ได้ดำเนินการ" in row["o14"]  # the plan on file ended in 2567
    assert s.select_one(".pg-qr svg[role=img]")


@pytest.mark.browser
def test_eit_qr_decodes_to_the_configured_url(browser, example_server, tmp_path) -> None:  # type: ignore
    import zxingcpp
    from PIL import Image

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in ("2568/oit/o28/", ""):
        page.goto(example_server.url + path, wait_until="networkidle")
        shot = tmp_path / "qr.png"
        page.locator(".pg-qr svg").first.screenshot(path=str(shot))
        [result] = zxingcpp.read_barcodes(Image.open(shot))
        assert result.text == "https://itas.nacc.go.th/go/eit/ex2568"
    page.close()


@pytest.mark.browser
def test_results_page_prints_on_a4(browser, example_server, tmp_path) -> None:  # type: ignore
    page = browser.new_page()
    page.goto(example_server.url + "2568/assessment/", wait_until="networkidle")
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF-")
    assert b"/MediaBox [0 0 594.9" in pdf  # A4 portrait, 595 x 842 pt
    page.emulate_media(media="print")
    hidden = page.evaluate("getComputedStyle(document.querySelector('.md-sidebar')).display")
    assert hidden == "none"
    page.close()


def test_thai_digits_option_reaches_the_documents(tmp_path: Path) -> None:
    import shutil

    from .conftest import build_into

    project = tmp_path / "council"
    project.mkdir()
    shutil.copytree(REPO / "content", project / "content")
    cfg = (REPO / "site_config.yml").read_text("utf-8")
    (project / "site_config.yml").write_text(
        cfg.replace("thai_digits: false", "thai_digits: true"), "utf-8")
    site = build_into(project, tmp_path / "site").out
    s = soup(site / "2568" / "assessment" / "index.html")
    assert "๙๕.๓๕" in text(s.select_one(".pg-results"))
    tools = [text(r) for r in s.select("table.pg-table")[0].select("tbody tr")]
    assert tools[1].startswith("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ ๑")
    o28 = soup(site / "2568" / "oit" / "o28" / "index.html")
    rounds = [text(td.select_one("strong")) for td in o28.select(
        "table.pg-progress tbody td[data-label='รอบรายงาน']")]
    assert rounds[:2] == ["รอบ ๖ เดือน", "รอบ ๑๒ เดือน"]
    # every number of both documents, typed or generated, is in Thai digits
    for item in ("o27", "o28"):
        doc = soup(site / "2568" / "oit" / item / "index.html").select_one("article.pg-document")
        assert doc is not None
        shown = re.sub(r"https?://\S+", "", text(doc))  # a web address is typed as it is
        assert not re.findall(r"[0-9]", shown), (item, re.findall(r".{12}[0-9].{12}", shown))
        assert "๒๕๖๘" in shown
    o12 = soup(site / "2568" / "oit" / "o12" / "index.html")  # 2568's monthly list is o12
    august = o12.select_one("#m-2568-08")
    assert text(august.select_one("summary")).startswith("เดือนสิงหาคม ๒๕๖๘ ๖ รายการ")
    assert text(august.select_one("tfoot td")) == "๑,๗๗๐,๘๘๐.๕๐"


def test_home_links_every_year_of_results(example_site: Path) -> None:
    s = soup(example_site / "index.html")
    links = [a["href"] for a in s.select("article a[href$='/assessment/']")]
    assert links == ["2568/assessment/", "2567/assessment/", "2566/assessment/"]
