"""`prongsai edit`: the live preview (as `prongsai serve`) and the editor in one process on
127.0.0.1: the preview at the site's path (`/` or `/ita/` …), Decap CMS at `/admin/`, its
local-backend protocol at `/api/v1` (generator.commands.editor.api), the checklist at
`/api/prongsai/checklist` and the import of สขร.1 workbooks at `/api/prongsai/import`
(generator.commands.editor.importer).

Only requests to the server's own address are answered (Host checked: no other site can
reach it through a DNS name that points at 127.0.0.1), and only requests from its own pages
may change anything (Origin and Sec-Fetch-Site checked, JSON only: no other web page open in
the officer's browser can read or write files). A save rebuilds the preview before it
answers, with the same incremental rebuild as `serve` (generator.serve.Preview), so the
checklist and the preview show the saved version as soon as the editor hears back.
"""

from __future__ import annotations

import json
import mimetypes
import shutil
import signal
import socket
import tempfile
import threading
import webbrowser
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from generator.base.problems import BuildRefused, EngineError, InputError
from generator.base.thai import format_date, format_month
from generator.check.procurement import procurement_item
from generator.check.report import STATUS_TH
from generator.commands.build import Prepared
from generator.commands.editor import forms
from generator.commands.editor.api import MAX_REQUEST_BYTES, Refused, State, Workspace
from generator.commands.editor.importer import import_upload
from generator.commands.editor.vendor import DECAP_DIR, DECAP_VERSION
from generator.commands.serve import POLL_SECONDS, Preview, _fingerprint
from generator.engine.mkdocs import theme_dir
from generator.engine.preview import page_url, routed_live_server
from generator.render.reports import problems_text

STATIC = Path(__file__).parent / "static"
# Decap runs its own code only; everything it loads comes from this server (the bundle
# compiles schemas with `new Function`, its media library decodes images in WebAssembly)
CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob:; "
       "font-src 'self' data:; connect-src 'self' blob: data:; frame-src 'self' blob:; "
       "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'none'; "
       "frame-ancestors 'self'")


