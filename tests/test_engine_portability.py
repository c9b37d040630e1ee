"""The engine door (docs/engine.md): the `--markdown-out` export of the example council is a
standard MkDocs project, and ProperDocs — the maintained fork of MkDocs 1.6 that a move off
MkDocs 1.x would go to — builds it as it is (a real build, not a mock)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.commands.build import build

    root = tmp_path_factory.mktemp("proj")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    md = root.parent / "export"
    build(root, root / "site", markdown_out=md)
    return md


def _text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_properdocs_builds_the_export_unchanged(export: Path, tmp_path: Path) -> None:
    properdocs = shutil.which("properdocs", path=str(Path(sys.executable).parent))
    assert properdocs, "properdocs is a test dependency (pyproject.toml [test])"
    site = tmp_path / "site"
    r = subprocess.run([properdocs, "build", "--quiet", "--site-dir", str(site)], cwd=export,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    docs = export / "docs"
    expected = sorted(
        (p.relative_to(docs).with_suffix("").as_posix() + "/index.html")
        .replace("index/index.html", "index.html")
        for p in docs.rglob("*.md"))
    assert pages == expected  # every page of the export, no more
    o1 = _text((site / "2568/oit/o1/index.html").read_text("utf-8"))
    assert "โครงสร้าง" in o1 and "องค์การบริหารส่วนตำบลหนองใสสะอาด" in o1
    # Material's theme and Prongsai's overrides and assets came along
    head = (site / "2568/oit/o1/index.html").read_text("utf-8")
    assert "assets/prongsai/prongsai.css" in head and "prongsai-search.js" in head
    assert (site / "search/search_index.json").is_file()
