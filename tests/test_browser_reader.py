"""The reader's view in headless Chromium, on every template at phone (360 px) and laptop
(1366 px) width (issue 17):

- every table readable on a phone: a table that shows its header row fits its column, a
  table shown as cards names each cell's column (data-label); no sideways scroll;
- Thai lines wrap only between newmm words, the cut the search index uses
  (tests/wrapaudit.py measures each wrap in the browser; a word wider than its line is
  excepted and counted), nothing wraps inside an element set not to, and the same holds in
  the search results;
- e-mail addresses wrap only between their parts.

What was measured goes to bench/results/reader.json; screenshots of every template at both
widths to bench/results/screens/reader-*.png.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.load.catalogue import load_year
from tests.wrapaudit import OPEN_DETAILS, TABLE_LABELS, Audit, audit_page

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "reader.json"
SHOTS = REPO / "bench" / "results" / "screens"
WIDTHS = [(360, 740), (1366, 768)]
YEAR = 2568  # the example's current year; its catalogue says which item is which kind


def templates(site: Path) -> dict[str, str]:
    """One page per template and per kind of item page, found through the catalogue
    (which item is monthly differs between years' catalogues)."""
    items = load_year(YEAR).items

    def first(test: Any) -> str:
        return next(f"{YEAR}/oit/{i.id}/" for i in items if test(i))

    pages = {
        "home": "", "year": f"{YEAR}/", "oit-index": f"{YEAR}/oit/",
        "item": first(lambda i: i.period == "covers_year"),
        "item-monthly": first(lambda i: i.period == "monthly"),
        "item-halves": first(lambda i: i.period == "both_halves"),
        "item-executives": first(lambda i: any(c.auto == "executives_name"
                                               for c in i.components)),
        "item-contacts": first(lambda i: any(c.auto == "map" for c in i.components)),
        "item-analysis": first(lambda i: i.document == "analysis"),
        "item-progress": first(lambda i: i.document == "progress"),
        "checklist": f"{YEAR}/checklist/", "assessment": f"{YEAR}/assessment/",
        "provisional-index": f"{YEAR + 1}/oit/", "provisional-item": f"{YEAR + 1}/oit/o5/",
        "free-page": "about/", "news": "news/", "not-found": "no-such-page/",
    }
    return {name: path for name, path in pages.items()
            if not path or "no-such" in path or (site / path / "index.html").exists()}


def open_page(page: Any, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")


@pytest.fixture(scope="module")
def measured(browser, example_server, example_site: Path) -> dict[str, Any]:  # type: ignore
    """Every template at both widths: the wrap audit (all collapsed sections opened), the
    tables and the page width; and a screenshot of each."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {"pages": {}, "total": {}}
    for width, height in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": height})
        total = Audit()
        for name, path in templates(example_site).items():
            open_page(page, example_server.url + path)
            page.screenshot(path=str(SHOTS / f"reader-{name}-{width}.png"), full_page=True)
            page.evaluate(OPEN_DETAILS)
            audit = audit_page(page)
            total.add(audit)
            out["pages"][f"{name}@{width}"] = {
                **audit.as_dict(), "tables": page.evaluate(TABLE_LABELS),
                "scroll_width": page.evaluate("document.documentElement.scrollWidth"),
                "path": path}
        out["total"][str(width)] = total.as_dict()
        page.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    previous.update(out)
    RESULTS.write_text(json.dumps(previous, ensure_ascii=False, indent=2), "utf-8")
    return out


@pytest.mark.browser
def test_every_table_is_readable_on_a_phone(measured: dict[str, Any]) -> None:
    cards = cells = 0
    for name, row in measured["pages"].items():
        width = int(name.rsplit("@", 1)[1])
        assert row["scroll_width"] <= width, (name, row["scroll_width"])
        if width != 360:
            continue
        tables = row["tables"]
        assert tables["unlabeled"] == [], name
        assert tables["overflow"] == [], name
        cards += tables["cards"]
        cells += tables["cells"]
    assert cards >= 10 and cells >= 300  # the phone layout was measured, not skipped


@pytest.mark.browser
def test_thai_lines_wrap_only_between_words(measured: dict[str, Any]) -> None:
    for width, total in measured["total"].items():
        assert total["thai_wraps"] > 500, width  # the audit saw wrapped Thai lines
        assert total["bad_examples"] == [], width
        assert total["nowrap_examples"] == [], width
        # words wider than their line are excepted, and counted: there should be few
        assert total["long_words"] <= 5, (width, total["long_examples"])


SEARCHES = ["ร้องเรียนการทุจริต", "จัดซื้อจัดจ้าง", "แผนพัฒนาท้องถิ่น ปี 2569",
            "รายงานผลการดำเนินงานประจำปี", "มาตรการป้องกันการรับสินบน"]


@pytest.mark.browser
@pytest.mark.parametrize("width,height", WIDTHS)
def test_search_results_wrap_only_between_words(browser, example_server, width: int,
                                                height: int) -> None:  # type: ignore
    page = browser.new_page(viewport={"width": width, "height": height})
    open_page(page, example_server.url)
    box = page.locator("input.md-search__input")
    if width < 960:  # Material's phone header opens the search with its button
        page.locator("label.md-header__button[for='__search']").click()
    else:
        box.click()
    total = Audit()
    for q in SEARCHES:
        box.fill(q)
        box.press("End")  # Material searches on keyup
        page.wait_for_function("""() => /พบ/.test(
            document.querySelector('.md-search-result__meta').textContent)""")
        page.evaluate(OPEN_DETAILS)
        total.add(audit_page(page, ".md-search-result"))
        assert page.evaluate("() => /[\\u200b\\u2060]/.test("
                             "document.querySelector('.md-search-result').textContent)") is False
    page.screenshot(path=str(SHOTS / f"reader-search-{width}.png"))
    page.close()
    assert total.thai > 20, total.as_dict()
    assert total.bad == [] and total.nowrap == [], total.as_dict()


MAIL_WRAPS = """() => [...document.querySelectorAll('article a[href^="mailto:"]')].map(a => {
  const text = a.textContent, range = document.createRange(), breaks = [];
  const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  let last = null, at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.textContent.length; i++, at++) {
      range.setStart(n, i); range.setEnd(n, i + 1);
      const r = range.getClientRects()[0];
      if (!r) continue;
      if (last && r.top >= last.bottom - 1) breaks.push(at);
      last = r;
    }
  }
  return [text, breaks];
})"""


@pytest.mark.browser
def test_email_addresses_wrap_between_their_parts(browser, example_server,
                                                  example_site: Path) -> None:  # type: ignore
    page = browser.new_page(viewport={"width": 360, "height": 740})
    checked = 0
    for path in (templates(example_site)["item-contacts"],
                 templates(example_site)["item-executives"]):
        open_page(page, example_server.url + path)
        for text, breaks in page.evaluate(MAIL_WRAPS):
            checked += 1
            for at in breaks:  # after "@", or before "."
                assert text[at - 1] == "@" or text[at] == ".", (text, at)
    page.close()
    assert checked >= 2


AUDIT_SELF_TEST = """(html) => { document.body.innerHTML = html; }"""


@pytest.mark.browser
def test_the_audit_finds_wraps_inside_words(browser) -> None:  # type: ignore
    """The audit can fail: the browser's own line breaking of a narrow Thai paragraph
    splits newmm words, the page's marking does not."""
    from generator.engine.linebreak import mark_words
    from generator.engine.search import ZWSP, thai_words

    text = ("เรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ ผู้รับผิดชอบงานการเจ้าหน้าที่ "
            "และผู้บริหารของหน่วยงาน") * 3
    plain = f'<p style="width: 110px; font-size: 16px">{text}</p>'
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.set_content("<html lang='th'><body></body></html>")
    page.evaluate(AUDIT_SELF_TEST, plain)
    before = audit_page(page)
    page.evaluate(AUDIT_SELF_TEST, mark_words(plain, lambda run: ZWSP.join(thai_words(run))))
    after = audit_page(page)
    page.evaluate(AUDIT_SELF_TEST, '<p style="width: 60px; white-space: nowrap">'
                                   'เรื่องร้องเรียน<wbr>การทุจริต</p>')
    nowrap = audit_page(page)
    page.close()
    assert before.thai > 10 and before.bad, before.as_dict()
    assert after.thai > 10 and after.bad == [], after.as_dict()
    assert nowrap.nowrap, nowrap.as_dict()
