# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""What a finished periodic review changes in pay (seed 003, 第17条; seed 000 §3).

- 差: pay one level down (下调一级工资) from the next pay period, as a dated
  pay step: the grade title stays, the days of the step are paid at the grade
  one level below.  The seed gives no length: the step lasts until the next
  passed review, or a company's number of months (:func:`pay_step_end`).
- The lowest of a department: HR decides; unpaid stand-by training (待岗培训)
  lasts at least three days (:data:`STANDBY_MIN_DAYS`) and its days are not
  paid.
- Two consecutive failed monthly reviews (连续2次不合格, seed 000): one
  demotion proposal per run (:func:`demotion_runs`).

Payroll reads the days of steps and stand-by through :func:`overlay`.
"""

from datetime import timedelta

from .history import Segment
from .review import FAIL, POOR, consecutive_failures, month_index

ONE_DAY = timedelta(days=1)
STANDBY_MIN_DAYS = 3  # seed 003: 待岗时间至少为三天
UNPAID = None  # the value of an override whose days are not paid at all
# The bands whose result allows unpaid days, besides the lowest of the
# department: stand-by training for 差 (seed 003); unpaid leave (停薪留职,
# seed 000) as a penalty for poor results, 较差 and 差.
UNPAID_DAYS_BANDS = {"training": (FAIL,), "unpaid_leave": (POOR, FAIL)}


def next_period_start(day):
    """The first day of the pay period after ``day`` (monthly pay periods)."""
    if day.month == 12:
        return day.replace(year=day.year + 1, month=1, day=1)
    return day.replace(month=day.month + 1, day=1)


def add_months(day, months):
    """``day`` moved by whole ``months``, on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first_next = next_period_start(day.replace(year=year, month=month + 1, day=1))
    last = (first_next - ONE_DAY).day
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def pay_step_end(date_from, months):
    """The last day of a pay step of ``months`` from ``date_from``; None: open-ended.

    0 (the default) means the step lasts until the next passed review.
    """
    if months is None or months < 0:
        raise ValueError("a pay step lasts zero or more months")
    if not months:
        return None
    return add_months(date_from, months) - ONE_DAY


def passed_review_end(done_day):
    """The last day a running pay step is paid when a passed review finishes on ``done_day``.

    The pay comes back from the next pay period, as it went down.
    """
    return next_period_start(done_day) - ONE_DAY


def standby_too_short(working_days, minimum=STANDBY_MIN_DAYS):
    """Whether a stand-by of ``working_days`` is shorter than the seed's minimum."""
    return working_days < minimum


def demotion_runs(periods, count=2):
    """The runs of ``count`` consecutive failed monthly reviews: one proposal each.

    ``periods``: ``(first day of the period, failed)`` pairs of one employee's
    finished monthly reviews, in any order.  Returns the runs as tuples of
    month indexes (:func:`grade_rules.review.month_index`); four failures in a
    row make two runs, never three, and a single failure makes none.
    """
    return consecutive_failures([(month_index(day), failed) for day, failed in periods], count)


def overlay(segments, overrides):
    """The grade ``segments`` with the days of ``overrides`` paid at their value.

    ``segments`` are the grade history's :class:`Segment` (value = the grade
    held); ``overrides`` are :class:`Segment` whose value is the grade paid on
    their days instead, or :data:`UNPAID` for days paid nothing (those days
    are left out).  An override whose ``ref`` is set replaces only the days
    held at that grade (a pay step lowers the grade it was decided on, not a
    grade held later).  Overrides must not overlap one another; the days of
    an override outside every grade segment stay unpaid (no grade, no pay).
    Returns the new segments in date order; each keeps the ``ref`` of the
    segment it comes from.
    """
    result = []
    overrides = sorted(overrides, key=lambda o: o.date_from)
    for seg in sorted(segments, key=lambda s: s.date_from):
        pieces = [seg]
        for over in overrides:
            split = []
            for piece in pieces:
                split.extend(_cut(piece, over))
            pieces = split
        result.extend(pieces)
    return sorted(result, key=lambda s: s.date_from)


def _cut(piece, over):
    """``piece`` with the days of ``over`` replaced (or removed when unpaid)."""
    if over.ref is not None and piece.value != over.ref:
        return [piece]
    start = max(piece.date_from, over.date_from)
    ends = [end for end in (piece.date_to, over.date_to) if end is not None]
    end = min(ends) if ends else None
    if end is not None and start > end:
        return [piece]
    out = []
    if piece.date_from < start:
        out.append(Segment(piece.date_from, start - ONE_DAY, piece.value, piece.ref))
    if over.value is not UNPAID:
        out.append(Segment(start, end, over.value, piece.ref))
    if end is not None and (piece.date_to is None or end < piece.date_to):
        out.append(Segment(end + ONE_DAY, piece.date_to, piece.value, piece.ref))
    return out
