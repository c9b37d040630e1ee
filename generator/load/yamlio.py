"""Reading officers' files: encodings, YAML with line numbers, duplicate keys, front matter.

PyYAML's own loaders guess types (``no`` becomes False, ``1.10`` becomes 1.1, dates become
``datetime.date``) and silently keep the last of two duplicate keys. Officers copy text
from Word and spreadsheets, so we compose the YAML node tree ourselves: every scalar stays
the text that was typed (only ``null``/``~``/empty and ``true``/``false`` are resolved), every
value remembers its line, and a duplicate key is a problem instead of lost data.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.base.problems import InputError, Problem, path_th, problem
from generator.base.say import Say
from generator.base.visible import visible
from generator.load.yamlerrors import Diagnosis, diagnose, hidden_in_structure

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("control-character", "encoding", "encoding-damaged", "encoding-utf16",
          "file-outside-project", "file-too-large", "file-unreadable",
          "front-matter-extra", "front-matter-missing", "front-matter-unclosed",
          "text-too-long", "text-unencodable",
          "yaml-bracket", "yaml-colon-in-text", "yaml-colon-missing", "yaml-duplicate-key",
          "yaml-indent", "yaml-invisible", "yaml-list-dash", "yaml-quote", "yaml-space-missing",
          "yaml-syntax", "yaml-tab", "yaml-tab-value", "yaml-unsupported")

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
    # 1-based column of each value (of its key when the value starts on a later line), and
    # of each key
    columns: dict[YamlPath, int] = field(default_factory=dict)
    key_columns: dict[YamlPath, int] = field(default_factory=dict)
    # the text's lines, to show the line of a problem (None: never shown, e.g. a file
    # outside the project), and the file line the text starts on
    source: list[str] | None = None
    first_line: int = 1

    def line(self, *path: Key) -> int | None:
        """Line of the value at `path`, or of its closest parent that has one."""
        p: YamlPath = tuple(path)
        while True:
            if p in self.lines:
                return self.lines[p]
            if not p:
                return None
            p = p[:-1]

    def column(self, *path: Key) -> int | None:
        """Column of the value (or key) at `path`, when its line is its own."""
        p: YamlPath = tuple(path)
        return self.columns.get(p) if p in self.lines else None

    def excerpt(self, line: int | None, column: int | None) -> tuple[str, int] | None:
        """The file's line `line` as a message shows it, with `column` marked."""
        if self.source is None or line is None:
            return None
        row = line - self.first_line
        if not 0 <= row < len(self.source):
            return None
        text = self.source[row]
        col = column - 1 if column else len(text) - len(text.lstrip())
        return excerpt(text, col)


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
    """Decode a text file: UTF-8 (BOM tolerated); UTF-16 (with or without BOM) decoded with a
    warning; anything else is refused with the line, the byte and the fix. A file that is not
    a regular file (a FIFO, a folder) or leads out of the project is refused before it is
    read. Line endings become ``\\n``."""
    warnings: list[Problem] = []
    if outside_project(path, shown):
        raise InputError([problem("file-outside-project", file=shown, value=shown)])
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # reading a FIFO would wait for ever
            what = file_kind(mode)
            raise InputError([problem(
                "file-unreadable", file=shown,
                value=Say(f"`{shown}` เป็น{what.th} ไม่ใช่ไฟล์ข้อความ",
                          f"`{shown}` is {what.en}, not a text file"),
                fix=Say("แทนที่ด้วยไฟล์ข้อความจริง (ไฟล์ `.md` หรือ `.yml`)",
                        "replace it with a real text file (`.md` or `.yml`)"))])
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([problem("file-unreadable", file=shown,
                                  value=exc.strerror or str(exc))]) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise InputError([problem("file-too-large", file=shown, size=f"{len(raw):,}",
                                  limit=f"{MAX_FILE_BYTES:,}")])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd length or a broken surrogate pair
            line = raw[: exc.start].decode("utf-16", "replace").count("\n") + 1
            raise InputError([problem(
                "encoding", file=shown, line=line, value=f"byte {exc.start:,}",
                found=Say(f"อักขระเสียที่ไบต์ {exc.start:,}", f"byte {exc.start:,}: {exc.reason}"),
                guess=Say("ไฟล์ UTF-16 นี้มีอักขระที่เสีย", "UTF-16 with a broken character"))]
            ) from exc
        warnings.append(problem("encoding-utf16", file=shown, value="UTF-16", form="UTF-16"))
    else:
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            utf16 = _utf16_without_bom(raw)
            if utf16 is None:
                raise InputError([_encoding_problem(raw, exc, shown)]) from exc
            text = utf16
            warnings.append(_no_bom(shown))
    if "\x00" in text:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            pos = text.index("\x00")
            raise InputError([problem(
                "encoding", file=shown, line=text.count("\n", 0, pos) + 1, value="NUL",
                found=Say("ไบต์ศูนย์ (NUL)", "a NUL byte"),
                guess=Say("ไฟล์นี้น่าจะไม่ใช่ไฟล์ข้อความ", "it does not look like a text file"))])
        text = utf16
        warnings.append(_no_bom(shown))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def _no_bom(shown: str) -> Problem:
    return problem("encoding-utf16", file=shown, value="UTF-16",
                   form=Say("UTF-16 แบบไม่มี BOM", "UTF-16 without a byte-order mark"))


