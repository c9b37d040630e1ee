"""Thai word segmentation of the site search index (our own build step, after MkDocs).

Material's search (lunr) splits text only at its separator, and Thai is written without
spaces between words. So, like Material does for Chinese with jieba, every Thai run in
the index is cut into words with pythainlp (newmm, dictionary based, no model download)
and the words are joined with U+200B ZERO WIDTH SPACE, which is part of the separator
(`SEPARATOR`, set in the effective mkdocs.yml) and invisible in search results.

The query side is `theme/overrides/assets/javascripts/workers/prongsai-search.js`: it cuts
a typed Thai query into the words of this index (maximal matching against the index's own
vocabulary), so index and query always agree, whatever the browser's own segmenter does.

The index is also made smaller: UTF-8 instead of \\uXXXX escapes (Thai is 3 bytes a
character instead of 6) and the reviewer checklist pages are left out (they repeat every
item page's components; citizens and assessors are sent to the item pages).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ZWSP = "\u200b"
# Spaces, ZWSP, and punctuation that never belongs to a word (lunr keeps punctuation in
# tokens otherwise: "(PDF)" would not be found by "pdf"). "." is included so that "สขร.1"
# and "สขร.1)" split the same way in text and query; the query lexer reads it per character.
SEPARATOR = r"[\s\u200b\-_,.:;!?=\[\](){}<>\"'“”‘’/\\|·•–—]+"
THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
INDEX_PATH = Path("search") / "search_index.json"
# Pages left out of the index, by location (regular expression on the page URL).
EXCLUDE = re.compile(r"^\d{4}/checklist/")
_TAG = re.compile(r"(<[^>]*>)")


@functools.lru_cache(maxsize=1)
def _dictionary() -> Any:
    """pythainlp's word list as a set, for newmm (speed: see `_WordSet`)."""
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    class _WordSet(Trie):
        """The default dictionary with Trie's `prefixes` answered from a set: building
        pythainlp's Trie of 62,000 words takes a second, longer than segmenting a whole
        site; this takes 0.05 s and gives newmm the same words in the same order."""

        def __init__(self, words: frozenset[str]) -> None:  # no Trie nodes
            self.words = words
            longest: dict[str, int] = {}  # first 3 letters -> longest word starting so
            for w in words:
                if len(w) > 2 and len(w) > longest.get(w[:3], 0):
                    longest[w[:3]] = len(w)
            self.longest = longest

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            words = self.words
            out = []
            if text[start:start + 1] in words:
                out.append(text[start:start + 1])
            if start + 2 <= len(text) and text[start:start + 2] in words:
                out.append(text[start:start + 2])
            end = min(len(text), start + self.longest.get(text[start:start + 3], 0))
            for i in range(start + 3, end + 1):
                if text[start:i] in words:
                    out.append(text[start:i])
            return out

        def __contains__(self, key: object) -> bool:
            return key in self.words

        def __len__(self) -> int:
            return len(self.words)

        def __iter__(self) -> Iterator[str]:
            return iter(self.words)

    # Trie.add strips each word and ignores empty ones: the same set of words
    return _WordSet(frozenset(w for w in (x.strip() for x in thai_words()) if w))


@functools.lru_cache(maxsize=65536)
def _tokenize(run: str) -> tuple[str, ...]:
    """Words of one Thai run; cached, as a site repeats the same titles and labels on
    many pages (the example's index has 30 times more runs than distinct runs)."""
    from pythainlp.tokenize import word_tokenize

    return tuple(w for w in word_tokenize(run, custom_dict=_dictionary(), engine="newmm",
                                          keep_whitespace=False) if w.strip())


def segment_thai(text: str) -> str:
    """Insert ZWSP between Thai words and around every Thai run; markup is left alone."""
    parts = _TAG.split(text)
    for i in range(0, len(parts), 2):  # even parts are text, odd parts are tags
        parts[i] = THAI_RUN.sub(
            lambda m: ZWSP + ZWSP.join(_tokenize(m.group(0))) + ZWSP, parts[i])
    out = "".join(parts)
    # no ZWSP next to a space or at the ends: it would only add bytes
    out = re.sub(r"\u200b+(?=[\s<]|$)|(?<=[\s>])\u200b+|^\u200b+", "", out)
    return re.sub(r"\u200b{2,}", ZWSP, out)


def segment_index(site_dir: Path) -> dict[str, int]:
    """Rewrite `site_dir/search/search_index.json` segmented and compact; return sizes."""
    path = site_dir / INDEX_PATH
    if not path.exists():
        return {}
    before = path.stat().st_size
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    docs = []
    for doc in data.get("docs", []):
        if EXCLUDE.match(doc.get("location", "")):
            continue
        doc = dict(doc)
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = segment_thai(doc[key])
        docs.append(doc)
    data["docs"] = docs
    data.setdefault("config", {})["separator"] = SEPARATOR
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, "utf-8")
    return {"before": before, "after": len(text.encode()), "docs": len(docs)}
