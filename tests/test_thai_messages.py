"""Officers read Thai: every problem kind's Thai title, message and fix, the reasons
`new-year` gives for leaving a document behind, the check report and the command's own
errors hold no English word but codes, file names, keys and commands (tests/thai_text.py).
English stays one option away (`--lang en`, PRONGSAI_LANG=en), with the same codes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.base.kinds import KINDS
from generator.base.problems import path_th, problem
from generator.base.say import Say, set_lang
from generator.check.year import check_year
from generator.commands.cli import cli
from generator.commands.newyear import new_year, report_text
from generator.load.project import load_project
from generator.render.reports import check_text, item_text

from .conftest import REPO, TODAY
from .test_newyear import RENUMBERED
from .thai_text import english_words

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
YAML_LINE = re.compile(r"^\s+(?:- )?[a-z_0-9]+:(?: |$)")  # lines of a YAML snippet to copy


@pytest.mark.parametrize("code", sorted(KINDS))
def test_every_kind_is_said_in_thai(code: str) -> None:
    kind = KINDS[code]
    for text in (kind.title_th, kind.template_th, kind.fix_th):
        assert text, code
        assert english_words(PLACEHOLDER.sub("๐", text)) == [], (code, text)
    # and in English, for developers
    assert kind.title_en and kind.template and kind.fix


def test_the_check_english_word_finder_finds_english() -> None:
    assert english_words("อ่านวันที่ไม่ได้: cannot read the date") == \
        ["cannot", "read", "the", "date"]
    assert english_words("แก้ `evidence[1].date` ในไฟล์ content/2568/oit/o5.md ด้วย "
                         "`prongsai check --item o5` (PDF, UTF-8) [yaml-tab]") == []


def test_positions_count_from_one() -> None:
    assert path_th("evidence[1].date") == "`date` ของหลักฐานรายการที่ 2"
    assert path_th("executives[0].photo") == "`photo` ของผู้บริหารคนที่ 1"
    p = problem("date-era", file="content/2568/oit/o5.md", line=14, column=11,
                path="evidence[1].date", item="o5", value="2025-01-02",
                reason=Say("ปี 2025 เป็นปี ค.ศ.", "CE"), hint=Say("เขียนปี พ.ศ.", "BE"))
    assert p.where_th == ("content/2568/oit/o5.md `date` ของหลักฐานรายการที่ 2 "
                          "(บรรทัด 14 คอลัมน์ 11)")
    assert p.where == "content/2568/oit/o5.md:14:11 (evidence[1].date)"
    assert p.path == "evidence[1].date"  # the data stays a YAML path (JSON, CSV)


def test_the_example_councils_check_is_thai() -> None:
    project = load_project(REPO)
    allowed = _catalogue_words(project)
    for fy in project.year_list:
        report = check_year(project, fy, TODAY)
        for p in report.problems:
            assert english_words(f"{p.message_th} {p.fix_th} {p.where_th}", allowed) == [], p
        set_lang("th")
        try:
            text = check_text(report, width=1000)  # no code cut short at the edge
            items = [item_text(report, st.item.id, width=1000) for st in report.items]
        finally:
            set_lang(None)
        assert english_words(_drop_quoted_titles(text), allowed) == []
        for one in items:
            snippet_free = "\n".join(line for line in one.splitlines()
                                     if not YAML_LINE.match(line))
            assert english_words(_drop_quoted_titles(snippet_free), allowed) == []


def _catalogue_words(project) -> set[str]:  # type: ignore[no-untyped-def]
    """Component codes (keys officers write in `components:`) and the words of the
    catalogues' own titles (data, not messages: `E-Service`)."""
    words: set[str] = set()
    for yc in project.years.values():
        for item in yc.catalogue.items:
            words |= {c.id for c in item.components}
            texts = [item.title, item.requirement] + [c.title for c in item.components]
            for t in texts:
                words |= set(re.findall(r"[A-Za-z][A-Za-z0-9'_+-]*", t))
        for sub in yc.catalogue.sub_indicators:
            words |= set(re.findall(r"[A-Za-z][A-Za-z0-9'_+-]*", sub.title))
    return words


