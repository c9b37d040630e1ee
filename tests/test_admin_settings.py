"""A web admin adds MkDocs settings through site_config.yml `mkdocs:`; no second config."""

import subprocess
import sys
from pathlib import Path

import yaml


def add_admin(project: Path, text: str) -> None:
    cfg = project / "site_config.yml"
    cfg.write_text(cfg.read_text("utf-8") + text, "utf-8")


def test_admin_settings_are_merged(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "content" / "files" / "extra.css").write_text("body{}", "utf-8")
    add_admin(mini_project, "mkdocs:\n  extra_css: [files/extra.css]\n"
                            "  theme: {features: [content.code.copy]}\n"
                            "  extra: {analytics_note: none}\n")
    md = tmp_path / "md"
    from generator.commands.build import build

    build(mini_project, tmp_path / "site", markdown_out=md)
    conf = yaml.safe_load((md / "mkdocs.yml").read_text("utf-8"))
    assert conf["extra_css"][-1] == "files/extra.css"
    assert "content.code.copy" in conf["theme"]["features"]
    assert "navigation.tabs" in conf["theme"]["features"]  # ours are kept
    assert conf["theme"]["font"] is False and conf["theme"]["language"] == "th"
    assert conf["extra"]["analytics_note"] == "none"
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "files/extra.css" in html


def test_reserved_settings_are_refused(mini_project: Path) -> None:
    """Refused where it is written, by `check` as by `build` (mkdocs-setting-refused)."""
    add_admin(mini_project, "mkdocs:\n  docs_dir: elsewhere\n")
    for command in ("check", "build"):
        r = subprocess.run([sys.executable, "-m", "generator", command, "-p", str(mini_project)],
                           capture_output=True, text=True)
        assert r.returncode == 1
        out = r.stdout + r.stderr
        assert "[mkdocs-setting-refused]" in out and "`mkdocs.docs_dir`" in out
        assert "Traceback" not in out
    assert not (mini_project / "site").exists()


def test_effective_config_is_standard_mkdocs(mini_project: Path, tmp_path: Path) -> None:
    """What Prongsai hands MkDocs is an ordinary mkdocs.yml: a move to another engine that
    reads mkdocs.yml only needs generator/engine/mkdocs.py."""
    md = tmp_path / "md"
    from generator.commands.build import build

    build(mini_project, tmp_path / "site", markdown_out=md)
    conf = yaml.safe_load((md / "mkdocs.yml").read_text("utf-8"))
    assert "hooks" not in conf
    assert conf["theme"]["name"] == "material"
    assert conf["site_url"] == "https://example.org/ita/"


def test_a_palette_keeps_its_stylesheet(mini_project: Path, tmp_path: Path) -> None:
    """Material's palette stylesheet is left out of a site without a palette (engine.
    unused_theme_files) and published, and linked, when a web admin sets one."""
    from generator.commands.build import build

    build(mini_project, tmp_path / "plain")
    assert not list((tmp_path / "plain" / "assets" / "stylesheets").glob("palette.*"))
    add_admin(mini_project, "mkdocs:\n  theme: {palette: {primary: teal}}\n")
    build(mini_project, tmp_path / "site")
    css = [p.name for p in (tmp_path / "site" / "assets" / "stylesheets").glob("palette.*")]
    assert len(css) == 1 and css[0].endswith(".min.css")
    assert f"assets/stylesheets/{css[0]}" in (tmp_path / "site" / "index.html").read_text()
