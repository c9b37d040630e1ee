import codecs
from pathlib import Path

import pytest

from generator.base.problems import InputError
from generator.load.yamlio import load_markdown_file, load_yaml_file, load_yaml_text


def test_scalars_stay_as_typed_and_lines_are_known() -> None:
    doc = load_yaml_text("a: no\nb: 1.10\nc: 2568-10-21\nd: true\ne:\n  - x\n", "f.yml")
    assert doc.data == {"a": "no", "b": "1.10", "c": "2568-10-21", "d": True, "e": ["x"]}
    assert doc.line("e", 0) == 6
    assert doc.line("c") == 3


def test_duplicate_key_is_a_problem_not_silently_lost() -> None:
    doc = load_yaml_text("title: a\ntitle: b\n", "f.yml")
    assert doc.data == {"title": "a"}
    [p] = doc.problems
    assert (p.code, p.line, p.path, p.value) == ("yaml-duplicate-key", 2, "title", "title")


def test_tab_indentation_named() -> None:
    with pytest.raises(InputError) as exc:
        load_yaml_text("a:\n\t- b\n", "f.yml")
    [p] = exc.value.problems
    assert (p.code, p.file, p.line) == ("yaml-tab", "f.yml", 2)


def test_syntax_error_has_line() -> None:
    with pytest.raises(InputError) as exc:
        load_yaml_text("a: [1, 2\nb: 3\n", "f.yml")
    p = exc.value.problems[0]
    assert (p.code, p.line, p.column, p.corrected) == ("yaml-bracket", 1, 4, "a: [1, 2]")
    assert p.excerpt == ("a: [1, 2", 3)


def test_encodings(tmp_path: Path) -> None:
    p = tmp_path / "x.yml"
    p.write_bytes(codecs.BOM_UTF8 + "a: ไทย\r\n".encode())
    assert load_yaml_file(p, "x.yml").data == {"a": "ไทย"}
    p.write_bytes("a: ไทย\n".encode("utf-16"))
    doc = load_yaml_file(p, "x.yml")
    assert doc.data == {"a": "ไทย"} and doc.problems[0].code == "encoding-utf16"
    p.write_bytes("a: ไทย\n".encode("cp874"))
    with pytest.raises(InputError) as exc:
        load_yaml_file(p, "x.yml")
    assert exc.value.problems[0].code == "encoding"
    assert "Windows-874" in exc.value.problems[0].message


def test_front_matter_lines_count_from_the_file(tmp_path: Path) -> None:
    p = tmp_path / "o1.md"
    p.write_text("---\nunit: ก\nevidence:\n  - title: x\n---\nbody\n", "utf-8")
    md = load_markdown_file(p, "o1.md")
    assert md.meta.line("evidence", 0) == 4
    assert md.body == "body\n" and md.body_line == 6


@pytest.mark.parametrize("source,line", [
    ("a: 1\u2028b", 2), ("a:\n  b\u2028c", 3), ("- a\u2028b", 2), ("a: 1\u0085b", 2)])
def test_line_separators_are_lines_as_pyyaml_counts_them(source: str, line: int) -> None:
    """U+2028, U+2029 and U+0085 (pasted from Word or a PDF) break lines for PyYAML: the
    diagnosis reads the row PyYAML names, not another (it crashed on `a: 1<U+2028>b`, found by
    tests/test_properties.py)."""
    with pytest.raises(InputError) as exc:
        load_yaml_text(source, "x.yml")
    [p] = exc.value.problems
    assert p.file == "x.yml" and p.line == line and p.code == "yaml-colon-missing"
