"""The real `prongsai edit` over HTTP: only its own address and its own pages are answered,
the generated Decap configuration comes from the data, the checklist is the check's."""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.commands.editor import forms
from generator.commands.editor.vendor import DECAP_DIR, DECAP_VERSION, SUMS
from generator.load.project import load_project

from .conftest import REPO
from .editor_server import Editor, running_editor
from .test_editor_api import snapshot

O7 = "content/2599/oit/o7.md"


@pytest.fixture()
def editor(mini_project: Path):  # type: ignore[no-untyped-def]
    with running_editor(mini_project) as ed:
        yield ed


def test_foreign_host_and_origin_are_refused_and_nothing_is_written(editor: Editor) -> None:
    before = snapshot(editor.root)
    status, entry = editor.call("getEntry", {"path": O7})
    assert status == 200
    save = {"dataFiles": [{"path": O7, "raw": entry["data"].replace("แผนพัฒนา", "แผนร้าย")}],
            "assets": [], "prongsai_base": {O7: entry["file"]["id"]}}
    cases: list[dict[str, str]] = [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": f"http://localhost:{editor.port + 1}"},
        {"Host": "evil.example"},  # DNS rebinding: a name that points at 127.0.0.1
        {"Host": f"127.0.0.1:{editor.port + 1}"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Content-Type": "text/plain"},  # a form another page could post without asking
    ]
    for headers in cases:
        status, body = editor.call("persistEntry", save, headers)
        assert status in (403, 415), (headers, status)
        text = body["error"] if isinstance(body, dict) else body
        assert "ไม่อนุญาต" in text or "JSON" in text
    # no Origin at all
    conn = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=30)
    conn.request("POST", "/api/v1", json.dumps({"action": "persistEntry", "params": save}),
                  {"Content-Type": "application/json"})
    assert conn.getresponse().status == 403
    conn.close()
    # reading is refused to a foreign Host too (the checklist, the admin, the preview)
    for path in ("/api/prongsai/checklist?path=" + O7, "/admin/", "/admin/config.yml", "/ita/"):
        assert editor.get(path, {"Host": "evil.example"})[0] == 403
    assert snapshot(editor.root) == before


def test_an_oversize_request_is_refused_before_it_is_read(editor: Editor) -> None:
    status, answer = editor.post_oversize("/api/v1")
    assert status == 413
    assert "ใหญ่เกินไป" in json.loads(answer)["error"]


def test_a_save_updates_the_checklist_and_the_preview(editor: Editor) -> None:
    status, before = editor.get("/api/prongsai/checklist?path=" + O7)
    item = json.loads(before)["items"][0]
    assert item["id"] == "o7" and item["status"] == "complete"
    status, entry = editor.call("getEntry", {"path": O7})
    raw = entry["data"].replace("period: 2597-2601", "period: 2590-2595")
    status, out = editor.call("persistEntry", {
        "dataFiles": [{"path": O7, "raw": raw}], "assets": [],
        "prongsai_base": {O7: entry["file"]["id"]}})
    assert status == 200, out
    after = json.loads(editor.get("/api/prongsai/checklist?path=" + O7)[1])
    item = after["items"][0]
    assert item["status"] == "incomplete"
    codes = [p["code"] for p in item["problems"]]
    assert "period-not-covering" in codes
    assert all(p["message_th"] and p["fix_th"] for p in item["problems"])
    page = editor.get(after["preview"])[1].decode("utf-8")
    assert "2590" in page  # the preview shows the saved period already


def test_admin_serves_the_pinned_bundle_and_config(editor: Editor) -> None:
    status, page = editor.get("/admin/")
    assert status == 200 and b"decap/decap-cms.js" in page
    status, js = editor.get("/admin/decap/decap-cms.js")
    assert status == 200 and js == (DECAP_DIR / "decap-cms.js").read_bytes()
    assert editor.get("/admin/decap/../../api.py")[0] == 404
    conf = yaml.safe_load(editor.get("/admin/config.yml")[1])
    assert conf["locale"] == "th"
    assert conf["local_backend"]["url"] == f"{editor.url}/api/v1"
    assert conf["backend"] == {"name": "proxy", "proxy_url": f"{editor.url}/api/v1",
                               "branch": "main"}


def test_vendored_bundle_is_the_recorded_one() -> None:
    import hashlib

    listed = {}
    for line in SUMS.read_text().splitlines():
        digest, name = line.split(None, 1)
        listed[name.strip()] = digest
    present = {p.name for p in DECAP_DIR.iterdir()}
    assert present == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((DECAP_DIR / name).read_bytes()).hexdigest() == digest, name
    assert f'"decap-cms@{DECAP_VERSION}"'.encode() in (DECAP_DIR / "decap-cms.js").read_bytes()
    assert f"version **{DECAP_VERSION}**" in (DECAP_DIR.parent / "README.md").read_text()
    assert "MIT License" in (DECAP_DIR / "LICENSE").read_text()


def _fields(conf: dict[str, Any], collection: str, name: str) -> list[dict[str, Any]]:
    col = next(c for c in conf["collections"] if c["name"] == collection)
    return next(f for f in col["files"] if f["name"] == name)["fields"]  # type: ignore


