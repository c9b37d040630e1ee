"""Reading officers' files: encodings, YAML with line numbers, duplicate keys, front matter.

PyYAML's own loaders guess types (``no`` becomes False, ``1.10`` becomes 1.1, dates become
``datetime.date``) and silently keep the last of two duplicate keys. Officers copy text
from Word and spreadsheets, so we compose the YAML node tree ourselves: every scalar stays
the text that was typed (only ``null``/``~``/empty and ``true``/``false`` are resolved), every
value remembers its line, and a duplicate key is a problem instead of lost data.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from generator.problems import InputError, Problem, problem

Key = Union[str, int]
YamlPath = tuple[Key, ...]

MAX_FILE_BYTES = 2 * 1024 * 1024  # a data/Markdown file larger than this is a mistake


@dataclass
class Doc:
    """A parsed YAML document: plain data plus the line of every value."""

    data: Any
    file: str
    lines: dict[YamlPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, *path: Key) -> int | None:
        """Line of the value at `path`, or of its closest parent that has one."""
        p: YamlPath = tuple(path)
        while True:
            if p in self.lines:
                return self.lines[p]
            if not p:
                return None
            p = p[:-1]


def show_path(path: YamlPath) -> str:
    """`('evidence', 2, 'date')` -> `evidence[2].date` (0-based list index as in YAML tools)."""
    out = ""
    for k in path:
        if isinstance(k, int):
            out += f"[{k}]"
        else:
            out += ("." if out else "") + k
    return out


def read_text(path: Path, shown: str) -> tuple[str, list[Problem]]:
    """Decode a text file: UTF-8 (BOM tolerated); UTF-16 decoded with a warning; anything
    else is refused with the byte position and the fix. Line endings become ``\\n``."""
    warnings: list[Problem] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([problem("file-unreadable", file=shown, value=exc.strerror)]) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise InputError([problem("file-too-large", file=shown, value=f"{len(raw):,} bytes",
                                  limit=f"{MAX_FILE_BYTES:,}")])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16")
        warnings.append(problem("encoding-utf16", file=shown, value="UTF-16"))
    else:
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            guess = "Windows-874/TIS-620 (Thai Windows)" if _looks_tis620(raw) else "unknown"
            raise InputError([problem("encoding", file=shown, line=line,
                                      value=f"byte 0x{raw[exc.start]:02x}", guess=guess)]) from exc
    if "\x00" in text:
        raise InputError([problem("encoding", file=shown, value="NUL byte", guess="binary")])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def _looks_tis620(raw: bytes) -> bool:
    return sum(1 for b in raw if 0xA1 <= b <= 0xFB) > len(raw) // 20


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (yaml_text or None, markdown_body, line where the body starts)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return None, text, 1
    fm = m.group(1) or ""
    body = text[m.end():]
    return fm, body, text[: m.end()].count("\n") + 1


def load_yaml_text(text: str, shown: str, first_line: int = 1) -> Doc:
    """Parse YAML text into a Doc. Unreadable YAML raises InputError with file and line."""
    doc = Doc(data=None, file=shown)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        reason = f"{exc.problem or exc.context}"
        code = "yaml-syntax"
        fix = None
        bad_line = ""
        if mark is not None:
            lines = text.split("\n")
            if 0 <= mark.line < len(lines):
                bad_line = lines[mark.line]
        if "\t" in reason or "'\\t'" in reason or bad_line.startswith("\t") or (
                "\t" in bad_line and bad_line.lstrip(" ").startswith("\t")):
            code = "yaml-tab"
        raise InputError([problem(code, file=shown, line=line, value=bad_line.strip()[:80],
                                  reason=reason, fix=fix)]) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise InputError([problem("yaml-syntax", file=shown, reason=str(exc))]) from exc
    if node is None:
        return doc
    doc.data = _convert(node, (), doc, first_line)
    return doc


_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


def _convert(node: yaml.Node, path: YamlPath, doc: Doc, first_line: int) -> Any:
    doc.lines[path] = node.start_mark.line + first_line
    if isinstance(node, yaml.ScalarNode):
        value: str = node.value
        if node.style is None and node.tag != "tag:yaml.org,2002:str":
            if value in _NULLS:
                return None
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
        return value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), doc, first_line)
                for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                doc.problems.append(problem(
                    "yaml-unsupported", file=doc.file, line=key_node.start_mark.line + first_line,
                    path=show_path(path), value="<<"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(problem(
                    "yaml-unsupported", file=doc.file, line=key_node.start_mark.line + first_line,
                    path=show_path(path), value="complex key"))
                continue
            key = key_node.value
            kline = key_node.start_mark.line + first_line
            if key in out:
                doc.problems.append(problem(
                    "yaml-duplicate-key", file=doc.file, line=kline,
                    path=show_path(path + (key,)), value=key,
                    first=doc.lines.get(path + (key,), "?")))
                continue
            out[key] = _convert(value_node, path + (key,), doc, first_line)
            doc.lines[path + (key,)] = kline
        return out
    raise AssertionError(f"unexpected YAML node {node!r}")  # pragma: no cover


def load_yaml_file(path: Path, shown: str) -> Doc:
    """Read and parse a whole YAML file."""
    text, warnings = read_text(path, shown)
    doc = load_yaml_text(text, shown)
    doc.problems[:0] = warnings
    return doc


@dataclass
class MarkdownFile:
    """A Markdown file with optional YAML front matter."""

    meta: Doc
    body: str
    body_line: int


def load_markdown_file(path: Path, shown: str) -> MarkdownFile:
    text, warnings = read_text(path, shown)
    fm, body, body_line = split_front_matter(text)
    if fm is None:
        if text.lstrip().startswith("---"):
            raise InputError([problem("front-matter-unclosed", file=shown, line=1)])
        meta = Doc(data={}, file=shown)
    else:
        meta = load_yaml_text(fm, shown, first_line=2)
        if meta.data is None:
            meta.data = {}
    meta.problems[:0] = warnings
    return MarkdownFile(meta=meta, body=body, body_line=body_line)
