"""Thai word segmentation of the site search index (our own build step, after MkDocs).

Material's search (lunr) splits text only at its separator, and Thai is written without
spaces between words. So, like Material does for Chinese with jieba, every Thai run in
the index is cut into words by newmm (dictionary based, no model download) with
pythainlp's default dictionary: in nlpO3, PyThaiNLP's Rust newmm, which cuts exactly as
pythainlp's own and 15 times faster, or in pythainlp where nlpO3 cannot load. The words
are joined with U+200B ZERO WIDTH SPACE, which is part of the separator (`SEPARATOR`,
set in the effective mkdocs.yml) and invisible in search results.

The query side is `theme/overrides/assets/javascripts/workers/prongsai-search.js`: it cuts
a typed Thai query into the words of this index (maximal matching against the index's own
vocabulary), so index and query always agree, whatever the browser's own segmenter does.

Segmenting costs more than anything else Prongsai adds to a build, and a site's text hardly
changes between two builds, so the words of every run are kept in a cache file (the
project's `.cache/prongsai/`, see `segment_index`): a rebuild segments only new text and
loads no dictionary when nothing is new. The cache is checked against the files that
decide the cut (the dictionary and newmm's code), so it never changes the output.

The index is also made smaller: UTF-8 instead of \\uXXXX escapes (Thai is 3 bytes a
character instead of 6) and the reviewer checklist pages are left out (they repeat every
item page's components; citizens and assessors are sent to the item pages).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.base import cachefile

ZWSP = "\u200b"
# Spaces, ZWSP, and punctuation that never belongs to a word (lunr keeps punctuation in
# tokens otherwise: "(PDF)" would not be found by "pdf"). "." is included so that "สขร.1"
# and "สขร.1)" split the same way in text and query; the query lexer reads it per character.
SEPARATOR = r"[\s\u200b\u2060\-_,.:;!?=\[\](){}<>\"'“”‘’/\\|·•–—]+"
# between a noun's การ/ความ and the rest (see NOMINAL_PREFIXES): a separator for search, but
# not a place where result text may wrap (newmm has the noun as one word)
JOINER = "\u2060"
THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
INDEX_PATH = Path("search") / "search_index.json"
# Words people type for what the documents call otherwise: a query with the key also finds
# the documents' words (prongsai-search.js; a page with either has that word of the query).
# Kept to vocabulary of the OIT catalogues, each with the reason.
SYNONYMS: dict[str, list[str]] = {
    # campaigns say ต่อต้านการทุจริต; the catalogues and plans say ป้องกันการทุจริต (o25, o26)
    "ต่อต้าน": ["ป้องกัน"],
    # a gift report is officially รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา (o22)
    "ของขวัญ": ["ทรัพย์สิน"],
    # the catalogues call the office หน่วยงาน (o3: ที่อยู่หน่วยงาน, แผนที่ตั้งหน่วยงาน)
    "สำนักงาน": ["หน่วยงาน"],
    # o3: ที่อยู่ไปรษณีย์อิเล็กทรอนิกส์
    "อีเมล": ["ไปรษณีย์อิเล็กทรอนิกส์"],
}
# Pages left out of the index, by location (regular expression on the page URL).
EXCLUDE = re.compile(r"^\d{4}/checklist/")
_TAG = re.compile(r"(<[^>]*>)")


def _pythainlp_file(rel: str) -> Path | None:
    """A file of the installed pythainlp, found without importing it (its import loads
    most of the package: 0.09 s)."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / rel


DICTIONARY = "corpus/words_th.txt"  # pythainlp's default word list (62,000 words)
NLPO3_DICT = "prongsai-th"  # its name in nlpO3's (per process) collection