def outside_project(path: Path, shown: str) -> bool:
    """Does `path`, shown to the officer as `shown` (relative to the project), lead out of
    the project (a symlink to a system file)? Its content must then never be printed.
    The top folder of a shown path (content/) may itself be a link to elsewhere."""
    if not shown or os.path.isabs(shown) or re.match(r"^[A-Za-z]:", shown):
        return False  # named by the user on the command line
    parts = Path(shown).parts
    full = Path(os.path.abspath(path))
    if ".." in parts or tuple(full.parts[-len(parts):]) != parts:
        return False
    root = full.parents[len(parts) - 1]
    real = os.path.realpath(full)
    homes = [os.path.realpath(root)]
    if len(parts) > 1:
        homes.append(os.path.realpath(root / parts[0]))
    return not any(real == h or real.startswith(h.rstrip(os.sep) + os.sep) for h in homes)


def file_kind(mode: int) -> Say:
    """What a non-regular file is, in words an officer can look up."""
    if stat.S_ISDIR(mode):
        return Say("โฟลเดอร์", "a folder")
    if stat.S_ISFIFO(mode):
        return Say("ท่อส่งข้อมูล (FIFO)", "a FIFO (named pipe)")
    if stat.S_ISSOCK(mode):
        return Say("ช่องสื่อสารของโปรแกรม (socket)", "a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Say("อุปกรณ์ของระบบ", "a device")
    return Say("ไฟล์พิเศษของระบบ", "a special file")


def _utf16_without_bom(raw: bytes) -> str | None:
    """The text of UTF-16 saved without a byte-order mark (Thai and ASCII text leave a
    telltale: every other byte is 0x00 or 0x0E), or None."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    for enc, high in (("utf-16-le", raw[1::2]), ("utf-16-be", raw[0::2])):
        if sum(1 for b in high if b in (0x00, 0x0E)) < 0.9 * len(high):
            continue
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    return None


def _encoding_problem(raw: bytes, exc: UnicodeDecodeError, shown: str) -> Problem:
    """A file that is not UTF-8: a damaged UTF-8 file (a few cut characters among many good
    ones: re-saving it in another encoding would make it worse), a Thai Windows (cp874)
    file, or something else."""
    line = raw[: exc.start].count(b"\n") + 1
    start = raw.rfind(b"\n", 0, exc.start) + 1
    end = raw.find(b"\n", exc.start)
    row = raw[start:end if end != -1 else len(raw)]
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) >= 0x80 and c != "\ufffd")
    if good and bad <= max(3, good // 50):
        shown_row = row.decode("utf-8", errors="replace")
        col = len(raw[start:exc.start].decode("utf-8", errors="replace")) + 1
        return problem("encoding-damaged", file=shown, line=line, column=col, count=bad,
                       value=f"0x{raw[exc.start]:02x}", excerpt=excerpt(shown_row, col - 1))
    col = exc.start - start + 1
    if _looks_tis620(raw):
        guess = Say("ไฟล์น่าจะบันทึกเป็นภาษาไทยแบบ Windows-874 หรือ TIS-620",
                    "it looks like Thai Windows-874/TIS-620")
    else:
        guess = Say("ไม่ทราบว่าบันทึกด้วยการเข้ารหัสใด", "its encoding is unknown")
    return problem("encoding", file=shown, line=line, column=col,
                   value=f"0x{raw[exc.start]:02x}",
                   found=Say(f"ไบต์ 0x{raw[exc.start]:02x}", f"byte 0x{raw[exc.start]:02x}"),
                   guess=guess)


def _looks_tis620(raw: bytes) -> bool:
    """Thai letters in cp874 are single bytes 0xA1-0xFB; in UTF-8 they are E0 B8/B9 xx."""
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        return False
    thai = sum(1 for c in text if "\u0e01" <= c <= "\u0e5b")
    return thai > 0 and 4 * (raw.count(b"\xe0\xb8") + raw.count(b"\xe0\xb9")) <= thai


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


def load_yaml_text(text: str, shown: str, first_line: int = 1, quote: bool = True) -> Doc:
    """Parse YAML text into a Doc. Unreadable YAML raises InputError naming the mistake
    with its line and column; `quote=False` (a file outside the project) never shows the
    file's lines in a message. YAML longer than MAX_YAML_CHARS is refused unread."""
    if len(text) > MAX_YAML_CHARS:
        raise InputError([problem(
            "text-too-long", file=shown, line=first_line, value=f"{len(text):,}",
            limit=f"{MAX_YAML_CHARS:,}",
            field=Say("ข้อมูล YAML", "the YAML data") if first_line == 1 else
            Say("ข้อมูลระหว่างบรรทัด `---` สองบรรทัด", "the YAML between the two `---` lines"))])
    doc = Doc(data=None, file=shown, source=text.split("\n") if quote else None,
              first_line=first_line)
    hidden = hidden_in_structure(text)
    if hidden:
        raise InputError([_diagnosed(d, text, shown, first_line, quote) for d in hidden])
    try:
        node, aliases = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_diagnosed(diagnose(text, exc), text, shown, first_line, quote)]
                         ) from exc
    except yaml.reader.ReaderError as exc:
        # a control character, typically pasted from Word or Excel (vertical tab, escape …)
        pos = exc.position if isinstance(exc.position, int) else 0
        row = text.count("\n", 0, pos)
        col = pos - (text.rfind("\n", 0, pos) + 1)
        d = Diagnosis("control-character", row, col, dict(
            value=f"U+{exc.character:04X}" if isinstance(exc.character, int)
            else str(exc.character)))
        raise InputError([_diagnosed(d, text, shown, first_line, quote)]) from exc
    except _TooDeep as exc:
        raise InputError([problem("yaml-unsupported", file=shown, line=exc.line + first_line,
                                  value=Say(f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ระดับ",
                                            f"lists or mappings nested more than {MAX_DEPTH} "
                                            "levels deep"))]) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise InputError([problem("yaml-syntax", file=shown, reason=Say(
            "รูปแบบการเขียนไม่ถูกต้อง", str(exc)))]) from exc
    for anchor, line0 in aliases:
        doc.problems.append(problem("yaml-unsupported", file=shown, line=line0 + first_line,
                                    value=Say(f"การอ้างถึง `*{anchor}` (อ้างค่าของ `&{anchor}`)",
                                              f"the alias `*{anchor}` (a reference to "
                                              f"`&{anchor}`)")))
    if node is None:
        return doc
    # `"\ud800"` in double quotes is half a UTF-16 pair, which no file can hold: reported
    # where it is and replaced, so that nothing later fails to write the text
    doc.data = _convert(node, (), doc, first_line,
                        "\\u" in text or "\\U" in text or _SURROGATE.search(text) is not None)
    return doc


