# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Calibration of a campaign (公平、公正、公开): statistics and flags.

Before the committee signs a campaign's results, its candidates are looked
at per target grade and department:

* the mean of a department's scored candidates is compared with the pooled
  mean of the scored candidates of the *other* departments of the same
  target grade; a department whose mean sits *more than* the threshold above
  it is an outlier (its scores may be generous);
* the candidates passed for a target grade are compared with the company's
  guideline: at most ``quota`` passed (the campaign's quota of the grade)
  and at most ``max_rate`` percent of the grade's candidates passed.

Means and rates are compared rounded to the cent, so float noise never
raises a flag.  A threshold or a rate of 0 (or None) turns its check off.
"""

from dataclasses import dataclass
from decimal import Decimal

from .proration import round_amount, to_decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Group:
    """The scored candidates of one department for one target grade.

    ``total`` is the sum of their final scores, ``scored`` how many they are.
    """

    key: object
    scored: int = 0
    total: float = 0.0


@dataclass(frozen=True)
class Spread:
    key: object
    mean: Decimal | None
    others_mean: Decimal | None
    gap: Decimal | None
    outlier: bool


def mean(total, count):
    """The mean of ``count`` values totalling ``total``, to the cent; None for none."""
    if not count:
        return None
    return round_amount(to_decimal(total) / count)


def spreads(groups, threshold):
    """Each group's mean against the pooled mean of the other groups.

    ``groups`` are the departments of one target grade.  A group without a
    scored candidate has no mean and is never an outlier; nor is a group
    alone (no other department to compare with).  A group is an outlier
    when its mean exceeds the others' by more than ``threshold`` points.
    Returns ``{key: Spread}``.
    """
    threshold = to_decimal(threshold or 0)
    if threshold < 0:
        raise ValueError("an outlier threshold cannot be negative")
    groups = list(groups)
    if any(group.scored < 0 for group in groups):
        raise ValueError("a count of candidates cannot be negative")
    all_scored = sum(group.scored for group in groups)
    all_total = sum((to_decimal(group.total) for group in groups), Decimal(0))
    result = {}
    for group in groups:
        own = mean(group.total, group.scored)
        others = mean(all_total - to_decimal(group.total), all_scored - group.scored)
        gap = own - others if own is not None and others is not None else None
        result[group.key] = Spread(
            group.key,
            own,
            others,
            gap,
            bool(threshold and gap is not None and gap > threshold),
        )
    return result


def pass_rate(passed, candidates):
    """The percent of ``candidates`` passed, to the cent; None without candidates."""
    if passed < 0 or candidates < 0 or passed > candidates:
        raise ValueError("passed candidates are some of the candidates")
    if not candidates:
        return None
    return round_amount(to_decimal(passed) * HUNDRED / candidates)


def guideline_breach(passed, candidates, quota=None, max_rate=None):
    """Whether a target grade's results breach the guideline.

    More passed than the campaign's ``quota`` (None: no quota), or a pass
    rate above ``max_rate`` percent (0 or None: no maximum).
    """
    if quota is not None and quota < 0:
        raise ValueError("a quota cannot be negative")
    if quota is not None and passed > quota:
        return True
    rate = pass_rate(passed, candidates)
    return bool(max_rate and rate is not None and rate > round_amount(to_decimal(max_rate)))