@functools.lru_cache(maxsize=1)
def _nlpo3() -> Any:
    """nlpO3's newmm (PyThaiNLP's own Rust implementation) with pythainlp's default word
    list, or None if it cannot be loaded. It cuts exactly as pythainlp's newmm (held to
    it by tests/test_bench_speedups.py) 15 times faster, and loading it costs 0.1 s where
    importing pythainlp and its dictionary cost 0.14 s."""
    try:
        import nlpo3
    except ImportError:
        return None
    path = _pythainlp_file(DICTIONARY)
    if path is None or not path.is_file():
        return None
    _message, loaded = nlpo3.load_dict(str(path), NLPO3_DICT)
    return nlpo3 if loaded else None


@functools.lru_cache(maxsize=1)
def _dictionary() -> Any:
    """pythainlp's word list as a set, for its newmm when nlpO3 is missing (speed: see
    `_WordSet`)."""
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
    """Words of one Thai run (newmm, pythainlp's default dictionary); cached, as a site
    repeats the same titles and labels on many pages (the example's index has 30 times
    more runs than distinct runs)."""
    words = _tokenize_nlpo3(run)
    return words if words is not None else _tokenize_pythainlp(run)


def thai_words(run: str) -> tuple[str, ...]:
    """The newmm words of one Thai run, as the search index cuts it (pythainlp's default
    dictionary; nlpO3 where it loads). The pages' line breaking uses the same cut
    (generator/engine/linebreak.py), so a line wraps only where search sees a word end."""
    return _tokenize(run)


def _tokenize_nlpo3(run: str) -> tuple[str, ...] | None:
    """The words by nlpO3; None where it cannot load."""
    fast = _nlpo3()
    if fast is None:
        return None
    return tuple(w for w in fast.segment(run, NLPO3_DICT) if w.strip())


def _tokenize_pythainlp(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(w for w in word_tokenize(run, custom_dict=_dictionary(), engine="newmm",
                                          keep_whitespace=False) if w.strip())


CACHE_VERSION = 2  # bump when the cutting or the joining below changes


class Words:
    """The ZWSP-joined words of each Thai run: from the cache file when it holds the run,
    else cut by pythainlp. Remembers which runs were used, so that the cache written back
    holds just the text of the last build."""

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.known = known or {}
        self.used: dict[str, str] = {}
        self.index_runs: dict[str, str] = {}  # run -> its words as the index cuts them

    def index_run(self, run: str) -> str:
        """The run's words as the search index cuts them (`index_words`); whether a
        noun's rest is a word of its own is asked of this cache too, so a rebuild whose
        text is cached loads no dictionary."""
        cut = self.index_runs.get(run)
        if cut is None:
            cut = self.index_runs[run] = ZWSP.join(
                _index_form(w, self) for w in self(run).split(ZWSP))
        return cut

    def __call__(self, run: str) -> str:
        joined = self.used.get(run)
        if joined is None:
            joined = self.known.get(run)
            if joined is None:
                joined = ZWSP.join(_tokenize(run))
            self.used[run] = joined
        return joined

    @classmethod
    def load(cls, path: Path | None) -> Words:
        """The cache at `path`; an unreadable or stale cache is simply not used."""
        words = cachefile.read(path, cache_key())
        if not isinstance(words, dict):
            return cls()
        return cls({k: v for k, v in words.items() if isinstance(k, str) and isinstance(v, str)})

    def save(self, path: Path | None) -> None:
        """Write the runs of this build back; nothing when unchanged."""
        if self.used != self.known:
            cachefile.write(path, cache_key(), self.used)


@functools.lru_cache(maxsize=1)
def cache_key() -> str:
    """What decides a cut: this module's version, pythainlp's dictionary, and the newmm
    that cuts (nlpO3's library, else pythainlp's code): the size and time of each file,
    read without importing either."""
    parts = [f"v{CACHE_VERSION}"]
    files = [("pythainlp", _pythainlp_file(DICTIONARY))]
    spec = importlib.util.find_spec("nlpo3")
    if spec is not None and spec.submodule_search_locations:
        base = Path(list(spec.submodule_search_locations)[0])
        files += [("nlpo3", p) for p in sorted(base.glob("_nlpo3_python_backend*"))
                  if p.suffix != ".pyi"]
    files += [("pythainlp", _pythainlp_file(rel)) for rel in
              ("__init__.py", "tokenize/newmm.py", "tokenize/tcc_p.py")]
    for owner, path in files:
        try:
            st = path.stat() if path is not None else None
        except OSError:
            st = None
        name = f"{owner}:{path.name if path is not None else '-'}"
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}" if st else f"{name}:-")
    return ";".join(parts)


