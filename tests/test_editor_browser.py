"""The real editor in a real browser (Debian chromium), driven as an officer drives it:
`prongsai edit` on a copy of the example council, Decap CMS at /admin/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.load.project import load_project

from .conftest import REPO
from .editor_server import Editor, running_editor

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
       b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")
SHOTS = os.environ.get("PRONGSAI_SCREENSHOTS")  # a folder to keep the screenshots in


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    root = tmp_path / "council"
    root.mkdir()
    shutil.copy(REPO / "site_config.yml", root)
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture()
def editor(council: Path) -> Iterator[Editor]:
    with running_editor(council) as ed:
        yield ed


class Officer:
    """A browser tab on the editor that records every request it makes."""

    def __init__(self, browser: Any, editor: Editor) -> None:
        self.context = browser.new_context(viewport={"width": 1366, "height": 900},
                                           locale="th-TH")
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.editor = editor

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.editor.url + "/")
                and not u.startswith(("data:", "blob:", "about:"))]

    def open(self, route: str) -> None:
        self.page.goto(self.editor.url + "/admin/#/" + route)

    def upload(self, button: str, path: Path) -> None:
        """Choose a file in the field's media library: upload it, then choose it."""
        self.page.get_by_text(button, exact=True).last.click()
        self.page.locator("input[type=file]").set_input_files(str(path))
        self.page.get_by_text("เลือกข้อมูลที่ถูกเลือก").click()

    def choose(self, label: str, option: str) -> None:
        """Pick an option of a select by its Thai text."""
        box = self.page.get_by_label(label).last
        box.focus()
        self.page.keyboard.press("ArrowDown")
        self.page.locator("[class*='-menu'] [class*='-option']").get_by_text(
            option, exact=True).click()

    def save(self) -> None:
        self.page.get_by_role("button", name="บันทึก", exact=True).first.click()
        self.page.get_by_text("บันทึกลงไฟล์").click()

    def checklist(self) -> Any:
        return self.page.frame_locator("iframe").first

    def screenshot(self, path: Path) -> None:
        self.page.screenshot(path=str(path))
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(SHOTS) / path.name)

    def sarabun(self) -> list[bool]:
        """Whether the editor's page and the checklist's frame each drew with a Sarabun face
        (editor.css and preview.css import the site's fonts.css)."""
        js = ("async () => { await document.fonts.ready; return [...document.fonts].some("
              "f => f.family.replaceAll('\"', '') === 'Sarabun' && f.status === 'loaded'); }")
        frames = [self.page.main_frame] + [
            f for f in self.page.frames if f.parent_frame and f.locator(".pr-item").count()]
        return [bool(f.evaluate(js)) for f in frames]

    def close(self) -> None:
        self.context.close()


def check_json(root: Path, year: int) -> dict[str, Any]:
    r = subprocess.run([sys.executable, "-m", "generator", "check", "-p", str(root), "--year",
                        str(year), "--format", "json"], capture_output=True, text=True,
                       timeout=300)
    data: dict[str, Any] = json.loads(r.stdout)
    return data


