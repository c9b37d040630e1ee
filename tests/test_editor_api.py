"""`prongsai edit`'s local-backend protocol (generator.commands.editor.api): every kind of refusal
leaves the council's folder exactly as it was; saves go through the build's loader and
checks, keep the previous version and keep what the form did not change."""

from __future__ import annotations

import base64
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.commands.editor import api
from generator.commands.editor.api import Refused, Workspace

from .conftest import git_repo

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
       b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")
O7 = "content/2599/oit/o7.md"


def snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".cache"]
        for name in filenames:
            p = Path(dirpath) / name
            if not p.is_symlink():
                out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


@pytest.fixture()
def ws(mini_project: Path) -> Workspace:
    return Workspace(mini_project)


def read(ws: Workspace, rel: str) -> dict[str, Any]:
    entry: dict[str, Any] = ws.handle({"action": "getEntry", "params": {"path": rel}})
    return entry


def asset(path: str, data: bytes) -> dict[str, str]:
    return {"path": path, "content": base64.b64encode(data).decode(), "encoding": "base64"}


def persist(ws: Workspace, rel: str, raw: str, assets: list[dict[str, str]] | None = None,
            base: str | None | bool = True) -> Any:
    """Save as the editor does: `base` True = the id the file has now (the form read it)."""
    if base is True:
        base = read(ws, rel)["file"]["id"]
    return ws.handle({"action": "persistEntry", "params": {
        "dataFiles": [{"path": rel, "raw": raw, "slug": "x"}], "assets": assets or [],
        "options": {}, "prongsai_base": {rel: base}}})


def refused(ws: Workspace, body: dict[str, Any]) -> Refused:
    before = snapshot(ws.root)
    with pytest.raises(Refused) as exc:
        ws.handle(body)
    assert snapshot(ws.root) == before, "a refused request changed the folder"
    assert exc.value.message  # Thai, says why
    return exc.value


ESCAPES = ["../site_config.yml", "/etc/passwd", "content/../site_config.yml",
           "C:/Windows/win.ini", "content\\2599\\oit\\o7.md", "content/.git/config",
           ".cache/prongsai/x.json", "theme/overrides/main.html", "content//2599/oit/o7.md",
           "content/2599/oit/./o7.md", "content/con.md", "content/link/secret.txt",
           "content/linkfile.md", "", "site_config.yml/../content"]


@pytest.fixture()
def with_links(ws: Workspace, tmp_path: Path) -> Workspace:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (ws.root / "content" / "link").symlink_to(outside)
    (ws.root / "content" / "linkfile.md").symlink_to(outside / "secret.txt")
    return ws


@pytest.mark.parametrize("bad", ESCAPES)
def test_every_action_refuses_paths_outside_content(with_links: Workspace, bad: str) -> None:
    ws = with_links
    bodies: list[dict[str, Any]] = [
        {"action": "getEntry", "params": {"path": bad}},
        {"action": "entriesByFiles", "params": {"files": [{"path": bad}]}},
        {"action": "entriesByFolder", "params": {"folder": bad, "extension": "md", "depth": 1}},
        {"action": "getMedia", "params": {"mediaFolder": bad}},
        {"action": "getMediaFile", "params": {"path": bad}},
        {"action": "persistEntry", "params": {"dataFiles": [{"path": bad, "raw": "---\n---\n"}],
                                              "assets": [], "prongsai_base": {bad: None}}},
        {"action": "persistEntry", "params": {
            "dataFiles": [{"path": O7, "raw": read(ws, O7)["data"]}],
            "assets": [asset(bad, PDF)], "prongsai_base": {O7: read(ws, O7)["file"]["id"]}}},
        {"action": "persistMedia", "params": {"asset": asset(bad, PDF)}},
        {"action": "deleteFile", "params": {"path": bad}},
        {"action": "deleteFiles", "params": {"paths": [bad]}},
    ]
    for body in bodies:
        if bad in ("content/2599/oit/./o7.md",) or body["action"] == "entriesByFolder" and \
                bad.startswith("content/link"):
            pass
        exc = refused(ws, body)
        assert exc.status in (400, 403), (body["action"], bad, exc.message)


