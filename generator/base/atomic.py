"""Replacing a folder or a file so that nobody ever sees it half-written: the new version is
written beside the old one and renamed into place (the site, the Markdown export, and every
file a command writes into content/)."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path


def real_target(out: Path) -> Path:
    """The folder `out` stands for: a symlink (`site` -> the web server's folder) is
    followed, so that the folder it points to is replaced, next to itself, and the link
    stays; anything else is `out` itself."""
    if not out.is_symlink():
        return out
    return Path(os.path.realpath(out))  # a loop or a dangling link: the path it names


def swap_in(new: Path, out: Path) -> Path | None:
    """Replace `out` by `new` with renames, so readers never see a half-written site.
    `new` must be beside `out` (same folder, so the renames are atomic); `out` is a real
    folder (see real_target). Returns the old version's folder if it could not be
    deleted (None when nothing is left behind)."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        remove_tree(old)
        out.rename(old)
        try:
            new.rename(out)
        except OSError:
            old.rename(out)
            raise
        return None if remove_tree(old) else old
    out.parent.mkdir(parents=True, exist_ok=True)
    new.rename(out)
    return None


def remove_tree(path: Path) -> bool:
    """Delete a folder (or a link or file) that this program made or replaced; a folder a
    user made read-only (`chmod -R a-w site`) is made writable first. True when it is gone."""
    if path.is_symlink() or path.is_file():
        try:
            path.unlink()
        except OSError:
            pass
        return not os.path.lexists(path)
    if not path.exists():
        return True
    shutil.rmtree(path, ignore_errors=True)
    if path.exists():
        _make_writable(path)
        shutil.rmtree(path, ignore_errors=True)
    return not os.path.lexists(path)


def _make_writable(top: Path) -> None:
    """Give the owner read, write and search permission on every folder under `top` (enough
    to delete what is in them), folders before what they hold."""
    needed = stat.S_IRUSR | stat.S_IWUSR | stat.S_IXUSR

    def allow(p: str) -> None:
        try:
            mode = os.lstat(p).st_mode
            if stat.S_ISDIR(mode) and mode & needed != needed:
                os.chmod(p, mode | needed)
        except OSError:
            pass

    allow(str(top))
    for dirpath, dirnames, _ in os.walk(top):
        for d in dirnames:
            allow(os.path.join(dirpath, d))


def remove_stale(out: Path) -> None:
    """Staging and old-site folders left by a build that was killed (its process is gone)."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(?:build|old|md)-(\d+)(?:-.*)?")
    if not out.parent.is_dir():
        return
    for d in out.parent.iterdir():
        m = pattern.fullmatch(d.name)
        if m and d.is_dir() and not d.is_symlink() and not _alive(int(m.group(1))):
            remove_tree(d)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