def test_config_is_generated_from_the_catalogues_and_data() -> None:
    project = load_project(REPO)
    conf = forms.decap_config(project, "http://127.0.0.1:8000/api/v1")
    names = [c["name"] for c in conf["collections"]]
    for fy in project.year_list:
        cat = project.years[fy].catalogue
        col = next(c for c in conf["collections"] if c["name"] == f"oit-{fy}")
        assert [f["name"] for f in col["files"]] == [it.id for it in cat.items]
        for item, f in zip(cat.items, col["files"], strict=True):
            assert f["label"] == f"{item.id} {item.title}"
            assert f["file"] == forms.item_file(project, fy, item)
            ev = next((x for x in f["fields"] if x["name"] == "evidence"), None)
            if not item.needs_evidence and not item.claimable:
                assert ev is None
                continue
            if not item.needs_evidence:  # o2, o3 (issue 20): a link to the council's page
                assert ev is not None and "ลิงก์หน้าเว็บไซต์ของหน่วยงาน" in ev["hint"]
            assert ev is not None and item.requirement in ev["hint"]
            comps = next(x for x in ev["fields"] if x["name"] == "components")
            if item.claimable:
                # the Thai name shown with the code beside it, the code stored
                assert comps["options"] == [{"label": f"{c.name} ({c.id})", "value": c.id}
                                            for c in item.claimable]
                assert comps["multiple"] is True
            upload = next(x for x in ev["fields"] if x["name"] == "file")
            assert upload["media_folder"] == f"/content/files/{fy}"
            assert upload["public_folder"] == f"files/{fy}"
    assert {"settings", "measures", "assessment", "pages"} <= set(names)
    execs = _fields(conf, "settings", "executives")[0]
    assert execs["widget"] == "list"
    photo = next(x for x in execs["fields"] if x["name"] == "photo")
    assert photo["widget"] == "image" and photo["media_folder"] == "/content/files/executives"
    council = _fields(conf, "settings", "contact")[0]
    assert {"address", "phones", "fax", "email", "map"} <= {x["name"] for x in council["fields"]}
    for fy in project.year_list:
        assert _fields(conf, "measures", f"measures-{fy}")
    assert yaml.safe_load(yaml.safe_dump(conf, allow_unicode=True)) == conf


def test_config_follows_a_councils_own_catalogue(mini_project: Path) -> None:
    conf = forms.decap_config(load_project(mini_project), "http://127.0.0.1:1/api/v1")
    col = next(c for c in conf["collections"] if c["name"] == "oit-2599")
    assert [f["name"] for f in col["files"]] == ["o3", "o7", "o12"]


def test_thai_field_names() -> None:
    project = load_project(REPO)
    fields = forms.fields_of(project, "content/2568/oit/o19.md")
    assert forms.thai_path(fields, "evidence[1].date") == \
        "หลักฐาน รายการที่ 2 › วันที่ในเอกสาร"
    assert forms.thai_path(forms.fields_of(project, "site_config.yml"),
                           "executives[0].photo") == "ผู้บริหาร รายการที่ 1 › รูปถ่าย"
    assert forms.thai_path(fields, "mystery.key") == "mystery › key"


def test_edit_refuses_an_address_other_than_loopback(mini_project: Path) -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "generator", "edit", "-p", str(mini_project),
                        "--addr", "0.0.0.0:8765", "--no-browser"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "127.0.0.1" in r.stderr


def test_help_lists_edit() -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True,
                       text=True, timeout=60)
    assert "edit" in r.stdout


def test_forms_are_generated_from_the_format_declarations() -> None:
    """Every key a format declares is a field of its form, with the declared Thai label and
    required flag (generator/load/schema.py is the one place a key is added)."""
    from generator.commands.editor import forms
    from generator.load.catalogue import load_year
    from generator.load.schema import EVIDENCE, EXECUTIVE, ITEM, MEASURE, SITE

    item = load_year(2568).item("o19")
    assert item is not None
    fields = forms.item_fields(2568, item)
    evidence = next(f for f in fields if f.name == "evidence")
    for schema, made in ((ITEM, fields), (EVIDENCE, evidence.fields),
                         (EXECUTIVE, forms.executive_fields()[0].fields),
                         (MEASURE, next(f for f in forms.measures_fields(2568)
                                        if f.name == "measures").fields)):
        by_name = {f.name: f for f in made}
        assert set(schema.keys()) <= set(by_name), schema.name
        for decl in schema:
            assert by_name[decl.key].label == decl.label_th or decl.key in (
                "components", "progress", "evidence"), (schema.name, decl.key)
    assert forms.from_schema(SITE)[1].options == (("long", "long"), ("short", "short"))
    assert {f.name for f in forms.from_schema(SITE, {"url": None})} == set(SITE.keys()) - {"url"}


def test_editor_styles_take_the_sites_sarabun(editor: Editor) -> None:
    """editor.css and preview.css declare no font faces of their own: both import the site's
    theme/assets/fonts/fonts.css, which the editor serves beside the font files it names."""
    site = (REPO / "theme" / "assets" / "fonts" / "fonts.css").read_bytes()
    status, css = editor.get("/admin/fonts/fonts.css")
    assert status == 200 and css == site
    faces = re.findall(r'url\("\./([^"]+\.woff2)"\)', css.decode("utf-8"))
    assert len(faces) == 4
    for face in faces:  # relative to /admin/fonts/, where the stylesheet is served
        status, font = editor.get("/admin/fonts/" + face)
        assert status == 200 and font[:4] == b"wOF2", face
    for sheet in ("editor.css", "preview.css"):
        status, text = editor.get("/admin/" + sheet)
        assert status == 200
        assert '@import url("/admin/fonts/fonts.css");' in text.decode("utf-8"), sheet
        assert b"@font-face" not in text, sheet
    assert editor.get("/admin/fonts/OFL.txt")[0] == 404  # fonts/ serves the fonts only