def test_reading_inside_content_works(ws: Workspace) -> None:
    entry = read(ws, O7)
    assert entry["data"].startswith("---") and len(entry["file"]["id"]) == 64
    assert read(ws, "content/2599/oit/o99.md")["data"] is None  # a file not there yet
    listed = ws.handle({"action": "entriesByFolder",
                        "params": {"folder": "content/2599/oit", "extension": "md", "depth": 1}})
    assert sorted(e["file"]["path"] for e in listed) == [
        "content/2599/oit/o12.md", "content/2599/oit/o3.md", O7]
    media = ws.handle({"action": "getMedia", "params": {"mediaFolder": "content/files"}})
    names = {m["name"]: m for m in media}
    assert set(names) == {"plan.pdf", "person.png"}
    assert names["person.png"]["content"] and names["plan.pdf"]["content"] == ""
    one = ws.handle({"action": "getMediaFile", "params": {"path": "content/files/plan.pdf"}})
    assert base64.b64decode(one["content"]).startswith(b"%PDF")


def test_only_data_files_of_the_format_are_saved(ws: Workspace) -> None:
    for rel in ("content/files/notes.md", "content/2599/oit/o7.txt", "content/x.yml",
                "content/2599/extra.yml"):
        exc = refused(ws, {"action": "persistEntry", "params": {
            "dataFiles": [{"path": rel, "raw": "---\ntitle: x\n---\n"}], "assets": [],
            "prongsai_base": {rel: None}}})
        assert exc.status == 403 and "ไม่อนุญาต" in exc.message


def test_a_save_is_checked_like_a_build_and_names_the_field_in_thai(ws: Workspace) -> None:
    raw = read(ws, O7)["data"]
    for typed, code in (("date: 2025-10-01", "date-era"), ("date: 31/02/2596", "date-invalid")):
        exc = refused(ws, {"action": "persistEntry", "params": {
            "dataFiles": [{"path": O7, "raw": raw.replace("date: 2596-10-01", typed)}],
            "assets": [asset("content/files/o7-new.pdf", PDF)],
            "prongsai_base": {O7: read(ws, O7)["file"]["id"]}}})
        assert exc.status == 422
        assert [p["code"] for p in exc.problems] == [code]
        assert "หลักฐาน รายการที่ 1 › วันที่ในเอกสาร" in exc.message
        assert "ยังไม่บันทึก" in exc.message
    assert not (ws.root / "content/files/o7-new.pdf").exists()  # the upload went too
    assert not (ws.root / "history").exists()  # nothing was replaced, nothing to keep
    exc = refused(ws, {"action": "persistEntry", "params": {
        "dataFiles": [{"path": O7, "raw": raw.replace("[plan]", "[plann]")}], "assets": [],
        "prongsai_base": {O7: read(ws, O7)["file"]["id"]}}})
    assert [p["code"] for p in exc.problems] == ["component-unknown"]
    assert "องค์ประกอบที่เอกสารนี้ตอบ" in exc.message


def test_a_save_keeps_the_previous_version_and_the_officers_text(ws: Workspace) -> None:
    path = ws.root / O7
    old = path.read_bytes()
    # as Decap writes it: its own YAML style, an emptied optional field, the same body
    raw = ("---\nevidence:\n  - title: แผนพัฒนา 2597-2601 (ฉบับปรับปรุง)\n    date: 2596-10-01\n"
           "    period: 2597-2601\n    file: files/plan.pdf\n    components:\n      - plan\n"
           "    note: ''\nnot_applicable: ''\n---\nข้อความ **สำคัญ**\n")
    out = persist(ws, O7, raw)
    new = path.read_text("utf-8")
    assert "title: แผนพัฒนา 2597-2601 (ฉบับปรับปรุง)" in new
    assert "note:" not in new and "not_applicable" not in new  # emptied, not "no reason"
    assert "components: [plan]" in new
    assert new.endswith("---\nข้อความ **สำคัญ**\n")
    kept = out["prongsai"]["kept"]
    assert len(kept) == 1 and kept[0].startswith("history/") and kept[0].endswith(O7)
    assert (ws.root / kept[0]).read_bytes() == old
    assert out["prongsai"]["ids"][O7] == api.sha256(path.read_bytes())
    # the same data again: the file is not touched (no new history copy)
    again = persist(ws, O7, raw)
    assert again["prongsai"]["kept"] == []


