# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Who may be promoted or demoted, and why not.

Grades are positions on a ladder (0 = lowest).  Promotion goes strictly one
grade up (逐级晋升) and demotion one grade down.  A promotion also needs the
target grade's minimum months in the current grade and minimum years of
experience and, when the grade asks for it and periodic results exist, a
minimum mean of the most recent results.  Each unmet condition is returned
as a :class:`Problem` that the caller words for its users.
"""

from dataclasses import dataclass

NOT_GRADED = "not_graded"
NOT_ONE_UP = "not_one_up"
NOT_ONE_DOWN = "not_one_down"
MONTHS_IN_GRADE = "months_in_grade"
EXPERIENCE = "experience"
RECENT_RESULTS = "recent_results"
ALREADY_GRADED = "already_graded"
NO_RAISE = "no_raise"  # seed 003: 中 and 较差 get no raise this cycle
TOP_OF_LADDER = "top_of_ladder"
NOT_SAME_GRADE = "not_same_grade"  # a recertification renews the grade held
# What no override lifts: the ladder is climbed one grade at a time, an
# initial grading is for employees without a grade, and a no-raise cycle ends
# only by an exception HR records on its review (general raise, post gaps).
STRUCTURAL = frozenset(
    {
        NOT_GRADED,
        NOT_ONE_UP,
        NOT_ONE_DOWN,
        ALREADY_GRADED,
        NO_RAISE,
        TOP_OF_LADDER,
        NOT_SAME_GRADE,
    }
)


@dataclass(frozen=True)
class Problem:
    code: str
    required: object = None
    actual: object = None


def promotion_problems(
    current_rank,
    target_rank,
    months_in_grade,
    required_months,
    experience_years,
    required_years,
    recent_results=(),
    required_result=0,
    no_raise_reviews=(),
):
    """Unmet conditions of a promotion from ``current_rank`` to ``target_rank``.

    ``recent_results`` are the final scores of the most recent finished
    periodic reviews; their mean must reach ``required_result`` when there
    are some (no review yet is no reason to refuse).  ``no_raise_reviews``
    name the reviews of the cycle in 中, 较差 or 差 without an exception: no
    raise, hence no promotion, this cycle (seed 003).  ``target_rank`` None:
    there is no grade above the current one.
    """
    if current_rank is None:
        return [Problem(NOT_GRADED)]
    if target_rank is None:
        return [Problem(TOP_OF_LADDER)]
    problems = []
    if target_rank != current_rank + 1:
        problems.append(Problem(NOT_ONE_UP, current_rank + 1, target_rank))
    if months_in_grade < (required_months or 0):
        problems.append(Problem(MONTHS_IN_GRADE, required_months, months_in_grade))
    if experience_years < (required_years or 0):
        problems.append(Problem(EXPERIENCE, required_years, experience_years))
    mean = recent_mean(recent_results)
    if required_result and mean is not None and mean < required_result:
        problems.append(Problem(RECENT_RESULTS, required_result, mean))
    if no_raise_reviews:
        problems.append(Problem(NO_RAISE, None, tuple(no_raise_reviews)))
    return problems


def recent_mean(results):
    """The mean of recent results to the hundredth, or None without results."""
    results = list(results)
    if not results:
        return None
    return round(sum(results) / len(results), 2)


def demotion_problems(current_rank, target_rank):
    """Unmet conditions of a demotion: strictly one grade down."""
    if current_rank is None:
        return [Problem(NOT_GRADED)]
    if target_rank != current_rank - 1:
        return [Problem(NOT_ONE_DOWN, current_rank - 1, target_rank)]
    return []


def recertification_problems(current_rank, target_rank):
    """Unmet conditions of a recertification: it renews the grade held."""
    if current_rank is None:
        return [Problem(NOT_GRADED)]
    if target_rank != current_rank:
        return [Problem(NOT_SAME_GRADE, current_rank, target_rank)]
    return []


def initial_problems(graded):
    """Unmet conditions of an initial grading: the employee has no grade yet."""
    return [Problem(ALREADY_GRADED)] if graded else []


def full_years(months):
    """Whole years in a number of whole months."""
    return months // 12
