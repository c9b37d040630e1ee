"""Typed access to parsed YAML that reports every problem with file, line and YAML path."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from generator.base.problems import Problem, problem
from generator.base.thai import DateError
from generator.load.yamlio import Doc, Key, YamlPath, show_path

T = TypeVar("T")
# characters in a name shown on every page (the council's, a page title): a text pasted
# there by mistake would make every page that much bigger (other text appears once or
# twice; the YAML around it is limited, see yamlio.MAX_YAML_CHARS)
MAX_NAME = 200


class Reader:
    """Reads values out of a Doc; every bad value becomes a Problem, never an exception."""

    def __init__(self, doc: Doc, problems: list[Problem], *, year: int | None = None,
                 item: str | None = None):
        self.doc = doc
        self.problems = problems
        self.year = year
        self.item = item

    def at(self, path: YamlPath) -> Any:
        value: Any = self.doc.data
        for k in path:
            if isinstance(k, int):
                if not isinstance(value, list) or k >= len(value):
                    return None
            elif not isinstance(value, dict):
                return None
            value = value[k] if isinstance(k, int) else value.get(k)
        return value

    def report(self, code: str, path: YamlPath, value: object = None, **params: Any) -> None:
        self.problems.append(problem(
            code, file=self.doc.file, line=self.doc.line(*path), path=show_path(path) or None,
            year=self.year, item=self.item, value=value, **params))

    def has(self, path: YamlPath) -> bool:
        parent = self.at(path[:-1])
        return isinstance(parent, dict) and path[-1] in parent and parent[path[-1]] is not None

    def mapping(self, path: YamlPath, required: bool = False) -> dict[str, Any]:
        value = self.at(path)
        if value is None:
            if required:
                self.report("field-missing", path, field=show_path(path), expected="a mapping")
            return {}
        if not isinstance(value, dict):
            self.report("field-type", path, value=_short(value), field=show_path(path),
                        expected="a mapping of `key: value` lines")
            return {}
        return value

    def seq(self, path: YamlPath) -> list[Any]:
        value = self.at(path)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report("field-type", path, value=_short(value), field=show_path(path),
                        expected="a list (lines starting with `- `)")
            return []
        return value

    def text(self, path: YamlPath, required: bool = False, example: str = "",
             exact: bool = False, limit: int | None = None) -> str | None:
        """A single text value. Whitespace runs (newlines from `|` blocks, tabs, NBSP) become
        one space, since every text field is shown on one line; control characters are
        dropped; and an HTML tag is a problem
        (`text-html`): fields are published as plain text. `exact=True` (links, file paths)
        keeps the value as typed but for the surrounding spaces. A value longer than `limit`
        characters is `text-too-long` (and cut there)."""
        value = self.at(path)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.report("field-missing", path, field=show_path(path),
                            expected=example or "a text value")
            return None
        if isinstance(value, bool):
            # `yes`/`no` stay text, only true/false become booleans: a title of "true" is odd
            # but not lost.
            return "true" if value else "false"
        if not isinstance(value, str):
            self.report("field-type", path, value=_short(value), field=show_path(path),
                        expected="a single text value")
            return None
        if limit is not None and len(value) > limit and \
                len(value := " ".join(value.split())) > limit:
            self.report("text-too-long", path, value=f"{len(value):,}", field=show_path(path),
                        limit=f"{limit:,}")
            value = value[:limit]
        if exact:
            if CONTROL.search(value):  # a path or link cannot hold one (and NUL breaks paths)
                self.report("field-value", path, value=CONTROL.sub("\ufffd", value).strip(),
                            field=show_path(path), hint="", expected="a link or file path "
                            "without invisible control characters (retype it)")
                return None
            return value.strip()
        tag = HTML_TAG.search(value)
        if tag:
            self.report("text-html", path, value=_tag_at(value, tag.start()),
                        field=show_path(path))
        return " ".join(CONTROL.sub("", value).split())

    def texts(self, path: YamlPath) -> list[str]:
        """A list of text values; a single text value is accepted as a list of one."""
        value = self.at(path)
        if value is None:
            return []
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        out = []
        for i, _ in enumerate(self.seq(path)):
            t = self.text(path + (i,))
            if t:
                out.append(t)
        return out

    def flag(self, path: YamlPath, default: bool) -> bool:
        value = self.at(path)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        low = str(value).strip().lower()
        if low in ("yes", "on", "ใช่"):
            return True
        if low in ("no", "off", "ไม่"):
            return False
        self.report("field-type", path, value=_short(value), field=show_path(path),
                    expected="true or false")
        return default

    def choice(self, path: YamlPath, allowed: Iterable[str], default: str | None = None,
               required: bool = False) -> str | None:
        allowed = list(allowed)
        value = self.text(path, required=required, example=f"one of {allowed}")
        if value is None:
            return default
        if value not in allowed:
            self.report("field-value", path, value=value, field=show_path(path),
                        expected=f"one of {allowed}", hint=did_you_mean(value, allowed))
            return default
        return value

    def convert(self, path: YamlPath, fn: Callable[[Any], T], expected: str,
                required: bool = False) -> T | None:
        value = self.at(path)
        if value is None or value == "":
            if required:
                self.report("field-missing", path, field=show_path(path), expected=expected)
            return None
        try:
            return fn(value)
        except (ValueError, TypeError):
            self.report("field-value", path, value=_short(value), field=show_path(path),
                        expected=expected, hint="")
            return None

    def when(self, path: YamlPath, parse: Callable[[Any], T]) -> T | None:
        """A date or period read with `parse` (generator.base.thai); an unreadable one is
        reported with its own code (date-era, date-invalid, period-invalid) and the fix."""
        value = self.at(path)
        if value is None or value == "":
            return None
        try:
            return parse(value)
        except DateError as exc:
            self.report(exc.code, path, value=value, reason=str(exc), hint=exc.hint)
            return None

    def known_keys(self, path: YamlPath, allowed: Iterable[str]) -> None:
        """Report keys the format does not have (a typo would otherwise drop data silently)."""
        allowed = list(allowed)
        value = self.at(path)
        if not isinstance(value, dict):
            return
        for key in value:
            if key not in allowed:
                self.report("field-unknown", path + (key,), value=key,
                            allowed=", ".join(allowed), hint=did_you_mean(key, allowed))


# `<` directly followed by a letter, `/`, `!` or `?` starts a tag (or a comment) in HTML, even
# without its closing `>`; a lone `<` as in "ค่า < 5" does not.
HTML_TAG = re.compile(r"<[A-Za-z/!?]")
# invisible control characters (YAML escapes such as "\a" can still produce them)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _tag_at(value: str, start: int) -> str:
    end = value.find(">", start)
    tag = value[start:end + 1] if end != -1 else value[start:]
    return tag if len(tag) <= 40 else tag[:39] + "…"


def did_you_mean(value: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _short(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: …" for k in list(value)[:3]) + "}"
    if isinstance(value, list):
        return f"[list of {len(value)}]"
    return str(value)


def key_path(*parts: Key) -> YamlPath:
    return tuple(parts)
