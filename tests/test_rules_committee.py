# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Committee rules: excusing members, combining their scores (no Odoo needed)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import committee
from .rules_case import RuleCase

scores = st.lists(
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False), min_size=1, max_size=12
)


class TestExcuse(RuleCase):
    def test_candidate_superior_and_team_are_excused(self):
        self.assertEqual(
            committee.excuse_reason(1, 1, superiors=[2], team=[3]), committee.CANDIDATE
        )
        self.assertEqual(committee.excuse_reason(2, 1, superiors=[2], team=[3]), committee.SUPERIOR)
        self.assertEqual(committee.excuse_reason(3, 1, superiors=[2], team=[3]), committee.TEAM)
        self.assertIsNone(committee.excuse_reason(4, 1, superiors=[2], team=[3]))


class TestCombine(RuleCase):
    def test_mean_median_and_trimmed_mean(self):
        marks = [70, 80, 95]
        self.assertEqual(committee.combine(marks, committee.MEAN), Decimal("81.67"))
        self.assertEqual(committee.combine(marks, committee.MEDIAN), Decimal("80.00"))
        self.assertEqual(committee.combine([70, 80, 90, 100], committee.MEDIAN), Decimal("85.00"))
        # The highest and the lowest are left out...
        self.assertEqual(
            committee.combine([10, 80, 82, 100], committee.TRIMMED_MEAN), Decimal("81.00")
        )
        # ... only when three scores or more remain something to trim.
        self.assertEqual(committee.combine([60, 90], committee.TRIMMED_MEAN), Decimal("75.00"))
        # Three scores are enough: the middle one is left, whatever the members' order.
        self.assertEqual(committee.combine([95, 70, 80], committee.TRIMMED_MEAN), Decimal("80.00"))
        self.assertEqual(
            committee.combine([100, 10, 82, 80], committee.TRIMMED_MEAN), Decimal("81.00")
        )

    def test_no_score_and_unknown_rule(self):
        self.assertIsNone(committee.combine([], committee.MEAN))
        with self.assertRaises(ValueError):
            committee.combine([50], "mode")

    @given(scores, st.sampled_from(committee.RULES))
    def test_combined_score_lies_between_the_extremes(self, marks, rule):
        combined = committee.combine(marks, rule)
        self.assertLessEqual(min(marks), combined)
        self.assertLessEqual(combined, max(marks))

    @given(scores, st.sampled_from(committee.RULES))
    def test_order_of_the_members_does_not_matter(self, marks, rule):
        self.assertEqual(
            committee.combine(marks, rule), committee.combine(list(reversed(marks)), rule)
        )

    @given(st.decimals(min_value=0, max_value=100, places=2), st.integers(1, 9))
    def test_unanimous_members_give_their_score(self, mark, count):
        for rule in committee.RULES:
            self.assertEqual(committee.combine([mark] * count, rule), mark)


class TestAgainstScore(RuleCase):
    def test_the_scores_say_pass_at_the_mark(self):
        self.assertEqual(committee.score_result(60, 60), committee.PASSED)
        self.assertEqual(committee.score_result(Decimal("59.99"), 60), committee.FAILED)
        # A calibrated result is what the scores say from then on.
        self.assertEqual(committee.score_result(40, 60, "passed"), committee.PASSED)

    def test_a_decision_against_the_scores(self):
        self.assertTrue(committee.against_score("passed", 52, 60))
        self.assertTrue(committee.against_score("failed", 75, 60))
        self.assertFalse(committee.against_score("passed", 75, 60))
        self.assertFalse(committee.against_score("passed", 40, 60, "passed"))
