# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Monthly grade pay prorated over a pay period.

Grade wages and allowances are monthly rates.  For each calendar month the
pay period touches, each grade segment in force is paid
``rate × days in the segment / days in the month``, where "days" are calendar
days by default or worked days when the company counts those.  A month fully
covered by one grade therefore pays exactly its rate.  Parts are kept exact
(:mod:`decimal`); the total of a component is rounded half-up to the
currency's precision once, so that splitting a period never loses a cent.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .history import Segment

ONE_DAY = timedelta(days=1)
COMPONENTS = ("base_wage", "post_wage", "allowance")


def calendar_days(start, end):
    """Days from ``start`` to ``end``, both included."""
    return (end - start).days + 1


def to_decimal(value):
    """A float or string amount as an exact Decimal (floats through their repr)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_amount(value, digits=2):
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PayPart:
    """What one grade segment earns in one month of the period."""

    date_from: date
    date_to: date
    value: object  # the grade
    days: object  # days counted in the part (int, or float for worked days)
    month_days: object  # days counted in the whole month
    amounts: dict = field(default_factory=dict)  # component -> exact Decimal

    def rounded(self, component, digits=2):
        return round_amount(self.amounts[component], digits)


def months_between(start, end):
    """The (first day, last day) of each calendar month from ``start`` to ``end``."""
    month = date(start.year, start.month, 1)
    while month <= end:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        yield month, following - ONE_DAY
        month = following


def table_chain(starts, period_start, period_end):
    """The salary tables in force from ``period_start`` to ``period_end``.

    ``starts`` are ``(date_from, table)`` pairs of the dated tables of one
    company (any order): a table is in force from its date until the day
    before the next table's date.  Returns :class:`Segment` values (the table
    in ``value``), in date order, limited to the period; days before the
    first table have no table and no segment.
    """
    ordered = sorted(starts, key=lambda start: start[0])
    chain = []
    for index, (start, table) in enumerate(ordered):
        following = ordered[index + 1][0] if index + 1 < len(ordered) else None
        end = following - ONE_DAY if following else None
        lo = max(start, period_start)
        hi = period_end if end is None else min(end, period_end)
        if lo <= hi:
            chain.append(Segment(lo, hi, table))
    return chain


def split_by_table(segments, tables):
    """Cross grade segments with the table segments of the same days.

    Returns :class:`Segment` values whose ``value`` is ``(grade, table)``:
    the grade held and the table in force on each of their days, so that a
    table change inside a grade segment splits it exactly like a grade
    change.  Days without a table are left out (nothing is paid for them).
    """
    crossed = []
    for seg in sorted(segments, key=lambda s: s.date_from):
        for tab in tables:
            start = max(seg.date_from, tab.date_from)
            ends = [end for end in (seg.date_to, tab.date_to) if end is not None]
            end = min(ends) if ends else None
            if end is None or start <= end:
                crossed.append(Segment(start, end, (seg.value, tab.value), seg.ref))
    return crossed


def prorate(segments, period_start, period_end, rates, count_days=calendar_days):
    """Split the grade pay of a period into parts.

    ``segments`` are :class:`grade_rules.history.Segment` (any order);
    ``rates`` maps a segment's ``value`` to ``{component: monthly rate}``;
    ``count_days(start, end)`` counts the days of a span (calendar days by
    default).  Returns the list of :class:`PayPart`, in date order, without
    parts where no day counts.
    """
    if period_end < period_start:
        return []
    parts = []
    chain = sorted(segments, key=lambda s: s.date_from)
    for month_start, month_end in months_between(period_start, period_end):
        lo, hi = max(period_start, month_start), min(period_end, month_end)
        month_days = None
        for seg in chain:
            start = max(lo, seg.date_from)
            end = hi if seg.date_to is None else min(hi, seg.date_to)
            if start > end:
                continue
            if month_days is None:
                month_days = count_days(month_start, month_end)
            days = count_days(start, end)
            if not days or not month_days:
                continue
            share = to_decimal(days) / to_decimal(month_days)
            amounts = {name: to_decimal(rate) * share for name, rate in rates[seg.value].items()}
            parts.append(PayPart(start, end, seg.value, days, month_days, amounts))
    return parts


def total(parts, component, digits=2):
    """One component over all parts, rounded once to ``digits``."""
    exact = sum((p.amounts.get(component, Decimal(0)) for p in parts), Decimal(0))
    return round_amount(exact, digits)
