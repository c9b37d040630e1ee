"""Page weight for phones, measured in Chromium: what an item page really loads.

Budget: an item page's own HTML + CSS + JS + fonts ≤ 400 KiB uncompressed (gzip reported
too), fonts a minor share. The pages of o27 and o28 carry the council's whole signed
document (the memo and its report: for o28 the progress of every measure, indicators 1–8
and all 28 OIT items with their components, about 40 KiB of Thai text more than the page
had) and have a budget of their own, 460 KiB. The search (Material's worker script, our
query worker and the index) loads in a worker thread after the page is usable; it is
reported separately and has a budget of its own. Results go to bench/results/weight.json.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "weight.json"
KIB = 1024
PAGE_BUDGET = 400 * KIB
DOCUMENT_BUDGET = 460 * KIB  # o27/o28: the page is also the printed document
SEARCH_BUDGET = 450 * KIB  # worker scripts + index, uncompressed
FONT_SHARE = 0.15          # fonts at most 15 % of the page's bytes
PAGE_TYPES = {"document", "stylesheet", "script", "font"}


def site_file(site: Path, url: str, base: str) -> Path:
    rel = urlsplit(url).path[len(urlsplit(base).path):]
    path = site / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


def load(browser, server, site: Path, path: str) -> dict[str, dict[str, int]]:  # type: ignore
    """Load `path` at phone size, use the search once; sizes by kind of resource."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    seen: list[tuple[str, str]] = []
    context.on("request", lambda r: seen.append((r.resource_type, r.url)))
    page = context.new_page()
    page.goto(server.url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    kinds: dict[str, dict[str, int]] = {}
    for kind, url in seen:
        assert url.startswith(server.url), url
        f = site_file(site, url, server.url)
        data = f.read_bytes()
        name = ("search" if "/search/" in url or "/workers/" in url else
                "page" if kind in PAGE_TYPES else "other")
        sub = "font-thai" if kind == "font" and "thai" in f.name else kind
        row = kinds.setdefault(name, {"bytes": 0, "gzip_bytes": 0})
        row["bytes"] += len(data)
        row["gzip_bytes"] += len(gzip.compress(data, 9))
        detail = kinds.setdefault(f"{name}:{sub}", {"bytes": 0, "gzip_bytes": 0})
        detail["bytes"] += len(data)
        detail["gzip_bytes"] += len(gzip.compress(data, 9))
    return kinds


@pytest.mark.browser
def test_item_pages_within_budget(browser, example_server, example_site: Path) -> None:  # type: ignore
    items = sorted((example_site / "2568" / "oit").glob("o*/index.html"),
                   key=lambda p: p.stat().st_size)
    documents = {p for p in items if 'class="pg-document' in p.read_text("utf-8")}
    plain = [p for p in items if p not in documents]
    # the typical page (median), the heaviest one with and without a document
    paths = {f"2568/oit/{plain[len(plain) // 2].parent.name}/",
             f"2568/oit/{plain[-1].parent.name}/", f"2568/oit/{items[-1].parent.name}/",
             "2568/oit/o12/"}  # 2568's monthly procurement item (seed 000 l.111)
    assert {p.parent.name for p in documents} == {"o27", "o28"}
    report = {}
    for path in sorted(paths):
        kinds = load(browser, example_server, example_site, path)
        report[path] = kinds
        page = kinds["page"]["bytes"]
        fonts = sum(v["bytes"] for k, v in kinds.items() if k.startswith("page:font"))
        print(f"\n{path}: page {page / KIB:.1f} KiB ({kinds['page']['gzip_bytes'] / KIB:.1f} "
              f"gzip), fonts {fonts / KIB:.1f} KiB, search {kinds['search']['bytes'] / KIB:.1f}"
              f" KiB ({kinds['search']['gzip_bytes'] / KIB:.1f} gzip)")
        budget = DOCUMENT_BUDGET if path.rstrip("/").rsplit("/", 1)[-1] in {
            p.parent.name for p in documents} else PAGE_BUDGET
        assert page <= budget, (path, page)
        assert fonts <= FONT_SHARE * page, (path, fonts, page)
        assert kinds["search"]["bytes"] <= SEARCH_BUDGET, (path, kinds["search"])
        assert kinds.get("other", {"bytes": 0})["bytes"] < 10 * KIB  # the favicon
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2), "utf-8")


def test_html_has_no_template_indentation(example_site: Path) -> None:
    """engine.compact_html ran: no line of an item page starts with white space (outside
    <pre>, which item pages do not have)."""
    text = (example_site / "2568" / "oit" / "o13" / "index.html").read_text("utf-8")
    assert "<pre" not in text
    assert not [line for line in text.splitlines() if line[:1] in (" ", "\t")]
