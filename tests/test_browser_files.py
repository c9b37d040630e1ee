"""In a real browser: no published file runs script, and the site works under its own
security policy (README "Safety"; issue 19).

- The site is served by `python -m http.server`, as the README says, which sends no
  `X-Content-Type-Options` header: whatever a browser would run, it runs. Documents of
  every published type that carry a script (after their first bytes, where only a sniffing
  browser would find it) are opened one by one; none may run. A control file of a type
  the build refuses (.xht), copied into the served folder by hand, does run: the test
  sees script when there is script to see.
- The same site served with the headers of its own `_headers` file (as Netlify and
  Cloudflare Pages serve it): no Content-Security-Policy violation on any page, Material's
  and Prongsai's scripts run, and search (a worker) finds pages.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.engine.headers import headers_for, read_headers_file

from .badinput.corpus import BASE
from .conftest import build_into

PORT_PLAIN, PORT_HEADERS = 8760, 8761  # this test's ports (none other in the suite uses them)
SCRIPT = "<script>document.title='PWNED';fetch('/pwned')</script>"
HTML = f"<!doctype html><html><body>{SCRIPT}</body></html>".encode()
# every published type, with its real first bytes and a script after them
TRICKY = {
    "files/t/plan.pdf": b"%PDF-1.4\n" + HTML,
    "files/t/photo.png": b"\x89PNG\r\n\x1a\n" + HTML,
    "files/t/photo.jpg": b"\xff\xd8\xff\xe0" + HTML,
    "files/t/anim.gif": b"GIF89a/*" + HTML,
    "files/t/pic.webp": b"RIFF\x00\x00\x00\x00WEBP" + HTML,
    "files/t/scan.tif": b"II*\x00" + HTML,
    "files/t/draw.bmp": b"BM" + HTML,
    "files/t/report.docx": b"PK\x03\x04" + HTML,
    "files/t/sheet.xlsx": b"PK\x03\x04" + HTML,
    "files/t/old.doc": b"\xd0\xcf\x11\xe0" + HTML,
    "files/t/letter.rtf": b"{\\rtf1 " + HTML,
    "files/t/bundle.zip": b"PK\x03\x04" + HTML,
    "files/t/pack.7z": b"7z\xbc\xaf\x27\x1c" + HTML,
    "files/t/pack.rar": b"Rar!\x1a\x07\x00" + HTML,
    "files/t/notes.txt": HTML,  # text: served as text/plain, never as a page
    "files/t/table.csv": HTML,
}


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tricky") / "project"
    shutil.copytree(BASE, root)
    for rel, data in TRICKY.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    site = root.parent / "site"
    build_into(root, site)
    return site


@pytest.fixture(scope="module")
def http_server(tricky_site: Path) -> Iterator[str]:
    """`python -m http.server`, as the README serves a site."""
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(PORT_PLAIN), "--bind",
                             "127.0.0.1", "--directory", str(tricky_site)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(PORT_PLAIN)
        yield f"http://127.0.0.1:{PORT_PLAIN}/"
    finally:
        proc.terminate()
        proc.wait(10)


def _opens_without_script(browser, url: str) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    """Open `url` in a fresh page: (ran script?, what happened)."""
    context = browser.new_context(accept_downloads=True)
    ran: list[str] = []
    context.on("request", lambda r: ran.append(r.url) if r.url.endswith("/pwned") else None)
    page = context.new_page()
    page.on("console", lambda m: ran.append(m.text) if "PWNED" in m.text else None)
    what = "shown"
    try:
        page.goto(url, wait_until="load", timeout=15000)
        page.wait_for_timeout(300)
        if page.title() == "PWNED":
            ran.append("title")
    except Exception as exc:  # a download is not a page: nothing on it runs
        what = "downloaded" if "Download" in str(exc) else f"failed: {exc}"
    context.close()
    return bool(ran), what


@pytest.mark.browser
def test_no_published_file_runs_script(browser, tricky_site: Path,  # type: ignore[no-untyped-def]
                                       http_server: str) -> None:
    files = sorted(p.relative_to(tricky_site).as_posix()
                   for p in (tricky_site / "files").rglob("*") if p.is_file())
    assert set(TRICKY) <= set(files)  # all of them were published
    outcomes = {rel: _opens_without_script(browser, http_server + rel) for rel in files}
    assert [rel for rel, (ran, _) in outcomes.items() if ran] == [], outcomes
    # the control: a type the build refuses, put into the site by hand, does run script
    control = tricky_site / "files" / "control.xht"
    control.write_text('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'
                       f"<body>{SCRIPT}</body></html>", "utf-8")
    try:
        assert _opens_without_script(browser, http_server + "files/control.xht")[0]
    finally:
        control.unlink()


class _WithHeaders(http.server.SimpleHTTPRequestHandler):
    """A static host that applies the site's `_headers` file, as Netlify does."""

    rules: list[tuple[str, dict[str, str]]] = []

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()


@pytest.mark.browser
def test_site_works_under_its_security_policy(browser, example_site: Path  # type: ignore
                                              ) -> None:
    rules = read_headers_file((example_site / "_headers").read_text("utf-8"))
    assert any("Content-Security-Policy" in h for _, h in rules)
    mount = Path(example_site.parent / "served")
    if not mount.exists():
        (mount / "ita").parent.mkdir(parents=True, exist_ok=True)
        (mount / "ita").symlink_to(example_site)  # site.url is https://…/ita/
    handler = functools.partial(type("H", (_WithHeaders,), {"rules": rules}),
                                directory=str(mount))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", PORT_HEADERS), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{PORT_HEADERS}/ita/"
    context = browser.new_context(viewport={"width": 360, "height": 800})
    violations: list[str] = []
    context.on("console", lambda m: violations.append(m.text)
               if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    try:
        page = context.new_page()
        page.on("console", lambda m: violations.append(m.text)
                if "Content Security Policy" in m.text or "Refused to" in m.text else None)
        response = page.goto(base, wait_until="networkidle")
        assert response is not None
        assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
        assert response.headers.get("x-content-type-options") == "nosniff"
        for path in ["2568/", "2568/oit/o2/", "2568/oit/o28/", "2568/checklist/", "about/"]:
            page.goto(base + path, wait_until="networkidle")
            # Material's inline scripts and bundle ran
            assert page.evaluate("typeof __md_get === 'function' && typeof document$"
                                 " === 'object'"), path
        # Prongsai's script ran: a region wider than the phone becomes keyboard-scrollable
        # when the window is resized (its handler is installed only if the script ran)
        page.evaluate("""() => { const d = document.createElement('div');
            d.className = 'md-typeset__scrollwrap'; d.id = 'pg-test-wide';
            d.style = 'overflow:auto;width:100px';
            d.innerHTML = '<div style="width:900px">x</div>';
            document.querySelector('article').appendChild(d);
            window.dispatchEvent(new Event('resize')); }""")
        assert page.get_attribute("#pg-test-wide", "tabindex") == "0"
        # search: Material's worker (and Prongsai's, before it) under the policy
        box = page.locator("input.md-search__input")
        page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
        box.fill("จัดซื้อจัดจ้าง")
        box.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
    assert violations == []
