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
  at most the item's points either way (when it has points);
- ``bonus``: a bonus only, at the leader's discretion (酌情加分), with the
  leader's opinion (领导意见); no ceiling unless the item has points;
- ``target``: a service target (seed 000: 24 h, 48 h, 80 %, 2 suggestions,
  90 %, 85 %): the entry records what was measured and whether the target is
  met; it adds or takes no points (the seed gives none).

The KPI total of a review (seed 000) is the items' points (full marks, as
without deductions) plus every adjustment: bonuses are never lost, unless a
company sets a ceiling.  Everything is exact (:mod:`decimal`).
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from .proration import round_amount, to_decimal

DEDUCT_ITEM = "deduct_item"
DEDUCT_TOTAL = "deduct_total"
ADD = "add"
PROPORTIONAL = "proportional"
DISCRETIONARY = "discretionary"
BONUS = "bonus"
TARGET = "target"
KINDS = (DEDUCT_ITEM, DEDUCT_TOTAL, ADD, PROPORTIONAL, DISCRETIONARY, BONUS, TARGET)
# Kinds whose points are the item's full marks in the KPI total.
FULL_MARK_KINDS = (DEDUCT_ITEM,)
AT_LEAST = "at_least"
AT_MOST = "at_most"
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
NOT_SOURCED = "not_sourced"

# What a value computed from records fills on an entry, per kind of rule:
# occurrences are counted, amounts summed, targets measured.  The leader's
# discretionary points and bonuses are never computed.
SOURCED_FIELDS = {
    DEDUCT_ITEM: "occurrences",
    DEDUCT_TOTAL: "occurrences",
    ADD: "occurrences",
    PROPORTIONAL: "amount",
    TARGET: "measured",
}


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
    target: object = None  # target: the value to reach
    comparison: str = AT_LEAST  # target: at least or at most the value


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
    if rule.kind == BONUS:
        value = to_decimal(value or 0)
        if value < 0:
            raise KpiError(NEGATIVE)
        if value and not (comment or "").strip():
            raise KpiError(COMMENT_REQUIRED)
        limit = to_decimal(rule.points or 0)
        if limit > 0 and value > limit:
            raise KpiError(OUT_OF_RANGE)
        return value
    if rule.kind == TARGET:
        return ZERO
    raise KpiError(UNKNOWN_KIND)


def sourced_entry(kind, value):
    """``(field, value)``: what a value computed from records fills on an entry of ``kind``.

    Occurrences are whole and bounded (0 to :data:`MAX_OCCURRENCES`, rounded
    down); amounts are bounded (0 to :data:`MAX_AMOUNT`); a measured value
    is taken as it is.  Discretionary items and bonuses are never computed.
    """
    field = SOURCED_FIELDS.get(kind)
    if field is None:
        raise KpiError(NOT_SOURCED)
    value = to_decimal(value or 0)
    if field == "occurrences":
        whole = value.to_integral_value(rounding=ROUND_FLOOR)
        return field, int(min(max(whole, ZERO), Decimal(MAX_OCCURRENCES)))
    if field == "amount":
        return field, min(max(value, ZERO), Decimal(MAX_AMOUNT))
    return field, value


def target_met(rule, measured):
    """Whether a measured value meets a service target; None when nothing is measured."""
    if measured is None or measured is False or rule.target is None:
        return None
    measured, target = to_decimal(measured), to_decimal(rule.target)
    return measured <= target if rule.comparison == AT_MOST else measured >= target


def full_marks(rules):
    """The items' points as full marks: the points of the items deducted down to zero."""
    return sum(
        (to_decimal(rule.points or 0) for rule in rules if rule.kind in FULL_MARK_KINDS), ZERO
    )


def kpi_total(entries, start=None, ceiling=None, floor=0, digits=None):
    """The KPI total of seed 000 from ``(rule, adjustment)`` pairs.

    The items' points (:func:`full_marks`) plus every adjustment; a company
    may start from a fixed score instead (``start``, not the seed's).  No ceiling
    unless one is given (a company's setting; None or 0: none).  ``floor``:
    the total never goes below it (None: no floor).  ``digits`` None: exact.
    """
    entries = list(entries)
    base = full_marks(rule for rule, _adjustment in entries) if start is None else start
    total = to_decimal(base) + sum((to_decimal(adjustment) for _rule, adjustment in entries), ZERO)
    if ceiling:
        total = min(total, to_decimal(ceiling))
    if floor is not None:
        total = max(total, to_decimal(floor))
    return total if digits is None else round_amount(total, digits)
