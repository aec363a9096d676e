# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Periodic performance reviews (seed 003): 360 weighting, bands, results.

360 weights: superior 40 %, peers 30 %, subordinates 30 % by default.  When
peers or subordinates are missing the superior weighs 60 % and the remaining
group 40 %; with neither, the superior weighs 100 %.  The rule takes any
weights: the superior's weight with a single other group is configurable
(``single_superior``); without it the missing weight is shared in proportion
to the weights of the groups that remain.  Each group's score is the mean of
its reviewers' scores.

Bands: 优 ≥ 90, 良 80–<90, 中 70–<80, 较差 60–<70, 差 < 60 by default.
"""

from decimal import Decimal

from .proration import round_amount, to_decimal

SUPERIOR = "superior"
PEERS = "peers"
SUBORDINATES = "subordinates"
GROUPS = (SUPERIOR, PEERS, SUBORDINATES)
HUNDRED = Decimal(100)
ZERO = Decimal(0)

EXCELLENT = "excellent"  # 优
GOOD = "good"  # 良
AVERAGE = "average"  # 中
POOR = "poor"  # 较差
FAIL = "fail"  # 差
BANDS = (EXCELLENT, GOOD, AVERAGE, POOR, FAIL)
DEFAULT_THRESHOLDS = {EXCELLENT: 90, GOOD: 80, AVERAGE: 70, POOR: 60}
# Bands that get no pay raise this cycle (差, FAIL, also loses a level).
NO_RAISE_BANDS = (AVERAGE, POOR, FAIL)


def group_weights(weights, present, single_superior=None):
    """The weights (percent, totalling 100) of the groups ``present``.

    ``weights`` maps the three groups to their configured weights;
    ``present`` names the groups that have at least one reviewer.
    """
    present = [group for group in GROUPS if group in present]
    if not present:
        return {}
    configured = {group: to_decimal(weights.get(group) or 0) for group in GROUPS}
    if any(value < 0 for value in configured.values()):
        raise ValueError("360 weights cannot be negative")
    if len(present) == len(GROUPS):
        return {group: configured[group] for group in GROUPS}
    if present == [SUPERIOR]:
        return {SUPERIOR: HUNDRED}
    if SUPERIOR in present and single_superior is not None:
        superior = to_decimal(single_superior)
        if not ZERO <= superior <= HUNDRED:
            raise ValueError("the superior's weight goes from 0 to 100")
        other = next(group for group in present if group != SUPERIOR)
        return {SUPERIOR: superior, other: HUNDRED - superior}
    total = sum((configured[group] for group in present), ZERO)
    if total <= 0:
        share = HUNDRED / len(present)
        return {group: share for group in present}
    return {group: configured[group] * HUNDRED / total for group in present}


def mean(values):
    values = [to_decimal(v) for v in values]
    if not values:
        return None
    return sum(values, ZERO) / len(values)


def score_360(scores_by_group, weights, single_superior=None, digits=2):
    """The 360 score from ``{group: [reviewer scores]}``; None without reviewers."""
    means = {group: mean(scores_by_group.get(group) or []) for group in GROUPS}
    present = {group for group, value in means.items() if value is not None}
    applied = group_weights(weights, present, single_superior)
    if not applied:
        return None
    total = sum((applied[group] * means[group] for group in applied), ZERO) / HUNDRED
    return round_amount(total, digits)


def check_thresholds(thresholds):
    """Band thresholds must go down strictly from 优 to 较差, within 0..100."""
    values = [to_decimal(thresholds[band]) for band in BANDS[:-1]]
    if any(v < 0 or v > HUNDRED for v in values):
        return False
    return all(high > low for high, low in zip(values, values[1:], strict=False))


def band(score, thresholds=None):
    """The band of ``score``: a score at a threshold is in the higher band."""
    thresholds = thresholds or DEFAULT_THRESHOLDS
    score = to_decimal(score)
    for name in BANDS[:-1]:
        if score >= to_decimal(thresholds[name]):
            return name
    return FAIL


def weighted_total(parts, digits=2):
    """Σ weight × score / 100 over ``(weight, score)`` pairs (None scores as 0)."""
    total = sum((to_decimal(weight) * to_decimal(score or 0) for weight, score in parts), ZERO)
    return round_amount(total / HUNDRED, digits)


def yearly_result(scores, digits=2):
    """The arithmetic mean of the period results of a year; None without any."""
    value = mean(scores)
    return None if value is None else round_amount(value, digits)


def month_index(day):
    """A month as one integer, so that consecutive months differ by one."""
    return day.year * 12 + day.month - 1


def consecutive_failures(periods, count=2):
    """Runs of ``count`` failed reviews in consecutive months.

    ``periods``: ``(month index, failed)`` pairs in any order.  Returns the
    runs as tuples of month indexes, without overlap: four failures in a row
    make two runs of two, not three.
    """
    failed = sorted({month for month, is_failed in periods if is_failed})
    runs, current = [], []
    for month in failed:
        if current and month != current[-1] + 1:
            current = []
        current.append(month)
        if len(current) == count:
            runs.append(tuple(current))
            current = []
    return runs
