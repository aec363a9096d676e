# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the evaluation windows of a per-grade cycle (no Odoo needed)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import cycle
from .rules_case import RuleCase


class TestEvaluationWindow(RuleCase):
    def test_two_months_for_juniors_from_january(self):
        """Seed 000: juniors every 2 months: Jan–Feb, Mar–Apr, ..., Nov–Dec."""
        self.assertEqual(
            cycle.evaluation_window(date(2026, 11, 16), 2), (date(2026, 11, 1), date(2026, 12, 31))
        )
        self.assertEqual(
            cycle.evaluation_window(date(2028, 2, 29), 2), (date(2028, 1, 1), date(2028, 2, 29))
        )

    def test_six_months_for_intermediate_and_above(self):
        self.assertEqual(
            cycle.evaluation_window(date(2026, 6, 30), 6), (date(2026, 1, 1), date(2026, 6, 30))
        )
        self.assertEqual(
            cycle.evaluation_window(date(2026, 7, 1), 6), (date(2026, 7, 1), date(2026, 12, 31))
        )

    def test_no_cycle_no_window_and_negative_refused(self):
        self.assertIsNone(cycle.evaluation_window(date(2026, 7, 1), 0))
        self.assertIsNone(cycle.next_window_start(date(2026, 7, 1), 0))
        with self.assertRaises(ValueError):
            cycle.evaluation_window(date(2026, 7, 1), -1)

    def test_next_window_starts_the_day_after(self):
        self.assertEqual(cycle.next_window_start(date(2026, 12, 31), 2), date(2027, 1, 1))
        self.assertEqual(cycle.next_window_start(date(2026, 3, 1), 6), date(2026, 7, 1))

    @given(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
        st.integers(min_value=1, max_value=24),
    )
    def test_windows_tile_the_calendar(self, day, months):
        """Every day is in exactly one window; windows follow each other without gap."""
        first, last = cycle.evaluation_window(day, months)
        self.assertTrue(first <= day <= last)
        self.assertEqual(first.day, 1)
        self.assertEqual((last + timedelta(days=1)).day, 1)
        self.assertEqual(
            (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1, months
        )
        self.assertEqual(
            cycle.evaluation_window(last + timedelta(days=1), months)[0], last + timedelta(days=1)
        )
        self.assertEqual(
            cycle.evaluation_window(first - timedelta(days=1), months)[1], first - timedelta(days=1)
        )
