# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Evaluation windows of a per-grade evaluation cycle (seed 000, server engineers).

"评定周期是初级工程师每2个月一次 ... 中级工程师以上每6个月一次": engineers of a
grade with a cycle of ``months`` are evaluated once per cycle.  The cycles are
calendar periods of ``months`` months counted from January of year 1, so that a
cycle dividing twelve starts with the year: two months gives January–February,
March–April, ...; six months gives January–June and July–December.

Each cycle is one evaluation window: a day belongs to exactly one window, and an
engineer takes part in the evaluation of a window once.
"""

from datetime import date, timedelta


def _month_start(index):
    """The first day of the month ``index`` (months counted from January of year 1)."""
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def evaluation_window(day, months):
    """The evaluation window ``(first day, last day)`` that holds ``day``.

    ``months`` must be a positive number of months; ``None`` is returned for
    0 (the grade has no cycle of its own).
    """
    if months < 0:
        raise ValueError("an evaluation cycle cannot be negative")
    if not months:
        return None
    index = day.year * 12 + day.month - 1
    first = index - index % months
    return _month_start(first), _month_start(first + months) - timedelta(days=1)


def next_window_start(day, months):
    """The first day of the window after the one that holds ``day`` (None without a cycle)."""
    current = evaluation_window(day, months)
    return current and current[1] + timedelta(days=1)