def test_unchanged_front_matter_keeps_its_bytes_and_comments(ws: Workspace) -> None:
    path = ws.root / O7
    text = path.read_text("utf-8").replace("---\n", "---\n# ข้อกำหนด: แผนพัฒนา\n", 1)
    text = text.replace("date: 2596-10-01", "date: ๑ ตุลาคม ๒๕๙๖")
    path.write_text(text, "utf-8")
    ws.state = api.compute_state(ws.root, None)
    raw = ("---\nevidence:\n  - title: แผนพัฒนา 2597-2601\n    date: ๑ ตุลาคม ๒๕๙๖\n"
           "    period: 2597-2601\n    file: files/plan.pdf\n    components: [plan]\n---\n"
           "ข้อความ **สำคัญ** เพิ่มเติม\n")
    persist(ws, O7, raw)
    assert path.read_text("utf-8") == text.replace("**สำคัญ**", "**สำคัญ** เพิ่มเติม")
    # a change keeps the comment at the top of the front matter
    persist(ws, O7, raw.replace("title: แผนพัฒนา 2597-2601", "title: แผน"))
    assert path.read_text("utf-8").startswith("---\n# ข้อกำหนด: แผนพัฒนา\n\nevidence:\n")


def test_concurrent_saves_the_second_is_told(ws: Workspace) -> None:
    path = ws.root / O7
    raw = read(ws, O7)["data"]
    read_by_both = read(ws, O7)["file"]["id"]
    persist(ws, O7, raw.replace("แผนพัฒนา 2597-2601", "แผน ก"), base=read_by_both)
    first = path.read_bytes()
    exc = refused(ws, {"action": "persistEntry", "params": {
        "dataFiles": [{"path": O7, "raw": raw.replace("แผนพัฒนา 2597-2601", "แผน ข")}],
        "assets": [], "prongsai_base": {O7: read_by_both}}})
    assert exc.status == 409 and "ถูกแก้ไขจากที่อื่น" in exc.message
    assert path.read_bytes() == first
    # a request that does not say what it read does not overwrite either
    exc = refused(ws, {"action": "persistEntry", "params": {
        "dataFiles": [{"path": O7, "raw": raw}], "assets": []}})
    assert exc.status == 409
    # a new file that someone else created meanwhile
    rel = "content/pages/about.md"
    (ws.root / "content/pages").mkdir()
    (ws.root / rel).write_text("---\ntitle: ของคนอื่น\n---\n", "utf-8")
    exc = refused(ws, {"action": "persistEntry", "params": {
        "dataFiles": [{"path": rel, "raw": "---\ntitle: ของฉัน\n---\n"}], "assets": [],
        "prongsai_base": {rel: None}}})
    assert exc.status == 409


def test_simultaneous_saves_one_wins(ws: Workspace) -> None:
    raw = read(ws, O7)["data"]
    base = read(ws, O7)["file"]["id"]
    results: list[str] = []

    def save(title: str) -> None:
        try:
            persist(ws, O7, raw.replace("แผนพัฒนา 2597-2601", title), base=base)
            results.append("saved " + title)
        except Refused as exc:
            results.append(f"refused {exc.status}")

    threads = [threading.Thread(target=save, args=(t,)) for t in ("แผน ก", "แผน ข")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.split()[0] for r in results) == ["refused", "saved"]
    won = next(r for r in results if r.startswith("saved")).split(" ", 1)[1]
    assert won in (ws.root / O7).read_text("utf-8")


@pytest.mark.parametrize(("name", "data", "status"), [
    ("o7-page.pdf", b"<!doctype html><script>alert(1)</script>", 415),  # a web page as .pdf
    ("o7-photo.pdf", PNG, 415),  # an image named .pdf
    ("o7-photo.png", PDF, 415),
    ("o7-tool.exe", b"MZ\x90\x00", 415),
    ("o7-logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", 415),
    ("o7-page.html", b"<html></html>", 415),
    ("o7-empty.pdf", b"", 422),
    ("o7-notes", PDF, 415),  # no type at all
])
def test_disguised_uploads_are_refused(ws: Workspace, name: str, data: bytes,
                                       status: int) -> None:
    for body in ({"action": "persistMedia", "params": {"asset": asset(f"content/files/{name}",
                                                                       data)}},
                 {"action": "persistEntry", "params": {
                     "dataFiles": [{"path": O7, "raw": read(ws, O7)["data"]}],
                     "assets": [asset(f"content/files/{name}", data)],
                     "prongsai_base": {O7: read(ws, O7)["file"]["id"]}}}):
        assert refused(ws, body).status == status


