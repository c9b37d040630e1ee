"""Every CLI command and its exit codes, run as a user runs them (a subprocess)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import page_html


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_help_and_version() -> None:
    r = run("--help")
    assert r.returncode == 0
    for cmd in ("build", "check", "serve"):
        assert cmd in r.stdout
    assert run("--version").stdout.startswith("prongsai")


def test_check_complete_project_exits_0(mini_project: Path) -> None:
    r = run("check", "-p", str(mini_project))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ไม่พบปัญหา" in r.stdout


def test_check_problems_exit_1_and_json(mini_project: Path) -> None:
    (mini_project / "content/2599/oit/o12.md").unlink()
    r = run("check", "-p", str(mini_project), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [(p["code"], p["item"]) for p in data["problems"]] == [("item-file-missing", "o12")]
    r = run("check", "-p", str(mini_project), "--format", "csv")
    assert r.returncode == 1
    assert r.stdout.splitlines()[1].startswith("error,item-file-missing,2599,o12")


def test_unreadable_input_exits_2_without_traceback(mini_project: Path) -> None:
    (mini_project / "site_config.yml").write_text("council: [\n", "utf-8")
    for cmd in ("check", "build"):
        r = run(cmd, "-p", str(mini_project))
        assert r.returncode == 2
        assert "Traceback" not in r.stderr
        assert "site_config.yml (บรรทัด 1 คอลัมน์ 10)" in r.stderr
        assert "[yaml-bracket]" in r.stderr and "เปิดวงเล็บ `[` แต่ไม่ได้ปิด" in r.stderr


def test_missing_config_exits_2(tmp_path: Path) -> None:
    r = run("check", "-p", str(tmp_path))
    assert r.returncode == 2 and "config-missing" in r.stderr


def test_unknown_year_is_a_usage_error(mini_project: Path) -> None:
    r = run("check", "-p", str(mini_project), "--year", "2500")
    assert r.returncode == 2 and "2599" in r.stderr


def test_build_publishes_around_a_bad_entry_and_strict_refuses(mini_project: Path) -> None:
    """(Was: the build refuses a Christian-era date. Issue 20 changed the rule on purpose: an
    entry it cannot read no longer stops the site; `--strict` keeps the refusal for CI.)"""
    r = run("build", "-p", str(mini_project))
    assert r.returncode == 0, r.stderr
    index = mini_project / "site" / "index.html"
    before = index.read_bytes()
    o7 = mini_project / "content/2599/oit/o7.md"
    o7.write_text(o7.read_text("utf-8").replace("date: 2596-10-01", "date: 2025-10-01"), "utf-8")
    r = run("build", "-p", str(mini_project), "--strict")
    assert r.returncode == 1
    assert "[date-era]" in r.stderr and "--strict" in r.stderr
    assert "content/2599/oit/o7.md `date` ของหลักฐานรายการที่ 1 (บรรทัด 4" in r.stderr
    assert index.read_bytes() == before  # the previous site is untouched
    r = run("build", "-p", str(mini_project))
    assert r.returncode == 4, r.stdout + r.stderr  # built with problems
    assert "[date-era]" in r.stdout and "built with problems" in r.stdout
    page = page_html(mini_project / "site/2599/oit/o7/index.html")
    assert 'data-attention="yes"' in page and "วันที่ไม่ถูกต้อง" not in page  # marked: era
    assert "ปีเป็น ค.ศ. ไม่ใช่ พ.ศ." in page


def test_build_refuses_to_write_into_content(mini_project: Path) -> None:
    r = run("build", "-p", str(mini_project), "--out", str(mini_project / "content" / "x"))
    assert r.returncode == 2 and "--out" in r.stderr
    assert not (mini_project / "content" / "x").exists()


def test_markdown_out_builds_with_plain_mkdocs(mini_project: Path, tmp_path: Path) -> None:
    md = tmp_path / "md"
    r = run("build", "-p", str(mini_project), "--markdown-out", str(md))
    assert r.returncode == 0, r.stderr
    assert (md / "mkdocs.yml").exists() and (md / "docs" / "2599" / "oit" / "o7.md").exists()
    r2 = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=md,
                        capture_output=True, text=True)
    assert r2.returncode == 0, r2.stderr
    assert (md / "site" / "2599" / "oit" / "o7" / "index.html").exists()


def test_serve_rebuilds_on_edit(mini_project: Path) -> None:
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    tmp = mini_project.parent / "tmp"  # the preview's own temporary folder goes here
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-p", str(mini_project),
                             "--addr", f"127.0.0.1:{port}"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)
    url = f"http://127.0.0.1:{port}/ita/2599/oit/o7/"
    try:
        deadline = time.time() + 60
        page = ""
        while time.time() < deadline:
            try:
                page = urllib.request.urlopen(url, timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.3)
        assert "แผนทดสอบ" in page
        o7 = mini_project / "content/2599/oit/o7.md"
        o7.write_text(o7.read_text("utf-8").replace("ข้อความ", "ข้อความแก้ไขใหม่"), "utf-8")
        while time.time() < deadline:
            page = urllib.request.urlopen(url, timeout=2).read().decode()
            page = re.sub(r"</?nobr>|<wbr>", "", page)  # Thai line-break markup
            if "ข้อความแก้ไขใหม่" in page:
                break
            time.sleep(0.3)
        assert "ข้อความแก้ไขใหม่" in page
        assert list(tmp.glob("prongsai-serve-*"))
    finally:
        proc.terminate()  # SIGTERM, as a service manager or `kill` stops it
        proc.wait(timeout=20)
    assert proc.returncode == 0
    assert not list(tmp.glob("prongsai-serve-*")), "the preview left its temporary folder"
