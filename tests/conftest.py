"""Shared fixtures: real builds of the example council and of a 3-item test project,
a static file server on loopback, and headless Debian Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

# every problem reported during the tests is checked against its module's RAISES
# (generator/base/problems.py, docs/architecture.md); CLI subprocesses inherit it
os.environ["PRONGSAI_CHECK_DECLARED"] = "1"

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
TODAY = date(2026, 11, 21)  # checks count "months that have passed" to site.as_of anyway
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


_LINE_BREAKS = re.compile(r"</?nobr>|<wbr>")


def page_html(path: Path) -> str:
    """A built page without the Thai line-break markup (<nobr>, <wbr>: no text of their
    own, generator/engine/linebreak.py), so tests read its text as a reader sees it."""
    return _LINE_BREAKS.sub("", path.read_text("utf-8"))


def build_into(root: Path, out: Path):  # type: ignore[no-untyped-def]
    from generator.commands.build import build

    return build(root, out, today=TODAY)


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The example council (repo root) built once for the whole session."""
    out = tmp_path_factory.mktemp("example") / "site"
    return build_into(REPO, out)


@pytest.fixture(scope="session")
def example_site(example_build) -> Path:  # type: ignore[no-untyped-def]
    return example_build.out


def example_council(tmp_path: Path, months: bool = True) -> Path:
    """A writable copy of the example council (its content/ and site_config.yml) in
    tmp_path/council; months=False leaves out 2568's imported procurement months (the
    import of the shipped สขร.1 workbook writes them again)."""
    root = tmp_path / "council"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    if not months:
        shutil.rmtree(root / "content" / "2568" / "procurement")
    return root


@pytest.fixture()
def mini_project(tmp_path: Path) -> Path:
    """A writable copy of the 3-item test project."""
    dest = tmp_path / "mini"
    shutil.copytree(MINI, dest, symlinks=True)
    return dest


class _Handler(http.server.SimpleHTTPRequestHandler):
    mount = "/"

    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.mount):])

    def send_error(self, code, message=None, explain=None):  # type: ignore[no-untyped-def]
        # like a real host configured with the site's 404 page
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class StaticServer:
    """Serve a folder on 127.0.0.1 (optionally under a sub-path, like a real host)."""

    def __init__(self, root: Path, mount: str = "/"):
        self.root = root
        self.mount = mount
        handler_cls = type("Handler", (_Handler,), {"mount": mount})
        handler = functools.partial(handler_cls, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.mount}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def example_server(example_site: Path) -> Iterator[StaticServer]:
    server = StaticServer(example_site, mount="/ita/")  # as configured in site.url
    yield server
    server.close()


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        yield b
        b.close()


def git_repo(root: Path) -> Callable[..., str]:
    """Make `root` a git repository with everything committed as "start", and return a
    `git(*args)` that runs git there (stdout). Skips the test where git is not installed."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c",
                               "user.email=t@localhost", *args], check=True,
                              capture_output=True, text=True).stdout

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "start")
    return git