def loopback(host: str) -> bool:
    return host in ("127.0.0.1", "localhost") or host.startswith("127.")


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class EditServer:
    """The editor's routes in front of the live preview (MkDocs' live-reload server, which
    serves the preview and rebuilds it when a file changes outside the editor)."""

    def __init__(self, workspace: Workspace, preview: Preview, host: str, port: int,
                 mount: str, echo: Callable[[str], None]) -> None:
        root = workspace.root
        self.live = routed_live_server(
            self.rebuild_from_disk, host, port, preview.out, mount,
            (root / "content", root / "site_config.yml", root / "theme"), POLL_SECONDS,
            self.route)
        self.mount_path = self.live.mount_path
        self.server_port = port
        self.url = self.live.url
        self.workspace = workspace
        self.preview = preview
        self.echo = echo
        self.hosts = {f"{host}:{port}", f"127.0.0.1:{port}", f"localhost:{port}"}
        self.sources: tuple[tuple[str, int, int], ...] = ()
        self.saves = 0  # rebuilds after saves, for the editor's checklist

    # -- rebuilding
    def _sources(self) -> tuple[tuple[str, int, int], ...]:
        root = self.workspace.root
        config = root / "site_config.yml"
        st = config.stat() if config.exists() else None
        return _fingerprint([root / "content", root / "theme"]) + (
            (str(config), st.st_size, st.st_mtime_ns) if st else ("", 0, 0),)

    def publish(self, prep: Prepared | None) -> None:
        """Bring the preview up to date (with the save's prepared build when there is one)
        and let the preview's pages reload. Called with the workspace lock held."""
        try:
            done = self.preview.rebuild(prep)
        except (InputError, BuildRefused) as exc:
            self.echo(problems_text(exc.problems))
            self.echo("ตัวอย่างยังแสดงเว็บไซต์ครั้งก่อน (the preview keeps the last good build)")
        except EngineError as exc:
            self.echo(f"สร้างเว็บไซต์ไม่สำเร็จ (build failed): {exc}")
        else:
            what = "ทั้งเว็บไซต์ (full)" if done.full else f"{done.pages} หน้า (pages)"
            self.echo(f"สร้างใหม่แล้ว (rebuilt) {what} ใน {done.seconds:.2f} วินาที")
        self.sources = self._sources()
        self.live.published()

    def on_change(self, state: State) -> None:
        """A save or a deletion went through: rebuild the preview from its prepared build."""
        self.saves += 1
        self.publish(state.prepared)

    def rebuild_from_disk(self) -> None:
        """The watcher saw a change (an officer's text editor, or our own write): rebuild
        unless the preview already shows these files."""
        with self.workspace.lock:
            if self._sources() == self.sources:
                # our own save, already built: no second reload of the preview's pages
                self.live.unchanged()
                return
            self.workspace.state = state = _state(self.workspace)
            self.publish(state.prepared)

    # -- requests
    def route(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
        """The editor's answer to a request, or None: a file of the preview."""
        host = environ.get("HTTP_HOST", "")
        if host not in self.hosts:
            return _text(start_response, "403 Forbidden",
                         "ไม่อนุญาต: เปิดโปรแกรมแก้ไขจากที่อยู่ที่โปรแกรมแจ้ง เช่น "
                         f"http://127.0.0.1:{self.server_port}/admin/ (Host not allowed)")
        path = environ.get("PATH_INFO", "")
        try:
            if path == "/api/v1":
                return self._api(environ, start_response, host)
            if path == "/api/prongsai/import":
                return self._import(environ, start_response, host)
            if path.startswith("/api/prongsai/"):
                return self._prongsai(environ, start_response, path)
            if path == "/admin":
                start_response("302 Found", [("Location", "/admin/")])
                return []
            if path.startswith("/admin/"):
                return self._admin(environ, start_response, path[len("/admin/"):], host)
        except Refused as exc:
            return _json(start_response, exc.status, {"error": exc.message,
                                                      "problems": exc.problems})
        return None

    def _api(self, environ: dict[str, Any], start_response: Any, host: str) -> Iterable[bytes]:
        body = self._request_body(environ, host)
        return _json(start_response, 200, _files(self.workspace.handle, body))

    def _import(self, environ: dict[str, Any], start_response: Any,
                host: str) -> Iterable[bytes]:
        """POST /api/prongsai/import: a สขร.1 workbook, checked (dry run) or imported."""
        body = self._request_body(environ, host)
        return _json(start_response, 200,
                     _files(lambda b: import_upload(self.workspace, b), body))

    def _request_body(self, environ: dict[str, Any], host: str) -> Any:
        """The JSON body of a request that may change files: only a POST from the editor's
        own page (Origin, Sec-Fetch-Site), JSON (no form another page could post), within
        the size limit; else Refused."""
        if environ.get("REQUEST_METHOD") != "POST":
            raise Refused(405, "ใช้ POST เท่านั้น")
        origin = environ.get("HTTP_ORIGIN")
        if origin != f"http://{host}":
            raise Refused(403, "ไม่อนุญาต: คำขอนี้ไม่ได้มาจากหน้าโปรแกรมแก้ไขของเครื่องนี้ "
                               f"(Origin {origin or 'ไม่มี'})")
        site = environ.get("HTTP_SEC_FETCH_SITE")
        if site not in (None, "same-origin"):
            raise Refused(403, f"ไม่อนุญาต: คำขอจากเว็บไซต์อื่น (Sec-Fetch-Site {site})")
        if not str(environ.get("CONTENT_TYPE", "")).startswith("application/json"):
            raise Refused(415, "คำขอต้องเป็น JSON (Content-Type: application/json)")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_REQUEST_BYTES:
            raise Refused(413, f"คำขอใหญ่เกินไป (เกิน {MAX_REQUEST_BYTES // 1024 // 1024} MB): "
                               "อัปโหลดทีละไฟล์ และย่อขนาดไฟล์ก่อน")
        raw = environ["wsgi.input"].read(length) if length else b""
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise Refused(400, "คำขอไม่ใช่ JSON ที่อ่านได้") from None

    def _prongsai(self, environ: dict[str, Any], start_response: Any,
                  path: str) -> Iterable[bytes]:
        if environ.get("HTTP_SEC_FETCH_SITE") not in (None, "same-origin", "none"):
            raise Refused(403, "ไม่อนุญาต: คำขอจากเว็บไซต์อื่น")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        if path == "/api/prongsai/checklist":
            rel = (query.get("path") or [""])[0]
            with self.workspace.lock:
                data = checklist(self.workspace, self.mount_path, rel)
            data["saves"] = self.saves
            return _json(start_response, 200, data)
        if path == "/api/prongsai/forms":
            project = self.workspace.state.project
            names = sorted({f.name for f in forms.project_forms(project)}) if project else []
            return _json(start_response, 200, {
                "templates": names, "decap": DECAP_VERSION,
                "years": project.year_list if project else [],
                "current_year": project.config.current_year if project else None})
        raise Refused(404, "ไม่พบ")

    def _admin(self, environ: dict[str, Any], start_response: Any, rel: str,
               host: str) -> Iterable[bytes]:
        headers = [("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
                   ("Referrer-Policy", "no-referrer")]
        if rel in ("", "index.html"):
            body = (STATIC / "index.html").read_bytes()
            return _bytes(start_response, body, "text/html; charset=utf-8",
                          headers + [("Cache-Control", "no-store")])
        if rel == "config.yml":
            project = self.workspace.state.project
            if project is None:
                raise Refused(500, problems_text(self.workspace.state.unreadable))
            conf = forms.decap_config(project, f"http://{host}/api/v1")
            # JSON is YAML (1.2) that Decap's parser reads as it is, and it is written 40×
            # faster than PyYAML's emitter (0.04 s against 1.5 s for a 3-year council): the
            # config is made afresh at every load of the editor
            text = json.dumps(conf, ensure_ascii=False, indent=None)
            return _bytes(start_response, text.encode("utf-8"), "text/yaml; charset=utf-8",
                          headers + [("Cache-Control", "no-store")])
        if rel.startswith("decap/"):
            name = rel[len("decap/"):]
            target = DECAP_DIR / name
        elif rel.startswith("fonts/") and rel.endswith((".woff2", "/fonts.css")):
            # the site's Sarabun and its @font-face declarations (editor.css and preview.css
            # import them: one declaration for the site and the editor)
            name = rel[len("fonts/"):]
            target = theme_dir() / "assets" / "fonts" / name
        else:
            name = rel
            target = STATIC / name
        if "/" in name or name.startswith(".") or not target.is_file() or name == "index.html":
            return _text(start_response, "404 Not Found", "ไม่พบ (not found)")
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name.endswith(".js"):
            ctype = "application/javascript; charset=utf-8"
        elif name.endswith(".wasm"):
            ctype = "application/wasm"
        return _bytes(start_response, target.read_bytes(), ctype,
                      headers + [("Cache-Control", "no-cache")])


def _files(handler: Callable[[Any], Any], body: Any) -> Any:
    """Run a request's handler; a disk error becomes a Thai refusal."""
    try:
        return handler(body)
    except OSError as exc:
        raise Refused(500, f"อ่านหรือเขียนไฟล์ไม่ได้: {exc.strerror or exc} "
                           f"{exc.filename or ''}") from exc


def _state(ws: Workspace) -> State:
    from generator.commands.editor.api import compute_state

    return compute_state(ws.root, ws.catalogue)


def _bytes(start_response: Any, body: bytes, ctype: str,
           headers: list[tuple[str, str]]) -> list[bytes]:
    start_response("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body))),
                              *headers])
    return [body]


def _text(start_response: Any, status: str, text: str) -> list[bytes]:
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 409: "Conflict", 413: "Payload Too Large",
           415: "Unsupported Media Type", 422: "Unprocessable Entity",
           500: "Internal Server Error"}


