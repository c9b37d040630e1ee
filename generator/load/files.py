"""Files under content/: where a path may point, what a file's first bytes say it is.

Every path an officer types (`file:`, `photo:`, `logo:`) resolves inside content/ only, and
a document is judged by its content, not its name, where a browser could run it."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from generator.base.thai import to_thai_digits

SOURCE_SUFFIXES = {".md", ".yml", ".yaml"}  # read by Prongsai, never published as files


# --- files --------------------------------------------------------------------------------

# The types a council publishes (README "Safety"), by extension, with the first bytes each
# must start with: nothing else under content/ is published, so that no file of the site is,
# in fact, a page or a script that a browser would run on the site's origin (.html, .svg,
# .xml, .xht, .shtml … and whatever a web server may one day serve as one).
MAGIC: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("PDF", (b"%PDF-",)),
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),
    ".tif": ("TIFF", (b"II*\x00", b"MM\x00*")),
    ".tiff": ("TIFF", (b"II*\x00", b"MM\x00*")),
    ".bmp": ("BMP", (b"BM",)),
    ".docx": ("Word (docx)", (b"PK\x03\x04",)),
    ".xlsx": ("Excel (xlsx)", (b"PK\x03\x04",)),
    ".pptx": ("PowerPoint (pptx)", (b"PK\x03\x04",)),
    ".odt": ("OpenDocument", (b"PK\x03\x04",)),
    ".ods": ("OpenDocument", (b"PK\x03\x04",)),
    ".odp": ("OpenDocument", (b"PK\x03\x04",)),
    ".zip": ("ZIP", (b"PK\x03\x04", b"PK\x05\x06")),
    ".doc": ("Word (doc)", (b"\xd0\xcf\x11\xe0",)),
    ".xls": ("Excel (xls)", (b"\xd0\xcf\x11\xe0",)),
    ".ppt": ("PowerPoint (ppt)", (b"\xd0\xcf\x11\xe0",)),
    ".rtf": ("RTF", (b"{\\rtf",)),
    ".7z": ("7-Zip", (b"7z\xbc\xaf\x27\x1c",)),
    ".rar": ("RAR", (b"Rar!\x1a\x07",)),
}
TEXT_TYPES = {".txt", ".csv"}  # served as text/plain or text/csv: never run
PUBLISHED = set(MAGIC) | TEXT_TYPES
PUBLISHED_NAMES = ", ".join(dict.fromkeys(
    [name.split(" (")[0] for name, _ in MAGIC.values()] + ["TXT", "CSV"]))
UNSAFE = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".stm", ".svg", ".svgz",
          ".xml", ".xsl", ".xslt", ".mht", ".mhtml", ".js", ".mjs", ".swf", ".exe",
          ".bat", ".cmd", ".sh", ".php", ".phtml", ".jsp", ".asp", ".aspx", ".cgi", ".pl", ".py",
          ".ps1", ".vbs", ".hta", ".jar", ".msi", ".apk"}
# files Windows and Office leave in folders, never published nor reported
JUNK = re.compile(r"(?i)thumbs\.db|desktop\.ini|~\$.*")


def year_folder(root: Path, fy: int) -> Path:
    """content/<fy>/, or the same year in Thai digits (content/๒๕๖๘/) when only that one
    exists (both: the loader reports them, and reads the first)."""
    arabic = root / "content" / str(fy)
    if arabic.is_dir():
        return arabic
    thai = root / "content" / to_thai_digits(str(fy))
    return thai if thai.is_dir() else arabic


def sniff(head: bytes) -> str:
    for _ext, (name, sigs) in MAGIC.items():
        if head.startswith(sigs):
            return name
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "HTML"
    return "unknown data"


def resolve_content_file(content_dir: Path, rel: str) -> tuple[Path | None, str | None]:
    """(path, None) for a safe file path under content/, else (None, reason)."""
    if not rel or rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel):
        return None, "absolute path"
    parts = Path(rel).parts
    if ".." in parts:
        return None, "`..` in path"
    path = content_dir / rel
    try:
        root = _real_root(str(content_dir))
        real = _real_under(root, parts)
    except (OSError, ValueError):
        return None, "unresolvable"
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        return None, "symlink out of content/"
    return path, None


# content/'s real path, by the path it was given as; emptied by load_project, so that one
# build or check resolves it once (it is asked for every evidence file, several times)
_REAL_ROOTS: dict[str, str] = {}


def forget_real_paths() -> None:
    """A new build or check looks at the folders again."""
    _REAL_ROOTS.clear()


def _real_root(content_dir: str) -> str:
    real = _REAL_ROOTS.get(content_dir)
    if real is None:
        real = _REAL_ROOTS[content_dir] = os.path.realpath(content_dir)
    return real


def _real_under(root: str, parts: tuple[str, ...]) -> str:
    """os.path.realpath(root/parts) for a real `root` and parts without `..`, looking at
    the parts below root only (realpath looks at every folder from /, twice as many)."""
    current = root
    for i, part in enumerate(parts):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:  # nothing below a missing name can be a link
            return os.path.join(current, *parts[i + 1:])
        except OSError:
            return os.path.realpath(os.path.join(root, *parts))
        if stat.S_ISLNK(mode):
            return os.path.realpath(os.path.join(root, *parts))
    return current


PLAIN_TEXT_SUFFIXES = TEXT_TYPES


def read_head(path: Path, size: int = 512) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def looks_active(head: bytes) -> bool:
    """Do these first bytes of a document look like HTML, SVG or XML, which a browser may
    run as a page of the site whatever the file's extension says? As a browser sniffs a
    file served without a type (WHATWG MIME Sniffing: `<!DOCTYPE HTML`, `<SCRIPT`, `<?xml` …
    after white space), but any tag, comment or declaration counts."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c").lower()
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16
        start = start.decode("utf-16", errors="ignore").lstrip().lower().encode()
    return len(start) > 1 and start[:1] == b"<" and start[1:2] in _TAG_NEXT


_TAG_NEXT = {bytes([c]) for c in b"abcdefghijklmnopqrstuvwxyz!?/"}
