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
from typing import Any

import yaml

from generator.base.problems import InputError, Problem, problem

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("control-character", "encoding", "encoding-utf16", "file-too-large", "file-unreadable",
          "front-matter-unclosed", "text-too-long", "text-unencodable", "yaml-duplicate-key",
          "yaml-syntax", "yaml-tab", "yaml-unsupported")

Key = str | int
YamlPath = tuple[Key, ...]

MAX_FILE_BYTES = 2 * 1024 * 1024  # a data/Markdown file larger than this is a mistake
# YAML (a data file, or an item's front matter) longer than this is refused before it is
# parsed: parsing takes about 10 s a megabyte (500 evidence entries are under 150,000)
MAX_YAML_CHARS = 200_000


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
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd length or a broken surrogate pair
            line = raw[: exc.start].decode("utf-16", "replace").count("\n") + 1
            raise InputError([problem("encoding", file=shown, line=line,
                                      value=f"byte {exc.start:,}: {exc.reason}",
                                      guess="UTF-16 with a broken character")]) from exc
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


class _Loader(yaml.SafeLoader):  # type: ignore[misc]
    """SafeLoader that records aliases (``*name``) instead of expanding them: an alias can
    repeat a subtree exponentially ("billion laughs") and officers never need one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases: list[tuple[str, int]] = []
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            self.aliases.append((event.anchor, event.start_mark.line))
            return yaml.ScalarNode("tag:yaml.org,2002:null", "", event.start_mark,
                                   event.end_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


MAX_DEPTH = 50  # officers' files nest 5 levels; a deeper one is a mistake (or an attack)


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


# libyaml (PyYAML's C parser) composes a typical file ten times faster. It is used only for
# text where it builds the same nodes as the Python parser: nothing that may be an alias
# (`*name` where a value can start; _Loader records those), no tab (told apart as
# yaml-tab), no character the Python reader refuses or counts lines differently for, and
# too few collection starts to nest deeper than the C stack allows (libyaml recurses in C).
# Any error is left to the Python parser, so messages stay the same.
# tests/test_bench_speedups.py compares both parsers on every YAML file of the repository.
_CLoader = getattr(yaml, "CSafeLoader", None)
_SLOW_PATH = re.compile(r"(?:^|[\s\[\]{},:])\*\S|[\t\x85\u2028\u2029]|"
                        + yaml.reader.Reader.NON_PRINTABLE.pattern)
_MAX_STARTS = 5000


def _fast_compose(text: str) -> tuple[bool, yaml.Node | None]:
    """(True, node tree) from libyaml, or (False, None) when the Python parser must do it."""
    starts = sum(text.count(c) for c in "[{-:?")
    if _CLoader is None or starts > _MAX_STARTS or _SLOW_PATH.search(text):
        return False, None
    try:
        node = yaml.compose(text, Loader=_CLoader)
    except yaml.YAMLError:
        return False, None
    if node is not None and starts >= MAX_DEPTH and _depth(node) > MAX_DEPTH:
        return False, None  # the Python parser reports where it is too deep
    return True, node


def _depth(root: yaml.Node) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, d + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, d + 1) for pair in node.value for child in pair)
    return deepest


def _compose(text: str) -> tuple[yaml.Node | None, list[tuple[str, int]]]:
    done, node = _fast_compose(text)
    if done:
        return node, []
    loader = _Loader(text)
    try:
        return loader.get_single_node(), loader.aliases
    finally:
        loader.dispose()


_CONTEXT_FIRST = {"while scanning a simple key", "while scanning a quoted scalar",
                  "while parsing a flow sequence", "while parsing a flow mapping",
                  "while scanning a block scalar"}


def load_yaml_text(text: str, shown: str, first_line: int = 1) -> Doc:
    """Parse YAML text into a Doc. Unreadable YAML raises InputError with file and line."""
    doc = Doc(data=None, file=shown)
    if len(text) > MAX_YAML_CHARS:
        raise InputError([problem(
            "text-too-long", file=shown, line=first_line, value=f"{len(text):,}",
            limit=f"{MAX_YAML_CHARS:,}", field="the YAML data" if first_line == 1 else
            "the YAML between the two `---` lines")])
    try:
        node, aliases = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"{exc.problem or exc.context}"
        if exc.context in _CONTEXT_FIRST and exc.context_mark is not None:
            # an unclosed quote or bracket, or a key without its colon: PyYAML notices it
            # lines later; the line where it started is the one to fix
            mark = exc.context_mark
            reason = f"{exc.context}: {exc.problem}"
        lines = text.split("\n")
        row = mark.line if mark is not None else None
        if row is not None and exc.context not in _CONTEXT_FIRST:
            opened = _unclosed_before(lines, row)
            if opened is not None:
                reason = (f"a quote or bracket opened on this line is not closed, so what "
                          f"follows was misread (noticed at line {row + first_line})")
                row = opened
        line = row + first_line if row is not None else None
        code = "yaml-syntax"
        bad_line = lines[row] if row is not None and 0 <= row < len(lines) else ""
        if "\t" in reason or "'\\t'" in reason or bad_line.startswith("\t") or (
                "\t" in bad_line and bad_line.lstrip(" ").startswith("\t")):
            code = "yaml-tab"
        raise InputError([problem(code, file=shown, line=line, value=_clip(bad_line.strip()),
                                  reason=reason)]) from exc
    except yaml.reader.ReaderError as exc:
        # a control character, typically pasted from Word or Excel (vertical tab, escape …)
        pos = exc.position if isinstance(exc.position, int) else 0
        line = text.count("\n", 0, pos) + first_line
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        raise InputError([problem("control-character", file=shown, line=line,
                                  value=f"U+{exc.character:04X}" if isinstance(
                                      exc.character, int) else str(exc.character),
                                  column=col)]) from exc
    except _TooDeep as exc:
        raise InputError([problem("yaml-unsupported", file=shown, line=exc.line + first_line,
                                  value=f"lists or mappings nested more than {MAX_DEPTH} "
                                        "levels deep")]) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise InputError([problem("yaml-syntax", file=shown, reason=str(exc),
                                  value="")]) from exc
    for anchor, line0 in aliases:
        doc.problems.append(problem("yaml-unsupported", file=shown, line=line0 + first_line,
                                    value=f"the alias `*{anchor}` (a reference to `&{anchor}`)"))
    if node is None:
        return doc
    # `"\ud800"` in double quotes is half a UTF-16 pair, which no file can hold: reported
    # where it is and replaced, so that nothing later fails to write the text
    doc.data = _convert(node, (), doc, first_line,
                        "\\u" in text or "\\U" in text or _SURROGATE.search(text) is not None)
    return doc


def _unclosed_before(lines: list[str], row: int) -> int | None:
    """The last line up to `row` whose double quotes or flow brackets do not balance: the
    usual cause of PyYAML errors reported lines later (an unclosed `"` or `[`)."""
    found = None
    for i, raw in enumerate(lines[: row + 1]):
        body = raw.split(" #", 1)[0]
        quotes = len(re.findall(r'(?<!\\)"', body))
        if quotes % 2 or (quotes == 0 and body.count("[") != body.count("]")) or (
                quotes == 0 and body.count("{") != body.count("}")):
            found = i
    return found


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _unencodable(value: str, path: YamlPath, line: int, doc: Doc, key: bool = False) -> str:
    """`value` with each lone surrogate reported (text-unencodable) and replaced by U+FFFD;
    a pair (`"\\ud83d\\ude00"`, as JSON writes an emoji) is the character it encodes."""
    m = _SURROGATE.search(value)
    if m is None:
        return value
    value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    m = _SURROGATE.search(value)
    if m is None:
        return value
    doc.problems.append(problem("text-unencodable", file=doc.file, line=line,
                                path=show_path(path) or None, value=f"U+{ord(m.group()):04X}",
                                field=f"a key of {show_path(path) or 'the file'}" if key
                                else show_path(path)))
    return _SURROGATE.sub("\ufffd", value)


def _convert(node: yaml.Node, path: YamlPath, doc: Doc, first_line: int,
             escapes: bool = False) -> Any:
    doc.lines[path] = node.start_mark.line + first_line
    if isinstance(node, yaml.ScalarNode):
        value: str = node.value
        if escapes:
            value = _unencodable(value, path, node.start_mark.line + first_line, doc)
        # plain (unquoted) style is None from the Python parser, "" from libyaml
        if not node.style and node.tag != "tag:yaml.org,2002:str":
            if value in _NULLS:
                return None
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
        return value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), doc, first_line, escapes)
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
            if escapes:
                key = _unencodable(key, path, kline, doc, key=True)
            if key in out:
                doc.problems.append(problem(
                    "yaml-duplicate-key", file=doc.file, line=kline,
                    path=show_path(path + (key,)), value=key,
                    first=doc.lines.get(path + (key,), "?")))
                continue
            out[key] = _convert(value_node, path + (key,), doc, first_line, escapes)
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
