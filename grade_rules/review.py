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

Bands: 优 ≥ 90, 良 80–<90, 中 70–<80, 较差 60–<70, 差 < 60 by default,
taken on the exact score (no rounding before the comparison).

A review has parts (KPI sheet, results form, 360° ability), each with a
weight.  A part that weighs and has no score is missing: it never counts as
0.  A part HR takes out weighs nothing, and its weight is shared out over the
remaining parts in proportion to their weights (:func:`applied_weights`).
"""

from decimal import Decimal

from .proration import round_amount, to_decimal

SUPERIOR = "superior"
PEERS = "peers"
SUBORDINATES = "subordinates"
GROUPS = (SUPERIOR, PEERS, SUBORDINATES)
SELF = "self"  # self-assessment (seed 000: 自己、上级、合作者), its own weight

# Whom the review of each role proposes (seed 003, 第5条): the department head
# by their own superior and their direct subordinates; staff by the department
# head (their direct superior) with the colleagues of the same level and group.
HEAD = "head"
STAFF = "staff"
PROPOSED_GROUPS = {HEAD: (SUPERIOR, SUBORDINATES), STAFF: (SUPERIOR, PEERS)}
HUNDRED = Decimal(100)
ZERO = Decimal(0)

EXCELLENT = "excellent"  # 优
GOOD = "good"  # 良
AVERAGE = "average"  # 中
POOR = "poor"  # 较差
FAIL = "fail"  # 差
BANDS = (EXCELLENT, GOOD, AVERAGE, POOR, FAIL)
DEFAULT_THRESHOLDS = {EXCELLENT: 90, GOOD: 80, AVERAGE: 70, POOR: 60}
# The parts of a review.
KPI = "kpi"  # the KPI sheet (seed 000)
RESULTS = "results"  # 《工作业绩评估表》 scored by the superior (seed 003)
ABILITY = "ability"  # 《综合能力评估表》 360°: 综合考核分 (seed 003)
PARTS = (KPI, RESULTS, ABILITY)
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


class MissingPart(ValueError):
    """Parts that weigh and have no score: a review is not scored without them."""

    def __init__(self, parts):
        self.parts = tuple(parts)
        super().__init__(f"missing parts: {', '.join(map(str, self.parts)) or 'every part is out'}")


def applied_weights(weights, excluded=()):
    """The weights (percent) the parts of a review count with.

    ``weights`` maps each part to its configured weight; the parts in
    ``excluded`` (taken out by HR) weigh 0 and the parts that still weigh
    share their weight out in proportion, so the weights still total 100.
    Without any part that weighs, every part weighs 0.
    """
    configured = {part: to_decimal(weight or 0) for part, weight in weights.items()}
    if any(value < 0 for value in configured.values()):
        raise ValueError("weights cannot be negative")
    kept = {p: w for p, w in configured.items() if p not in excluded and w > 0}
    total = sum(kept.values(), ZERO)
    if total <= 0:
        return {part: ZERO for part in configured}
    return {part: kept[part] * HUNDRED / total if part in kept else ZERO for part in configured}


def missing_parts(weights, scores):
    """The parts that weigh (weight > 0) and have no score (None)."""
    return [part for part, weight in weights.items() if weight > 0 and scores.get(part) is None]


def composite(weights, scores):
    """Σ weight × score / 100 over the parts that weigh: exact, never rounded.

    ``weights`` as :func:`applied_weights` gives them; ``scores`` maps parts
    to scores or None.  Raises :class:`MissingPart` when a part that weighs has
    no score, or when no part weighs at all.
    """
    missing = missing_parts(weights, scores)
    if missing or not any(to_decimal(weight) > 0 for weight in weights.values()):
        raise MissingPart(missing)
    return (
        sum(
            (to_decimal(w) * to_decimal(scores[p]) for p, w in weights.items() if w > 0),
            ZERO,
        )
        / HUNDRED
    )


def with_self_assessment(score, self_score, self_weight):
    """The 360 score with the self-assessment weighing ``self_weight`` percent.

    The reviewers' score weighs the rest.  Without a self-assessment weight
    (the default, 0) the score is unchanged; without a reviewers' score there
    is none.
    """
    self_weight = to_decimal(self_weight or 0)
    if score is None or self_weight <= 0:
        return score
    if self_score is None:
        return None
    if self_weight > HUNDRED:
        raise ValueError("the self-assessment weighs at most 100 %")
    return (
        to_decimal(score) * (HUNDRED - self_weight) + to_decimal(self_score) * self_weight
    ) / HUNDRED


def score_360(scores_by_group, weights, single_superior=None, digits=2):
    """The 360 score (综合考核分) from ``{group: [reviewer scores]}``; None without reviewers.

    ``digits`` None: the exact value, as the bands take it.
    """
    means = {group: mean(scores_by_group.get(group) or []) for group in GROUPS}
    present = {group for group, value in means.items() if value is not None}
    applied = group_weights(weights, present, single_superior)
    if not applied:
        return None
    total = sum((applied[group] * means[group] for group in applied), ZERO) / HUNDRED
    return total if digits is None else round_amount(total, digits)


def check_thresholds(thresholds):
    """Band thresholds must go down strictly from 优 to 较差, within 0..100."""
    values = [to_decimal(thresholds[band]) for band in BANDS[:-1]]
    if any(v < 0 or v > HUNDRED for v in values):
        return False
    return all(high > low for high, low in zip(values, values[1:], strict=False))


def band(score, thresholds=None):
    """The band of ``score``: a score at a threshold is in the higher band.

    Give the exact score: 89.995 is 良, not 优.
    """
    thresholds = thresholds or DEFAULT_THRESHOLDS
    score = to_decimal(score)
    for name in BANDS[:-1]:
        if score >= to_decimal(thresholds[name]):
            return name
    return FAIL


def weighted_total(parts, digits=2):
    """Σ weight × score / 100 over ``(weight, score)`` pairs, rounded for display.

    A part that weighs without a score raises :class:`MissingPart` (by its
    index): a missing part never counts as 0.
    """
    weights = {index: weight for index, (weight, _score) in enumerate(parts)}
    scores = {index: score for index, (_weight, score) in enumerate(parts)}
    total = composite({i: to_decimal(w or 0) for i, w in weights.items()}, scores)
    return total if digits is None else round_amount(total, digits)


def yearly_result(scores, digits=2):
    """The arithmetic mean of the quarters (periods) of a year; None without any.

    ``digits`` None: the exact mean, as the bands take it.
    """
    value = mean(scores)
    if value is None or digits is None:
        return value
    return round_amount(value, digits)


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