@pytest.mark.browser
def test_officer_adds_evidence_with_a_pdf_to_o19(browser, editor: Editor,  # type: ignore
                                                 tmp_path: Path) -> None:
    root = editor.root
    rel = "content/2568/oit/o19.md"
    original = (root / rel).read_bytes()
    before = check_json(root, 2568)
    # the second half is missing; 2568's o19 reads the statistics of 2567 (catalogue
    # `reads: previous`: docs/catalogue-format.md)
    assert any(p["item"] == "o19" for p in before["problems"])
    item = load_project(root).years[2568].catalogue.item("o19")
    assert item is not None and item.read_year(2568) == 2567
    pdf = tmp_path / "o19-complaint-statistics-2567-h2.pdf"
    pdf.write_bytes(PDF)

    officer = Officer(browser, editor)
    page = officer.page
    officer.open("collections/oit-2568/entries/o19")
    checklist = officer.checklist()
    checklist.locator(".pr-item[data-item='o19'].pr-status-incomplete").wait_for()
    assert officer.sarabun() == [True, True]  # the editor and its checklist, in Thai
    page.get_by_text("เพิ่ม หลักฐาน").first.click()
    title = "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือนหลัง"
    page.get_by_label("ชื่อเอกสาร (ตามที่เผยแพร่)").last.fill(title)
    page.get_by_label("วันที่ในเอกสาร").last.fill("2567-10-05")
    page.get_by_label("ช่วงเวลาที่เอกสารครอบคลุม").last.fill("2567-04 ถึง 2567-09")
    officer.upload("เลือกไฟล์", pdf)
    for comp in item.claimable:  # by their Thai names, the code beside
        officer.choose("องค์ประกอบที่เอกสารนี้ตอบ", f"{comp.name} ({comp.id})")
    officer.save()
    checklist.locator(".pr-item[data-item='o19'].pr-status-complete").wait_for(timeout=30_000)
    for comp in item.components:  # the checklist beside the form: name, code, full title
        li = checklist.locator(f".pr-item[data-item='o19'] li[data-component='{comp.id}']")
        assert li.inner_text().startswith(f"✔ {comp.name} ({comp.id}): {comp.title}")
    page.get_by_text("บันทึกแล้ว").first.wait_for()
    officer.screenshot(tmp_path / "editor-o19-saved.png")
    # the Thai interface and the preview beside it
    assert page.get_by_text("องค์ประกอบที่เอกสารนี้ตอบ").count() >= 1
    assert officer.errors == []
    assert officer.outside() == [], "the editor loaded something from outside 127.0.0.1"
    officer.close()

    text = (root / rel).read_text("utf-8")
    assert f"title: {title}" in text
    assert "period: 2567-04 ถึง 2567-09" in text and "date: 2567-10-05" in text
    assert f"components: [{', '.join(c.id for c in item.claimable)}]" in text
    stored = root / "content/files/2568" / pdf.name
    assert f"file: files/2568/{pdf.name}" in text and stored.read_bytes() == PDF
    # the officer's Markdown is kept byte for byte
    assert text.split("---\n", 2)[2] == original.decode("utf-8").split("---\n", 2)[2]
    after = check_json(root, 2568)
    st = next(i for i in after["items"] if i["id"] == "o19")
    assert st["status"] == "complete"
    assert not [p for p in after["problems"] if p["item"] == "o19"]
    status, page_html = editor.get("/ita/2568/oit/o19/")
    # the page as a reader reads it (without the Thai line-break markup)
    from .conftest import _LINE_BREAKS

    assert status == 200 and title in _LINE_BREAKS.sub("", page_html.decode("utf-8"))
    assert "o19-complaint-statistics-2567-h2.pdf" in page_html.decode("utf-8")
    kept = list((root / "history").glob("*/" + rel))
    assert len(kept) == 1 and kept[0].read_bytes() == original


@pytest.mark.browser
def test_officer_adds_an_executive_with_a_photo(browser, editor: Editor,  # type: ignore
                                                tmp_path: Path) -> None:
    root = editor.root
    original = (root / "site_config.yml").read_bytes()
    config_before = load_project(root).config
    photo = tmp_path / "somsri.png"
    photo.write_bytes(PNG)

    officer = Officer(browser, editor)
    page = officer.page
    officer.open("collections/settings/entries/executives")
    officer.checklist().locator(".pr-item[data-item='o2']").wait_for()
    page.get_by_text("เพิ่ม ผู้บริหาร").first.click()
    page.get_by_label("ชื่อ-นามสกุล").last.fill("นางสมศรี ใจงาม")
    page.get_by_label("ตำแหน่ง").last.fill("รองปลัดองค์การบริหารส่วนตำบลหนองใสสะอาด")
    page.get_by_label("โทรศัพท์").last.fill("0-5366-2141 ต่อ 103")
    officer.upload("เลือกรูปภาพ", photo)
    officer.save()
    page.get_by_text("บันทึกแล้ว").first.wait_for(timeout=30_000)
    officer.checklist().locator(".pr-item[data-item='o2'].pr-status-complete").wait_for()
    officer.screenshot(tmp_path / "editor-o2-saved.png")
    assert officer.errors == []
    assert officer.outside() == []
    officer.close()

    project = load_project(root)
    new = project.config.executives[-1]
    assert (new.name, new.position, new.phone) == (
        "นางสมศรี ใจงาม", "รองปลัดองค์การบริหารส่วนตำบลหนองใสสะอาด", "0-5366-2141 ต่อ 103")
    assert new.photo == "files/executives/somsri.png"
    assert (root / "content" / new.photo).read_bytes() == PNG
    # everything else in site_config.yml is as it was
    assert [(e.name, e.position, e.photo, e.phone, e.email) for e in
            project.config.executives[:-1]] == [
        (e.name, e.position, e.photo, e.phone, e.email) for e in config_before.executives]
    assert project.config.council == config_before.council
    assert project.config.site == config_before.site
    assert project.config.years == config_before.years
    report = check_json(root, 2568)
    assert next(i for i in report["items"] if i["id"] == "o2")["status"] == "complete"
    kept = list((root / "history").glob("*/site_config.yml"))
    assert len(kept) == 1 and kept[0].read_bytes() == original


