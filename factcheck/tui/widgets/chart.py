"""Values claimed over time for one quantity, one line per source, drawn with plotext."""

from __future__ import annotations

from collections import defaultdict

from textual_plotext import PlotextPlot

from factcheck.tui.data import ChartPoint
from factcheck.tui.widgets.safe import one_line


def full_date(value: str) -> str:
    """plotext needs whole dates: a month or a year stands for its first day."""
    parts = value.split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "01"
    day = parts[2] if len(parts) > 2 else "01"
    return f"{year}-{month}-{day}"


def by_source(points: list[ChartPoint]) -> dict[str, list[ChartPoint]]:
    series: dict[str, list[ChartPoint]] = defaultdict(list)
    for point in points:
        series[point.source].append(point)
    return dict(sorted(series.items()))


class QuantityChart(PlotextPlot):
    def draw(self, title: str, points: list[ChartPoint]) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form("Y-m-d")
        plt.title(one_line(title))
        plt.xlabel("date claimed for")
        if not points:
            plt.title(one_line(f"{title}: no dated claims"))
        if points:
            # From zero, with headroom so the legend in the corner hides no point.
            top = max(point.value_low for point in points)
            plt.ylim(0, top * 1.25 if top > 0 else 1)
        for source, series in by_source(points).items():
            dates = [full_date(point.as_of) for point in series]
            values = [point.value_low for point in series]
            # plotext draws labels as plain text, but control characters would still reach the terminal.
            label = one_line(source)[:30]
            if len(series) > 1:
                plt.plot(dates, values, label=label, marker="braille")
            else:
                plt.scatter(dates, values, label=label, marker="dot")
        self.refresh()
