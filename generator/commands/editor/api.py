"""Decap CMS's local-backend protocol (`POST /api/v1 {action, params}`), in Python, for one
council's folder.

The actions are those of Decap's own file-system server (npm `decap-server`): `info`,
`entriesByFolder`, `entriesByFiles`, `getEntry`, `persistEntry`, `getMedia`, `getMediaFile`,
`persistMedia`, `deleteFile`, `deleteFiles`, `getDeployPreview`. Unlike that server, this one
refuses, with a Thai message and nothing written:

- any path but `site_config.yml` and files under `content/` (no `..`, absolute or Windows
  paths, hidden or reserved names, no way out through a symbolic link, no writing through one);
- a save the build would refuse (the same loader and checks as `prongsai build` run on the
  saved files; the refusal names the field in the form's Thai words);
- a save of a file that changed since the form read it (`prongsai_base`, the id the editor
  read it with, is sent by the admin page's script: the second of two concurrent saves is told);
- uploads that are too large, or whose bytes are not the document or image type their name
  says (checked by content), and any upload that would replace another file: stored names
  are ASCII, safe and unique (the Thai title stays the document's title);
- deleting a document that evidence or a photo still uses, or site_config.yml.

The previous version of every file a save changes or deletes is kept (store.History).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from generator.base.problems import BuildRefused, InputError, Problem
from generator.check.report import YearReport
from generator.check.year import check_year, today_for_build
from generator.commands.build import (
    Prepared,
    all_problems,
    attention_problems,
    prepare,
    problem_key,
)
from generator.commands.editor import forms
from generator.commands.editor.store import (
    History,
    create_new,
    dump,
    leading_comments,
    write_atomic,
)
from generator.load.config import CONFIG_NAME
from generator.load.files import MAGIC, UNSAFE, looks_active
from generator.load.project import CONTENT_DIR, Project, load_project
from generator.load.yamlio import MAX_FILE_BYTES, load_yaml_text, split_front_matter

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # one document or photo
MAX_REQUEST_BYTES = 3 * MAX_UPLOAD_BYTES  # a save with its uploads, base64-encoded
UPLOAD_TYPES = {ext: name for ext, (name, _) in MAGIC.items()}  # documents and images
RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.I)  # Windows
BAD_CHARS = re.compile(r"[\x00-\x1f\x7f<>:\"|?*\\]")
DATA_FILES = (re.compile(r"content/[0-9]{4}/oit/[^/]+\.md"),
              re.compile(r"content/[0-9]{4}/(measures|assessment)\.yml"),
              re.compile(r"content/pages/[^/]+\.md"))
UPLOAD_ROOT = forms.MEDIA_ROOT + "/"


class Refused(Exception):
    """A request the editor does not carry out; `message` is Thai and says the fix."""

    def __init__(self, status: int, message: str, problems: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.problems = problems or []


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- paths ------------------------------------------------------------------------------------

def safe_rel(root: Path, rel: object, *, write: bool = False) -> tuple[str, Path]:
    """(normalised rel, path) for `site_config.yml` or a path under content/, else Refused."""
    if not isinstance(rel, str) or not rel or len(rel) > 400:
        raise Refused(400, f"ที่อยู่ไฟล์ไม่ถูกต้อง: {rel!r}")
    shown = rel
    if rel.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", rel) or "\\" in rel:
        raise Refused(403, f"ไม่อนุญาต `{shown}`: แก้ได้เฉพาะไฟล์ใน content/ และ site_config.yml "
                           "(ที่อยู่ต้องเริ่มจากโฟลเดอร์ของหน่วยงาน ไม่ใช่ที่อยู่เต็มของเครื่อง)")
    parts = rel.split("/")
    for part in parts:
        if part in ("", ".", ".."):
            raise Refused(403, f"ไม่อนุญาต `{shown}`: ที่อยู่ไฟล์ต้องไม่มี `..` หรือ `//` "
                               "(แก้ได้เฉพาะไฟล์ใน content/ และ site_config.yml)")
        if part.startswith(".") or BAD_CHARS.search(part) or RESERVED.fullmatch(part) \
                or part.endswith((" ", ".")):
            raise Refused(403, f"ไม่อนุญาต `{shown}`: ชื่อ `{part}` เป็นไฟล์หรือโฟลเดอร์ซ่อน "
                               "หรือมีอักขระที่ใช้เป็นชื่อไฟล์ไม่ได้")
    if rel != CONFIG_NAME and (parts[0] != CONTENT_DIR or len(parts) < 2):
        raise Refused(403, f"ไม่อนุญาต `{shown}`: แก้ได้เฉพาะไฟล์ใน content/ และ site_config.yml")
    path = root.joinpath(*parts)
    real_root = os.path.realpath(root)
    inside = os.path.realpath(root / CONTENT_DIR) if rel != CONFIG_NAME else real_root
    real = os.path.realpath(path)
    if rel == CONFIG_NAME:
        ok = real == os.path.join(real_root, CONFIG_NAME)
    else:
        ok = real.startswith(inside.rstrip(os.sep) + os.sep)
    if not ok:
        raise Refused(403, f"ไม่อนุญาต `{shown}`: ที่อยู่นี้พาออกนอกโฟลเดอร์ content/ "
                           "(ผ่านทางลัด/symbolic link)")
    if write:
        current = root
        for part in parts:
            current = current / part
            if current.is_symlink():
                raise Refused(403, f"ไม่อนุญาต `{shown}`: `{part}` เป็นทางลัด (symbolic link) "
                                   "โปรแกรมแก้ไขไม่เขียนผ่านทางลัด")
    return rel, path


def data_file_allowed(rel: str) -> bool:
    return rel == CONFIG_NAME or any(p.fullmatch(rel) for p in DATA_FILES)


# --- the state the checklist is read from ----------------------------------------------------

@dataclass
class State:
    """The project as last loaded and checked (after a save or an edit by hand)."""

    project: Project | None
    reports: dict[int, YearReport]
    blocking: tuple[Problem, ...] = ()  # problems that stop a build
    unreadable: tuple[Problem, ...] = ()  # InputError: the project cannot be read
    prepared: Prepared | None = None
    # entries a build publishes marked "needs attention" (README "When the build refuses"):
    # the preview shows them marked; a save that brings one in is refused, as `--strict`
    marked: tuple[Problem, ...] = ()


def compute_state(root: Path, catalogue: Path | None) -> State:
    try:
        prep = prepare(root, catalogue=catalogue)
    except BuildRefused as exc:
        try:
            project = load_project(root, catalogue)
        except InputError as err:
            return State(None, {}, unreadable=tuple(err.problems))
        today = today_for_build()
        reports = {fy: check_year(project, fy, today) for fy in project.year_list}
        found = all_problems(project, reports)
        return State(project, reports, blocking=tuple(exc.problems),
                     marked=tuple(attention_problems(found)))
    except InputError as exc:
        return State(None, {}, unreadable=tuple(exc.problems))
    return State(prep.project, dict(prep.reports), prepared=prep,
                 marked=tuple(attention_problems(prep.problems)))


# --- the workspace ------------------------------------------------------------------------------

@dataclass
class Saved:
    ids: dict[str, str | None]
    renamed: dict[str, str] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)


class Workspace:
    """One council's folder as the editor sees it. Every change runs under one lock, so that
    saves, deletions and the preview's rebuilds never interleave."""

    def __init__(self, root: Path, catalogue: Path | None = None,
                 on_change: Callable[[State], None] | None = None) -> None:
        self.root = root.resolve()
        self.catalogue = catalogue
        self.lock = threading.RLock()
        self.history = History(self.root)
        self.on_change = on_change or (lambda state: None)
        self.state = compute_state(self.root, catalogue)

    # -- dispatch
    def handle(self, body: object) -> Any:
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise Refused(422, "คำขอไม่ถูกต้อง: ต้องมี action")
        params = body.get("params") or {}
        if not isinstance(params, dict):
            raise Refused(422, "คำขอไม่ถูกต้อง: params ต้องเป็น object")
        action = body["action"]
        handler: Callable[[dict[str, Any]], Any] | None = {
            "info": self.info, "entriesByFolder": self.entries_by_folder,
            "entriesByFiles": self.entries_by_files, "getEntry": self.get_entry,
            "persistEntry": self.persist_entry, "getMedia": self.get_media,
            "getMediaFile": self.get_media_file, "persistMedia": self.persist_media,
            "deleteFile": self.delete_file, "deleteFiles": self.delete_files,
            "getDeployPreview": _no_preview,
        }.get(action)
        if handler is None:
            raise Refused(422, f"Unknown action {action}")
        return handler(params)

    def info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    # -- reading
    def _entry(self, rel: object, label: object = None) -> dict[str, Any]:
        rel, path = safe_rel(self.root, rel)
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError:
            data = None
        info: dict[str, Any] = {"path": rel, "id": sha256(data) if data is not None else None}
        if isinstance(label, str):
            info["label"] = label
        text = None if data is None else data.decode("utf-8-sig", errors="replace")
        return {"data": text, "file": info}

    def entries_by_files(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        files = params.get("files")
        if not isinstance(files, list):
            raise Refused(422, "คำขอไม่ถูกต้อง: files ต้องเป็นรายการ")
        return [self._entry(f.get("path") if isinstance(f, dict) else f,
                            f.get("label") if isinstance(f, dict) else None) for f in files]

    def get_entry(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._entry(params.get("path"))

    def entries_by_folder(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        rel, folder = safe_rel(self.root, str(params.get("folder", "")).strip("/"))
        ext = str(params.get("extension") or "")
        depth = int(params.get("depth") or 1)
        return [self._entry(r) for r in self._list(rel, folder, depth)
                if r.endswith("." + ext.lstrip(".")) or not ext]

    def _list(self, rel: str, folder: Path, depth: int) -> list[str]:
        out: list[str] = []
        if depth <= 0 or not folder.is_dir() or folder.is_symlink():
            return out
        for p in sorted(folder.iterdir()):
            if p.name.startswith(".") or p.is_symlink():
                continue
            if p.is_dir():
                out += self._list(f"{rel}/{p.name}", p, depth - 1)
            elif p.is_file():
                out.append(f"{rel}/{p.name}")
        return out

    def _media(self, rel: str, with_content: bool = True) -> dict[str, Any]:
        rel, path = safe_rel(self.root, rel)
        if not path.is_file():
            raise Refused(404, f"ไม่พบไฟล์ `{rel}`")
        data = path.read_bytes()
        return {"id": sha256(data), "name": path.name, "path": rel, "encoding": "base64",
                "content": base64.b64encode(data).decode("ascii") if with_content else ""}

    def get_media(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        rel, folder = safe_rel(self.root, str(params.get("mediaFolder", "")).strip("/"))
        files = [r for r in self._list(rel, folder, 1)
                 if PurePosixPath(r).suffix.lower() in UPLOAD_TYPES]
        # documents are listed without their bytes (a council has hundreds of PDFs); images
        # come whole, for the thumbnails
        return [self._media(r, PurePosixPath(r).suffix.lower() in forms_images()) for r in files]

    def get_media_file(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._media(params.get("path"))  # type: ignore[arg-type]

    # -- uploads
    def _upload(self, asset: object) -> tuple[str, Path, bytes]:
        if not isinstance(asset, dict):
            raise Refused(422, "คำขอไม่ถูกต้อง: ไฟล์ที่อัปโหลดต้องมี path และ content")
        rel, path = safe_rel(self.root, asset.get("path"), write=True)
        name = PurePosixPath(rel).name
        if not rel.startswith(UPLOAD_ROOT):
            raise Refused(403, f"ไม่อนุญาตให้อัปโหลด `{rel}`: ไฟล์เอกสารและรูปภาพเก็บไว้ใน "
                               f"{UPLOAD_ROOT} เท่านั้น")
        data = decode_upload(name, asset)
        check_upload_type(name, data)
        return rel, path, data

    def upload_place(self, rel: str, data: bytes, owner: str) -> tuple[str, bool]:
        """Where an upload is stored in its folder, under a safe name no other file has:
        (rel, True) when that file holds these bytes already."""
        folder = PurePosixPath(rel).parent
        name = safe_name(PurePosixPath(rel).name, owner, data)
        stem, ext = os.path.splitext(name)
        digest = sha256(data)
        candidates = [name, f"{stem}-{digest[:8]}{ext}"] + [
            f"{stem}-{digest[:8]}-{n}{ext}" for n in range(2, 50)]
        for cand in candidates:
            target_rel = f"{folder}/{cand}"
            _, target = safe_rel(self.root, target_rel, write=True)
            if not target.exists():
                return target_rel, False
            if target.is_file() and sha256(target.read_bytes()) == digest:
                return target_rel, True  # the same document is there already
        raise Refused(409, f"ตั้งชื่อไฟล์ใหม่ให้ `{name}` ไม่ได้: มีไฟล์ชื่อคล้ายกันมากเกินไป")

    def _store_upload(self, rel: str, data: bytes, owner: str) -> tuple[str, bool]:
        """Store an upload under a safe unique name in its folder: (stored rel, created)."""
        for _ in range(5):  # a file made meanwhile under the chosen name: choose again
            target_rel, there = self.upload_place(rel, data, owner)
            if there:
                return target_rel, False
            if create_new(safe_rel(self.root, target_rel, write=True)[1], data):
                return target_rel, True
        raise Refused(409, f"ตั้งชื่อไฟล์ใหม่ให้ `{PurePosixPath(rel).name}` ไม่ได้: "
                           "มีไฟล์ชื่อคล้ายกันเกิดขึ้นระหว่างบันทึก ลองอีกครั้ง")

    def persist_media(self, params: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            rel, _, data = self._upload(params.get("asset"))
            stored, _ = self._store_upload(rel, data, "")
            return self._media(stored)

    # -- saving
    def persist_entry(self, params: dict[str, Any]) -> dict[str, Any]:
        files = params.get("dataFiles")
        if files is None and isinstance(params.get("entry"), dict):
            files = [params["entry"]]
        if not isinstance(files, list) or not files:
            raise Refused(422, "คำขอไม่ถูกต้อง: ไม่มีไฟล์ที่จะบันทึก")
        base = params.get("prongsai_base") or {}
        if not isinstance(base, dict):
            raise Refused(422, "คำขอไม่ถูกต้อง: prongsai_base")
        assets = params.get("assets") or []
        if not isinstance(assets, list):
            raise Refused(422, "คำขอไม่ถูกต้อง: assets ต้องเป็นรายการ")
        with self.lock:
            saved = self._persist(files, assets, base)
        return {"message": "entry persisted",
                "prongsai": {"ids": saved.ids, "renamed": saved.renamed, "kept": saved.kept}}

    def _persist(self, files: list[Any], assets: list[Any], base: dict[str, Any]) -> Saved:
        targets: list[tuple[str, Path, str]] = []  # rel, path, raw
        for f in files:
            if not isinstance(f, dict) or not isinstance(f.get("raw"), str):
                raise Refused(422, "คำขอไม่ถูกต้อง: ไฟล์ที่บันทึกต้องมี path และ raw")
            if f.get("newPath"):
                raise Refused(403, "โปรแกรมแก้ไขไม่ย้ายหรือเปลี่ยนชื่อไฟล์ "
                                   "(เปลี่ยนชื่อไฟล์ด้วยโปรแกรมจัดการไฟล์)")
            rel, path = safe_rel(self.root, f.get("path"), write=True)
            if not data_file_allowed(rel):
                raise Refused(403, f"ไม่อนุญาตให้บันทึก `{rel}`: แบบฟอร์มบันทึกได้เฉพาะ "
                                   "site_config.yml, content/<ปี>/oit/<ข้อ>.md, measures.yml, "
                                   "assessment.yml และ content/pages/<ชื่อ>.md")
            if len(f["raw"].encode("utf-8")) > MAX_FILE_BYTES:
                raise Refused(413, f"`{rel}` ใหญ่เกิน {MAX_FILE_BYTES // 1024 // 1024} MB")
            targets.append((rel, path, f["raw"]))
        # the second of two concurrent saves: the file is not what this form read
        for rel, path, _ in targets:
            current = sha256(path.read_bytes()) if path.is_file() else None
            if current != base.get(rel):
                raise Refused(409, f"`{rel}` ถูกแก้ไขจากที่อื่นหลังจากที่เปิดแบบฟอร์มนี้ "
                                   "(อีกหน้าต่างหนึ่ง หรือโปรแกรมแก้ไขข้อความ) จึงยังไม่บันทึก "
                                   "เพื่อไม่ให้ทับงานนั้น: คัดลอกข้อความที่กรอกไว้ แล้วโหลดหน้านี้ใหม่ "
                                   "(F5) ตรวจข้อมูลล่าสุด แล้วกรอกและบันทึกอีกครั้ง")
        uploads = [self._upload(a) for a in assets]  # all checked before anything is written
        owner = _owner(targets[0][0])
        created: list[Path] = []
        renamed: dict[str, str] = {}
        try:
            for rel, _, data in uploads:
                stored, new = self._store_upload(rel, data, owner)
                if new:
                    created.append(self.root / stored)
                if stored != rel:
                    renamed[_public(rel)] = _public(stored)
            texts = {rel: self._final_text(rel, path, raw, renamed)
                     for rel, path, raw in targets}
        except BaseException:
            for p in created:
                p.unlink(missing_ok=True)
            raise
        changed = [(rel, path) for rel, path, _ in targets
                   if not path.is_file() or path.read_bytes() != texts[rel]]
        kept = self.history.keep([rel for rel, _ in changed], datetime.now())
        old = {rel: (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
               for rel, path in changed}
        try:
            for rel, path in changed:
                write_atomic(path, texts[rel])
            state = self.check_save([rel for rel, _ in changed])
        except BaseException:
            for rel, path in changed:
                self._restore(path, old[rel])
            for p in created:
                p.unlink(missing_ok=True)
            self.history.forget(kept)  # copies of what is on disk again
            raise
        self.history.record([rel for rel, _ in changed] + [
            p.relative_to(self.root).as_posix() for p in created],
            "prongsai edit: " + ", ".join(rel for rel, _ in changed))
        self.state = state
        self.on_change(state)
        return Saved({rel: sha256(texts[rel]) for rel, _, _ in targets}, renamed, kept)

    @staticmethod
    def _restore(path: Path, old: tuple[bytes, int] | None) -> None:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, old[0], mtime_ns=old[1])

    def check_save(self, rels: list[str]) -> State:
        """Load and check the project with the saved files; Refused (and the caller puts the
        old files back) when `prongsai build --strict` would refuse something this save
        brought in: the officer is at the form, so an entry the build would only mark (an
        unreadable date, an unknown component) is put right before it is written."""
        state = self.state
        before = {problem_key(p) for p in state.blocking + state.marked + state.unreadable}
        state = compute_state(self.root, self.catalogue)
        new = [p for p in state.blocking + state.marked + state.unreadable
               if problem_key(p) not in before]
        if new:
            project = state.project or self.state.project
            listed = [self.describe(p, project, lines=False) for p in new]
            lines = "\n".join(f"• {d['where_th']}: {d['message_th']} — วิธีแก้: {d['fix_th']}"
                              for d in listed)
            raise Refused(422, "ยังไม่บันทึก: ข้อมูลนี้ทำให้สร้างเว็บไซต์ไม่ได้ หรือเว็บไซต์จะแสดงรายการนี้ว่า"
                               "ต้องแก้ไข (ข้อมูลที่กรอกยังอยู่ในแบบฟอร์ม แก้แล้วกดบันทึกอีกครั้ง)\n"
                               + lines, listed)
        return state

    def _final_text(self, rel: str, path: Path, raw: str, renamed: dict[str, str]) -> bytes:
        """What to write for `rel`: the form's data in the officer's file, keeping the bytes
        of whatever the form did not change (the Markdown, the front matter, the comments at
        the top) and dropping the keys the form emptied."""
        old = path.read_bytes().decode("utf-8-sig", errors="replace") if path.is_file() else None
        markdown = rel.endswith(".md")
        if markdown:
            meta_text, body, first = split_front_matter(raw.replace("\r\n", "\n"))
            old_meta, old_body, _ = split_front_matter(old) if old is not None else (None, "", 1)
        else:
            meta_text, body, first = raw, "", 1
            old_meta, old_body = old, ""
        try:
            doc = load_yaml_text(meta_text or "", rel, first)
        except InputError as exc:
            raise Refused(422, "อ่านข้อมูลจากแบบฟอร์มไม่ได้: " + "; ".join(
                p.message_th or p.message for p in exc.problems)) from exc
        raw_data = doc.data if isinstance(doc.data, dict) else {}
        data = _rename(_clean(raw_data), renamed)
        old_data: dict[str, Any] = {}
        if old_meta is not None:
            try:
                parsed = load_yaml_text(old_meta, rel).data
                old_data = parsed if isinstance(parsed, dict) else {}
            except InputError:
                old_data = {}
        # a key the form sent empty is removed; one it did not send is kept as it was
        merged = dict(old_data)
        for k in raw_data:
            if k in data:
                merged[k] = data[k]
            else:
                merged.pop(k, None)
        project = self.state.project
        if project is not None:
            merged = _in_form_order(merged, forms.fields_of(project, rel))
        if old_meta is not None and merged == old_data:
            meta_out = old_meta
        else:
            head = leading_comments(old_meta or "")
            meta_out = (head + "\n" if head else "") + (dump(merged) if merged else "")
        if not markdown:
            return meta_out.encode("utf-8")
        if old is not None and body.rstrip("\n") == old_body.rstrip("\n"):
            body = old_body
        elif body and not body.endswith("\n"):
            body += "\n"
        return f"---\n{meta_out}---\n{body}".encode()

    # -- deleting
    def delete_file(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._delete([params.get("path")], params.get("prongsai_base"))

    def delete_files(self, params: dict[str, Any]) -> dict[str, Any]:
        paths = params.get("paths")
        if not isinstance(paths, list):
            raise Refused(422, "คำขอไม่ถูกต้อง: paths ต้องเป็นรายการ")
        return self._delete(paths, params.get("prongsai_base"))

    def _delete(self, paths: list[Any], base: object) -> dict[str, Any]:
        with self.lock:
            targets = [safe_rel(self.root, p, write=True) for p in paths]
            used = self._used_files()
            for rel, path in targets:
                if rel == CONFIG_NAME:
                    raise Refused(403, "ไม่อนุญาตให้ลบ site_config.yml")
                if path.is_dir():
                    raise Refused(403, f"ไม่อนุญาตให้ลบโฟลเดอร์ `{rel}`")
                public = _public(rel)
                if public in used:
                    raise Refused(409, f"ยังลบ `{rel}` ไม่ได้: ไฟล์นี้ยังใช้อยู่ใน "
                                       f"{', '.join(sorted(used[public]))} — ลบหรือเปลี่ยนไฟล์ใน"
                                       "รายการนั้นก่อน แล้วจึงลบไฟล์")
                if isinstance(base, dict) and rel in base and path.is_file() and \
                        sha256(path.read_bytes()) != base[rel]:
                    raise Refused(409, f"`{rel}` ถูกแก้ไขจากที่อื่นหลังจากที่เปิดไว้ จึงยังไม่ลบ: "
                                       "โหลดหน้านี้ใหม่ (F5) แล้วลองอีกครั้ง")
            existing = [(rel, path) for rel, path in targets if path.is_file()]
            kept = self.history.keep([rel for rel, _ in existing], datetime.now())
            for _, path in existing:
                path.unlink()
            if existing:
                self.history.record([rel for rel, _ in existing], "prongsai edit: ลบ " +
                                    ", ".join(rel for rel, _ in existing))
                self.state = compute_state(self.root, self.catalogue)
                self.on_change(self.state)
        return {"message": f"deleted files {', '.join(r for r, _ in targets)}",
                "prongsai": {"kept": kept}}

    def _used_files(self) -> dict[str, set[str]]:
        """Documents that the content uses (evidence, photos, the logo, progress reports),
        with the files that use them."""
        project = self.state.project
        used: dict[str, set[str]] = {}
        if project is None:
            return used
        for yc in project.years.values():
            for ic in yc.items.values():
                for ev in ic.evidence:
                    if ev.file:
                        used.setdefault(ev.file, set()).add(ic.file)
            if yc.measures is not None:
                for m in yc.measures.measures:
                    for prog in m.progress.values():
                        for link in prog.evidence:
                            if link.file:
                                used.setdefault(link.file, set()).add(yc.measures.file)
        for ex in project.config.executives:
            if ex.photo:
                used.setdefault(ex.photo, set()).add(CONFIG_NAME)
        if project.config.council.logo:
            used.setdefault(project.config.council.logo, set()).add(CONFIG_NAME)
        return used

    # -- the checklist
    def describe(self, p: Problem, project: Project | None,
                 lines: bool = True) -> dict[str, Any]:
        """A problem for the editor: Thai message and fix, and where, in the form's words
        (`lines=False`: without the line, for a file that was put back as it was)."""
        where = []
        if p.file:
            where.append(p.file + (f" บรรทัด {p.line}" if p.line and lines else ""))
        if p.path:
            fields = forms.fields_of(project, p.file or "") if project and p.file else ()
            where.append(forms.thai_path(fields, p.path))
        return {"code": p.code, "severity": p.severity, "file": p.file, "line": p.line,
                "path": p.path, "item": p.item, "component": p.component,
                "where_th": " · ".join(where) or "ทั้งเว็บไซต์",
                "message_th": p.message_th or p.message, "fix_th": p.fix_th or p.fix}


def _no_preview(params: dict[str, Any]) -> None:
    """Decap asks where a deploy preview is: the preview is the live one at the site's path."""
    return None


def forms_images() -> set[str]:
    return {".png", ".jpg", ".jpeg", ".gif", ".webp"}


def decode_upload(name: str, asset: dict[str, Any]) -> bytes:
    """The bytes of an uploaded file (base64 in the request's JSON), or Refused: not base64,
    damaged in transit, too large or empty."""
    if asset.get("encoding", "base64") != "base64":
        raise Refused(422, "คำขอไม่ถูกต้อง: ไฟล์ที่อัปโหลดต้องเข้ารหัส base64")
    content = asset.get("content")
    if not isinstance(content, str):
        raise Refused(422, "คำขอไม่ถูกต้อง: ไม่มีเนื้อไฟล์")
    if len(content) > MAX_UPLOAD_BYTES * 4 // 3 + 8:
        raise Refused(413, _too_large(name, len(content) * 3 // 4))
    try:
        data = base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(422, f"ไฟล์ `{name}` เสียระหว่างส่ง (base64 ไม่ถูกต้อง) "
                           "ลองอัปโหลดอีกครั้ง") from None
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(413, _too_large(name, len(data)))
    if not data:
        raise Refused(422, f"ไฟล์ `{name}` ว่างเปล่า (0 ไบต์)")
    return data


def check_upload_type(name: str, data: bytes) -> None:
    """The bytes must be the document or image type the name says (not by name alone)."""
    ext = os.path.splitext(name)[1].lower()
    allowed = ", ".join(sorted({e.lstrip(".") for e in UPLOAD_TYPES}))
    if ext in UNSAFE or ext not in UPLOAD_TYPES:
        raise Refused(415, f"อัปโหลด `{name}` ไม่ได้: รับเฉพาะเอกสารและรูปภาพ ({allowed})")
    kind, sigs = MAGIC[ext]
    if not data.startswith(sigs) or looks_active(data[:512]):
        raise Refused(415, f"อัปโหลด `{name}` ไม่ได้: ชื่อไฟล์บอกว่าเป็น {kind} แต่เนื้อไฟล์ไม่ใช่ "
                           f"{kind} (อาจเป็นไฟล์อื่นที่เปลี่ยนชื่อ) — บันทึกเอกสารเป็น {kind} "
                           "จากโปรแกรมที่สร้างเอกสาร แล้วอัปโหลดใหม่")
    if ext == ".webp" and data[8:12] != b"WEBP":
        raise Refused(415, f"อัปโหลด `{name}` ไม่ได้: เนื้อไฟล์ไม่ใช่รูป WebP")


def _too_large(name: str, size: int) -> str:
    return (f"ไฟล์ `{name}` ใหญ่ {size / 1024 / 1024:.1f} MB เกินกว่าที่รับได้ "
            f"({MAX_UPLOAD_BYTES // 1024 // 1024} MB): ย่อขนาดไฟล์ (เช่น สแกนที่ 150 dpi "
            "หรือบีบอัด PDF) แล้วอัปโหลดใหม่")


def safe_name(name: str, owner: str, data: bytes) -> str:
    """An ASCII file name: letters, digits and `-`, lower case, the item first
    (`o19-complaints.pdf`); a name with no such letters (a Thai name) becomes the item and
    the first digits of the file's sha256 (`o19-3fa2c1d8.pdf`)."""
    stem, ext = os.path.splitext(name)
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_stem).strip("-").lower()[:60].strip("-")
    if not re.search(r"[a-z0-9]", ascii_stem):
        ascii_stem = sha256(data)[:8]
    if owner and not ascii_stem.startswith(owner + "-") and ascii_stem != owner:
        ascii_stem = f"{owner}-{ascii_stem}"
    ext = ".jpg" if ext.lower() == ".jpeg" else ext.lower()
    return ascii_stem + ext


def _owner(rel: str) -> str:
    """The item a saved file belongs to (`content/2568/oit/o19.md` → `o19`), for file names."""
    m = re.fullmatch(r"content/[0-9]{4}/oit/([^/]+)\.md", rel)
    if m:
        return re.sub(r"[^a-z0-9]", "", m.group(1).lower())
    if rel == CONFIG_NAME:
        return ""
    return ""


def _public(rel: str) -> str:
    """`content/files/2568/x.pdf` → `files/2568/x.pdf`, as the content files name it."""
    return rel.removeprefix(CONTENT_DIR + "/")


def _clean(value: Any) -> Any:
    """Drop the keys the form left empty (`note: ''`): an empty `not_applicable:` would mean
    "not applicable, no reason", an empty `url:` a broken link."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = _clean(v)
            if v is None or v == "" or v == {}:
                continue
            out[k] = v
        return out
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, str):
        return value.strip() if value.strip() != value and "\n" not in value else value
    return value


def _in_form_order(value: Any, fields: tuple[forms.Field, ...]) -> Any:
    """Keys in the order of the form (and of the documentation): `title` before `date` …;
    keys the form does not have keep their place after them."""
    if isinstance(value, list):
        return [_in_form_order(v, fields) for v in value]
    if not isinstance(value, dict) or not fields:
        return value
    names = [f.name for f in fields]
    out: dict[str, Any] = {}
    for f in fields:
        if f.name in value:
            out[f.name] = _in_form_order(value[f.name], f.fields)
    out.update({k: v for k, v in value.items() if k not in names})
    return out


def _rename(value: Any, renamed: dict[str, str]) -> Any:
    if not renamed:
        return value
    if isinstance(value, dict):
        return {k: _rename(v, renamed) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, renamed) for v in value]
    if isinstance(value, str) and value in renamed:
        return renamed[value]
    return value
