# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the grade history rules (no Odoo needed)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import history as h
from .rules_case import RuleCase

D = date.fromisoformat
ONE = timedelta(days=1)


def seg(start, end=None, value=None):
    return h.Segment(D(start), D(end) if end else None, value)


@st.composite
def chains(draw):
    """A continuous chain: random lengths, last one open or closed."""
    start = draw(st.dates(min_value=D("2000-01-01"), max_value=D("2030-01-01")))
    lengths = draw(st.lists(st.integers(min_value=1, max_value=900), min_size=1, max_size=8))
    out = []
    for i, length in enumerate(lengths):
        end = start + timedelta(days=length - 1)
        out.append(h.Segment(start, end, value=i))
        start = end + ONE
    if draw(st.booleans()):
        last = out[-1]
        out[-1] = h.Segment(last.date_from, None, last.value)
    return out


class TestContinuity(RuleCase):
    def test_contiguous_chain_is_valid(self):
        chain = [seg("2024-01-01", "2024-06-30", 1), seg("2024-07-01", None, 2)]
        self.assertEqual(h.continuity_problems(chain), [])
        h.check_continuity(chain)

    def test_chain_order_does_not_matter(self):
        chain = [seg("2024-07-01", None, 2), seg("2024-01-01", "2024-06-30", 1)]
        self.assertEqual(h.continuity_problems(chain), [])

    def test_broken_chains_are_named(self):
        cases = [
            ([seg("2024-01-01", "2024-06-30"), seg("2024-07-02")], h.GAP),
            ([seg("2024-01-01", "2024-06-30"), seg("2024-06-30")], h.OVERLAP),
            ([seg("2024-01-01", "2024-06-30"), seg("2024-03-01", "2024-04-01")], h.OVERLAP),
            ([seg("2024-01-01"), seg("2024-07-01")], h.OPEN_NOT_LAST),
            ([seg("2024-01-05", "2024-01-04")], h.INVERTED),
        ]
        for chain, kind in cases:
            with self.subTest(chain=chain, kind=kind):
                with self.assertRaises(h.ContinuityError) as err:
                    h.check_continuity(chain)
                self.assertEqual(err.exception.kind, kind)

    def test_single_day_segment_is_valid(self):
        chain = [seg("2024-01-01", "2024-01-01", 1), seg("2024-01-02", None, 2)]
        self.assertEqual(h.continuity_problems(chain), [])

    @given(chains())
    def test_property_built_chains_are_continuous(self, chain):
        self.assertEqual(h.continuity_problems(chain), [])

    @given(chains(), st.data())
    def test_property_moving_a_boundary_breaks_the_chain(self, chain, data):
        """Shifting any inner start by a day either way leaves a gap or an overlap."""
        if len(chain) < 2:
            return
        i = data.draw(st.integers(min_value=1, max_value=len(chain) - 1))
        shift = data.draw(st.sampled_from([-1, 1]))
        moved = list(chain)
        s = moved[i]
        new_from = s.date_from + timedelta(days=shift)
        if s.date_to is not None and new_from > s.date_to:
            return  # would invert a one-day segment: covered elsewhere
        moved[i] = h.Segment(new_from, s.date_to, s.value)
        kinds = {p.kind for p in h.continuity_problems(moved)}
        self.assertTrue(kinds & {h.GAP, h.OVERLAP}, kinds)

    @given(chains(), st.data())
    def test_property_every_covered_day_has_exactly_one_grade(self, chain, data):
        first = chain[0].date_from
        last = chain[-1].date_to or (chain[-1].date_from + timedelta(days=400))
        day = data.draw(st.dates(min_value=first, max_value=last))
        covering = [s for s in chain if s.contains(day)]
        self.assertEqual(len(covering), 1)
        self.assertEqual(h.value_at(chain, day), covering[0].value)


class TestValueAt(RuleCase):
    def test_value_at_boundaries(self):
        chain = [seg("2024-01-01", "2024-06-30", "junior"), seg("2024-07-01", None, "senior")]
        self.assertIsNone(h.value_at(chain, D("2023-12-31")))
        self.assertEqual(h.value_at(chain, D("2024-01-01")), "junior")
        self.assertEqual(h.value_at(chain, D("2024-06-30")), "junior")
        self.assertEqual(h.value_at(chain, D("2024-07-01")), "senior")
        self.assertEqual(h.value_at(chain, D("2099-01-01")), "senior")

    def test_value_after_closed_chain_is_none(self):
        chain = [seg("2024-01-01", "2024-06-30", "junior")]
        self.assertIsNone(h.value_at(chain, D("2024-07-01")))


