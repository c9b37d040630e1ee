"""Estimated OIT score from component coverage.

The NACC's rule from item scores to indicator scores is not public (DOMAIN.md: no simple
mean of the seed's item scores gives its indicator 9 figure). So every figure here is an
*estimate*, computed by the catalogue's documented `scoring:` rule:

- item: `component_share` — 100 × components met / components (n/a items are left out);
- sub-indicator: `item_mean` — mean of its items;
- indicator: `item_mean` (mean of its items) or `sub_indicator_mean`;
- tool (OIT): `indicator_mean` (mean of indicators 9 and 10) or `item_mean`.

`best_fixes` says, item by item, how much the OIT estimate would gain, and what it would
become, if the item's open components were met; the largest gain first.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import Any

from generator.check.report import NA, YearReport

NOTE = ("estimate from component coverage by the catalogue's scoring rule; the official "
        "scoring rule is not public, so this is not the official OIT score")
NOTE_TH = ("คะแนนโดยประมาณ คำนวณจากสัดส่วนองค์ประกอบที่มีหลักฐานตามกฎในเกณฑ์ "
           "ไม่ใช่คะแนนทางการ (สำนักงาน ป.ป.ช. ไม่ได้เผยแพร่วิธีคิดคะแนนรายข้อ)")


@dataclass(frozen=True)
class Fix:
    """What meeting every open component of one item would add to the OIT estimate."""

    item: str
    title: str
    components: tuple[str, ...]  # the open components
    gain: float  # estimated OIT points gained
    oit_after: float  # the OIT estimate once this item is complete
    codes: tuple[str, ...]  # error codes found on the item


@dataclass(frozen=True)
class Estimate:
    """Estimated scores of one year; None where every item is not applicable."""

    items: dict[str, float | None]
    sub_indicators: dict[str, float | None]
    indicators: dict[str, float | None]
    tool: float | None
    fixes: tuple[Fix, ...]
    rule: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        r = _round
        return {
            "note": NOTE,
            "note_th": NOTE_TH,
            "rule": self.rule,
            "oit": r(self.tool),
            "indicators": {k: r(v) for k, v in self.indicators.items()},
            "sub_indicators": {k: r(v) for k, v in self.sub_indicators.items()},
            "items": {k: r(v) for k, v in self.items.items()},
            "best_fixes": [
                {"item": f.item, "title": f.title, "components": list(f.components),
                 "gain": r(f.gain), "oit_after": r(f.oit_after), "problems": list(f.codes)}
                for f in self.fixes
            ],
        }


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


def _mean(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return mean(vals) if vals else None


def compute(report: YearReport, item_scores: dict[str, float | None]
            ) -> tuple[dict[str, float | None], dict[str, float | None], float | None]:
    """(sub-indicators, indicators, tool) from item scores, by the catalogue's rule."""
    cat = report.catalogue
    rule = cat.scoring
    subs = {s.id: _mean([item_scores[i.id] for i in cat.items_of(s.id)])
            for s in cat.sub_indicators}
    inds: dict[str, float | None] = {}
    for ind in cat.indicators:
        if rule.get("indicator") == "sub_indicator_mean":
            inds[ind.id] = _mean([subs[s.id] for s in cat.subs_of(ind.id)])
        else:
            inds[ind.id] = _mean([item_scores[i.id] for s in cat.subs_of(ind.id)
                                  for i in cat.items_of(s.id)])
    if rule.get("tool") == "item_mean":
        tool = _mean(list(item_scores.values()))
    else:
        tool = _mean(list(inds.values()))
    return subs, inds, tool


def estimate(report: YearReport) -> Estimate:
    """The estimate of a checked year, and the best next fixes."""
    items = {st.item.id: st.score for st in report.items}
    subs, inds, tool = compute(report, items)
    fixes = []
    for st in report.items:
        if st.status == NA or st.score is None or st.score >= 100.0:
            continue
        _, _, after = compute(report, {**items, st.item.id: 100.0})
        codes = tuple(sorted({p.code for p in report.problems
                              if p.item == st.item.id and p.severity == "error"}))
        fixes.append(Fix(st.item.id, st.item.title,
                         tuple(c.component.id for c in st.components
                               if not c.met and c.due is None),
                         (after or 0.0) - (tool or 0.0), after or 0.0, codes))
    # ties (equal gains computed by different sums) in catalogue order
    order = {it.id: n for n, it in enumerate(report.catalogue.items)}
    fixes.sort(key=lambda f: (-round(f.gain, 9), order[f.item]))
    return Estimate(items, subs, inds, tool, tuple(fixes), dict(report.catalogue.scoring))
