"""Golden files: the example council's generated Markdown must not change by accident.

After an intended change: `python -m tests.refresh_golden`, review `git diff tests/golden`.
"""

from pathlib import Path

from .refresh_golden import GOLDEN, generate


def test_generated_markdown_matches_golden() -> None:
    generated = generate()
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes()
                for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(generated) == sorted(expected), "pages added or removed: refresh golden"
    changed = [path for path in generated if generated[path] != expected[path]]
    assert not changed, f"generated output differs from tests/golden for {changed[:10]}"


def test_golden_is_committed_next_to_this_test() -> None:
    assert (GOLDEN / "2568" / "oit" / "o5.md").exists()
    assert Path(__file__).with_name("refresh_golden.py").exists()