def _json(start_response: Any, status: int, data: Any) -> list[bytes]:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    start_response(f"{status} {REASONS.get(status, 'Error')}",
                   [("Content-Type", "application/json; charset=utf-8"),
                    ("Content-Length", str(len(body))), ("Cache-Control", "no-store"),
                    ("X-Content-Type-Options", "nosniff")])
    return [body]


# --- the checklist beside the form -------------------------------------------------------------

def checklist(ws: Workspace, mount: str, rel: str) -> dict[str, Any]:
    """What `prongsai check` says about the file a form edits: for an item its components
    (met or not, and why) and its problems; for the other files their problems and those of
    the items they decide (site_config.yml: o2, o3; measures.yml: o27, o28)."""
    state = ws.state
    project = state.project
    out: dict[str, Any] = {"path": rel, "items": [], "problems": [], "unreadable": [
        ws.describe(p, None) for p in state.unreadable]}
    out["blocking"] = [ws.describe(p, project) for p in state.blocking]
    if project is None:
        return out
    form = forms.form_of(project, rel)
    if form is None:
        return out
    fy = form.year or project.config.current_year
    report = state.reports.get(fy)
    items: list[str] = []
    if form.kind == "item" and form.item:
        items = [form.item]
    elif report is not None and form.kind == "config":
        items = [st.item.id for st in report.items if any(
            (c.auto or "").startswith("executives_") or c.auto in
            ("address", "phone", "fax", "email", "map", "eit_survey") for c in st.item.components)]
    elif report is not None and form.kind == "measures":
        items = [st.item.id for st in report.items if st.item.document]
    seen: set[int] = set()
    if report is not None:
        out["year"] = fy
        out["as_of"] = format_date(report.as_of)
        for iid in items:
            st = report.item(iid)
            probs = [p for p in report.problems if p.item == iid]
            seen.update(id(p) for p in probs)
            out["items"].append({
                "id": iid, "title": st.item.title, "requirement": st.item.requirement,
                "status": st.status, "status_th": STATUS_TH[st.status],
                "components": [{"id": c.component.id, "title": c.component.title,
                                "name": c.component.name,
                                "met": c.met, "auto": c.component.auto, "detail": c.detail,
                                "evidence": [e.index + 1 for e in c.evidence if e.index >= 0],
                                # imported สขร.1 months (no evidence number): by their month
                                "imported": [format_month(e.period.start.year,
                                                          e.period.start.month)
                                             for e in c.evidence if e.index < 0 and e.period]}
                               for c in st.components],
                "problems": [ws.describe(p, project) for p in probs],
                # the item the imported สขร.1 months report for: its checklist offers the import
                "procurement": procurement_item(report.catalogue) is st.item,
                "preview": mount + page_url(f"{fy}/oit/{iid}.md")})
    all_problems = [p for r in state.reports.values() for p in r.problems]
    mine = [p for p in dict.fromkeys(all_problems + list(project.problems))
            if p.file == rel and id(p) not in seen]
    out["problems"] = [ws.describe(p, project) for p in mine]
    out["preview"] = (out["items"][0]["preview"] if out["items"]
                      else mount + page_url(forms.preview_path(form, rel)))
    return out


