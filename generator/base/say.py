"""The language of messages: Thai for officers (the default), English for developers.

Every text an officer can meet is written in both languages where it is made (a problem
kind's template, a `Say` passed as one of its values, a line of the terminal report), and
the language is chosen only when it is shown: `prongsai --lang en …` or the environment
variable PRONGSAI_LANG=en. Problems keep both (JSON and CSV carry both), so a change of
language never changes what was found, only how it is said.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

THAI, ENGLISH = "th", "en"
LANGS = (THAI, ENGLISH)
ENV = "PRONGSAI_LANG"

_chosen: str | None = None


@dataclass(frozen=True)
class Say:
    """One text in both languages (a value or a part of a problem's message)."""

    th: str
    en: str

    def __str__(self) -> str:
        return self.th if lang() == THAI else self.en

    def __add__(self, other: Say | str) -> Say:
        if isinstance(other, Say):
            return Say(self.th + other.th, self.en + other.en)
        return Say(self.th + other, self.en + other)

    def __radd__(self, other: str) -> Say:
        return Say(other + self.th, other + self.en)

    def pick(self, language: str) -> str:
        return self.th if language == THAI else self.en


def env_lang() -> str:
    """The language PRONGSAI_LANG asks for (`th` unless it says `en`)."""
    value = os.environ.get(ENV, "").strip().lower()
    return ENGLISH if value.startswith("en") else THAI


def lang() -> str:
    """The language messages are shown in now."""
    return _chosen or env_lang()


def set_lang(language: str | None) -> None:
    """Show messages in `language` from now on (None: back to PRONGSAI_LANG)."""
    global _chosen
    if language is not None and language not in LANGS:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGS}")
    _chosen = language


def say(th: str, en: str) -> str:
    """`th` or `en`, in the language messages are shown in."""
    return th if lang() == THAI else en


def text(value: object, language: str) -> str:
    """`value` in `language` when it is a Say, else as it is."""
    return value.pick(language) if isinstance(value, Say) else str(value)
