# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Committee rules: excusing members, combining their scores (no Odoo needed)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grade_rules import committee

scores = st.lists(
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False), min_size=1, max_size=12
)


def test_candidate_superior_and_team_are_excused():
    assert committee.excuse_reason(1, 1, superiors=[2], team=[3]) == committee.CANDIDATE
    assert committee.excuse_reason(2, 1, superiors=[2], team=[3]) == committee.SUPERIOR
    assert committee.excuse_reason(3, 1, superiors=[2], team=[3]) == committee.TEAM
    assert committee.excuse_reason(4, 1, superiors=[2], team=[3]) is None


def test_mean_median_and_trimmed_mean():
    marks = [70, 80, 95]
    assert committee.combine(marks, committee.MEAN) == Decimal("81.67")
    assert committee.combine(marks, committee.MEDIAN) == Decimal("80.00")
    assert committee.combine([70, 80, 90, 100], committee.MEDIAN) == Decimal("85.00")
    # The highest and the lowest are left out...
    assert committee.combine([10, 80, 82, 100], committee.TRIMMED_MEAN) == Decimal("81.00")
    # ... only when three scores or more remain something to trim.
    assert committee.combine([60, 90], committee.TRIMMED_MEAN) == Decimal("75.00")


def test_no_score_and_unknown_rule():
    assert committee.combine([], committee.MEAN) is None
    with pytest.raises(ValueError):
        committee.combine([50], "mode")


@given(scores, st.sampled_from(committee.RULES))
def test_combined_score_lies_between_the_extremes(marks, rule):
    combined = committee.combine(marks, rule)
    assert min(marks) <= combined <= max(marks)


@given(scores, st.sampled_from(committee.RULES))
def test_order_of_the_members_does_not_matter(marks, rule):
    assert committee.combine(marks, rule) == committee.combine(list(reversed(marks)), rule)


@given(st.decimals(min_value=0, max_value=100, places=2), st.integers(1, 9))
def test_unanimous_members_give_their_score(mark, count):
    for rule in committee.RULES:
        assert committee.combine([mark] * count, rule) == mark
