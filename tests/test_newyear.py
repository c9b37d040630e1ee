"""`prongsai new-year`: scaffolds a year from its catalogue, carries evidence that still
counts by meaning (tests/fixtures/renumbered.yml renumbers and merges the mini project's
items), never overwrites, can run twice, writes only new files of the new year."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check.year import check_year
from generator.commands.cli import cli
from generator.commands.newyear import new_year
from generator.load.project import load_project
from generator.load.yamlio import load_markdown_file

from .conftest import FIXTURES, REPO, TODAY
from .test_atomic import tree

RENUMBERED = FIXTURES / "renumbered.yml"


def meta(path: Path) -> dict:  # type: ignore[type-arg]
    md = load_markdown_file(path, path.name)
    assert md.meta.problems == []
    return md.meta.data  # type: ignore[no-any-return]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_renumbered_catalogue_carries_by_meaning(mini_project: Path) -> None:
    o7 = mini_project / "content/2599/oit/o7.md"  # as typed: Thai digits and month
    o7.write_text(o7.read_text("utf-8").replace("date: 2596-10-01", "date: ๑ ต.ค. ๒๕๙๖"),
                  "utf-8")
    report = new_year(mini_project, 2600, catalogue=RENUMBERED)
    oit = mini_project / "content/2600/oit"
    assert sorted(p.name for p in oit.iterdir()) == ["o1.md", "o2.md", "o3.md", "o7.md",
                                                     "o9.md"]
    # the plan follows its meaning (2599 o7 -> 2600 o2), with only the components o2 has
    plan = {"title": "แผนพัฒนา 2597-2601", "date": "๑ ต.ค. ๒๕๙๖", "period": "2597-2601",
            "file": "files/plan.pdf", "components": ["plan"]}
    assert meta(oit / "o2.md") == {"evidence": [plan]}
    # the merged item keeps the plan (its period overlaps 2600) and drops 2599's reports
    assert meta(oit / "o9.md") == {"evidence": [plan]}
    # same number, different item: nothing by number
    assert meta(oit / "o7.md") == {"evidence": []}
    assert meta(oit / "o3.md") == {"evidence": []}
    assert meta(oit / "o1.md") == {}  # decided from site_config.yml
    assert [(c.item, c.source, c.components) for c in report.carried] == [
        ("o2", "o7", ("plan",)), ("o9", "o7", ("plan",))]
    assert [(d.item, d.source, d.title) for d in report.dropped] == [
        ("o3", "o3", ""), ("o7", "o7", ""), ("o9", "o12", "รายงานเดือนตุลาคม"),
        ("o9", "o12", "รายงานเดือนพฤศจิกายน")]
    assert "ข้อมูลผู้บริหาร" in report.dropped[0].reason.th and "previous:" in \
        report.dropped[0].reason.th
    assert "2600" in report.dropped[2].reason.th and "2600" in report.dropped[2].reason.en
    assert report.unmet == ["o3", "o7"] and report.automatic == ["o1"]
    assert report.unmapped == []
    # the new year checks cleanly against its catalogue: only what is really missing
    cfg = mini_project / "site_config.yml"
    cfg.write_text(cfg.read_text("utf-8").replace("current_year: 2599", "current_year: 2600")
                   .replace("as_of: 2598-12-15", "as_of: 2599-12-15"), "utf-8")
    project = load_project(mini_project, catalogue_override=RENUMBERED)
    rows = sorted((p.code, p.item, p.component) for p in check_year(project, 2600,
                                                                     TODAY).problems)
    assert rows == [("component-unmet", "o2", "details"), ("component-unmet", "o9", "report"),
                    ("item-no-evidence", "o3", None), ("item-no-evidence", "o7", None)]


def test_a_mapping_file_replaces_the_catalogues(mini_project: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "no-previous.yml"
    catalogue.write_text(RENUMBERED.read_text("utf-8").replace(
        "previous:\n  o1: [o3]\n  o2: [o7]\n  o9: [o12, o7]\n", ""), "utf-8")
    without = new_year(mini_project, 2600, catalogue=catalogue, dry_run=True)
    assert without.carried == [] and not (mini_project / "content/2600").exists()
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("o2: o7\no9: [o12]\n", "utf-8")
    report = new_year(mini_project, 2600, catalogue=catalogue, mapping=mapping)
    assert [(c.item, c.source) for c in report.carried] == [("o2", "o7")]
    assert [(d.item, d.source) for d in report.dropped if d.source == "o12"] == [
        ("o9", "o12"), ("o9", "o12")]


def test_bad_mapping_file_is_reported_with_its_line(mini_project: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("o2: o7\no99: o7\no9: [o12, o55]\n", "utf-8")
    code, out = invoke("new-year", "2600", "--project", str(mini_project), "--catalogue",
                       str(RENUMBERED), "--mapping", str(mapping))
    assert code == 2 and "Traceback" not in out
    assert "mapping.yml `o99` (บรรทัด 2 คอลัมน์ 6)" in out
    assert "mapping.yml รายการที่ 2 ของ `o9` (บรรทัด 3" in out
    assert not (mini_project / "content/2600").exists()


def test_never_overwrites_and_runs_twice(mini_project: Path) -> None:
    oit = mini_project / "content/2600/oit"
    oit.mkdir(parents=True)
    (oit / "O02.md").write_text("---\nevidence: []\n---\nงานของเจ้าหน้าที่\n", "utf-8")
    before = tree(mini_project / "content")
    first = new_year(mini_project, 2600, catalogue=RENUMBERED)
    assert first.kept == ["content/2600/oit/O02.md"]
    assert "content/2600/oit/o2.md" not in first.created and not (oit / "o2.md").exists()
    after = tree(mini_project / "content")
    # only new files, only in the new year's oit/ folder; nothing else changed
    assert {k: v for k, v in after.items() if k in before} == before
    assert all(k.startswith("2600/oit/o") for k in set(after) - set(before))
    (oit / "o9.md").write_text("---\nevidence: []\n---\nแก้แล้ว\n", "utf-8")
    second = new_year(mini_project, 2600, catalogue=RENUMBERED)
    assert second.created == []
    assert sorted(second.kept) == sorted(f"content/2600/oit/{n}" for n in
                                         ("O02.md", "o1.md", "o3.md", "o7.md", "o9.md"))
    assert (oit / "o9.md").read_text("utf-8").endswith("แก้แล้ว\n")
    assert not [p for p in oit.iterdir() if p.name.startswith(".")]


def test_cli(mini_project: Path) -> None:
    content = tree(mini_project / "content")
    code, out = invoke("new-year", "๒๖๐๐", "--project", str(mini_project), "--catalogue",
                       str(RENUMBERED), "--dry-run")
    assert code == 0 and "ทดลองเท่านั้น" in out and "o2   ← o7" in out
    assert tree(mini_project / "content") == content
    code, out = invoke("new-year", "2600", "--project", str(mini_project), "--catalogue",
                       str(RENUMBERED))
    assert code == 0 and "สร้างไฟล์ใหม่ 5 ไฟล์" in out
    code, out = invoke("new-year", "2600", "--project", str(mini_project), "--catalogue",
                       str(RENUMBERED))
    assert code == 0 and "สร้างไฟล์ใหม่ 0 ไฟล์" in out and "คงไฟล์เดิมไว้โดยไม่แก้ไข 5 ไฟล์" in out
    code, out = invoke("--lang", "en", "new-year", "2600", "--project", str(mini_project),
                       "--catalogue", str(RENUMBERED))
    assert code == 0 and "created 0 new file(s); kept 5 existing file(s)" in out


@pytest.mark.parametrize(("fy", "expected"), [("2026", "2026 → 2569"), ("ปีหน้า", "2569")])
def test_cli_refuses_a_year_that_is_not_buddhist_era(mini_project: Path, fy: str,
                                                     expected: str) -> None:
    code, out = invoke("new-year", fy, "--project", str(mini_project))
    assert code == 2 and expected in out


def test_cli_year_without_catalogue(mini_project: Path) -> None:
    code, out = invoke("new-year", "2650", "--project", str(mini_project))
    assert code == 2 and "catalogue-missing" in out and "Traceback" not in out
    assert not (mini_project / "content/2650").exists()


def test_example_council_starts_2569(tmp_path: Path) -> None:
    """The example's 2568 evidence: the 2566–2570 plan and the manuals carry over; the
    2564–2567 HR plan, monthly procurement reports and yearly reports do not."""
    root = tmp_path / "council"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "site_config.yml", root / "site_config.yml")
    shutil.rmtree(root / "content/2569")
    report = new_year(root, 2569)
    carried = {(c.item, c.title) for c in report.carried}
    assert ("o5", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) องค์การบริหารส่วนตำบลหนองใสสะอาด") in carried
    assert {c.item for c in report.carried} >= {"o5", "o8", "o9", "o17"}
    dropped = {d.item for d in report.dropped}
    assert {"o13", "o14", "o7"} <= dropped and "o14" not in {c.item for c in report.carried}
    # the same year rules as the check: 2569's reports read 2568, so last year's reports of
    # 2567 (dated within the grace after 2567) stay behind; o16's code of ethics has no
    # year rule (seed 002 l.172) and carries, its 2568 training does not
    assert not {c.item for c in report.carried} & {"o7", "o15", "o19", "o22", "o24", "o26"}
    o16 = {c.components for c in report.carried if c.item == "o16"}
    assert o16 == {("code",)}
    assert len(report.created) == 28
    project = load_project(root, only_year=2569)
    codes = {p.code for p in check_year(project, 2569, TODAY).problems}
    assert codes <= {"item-no-evidence", "measures-missing", "component-unmet"}, codes
    assert project.year(2569).items["o5"].evidence[0].period is not None


def test_creates_files_where_hard_links_are_not_supported(mini_project: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A FAT-formatted USB drive or a Windows share has no hard links: files are still
    created, and an existing one is still never replaced."""
    import os

    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    oit = mini_project / "content/2600/oit"
    oit.mkdir(parents=True)
    (oit / "o9.md").write_text("---\nevidence: []\n---\nของเดิม\n", "utf-8")
    report = new_year(mini_project, 2600, catalogue=RENUMBERED)
    assert sorted(p.name for p in oit.iterdir()) == ["o1.md", "o2.md", "o3.md", "o7.md",
                                                     "o9.md"]
    assert (oit / "o9.md").read_text("utf-8").endswith("ของเดิม\n")
    assert report.kept == ["content/2600/oit/o9.md"]
    assert meta(oit / "o2.md")["evidence"][0]["title"] == "แผนพัฒนา 2597-2601"


