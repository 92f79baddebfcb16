"""Inline SVG charts: for each quantity, the values each source claimed over time.

Pure Python string building with every text escaped, so the report needs no charting library,
no script and no network to show them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from factcheck.export.describe import number, quantity_label, source_text, value_text
from factcheck.store.queries import ClaimView

WIDTH, HEIGHT = 680, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
# Colour-blind-safe palette (Okabe-Ito), assigned to sources in name order.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442")
MAX_CHARTS = 40
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    svg: Markup
    points: int
    legend: tuple[tuple[str, str], ...]  # (source, colour)


def claim_date(claim: ClaimView) -> date | None:
    """When the value was claimed to hold: the claim's own date, else the report's."""
    for text in (claim.as_of, claim.published):
        match = _DATE.match(text or "")
        if match:
            year, month, day = (int(part) if part else 1 for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    span = high - low or abs(high) or 1.0
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _chart_svg(
    title: str, series: dict[str, list[tuple[date, ClaimView]]], colours: dict[str, str]
) -> Markup:
    points = [(day, claim) for entries in series.values() for day, claim in entries]
    days = [day.toordinal() for day, _ in points]
    first_day, last_day = min(days), max(days)
    # A margin of time on both sides keeps the first and last points off the plot's edges.
    margin = max(15, (last_day - first_day) // 20)
    first_day, last_day = first_day - margin, last_day + margin
    ticks = _nice_ticks(0.0, max(claim.value_high for _, claim in points) * 1.05)
    top_value = ticks[-1] or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + (day.toordinal() - first_day) / (last_day - first_day) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - value / top_value * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(title)}" class="chart">',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" class="plot"/>',
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{escape(number(tick))}</text>'
        )
    labels = sorted({day for day, _ in points})
    shown = labels if len(labels) <= 6 else [labels[round(i * (len(labels) - 1) / 5)] for i in range(6)]
    for day in dict.fromkeys(shown):
        parts.append(
            f'<text x="{x(day):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{day.isoformat()}</text>'
        )
    for source, entries in series.items():
        colour = colours[source]
        ordered = sorted(entries, key=lambda entry: (entry[0], entry[1].id))
        if len(ordered) > 1:
            path = " ".join(f"{x(day):.1f},{y((c.value_low + c.value_high) / 2):.1f}" for day, c in ordered)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        for day, claim in ordered:
            cx = x(day)
            tip = escape(f"{source}: {value_text(claim)}, {day.isoformat()} ({claim.document})")
            if claim.value_high != claim.value_low:
                parts.append(
                    f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(claim.value_low):.1f}" '
                    f'y2="{y(claim.value_high):.1f}" stroke="{colour}" stroke-width="3"/>'
                )
            middle = (claim.value_low + claim.value_high) / 2
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{y(middle):.1f}" r="4.5" fill="{colour}"><title>{tip}</title></circle>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _quantity_key(claim: ClaimView) -> tuple[str, str, str, str]:
    return (claim.kind, claim.unit, claim.location or "", claim.actor or "")


def build_charts(claims: Iterable[ClaimView]) -> tuple[list[Chart], int]:
    """Charts for quantities with at least two dated claims, most claimed first.

    Returns the charts and how many quantities were left out.
    """
    groups: dict[tuple[str, str, str, str], list[tuple[date, ClaimView]]] = {}
    for claim in claims:
        day = claim_date(claim)
        if day is not None:
            groups.setdefault(_quantity_key(claim), []).append((day, claim))
    eligible = sorted(
        (key for key, entries in groups.items() if len(entries) >= 2),
        key=lambda key: (-len(groups[key]), key),
    )
    chosen = eligible[:MAX_CHARTS]
    sources = sorted({source_text(claim) for key in chosen for _, claim in groups[key]})
    colours = {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(sources)}
    charts = []
    for key in chosen:
        series: dict[str, list[tuple[date, ClaimView]]] = {}
        for day, claim in groups[key]:
            series.setdefault(source_text(claim), []).append((day, claim))
        title = quantity_label(groups[key][0][1]) + f" ({key[1]})"
        ordered = dict(sorted(series.items()))
        legend = tuple((name, colours[name]) for name in ordered)
        charts.append(Chart(title, _chart_svg(title, ordered, colours), len(groups[key]), legend))
    return charts, len(eligible) - len(chosen)
