# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Grade history as a chain of date segments.

An employee's grade history is a list of segments ``[date_from, date_to]``
(both days included, ``date_to`` empty for "still running").  The chain must
have no gaps and no overlaps: each segment starts the day after the previous
one ends, and only the last one may be open.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

ONE_DAY = timedelta(days=1)

# Kinds of continuity problems, in the order they are checked.
INVERTED = "inverted"  # a segment ends before it starts
OPEN_NOT_LAST = "open_not_last"  # an open segment is followed by another
OVERLAP = "overlap"  # two segments share at least one day
GAP = "gap"  # days between two segments belong to none
NOT_AFTER_START = "not_after_start"  # a change would empty the running segment
AFTER_GAP = "after_gap"  # a change would leave days without a grade


@dataclass(frozen=True)
class Segment:
    """One line of a grade history; ``value`` is the grade, ``ref`` the line."""

    date_from: date
    date_to: date | None = None
    value: object = None
    ref: object = None

    def contains(self, day):
        return self.date_from <= day and (self.date_to is None or day <= self.date_to)


class ContinuityError(ValueError):
    """A history chain breaks the no-gap/no-overlap rule.

    ``kind`` is one of the module constants; ``first`` and ``second`` are the
    segments involved (``second`` may be None) so that callers can word the
    message for their users.
    """

    def __init__(self, kind, first, second=None):
        self.kind = kind
        self.first = first
        self.second = second
        super().__init__(f"{kind}: {first} / {second}")


def _sorted(segments):
    return sorted(segments, key=lambda s: (s.date_from, s.date_to or date.max))


def continuity_problems(segments):
    """Return every :class:`ContinuityError` of a chain, without raising."""
    problems = []
    chain = _sorted(segments)
    for seg in chain:
        if seg.date_to is not None and seg.date_to < seg.date_from:
            problems.append(ContinuityError(INVERTED, seg))
    for prev, nxt in pairwise(chain):
        if prev.date_to is None:
            problems.append(ContinuityError(OPEN_NOT_LAST, prev, nxt))
        elif nxt.date_from <= prev.date_to:
            problems.append(ContinuityError(OVERLAP, prev, nxt))
        elif nxt.date_from > prev.date_to + ONE_DAY:
            problems.append(ContinuityError(GAP, prev, nxt))
    return problems


def check_continuity(segments):
    """Raise the first :class:`ContinuityError` of a chain, if any."""
    problems = continuity_problems(segments)
    if problems:
        raise problems[0]


def segment_at(segments, day):
    """The segment that covers ``day``, or None."""
    for seg in segments:
        if seg.contains(day):
            return seg
    return None


def value_at(segments, day):
    """The grade (``value``) in force on ``day``, or None."""
    seg = segment_at(segments, day)
    return seg.value if seg else None


def plan_change(segments, day):
    """Plan a new open segment starting on ``day`` at the end of a chain.

    Returns ``(segment_to_close, new_date_to)``: the running segment that must
    end the day before (None when there is nothing to close) and the end date
    of the new segment (None: open; it is the closed chain's end when the
    change falls inside the last, already closed, segment).

    Raises :class:`ContinuityError` when the change cannot keep the chain
    continuous: ``day`` on or before the start of the last segment, or after
    a gap following a closed chain.
    """
    if not segments:
        return None, None
    last = _sorted(segments)[-1]
    if day <= last.date_from:
        raise ContinuityError(NOT_AFTER_START, last)
    if last.date_to is None:
        return last, None
    if day <= last.date_to:
        return last, last.date_to
    if day == last.date_to + ONE_DAY:
        return None, None
    raise ContinuityError(AFTER_GAP, last)


def full_months_between(start, end):
    """Whole calendar months from ``start`` to ``end`` (0 when end < start).

    A month counts once the same day of the month is reached again; from
    31 January, the month is complete on the last day of February.
    """
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day and not _is_last_day(end):
        months -= 1
    return max(months, 0)


def _is_last_day(day):
    return (day + ONE_DAY).month != day.month


def months_in_value(segments, day):
    """Whole months the value in force on ``day`` has been held without a break.

    Adjacent segments with the same value (a correction that kept the grade)
    count as one stretch.  Returns 0 when nothing is in force on ``day``.
    """
    chain = [s for s in _sorted(segments) if s.date_from <= day]
    current = segment_at(chain, day)
    if current is None:
        return 0
    start = current.date_from
    for prev in reversed(chain[: chain.index(current)]):
        if prev.value != current.value or prev.date_to != start - ONE_DAY:
            break
        start = prev.date_from
    return full_months_between(start, day)


# Where a history line comes from.
EVALUATION = "evaluation"  # decided by an evaluation
LOADING = "loading"  # an existing grade loaded by hand (Set Grade, at go-live)
CORRECTION = "correction"  # a correction by hand (Set Grade)


def record_source(manual, change_type):
    """Where a history line comes from, from its ``manual`` mark and change type.

    A line not set by hand was decided by an evaluation.  Set Grade records a
    correction as such; anything else it records (an initial grade, or a
    promotion held before the company started with the addon) is an existing
    grade loaded.
    """
    if not manual:
        return EVALUATION
    if change_type == "correction":
        return CORRECTION
    return LOADING