def test_an_undated_entry_is_dropped_for_what_it_lacks(mini_project: Path) -> None:
    """(Issue 20) an entry without date or period is not "a document of an earlier year":
    nothing says which year it is of, and the reason says so."""
    o12 = mini_project / "content/2599/oit/o12.md"
    o12.write_text(o12.read_text("utf-8").replace("    period: 2598-10\n", "", 1), "utf-8")
    report = new_year(mini_project, 2600, catalogue=RENUMBERED)
    [undated] = [d for d in report.dropped if d.title == "รายงานเดือนตุลาคม"]
    assert "no `date:` or `period:`" in undated.reason.en
    assert "another year" not in undated.reason.en
    [dated] = [d for d in report.dropped if d.title == "รายงานเดือนพฤศจิกายน"]
    assert "another year" in dated.reason.en


def test_link_evidence_of_o2_and_o3_is_carried(mini_project: Path) -> None:
    """A link to the council's executives page (o3 in the mini catalogue, decided from
    site_config.yml) carries into the new year like any document without a date rule."""
    (mini_project / "content/2599/oit/o3.md").write_text(
        "---\nevidence:\n  - title: คณะผู้บริหาร\n    url: https://example.org/executives\n"
        "    components: all\n---\n", "utf-8")
    report = new_year(mini_project, 2600, catalogue=RENUMBERED)
    assert [(c.item, c.source) for c in report.carried if c.title == "คณะผู้บริหาร"] == [
        ("o1", "o3")]
    assert meta(mini_project / "content/2600/oit/o1.md")["evidence"][0]["url"] == \
        "https://example.org/executives"
