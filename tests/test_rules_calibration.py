# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the calibration statistics and flags of a campaign (no Odoo needed)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import calibration as c
from .rules_case import RuleCase


class TestSpreads(RuleCase):
    def test_a_department_far_above_the_others_is_an_outlier(self):
        result = c.spreads(
            [c.Group("north", 2, 190.0), c.Group("south", 3, 210.0), c.Group("east", 1, 72.0)],
            threshold=10,
        )
        north = result["north"]
        self.assertEqual(north.mean, Decimal("95.00"))
        # The others pooled: (210 + 72) / 4.
        self.assertEqual(north.others_mean, Decimal("70.50"))
        self.assertEqual(north.gap, Decimal("24.50"))
        self.assertTrue(north.outlier)
        self.assertFalse(result["south"].outlier)
        self.assertFalse(result["east"].outlier)

    def test_exactly_the_threshold_above_is_not_an_outlier(self):
        result = c.spreads([c.Group("a", 1, 80.0), c.Group("b", 1, 70.0)], threshold=10)
        self.assertEqual(result["a"].gap, Decimal("10.00"))
        self.assertFalse(result["a"].outlier)
        result = c.spreads([c.Group("a", 1, 80.01), c.Group("b", 1, 70.0)], threshold=10)
        self.assertTrue(result["a"].outlier)

    def test_one_department_alone_is_never_an_outlier(self):
        result = c.spreads([c.Group("alone", 4, 380.0)], threshold=1)
        self.assertEqual(result["alone"].mean, Decimal("95.00"))
        self.assertIsNone(result["alone"].others_mean)
        self.assertIsNone(result["alone"].gap)
        self.assertFalse(result["alone"].outlier)

    def test_departments_without_scored_candidates(self):
        result = c.spreads([c.Group("none", 0, 0.0), c.Group("some", 2, 180.0)], threshold=5)
        self.assertIsNone(result["none"].mean)
        self.assertFalse(result["none"].outlier)
        # The department without scores does not pull the others' mean to 0.
        self.assertIsNone(result["some"].others_mean)
        self.assertFalse(result["some"].outlier)
        self.assertEqual(c.spreads([], threshold=5), {})

    def test_ties_raise_no_flag(self):
        result = c.spreads([c.Group(key, 2, 170.0) for key in "abc"], threshold=0.01)
        self.assertEqual({s.gap for s in result.values()}, {Decimal("0.00")})
        self.assertFalse(any(s.outlier for s in result.values()))

    def test_threshold_zero_turns_the_check_off(self):
        result = c.spreads([c.Group("a", 1, 100.0), c.Group("b", 1, 0.0)], threshold=0)
        self.assertFalse(result["a"].outlier)
        with self.assertRaises(ValueError):
            c.spreads([c.Group("a", 1, 100.0)], threshold=-1)
        with self.assertRaises(ValueError):
            c.spreads([c.Group("a", -1, 100.0)], threshold=1)

    @given(
        st.lists(
            st.tuples(st.integers(0, 20), st.decimals(0, 100, places=2)), min_size=1, max_size=8
        ),
        st.decimals(0, 50, places=2),
    )
    def test_the_order_of_departments_does_not_matter(self, rows, threshold):
        groups = [c.Group(i, n, float(m * n)) for i, (n, m) in enumerate(rows)]
        forward = c.spreads(groups, threshold)
        backward = c.spreads(list(reversed(groups)), threshold)
        self.assertEqual(forward, backward)
        # At most one side of a two-way split sits above the other.
        flagged = [key for key, spread in forward.items() if spread.outlier]
        if len(groups) == 2:
            self.assertLessEqual(len(flagged), 1)


class TestGuideline(RuleCase):
    def test_pass_rate(self):
        self.assertEqual(c.pass_rate(1, 3), Decimal("33.33"))
        self.assertEqual(c.pass_rate(2, 3), Decimal("66.67"))
        self.assertIsNone(c.pass_rate(0, 0))
        with self.assertRaises(ValueError):
            c.pass_rate(3, 2)

    def test_more_passed_than_the_quota_breaches(self):
        self.assertTrue(c.guideline_breach(3, 5, quota=2))
        self.assertFalse(c.guideline_breach(2, 5, quota=2))
        self.assertTrue(c.guideline_breach(1, 5, quota=0))
        self.assertFalse(c.guideline_breach(3, 5, quota=None))
        with self.assertRaises(ValueError):
            c.guideline_breach(1, 5, quota=-1)

    def test_a_pass_rate_above_the_maximum_breaches(self):
        self.assertTrue(c.guideline_breach(2, 3, max_rate=50))
        self.assertFalse(c.guideline_breach(1, 2, max_rate=50))  # exactly 50 %
        self.assertFalse(c.guideline_breach(3, 3, max_rate=0))  # no maximum
        self.assertFalse(c.guideline_breach(0, 0, quota=0, max_rate=10))  # nobody to pass
