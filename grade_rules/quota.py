# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Ranking of a campaign's passed candidates against a quota (名额).

When a campaign limits how many engineers reach a target grade, the passed
candidates for that grade are ranked and only the first ``quota`` may be
promoted.  The order:

1. the higher final score first (scores compared rounded to the cent, so
   float noise never decides);
2. on equal final scores, the higher assessment-form score first (the
   committee's view of the day-to-day work outweighs the exams);
3. on equal scores again, the earlier filed request first (the lower
   ``filed`` key, e.g. the evaluation's database id).

The result is deterministic: the same candidates always get the same ranks,
whatever the order in which they are given.
"""

from dataclasses import dataclass

from .proration import round_amount, to_decimal


@dataclass(frozen=True)
class Candidate:
    key: object
    final_score: float
    assessment_score: float = 0.0
    filed: int = 0


@dataclass(frozen=True)
class Ranked:
    key: object
    rank: int
    within_quota: bool


def sort_key(candidate):
    return (
        -round_amount(to_decimal(candidate.final_score)),
        -round_amount(to_decimal(candidate.assessment_score)),
        candidate.filed,
    )


def rank_candidates(candidates, quota):
    """Rank ``candidates`` (1 = best); the first ``quota`` are within the quota.

    ``quota`` None means no limit: everybody is within.  A negative quota is
    refused.
    """
    if quota is not None and quota < 0:
        raise ValueError("a quota cannot be negative")
    ordered = sorted(candidates, key=sort_key)
    return [
        Ranked(candidate.key, index, quota is None or index <= quota)
        for index, candidate in enumerate(ordered, start=1)
    ]
