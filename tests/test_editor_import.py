"""The editor's import of สขร.1 workbooks (`POST /api/prongsai/import`,
generator.commands.editor.importer): uploads typed by content, a dry run that writes nothing,
a confirmation that writes the months as `prongsai import procurement` does, refusals in Thai
with sheet, row and column, and the same request checks as /api/v1."""

from __future__ import annotations

import base64
import dataclasses
import http.client
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.commands.editor.api import Refused, State, Workspace
from generator.commands.editor.importer import import_upload
from generator.commands.import_procurement import import_procurement
from generator.load.project import load_project

from .conftest import example_council, git_repo
from .editor_server import Editor, running_editor
from .test_editor_api import PDF, PNG, snapshot
from .test_procurement import _ce_date, _corrupt, _encrypted, _no_header
from .workbooks import AUGUST, SEPTEMBER, workbook

MONTHS = ("content/2568/procurement/2568-08.yml", "content/2568/procurement/2568-09.yml")


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    """A writable copy of the example council without its imported months."""
    return example_council(tmp_path, months=False)


@pytest.fixture()
def ws(council: Path) -> Workspace:
    return Workspace(council)


def _procurement_id() -> str:
    from generator.check.procurement import procurement_item
    from generator.load.catalogue import load_year

    item = procurement_item(load_year(2568))
    assert item is not None
    return item.id


# the monthly procurement item of 2568, from the catalogue (o12: docs/catalogue-format.md)
PROC = _procurement_id()


def book(august: list[Any] | None = None) -> bytes:
    """A สขร.1 workbook for August and September 2568, built with openpyxl."""
    out = io.BytesIO()
    workbook(("ส.ค.68", "สิงหาคม พ.ศ. 2568", AUGUST if august is None else august),
             ("ก.ย.68", "กันยายน พ.ศ. 2568", SEPTEMBER)).save(out)
    return out.getvalue()


def body(name: str, data: bytes, **more: Any) -> dict[str, Any]:
    return {"name": name, "content": base64.b64encode(data).decode(), "encoding": "base64",
            **more}


def refused(ws: Workspace, request: dict[str, Any]) -> Refused:
    before = snapshot(ws.root)
    with pytest.raises(Refused) as exc:
        import_upload(ws, request)
    assert snapshot(ws.root) == before, "a refused import changed the folder"
    assert exc.value.message
    return exc.value


def dry_then_confirm(ws: Workspace, request: dict[str, Any]) -> tuple[dict[str, Any],
                                                                       dict[str, Any]]:
    before = snapshot(ws.root)
    dry = import_upload(ws, request)
    assert snapshot(ws.root) == before, "the dry run wrote something"
    done = import_upload(ws, {**request, "confirm": True, "plan": dry["plan"]})
    return dry, done


# --- what may be uploaded ---------------------------------------------------------------

def _zip(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for n in names:
            z.writestr(n, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "words"), [
    ("skr1.xlsx", PDF, "PDF"),  # a PDF renamed
    ("skr1.xlsx", _zip("word/document.xml"), "Word"),  # a Word document renamed
    ("skr1.xlsx", PNG, "PNG"),
    ("skr1.csv", b"<!doctype html><script>alert(1)</script>", "HTML"),
    ("skr1.csv", PNG, "PNG"),
    ("skr1.csv", b"\x00\x01\x02binary\x00" * 20, "ไบนารี"),
    ("skr1.json", b"{not json", "ไม่ใช่ JSON"),
    ("skr1.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xlsx"),
    ("skr1.exe", b"MZ\x90\x00", ".xlsx"),
])
def test_a_disguised_or_wrong_file_is_refused_by_its_content(ws: Workspace, name: str,
                                                             data: bytes, words: str) -> None:
    exc = refused(ws, body(name, data, year=2568))
    assert exc.status == 415
    assert f"นำเข้า `{name}` ไม่ได้" in exc.message and words in exc.message
    assert "บันทึกเป็น" in exc.message  # the fix


