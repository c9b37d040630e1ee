"""In a real browser: no page of the example site requests anything outside the site."""

from pathlib import Path

import pytest

PAGES = ["", "2568/", "2568/oit/", "2568/oit/o2/", "2568/oit/o12/", "2568/oit/o27/",
         "2568/oit/o28/", "2568/checklist/", "2568/assessment/", "2569/oit/", "about/",
         "no-such-page/"]


@pytest.mark.browser
def test_no_external_requests(browser, example_server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    outside: list[str] = []
    failed: list[str] = []

    def on_request(req):  # type: ignore[no-untyped-def]
        if not req.url.startswith(example_server.url) and not req.url.startswith("data:"):
            outside.append(req.url)

    context.on("request", on_request)
    context.on("requestfailed", lambda r: failed.append(r.url))
    # and nothing the pages or the search worker load is missing from the site
    missing: list[str] = []
    context.on("response", lambda r: missing.append(f"{r.status} {r.url}")
               if r.status >= 400 and "no-such-page" not in r.url else None)
    page = context.new_page()
    for path in PAGES:
        if "assessment" in path and not (example_server.root / path).exists():
            continue
        response = page.goto(example_server.url + path, wait_until="networkidle")
        assert page.title(), path
        assert response is not None and response.status == (404 if "no-such" in path else 200)
    # searching loads the worker scripts and the index: all from the site too
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("จัดซื้อจัดจ้าง")
    box.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    context.close()
    assert outside == []
    assert failed == []
    assert missing == []


@pytest.mark.browser
def test_thai_font_is_the_shipped_sarabun(browser, example_server) -> None:  # type: ignore
    page = browser.new_page()
    page.goto(example_server.url + "2568/oit/o5/", wait_until="networkidle")
    loaded = page.evaluate("""async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family); }""")
    assert any("Sarabun" in f for f in loaded)
    page.close()


@pytest.mark.browser
def test_screens_fit_a_phone(browser, example_server, tmp_path: Path) -> None:  # type: ignore
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in ("", "2568/oit/", "2568/oit/o12/"):
        page.goto(example_server.url + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)
    page.close()