def _drop_quoted_titles(text: str) -> str:
    return re.sub(r"“[^”]*”|«[^»]*»", " ", text)


def _new_year_project(tmp_path: Path) -> Path:
    root = tmp_path / "council"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    shutil.rmtree(root / "content" / "2569")
    return root


def test_new_year_reasons_are_thai(tmp_path: Path, mini_project: Path) -> None:
    reports = [new_year(_new_year_project(tmp_path), 2569, dry_run=True),
               new_year(mini_project, 2600, catalogue=RENUMBERED, dry_run=True)]
    reasons = [d for r in reports for d in r.dropped]
    assert len(reasons) > 10
    kinds = set()
    for d in reasons:
        assert english_words(_drop_quoted_titles(d.reason.th)) == [], d
        assert d.reason.en and d.reason.en != d.reason.th
        kinds.add(d.reason.th.split(" ")[0])
    assert len(kinds) >= 3  # several kinds of reason were said
    for r in reports:
        text = report_text(r, "th")
        skeleton = "\n".join(line.split(":", 1)[-1] if line.startswith("  o") else line
                             for line in text.splitlines()
                             if not YAML_LINE.match(line))  # a snippet to copy
        titles = {d.title for d in r.dropped} | {c.title for c in r.carried}
        for t in sorted(titles - {""}, key=len, reverse=True):
            skeleton = skeleton.replace(t, " ")
        assert english_words(_drop_quoted_titles(skeleton)) == [], skeleton
        assert "dry run" in report_text(r, "en")


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.output


@pytest.mark.parametrize(("args", "thai"), [
    (["check", "--year", "2570"], "ไม่มีปีงบประมาณ 2570 ในโฟลเดอร์ content/"),
    (["check", "--yaer", "2568"], "ไม่รู้จักตัวเลือก `--yaer` หมายถึง `--year` หรือไม่"),
    (["check", "--item", "o99"], "ไม่มีข้อ `o99` ในเกณฑ์ปี 2568"),
    (["new-year", "2026"], "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569 แต่ได้ `2026` (2026 → 2569)"),
    (["serve", "--addr", "localhost"], "`--addr` ต้องเป็น เครื่อง:พอร์ต"),
    (["chek"], "ไม่มีคำสั่ง `chek`"),
])
def test_usage_errors_are_thai(args: list[str], thai: str) -> None:
    code, out = _run(*args, "--project", str(REPO)) if args[0] != "chek" else _run(*args)
    assert code == 2
    assert thai in out and "ดูวิธีใช้ด้วย" in out
    assert english_words(_drop_quoted_titles(out.replace(thai, ""))) == [], out


def test_english_for_developers(mini_project: Path) -> None:
    (mini_project / "content/2599/oit/o7.md").write_text(
        "---\nevidence:\n  - title: x\n    date:2599-01-01\n---\n", "utf-8")
    code_th, th = _run("check", "--project", str(mini_project))
    code_en, en = _run("--lang", "en", "check", "--project", str(mini_project))
    code_env, env = _run("check", "--project", str(mini_project),
                         env={"PRONGSAI_LANG": "en"})
    assert code_th == code_en == code_env == 1
    assert "[yaml-space-missing]" in th and "[yaml-space-missing]" in en
    assert "ไม่ได้เว้นวรรคหลังเครื่องหมาย `:`" in th and "วิธีแก้:" in th
    assert "there is no space after `:`" in en and "fix: put one space after `:`" in en
    assert "content/2599/oit/o7.md:4:10" in en  # developers' file:line:column
    assert "content/2599/oit/o7.md (บรรทัด 4 คอลัมน์ 10)" in th
    assert env == en
    # the language is per run: a Thai run after an English one is Thai again
    assert _run("check", "--project", str(mini_project))[1] == th
