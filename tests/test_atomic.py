"""Atomic builds and no writes to content/: a build that fails for any reason (bad input,
a theme template that raises half-way, MkDocs itself, unsafe output, an interrupt) leaves
the previous site byte for byte and no staging folder; a good build replaces the site
whole. Every command is run with content/ hashed before and after."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.base.problems import EngineError
from generator.commands import build as build_module
from generator.commands.build import remove_stale
from generator.commands.cli import cli

from .speed import shared_template_cache  # noqa: F401  (fixture)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative path -> bytes; symlinks as their target)."""
    out: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[rel] = b"-> " + str(path.readlink()).encode()
        elif path.is_file():
            out[rel] = path.read_bytes()
        else:
            out[rel + "/"] = b""
    return out


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for rel, data in tree(root).items():
        h.update(rel.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def leftovers(folder: Path) -> list[str]:
    """Staging or old-site folders next to the output."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site."))


@pytest.fixture()
def built(mini_project: Path) -> Path:
    """The mini project with a good site/ in it."""
    code, out = invoke("build", "--project", str(mini_project), "--quiet")
    assert code == 0, out
    return mini_project


def test_good_build_replaces_the_site_whole(built: Path) -> None:
    site = built / "site"
    (site / "stale.html").write_text("from an older build", "utf-8")
    (site / "2599" / "gone").mkdir()
    content = digest(built / "content")
    code, out = invoke("build", "--project", str(built), "--quiet")
    assert code == 0, out
    assert not (site / "stale.html").exists() and not (site / "2599" / "gone").exists()
    assert (site / "2599" / "oit" / "o7" / "index.html").is_file()
    assert leftovers(built) == []
    assert digest(built / "content") == content


def test_refused_build_leaves_the_site(built: Path) -> None:
    """(Issue 20: a Christian-era date no longer refuses a build, it marks its entry; it
    still refuses with --strict. An unsafe link refuses either way.)"""
    before, content = tree(built / "site"), None
    o7 = built / "content/2599/oit/o7.md"
    o7.write_text(o7.read_text("utf-8").replace("date: 2596-10-01", "date: 2025-10-01"),
                  "utf-8")
    content = digest(built / "content")
    code, out = invoke("build", "--project", str(built), "--strict")
    assert code == 1 and "date-era" in out
    assert tree(built / "site") == before
    assert leftovers(built) == []
    assert digest(built / "content") == content
    o3 = built / "content/2599/oit/o3.md"
    o3.write_text("---\nevidence:\n  - title: x\n    url: javascript:alert(1)\n"
                  "    components: all\n---\n", "utf-8")
    code, out = invoke("build", "--project", str(built))
    assert code == 1 and "url-scheme" in out and "date-era" not in out
    assert tree(built / "site") == before
    assert leftovers(built) == []


def test_unreadable_input_leaves_the_site(built: Path) -> None:
    before = tree(built / "site")
    (built / "site_config.yml").write_bytes("council: ทดสอบ\n".encode("cp874"))
    content = digest(built / "content")
    code, out = invoke("build", "--project", str(built))
    assert code == 2 and "encoding" in out
    assert tree(built / "site") == before
    assert digest(built / "content") == content


def test_template_raising_half_way_leaves_the_site(built: Path) -> None:
    """A council's theme override that fails on one page, after MkDocs has written others
    into the staging folder."""
    before = tree(built / "site")
    overrides = built / "theme" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n'
        '{% block content %}{% if page.url == "2599/oit/o12/" %}{{ none.a.b }}{% endif %}'
        '{{ super() }}{% endblock %}\n', "utf-8")
    content = digest(built / "content")
    code, out = invoke("build", "--project", str(built))
    assert code == 2, out
    assert "main.html" in out and "Traceback" not in out
    assert tree(built / "site") == before
    assert leftovers(built) == []
    assert digest(built / "content") == content


def test_template_syntax_error_is_reported(built: Path) -> None:
    before = tree(built / "site")
    overrides = built / "theme" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text('{% extends "base.html" %}\n{% block x %}\n',
                                         "utf-8")
    code, out = invoke("build", "--project", str(built))
    assert code == 2 and "main.html" in out and "Traceback" not in out
    assert tree(built / "site") == before


def test_mkdocs_failing_mid_way_leaves_the_site(built: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(built / "site")
    real = build_module.mkdocs_build

    def half_then_fail(config_file: Path, **kwargs: Any) -> list[str]:
        real(config_file, **kwargs)  # writes the whole new site into the staging folder …
        raise EngineError("MkDocs failed: disk full")  # … then fails

    monkeypatch.setattr(build_module, "mkdocs_build", half_then_fail)
    code, out = invoke("build", "--project", str(built))
    assert code == 2 and "disk full" in out
    assert tree(built / "site") == before
    assert leftovers(built) == []


def test_interrupted_build_leaves_the_site(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(built / "site")

    def interrupted(config_file: Path, **kwargs: Any) -> list[str]:
        (config_file.parent / "site").mkdir()
        (config_file.parent / "site" / "index.html").write_text("half", "utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "mkdocs_build", interrupted)
    code, _ = invoke("build", "--project", str(built))
    assert code == 130
    assert tree(built / "site") == before
    assert leftovers(built) == []


def test_swap_failure_restores_the_old_site(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The old site is renamed aside, the new one renamed in: if that second rename fails,
    the old one is renamed back."""
    before = tree(built / "site")
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:  # type: ignore[override]
        if self.name == "site" and ".site.build-" in str(self.parent):
            raise OSError("rename failed")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    code, out = invoke("build", "--project", str(built))
    assert code == 2 and "rename failed" in out
    assert tree(built / "site") == before
    assert leftovers(built) == []


def test_unsafe_output_is_not_published(built: Path) -> None:
    """The last gate: a template that puts a script into the page content (no input can).
    The audit cache of the good build before does not let the changed pages through."""
    assert (built / ".cache" / "prongsai" / "audited.json").is_file()
    before = tree(built / "site")
    overrides = built / "theme" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n'
        '{% block content %}{{ super() }}<article><script>alert(1)</script></article>'
        '<a href="javascript:alert(2)">x</a>{% endblock %}\n', "utf-8")
    code, out = invoke("build", "--project", str(built))
    assert code == 2 and "unsafe markup" in out and "javascript:" in out
    assert tree(built / "site") == before
    assert leftovers(built) == []


