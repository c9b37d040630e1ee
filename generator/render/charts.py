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
    (e.g. fiscal year). Values outside [low, high] are clipped to the axis."""
    width, height = 760, 320
    left, right, top, bottom = 44, 12, 36, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    n_series = max(len(series), 1)
    group_w = plot_w / max(len(groups), 1)
    bar_w = min(18.0, (group_w - 8) / n_series)

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
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" '
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
        out.append(f'<text x="{gx + group_w / 2:.1f}" y="{top + plot_h + 16}" '
                   f'text-anchor="middle" font-size="12" fill="#222">{escape(g)}</text>')
    # legend
    lx = left
    for si, (name, _) in enumerate(series):
        out.append(f'<rect x="{lx}" y="10" width="12" height="12" '
                   f'fill="{SERIES[si % len(SERIES)]}"/>')
        out.append(f'<text x="{lx + 16}" y="21" font-size="12" fill="#222">{escape(name)}'
                   f'</text>')
        lx += 16 + 9 * len(name) + 18
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
               f'font-size="12" fill="#222">ตัวชี้วัด</text>')
    out.append("</svg>")
    return "".join(out)


@functools.lru_cache(maxsize=16)
def qr_svg(url: str, label: str) -> str:
    """The QR code of `url` as inline SVG (segno: pure Python, deterministic)."""
    import segno

    qr = segno.make(url, error="m", micro=False)
    svg = qr.svg_inline(scale=5, border=4, dark="#000000", light="#ffffff", omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label, quote=True)}" ',
                       1)