@pytest.fixture()
def procurement_editor(council: Path) -> Iterator[Editor]:
    """The editor on the example council without its imported months (Aug.–Sep. 2568)."""
    shutil.rmtree(council / "content" / "2568" / "procurement")
    with running_editor(council) as ed:
        yield ed


@pytest.mark.browser
def test_officer_imports_a_skr1_workbook_and_the_checklist_follows(  # type: ignore
        browser, procurement_editor: Editor, tmp_path: Path) -> None:
    from generator.check.procurement import procurement_item

    from .workbooks import example_workbook

    editor = procurement_editor
    root = editor.root
    item = procurement_item(load_project(root).years[2568].catalogue)
    assert item is not None  # found from the catalogue, not assumed to be o13
    book = tmp_path / "สขร1 ส.ค.-ก.ย. 2568.xlsx"
    example_workbook().save(book)
    months = [root / "content/2568/procurement" / f"2568-{m}.yml" for m in ("08", "09")]

    officer = Officer(browser, editor)
    page = officer.page
    officer.open(f"collections/oit-2568/entries/{item.id}")
    checklist = officer.checklist()
    row = checklist.locator(f".pr-item[data-item='{item.id}']")
    row.locator(".pr-badge").wait_for()
    assert "pr-status-incomplete" in (row.get_attribute("class") or "")
    assert "ยังขาดข้อมูลเดือน ส.ค. 2568, ก.ย. 2568" in row.inner_text()
    checklist.get_by_role("button", name="นำเข้าแบบ สขร.1 (Excel/CSV)").click()
    dialog = page.get_by_role("dialog", name="นำเข้าแบบ สขร.1 (Excel/CSV)")
    dialog.wait_for()
    assert page.get_by_label("ปีงบประมาณ").input_value() == "2568"
    page.get_by_label("ไฟล์", exact=True).set_input_files(str(book))
    page.get_by_role("button", name="ตรวจไฟล์ (ยังไม่บันทึก)").click()
    table = dialog.locator("table.pr-import-months")
    table.wait_for(timeout=60_000)
    assert table.locator("tbody tr").count() == 2
    assert "สิงหาคม 2568" in table.inner_text() and "ใหม่ (จะสร้างไฟล์)" in table.inner_text()
    assert not any(m.exists() for m in months)  # the dry run wrote nothing
    officer.screenshot(tmp_path / "editor-import-dry-run.png")
    page.get_by_role("button", name="ยืนยัน นำเข้าและบันทึก").click()
    dialog.locator(".pr-done").wait_for(timeout=60_000)
    assert "บันทึกแล้ว (ไฟล์ใหม่)" in table.inner_text()
    officer.screenshot(tmp_path / "editor-import-written.png")
    page.get_by_role("button", name="ปิด", exact=True).click()
    checklist.locator(f".pr-item[data-item='{item.id}'].pr-status-complete").wait_for(
        timeout=30_000)
    assert "นำเข้าจากแบบ สขร.1: ส.ค. 2568, ก.ย. 2568" in row.inner_text()
    officer.screenshot(tmp_path / "editor-import-checklist.png")
    assert officer.errors == []
    assert officer.outside() == [], "the editor loaded something from outside 127.0.0.1"
    officer.close()

    assert all(m.is_file() for m in months)
    report = check_json(root, 2568)
    assert next(i for i in report["items"] if i["id"] == item.id)["status"] == "complete"
    assert not [p for p in report["problems"] if p["item"] == item.id]
