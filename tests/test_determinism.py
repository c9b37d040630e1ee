"""Deterministic builds: the same input gives the same bytes, whatever the folder, the
working directory, the hash seed, the time zone or the locale of the machine that builds
it. The build date comes from SOURCE_DATE_EPOCH, else from the newest date in the content."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from .conftest import REPO
from .test_atomic import tree


def _build(project: Path, out: Path, cwd: Path, **env: str) -> subprocess.Popen[str]:
    full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full.update(env, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--quiet",
                             "--project", str(project), "--out", str(out)], cwd=cwd,
                            env=full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def test_example_builds_byte_for_byte_the_same(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "council copy"
    copy.mkdir(parents=True)
    shutil.copytree(REPO / "content", copy / "content")
    shutil.copy2(REPO / "site_config.yml", copy / "site_config.yml")
    a, b = tmp_path / "a" / "site", tmp_path / "b" / "deeper" / "public"
    builds = [
        _build(REPO, a, Path("/"), PYTHONHASHSEED="0", TZ="UTC", LC_ALL="C.UTF-8"),
        _build(copy, b, tmp_path, PYTHONHASHSEED="4242", TZ="Asia/Bangkok",
               LC_ALL="th_TH.UTF-8", LANG="th_TH.UTF-8"),
    ]
    for proc in builds:
        output, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0, output
    first, second = tree(a), tree(b)
    assert sorted(first) == sorted(second)
    differing = [rel for rel in first if first[rel] != second[rel]]
    assert differing == []
    # nothing in the site says where or by whom it was built
    for rel, data in first.items():
        if rel.endswith((".html", ".xml", ".json", ".csv", ".js", ".css")):
            assert str(REPO).encode() not in data and str(tmp_path).encode() not in data, rel


def _sitemap(site: Path) -> tuple[set[str], int]:
    text = (site / "sitemap.xml").read_text("utf-8")
    dates = set(text.split("<lastmod>")[i].split("</lastmod>")[0]
                for i in range(1, text.count("<lastmod>") + 1))
    raw = (site / "sitemap.xml.gz").read_bytes()
    mtime = int.from_bytes(raw[4:8], "little")  # the gzip header's MTIME field
    assert gzip.decompress(raw).decode("utf-8") == text
    return dates, mtime


def test_build_date_comes_from_source_date_epoch(mini_project: Path, tmp_path: Path) -> None:
    epoch = int(datetime(2025, 1, 31, tzinfo=timezone.utc).timestamp())
    proc = _build(mini_project, tmp_path / "s1", tmp_path, SOURCE_DATE_EPOCH=str(epoch))
    assert proc.wait(timeout=120) == 0
    assert _sitemap(tmp_path / "s1") == ({"2025-01-31"}, epoch)


def test_build_date_without_source_date_epoch_is_the_newest_content_date(
        mini_project: Path, tmp_path: Path) -> None:
    """site.as_of 2598-12-15 is newer than every evidence date: 15 Dec 2055."""
    proc = _build(mini_project, tmp_path / "s2", tmp_path)
    assert proc.wait(timeout=120) == 0
    newest = int(datetime(2055, 12, 15, tzinfo=timezone.utc).timestamp())
    assert _sitemap(tmp_path / "s2") == ({"2055-12-15"}, newest)


def test_build_caches_change_nothing(mini_project: Path, tmp_path: Path) -> None:
    """The search-word and audit caches (.cache/prongsai/) and the compiled-template cache
    only save time: a cold build, a warm one, one with a garbage cache and one with --no-cache give
    the same bytes; a cache that cannot be written does not stop a build."""
    cache = mini_project / ".cache" / "prongsai" / "search-words.json"
    epoch = {"SOURCE_DATE_EPOCH": "1730332800"}
    assert _build(mini_project, tmp_path / "cold", tmp_path, **epoch).wait(timeout=120) == 0
    assert cache.is_file()
    words = cache.read_text("utf-8")
    assert "\u200b" in words  # Thai runs, cut
    assert _build(mini_project, tmp_path / "warm", tmp_path, **epoch).wait(timeout=120) == 0
    assert cache.read_text("utf-8") == words  # nothing new: not rewritten
    cache.write_text("{not json", "utf-8")
    (cache.parent / "audited.json").write_text('{"key": 1, "value": ["x"]}', "utf-8")
    assert _build(mini_project, tmp_path / "garbage", tmp_path, **epoch).wait(timeout=120) == 0
    assert cache.read_text("utf-8") == words
    shutil.rmtree(mini_project / ".cache")
    (mini_project / ".cache").write_text("a file where the cache folder would go", "utf-8")
    proc = _build(mini_project, tmp_path / "nowrite", tmp_path, **epoch)
    assert proc.wait(timeout=120) == 0, proc.communicate()[0]
    (mini_project / ".cache").unlink()
    full = {k: v for k, v in os.environ.items()}
    full.update(epoch, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "generator", "build", "--quiet", "--no-cache",
                    "--project", str(mini_project), "--out", str(tmp_path / "nocache")],
                   cwd=tmp_path, env=full, check=True, capture_output=True)
    assert not (mini_project / ".cache").exists()
    first = tree(tmp_path / "cold")
    for other in ("warm", "garbage", "nowrite", "nocache"):
        assert tree(tmp_path / other) == first, other


def test_audit_cache_skips_only_pages_that_passed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A page byte for byte the same as one that passed is not parsed again; any other page
    is; a site with a finding writes no cache; another audit key (e.g. other theme
    scripts) starts afresh."""
    from generator.engine import audit as b

    cache, site = tmp_path / "audited.json", tmp_path / "site"
    site.mkdir()
    safe = "<html><body><p>ข้อความ</p></body></html>"
    bad = '<html><body><a href="jav&#x61;script:alert(1)">x</a></body></html>'
    audit = b.SiteAudit([], {}, cache)
    audit.page("a/index.html", safe)
    audit.page("b/index.html", bad)
    with pytest.raises(b.UnsafeOutput):
        audit.finish(site)
    assert not cache.exists()
    audit = b.SiteAudit([], {}, cache)
    audit.page("a/index.html", safe)
    audit.finish(site)
    assert cache.is_file()

    parsed: list[str] = []
    real = b.audit_html

    def counting(text: str, *args: object) -> list[tuple[str, str]]:
        parsed.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(b, "audit_html", counting)
    audit = b.SiteAudit([], {}, cache)
    audit.page("a/index.html", safe)
    assert parsed == []
    audit.page("b/index.html", bad)
    assert parsed == [bad] and audit.found
    monkeypatch.setattr(b, "theme_script_prefixes", lambda dirs: {"window.other = 1"})
    audit = b.SiteAudit([], {}, cache)
    audit.page("a/index.html", safe)
    assert parsed == [bad, safe]