def test_stale_staging_of_a_killed_build_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = [tmp_path / f".site.build-{dead.pid}-abc", tmp_path / f".site.old-{dead.pid}"]
    alive = tmp_path / f".site.build-{os.getpid()}-xyz"  # a build running now: kept
    other = tmp_path / ".site.build-notapid"
    for d in [*stale, alive, other]:
        d.mkdir()
        (d / "index.html").write_text("x", "utf-8")
    remove_stale(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, other.name])


def test_output_folder_that_is_not_a_site_is_refused(mini_project: Path, tmp_path: Path) -> None:
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "letter.docx").write_bytes(b"PK\x03\x04 important")
    code, out = invoke("build", "--project", str(mini_project), "--out", str(precious))
    assert code == 2 and "--out" in out
    assert (precious / "letter.docx").read_bytes() == b"PK\x03\x04 important"


@pytest.mark.parametrize("target", ["content", "content/files", ".", "site"])
def test_markdown_out_never_replaces_content_or_the_project(built: Path, target: str) -> None:
    content, site = digest(built / "content"), tree(built / "site")
    code, out = invoke("build", "--project", str(built), "--markdown-out",
                       str(built / target))
    assert code == 2 and "--markdown-out" in out
    assert digest(built / "content") == content
    assert tree(built / "site") == site
    assert (built / "site_config.yml").is_file()


def test_markdown_out_replaced_whole(built: Path, tmp_path: Path) -> None:
    md = tmp_path / "md"
    for _ in range(2):
        code, out = invoke("build", "--project", str(built), "--markdown-out", str(md),
                           "--quiet")
        assert code == 0, out
        (md / "docs" / "stale.md").write_text("old", "utf-8")
    code, out = invoke("build", "--project", str(built), "--markdown-out", str(md), "--quiet")
    assert not (md / "docs" / "stale.md").exists()
    assert (md / "mkdocs.yml").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".md")] == []