def _diagnosed(d: Diagnosis, text: str, shown: str, first_line: int, quote: bool) -> Problem:
    """The Problem of a diagnosis: its line and column counted from 1 in the file, the line
    itself (invisible characters shown) unless the file is outside the project."""
    params: dict[str, Any] = dict(d.params)
    fix = params.pop("fix", None)
    corrected = params.pop("corrected", None)
    if "sibling_row" in params:
        params["sibling_line"] = int(params.pop("sibling_row")) + first_line
    line_text = text.split("\n")[d.row] if d.row < text.count("\n") + 1 else ""
    if not quote:
        params = {k: ("…" if k in ("value", "key", "sibling") else v) for k, v in params.items()}
        fix = corrected = None
    return problem(d.code, file=shown, line=d.row + first_line, column=d.col + 1,
                   excerpt=excerpt(line_text, d.col) if quote else None,
                   corrected=_short_line(corrected),
                   fix=fix if isinstance(fix, Say) else None, **params)


EXCERPT_WIDTH = 100  # characters of a line shown around the column (lines can be huge)


def excerpt(line: str, col: int) -> tuple[str, int]:
    """A line as a message shows it: hidden characters made visible, cut to about
    EXCERPT_WIDTH characters around column `col` (0-based); and the column's index in it."""
    before, after = visible(line[:col]), visible(line[col:])
    if len(before) > EXCERPT_WIDTH // 2:
        before = "…" + before[-(EXCERPT_WIDTH // 2 - 1):]
    if len(after) > EXCERPT_WIDTH - len(before):
        after = after[:max(EXCERPT_WIDTH - len(before) - 1, 1)] + "…"
    return before + after, len(before)


def _short_line(line: object) -> str | None:
    """A corrected line, shown only when short enough to be copied whole."""
    text = visible(str(line)) if line else ""
    return text if text and len(text) <= 2 * EXCERPT_WIDTH else None


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
                                field=Say(f"ชื่อข้อมูลใน {path_th(show_path(path))}"
                                          if path else "ชื่อข้อมูลในไฟล์",
                                          f"a key of {show_path(path) or 'the file'}") if key
                                else show_path(path)))
    return _SURROGATE.sub("\ufffd", value)


