"""Bar charts of quotations over time."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from onrecord.web.charts import (
    MAX_WEEKS,
    bar_chart,
    bins_from_counts,
    bins_from_dates,
    bins_from_weeks,
    nice_ceiling,
    parse_week,
)


def test_charts_weeks_are_continuous() -> None:
    bins, unit = bins_from_weeks([("2023-W47", 2), ("2023-W50", 1)])
    assert unit == "week"
    assert [(b.start, b.count) for b in bins] == [
        (date(2023, 11, 20), 2), (date(2023, 11, 27), 0), (date(2023, 12, 4), 0), (date(2023, 12, 11), 1)]


def test_charts_dates_fall_in_their_monday_week() -> None:
    bins, unit = bins_from_dates([date(2024, 1, 7), date(2024, 1, 1), date(2024, 1, 8)])
    assert unit == "week"
    assert [(b.start, b.count) for b in bins] == [(date(2024, 1, 1), 2), (date(2024, 1, 8), 1)]


def test_charts_long_spans_are_monthly() -> None:
    bins, unit = bins_from_counts(Counter({parse_week("2019-W01"): 3, parse_week("2023-W10"): 1}))
    assert unit == "month"
    assert bins[0].start == date(2019, 1, 1) and bins[0].count == 3
    assert bins[-1].start == date(2023, 3, 1) and bins[-1].count == 1
    assert len(bins) == 51 and sum(b.count for b in bins) == 4
    assert MAX_WEEKS < 51 * 4


def test_charts_iso_week_53() -> None:
    assert parse_week("2020-W53") == date(2020, 12, 28)


@pytest.mark.parametrize(("value", "expected"), [(0, 1), (1, 1), (2, 2), (3, 5), (7, 10), (11, 20), (250, 500)])
def test_charts_nice_ceiling(value: int, expected: int) -> None:
    assert nice_ceiling(value) == expected


def test_charts_layout() -> None:
    assert bar_chart([], "week") is None
    bins, unit = bins_from_weeks([("2023-W47", 5), ("2023-W48", 0), ("2023-W49", 1)])
    chart = bar_chart(bins, unit, width=300, height=100)
    assert chart is not None and chart.total == 6
    tallest, empty, short = chart.bars
    assert tallest.height == pytest.approx(chart.bottom - chart.top)
    assert empty.height == 0 and short.height > 0
    assert all(chart.left <= b.x and b.x + b.width <= chart.right for b in chart.bars)
    assert tallest.label == "week of 20 Nov 2023: 5 quotations"
    assert short.label.endswith(": 1 quotation")
    assert [t.label for t in chart.y_ticks] == ["0", "2", "5"]
