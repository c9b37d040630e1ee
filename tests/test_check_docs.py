"""The README documents every problem code, with its fix in Thai and English, exactly as the
declarations (generator/base/kinds.py) defines it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from generator.base import problems
from generator.base.problems import kinds, problem
from generator.commands import readme as docs

from .conftest import REPO

README = Path(__file__).resolve().parent.parent / "README.md"
# parameters that only the Thai texts use; the checks pass them with the English ones
THAI_ONLY = {"rule_th", "found_th", "field_th", "first_n"}  # and any field named *_th


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_readme_table_is_the_generated_one() -> None:
    assert docs.readme_table(README) == docs.problem_table(), (
        "README.md and generator/base/kinds.py disagree: run `python -m generator.commands.readme`")


def test_every_code_has_one_readme_row() -> None:
    table = docs.readme_table(README)
    codes = re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.M)
    assert codes == [k.code for k in kinds()]
    assert len(set(codes)) == len(codes)


def test_refresh_rewrites_only_the_table(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\nbefore\n\n{docs.BEGIN}\n| stale |\n{docs.END}\n\nafter\n", "utf-8")
    assert docs.refresh(readme) is True
    text = readme.read_text("utf-8")
    assert text.startswith("# x\n\nbefore\n\n") and text.endswith(f"{docs.END}\n\nafter\n")
    assert docs.readme_table(readme) == docs.problem_table()
    assert docs.refresh(readme) is False


@pytest.mark.parametrize("kind", kinds(), ids=lambda k: k.code)
def test_every_kind_is_documented_in_thai_and_english(kind: problems.Kind) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", kind.code)
    assert kind.severity in ("error", "warning")
    for text in (kind.title_th, kind.template_th, kind.fix_th):
        assert re.search(r"[ก-๙]", text), f"{kind.code}: Thai text missing"
    assert kind.title_en and kind.template and kind.fix
    # the Thai texts are filled from the same parameters as the English ones
    english = fields(kind.template) | fields(kind.fix)
    thai = {f for f in fields(kind.template_th) | fields(kind.fix_th) if not f.endswith("_th")}
    assert thai <= english | THAI_ONLY


def test_a_kind_is_declared_once_and_only_errors_refuse_or_mark() -> None:
    from generator.base.kinds import ERROR, MARK, NONE, REFUSE, declare

    with pytest.raises(ValueError, match="declared twice"):
        declare("file-missing", ERROR, "content", blocks=NONE, th=("", "", ""),
                en=("", "", ""))
    # the old yes/no flag is refused: every kind says which of the three it is
    with pytest.raises(ValueError, match="REFUSE, MARK or NONE"):
        declare("x-new-error", ERROR, "content", blocks=True,  # type: ignore[arg-type]
                th=("", "", ""), en=("", "", ""))
    with pytest.raises(ValueError, match="only errors"):
        declare("x-new-warning", "warning", "content", blocks=MARK, th=("", "", ""),
                en=("", "", ""))
    assert all(k.severity == "error" for k in kinds() if k.blocks != NONE)
    assert {k.blocks for k in kinds()} == {REFUSE, MARK, NONE}


def test_problem_fills_both_languages() -> None:
    p = problem("component-unmet", file="content/2568/oit/o12.md", year=2568, item="o12",
                component="problems", title="ปัญหา/อุปสรรค",
                expected_file="content/2568/oit/o12.md")
    assert p.message == "o12 component `problems` (ปัญหา/อุปสรรค) has no evidence"
    # Thai: the component's name, with the code officers write beside it
    assert p.message_th == "ข้อ o12 องค์ประกอบ “ปัญหา/อุปสรรค” (`problems`) ยังไม่มีหลักฐาน"
    assert p.fix_th == "เพิ่มหลักฐานที่มี `components: [problems]` ในไฟล์ content/2568/oit/o12.md"
    assert p.as_dict()["fix_th"] == p.fix_th


def test_item_prefix_is_dropped_when_the_problem_has_no_item() -> None:
    p = problem("file-outside-content", file="content/x.pdf", value="x.pdf")
    assert p.message == "evidence file `x.pdf` is outside content/"
    assert p.message_th == "ไฟล์หลักฐาน `x.pdf` อยู่นอกโฟลเดอร์ content/"


# --- input formats: declared once (generator/load/schema.py), documented from it -------------

def test_every_schema_table_in_docs_is_up_to_date() -> None:
    from generator.commands import readme
    from generator.load.schema import OFFICER_SCHEMAS, SHIPPED_SCHEMAS

    found: dict[str, str] = {}
    for doc in sorted((REPO / "docs").glob("*.md")):
        found.update(readme.schema_tables_in(doc))
    expected = {s.name for s in OFFICER_SCHEMAS + SHIPPED_SCHEMAS}
    assert set(found) == expected, "every format has exactly one table in docs/"
    for name, table in found.items():
        assert table == readme.schema_table(readme.SCHEMAS[name]), (
            f"docs table of {name} is stale: run python -m generator.commands.readme")


def test_every_field_is_labelled_in_thai_and_explained() -> None:
    from generator.load.schema import OFFICER_SCHEMAS, SHIPPED_SCHEMAS

    for schema in OFFICER_SCHEMAS + SHIPPED_SCHEMAS:
        assert re.search(r"[ก-๙]", schema.title_th), schema.name
        assert len(set(schema.keys())) == len(schema.keys()), f"{schema.name}: a key twice"
        for f in schema:
            assert re.search(r"[ก-๙]", f.label_th + f.help_th), f"{schema.name}.{f.key}"
            assert f.help_en, f"{schema.name}.{f.key}"


def test_the_loader_reads_keys_as_declared(tmp_path: Path) -> None:
    """A key a format does not declare is reported with the declared keys; a declared type
    decides how the value is read."""
    from generator.load.fields import Reader
    from generator.load.schema import SITE
    from generator.load.yamlio import load_yaml_text

    doc = load_yaml_text("site:\n  thai_digit: true\n  date_format: medium\n  as_of: 2568-03-31\n",
                         "site_config.yml")
    probs: list[problems.Problem] = []
    r = Reader(doc, probs)
    r.known_keys(("site",), SITE)
    assert r.field(SITE, "date_format", ("site",)) == "long"  # the default, after the error
    assert str(r.field(SITE, "as_of", ("site",))) == "2025-03-31"
    assert r.field(SITE, "checklist_public", ("site",)) is True  # declared default
    rows = [(p.code, p.path, p.line) for p in probs]
    assert rows == [("field-unknown", "site.thai_digit", 2), ("field-value", "site.date_format", 3)]
    assert "thai_digits" in probs[0].message  # did you mean, from the declaration
