"""What the live preview needs of MkDocs: a "dirty" rebuild of the pages that changed, the
merge of their search-index entries into the last full index, and MkDocs' live-reload
server. MkDocs' dirty builds leave the navigation of the other pages stale: the caller
rebuilds fully whenever the navigation may change (generator/commands/serve.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from generator.engine.mkdocs import mkdocs_build, source_date_epoch
from generator.engine.search import INDEX_PATH


def page_url(docs_path: str) -> str:
    """The location MkDocs gives a page (use_directory_urls): `2568/oit/o5.md` → `2568/oit/o5/`,
    `2568/index.md` → `2568/`, `index.md` → ``."""
    stem = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def merge_index(old: list[dict[str, Any]], new: list[dict[str, Any]],
                rebuilt: set[str]) -> list[dict[str, Any]]:
    """Replace the entries of the `rebuilt` page locations in `old` by those in `new`,
    keeping the site order."""
    fresh: dict[str, list[dict[str, Any]]] = {}
    for doc in new:
        fresh.setdefault(doc.get("location", "").split("#")[0], []).append(doc)
    out: list[dict[str, Any]] = []
    placed: set[str] = set()
    for doc in old:
        page = doc.get("location", "").split("#")[0]
        if page in rebuilt:
            if page not in placed:
                out.extend(fresh.get(page, []))
                placed.add(page)
            continue
        out.append(doc)
    for page, docs in fresh.items():
        if page not in placed:
            out.extend(docs)
    return out



def read_index(site_dir: Path) -> list[dict[str, Any]] | None:
    """The search index entries of a built site (None: it has no index)."""
    path = site_dir / INDEX_PATH
    if not path.exists():
        return None
    return list(json.loads(path.read_text("utf-8")).get("docs", []))


def rebuild_pages(config_file: Path, site_dir: Path, changed: Iterable[str], epoch: str,
                  layers: list[Path], index: list[dict[str, Any]] | None,
                  bytecode_cache: Any = None) -> list[dict[str, Any]] | None:
    """Rebuild the pages whose Markdown changed (written beside `config_file` already) into
    `site_dir`, and return the search index with their entries replaced."""
    with source_date_epoch(epoch):
        mkdocs_build(config_file, dirty=True, site_dir=site_dir, layers=layers,
                     bytecode_cache=bytecode_cache)
    path = site_dir / INDEX_PATH
    if index is None or not path.exists():
        return index
    # the index now holds only the rebuilt pages (segmented): merge it
    data = json.loads(path.read_text("utf-8"))
    index = merge_index(index, data.get("docs", []), {page_url(rel) for rel in changed})
    data["docs"] = index
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return index


_BODY = re.compile(rb"<body\b[^>]*>", re.I)


def insert_after_body(page: bytes, html: bytes) -> bytes:
    """`html` put first inside the page's <body> (or at its start without one)."""
    m = _BODY.search(page)
    at = m.end() if m else 0
    return page[:at] + html + page[at:]


def live_server(builder: Callable[[], None], host: str, port: int, root: Path, mount: str,
                watch: Iterable[Path], polling_interval: float,
                banner: Callable[[], str] | None = None) -> Any:
    """MkDocs' live-reload server over `root`, calling `builder` after any change under
    `watch`; `.url`, `.serve()`, `.shutdown()`. `banner()` is put at the top of every page it
    serves (the content's problems), as it is when the page is asked for: the live reload
    asks again after every rebuild, failed or not."""
    from mkdocs.livereload import LiveReloadServer

    class _Server(LiveReloadServer):
        # MkDocs' hook for what it adds to every HTML page it serves (its reload script)
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
            extra = banner() if banner is not None else ""
            return insert_after_body(page, extra.encode("utf-8")) if extra else page

    server = _Server(builder=builder, host=host, port=port, root=str(root),
                     mount_path=mount, polling_interval=polling_interval)
    for path in watch:
        if path.exists():
            server.watch(str(path))
    return server


def routed_live_server(builder: Callable[[], None], host: str, port: int, root: Path,
                       mount: str, watch: Iterable[Path], polling_interval: float,
                       route: Callable[[dict[str, Any], Any], Iterable[bytes] | None]) -> Any:
    """`live_server` with requests offered to `route(environ, start_response)` first (its
    answer, or None for the preview's files), for `prongsai edit`. Two more methods, for a
    preview rebuilt outside the watcher's builder: `.published()` lets the preview's pages
    reload now; `.unchanged()`, called inside `builder`, says that nothing was rebuilt, so
    that the pages do not reload (MkDocs 1.6.1 internals: docs/engine.md)."""
    import time

    from mkdocs.livereload import LiveReloadServer

    class Routed(LiveReloadServer):
        def serve_request(self, environ: dict[str, Any], start_response: Any
                          ) -> Iterable[bytes]:
            answer = route(environ, start_response)
            if answer is not None:
                return answer
            return super().serve_request(environ, start_response)

        def published(self) -> None:
            with self._epoch_cond:
                self._wanted_epoch = self._visible_epoch = round(time.monotonic() * 1000)
                self._epoch_cond.notify_all()

        def unchanged(self) -> None:
            self._wanted_epoch = self._visible_epoch

    server = Routed(builder=builder, host=host, port=port, root=str(root), mount_path=mount,
                    polling_interval=polling_interval)
    for path in watch:
        if path.exists():
            server.watch(str(path))
    return server