# Thai makes nouns of verbs with การ and ความ, and newmm's dictionary has many of them as
# one word: "การป้องกัน" in "แผนปฏิบัติการป้องกันการทุจริต", but a query "ป้องกันการทุจริต"
# cuts "ป้องกัน|การ|ทุจริต". In the index only, such a word is also split after its prefix
# when the rest is a word of its own, so either form finds it (การ and ความ themselves are
# too common to search for: the query side drops them). The split is U+2060 WORD JOINER,
# in the separator like U+200B but not a line break in results (prongsai-search.js): the
# pages and the result text keep newmm's cut.
NOMINAL_PREFIXES = ("การ", "ความ")


def _index_form(word: str, joined: Callable[[str], str]) -> str:
    """`word` as the index has it; `joined(text)`: text's newmm words joined by ZWSP (one
    word: the text itself)."""
    for prefix in NOMINAL_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) > 1 and ZWSP not in rest \
                and joined(rest) == rest:
            return prefix + JOINER + rest
    return word


@functools.lru_cache(maxsize=65536)
def _index_word(word: str) -> str:
    return _index_form(word, lambda text: ZWSP.join(_tokenize(text)))


def index_words(joined: str) -> str:
    """ZWSP-joined newmm words as the search index cuts them (see NOMINAL_PREFIXES)."""
    return ZWSP.join(map(_index_word, joined.split(ZWSP)))


def segment_thai(text: str, words: Words | None = None) -> str:
    """Insert ZWSP between Thai words (as the index cuts them) and around every Thai run;
    markup is left alone."""
    if words is not None:
        cut = words.index_run
    else:
        def cut(run: str) -> str:
            return index_words(ZWSP.join(_tokenize(run)))

    parts = _TAG.split(text)
    for i in range(0, len(parts), 2):  # even parts are text, odd parts are tags
        parts[i] = THAI_RUN.sub(lambda m: ZWSP + cut(m.group(0)) + ZWSP, parts[i])
    out = "".join(parts)
    # no ZWSP next to a space or at the ends: it would only add bytes
    out = re.sub(r"\u200b+(?=[\s<]|$)|(?<=[\s>])\u200b+|^\u200b+", "", out)
    return re.sub(r"\u200b{2,}", ZWSP, out)


def segment_index(site_dir: Path, cache: Path | None = None, words: Words | None = None,
                  meta: dict[str, Any] | None = None) -> dict[str, int]:
    """Rewrite `site_dir/search/search_index.json` segmented and compact; return sizes.
    `words`: the word cache to use (the caller saves it); else `cache`, the segmentation
    cache file, is read and written back (None: no cache). `meta`: what the search worker
    needs of the site (`current_year`), stored as the index's `config.prongsai` (Material
    sends the worker only the index's `config` and `docs`)."""
    path = site_dir / INDEX_PATH
    if not path.exists():
        return {}
    before = path.stat().st_size
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    own = words is None
    if words is None:
        words = Words.load(cache)
    docs = []
    for doc in data.get("docs", []):
        if EXCLUDE.match(doc.get("location", "")):
            continue
        doc = dict(doc)
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = segment_thai(doc[key], words)
        docs.append(doc)
    if own:
        words.save(cache)
    data["docs"] = docs
    data.setdefault("config", {})["separator"] = SEPARATOR
    if meta:
        data["config"]["prongsai"] = meta
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, "utf-8")
    return {"before": before, "after": len(text.encode()), "docs": len(docs)}
