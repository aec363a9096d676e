# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The evaluation committee: who scores a candidate, and how scores combine.

公平、公正、公开: a member who is the candidate, the candidate's direct
superior or one of the candidate's team does not score that candidate; the
scores of the members who did are combined by the committee's rule.
"""

from decimal import Decimal
from statistics import median

from .proration import round_amount, to_decimal

CANDIDATE = "candidate"
SUPERIOR = "superior"
TEAM = "team"

MEAN = "mean"
MEDIAN = "median"
TRIMMED_MEAN = "trimmed_mean"
RULES = (MEAN, MEDIAN, TRIMMED_MEAN)


def excuse_reason(member, candidate, superiors=(), team=()):
    """Why ``member`` may not score ``candidate``, or None when they may.

    All arguments are ids of people (users): ``superiors`` are the
    candidate's direct superiors, ``team`` the people of the candidate's
    team (same superior, or reporting to the candidate).
    """
    if member == candidate:
        return CANDIDATE
    if member in set(superiors):
        return SUPERIOR
    if member in set(team):
        return TEAM
    return None


def combine(scores, rule=MEAN):
    """The committee's score from its members' scores, to the cent.

    ``mean``: the arithmetic mean; ``median``: the middle score (mean of
    the two middle ones); ``trimmed_mean``: the mean without the highest
    and the lowest score, when there are at least three (else the mean).
    No score gives None: nothing to combine.
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}")
    values = sorted(to_decimal(score) for score in scores)
    if not values:
        return None
    if rule == MEDIAN:
        return round_amount(median(values))
    if rule == TRIMMED_MEAN and len(values) >= 3:
        values = values[1:-1]
    return round_amount(sum(values, Decimal(0)) / len(values))


PASSED = "passed"
FAILED = "failed"


def score_result(final_score, pass_mark, calibrated_result=None):
    """What the scores say: ``passed`` at or above the pass mark, else ``failed``.

    A result the committee calibrated (with its reason on record) is what
    the scores say from then on.
    """
    if calibrated_result:
        return calibrated_result
    return PASSED if to_decimal(final_score) >= to_decimal(pass_mark) else FAILED


def against_score(decision, final_score, pass_mark, calibrated_result=None):
    """Whether the chair's ``decision`` departs from what the scores say.

    The committee decides (seed 000): it may pass a candidate under the
    pass mark or fail one above it, but only with a written reason.
    """
    return decision != score_result(final_score, pass_mark, calibrated_result)
