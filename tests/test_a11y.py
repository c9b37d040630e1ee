"""Accessibility of every page template, in headless Chromium.

axe-core (bundled by axe-playwright-python, injected from the package: no network) runs on
each template at desktop and phone width: no serious or critical violation. Keyboard:
the first Tab reaches the skip link, and every focused element shows a visible outline.
Status is never told by colour alone, and the document is Thai.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "a11y.json"

# One page per template (the o27/o28 and assessment pages have templates of their own).
TEMPLATES = {
    "home": "",
    "year": "2568/",
    "oit-index": "2568/oit/",
    "item": "2568/oit/o12/",
    "item-executives": "2568/oit/o2/",
    "item-o27-measures": "2568/oit/o27/",
    "item-o28-progress": "2568/oit/o28/",
    "checklist": "2568/checklist/",
    "assessment": "2568/assessment/",
    "provisional-year": "2569/oit/",
    "free-page": "about/",
    "not-found": "no-such-page/",
}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def existing(site: Path) -> dict[str, str]:
    """Templates whose page the example site has (404 is always there)."""
    return {name: path for name, path in TEMPLATES.items()
            if not path or "no-such" in path or (site / path / "index.html").exists()}


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_no_serious_violation(browser, example_server, example_site, axe,
                                        width: int) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 800})
    report: dict[str, list[dict[str, object]]] = {}
    blocking = []
    for name, path in existing(example_site).items():
        page.goto(example_server.url + path, wait_until="networkidle")
        violations = axe.run(page).response["violations"]
        report[name] = [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
                        for v in violations]
        blocking += [(name, v["id"], [n["html"][:120] for n in v["nodes"][:3]])
                     for v in violations if v["impact"] in BLOCKING]
    page.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    previous[str(width)] = report
    RESULTS.write_text(json.dumps(previous, ensure_ascii=False, indent=2), "utf-8")
    print(f"\naxe at {width}px:", {k: [v["id"] for v in vs] for k, vs in report.items()})
    assert len(report) >= 10
    assert blocking == []


@pytest.mark.browser
def test_document_is_thai(browser, example_server, example_site) -> None:  # type: ignore
    page = browser.new_page()
    for path in existing(example_site).values():
        page.goto(example_server.url + path)
        assert page.get_attribute("html", "lang") == "th", path
    page.close()


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return {tag: el.tagName, cls: el.className, text: (el.textContent || '').trim().slice(0, 40),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          shadow: s.boxShadow !== 'none'};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["2568/oit/o12/", "2568/oit/"])
def test_keyboard_reaches_content_with_visible_focus(browser, example_server,
                                                     path: str) -> None:  # type: ignore
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(example_server.url + path, wait_until="networkidle")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STYLE)
    assert "md-skip" in first["cls"] and first["text"] == "ข้ามไปยังเนื้อหาหลัก"
    assert first["outline"]
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state["tag"] == "BODY":
            continue
        seen.append(state)
        assert state["outline"] or state["shadow"], state
    # the walk leaves the header and reaches links of the page content
    assert any(s["tag"] == "A" for s in seen)
    page.keyboard.press("Shift+Tab")
    page.close()


@pytest.mark.browser
def test_skip_link_moves_to_the_content(browser, example_server) -> None:  # type: ignore
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(example_server.url + "2568/oit/o12/", wait_until="networkidle")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#o12-2568")  # the h1 (2568's o12 title ends with its year)
    page.close()


def test_status_is_never_colour_alone(example_site: Path) -> None:
    """Every status badge has an icon and a Thai word; colours only repeat
    them."""
    from bs4 import BeautifulSoup

    pages = ["2568/oit/o12/", "2568/oit/", "2568/", "", "2568/checklist/", "2569/oit/"]
    badges = 0
    for path in pages:
        soup = BeautifulSoup((example_site / path / "index.html").read_text("utf-8"),
                             "html.parser")
        for badge in soup.select(".pg-status, .pg-met, .pg-sev"):
            icon = badge.select_one("[aria-hidden=true]")
            assert icon is not None and icon.get_text(strip=True), (path, str(badge))
            word = badge.get_text(" ", strip=True).replace(icon.get_text(strip=True), "")
            assert re.search(r"[ก-๙]{2,}", word), (path, str(badge))
            badges += 1
    assert badges > 50


def test_search_partial_matches_installed_material() -> None:
    """partials/search.html is upstream's but for the dialog's accessible name."""
    import material

    upstream = (Path(material.__file__).parent / "templates/partials/search.html")
    ours = REPO / "theme/overrides/partials/search.html"

    def body(text: str) -> str:
        return re.sub(r"^\{#-.*?-#\}\s*", "", text, flags=re.S)

    expected = body(upstream.read_text("utf-8")).replace(
        'role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1)
    assert body(ours.read_text("utf-8")) == expected
