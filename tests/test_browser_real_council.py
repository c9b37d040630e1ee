"""The pages issue 20 added, in headless Chromium at phone (360 px) and laptop (1366 px)
width, on the real-council fixture (tests/fixtures/real-council): an archive year, its OIT
list and an archive item with an entry marked "needs attention", an item page with a marked
entry, the OIT list and checklist marking an item, o2/o3 met by links to the council's own
pages. The same audits as the example's templates (tests/test_browser_reader.py): no
sideways scroll, every table readable on a phone (labelled cells or a header that fits),
Thai lines wrapping only between newmm words. Screenshots go to
bench/results/screens/real-council-*.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.load.catalogue import available_years
from tests.wrapaudit import OPEN_DETAILS, TABLE_LABELS, Audit, audit_page

from .conftest import FIXTURES, StaticServer, build_into

SHOTS = Path(__file__).resolve().parent.parent / "bench" / "results" / "screens"
WIDTHS = [(360, 740), (1366, 768)]
ARCHIVE = 2567  # the fixture's earlier year, without a shipped catalogue
PAGES = {
    "archive-year": f"{ARCHIVE}/", "archive-index": f"{ARCHIVE}/oit/",
    "archive-item-marked": f"{ARCHIVE}/oit/o10/",
    "item-marked": "2568/oit/o20/", "oit-index-marked": "2568/oit/",
    "checklist-marked": "2568/checklist/", "item-executives-link": "2568/oit/o2/",
    "item-contacts-link": "2568/oit/o3/", "item-council-title": "2568/oit/o1/",
}


@pytest.fixture(scope="module")
def real_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    root = tmp_path_factory.mktemp("real-browser") / "council"
    shutil.copytree(FIXTURES / "real-council", root)
    result = build_into(root, root / "site")
    assert result.attention, "the fixture's bad entries are published marked"
    server = StaticServer(root / "site")
    yield server
    server.close()


@pytest.fixture(scope="module")
def measured(browser, real_server: StaticServer) -> dict[str, Any]:  # type: ignore
    if ARCHIVE in available_years():
        pytest.skip(f"a catalogue for {ARCHIVE} is shipped: the fixture has no archive year")
    SHOTS.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {}
    for width, height in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": height})
        total = Audit()
        for name, path in PAGES.items():
            page.goto(real_server.url + path, wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            assert page.locator("article h1").count() == 1, path  # a page, not the 404
            page.screenshot(path=str(SHOTS / f"real-council-{name}-{width}.png"),
                            full_page=True)
            page.evaluate(OPEN_DETAILS)
            audit = audit_page(page)
            total.add(audit)
            out[f"{name}@{width}"] = {
                "tables": page.evaluate(TABLE_LABELS),
                "scroll_width": page.evaluate("document.documentElement.scrollWidth"),
                "marked": page.locator("[data-attention=yes]").count(),
            }
        out[f"total@{width}"] = total
        page.close()
    return out


@pytest.mark.browser
def test_issue_20_pages_are_readable_on_a_phone(measured: dict[str, Any]) -> None:
    cells = 0
    for name, row in measured.items():
        if name.startswith("total@"):
            continue
        width = int(name.rsplit("@", 1)[1])
        assert row["scroll_width"] <= width, (name, row["scroll_width"])
        if width == 360:
            assert row["tables"]["unlabeled"] == [], name
            assert row["tables"]["overflow"] == [], name
            cells += row["tables"]["cells"]
    assert cells >= 50  # the tables were measured, not skipped


@pytest.mark.browser
def test_marked_entries_are_shown_on_their_pages(measured: dict[str, Any]) -> None:
    for name in ("archive-item-marked", "item-marked", "oit-index-marked",
                 "checklist-marked"):
        for width, _ in WIDTHS:
            assert measured[f"{name}@{width}"]["marked"] >= 1, (name, width)


@pytest.mark.browser
def test_issue_20_pages_wrap_thai_only_between_words(measured: dict[str, Any]) -> None:
    for width, _ in WIDTHS:
        total: Audit = measured[f"total@{width}"]
        assert total.thai > 20, width  # the audit saw wrapped Thai lines
        assert total.bad == [] and total.nowrap == [], (width, total.as_dict())
