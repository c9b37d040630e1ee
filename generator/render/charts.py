"""Static SVG charts drawn at build time: offline, printable, deterministic, accessible
(role="img" with a title and a description; the same figures are in a table beside it)."""

from __future__ import annotations

import functools
from html import escape

# Colour-blind-safe palette (Okabe–Ito), each also distinguished by a pattern-free label
# in the legend and by position; text colour on white meets AA.
SERIES = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]


def grouped_bars(title: str, desc: str, groups: list[str], series: list[tuple[str, list[
        float | None]]], low: float = 50.0, high: float = 100.0, chart_id: str = "chart"
                 ) -> str:
    """A grouped bar chart: one group per category (e.g. indicator), one bar per series
    (e.g. fiscal year), followed by its legend as an HTML list. Values outside [low, high]
    are clipped to the axis.

    The drawing is 480 units wide and shown at most 600 px wide, so its text (13–15 units)
    stays 9–19 px from a 360 px phone to a laptop; the legend is HTML text at the page's
    own size, legible at any width (inside the drawing it shrank to 5 px on a phone)."""
    width, height = 480, 270
    left, right, top, bottom = 34, 6, 10, 42
    plot_w, plot_h = width - left - right, height - top - bottom
    n_series = max(len(series), 1)
    group_w = plot_w / max(len(groups), 1)
    bar_w = min(14.0, (group_w - 6) / n_series)

    def y(v: float) -> float:
        v = max(low, min(high, v))
        return top + plot_h * (1 - (v - low) / (high - low))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="pg-chart" viewBox="0 0 {width} '
           f'{height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
           f'<title id="{chart_id}-t">{escape(title)}</title>',
           f'<desc id="{chart_id}-d">{escape(desc)}</desc>']
    # grid and axis labels
    step = 10.0 if high - low > 20 else 5.0
    v = low
    while v <= high + 1e-9:
        yy = y(v)
        out.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{width - right}" y2="{yy:.1f}" '
                   f'stroke="#c7c7c7" stroke-width="1"/>')
        out.append(f'<text x="{left - 4}" y="{yy + 4:.1f}" text-anchor="end" font-size="13" '
                   f'fill="#333">{v:g}</text>')
        v += step
    for gi, g in enumerate(groups):
        gx = left + gi * group_w
        start = gx + (group_w - bar_w * n_series) / 2
        for si, (name, values) in enumerate(series):
            val = values[gi] if gi < len(values) else None
            if val is None:
                continue
            x = start + si * bar_w
            yy = y(val)
            out.append(f'<rect x="{x:.1f}" y="{yy:.1f}" width="{bar_w - 1:.1f}" '
                       f'height="{top + plot_h - yy:.1f}" fill="{SERIES[si % len(SERIES)]}">'
                       f'<title>{escape(name)} · {escape(g)}: {val:.2f}</title></rect>')
        out.append(f'<text x="{gx + group_w / 2:.1f}" y="{top + plot_h + 17}" '
                   f'text-anchor="middle" font-size="15" fill="#222">{escape(g)}</text>')
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" '
               f'font-size="14" fill="#222">ตัวชี้วัด</text>')
    out.append("</svg>")
    out.append(legend([name for name, _ in series]))
    return "".join(out)


def legend(names: list[str]) -> str:
    """The series of a chart as an HTML list, each with its colour swatch (and its name:
    colour is never the only key)."""
    items = "".join(
        f'<li><svg class="pg-swatch" width="14" height="14" viewBox="0 0 14 14" '
        f'aria-hidden="true"><rect width="14" height="14" fill="{SERIES[i % len(SERIES)]}"/>'
        f"</svg><span>{escape(name)}</span></li>" for i, name in enumerate(names))
    return f'<ul class="pg-legend" aria-label="คำอธิบายสัญลักษณ์">{items}</ul>'


@functools.lru_cache(maxsize=16)
def qr_svg(url: str, label: str) -> str:
    """The QR code of `url` as inline SVG (segno: pure Python, deterministic)."""
    import segno

    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(scale=5, border=4, dark="#000000", light="#ffffff", omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label, quote=True)}" ',
                       1)
