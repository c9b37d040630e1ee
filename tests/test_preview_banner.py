"""The preview (`prongsai serve`) shows the content's problems in the browser: after a bad
save every page shows a Thai banner (file, line as the officer counts it, the line with the
mistake marked, the fix, a link to the item) above the last good page; after the fix the
banner goes. A real `prongsai serve`, real saves, Debian's chromium through Playwright;
screenshots go to PRONGSAI_SCREENSHOTS (default: the test's temp folder)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.base.problems import problem
from generator.base.say import Say, set_lang
from generator.engine.preview import insert_after_body
from generator.render.banner import BANNER_ID, banner_html

PORTS = range(8750, 8760)  # this helper's ports (fallback: any free one)
BANNER = f"#{BANNER_ID}"


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def preview(mini_project: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(mini_project),
         "--addr", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    url = f"http://127.0.0.1:{port}/ita/2599/oit/o7/"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(proc.stdout.read() if proc.stdout else "serve stopped")
                time.sleep(0.3)
        yield url, mini_project, proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("PRONGSAI_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.mark.browser
def test_banner_appears_after_a_bad_save_and_goes_after_the_fix(
        browser, preview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, root, _proc = preview
    shots = _shots(tmp_path)
    item = root / "content/2599/oit/o7.md"
    good = item.read_text("utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    try:
        page.goto(url)
        assert page.locator(BANNER).count() == 0
        assert "แผนพัฒนา 2597-2601" in page.inner_text("article")
        page.screenshot(path=str(shots / "preview-1-good.png"))

        # a save with a mistake: the build is refused, the page reloads with the banner
        item.write_text(good.replace("    date: 2596-10-01", "    date:2596-10-01"), "utf-8")
        page.wait_for_selector(BANNER, timeout=60_000)
        banner = page.locator(BANNER)
        text = banner.inner_text()
        assert "ยังแสดงเว็บไซต์ครั้งก่อน" in text
        assert "ไม่ได้เว้นวรรคหลังเครื่องหมาย `:`" in text
        assert "content/2599/oit/o7.md (บรรทัด 4 คอลัมน์ 10)" in text
        assert "วิธีแก้: เว้นวรรคหนึ่งช่องหลัง `:`" in text
        assert "date: 2596-10-01" in text  # the corrected line
        assert banner.locator("mark").inner_text() == "2"  # the column, marked
        link = banner.locator("a")
        assert link.inner_text() == "ไปที่หน้าข้อ o7 ปี 2599"
        assert link.get_attribute("href") == "/ita/2599/oit/o7/"
        assert banner.get_attribute("lang") == "th"
        # the last good page stays underneath
        assert "แผนพัฒนา 2597-2601" in page.inner_text("article")
        page.screenshot(path=str(shots / "preview-2-bad-save.png"), full_page=True)
        # every page of the preview shows it
        page.goto(url.replace("/2599/oit/o7/", "/"))
        assert page.locator(BANNER).count() == 1

        # a save that builds but has a warning: the banner says so, over the new page
        page.goto(url)
        item.write_text(good.replace("    date: 2596-10-01", "    date: “1 ต.ค. 2596”")
                        .replace("แผนพัฒนา 2597-2601", "แผนพัฒนา 2597-2601 ฉบับแก้ไข"), "utf-8")
        page.wait_for_function(
            f"document.querySelector('{BANNER}') && document.querySelector('{BANNER}')"
            ".innerText.includes('curly-quotes')", timeout=60_000)
        text = page.locator(BANNER).inner_text()
        assert "เครื่องหมายคำพูดแบบโค้ง" in text and "ยังแสดงเว็บไซต์ครั้งก่อน" not in text
        assert "แผนพัฒนา 2597-2601 ฉบับแก้ไข" in page.inner_text("article")
        page.screenshot(path=str(shots / "preview-3-warning.png"), full_page=True)

        # the fix: the page reloads without the banner
        item.write_text(good, "utf-8")
        page.wait_for_function(f"!document.querySelector('{BANNER}')", timeout=60_000)
        page.wait_for_load_state()
        assert page.locator(BANNER).count() == 0
        assert "ฉบับแก้ไข" not in page.inner_text("article")
        page.screenshot(path=str(shots / "preview-4-fixed.png"))
    finally:
        page.close()


def test_banner_html_escapes_and_counts() -> None:
    p = problem("field-unknown", file="content/2568/oit/o5.md", line=3, column=5,
                path="evidence[0].<b>", item="o5", year=2568, value="<script>x</script>",
                allowed="`title`", hint=Say("", ""))
    html = banner_html([p], refused=False, mount="/ita/")
    assert "<script>x" not in html and "&lt;script&gt;" in html
    assert 'href="/ita/2568/oit/o5/"' in html
    # what is merely not done yet (no line, does not block) is left to `prongsai check`
    unmet = problem("component-unmet", file="content/2568/oit/o5.md", item="o5", year=2568,
                    component="plan", title="แผน", expected_file="x")
    assert banner_html([unmet], refused=False) == ""
    assert banner_html([], refused=False) == ""
    set_lang("en")
    try:
        assert "the content has 1 problem(s)" in banner_html([p], refused=False)
    finally:
        set_lang(None)


def test_banner_goes_first_in_the_body() -> None:
    page = b"<html><head></head><body class='x'><div>page</div></body></html>"
    assert insert_after_body(page, b"<p>B</p>") == \
        b"<html><head></head><body class='x'><p>B</p><div>page</div></body></html>"