def test_check_does_not_write(mini_project: Path) -> None:
    everything = digest(mini_project)
    for args in (["check"], ["check", "--all-years", "--format", "json"],
                 ["check", "--format", "csv", "--strict"]):
        invoke(*args, "--project", str(mini_project))
    assert digest(mini_project) == everything


def test_serve_does_not_write_into_content(mini_project: Path) -> None:
    """Serve briefly (the first build, a page fetched, an edit rebuilt) and stop it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    content = digest(mini_project / "content")
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(mini_project),
         "--addr", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    try:
        deadline = time.time() + 60
        page = ""
        while time.time() < deadline and not page:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/ita/2599/oit/o7/",
                                              timeout=2).read().decode()
            except OSError:
                time.sleep(0.3)
        assert "แผนทดสอบ" in page
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert digest(mini_project / "content") == content
    assert not (mini_project / "site").exists()  # serve builds elsewhere


# --- site/ as a link, and a read-only old site (issue 19) --------------------------------------

def test_site_link_replaces_the_folder_it_names(built: Path, tmp_path: Path) -> None:
    """`site` a link to the web server's folder: that folder gets the new site (built next
    to it and swapped in by renames), the link stays, and nothing is left beside either."""
    www = tmp_path / "www" / "ita"
    www.parent.mkdir()
    (built / "site").rename(www)
    (www / "stale.html").write_text("from the old site", "utf-8")
    (built / "site").symlink_to(www)
    code, out = invoke("build", "--project", str(built), "--quiet")
    assert code == 0, out
    assert (built / "site").is_symlink() and (built / "site").resolve() == www.resolve()
    assert (www / "2599" / "oit" / "o7" / "index.html").is_file()
    assert not (www / "stale.html").exists()
    assert leftovers(built) == [] and sorted(p.name for p in www.parent.iterdir()) == ["ita"]


def test_markdown_export_through_a_link(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "export"
    target.mkdir()
    (built / "md").symlink_to(target)
    code, out = invoke("build", "--project", str(built), "--quiet", "--markdown-out",
                       str(built / "md"))
    assert code == 0, out
    assert (built / "md").is_symlink() and (target / "mkdocs.yml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_read_only_old_site_is_deleted(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`chmod -R a-w site/`: the old site is still renamed aside (that needs only the
    parent folder), then made writable and deleted, so that no `.site.old-PID` stays. The
    tests run as root, whom permissions do not stop: a folder without write permission
    refuses deletions here as it would for an officer."""
    import stat

    real_unlink, real_rmdir = os.unlink, os.rmdir

    def writable(path: Any, dir_fd: int | None) -> bool:
        parent = os.stat(dir_fd) if dir_fd is not None else os.stat(os.path.dirname(path))
        return bool(parent.st_mode & stat.S_IWUSR)

    def unlink(path: Any, *, dir_fd: int | None = None) -> None:
        if not writable(path, dir_fd):
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, dir_fd=dir_fd)

    def rmdir(path: Any, *, dir_fd: int | None = None) -> None:
        if not writable(path, dir_fd):
            raise PermissionError(13, "Permission denied", str(path))
        real_rmdir(path, dir_fd=dir_fd)

    for folder in [built / "site", *(p for p in (built / "site").rglob("*") if p.is_dir())]:
        folder.chmod(0o555)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "rmdir", rmdir)
    code, out = invoke("build", "--project", str(built), "--quiet")
    assert code == 0, out
    assert leftovers(built) == []
    assert "could not be deleted" not in out


def test_an_undeletable_old_site_is_named(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the old site cannot be deleted at all (another user's files), the build still
    succeeds and says which folder to delete by hand (the next build tries again)."""
    from generator.base import atomic

    real = atomic.remove_tree
    monkeypatch.setattr(atomic, "remove_tree",
                        lambda p: False if ".old-" in p.name else real(p))
    result = CliRunner().invoke(cli, ["build", "--project", str(built), "--quiet"])
    assert result.exit_code == 0
    assert "could not be deleted" in result.output and ".site.old-" in result.output
