"""Bar charts of quotations over time, laid out in Python and drawn as inline SVG by a template."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta

#: Spans longer than this many weeks are drawn per month.
MAX_WEEKS = 104
_MAX_TICKS = 5


@dataclass(frozen=True)
class Bin:
    """A week (starting on Monday) or a month (starting on the 1st) and its count."""

    start: Date
    count: int


@dataclass(frozen=True)
class Bar:
    """One bar, in SVG user units, with its tooltip."""

    x: float
    y: float
    width: float
    height: float
    count: int
    label: str


@dataclass(frozen=True)
class Tick:
    """A labelled position on an axis."""

    at: float
    label: str


@dataclass(frozen=True)
class BarChart:
    """Everything the ``chart`` template macro needs to draw the SVG."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    unit: str  # "week" or "month"
    total: int


def _monday(day: Date) -> Date:
    return day - timedelta(days=day.weekday())


def parse_week(label: str) -> Date:
    """The Monday of an ISO week written ``YYYY-Www``."""
    year, week = label.split("-W")
    return Date.fromisocalendar(int(year), int(week), 1)


def bins_from_weeks(weeks: Iterable[tuple[str, int]]) -> tuple[list[Bin], str]:
    """Continuous bins (gaps filled with zeros) from counts per ISO week; see :func:`bins_from_counts`."""
    counts: Counter[Date] = Counter()
    for label, count in weeks:
        counts[parse_week(label)] += count
    return bins_from_counts(counts)


def bins_from_dates(dates: Iterable[Date]) -> tuple[list[Bin], str]:
    """Continuous bins from individual dates; see :func:`bins_from_counts`."""
    return bins_from_counts(Counter(_monday(day) for day in dates))


def bins_from_counts(per_week: Counter[Date]) -> tuple[list[Bin], str]:
    """Bins from counts keyed by Monday: weekly, or monthly over more than :data:`MAX_WEEKS` weeks.

    :returns: the bins, oldest first, and their unit (``"week"`` or ``"month"``).
    """
    if not per_week:
        return [], "week"
    first, last = min(per_week), max(per_week)
    if (last - first).days // 7 + 1 <= MAX_WEEKS:
        weeks = (last - first).days // 7 + 1
        days = [first + timedelta(weeks=i) for i in range(weeks)]
        return [Bin(day, per_week.get(day, 0)) for day in days], "week"
    per_month: Counter[Date] = Counter()
    for monday, count in per_week.items():
        # A week belongs to the month of its Thursday, as ISO weeks belong to years.
        thursday = monday + timedelta(days=3)
        per_month[thursday.replace(day=1)] += count
    month, end = min(per_month), max(per_month)
    bins = []
    while month <= end:
        bins.append(Bin(month, per_month.get(month, 0)))
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return bins, "month"


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... that is at least ``value``."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def bin_label(start: Date, unit: str) -> str:
    """How a bin is named on the axis and in tooltips."""
    if unit == "month":
        return start.strftime("%b %Y")
    return f"{start.day} {start.strftime('%b %Y')}"


def bar_chart(bins: Sequence[Bin], unit: str, *, width: int = 760, height: int = 190) -> BarChart | None:
    """Lay out ``bins`` as a bar chart; ``None`` when there is nothing to draw."""
    if not bins:
        return None
    left, right, top, bottom = 36.0, float(width - 8), 10.0, float(height - 24)
    y_max = nice_ceiling(max(b.count for b in bins))
    slot = (right - left) / len(bins)
    bar_width = min(slot * 0.8 if slot > 3 else slot, 48.0)
    bars = []
    for i, b in enumerate(bins):
        h = (bottom - top) * b.count / y_max
        if b.count and h < 1.5:
            h = 1.5
        noun = "quotation" if b.count == 1 else "quotations"
        when = f"week of {bin_label(b.start, unit)}" if unit == "week" else bin_label(b.start, unit)
        bars.append(Bar(x=round(left + i * slot + (slot - bar_width) / 2, 2), y=round(bottom - h, 2),
                        width=round(bar_width, 2), height=round(h, 2), count=b.count,
                        label=f"{when}: {b.count} {noun}"))
    step = max(1, math.ceil(len(bins) / _MAX_TICKS))
    x_ticks = [Tick(round(left + (i + 0.5) * slot, 2), bin_label(bins[i].start, unit))
               for i in range(0, len(bins), step)]
    y_values = sorted({0, y_max // 2, y_max}) if y_max >= 2 else [0, y_max]
    y_ticks = [Tick(round(bottom - (bottom - top) * v / y_max, 2), str(v)) for v in y_values]
    return BarChart(width=width, height=height, left=left, right=right, top=top, bottom=bottom, bars=bars,
                    x_ticks=x_ticks, y_ticks=y_ticks, unit=unit, total=sum(b.count for b in bins))
