"""Earlier years without a shipped catalogue are published as archives (issue 20): items by
id with the council's titles and links, no checklist, a notice; never failing other years.
A council that adds the year's catalogue (`years.<fy>.catalogue`) gets the year checked."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from generator.check.archive import check_archive
from generator.commands.cli import cli
from generator.load.catalogue import available_years, load_year
from generator.load.project import load_project

from .conftest import FIXTURES, page_html

YEAR = 2555  # no ITA catalogue exists for it (the ITA's OIT began years later)
O1 = """\
---
title: โครงสร้างองค์กร ปี 2555
unit: สำนักปลัด
evidence:
  - title: แผนผังโครงสร้าง
    date: วันที่ 3 ตุลาคม 2554
    file: files/plan.pdf
  - title: อำนาจหน้าที่
    url: /index.php?option=com_content&id=7
    components: [anything, as typed]
---
ข้อความ **เดิม** ของปีนั้น
"""
O2 = """\
---
title: ข้อมูลผู้บริหาร
evidence:
  - title: คณะผู้บริหาร
    date: 2555-13-01
    file: files/missing.pdf
---
"""


def archive_project(root: Path) -> Path:
    import shutil

    shutil.copytree(FIXTURES / "mini", root)
    oit = root / "content" / str(YEAR) / "oit"
    oit.mkdir(parents=True)
    (oit / "o1.md").write_text(O1, "utf-8")
    (oit / "O02.md").write_text(O2, "utf-8")
    (oit / "o3.md").write_text("---\ntitle: [unclosed\n---\n", "utf-8")
    (oit / "about.md").write_text("---\ntitle: x\n---\n", "utf-8")
    cfg = root / "site_config.yml"
    cfg.write_text(cfg.read_text("utf-8").replace(
        "council:\n", "council:\n  website: https://www.example.org/\n", 1), "utf-8")
    return root


def test_a_year_without_catalogue_is_loaded_as_an_archive(tmp_path: Path) -> None:
    assert YEAR not in available_years()
    project = load_project(archive_project(tmp_path / "p"))
    assert YEAR not in project.years and YEAR in project.archives
    ay = project.archives[YEAR]
    assert [c.item_id for c in ay.items] == ["o1", "o2"] and ay.unreadable == ("o3",)
    o1 = ay.items[0]
    assert o1.title == "โครงสร้างองค์กร ปี 2555" and o1.unit == "สำนักปลัด"
    assert [e.components for e in o1.evidence] == [(), ("anything", "as typed")]
    assert o1.evidence[1].url == "https://www.example.org/index.php?option=com_content&id=7"
    rows = sorted((p.code, p.item, p.file) for p in project.problems if p.year == YEAR)
    assert rows == [
        ("date-invalid", "o2", "content/2555/oit/O02.md"),
        ("item-file-name", None, "content/2555/oit/about.md"),
        ("url-relative", "o1", "content/2555/oit/o1.md"),
        ("yaml-bracket", "o3", "content/2555/oit/o3.md"),
        ("year-archive", None, "content/2555")]
    note = next(p for p in project.problems if p.code == "year-archive")
    assert note.severity == "warning" and "docs/catalogue-format.md" in note.fix


def test_archive_check_marks_what_it_cannot_link(tmp_path: Path) -> None:
    project = load_project(archive_project(tmp_path / "p"))
    ar = check_archive(project, YEAR)
    o1, o2 = ar.items
    assert o1.linkable == frozenset({0, 1}) and not o1.attention
    assert o2.linkable == frozenset()
    assert sorted(p.code for p in o2.attention) == ["date-invalid", "file-missing"]
    assert sorted(p.code for p in o2.entry_errors[0]) == ["date-invalid", "file-missing"]
    # the current year is checked as before and does not carry the archive's problems
    from generator.check.year import check_year

    from .conftest import TODAY

    assert not [p for p in check_year(project, 2599, TODAY).problems if p.year == YEAR]


def test_archive_is_published_beside_the_checked_year(tmp_path: Path) -> None:
    root = archive_project(tmp_path / "p")
    r = CliRunner().invoke(cli, ["build", "--project", str(root)])
    assert r.exit_code == 4, r.output  # built, with the archive's unreadable parts marked
    site = root / "site"
    assert (site / "2599" / "checklist" / "index.html").is_file()

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup(page_html(site / path / "index.html"), "html.parser")

    index = page(f"{YEAR}/oit")
    rows = [(tr["data-item"], tr.get("data-attention")) for tr in index.select("tr[data-item]")]
    assert rows == [("o1", None), ("o2", "yes"), ("o3", "yes")]
    assert "วงเล็บไม่ได้ปิด" in index.select("tr[data-item]")[2].get_text()
    o1 = page(f"{YEAR}/oit/o1")
    assert o1.select_one("h1").get_text(" ", strip=True).startswith("o1 โครงสร้างองค์กร ปี 2555")
    assert [a["href"] for a in o1.select("table.pg-evidence a")] == [
        "../../../files/plan.pdf", "https://www.example.org/index.php?option=com_content&id=7"]
    assert "คลังเอกสาร" in o1.select_one(".admonition.info").get_text()
    assert o1.select_one("strong").get_text() == "เดิม"  # the officer's Markdown
    o2 = page(f"{YEAR}/oit/o2")
    assert not o2.select("table.pg-evidence a")  # the missing file is never linked
    assert "ไม่พบไฟล์หลักฐาน" in o2.select_one("tr[data-attention] .pg-attention").get_text()
    assert not (site / str(YEAR) / "checklist").exists()
    home = page("")
    assert "คลังเอกสาร OIT 3 ข้อ" in home.select(".pg-years li")[1].get_text()
    # the navigation lists the archive's items by the council's titles
    nav = " ".join(a.get_text(" ", strip=True) for a in index.select(".md-nav__link"))
    assert "o1 โครงสร้างองค์กร ปี 2555" in nav


def test_check_of_an_archive_year(tmp_path: Path) -> None:
    root = archive_project(tmp_path / "p")
    r = CliRunner().invoke(cli, ["check", "--project", str(root), "--year", str(YEAR)])
    assert r.exit_code == 1
    assert "คลังเอกสาร" in r.output and "o1    โครงสร้างองค์กร ปี 2555" in r.output
    assert "[yaml-bracket]" in r.output and "[year-archive]" in r.output
    r = CliRunner().invoke(cli, ["check", "--project", str(root), "--year", str(YEAR),
                                 "--format", "json"])
    import json

    doc = json.loads(r.output)
    assert doc["format"] == "prongsai-archive/1" and doc["unreadable"] == ["o3"]
    assert [(i["id"], i["attention"]) for i in doc["items"]] == [("o1", False), ("o2", True)]
    r = CliRunner().invoke(cli, ["check", "--project", str(root), "--all-years",
                                 "--format", "json"])
    assert [y["fiscal_year"] for y in json.loads(r.output)["years"]] == [2599, YEAR]


def test_a_council_catalogue_makes_the_year_checked(tmp_path: Path) -> None:
    """How a council adds a catalogue (docs/catalogue-format.md): a file of its own, named
    under `years:` in site_config.yml."""
    root = archive_project(tmp_path / "p")
    (root / "catalogue-2555.yml").write_text(
        (root / "catalogue.yml").read_text("utf-8").replace("fiscal_year: 2599",
                                                            f"fiscal_year: {YEAR}"), "utf-8")
    cfg = root / "site_config.yml"
    cfg.write_text(cfg.read_text("utf-8").replace(
        "years:\n", f"years:\n  {YEAR}:\n    catalogue: catalogue-2555.yml\n", 1), "utf-8")
    project = load_project(root)
    assert YEAR in project.years and YEAR not in project.archives
    assert not [p for p in project.problems if p.code == "year-archive"]


def test_a_year_with_a_shipped_catalogue_is_checked_not_archived(tmp_path: Path) -> None:
    """A year folder whose catalogue Prongsai ships is checked against it, never published as
    an archive: shipping a catalogue for an earlier year changes how that year is published
    (docs/catalogue-format.md, "Shipped catalogues")."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "mini", root)
    for fy in available_years():
        oit = root / "content" / str(fy) / "oit"
        oit.mkdir(parents=True)
        (oit / "o1.md").write_text(O1.replace(str(YEAR), str(fy)), "utf-8")
    project = load_project(root)
    assert not [p for p in project.problems if p.code == "year-archive"]
    for fy in available_years():
        assert fy in project.years and fy not in project.archives, fy
        assert project.years[fy].catalogue.source == load_year(fy).source, fy