def test_bad_requests_are_refused(ws: Workspace) -> None:
    good = body("skr1.xlsx", book(), year=2568)
    assert refused(ws, {**good, "content": "%%%"}).status == 422  # not base64
    assert refused(ws, {**good, "content": ""}).status == 422  # empty
    assert refused(ws, {**good, "name": ""}).status == 422
    exc = refused(ws, {**good, "year": 2570})  # no such year folder
    assert exc.status == 422 and "2568" in exc.message
    exc = refused(ws, {**good, "confirm": True, "plan": "0" * 64})  # not what was checked
    assert exc.status == 409 and "ตรวจไฟล์" in exc.message
    # a name with folders in it: only its last part is used, nothing lands elsewhere
    dry = import_upload(ws, {**good, "name": "../../site_config.xlsx"})
    assert dry["stored"].startswith("content/files/2568/") and ".." not in dry["stored"]


@pytest.mark.parametrize(("make", "code", "where"), [
    (_ce_date, "date-era", "ชีต ส.ค. แถว 8, คอลัมน์ K “วันที่ของสัญญาหรือข้อตกลง”"),
    (_no_header, "procurement-no-header", "ชีต Sheet"),
    (_encrypted, "procurement-source-encrypted", None),
    (_corrupt, "procurement-source-corrupt", None),
])
def test_an_unreadable_workbook_is_refused_in_thai_with_sheet_row_and_column(
        ws: Workspace, tmp_path: Path, make: Callable[[Path], None], code: str,
        where: str | None) -> None:
    src = tmp_path / "สขร1 สิงหาคม.xlsx"
    make(src)
    exc = refused(ws, body(src.name, src.read_bytes(), year=2568))
    assert exc.status == 422 and "ยังไม่ได้บันทึกอะไร" in exc.message
    found = next(p for p in exc.problems if p["code"] == code)
    # named as the officer's own file, not a temporary copy
    assert found["where_th"].startswith(src.name)
    if where:
        assert where in found["where_th"]
    assert re.search("[\u0e01-\u0e5b]", found["message_th"] + found["fix_th"])  # in Thai


# --- dry run, confirmation, replacement ------------------------------------------------------

def test_dry_run_writes_nothing_and_the_confirmation_writes_the_months(
        ws: Workspace, council: Path, tmp_path: Path) -> None:
    changes: list[State] = []
    ws.on_change = changes.append
    assert ws.state.reports[2568].item(PROC).status == "incomplete"
    data = book()
    dry, done = dry_then_confirm(ws, body("สขร1 ส.ค.-ก.ย. 2568.xlsx", data, year=2568))
    assert [(m["key"], m["state"], m["rows"]) for m in dry["months"]] == [
        ("2568-08", "new", 6), ("2568-09", "new", 4)]
    assert dry["months"][0]["budget"] == "1,770,880.50"
    assert dry["written"] is False and "ยังไม่ได้บันทึก" in dry["message"]
    # the workbook: under content/files/<fy>/, an ASCII name with the item first
    stored = dry["stored"]
    assert stored.startswith(f"content/files/2568/{PROC}-") and stored.endswith(".xlsx")
    assert stored.isascii()
    assert done["written"] is True and "นำเข้าแล้ว" in done["message"]
    assert [m["state"] for m in done["months"]] == ["new", "new"]
    assert (council / stored).read_bytes() == data
    # the same month files as `prongsai import procurement` of that file writes
    other = tmp_path / "cli"
    shutil.copytree(council, other, ignore=shutil.ignore_patterns("procurement", "history"))
    (other / stored).parent.mkdir(parents=True, exist_ok=True)
    (other / stored).write_bytes(data)
    import_procurement(other, other / stored, 2568)
    for rel in MONTHS:
        assert (council / rel).read_bytes() == (other / rel).read_bytes()
        assert f"source: {stored}" in (council / rel).read_text("utf-8")
    # checked and published as after a save
    assert len(changes) == 1 and ws.state is changes[0]
    assert ws.state.reports[2568].item(PROC).status == "complete"
    yp = load_project(council).years[2568].procurement
    assert yp is not None and [len(m.rows) for m in yp.months] == [6, 4]
    # the same file again: nothing to write, and the stored workbook is not copied twice
    again = import_upload(ws, body("สขร1.xlsx", data, year=2568))
    assert [m["state"] for m in again["months"]] == ["unchanged", "unchanged"]
    assert again["stored"] == stored and again["stored_exists"] is True
    assert again["to_write"] == 0