def test_oversize_and_broken_uploads_are_refused(ws: Workspace,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "MAX_UPLOAD_BYTES", 1024)
    big = PDF + b"0" * 2048
    exc = refused(ws, {"action": "persistMedia",
                       "params": {"asset": asset("content/files/big.pdf", big)}})
    assert exc.status == 413 and "MB" in exc.message
    exc = refused(ws, {"action": "persistMedia", "params": {"asset": {
        "path": "content/files/x.pdf", "content": "not base64!", "encoding": "base64"}}})
    assert exc.status == 422
    exc = refused(ws, {"action": "persistMedia",
                       "params": {"asset": asset("content/2599/x.pdf", PDF)}})
    assert exc.status == 403  # uploads go under content/files/


def test_uploads_get_safe_unique_names_and_never_replace_a_file(ws: Workspace) -> None:
    plan = ws.root / "content/files/plan.pdf"
    old = plan.read_bytes()
    other = PDF.replace(b"1.4", b"1.5")
    # a file of that name exists with other bytes: stored beside it, the entry points there
    raw = read(ws, O7)["data"].replace("file: files/plan.pdf", "file: files/plan.pdf")
    out = persist(ws, O7, raw, [asset("content/files/plan.pdf", other)])
    assert plan.read_bytes() == old
    renamed = out["prongsai"]["renamed"]
    assert list(renamed) == ["files/plan.pdf"]
    stored = renamed["files/plan.pdf"]
    assert stored == "files/o7-plan.pdf"  # ASCII, the item first
    assert (ws.root / "content" / stored).read_bytes() == other
    assert f"file: {stored}" in (ws.root / O7).read_text("utf-8")
    # that name is taken by other bytes too: the first digits of the sha256 tell them apart
    third = other + b"3"
    out = persist(ws, O7, read(ws, O7)["data"], [asset("content/files/o7-plan.pdf", third)])
    stored3 = out["prongsai"]["renamed"]["files/o7-plan.pdf"]
    assert stored3 == f"files/o7-plan-{api.sha256(third)[:8]}.pdf"
    assert (ws.root / "content/files/o7-plan.pdf").read_bytes() == other
    # a Thai file name: ASCII, the item first, the title stays in `title:`
    media = ws.handle({"action": "persistMedia",
                       "params": {"asset": asset("content/files/รายงานผล.pdf", other + b"x")}})
    assert media["path"].startswith("content/files/") and media["name"].isascii()
    # the same bytes again: the file that is there is used, no copy
    again = ws.handle({"action": "persistMedia",
                       "params": {"asset": asset("content/files/อีกชื่อ.pdf", other + b"x")}})
    assert again["path"] == media["path"]


def test_deleting_a_used_document_or_the_settings_is_refused(ws: Workspace) -> None:
    exc = refused(ws, {"action": "deleteFile", "params": {"path": "content/files/plan.pdf"}})
    assert exc.status == 409 and O7 in exc.message
    exc = refused(ws, {"action": "deleteFiles", "params": {"paths": ["site_config.yml"]}})
    assert exc.status == 403
    spare = ws.root / "content/files/spare.pdf"
    spare.write_bytes(PDF)
    out = ws.handle({"action": "deleteFile", "params": {"path": "content/files/spare.pdf"}})
    assert not spare.exists()
    assert (ws.root / out["prongsai"]["kept"][0]).read_bytes() == PDF


def test_unknown_action_and_malformed_requests(ws: Workspace) -> None:
    assert refused(ws, {"action": "runShell", "params": {}}).status == 422
    assert refused(ws, {"params": {}}).status == 422
    assert refused(ws, {"action": "persistEntry", "params": {"dataFiles": "x"}}).status == 422
    info = ws.handle({"action": "info", "params": {}})
    assert info["type"] == "local_fs" and info["publish_modes"] == ["simple"]


def test_in_a_git_repository_the_previous_version_is_a_commit(mini_project: Path) -> None:
    git = git_repo(mini_project)
    (mini_project / O7).write_text((mini_project / O7).read_text("utf-8") + "แก้ด้วยมือ\n",
                                   "utf-8")
    by_hand = (mini_project / O7).read_bytes()
    ws = Workspace(mini_project)
    persist(ws, O7, read(ws, O7)["data"].replace("แผนพัฒนา 2597-2601", "แผนใหม่"))
    log = git("log", "--format=%s").splitlines()
    assert len(log) == 3 and "previous version" in log[1] and log[2] == "start"
    assert git("show", f"HEAD~1:{O7}").encode() == by_hand  # the hand edit is kept
    assert "แผนใหม่" in git("show", f"HEAD:{O7}")
    assert not (mini_project / "history").exists()