class TestPlanChange(RuleCase):
    def test_plan_change_on_empty_history_opens_a_segment(self):
        self.assertEqual(h.plan_change([], D("2024-03-01")), (None, None))

    def test_plan_change_closes_the_running_segment(self):
        running = seg("2024-01-01", None, 1)
        closing, new_to = h.plan_change([running], D("2024-03-16"))
        self.assertEqual(closing, running)
        self.assertIsNone(new_to)

    def test_plan_change_inside_a_closed_segment_keeps_its_end(self):
        closed = seg("2024-01-01", "2024-12-31", 1)
        closing, new_to = h.plan_change([closed], D("2024-06-01"))
        self.assertEqual(closing, closed)
        self.assertEqual(new_to, D("2024-12-31"))

    def test_plan_change_right_after_a_closed_chain_continues_it(self):
        closed = seg("2024-01-01", "2024-12-31", 1)
        self.assertEqual(h.plan_change([closed], D("2025-01-01")), (None, None))

    def test_plan_change_refuses_to_empty_the_running_segment(self):
        for day, kind in [("2024-01-01", h.NOT_AFTER_START), ("2023-05-01", h.NOT_AFTER_START)]:
            with self.subTest(day=day, kind=kind):
                with self.assertRaises(h.ContinuityError) as err:
                    h.plan_change([seg("2024-01-01", None, 1)], D(day))
                self.assertEqual(err.exception.kind, kind)

    def test_plan_change_refuses_a_gap(self):
        with self.assertRaises(h.ContinuityError) as err:
            h.plan_change([seg("2024-01-01", "2024-06-30", 1)], D("2024-07-02"))
        self.assertEqual(err.exception.kind, h.AFTER_GAP)

    @given(chains(), st.integers(min_value=1, max_value=2000))
    def test_property_a_planned_change_keeps_the_chain_continuous(self, chain, offset):
        day = chain[-1].date_from + timedelta(days=offset)
        try:
            closing, new_to = h.plan_change(chain, day)
        except h.ContinuityError as err:
            self.assertEqual(err.kind, h.AFTER_GAP)
            return
        result = [s for s in chain if s != closing]
        if closing is not None:
            result.append(h.Segment(closing.date_from, day - ONE, closing.value))
        result.append(h.Segment(day, new_to, "new"))
        self.assertEqual(h.continuity_problems(result), [])
        self.assertEqual(h.value_at(result, day), "new")


class TestMonthsInGrade(RuleCase):
    def test_full_months_between(self):
        cases = [
            ("2024-01-15", "2024-01-14", 0),
            ("2024-01-15", "2024-02-14", 0),
            ("2024-01-15", "2024-02-15", 1),
            ("2024-01-31", "2024-02-29", 1),  # month end counts as complete
            ("2024-01-31", "2024-02-28", 0),
            ("2023-03-01", "2025-03-01", 24),
        ]
        for start, end, months in cases:
            with self.subTest(start=start, end=end):
                self.assertEqual(h.full_months_between(D(start), D(end)), months)

    def test_months_in_value_joins_same_grade_segments(self):
        chain = [
            seg("2022-01-01", "2022-12-31", "junior"),
            seg("2023-01-01", "2023-06-30", "intermediate"),
            seg("2023-07-01", "2023-12-31", "intermediate"),  # corrected, same grade
            seg("2024-01-01", None, "intermediate"),
        ]
        self.assertEqual(h.months_in_value(chain, D("2024-07-01")), 18)
        self.assertEqual(h.months_in_value(chain, D("2022-06-01")), 5)
        self.assertEqual(h.months_in_value(chain, D("2021-06-01")), 0)

    @given(st.dates(min_value=D("2000-01-01"), max_value=D("2030-12-31")), st.integers(0, 3000))
    def test_property_months_never_exceed_days(self, start, days):
        end = start + timedelta(days=days)
        months = h.full_months_between(start, end)
        self.assertLessEqual(0, months)
        self.assertLessEqual(months, days / 28)
        self.assertGreaterEqual(months, days // 31 - 1)


class TestRecordSource(RuleCase):
    def test_where_a_line_comes_from(self):
        self.assertEqual(h.record_source(False, "promotion"), h.EVALUATION)
        self.assertEqual(h.record_source(False, "correction"), h.EVALUATION)
        self.assertEqual(h.record_source(True, "initial"), h.LOADING)
        # A promotion held before go-live, loaded by hand.
        self.assertEqual(h.record_source(True, "promotion"), h.LOADING)
        self.assertEqual(h.record_source(True, "correction"), h.CORRECTION)