# --- the command ---------------------------------------------------------------------------------

def edit(root: Path, host: str, port: int, *, catalogue: Path | None = None,
         open_browser: bool = True, echo: Callable[[str], None] = print) -> None:
    """Serve the preview and the editor until Ctrl+C (or SIGTERM)."""
    from generator.load.project import load_project

    root = root.resolve()
    project = load_project(root, catalogue)  # unreadable input: exit code 2, as in serve
    if port == 0:
        port = free_port(host)
    tmp = Path(tempfile.mkdtemp(prefix="prongsai-edit-"))
    try:
        preview = Preview(root, tmp, catalogue)
        workspace = Workspace(root, catalogue)
        mount = urlsplit(project.config.site.url).path or "/"
        if mount.rstrip("/") in ("/admin", "/api"):
            mount = "/"
        server = EditServer(workspace, preview, host, port, mount, echo)
        workspace.on_change = server.on_change
        with workspace.lock:
            server.publish(workspace.state.prepared)
        if not preview.out.exists():
            raise BuildRefused(list(workspace.state.blocking))
        admin = f"http://{host}:{port}/admin/"
        echo(f"โปรแกรมแก้ไขข้อมูล (editor): {admin}\n"
             f"ตัวอย่างเว็บไซต์ (preview): {server.url}\n"
             f"ฉบับก่อนแก้ไขเก็บไว้ที่ (previous versions): {workspace.history.where}\n"
             "กด Ctrl+C เพื่อหยุด (press Ctrl+C to stop)")
        if open_browser:
            threading.Timer(0.5, webbrowser.open, (admin,)).start()
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            server.live.serve()
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            server.live.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
