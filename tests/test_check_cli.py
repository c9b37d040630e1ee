"""`prongsai check` options and exit codes, in-process (click's runner): 0 complete,
1 problems (warnings too with --strict), 2 input that cannot be read; --year, --all-years,
--format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from generator.commands.cli import cli

from .conftest import REPO


def check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", *args])


def add_warning(project: Path) -> None:
    """A link that may need a login: a warning, the evidence still counts."""
    item = project / "content" / "2599" / "oit" / "o12.md"
    item.write_text(item.read_text("utf-8").replace(
        "https://example.org/r/10", "https://drive.google.com/drive/folders/r10"), "utf-8")


def test_warnings_pass_unless_strict(mini_project: Path) -> None:
    add_warning(mini_project)
    r = check("-p", str(mini_project))
    assert r.exit_code == 0, r.output
    assert "⚠ ควรแก้  o12" in r.stdout and "[url-login]" in r.stdout
    r = check("-p", str(mini_project), "--strict")
    assert r.exit_code == 1
    assert "ปัญหาที่ต้องแก้ 1 รายการ · ข้อสังเกตที่ควรแก้ 0 รายการ (`--strict`" in r.stdout
    r = check("-p", str(mini_project), "--strict", "--format", "json")
    assert r.exit_code == 1
    assert [p["severity"] for p in json.loads(r.stdout)["problems"]] == ["warning"]


def test_complete_project_exits_0_and_missing_file_exits_1(mini_project: Path) -> None:
    assert check("-p", str(mini_project)).exit_code == 0
    (mini_project / "content" / "2599" / "oit" / "o7.md").unlink()
    r = check("-p", str(mini_project))
    assert r.exit_code == 1
    assert "✘ ต้องแก้  o7  content/2599/oit/o7.md  [item-file-missing]" in r.stdout
    assert "    วิธีแก้: สร้างไฟล์ content/2599/oit/o7.md" in r.stdout


def test_year_selects_the_fiscal_year() -> None:
    r = check("-p", str(REPO), "--year", "2569", "--format", "json")
    assert r.exit_code == 1  # 2569 has only just started
    doc = json.loads(r.stdout)
    assert doc["fiscal_year"] == 2569 and doc["catalogue"]["status"] == "provisional"
    r = check("-p", str(REPO), "--year", "๒๕๖๘", "--format", "json")  # Thai digits too
    assert r.exit_code == 1 and json.loads(r.stdout)["fiscal_year"] == 2568
    r = check("-p", str(REPO), "--year", "2500")
    assert r.exit_code == 2 and "2568" in r.stderr  # a year without content: usage error


def test_all_years(mini_project: Path) -> None:
    r = check("-p", str(REPO), "--all-years", "--format", "json")
    doc = json.loads(r.stdout)
    assert [y["fiscal_year"] for y in doc["years"]][:2] == [2569, 2568]
    r = check("-p", str(REPO), "--all-years", "--format", "csv")
    years = {line.split(",")[2] for line in r.stdout.splitlines()[1:]}
    assert {"2568", "2569"} <= years


def test_unreadable_input_exits_2(mini_project: Path) -> None:
    (mini_project / "catalogue.yml").write_text("format: 1\nitems: [\n", "utf-8")
    r = check("-p", str(mini_project), "--format", "json")
    assert r.exit_code == 2
    assert r.stdout == ""  # no half report on stdout for tools that read it
    assert "catalogue.yml (บรรทัด 2" in r.stderr and "[yaml-bracket]" in r.stderr
    assert "อ่านข้อมูลไม่ได้" in r.stderr and "Traceback" not in r.stderr


def test_missing_content_folder_exits_2(mini_project: Path) -> None:
    import shutil

    shutil.rmtree(mini_project / "content")
    r = check("-p", str(mini_project))
    assert r.exit_code == 2 and "[file-unreadable]" in r.stderr


def test_csv_format(mini_project: Path) -> None:
    add_warning(mini_project)
    r = check("-p", str(mini_project), "--format", "csv")
    lines = r.stdout.splitlines()
    assert lines[0] == ("severity,code,year,item,component,file,line,path,value,message,fix,"
                        "message_th,fix_th,build")
    assert lines[1].startswith("warning,url-login,2599,o12,,content/2599/oit/o12.md,5,"
                               "evidence[0].url,https://drive.google.com/drive/folders/r10,")
    assert lines[1].endswith(",none")  # what it does to a build: nothing (a warning)
