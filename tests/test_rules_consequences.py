# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of what a review changes in pay: pay steps, stand-by, demotion runs (no Odoo)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import consequences as c
from ..grade_rules.history import Segment
from .rules_case import RuleCase

D = date.fromisoformat


def days_of(segments, start, end):
    """``{day: value}`` over ``start``..``end`` for the days a segment covers."""
    out = {}
    day = start
    while day <= end:
        for seg in segments:
            if seg.contains(day):
                out[day] = seg.value
        day += timedelta(days=1)
    return out


class TestPayStepDates(RuleCase):
    def test_next_pay_period(self):
        self.assertEqual(c.next_period_start(D("2026-03-31")), D("2026-04-01"))
        self.assertEqual(c.next_period_start(D("2026-03-01")), D("2026-04-01"))
        self.assertEqual(c.next_period_start(D("2026-12-15")), D("2027-01-01"))

    def test_open_ended_by_default(self):
        self.assertIsNone(c.pay_step_end(D("2026-04-01"), 0))

    def test_length_in_months(self):
        self.assertEqual(c.pay_step_end(D("2026-04-01"), 3), D("2026-06-30"))
        self.assertEqual(c.pay_step_end(D("2026-11-01"), 2), D("2026-12-31"))
        self.assertEqual(c.pay_step_end(D("2026-01-31"), 1), D("2026-02-27"))
        with self.assertRaises(ValueError):
            c.pay_step_end(D("2026-04-01"), -1)

    def test_a_passed_review_ends_the_step_with_the_pay_period(self):
        self.assertEqual(c.passed_review_end(D("2026-07-10")), D("2026-07-31"))
        self.assertEqual(c.passed_review_end(D("2026-12-31")), D("2026-12-31"))


class TestStandby(RuleCase):
    def test_at_least_three_days(self):
        self.assertEqual(c.STANDBY_MIN_DAYS, 3)
        self.assertTrue(c.standby_too_short(2))
        self.assertFalse(c.standby_too_short(3))
        self.assertFalse(c.standby_too_short(5))


class TestDemotionRuns(RuleCase):
    def test_a_single_failure_proposes_nothing(self):
        self.assertEqual(c.demotion_runs([(D("2026-01-01"), True)]), [])

    def test_two_consecutive_failures_make_one_run(self):
        runs = c.demotion_runs([(D("2026-02-01"), True), (D("2026-01-01"), True)])
        self.assertEqual(len(runs), 1)

    def test_across_the_year(self):
        self.assertEqual(
            len(c.demotion_runs([(D("2025-12-01"), True), (D("2026-01-01"), True)])), 1
        )

    def test_a_gap_or_a_pass_breaks_the_run(self):
        self.assertEqual(c.demotion_runs([(D("2026-01-01"), True), (D("2026-03-01"), True)]), [])
        self.assertEqual(
            c.demotion_runs(
                [(D("2026-01-01"), True), (D("2026-02-01"), False), (D("2026-03-01"), True)]
            ),
            [],
        )

    def test_four_in_a_row_make_two_runs(self):
        periods = [(D(f"2026-0{m}-01"), True) for m in (1, 2, 3, 4)]
        self.assertEqual(len(c.demotion_runs(periods)), 2)

    @given(st.lists(st.booleans(), max_size=24))
    def test_runs_never_share_a_month_and_are_consecutive(self, failed):
        periods = [(c.add_months(D("2026-01-01"), i), f) for i, f in enumerate(failed)]
        runs = c.demotion_runs(periods)
        months = [m for run in runs for m in run]
        self.assertEqual(len(months), len(set(months)))
        for run in runs:
            self.assertEqual(run[1], run[0] + 1)
        # As many runs as the pairs each streak of failures holds.
        streaks, current = [], 0
        for f in failed + [False]:
            if f:
                current += 1
            else:
                streaks.append(current)
                current = 0
        self.assertEqual(len(runs), sum(s // 2 for s in streaks))


class TestOverlay(RuleCase):
    def test_a_step_pays_the_lower_grade_on_its_days_only(self):
        grades = [Segment(D("2025-01-01"), None, "intermediate", 7)]
        step = Segment(D("2026-06-11"), D("2026-06-20"), "junior", "intermediate")
        paid = days_of(c.overlay(grades, [step]), D("2026-06-01"), D("2026-06-30"))
        self.assertEqual(paid[D("2026-06-10")], "intermediate")
        self.assertEqual(paid[D("2026-06-11")], "junior")
        self.assertEqual(paid[D("2026-06-20")], "junior")
        self.assertEqual(paid[D("2026-06-21")], "intermediate")
        self.assertEqual(len(paid), 30)

    def test_an_open_step_runs_to_the_end(self):
        grades = [Segment(D("2025-01-01"), None, "senior")]
        step = Segment(D("2026-06-16"), None, "intermediate")
        result = c.overlay(grades, [step])
        self.assertEqual(
            result,
            [
                Segment(D("2025-01-01"), D("2026-06-15"), "senior"),
                Segment(D("2026-06-16"), None, "intermediate"),
            ],
        )

    def test_unpaid_days_are_left_out(self):
        grades = [Segment(D("2025-01-01"), None, "junior")]
        standby = Segment(D("2026-06-08"), D("2026-06-10"), c.UNPAID)
        paid = days_of(c.overlay(grades, [standby]), D("2026-06-01"), D("2026-06-30"))
        self.assertEqual(len(paid), 27)
        self.assertNotIn(D("2026-06-09"), paid)

    def test_a_step_lowers_only_the_grade_it_was_decided_on(self):
        grades = [
            Segment(D("2025-01-01"), D("2026-06-14"), "intermediate"),
            Segment(D("2026-06-15"), None, "junior"),
        ]
        step = Segment(D("2026-06-01"), None, "junior", "intermediate")
        paid = days_of(c.overlay(grades, [step]), D("2026-06-01"), D("2026-06-30"))
        self.assertEqual(set(paid.values()), {"junior"})
        self.assertEqual(len(paid), 30)

    def test_steps_and_standby_together(self):
        grades = [Segment(D("2025-01-01"), None, "intermediate")]
        overrides = [
            Segment(D("2026-06-01"), None, "junior", "intermediate"),
            Segment(D("2026-06-22"), D("2026-06-24"), c.UNPAID),
        ]
        paid = days_of(c.overlay(grades, overrides), D("2026-06-01"), D("2026-06-30"))
        self.assertEqual(len(paid), 27)
        self.assertEqual(set(paid.values()), {"junior"})

    @given(
        st.integers(0, 60),
        st.integers(0, 60),
        st.booleans(),
    )
    def test_every_day_is_paid_once_except_unpaid_ones(self, offset, length, unpaid):
        start = D("2026-01-01")
        grades = [Segment(start, D("2026-03-31"), "a"), Segment(D("2026-04-01"), None, "b")]
        over = Segment(
            start + timedelta(days=offset),
            start + timedelta(days=offset + length),
            c.UNPAID if unpaid else "low",
        )
        result = c.overlay(grades, [over])
        end = D("2026-06-30")
        day = start
        while day <= end:
            covering = [seg for seg in result if seg.contains(day)]
            inside = over.contains(day)
            self.assertEqual(len(covering), 0 if inside and unpaid else 1)
            if covering and inside:
                self.assertEqual(covering[0].value, "low")
            day += timedelta(days=1)
