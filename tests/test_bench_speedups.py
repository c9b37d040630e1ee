"""The speed-ups found by the benchmark change nothing in the output:

- the Thai segmentation (nlpO3's newmm, else pythainlp's with a set-based dictionary)
  cuts exactly as pythainlp's own newmm with its own Trie;
- an incremental preview rebuild produces the same site as a full build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synth import SIZES, make_council

EPOCH = "1730332800"


def test_segmentation_matches_pythainlp_default_dictionary(example_site: Path) -> None:
    from pythainlp.tokenize import word_tokenize

    from generator.engine.search import THAI_RUN, _tokenize

    text = (example_site / "search" / "search_index.json").read_text("utf-8")
    runs = sorted({m.group(0) for m in THAI_RUN.finditer(text.replace("\u200b", ""))})
    runs += ["โอเคบ่พวกเรารักภาษาบ้านเกิด", "ชินโซอาเบะเกิด", "ก", "ๆ", "สวัสดีครับ" * 40]
    assert len(runs) > 300
    for run in runs:
        expected = [w for w in word_tokenize(run, engine="newmm", keep_whitespace=False)
                    if w.strip()]
        assert list(_tokenize(run)) == expected, run


def test_build_cuts_with_nlpo3() -> None:
    pytest.importorskip("nlpo3")  # installed with Prongsai where it has wheels (pyproject)
    from generator.engine import search

    assert search._nlpo3() is not None  # and it loads


# Thai letters, vowels, tone marks, digits and signs (the runs THAI_RUN finds), weighted
# towards whole words so that the dictionary matters
THAI_PIECES = st.one_of(
    st.sampled_from(["การ", "ประ", "เมิน", "คุณ", "ธรรม", "และ", "ความ", "โปร่งใส", "ข้อมูล",
                     "สาธารณะ", "ที่", "มี", "เกิด", "บ้าน", "ภาษา", "แผน", "พัฒนา", "๒๕๖๘",
                     "ๆ", "ฯ", "ก็", "เก้า", "แล้ว", "ไม่", "ได้", "ผู้", "บริหาร"]),
    st.text(alphabet=[chr(c) for c in range(0x0E01, 0x0E5C)], min_size=1, max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.lists(THAI_PIECES, min_size=1, max_size=30).map("".join))
def test_both_cutters_agree_with_pythainlp_newmm(run: str) -> None:
    from pythainlp.tokenize import word_tokenize

    from generator.engine import search

    expected = tuple(w for w in word_tokenize(run, engine="newmm", keep_whitespace=False)
                     if w.strip())
    assert search._tokenize_nlpo3(run) in (expected, None)  # None: not installed here
    assert search._tokenize_pythainlp(run) == expected


def test_without_nlpo3_pythainlp_cuts(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from generator.engine import search

    real_import = builtins.__import__

    def no_nlpo3(name: str, *args: object, **kwargs: object) -> object:
        if name == "nlpo3":
            raise ImportError("no nlpo3 here")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    search._nlpo3.cache_clear()
    search._tokenize.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_nlpo3)
    run = "สวัสดีครับพวกเรารักภาษาไทย"
    expected = search._tokenize_pythainlp(run)
    try:
        assert search._nlpo3() is None
        assert search._tokenize(run) == expected
        assert len(expected) > 3
    finally:
        monkeypatch.undo()
        search._nlpo3.cache_clear()
        search._tokenize.cache_clear()


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(a: Path, b: Path) -> None:
    fa, fb = site_files(a), site_files(b)
    assert sorted(fa) == sorted(fb)
    differ = [k for k in fa if fa[k] != fb[k]]
    assert differ == []


@pytest.fixture()
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "council"
    make_council(root, SIZES["1y"], 11)
    return root


def test_incremental_preview_equals_full_build(council: Path, tmp_path: Path) -> None:
    from generator.commands.build import build
    from generator.commands.serve import Preview

    preview = Preview(council, tmp_path / "preview")
    first = preview.rebuild()
    assert first.full
    item = council / "content/2568/oit/o5.md"

    # free text of one item: only its page changes
    item.write_text(item.read_text("utf-8") + "\nข้อความใหม่สำหรับทดสอบ\n", "utf-8")
    done = preview.rebuild()
    assert not done.full and done.pages == 1
    build(council, tmp_path / "full1")
    assert_same_site(preview.out, tmp_path / "full1")

    # an evidence title and a component removed: the item, year, checklist pages change
    text = item.read_text("utf-8")
    text = re.sub(r"(?m)^(  - title: )(.*)$", r"\1\2 แก้ไข", text, count=1)
    item.write_text(text, "utf-8")
    done = preview.rebuild()
    assert not done.full and done.pages >= 1
    build(council, tmp_path / "full2")
    assert_same_site(preview.out, tmp_path / "full2")
    index = json.loads((preview.out / "search/search_index.json").read_text("utf-8"))
    assert any("แก้ไข" in d["text"] for d in index["docs"] if d["location"].startswith(
        "2568/oit/o5/"))

    # nothing changed: nothing rebuilt
    assert preview.rebuild().pages == 0


def test_navigation_change_takes_the_full_path(council: Path, tmp_path: Path) -> None:
    from generator.commands.build import build
    from generator.commands.serve import Preview

    preview = Preview(council, tmp_path / "preview")
    preview.rebuild()
    (council / "content/pages/contact.md").write_text(
        "---\ntitle: ติดต่อเรา\norder: 3\n---\nโทรศัพท์ 0-4400-0000\n", "utf-8")
    assert preview.rebuild().full
    build(council, tmp_path / "full")
    assert_same_site(preview.out, tmp_path / "full")


def test_refused_edit_keeps_the_last_preview(council: Path, tmp_path: Path) -> None:
    """An edit that would make the site unsafe keeps the last preview; one that only puts a
    bad entry in an item (issue 20: it used to be refused too) is previewed, marked."""
    from generator.base.problems import BuildRefused
    from generator.commands.serve import Preview

    preview = Preview(council, tmp_path / "preview")
    preview.rebuild()
    before = site_files(preview.out)
    item = council / "content/2568/oit/o5.md"
    good = item.read_text("utf-8")
    item.write_text(good + "\n[เปิด](javascript:alert(1))\n", "utf-8")
    with pytest.raises(BuildRefused):
        preview.rebuild()
    assert site_files(preview.out) == before
    item.write_text(good.replace("components: [", "components: [nonexistent, ", 1), "utf-8")
    marked = preview.rebuild()
    assert marked.pages >= 1 and [p.code for p in marked.attention] == ["component-unknown"]
    page = (preview.out / "2568/oit/o5/index.html").read_text("utf-8")
    assert 'data-attention="yes"' in page
    item.write_text(good, "utf-8")
    assert preview.rebuild().pages >= 1


def test_merge_index_keeps_site_order() -> None:
    from generator.engine.preview import merge_index, page_url

    old = [{"location": "", "text": "home"}, {"location": "a/", "text": "a"},
           {"location": "a/#x", "text": "ax"}, {"location": "b/", "text": "b"}]
    new = [{"location": "a/", "text": "A"}]
    assert [d["text"] for d in merge_index(old, new, {"a/"})] == ["home", "A", "b"]
    assert page_url("index.md") == "" and page_url("2568/index.md") == "2568/"
    assert page_url("2568/oit/o5.md") == "2568/oit/o5/" and page_url("about.md") == "about/"


def _yaml_sources() -> list[Path]:
    repo = Path(__file__).resolve().parent.parent
    found = []
    for base in ("content", "tests", "generator/catalogues", "generator/scoring"):
        for p in sorted((repo / base).rglob("*")):
            if p.suffix in (".yml", ".yaml", ".md") and p.is_file() and "golden" not in p.parts:
                found.append(p)
    return found + [repo / "site_config.yml"]


def _load(path: Path) -> object:
    from generator.base.problems import InputError
    from generator.load.yamlio import load_markdown_file, load_yaml_file

    try:
        if path.suffix == ".md":
            md = load_markdown_file(path, "f")
            return ("md", md.meta.data, md.meta.lines, md.meta.problems, md.body, md.body_line)
        doc = load_yaml_file(path, "f")
        return ("yml", doc.data, doc.lines, doc.problems)
    except InputError as exc:
        return ("error", exc.problems)
    except Exception as exc:  # noqa: BLE001 - compared, not hidden
        return ("exception", type(exc).__name__)


def test_libyaml_fast_path_reads_every_file_as_the_python_parser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.load.yamlio as yamlio

    make_council(tmp_path / "c", SIZES["3y"], 5)
    files = _yaml_sources() + sorted((tmp_path / "c").rglob("*.md")) + sorted(
        (tmp_path / "c").rglob("*.yml"))
    extra = tmp_path / "extra"
    extra.mkdir()
    cases = {"deep.yml": "a:\n" + "".join("  " * i + "- \n" for i in range(1, 60)),
             "flow.yml": "a: " + "[" * 70 + "]" * 70 + "\n",
             "dup.yml": "a: 1\na: 2\n", "alias.yml": "a: &x [1]\nb: *x\n",
             "alias2.yml": 'a: &x 1\nb: {"k":*x}\n', "star.yml": "a: b * c\n",
             "tab.yml": "a:\n\t- 1\n",
             "styles.yml": "a: 'no'\nb: no\nc: ~\nd: |\n  x\ne: >-\n  y\n",
             "merge.yml": "base: &b {x: 1}\nc:\n  <<: {y: 2}\n",
             "unclosed.yml": 'a: "x\nb: 1\n', "ctrl.yml": "a: x\x0by\n",
             "keys.yml": "? [a]\n: 1\n", "multi.yml": "a: 1\n---\nb: 2\n"}
    for name, text in cases.items():
        (extra / name).write_text(text, "utf-8")
    files += sorted(extra.iterdir())
    assert len(files) > 150
    fast = [_load(p) for p in files]
    monkeypatch.setattr(yamlio, "_CLoader", None)
    slow = [_load(p) for p in files]
    for path, a, b in zip(files, fast, slow, strict=True):
        assert a == b, path
