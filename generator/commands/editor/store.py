"""Writing officers' files for the editor: atomically, keeping what they replace, and in the
form an officer would write by hand.

- A file is written to a temporary file beside it and renamed over it (never half-written).
- Before a file is changed or deleted, its current version is kept: in a git repository, a
  commit of that file (only if it has changes git does not have yet); elsewhere a copy in
  `history/<date>_<time>/<same path>` in the project folder, which is never published.
- Front matter and YAML are written block style, every scalar plain where the loader reads it
  back as the same text (quoted otherwise); data the officer did not change keeps its bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from generator.base.problems import InputError
from generator.load.yamlio import load_yaml_text

HISTORY_DIR = "history"


# --- YAML as an officer writes it ------------------------------------------------------------

def scalar(value: Any) -> str:
    """One YAML scalar, plain when the loader reads it back as the same text."""
    if value is None:
        return "''"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        value = repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if "\n" in text or "\r" in text:
        return json.dumps(text, ensure_ascii=False)
    plain = text.strip()
    if plain == text and plain and not plain.startswith(("- ", "? ")):
        try:
            if load_yaml_text(f"k: {plain}\n", "x").data == {"k": plain}:
                return plain
        except InputError:
            pass
    out: str = yaml.safe_dump(text, allow_unicode=True, width=10_000).strip()
    return out.removesuffix("\n...").removesuffix("...").strip()


def _short_list(value: list[Any]) -> bool:
    return all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value) \
        and sum(len(str(v)) for v in value) <= 60 and all("\n" not in str(v) for v in value)


def _key(k: Any) -> str:
    return scalar(k)


def dump(data: Any, indent: int = 0) -> str:
    """A mapping as block-style YAML lines (lists of a few short words in [flow] style, as in
    the documentation's examples)."""
    pad = " " * indent
    out: list[str] = []
    if not isinstance(data, dict):
        return pad + scalar(data) + "\n"
    for k, v in data.items():
        out.append(_entry(pad + _key(k) + ":", v, indent))
    return "".join(out)


def _entry(head: str, v: Any, indent: int) -> str:
    if isinstance(v, dict):
        return head + (" {}\n" if not v else "\n" + dump(v, indent + 2))
    if isinstance(v, list):
        if not v:
            return head + " []\n"
        if _short_list(v):
            return head + " [" + ", ".join(_flow(x) for x in v) + "]\n"
        return head + "\n" + _items(v, indent + 2)
    return head + " " + scalar(v) + "\n"


def _flow(v: Any) -> str:
    s = scalar(v)
    # inside [ ] a plain scalar cannot hold `,` `[` `]` `{` `}`
    if s[:1] not in "'\"" and any(ch in s for ch in ",[]{}#"):
        s = json.dumps(str(v), ensure_ascii=False)
    return s


def _items(items: list[Any], indent: int) -> str:
    pad = " " * indent
    out: list[str] = []
    for v in items:
        if isinstance(v, dict) and v:
            body = dump(v, indent + 2)
            out.append(pad + "- " + body[indent + 2:])
        elif isinstance(v, list):
            out.append(_entry(pad + "-", v, indent).replace(pad + "- ", pad + "- ", 1))
        else:
            out.append(pad + "- " + (scalar(v) if not isinstance(v, dict) else "{}") + "\n")
    return "".join(out)


def leading_comments(text: str) -> str:
    """The comment lines (and blank lines) a YAML text starts with, kept when it is rewritten."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() == "" or line.lstrip().startswith("#"):
            lines.append(line)
        else:
            break
    while lines and not lines[-1].strip():
        lines.pop()
    return "".join(lines)


# --- writing ---------------------------------------------------------------------------------

def write_atomic(path: Path, data: bytes, mtime_ns: int | None = None) -> None:
    """Replace `path` by `data` with a rename: readers see the old or the new file, never a
    part. `mtime_ns`: give the file this modification time (a rollback)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mtime_ns is not None:
            os.utime(tmp, ns=(mtime_ns, mtime_ns))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def create_new(path: Path, data: bytes) -> bool:
    """Create `path` with `data` unless a file is there already (also one made meanwhile):
    written beside it first, then linked in, which fails rather than replace. False when
    the name is taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links (FAT): exclusive create
            try:
                with open(path, "xb") as out:
                    out.write(data)
            except FileExistsError:
                return False
        return True
    finally:
        Path(tmp).unlink(missing_ok=True)


# --- previous versions -----------------------------------------------------------------------

class History:
    """Keeps the version of a file that a save replaces or deletes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = _git_root(root)
        self.identity: list[str] | None = None

    @property
    def where(self) -> str:
        return "git" if self.git else HISTORY_DIR + "/"

    def keep(self, rels: Iterable[str], stamp: datetime | None = None) -> list[str]:
        """Keep the current version of every existing file in `rels`; returns where (for
        the officer: a commit or the copies' paths)."""
        existing = [r for r in rels if (self.root / r).is_file()]
        if not existing:
            return []
        if self.git:
            try:
                return self._commit(existing, "prongsai edit: ฉบับก่อนแก้ไข (previous version) "
                                    + ", ".join(existing), only_changed=True)
            except (OSError, subprocess.SubprocessError):
                pass  # no usable git: fall back to copies
        folder = self._folder(stamp or datetime.now())
        kept = []
        for rel in existing:
            dest = folder / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(self.root / rel, dest)
            kept.append(dest.relative_to(self.root).as_posix())
        return kept

    def forget(self, kept: list[str]) -> None:
        """Remove copies made by `keep` for a save that did not happen (commits stay)."""
        for rel in kept:
            if rel.startswith(HISTORY_DIR + "/"):
                path = self.root / rel
                path.unlink(missing_ok=True)
                folder = path.parent
                while folder != self.root and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent

    def record(self, rels: Iterable[str], message: str) -> None:
        """In a git repository, commit the saved files (the new versions)."""
        if self.git:
            try:
                self._commit(list(rels), message, only_changed=True)
            except (OSError, subprocess.SubprocessError):
                pass

    def _folder(self, stamp: datetime) -> Path:
        name = f"{stamp.year + 543}-{stamp:%m-%d_%H%M%S}"
        base = self.root / HISTORY_DIR
        folder, n = base / name, 1
        while folder.exists():
            n += 1
            folder = base / f"{name}-{n}"
        folder.mkdir(parents=True)
        return folder

    def _commit(self, rels: list[str], message: str, only_changed: bool) -> list[str]:
        git = self._git
        changed = git("status", "--porcelain", "--untracked-files=all", "--", *rels).stdout
        if only_changed and not changed.strip():
            return []
        git("add", "-A", "--", *rels)
        git("commit", "--quiet", "--no-verify", "-m", message, "--", *rels)
        head = git("rev-parse", "--short", "HEAD").stdout.strip()
        return [f"git commit {head}"]

    def _git(self, *args: str) -> subprocess.CompletedProcess[str]:
        if self.identity is None:
            who = subprocess.run(["git", "-C", str(self.root), "config", "user.email"],
                                 capture_output=True, text=True, timeout=30)
            # a computer where nobody set up git: commits still need a name
            self.identity = [] if who.stdout.strip() else [
                "-c", "user.name=Prongsai editor", "-c", "user.email=prongsai-editor@localhost"]
        return subprocess.run(["git", "-C", str(self.root), *self.identity, *args],
                              capture_output=True, text=True, check=True, timeout=60)


def _git_root(root: Path) -> bool:
    """Is the project folder inside a git work tree (and git installed)?"""
    if shutil.which("git") is None:
        return False
    try:
        r = subprocess.run(["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
                           capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return r.returncode == 0 and r.stdout.strip() == "true"