def _convert(node: yaml.Node, path: YamlPath, doc: Doc, first_line: int,
             escapes: bool = False) -> Any:
    doc.lines[path] = node.start_mark.line + first_line
    doc.columns[path] = node.start_mark.column + 1
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
            kcol = key_node.start_mark.column + 1
            if escapes:
                key = _unencodable(key, path, kline, doc, key=True)
            if key in out:
                doc.problems.append(problem(
                    "yaml-duplicate-key", file=doc.file, line=kline, column=kcol,
                    path=show_path(path + (key,)), value=key,
                    first=doc.lines.get(path + (key,), "?"), hint=_entry_hint(path, key)))
                continue
            out[key] = _convert(value_node, path + (key,), doc, first_line, escapes)
            if doc.lines[path + (key,)] != kline:  # a block below its key: point at the key
                doc.columns[path + (key,)] = kcol
            doc.lines[path + (key,)] = kline
            doc.key_columns[path + (key,)] = kcol
        return out
    raise AssertionError(f"unexpected YAML node {node!r}")  # pragma: no cover


def _entry_hint(path: YamlPath, key: str) -> Say:
    """A key twice in one entry of a list: usually a new entry whose `- ` is missing."""
    if path and isinstance(path[-1], int):
        return Say(f" ถ้า `{key}:` ที่สองเริ่มรายการใหม่ ให้ขึ้นต้นบรรทัดนั้นด้วย `- ` "
                   f"(ย่อหน้าให้ตรงกับ `- ` ของรายการข้างบน)",
                   f"; if the second `{key}:` starts a new entry, begin its line with `- ` "
                   f"(indented like the `- ` of the entry above)")
    return Say("", "")


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


def load_markdown_file(path: Path, shown: str, keys: Iterable[str] = ()) -> MarkdownFile:
    """Read a Markdown file and its front matter. `keys`: the front-matter keys of this kind
    of file, used to tell a missing or extra `---` line (data that would otherwise be
    published as the page's text) from ordinary text."""
    text, warnings = read_text(path, shown)
    lead = len(text) - len(text.lstrip("\n"))  # blank lines before `---`: harmless
    fm, body, body_line = split_front_matter(text[lead:])
    body_line += lead
    data_line = re.compile(r"^(?:-[ ]+)?(" + "|".join(re.escape(k) for k in keys) +
                           r")[ ]*:(?:[ ]|$)") if keys else None
    if fm is None:
        if text.lstrip().startswith("---"):
            first = text.count("\n", 0, text.index("---")) + 1
            raise InputError([problem("front-matter-unclosed", file=shown, line=first,
                                      column=1)])
        found = _first_data_line(text, data_line)
        if found is not None:
            row, line = found
            raise InputError([problem("front-matter-missing", file=shown, line=row + 1,
                                      column=1, value=line.strip(),
                                      excerpt=(visible(line), 0))])
        meta = Doc(data={}, file=shown)
    else:
        extra = _stray_dash(body, body_line, data_line) if data_line else None
        if extra is not None:
            dash_line, row, line = extra
            raise InputError([problem("front-matter-extra", file=shown, line=dash_line,
                                      column=1, value=line.strip(), data_line=row,
                                      excerpt=("---", 0))])
        meta = load_yaml_text(fm, shown, first_line=2 + lead)
        if meta.data is None:
            meta.data = {}
    meta.problems[:0] = warnings
    return MarkdownFile(meta=meta, body=body, body_line=body_line)


def _first_data_line(text: str, data_line: re.Pattern[str] | None
                     ) -> tuple[int, str] | None:
    """(0-based row, line) of the first line when a file without front matter starts with
    data lines (`unit: …`, `evidence:`): its opening `---` is missing."""
    if data_line is None:
        return None
    for row, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        return (row, line) if data_line.match(line) else None
    return None


def _stray_dash(body: str, body_line: int, data_line: re.Pattern[str]
                ) -> tuple[int, int, str] | None:
    """(line of the `---`, line of the data, the data line) when the body goes on with data
    lines: a `---` closed the front matter too early (or one too many was typed)."""
    lines = body.split("\n")
    dash = body_line - 1  # the closing `---` of the front matter
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if line.strip() == "---":
            dash = body_line + i
            continue
        if data_line.match(line):
            return dash, body_line + i, line
        return None
    return None