def test_a_different_month_is_refused_without_replace_and_kept_with_it(
        ws: Workspace, council: Path) -> None:
    dry_then_confirm(ws, body("skr1.xlsx", book(), year=2568))
    old = (council / MONTHS[0]).read_bytes()
    first = dataclasses.replace(AUGUST[0], agreed=18100, bidders="ร้านสมใจพาณิชย์ / 18,100.00 บาท")
    changed = body("skr1-corrected.xlsx", book([first, *AUGUST[1:]]), year=2568)
    dry = import_upload(ws, changed)
    aug, sep = dry["months"]
    assert (aug["state"], sep["state"]) == ("exists", "exists")
    assert aug["state_th"] == "มีอยู่แล้ว ข้อมูลต่างกัน"
    assert "-  agreed_price: 18200" in aug["diff"] and "+  agreed_price: 18100" in aug["diff"]
    # September's rows are the same: only the workbook it names as its source differs
    assert sep["changes"] == "+1 −1 บรรทัด"
    assert f"+source: content/files/2568/{PROC}-skr1-corrected.xlsx" in sep["diff"]
    assert dry["exists"] == 2 and dry["to_write"] == 0
    # confirmed without "replace": refused, nothing written
    exc = refused(ws, {**changed, "confirm": True, "plan": dry["plan"]})
    assert exc.status == 409 and "สิงหาคม 2568, กันยายน 2568" in exc.message
    assert "แทนที่" in exc.message
    # with "replace": the old months are kept beside, as `--replace` keeps them
    dry2, done = dry_then_confirm(ws, {**changed, "replace": True})
    assert dry2["plan"] == dry["plan"] and dry2["months"][0]["state"] == "replaced"
    assert [m["state"] for m in done["months"]] == ["replaced", "replaced"]
    backup = done["months"][0]["backup"]
    assert backup == "content/2568/procurement/.replaced/2568-08.1.yml"
    assert (council / backup).read_bytes() == old
    assert "agreed_price: 18100" in (council / MONTHS[0]).read_text("utf-8")
    assert backup in done["months"][0]["state_th"]


def test_in_a_git_folder_the_import_is_committed_with_the_previous_version(
        ws: Workspace, council: Path) -> None:
    git = git_repo(council)
    ws = Workspace(council)
    dry_then_confirm(ws, body("skr1.xlsx", book(), year=2568))
    first = git("show", f"HEAD:{MONTHS[0]}")
    edited = first.replace("agreed_price: 18200", "agreed_price: 18150")
    (council / MONTHS[0]).write_text(edited, "utf-8")  # edited by hand, not committed
    dry_then_confirm(ws, body("skr1.xlsx", book(), year=2568, replace=True))
    log = git("log", "--format=%s")
    assert "นำเข้า สขร.1" in log and "ฉบับก่อนแก้ไข" in log
    # the hand edit is in the history, and nothing the import wrote is left uncommitted
    assert any("18150" in git("show", f"{c}:{MONTHS[0]}")
               for c in git("log", "--format=%h", "--", MONTHS[0]).split())
    assert git("status", "--porcelain", "--", "content") == ""


# --- over HTTP: the real `prongsai edit` ---------------------------------------------------

