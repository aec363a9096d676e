# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The points system (积分制) of seed 000's workshop variant: which grade the
month's points place an employee in.

Seed 000 (售后服务人员技能等级考核管理办法): the after-sales staff are scored in
points every month, and their points place them in a skill grade (根据积分分值
归入相应技能等级).  The seed gives no threshold: each grade above the lowest
has the company's minimum points, rising up the ladder; the lowest grade
needs none (apprentices are outside the ladder: every score places an
employee of the ladder at its lowest grade at least).

A score places at the highest grade whose minimum it reaches (a minimum is
included).  The placement follows the score, so it may move more than one
grade in a month.  No Odoo import.
"""

from decimal import Decimal

STAY = "stay"
UP = "up"
DOWN = "down"


class PointsError(ValueError):
    """The minimums cannot place a score.

    ``missing``: the positions (1 = the second grade) without a minimum;
    ``not_rising``: the first position whose minimum is not above the one below.
    """

    def __init__(self, missing=(), not_rising=None):
        self.missing = tuple(missing)
        self.not_rising = not_rising
        super().__init__(
            f"missing minimums at {self.missing}"
            if self.missing
            else f"minimum at {not_rising} not above the one below"
        )


def _decimal(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def check_minimums(minimums):
    """Check the minimums of the grades above the lowest, in ladder order.

    ``None`` (or 0, an empty field) is a missing minimum; each minimum must be
    above the one below it.  Raises :class:`PointsError`.
    """
    missing = [i for i, value in enumerate(minimums, start=1) if not value]
    if missing:
        raise PointsError(missing=missing)
    values = [_decimal(value) for value in minimums]
    for position in range(1, len(values)):
        if values[position] <= values[position - 1]:
            raise PointsError(not_rising=position + 1)
    return values


def placement(score, minimums):
    """The position on the ladder (0 = the lowest grade) that ``score`` places at.

    ``minimums``: those of the grades above the lowest, in ladder order (see
    :func:`check_minimums`).  A negative score is refused (``ValueError``).
    """
    values = check_minimums(minimums)
    score = _decimal(score)
    if score < 0:
        raise ValueError("monthly points cannot be negative")
    position = 0
    for index, minimum in enumerate(values, start=1):
        if score >= minimum:
            position = index
    return position


def direction(current, placed):
    """``UP``, ``DOWN`` or ``STAY``: from the position held to the position placed at."""
    if placed > current:
        return UP
    if placed < current:
        return DOWN
    return STAY
