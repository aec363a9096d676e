# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the certificate validity and its recertification (no Odoo needed)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import recertification as r
from .rules_case import RuleCase

D = date.fromisoformat


class TestValidUntil(RuleCase):
    def test_24_months_end_the_day_before_the_anniversary(self):
        self.assertEqual(r.valid_until(D("2024-11-16"), 24), D("2026-11-15"))
        self.assertEqual(r.valid_until(D("2024-01-01"), 12), D("2024-12-31"))

    def test_no_validity(self):
        self.assertIsNone(r.valid_until(D("2024-11-16"), 0))
        self.assertIsNone(r.valid_until(None, 24))
        with self.assertRaises(ValueError):
            r.valid_until(D("2024-11-16"), -1)

    def test_a_missing_anniversary_runs_to_the_end_of_its_month(self):
        # 31 January + 1 month: no 31 February; valid through February's last day.
        self.assertEqual(r.valid_until(D("2025-01-31"), 1), D("2025-02-28"))
        self.assertEqual(r.valid_until(D("2024-01-31"), 1), D("2024-02-29"))
        self.assertEqual(r.valid_until(D("2025-01-29"), 1), D("2025-02-28"))
        # 28 January + 1 month: 28 February exists; valid through the 27th.
        self.assertEqual(r.valid_until(D("2025-01-28"), 1), D("2025-02-27"))
        # A leap day granted: 12 months later there is no 29 February.
        self.assertEqual(r.valid_until(D("2024-02-29"), 12), D("2025-02-28"))
        self.assertEqual(r.valid_until(D("2024-02-29"), 48), D("2028-02-28"))
        # Year end.
        self.assertEqual(r.valid_until(D("2025-12-31"), 2), D("2026-02-28"))
        self.assertEqual(r.valid_until(D("2025-08-31"), 1), D("2025-09-30"))

    @given(
        st.dates(min_value=D("2000-01-01"), max_value=D("2090-12-31")),
        st.integers(min_value=1, max_value=120),
    )
    def test_never_shorter_than_its_months_and_within_a_month_more(self, granted, months):
        until = r.valid_until(granted, months)
        self.assertGreater(until, granted)
        index = granted.year * 12 + granted.month - 1 + months
        # Ends in the month ``months`` later, or on the last day of the month before.
        self.assertIn(
            until.year * 12 + until.month - 1, (index, index - 1), (granted, months, until)
        )
        # A renewal the day after the expiry continues without a gap or overlap.
        self.assertLess(until, r.valid_until(until + timedelta(days=1), months))


class TestWindow(RuleCase):
    def test_prepared_the_window_ahead_of_the_expiry(self):
        expiry = D("2026-12-31")
        self.assertEqual(r.preparation_day(expiry, 60), D("2026-11-01"))
        self.assertFalse(r.due_for_preparation(expiry, D("2026-10-31"), 60))
        self.assertTrue(r.due_for_preparation(expiry, D("2026-11-01"), 60))
        self.assertTrue(r.due_for_preparation(expiry, D("2027-03-01"), 60))
        self.assertFalse(r.due_for_preparation(None, D("2027-03-01"), 60))

    def test_expiry_states(self):
        expiry = D("2026-12-31")
        self.assertEqual(r.expiry_state(None, D("2026-12-01"), 60), r.NONE)
        self.assertEqual(r.expiry_state(expiry, D("2026-10-31"), 60), r.VALID)
        self.assertEqual(r.expiry_state(expiry, D("2026-11-01"), 60), r.EXPIRING)
        self.assertEqual(r.expiry_state(expiry, D("2026-12-31"), 60), r.EXPIRING)
        self.assertEqual(r.expiry_state(expiry, D("2027-01-01"), 60), r.EXPIRED)


class TestLapse(RuleCase):
    def test_lapses_the_day_after_the_expiry(self):
        expiry = D("2026-12-31")
        prepared = D("2026-11-01")
        self.assertFalse(r.lapsed(expiry, D("2026-12-31"), prepared, 60))
        self.assertTrue(r.lapsed(expiry, D("2027-01-01"), prepared, 60))

    def test_not_when_recertified_or_in_progress(self):
        expiry = D("2026-12-31")
        today = D("2027-02-01")
        self.assertFalse(r.lapsed(expiry, today, D("2026-11-01"), 60, passed=True))
        self.assertFalse(r.lapsed(expiry, today, D("2026-11-01"), 60, in_progress=True))
        self.assertFalse(r.lapsed(None, today, None, 60))

    def test_a_late_preparation_gets_the_full_window(self):
        # The validity was set after the fact: expired before it was prepared.
        expiry = D("2025-06-30")
        prepared = D("2026-11-16")
        self.assertEqual(r.lapse_day(expiry, prepared, 60), D("2027-01-16"))
        self.assertFalse(r.lapsed(expiry, D("2027-01-15"), prepared, 60))
        self.assertTrue(r.lapsed(expiry, D("2027-01-16"), prepared, 60))
