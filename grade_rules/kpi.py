# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""KPI sheet scoring (售后工程师绩效考核方案).

Each indicator has a scoring rule of one kind; an entry on a review gives
occurrences, an amount or a discretionary value, and the rule turns it into
a signed adjustment of the KPI score:

- ``deduct_item``: deduct N per occurrence, down to zero for the item
  (扣完为止): never more than the item's points;
- ``deduct_total``: deduct N per occurrence from the total, without limit;
- ``add``: add N per occurrence, optionally capped;
- ``proportional``: amount / unit × points (rounding ``none``, or ``down`` to
  whole units), optionally capped;
- ``discretionary``: a bonus or deduction the leader writes a comment for,
  at most the item's points either way (when it has points).

The KPI score of a review is its starting score plus every adjustment,
kept between 0 and 100.  Everything is exact (:mod:`decimal`).
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from .proration import round_amount, to_decimal

DEDUCT_ITEM = "deduct_item"
DEDUCT_TOTAL = "deduct_total"
ADD = "add"
PROPORTIONAL = "proportional"
DISCRETIONARY = "discretionary"
KINDS = (DEDUCT_ITEM, DEDUCT_TOTAL, ADD, PROPORTIONAL, DISCRETIONARY)
ZERO = Decimal(0)
# The most an entry records in one period: beyond, it is a typing error.
MAX_OCCURRENCES = 1000
MAX_AMOUNT = 1_000_000_000

# Codes of KpiError, worded for users by the models.
NEGATIVE = "negative"
COMMENT_REQUIRED = "comment_required"
NO_UNIT = "no_unit"
OUT_OF_RANGE = "out_of_range"
UNKNOWN_KIND = "unknown_kind"


class KpiError(ValueError):
    """An entry the rule cannot score; ``code`` says why."""

    def __init__(self, code):
        self.code = code
        super().__init__(code)


@dataclass(frozen=True)
class KpiRule:
    """The scoring rule of one indicator, as plain values."""

    kind: str
    points: object = 0  # the item's points (deduct_item, discretionary limit)
    per_occurrence: object = 0  # N of "N per occurrence"; points per unit
    cap: object = None  # most points an add or proportional item gives
    unit: object = None  # amount per step (proportional)
    rounding: str = "none"  # proportional: none, or down to whole units


def _non_negative(value):
    value = to_decimal(value or 0)
    if value < 0:
        raise KpiError(NEGATIVE)
    return value


def _capped(value, cap):
    if cap is None:
        return value
    cap = to_decimal(cap)
    return min(value, cap) if cap > 0 else value


def line_adjustment(rule, occurrences=0, amount=0, value=0, comment=""):
    """The signed points one entry adds to (or takes from) the KPI score."""
    if rule.kind == DEDUCT_ITEM:
        points = _non_negative(rule.points)
        deduction = _non_negative(rule.per_occurrence) * _non_negative(occurrences)
        return -min(deduction, points)
    if rule.kind == DEDUCT_TOTAL:
        return -(_non_negative(rule.per_occurrence) * _non_negative(occurrences))
    if rule.kind == ADD:
        gain = _non_negative(rule.per_occurrence) * _non_negative(occurrences)
        return _capped(gain, rule.cap)
    if rule.kind == PROPORTIONAL:
        unit = to_decimal(rule.unit or 0)
        if unit <= 0:
            raise KpiError(NO_UNIT)
        steps = _non_negative(amount) / unit
        if rule.rounding == "down":
            steps = steps.to_integral_value(rounding=ROUND_FLOOR)
        return _capped(steps * _non_negative(rule.per_occurrence), rule.cap)
    if rule.kind == DISCRETIONARY:
        value = to_decimal(value or 0)
        if value and not (comment or "").strip():
            raise KpiError(COMMENT_REQUIRED)
        limit = to_decimal(rule.points or 0)
        if limit > 0 and abs(value) > limit:
            raise KpiError(OUT_OF_RANGE)
        return value
    raise KpiError(UNKNOWN_KIND)


def kpi_score(adjustments, start=100, floor=0, ceiling=100, digits=2):
    """The KPI score: ``start`` plus the adjustments, kept in [floor, ceiling]."""
    total = to_decimal(start) + sum((to_decimal(a) for a in adjustments), ZERO)
    total = max(to_decimal(floor), min(to_decimal(ceiling), total))
    return total if digits is None else round_amount(total, digits)