@pytest.fixture()
def editor(council: Path) -> Iterator[Editor]:
    with running_editor(council) as ed:
        yield ed


def post(editor: Editor, data: dict[str, Any],
         headers: dict[str, str] | None = None) -> tuple[int, Any]:
    return editor.post("/api/prongsai/import", data, headers, timeout=120)


def test_over_http_only_the_editors_page_may_import_and_the_checklist_follows(
        editor: Editor) -> None:
    root = editor.root
    request = body("skr1.xlsx", book(), year=2568)
    before = snapshot(root)
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Host": "evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Content-Type": "text/plain"}):
        status, answer = post(editor, {**request, "confirm": True}, headers)
        assert status in (403, 415), (headers, status)
        text = answer["error"] if isinstance(answer, dict) else answer
        assert "ไม่อนุญาต" in text or "JSON" in text
    conn = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=30)
    conn.request("GET", "/api/prongsai/import", headers={"Origin": editor.url})
    assert conn.getresponse().status == 405
    conn.close()
    assert editor.post_oversize("/api/prongsai/import")[0] == 413
    assert snapshot(root) == before

    checklist = f"/api/prongsai/checklist?path=content/2568/oit/{PROC}.md"
    item = json.loads(editor.get(checklist)[1])["items"][0]
    assert item["procurement"] is True and item["status"] == "incomplete"
    status, dry = post(editor, request)
    assert status == 200 and snapshot(root) == before
    status, done = post(editor, {**request, "confirm": True, "plan": dry["plan"]})
    assert status == 200 and done["written"] is True
    after = json.loads(editor.get(checklist)[1])
    item = after["items"][0]
    assert item["status"] == "complete" and after["saves"] == 1
    monthly = next(c for c in item["components"] if c["auto"])
    assert monthly["met"] and monthly["imported"] == ["ส.ค. 2568", "ก.ย. 2568"]
    page = editor.get(item["preview"])[1].decode("utf-8")
    assert 'id="m-2568-08"' in page  # the preview shows the imported month's table


def test_months_of_a_year_the_site_does_not_have_are_refused(ws: Workspace) -> None:
    later = [dataclasses.replace(e, date=e.date.replace("ส.ค. 2568", "ต.ค. 2570"))
             for e in AUGUST]
    out = io.BytesIO()
    workbook(("ต.ค.70", "ตุลาคม พ.ศ. 2570", later)).save(out)
    exc = refused(ws, body("skr1.xlsx", out.getvalue()))  # no year chosen
    assert exc.status == 422
    assert "ตุลาคม 2570 อยู่ในปีงบประมาณ 2571" in exc.message and "new-year" in exc.message
    # with a year chosen, the import's own rule refuses it, located
    exc = refused(ws, body("skr1.xlsx", out.getvalue(), year=2568))
    assert [p["code"] for p in exc.problems] == ["procurement-out-of-year"]
    assert "ชีต ต.ค.70" in exc.problems[0]["where_th"]


def test_a_refusal_after_writing_puts_everything_back(ws: Workspace, council: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    dry_then_confirm(ws, body("skr1.xlsx", book(), year=2568))
    first = dataclasses.replace(AUGUST[0], agreed=18100)
    request = body("corrected.xlsx", book([first, *AUGUST[1:]]), year=2568, replace=True)
    before = snapshot(council)
    dry = import_upload(ws, request)

    def refuse(rels: list[str]) -> State:
        assert all((council / r).is_file() for r in rels)  # called after the writing
        raise Refused(422, "ยังไม่บันทึก: ข้อมูลนี้ทำให้สร้างเว็บไซต์ไม่ได้")

    monkeypatch.setattr(ws, "check_save", refuse)
    with pytest.raises(Refused):
        import_upload(ws, {**request, "confirm": True, "plan": dry["plan"]})
    assert snapshot(council) == before  # months, backups and the stored workbook undone
    assert not (council / "content/2568/procurement/.replaced").exists()
