# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Weighted assessment scores.

An assessment form has criteria with weights (percent, totalling 100).  Each
criterion is rated on the form's scale: a level worth some points (优秀 100,
良好 80, 合格 60 ...) or points out of a maximum (0-100).  The form's score is
``Σ weight × points / max_points``: 0 to 100.  A form whose criteria all
count the same (the seed's 附表一 gives no weights) scores the mean of its
criteria: ``Σ points / (n × max_points) × 100``.
"""

from decimal import Decimal

from .proration import round_amount, to_decimal

HUNDRED = Decimal(100)

# The exam parts a grade may ask for (seed 000): theory, on-site practical
# and teaching (理论知识 + 现场实操 + 授课, the form of the grade evaluation),
# and the methods of its other variant: written test, interview, case
# analysis, simulated operation (笔试、面试、案例分析、模拟操作).
EXAM_PARTS = ("theory", "practical", "teaching", "written", "interview", "case", "simulation")
SEED_EXAM_PARTS = ("theory", "practical", "teaching")


class WeightError(ValueError):
    """The weights of a form do not total 100, or one is negative."""

    def __init__(self, total, negative=False):
        self.total = total
        self.negative = negative
        super().__init__(f"weights total {total}, negative: {negative}")


def check_weights(weights, tolerance=Decimal("0.01")):
    """Raise :class:`WeightError` unless the weights are >= 0 and total 100."""
    values = [to_decimal(w) for w in weights]
    total = sum(values, Decimal(0))
    if any(v < 0 for v in values):
        raise WeightError(total, negative=True)
    if abs(total - HUNDRED) > tolerance:
        raise WeightError(total)
    return total


def weighted_score(ratings, max_points=100, digits=2):
    """The score of a form from ``(weight, points)`` pairs, rounded half-up.

    Unrated criteria (points None) count as zero: a form is scored as it is.
    Points above the maximum are an error, as are negative points.
    """
    maximum = to_decimal(max_points)
    if maximum <= 0:
        raise ValueError("the maximum of a rating scale must be positive")
    score = Decimal(0)
    for weight, points in ratings:
        if points is None:
            continue
        value = to_decimal(points)
        if value < 0 or value > maximum:
            raise ValueError(f"points {value} outside 0..{maximum}")
        score += to_decimal(weight) * value / maximum
    return round_amount(score, digits)


def equal_weight_score(points, max_points=100, digits=2):
    """The score of a form whose criteria all count the same, rounded half-up.

    ``points`` holds one value per criterion (None when unrated, counted as
    zero, as :func:`weighted_score` does).  A form without criteria scores 0.
    """
    points = list(points)
    if not points:
        return round_amount(Decimal(0), digits)
    maximum = to_decimal(max_points)
    if maximum <= 0:
        raise ValueError("the maximum of a rating scale must be positive")
    total = Decimal(0)
    for value in points:
        if value is None:
            continue
        value = to_decimal(value)
        if value < 0 or value > maximum:
            raise ValueError(f"points {value} outside 0..{maximum}")
        total += value
    return round_amount(total * HUNDRED / (maximum * len(points)), digits)


def weighted_total(weights, scores, digits=2):
    """``Σ weight × score / 100`` over the parts of ``weights``, rounded half-up.

    ``weights`` maps each part to its percent of the total; ``scores`` maps a
    part to its score from 0 to 100 (a part without a score counts as zero).
    """
    total = Decimal(0)
    for part, weight in weights.items():
        value = scores.get(part)
        if value is None:
            continue
        value = to_decimal(value)
        if value < 0 or value > HUNDRED:
            raise ValueError(f"score {value} of {part} outside 0..100")
        total += to_decimal(weight) * value
    return round_amount(total / HUNDRED, digits)
