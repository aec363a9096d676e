# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of promotion and demotion eligibility (no Odoo needed)."""

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import eligibility as e
from .rules_case import RuleCase


def codes(problems):
    return [p.code for p in problems]


class TestPromotion(RuleCase):
    def test_eligible_promotion(self):
        self.assertEqual(e.promotion_problems(1, 2, 12, 12, 3, 2), [])

    def test_promotion_must_be_one_grade_up(self):
        self.assertEqual(codes(e.promotion_problems(1, 3, 24, 12, 10, 2)), [e.NOT_ONE_UP])
        self.assertEqual(codes(e.promotion_problems(1, 1, 24, 12, 10, 2)), [e.NOT_ONE_UP])
        self.assertEqual(codes(e.promotion_problems(1, 0, 24, 12, 10, 2)), [e.NOT_ONE_UP])

    def test_top_of_the_ladder_is_its_own_problem(self):
        self.assertEqual(codes(e.promotion_problems(4, None, 99, 0, 99, 0)), [e.TOP_OF_LADDER])
        self.assertIn(e.TOP_OF_LADDER, e.STRUCTURAL)
        self.assertEqual(codes(e.promotion_problems(None, None, 0, 0, 0, 0)), [e.NOT_GRADED])

    def test_promotion_conditions_report_required_and_actual(self):
        problems = e.promotion_problems(3, 4, 23, 24, 4, 5)
        self.assertEqual(
            problems,
            [
                e.Problem(e.MONTHS_IN_GRADE, 24, 23),
                e.Problem(e.EXPERIENCE, 5, 4),
            ],
        )

    @given(
        st.integers(0, 10),
        st.integers(0, 11),
        st.integers(0, 120),
        st.integers(0, 60),
        st.integers(0, 40),
        st.integers(0, 20),
    )
    def test_property_eligible_iff_every_condition_holds(
        self, cur, tgt, months, req_m, years, req_y
    ):
        eligible = e.promotion_problems(cur, tgt, months, req_m, years, req_y) == []
        self.assertEqual(eligible, tgt == cur + 1 and months >= req_m and years >= req_y)


class TestUngradedAndDemotion(RuleCase):
    def test_ungraded_employee_cannot_be_promoted_or_demoted(self):
        self.assertEqual(codes(e.promotion_problems(None, 0, 0, 0, 0, 0)), [e.NOT_GRADED])
        self.assertEqual(codes(e.demotion_problems(None, 0)), [e.NOT_GRADED])

    def test_demotion_one_grade_down(self):
        for target, ok in [(1, True), (0, False), (2, False), (3, False)]:
            with self.subTest(target=target, ok=ok):
                self.assertIs(e.demotion_problems(2, target) == [], ok)


class TestRecentResults(RuleCase):
    def test_recent_results_must_reach_the_grade_mark(self):
        problems = e.promotion_problems(1, 2, 24, 12, 5, 2, [82, 76], 80)
        self.assertEqual(
            [(p.code, p.required, p.actual) for p in problems], [(e.RECENT_RESULTS, 80, 79.0)]
        )
        self.assertFalse(e.promotion_problems(1, 2, 24, 12, 5, 2, [82, 78], 80))

    def test_no_review_yet_or_no_mark_is_no_reason_to_refuse(self):
        self.assertFalse(e.promotion_problems(1, 2, 24, 12, 5, 2, [], 80))
        self.assertFalse(e.promotion_problems(1, 2, 24, 12, 5, 2, [10, 20], 0))

    @given(st.lists(st.floats(0, 100), min_size=1, max_size=6), st.floats(1, 100))
    def test_recent_results_refuse_exactly_below_the_mark(self, results, mark):
        problems = e.promotion_problems(0, 1, 99, 0, 99, 0, results, mark)
        self.assertEqual(bool(problems), e.recent_mean(results) < mark)
