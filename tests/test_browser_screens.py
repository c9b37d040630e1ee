"""Every template at phone width (360 px) and on a laptop (1366×768): no sideways scroll,
and a full-page screenshot in bench/results/screens/ to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "bench" / "results" / "screens"
TEMPLATES = {
    "home": "", "year": "2568/", "oit-index": "2568/oit/", "item": "2568/oit/o12/",
    "item-o2": "2568/oit/o2/", "item-o27": "2568/oit/o27/", "item-o28": "2568/oit/o28/",
    "checklist": "2568/checklist/", "assessment": "2568/assessment/",
    "provisional": "2569/oit/o5/", "free-page": "about/", "not-found": "no-such-page/",
}


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(360, 740), (1366, 768)])
def test_templates_fit_and_are_captured(browser, example_server, example_site: Path,
                                        width: int, height: int) -> None:  # type: ignore
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": height})
    for name, path in TEMPLATES.items():
        if path and "no-such" not in path and not (example_site / path).exists():
            continue
        page.goto(example_server.url + path, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, (name, scroll)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.close()


FIRST_SCREEN = """() => {
  const top = el => el ? el.getBoundingClientRect().top + window.scrollY : 1e9;
  const req = [...document.querySelectorAll('article details')]
    .find(d => d.querySelector('summary').textContent.includes('ข้อกำหนดตามเกณฑ์'));
  const comps = document.querySelector('ol.pg-components');
  const first = document.querySelector('ol.pg-components > li');
  return {requirement: req ? top(req) : null, open: req ? req.open : null,
          components: top(comps), first: top(first),
          firstEvidence: first.querySelector('ul a, p') ? top(first.querySelector('ul a, p'))
                         : top(first) + first.offsetHeight};
}"""


@pytest.mark.browser
def test_assessor_sees_requirement_and_components_first(browser, example_server,
                                                        example_site: Path) -> None:  # type: ignore
    """On a laptop (1366×768) every item page opens on its requirement and its first
    component with its evidence, before any other section."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    items = sorted(p.parent.name for p in (example_site / "2568/oit").glob("o*/index.html"))
    assert len(items) >= 28
    for item in items:
        page.goto(example_server.url + f"2568/oit/{item}/", wait_until="networkidle")
        where = page.evaluate(FIRST_SCREEN)
        assert where["open"], (item, where)
        assert where["requirement"] < where["components"] < 768, (item, where)
        assert where["firstEvidence"] < 768, (item, where)
    page.close()


@pytest.mark.browser
def test_printed_item_page_shows_everything(browser, example_server, example_site: Path,
                                            tmp_path: Path) -> None:  # type: ignore
    """Print (Chromium's PDF): no menus, every evidence link and the requirement text
    printed, on A4."""
    page = browser.new_page()
    page.goto(example_server.url + "2568/oit/o12/", wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => [...document.querySelectorAll(
        'article a, article details > :not(summary), article td, article li')]
        .filter(e => e.offsetParent === null && !e.closest('.md-typeset__scrollwrap[hidden]'))
        .map(e => e.textContent.trim().slice(0, 60))""")
    assert hidden == []
    shown = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
        .map(s => document.querySelector(s)).filter(e => e && e.offsetParent !== null).length""")
    assert shown == 0
    pdf = tmp_path / "o12.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) >= 2  # A4 pages
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "item-o12.pdf").write_bytes(data)
    page.close()
