"""What a year's published ITA results say, computed without inventing a figure.

- A tool score is *entered* (as published), *computed* (the mean of its own indicators,
  when no other tool shares them: seed 000's IIT 99.51 and OIT 96.00 are their indicators'
  means), or *not entered*. The parts of a split tool (EIT part 1 and part 2 share indicators
  6-8) are never computed: their mean is the indicators' mean (seed 000: (95.95 + 96.89) / 2
  = 96.42 = mean of 96.51, 96.35, 96.40), which gives the total but not each part.
- The band is decided only when the unknowns cannot change it; otherwise the bands still
  possible are listed and an entered label among them is accepted.
- Indicators fall into the council's three groups (urgent, to improve, strengths) by its
  thresholds; changes between years are differences of published figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.load.assessment import Band, Tool

ENTERED, COMPUTED, NOT_ENTERED = "entered", "computed", "not_entered"
URGENT, IMPROVE, STRENGTH = "urgent", "improve", "strength"
GROUPS_TH = {URGENT: "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน", IMPROVE: "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
             STRENGTH: "จุดแข็งที่ควรรักษาไว้"}
# seed 004 l.184: 2567 indicator 8 at 85.78 urgent; 6 (95.24), 7 (92.26), 9 (95.00) to improve;
# those at 100 kept. Any urgent cut in (85.78, 92.26] reproduces it; 90 is the round one.
DEFAULT_URGENT_BELOW = 90.0
DEFAULT_STRENGTH_FROM = 100.0


def round2(x: float) -> float:
    return float(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ToolScore:
    id: str
    value: float | None
    source: str  # entered | computed | not_entered


@dataclass(frozen=True)
class Results:
    tools: tuple[ToolScore, ...]
    overall: float | None            # what the rules compute from the figures entered
    band: str | None                 # decided band, or None while unknowns could change it
    possible: tuple[str, ...]        # bands the figures allow (one when decided)

    def tool(self, tid: str) -> ToolScore:
        return next(t for t in self.tools if t.id == tid)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def tool_scores(specs: tuple[Tool, ...], tools: dict[str, float],
                indicators: dict[str, float]) -> tuple[ToolScore, ...]:
    out = []
    for t in specs:
        if t.id in tools:
            out.append(ToolScore(t.id, tools[t.id], ENTERED))
            continue
        shared = any(o.id != t.id and set(o.indicators) & set(t.indicators) for o in specs)
        vals = [indicators[i] for i in t.indicators if i in indicators]
        if not shared and vals and len(vals) == len(t.indicators):
            out.append(ToolScore(t.id, round2(_mean(vals)), COMPUTED))
        else:
            out.append(ToolScore(t.id, None, NOT_ENTERED))
    return tuple(out)


def _group_value(specs: list[Tool], scores: dict[str, ToolScore],
                 indicators: dict[str, float]) -> float | None:
    """A split tool's parts together: the parts' mean when all are entered, else the mean of
    their shared indicators."""
    vals = [scores[t.id].value for t in specs]
    if all(v is not None for v in vals):
        return _mean([v for v in vals if v is not None])
    ind = specs[0].indicators
    have = [indicators[i] for i in ind if i in indicators]
    return _mean(have) if have and len(have) == len(ind) else None


def total(specs: tuple[Tool, ...], scores: tuple[ToolScore, ...],
          indicators: dict[str, float]) -> float | None:
    by_id = {s.id: s for s in scores}
    weight = 0.0
    acc = 0.0
    done: set[str] = set()
    for t in specs:
        if t.id in done:
            continue
        if t.group:
            members = [o for o in specs if o.group == t.group]
            done.update(o.id for o in members)
            value = _group_value(members, by_id, indicators)
            w = sum(o.weight for o in members)
        else:
            done.add(t.id)
            value, w = by_id[t.id].value, t.weight
        if value is None:
            return None
        acc += w * value
        weight += w
    return round2(acc / weight) if weight else None


def _every_tool_at_least(m: float, specs: tuple[Tool, ...], scores: tuple[ToolScore, ...],
                         indicators: dict[str, float]) -> bool | None:
    """True, False, or None when the figures entered cannot tell. The unknown parts of a
    split tool have a known mean (their indicators') and are at most 100 each, which bounds
    the lowest part from both sides."""
    by_id = {s.id: s for s in scores}
    unknown = False
    seen: set[str] = set()
    for t in specs:
        v = by_id[t.id].value
        if v is not None:
            if v < m:
                return False
            continue
        if not t.group:
            unknown = True
            continue
        if t.group in seen:
            continue
        seen.add(t.group)
        members = [o for o in specs if o.group == t.group]
        ind = members[0].indicators
        have = [indicators[i] for i in ind if i in indicators]
        if not have or len(have) != len(ind):
            unknown = True
            continue
        known = [by_id[o.id].value for o in members if by_id[o.id].value is not None]
        n_unknown = len(members) - len(known)
        rest = len(members) * _mean(have) - sum(v for v in known if v is not None)
        if rest / n_unknown < m:
            return False  # the unknown parts' mean is below m: one of them is
        if rest - (n_unknown - 1) * 100.0 < m:
            unknown = True  # the lowest unknown part may be below m
    return None if unknown else True


def results(specs: tuple[Tool, ...], bands: tuple[Band, ...], tools: dict[str, float],
            indicators: dict[str, float]) -> Results:
    scores = tool_scores(specs, tools, indicators)
    overall = total(specs, scores, indicators)
    if overall is None:
        return Results(scores, None, None, ())
    possible: list[str] = []
    for b in bands:
        if overall < b.min:
            continue
        ok = True if b.every_tool_min is None else _every_tool_at_least(
            b.every_tool_min, specs, scores, indicators)
        if ok is False:
            continue
        possible.append(b.label)
        if ok is True:
            break
    band = possible[0] if len(possible) == 1 else None
    return Results(scores, overall, band, tuple(possible))


def indicator_group(value: float, urgent_below: float = DEFAULT_URGENT_BELOW,
                    strength_from: float = DEFAULT_STRENGTH_FROM) -> str:
    """urgent (< urgent_below), strength (>= strength_from), else to improve."""
    if value < urgent_below:
        return URGENT
    if value >= strength_from:
        return STRENGTH
    return IMPROVE


def groups(indicators: dict[str, float], urgent_below: float = DEFAULT_URGENT_BELOW,
           strength_from: float = DEFAULT_STRENGTH_FROM) -> dict[str, tuple[str, ...]]:
    """Indicator ids by group, in indicator order."""
    order = sorted(indicators, key=lambda i: (len(i), i))
    out: dict[str, list[str]] = {URGENT: [], IMPROVE: [], STRENGTH: []}
    for i in order:
        out[indicator_group(indicators[i], urgent_below, strength_from)].append(i)
    return {k: tuple(v) for k, v in out.items()}


def change(before: float | None, after: float | None) -> float | None:
    """after − before, rounded as published (seed 004 l.193: 98.57 − 95.24 = +3.33)."""
    if before is None or after is None:
        return None
    return round2(after - before)


def format_change(d: float | None) -> str:
    """`+3.33`, `−1.20`, `0.00`, or `–` when a figure is missing."""
    if d is None:
        return "–"
    if d > 0:
        return f"+{d:.2f}"
    if d < 0:
        return f"−{-d:.2f}"
    return "0.00"
