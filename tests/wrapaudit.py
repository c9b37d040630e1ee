"""Line-break audit of Thai text in a real browser, measured against newmm.

The browser's own line breaker cuts Thai with ICU's dictionary; Prongsai's search (and,
since issue 17, its pages) cut it with pythainlp's newmm. Comparing wraps with
`Intl.Segmenter` would ask ICU whether ICU agrees with itself. This audit instead

1. lays the page out in Chromium and finds every line wrap inside the text of each block
   (a wrap: the next visible character starts at or below the bottom of the previous one,
   with no white space, `<br>` or element box between them);
2. keeps the wraps next to a Thai letter ("wraps in Thai text"); a wrap inside a Thai run
   must fall on a boundary of `generator.engine.search.thai_words` (the cut the search
   index uses), one between a Thai letter and anything else is a boundary anyway;
3. for each wrap that is not, measures the newmm word it splits: a word wider than the
   line cannot be kept whole, so it is excepted and counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.engine.search import THAI_RUN, thai_words

# Walks the text of the page (or of `root`): per block, its text and where its lines wrap.
COLLECT = r"""(rootSel) => {
  const root = document.querySelector(rootSel || 'body');
  if (!root) return {blocks: [], wraps: 0};
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TITLE', 'TEMPLATE']);
  const SVG = 'http://www.w3.org/2000/svg';
  const THAI = /[\u0e01-\u0e5b]/;
  const blockCache = new Map();
  function blockOf(el) {
    const start = el;
    if (blockCache.has(start)) return blockCache.get(start);
    while (el && el !== root) {
      const d = getComputedStyle(el).display;
      if (d !== 'inline' && d !== 'contents') break;
      el = el.parentElement;
    }
    el = el || root;
    blockCache.set(start, el);
    return el;
  }
  const concealCache = new Map();
  function concealed(el) {  // inside a visually hidden box (clipped to 1 px, sr-only)
    if (!el || el === document.body) return false;
    if (concealCache.has(el)) return concealCache.get(el);
    const cs = getComputedStyle(el);
    const small = (el.clientWidth <= 1 || el.clientHeight <= 1) && cs.overflow !== 'visible';
    const hit = cs.clip !== 'auto' && cs.position === 'absolute' || small ||
      concealed(el.parentElement);
    concealCache.set(el, hit);
    return hit;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        if (SKIP.has(n.tagName) || n.namespaceURI === SVG) return NodeFilter.FILTER_REJECT;
        return n.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    }
  });
  const records = new Map();  // block element -> record
  const order = [];
  let current = null;
  const range = document.createRange();
  let wraps = 0;
  const nowrap = [];  // wraps inside an element styled not to wrap
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {  // <br>: the next text starts a line of its own
      const rec = records.get(blockOf(node.parentElement));
      if (rec) { rec.last = null; rec.text += '\n'; }
      continue;
    }
    const text = node.textContent;
    if (!text) continue;
    let owner = node.parentElement;  // the element whose white-space applies (not <nobr>)
    while (owner.tagName === 'NOBR' && owner.parentElement) owner = owner.parentElement;
    const ws = getComputedStyle(owner).whiteSpace;
    const oneLine = ws === 'nowrap' || ws === 'pre';
    const block = blockOf(node.parentElement);
    let rec = records.get(block);
    if (!rec) {
      // a box without width (a closed search panel) lays out no readable lines
      const bs = getComputedStyle(block);
      const inner = block.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
      const hidden = inner < 2 || bs.visibility !== 'visible' || concealed(block) ||
        !block.checkVisibility();
      rec = {el: block, text: '', wraps: [], last: null, thai: false, hidden: hidden};
      records.set(block, rec); order.push(rec);
    }
    if (rec.hidden) continue;
    // back from a nested block or an inline-block: a new line, not a wrap
    if (current !== rec) { rec.last = null; if (rec.text) rec.text += '\n'; current = rec; }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\u200b' || ch === '\u00ad') continue;
      if (/\s/.test(ch)) { rec.text += ' '; continue; }
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getClientRects()[0];
      if (!r || r.height === 0) { rec.text += ch; continue; }
      if (rec.last && r.top >= rec.last.bottom - 1) {
        wraps++;
        rec.wraps.push(rec.text.length);
        if (oneLine && rec.owner === owner)  // inside it, not before it
          nowrap.push(rec.text.slice(-12) + '|' + text.slice(i, i + 12));
      }
      rec.last = r;
      rec.owner = owner;
      if (THAI.test(ch)) rec.thai = true;
      rec.text += ch;
    }
  }
  const out = [];
  window.__wrapBlocks = [];
  for (const rec of order) {
    if (!rec.thai || !rec.wraps.length) continue;
    const cs = getComputedStyle(rec.el);
    const width = rec.el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    window.__wrapBlocks.push(rec.el);
    out.push({text: rec.text, wraps: rec.wraps, width: width,
              where: (rec.el.className && typeof rec.el.className === 'string'
                      ? rec.el.tagName.toLowerCase() + '.' + rec.el.className.split(' ')[0]
                      : rec.el.tagName.toLowerCase())});
  }
  // a <nobr> that is a flex or grid item of its own: the run was split off from the text
  // around it (a gap opens, the line may break there)
  for (const n of root.querySelectorAll('nobr')) {
    const d = getComputedStyle(n.parentElement).display;
    if (/flex|grid/.test(d) && n.getClientRects().length)
      nowrap.push('flex item: ' + n.parentElement.textContent.trim().slice(0, 30));
  }
  return {blocks: out, wraps: wraps, nowrap: nowrap};
}"""

# Width of each (block index, word) laid out on one line in that block's font.
MEASURE = r"""(items) => items.map(([i, word]) => {
  const el = window.__wrapBlocks[i];
  const probe = document.createElement('span');
  probe.style.whiteSpace = 'nowrap';
  probe.style.position = 'absolute';
  probe.style.visibility = 'hidden';
  probe.textContent = word;
  el.appendChild(probe);
  const w = probe.getBoundingClientRect().width;
  probe.remove();
  return w;
})"""


@dataclass
class Audit:
    """What one page (or all pages) showed."""

    wraps: int = 0  # every line wrap inside a block's text
    thai: int = 0  # wraps with a Thai letter on either side and no space between
    bad: list[str] = field(default_factory=list)  # inside a newmm word that fits a line
    long: list[str] = field(default_factory=list)  # inside a word wider than the line
    nowrap: list[str] = field(default_factory=list)  # inside an element set not to wrap

    def add(self, other: Audit) -> None:
        self.wraps += other.wraps
        self.thai += other.thai
        self.bad += other.bad
        self.long += other.long
        self.nowrap += other.nowrap

    def as_dict(self) -> dict[str, Any]:
        return {"wraps": self.wraps, "thai_wraps": self.thai, "bad": len(self.bad),
                "long_words": len(self.long), "in_nowrap": len(self.nowrap),
                "bad_examples": self.bad[:40], "long_examples": self.long[:20],
                "nowrap_examples": self.nowrap[:20]}


def _is_thai(ch: str) -> bool:
    return bool(THAI_RUN.fullmatch(ch))


def classify(text: str, offset: int) -> tuple[bool, bool, tuple[int, int] | None]:
    """(in Thai text, on a newmm boundary, the word it splits) for a wrap before
    text[offset]."""
    if offset <= 0 or offset >= len(text):
        return False, True, None
    before, after = text[offset - 1], text[offset]
    if before.isspace() or after.isspace():
        return False, True, None
    if not (_is_thai(before) or _is_thai(after)):
        return False, True, None
    if not (_is_thai(before) and _is_thai(after)):
        return True, True, None  # a Thai run's edge is a boundary of any cut
    for m in THAI_RUN.finditer(text):
        if m.start() < offset < m.end():
            start = m.start()
            for word in thai_words(m.group(0)):
                end = start + len(word)
                if start == offset:
                    return True, True, None
                if start < offset < end:
                    return True, False, (start, end)
                start = end
    return True, True, None


def audit_page(page: Any, root: str = "body") -> Audit:
    """Measure the page as laid out now."""
    found = page.evaluate(COLLECT, root)
    result = Audit(wraps=found["wraps"], nowrap=list(found["nowrap"]))
    pending: list[tuple[int, str, str]] = []
    for i, block in enumerate(found["blocks"]):
        text = block["text"]
        for offset in block["wraps"]:
            thai, ok, word = classify(text, offset)
            if not thai:
                continue
            result.thai += 1
            if ok or word is None:
                continue
            shown = (text[max(0, offset - 10):offset] + "|" + text[offset:offset + 10]
                     ).replace("\n", " ")
            pending.append((i, text[word[0]:word[1]], f"{block['where']}: {shown}"))
    if pending:
        widths = page.evaluate(MEASURE, [[i, w] for i, w, _ in pending])
        for (i, word, shown), width in zip(pending, widths, strict=True):
            if width > found["blocks"][i]["width"] + 0.5:
                result.long.append(f"{shown} ({word}: {width:.0f} > "
                                   f"{found['blocks'][i]['width']:.0f} px)")
            else:
                result.bad.append(f"{shown} ({word})")
    return result


def words_of(text: str) -> list[str]:
    """newmm words of every Thai run of `text` (for messages)."""
    return [w for m in THAI_RUN.finditer(text) for w in thai_words(m.group(0))]



# Every table of the page's content as laid out now: a table showing its header row must
# fit its column; a table shown as cards (header hidden) must show each non-empty data
# cell's column name before it.
TABLE_LABELS = r"""() => {
  const out = {tables: 0, cards: 0, cells: 0, unlabeled: [], overflow: []};
  for (const t of document.querySelectorAll('article table')) {
    if (t.getBoundingClientRect().height === 0 || !t.checkVisibility()) continue;
    out.tables++;
    const head = t.querySelector('thead');
    const hs = head ? getComputedStyle(head) : null;
    const headShown = head && hs.position !== 'absolute' && head.getBoundingClientRect().height > 2;
    const body = (t.querySelector('tbody') || t).textContent.trim().slice(0, 30);
    const name = (t.className || 'table') + ' ' + body;
    if (headShown) {
      const box = (t.closest('.md-typeset__scrollwrap') || t.parentElement).getBoundingClientRect();
      const r = t.getBoundingClientRect();
      if (t.scrollWidth > t.clientWidth + 1 || r.right > box.right + 1 || r.left < box.left - 1)
        out.overflow.push(name);
      continue;
    }
    out.cards++;
    for (const td of t.querySelectorAll('tbody td')) {
      if (!td.textContent.trim() || td.getBoundingClientRect().height === 0) continue;
      out.cells++;
      const label = getComputedStyle(td, '::before').content;
      if (!label || label === 'none' || label === 'normal' || /^["']\s*:?\s*["']$/.test(label))
        out.unlabeled.push(name + ' | ' + td.textContent.trim().slice(0, 40));
    }
  }
  return out;
}"""


# Open every collapsed section (<details>) so that its text is laid out and measured too.
OPEN_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true })"
