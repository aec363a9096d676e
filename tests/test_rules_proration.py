# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of grade pay proration (no Odoo needed)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import history as h
from ..grade_rules import proration as p
from .rules_case import RuleCase

D = date.fromisoformat
RATES = {
    "junior": {"base_wage": 2000, "post_wage": 300, "allowance": 500},
    "intermediate": {"base_wage": 2300, "post_wage": 600, "allowance": 1000},
}


def amounts(parts, component):
    return [part.rounded(component) for part in parts]


@st.composite
def split_month(draw):
    year = draw(st.integers(2000, 2040))
    month = draw(st.integers(1, 12))
    start, end = next(p.months_between(date(year, month, 1), date(year, month, 1)))
    change = draw(st.integers(1, (end - start).days))
    return start, end, start + timedelta(days=change)


class TestOneMonth(RuleCase):
    def test_full_month_in_one_grade_pays_the_rate(self):
        parts = p.prorate(
            [h.Segment(D("2024-01-01"), None, "junior")], D("2026-06-01"), D("2026-06-30"), RATES
        )
        self.assertEqual(len(parts), 1)
        self.assertEqual(
            {c: p.total(parts, c) for c in p.COMPONENTS},
            {
                "base_wage": Decimal("2000.00"),
                "post_wage": Decimal("300.00"),
                "allowance": Decimal("500.00"),
            },
        )

    def test_promotion_on_the_16th_of_a_30_day_month(self):
        chain = [
            h.Segment(D("2024-01-01"), D("2026-06-15"), "junior"),
            h.Segment(D("2026-06-16"), None, "intermediate"),
        ]
        parts = p.prorate(chain, D("2026-06-01"), D("2026-06-30"), RATES)
        self.assertEqual(
            [(x.value, x.days, x.month_days) for x in parts],
            [
                ("junior", 15, 30),
                ("intermediate", 15, 30),
            ],
        )
        self.assertEqual(amounts(parts, "base_wage"), [Decimal("1000.00"), Decimal("1150.00")])
        self.assertEqual(amounts(parts, "post_wage"), [Decimal("150.00"), Decimal("300.00")])
        self.assertEqual(amounts(parts, "allowance"), [Decimal("250.00"), Decimal("500.00")])
        self.assertEqual(p.total(parts, "allowance"), Decimal("750.00"))

    def test_no_grade_in_the_period_gives_no_parts(self):
        chain = [h.Segment(D("2026-07-01"), None, "junior")]
        self.assertEqual(p.prorate(chain, D("2026-06-01"), D("2026-06-30"), RATES), [])
        self.assertEqual(p.prorate([], D("2026-06-01"), D("2026-06-30"), RATES), [])

    def test_grade_ending_mid_month_pays_only_its_days(self):
        chain = [h.Segment(D("2024-01-01"), D("2026-06-10"), "junior")]
        parts = p.prorate(chain, D("2026-06-01"), D("2026-06-30"), RATES)
        self.assertEqual(amounts(parts, "allowance"), [Decimal("166.67")])

    def test_a_period_over_two_months_prorates_each_month(self):
        chain = [h.Segment(D("2024-01-01"), None, "junior")]
        parts = p.prorate(chain, D("2026-06-16"), D("2026-07-15"), RATES)
        # 15/30 of June + 15/31 of July
        self.assertEqual(amounts(parts, "allowance"), [Decimal("250.00"), Decimal("241.94")])

    @given(st.dates(D("2000-01-01"), D("2040-12-31")), st.integers(0, 400), st.integers(0, 99999))
    def test_property_days_partition_the_period(self, start, length, rate):
        end = start + timedelta(days=length)
        parts = p.prorate(
            [h.Segment(D("1999-01-01"), None, "g")], start, end, {"g": {"allowance": rate}}
        )
        self.assertEqual(sum(x.days for x in parts), length + 1)
        self.assertTrue(all(x.date_from.month == x.date_to.month for x in parts), parts)
        for x in parts:
            if x.days == x.month_days:
                self.assertEqual(x.rounded("allowance"), Decimal(rate))


class TestRounding(RuleCase):
    def test_thirds_are_rounded_half_up_to_the_cent(self):
        chain = [
            h.Segment(D("2024-01-01"), D("2026-07-10"), "junior"),
            h.Segment(D("2026-07-11"), None, "intermediate"),
        ]
        parts = p.prorate(chain, D("2026-07-01"), D("2026-07-31"), RATES)
        # 500 × 10/31 = 161.290…, 1000 × 21/31 = 677.419…
        self.assertEqual(amounts(parts, "allowance"), [Decimal("161.29"), Decimal("677.42")])
        # 2000 × 10/31 = 645.161…, 2300 × 21/31 = 1558.064…
        self.assertEqual(amounts(parts, "base_wage"), [Decimal("645.16"), Decimal("1558.06")])
        # The total is rounded once: 2203.2258… pays 2203.23, not 2203.22.
        self.assertEqual(p.total(parts, "base_wage"), Decimal("2203.23"))
        self.assertEqual(p.total(parts, "allowance"), Decimal("838.71"))

    def test_splitting_never_loses_a_cent(self):
        chain = [
            h.Segment(D("2024-01-01"), D("2026-06-20"), "senior"),
            h.Segment(D("2026-06-21"), None, "intermediate"),
        ]
        rates = {"senior": {"allowance": 2000}, "intermediate": {"allowance": 1000}}
        parts = p.prorate(chain, D("2026-06-01"), D("2026-06-30"), rates)
        self.assertEqual(amounts(parts, "allowance"), [Decimal("1333.33"), Decimal("333.33")])
        self.assertEqual(p.total(parts, "allowance"), Decimal("1666.67"))

    @given(split_month(), st.integers(0, 100000), st.integers(0, 100000))
    def test_property_a_split_month_pays_between_the_two_rates(self, month, old_rate, new_rate):
        start, end, change = month
        rates = {"old": {"allowance": old_rate}, "new": {"allowance": new_rate}}
        chain = [
            h.Segment(D("2000-01-01"), change - timedelta(days=1), "old"),
            h.Segment(change, None, "new"),
        ]
        parts = p.prorate(chain, start, end, rates)
        self.assertEqual(sum(x.days for x in parts), (end - start).days + 1)
        paid = p.total(parts, "allowance")
        low, high = min(old_rate, new_rate), max(old_rate, new_rate)
        self.assertLessEqual(Decimal(low) - Decimal("0.01"), paid)
        self.assertLessEqual(paid, Decimal(high) + Decimal("0.01"))
        exact = (
            Decimal(old_rate) * (change - start).days
            + Decimal(new_rate) * ((end - change).days + 1)
        ) / ((end - start).days + 1)
        self.assertLessEqual(abs(paid - exact), Decimal("0.005"))  # one half-up rounding


class TestWorkedDays(RuleCase):
    def test_worked_days_counter(self):
        def weekdays(start, end):
            return sum(
                1 for i in range((end - start).days + 1) if (start + timedelta(i)).weekday() < 5
            )

        chain = [
            h.Segment(D("2024-01-01"), D("2026-06-15"), "junior"),
            h.Segment(D("2026-06-16"), None, "intermediate"),
        ]
        parts = p.prorate(chain, D("2026-06-01"), D("2026-06-30"), RATES, count_days=weekdays)
        # June 2026: 22 weekdays, 11 up to the 15th, 11 from the 16th.
        self.assertEqual([(x.days, x.month_days) for x in parts], [(11, 22), (11, 22)])
        self.assertEqual(amounts(parts, "allowance"), [Decimal("250.00"), Decimal("500.00")])

    def test_a_month_without_working_days_pays_nothing(self):
        chain = [h.Segment(D("2024-01-01"), None, "junior")]
        parts = p.prorate(chain, D("2026-06-01"), D("2026-06-30"), RATES, count_days=lambda a, b: 0)
        self.assertEqual(parts, [])


TABLE_RATES = {
    ("senior", "t2026"): {"allowance": 2000},
    ("senior", "t2027"): {"allowance": 3100},
    ("intermediate", "t2026"): {"allowance": 1000},
    ("intermediate", "t2027"): {"allowance": 1550},
}


class TestDatedTables(RuleCase):
    def test_chain_of_tables_limited_to_the_period(self):
        chain = p.table_chain(
            [(D("2027-01-15"), "t2027"), (D("2000-01-01"), "t2026")],
            D("2027-01-01"),
            D("2027-01-31"),
        )
        self.assertEqual(
            chain,
            [
                h.Segment(D("2027-01-01"), D("2027-01-14"), "t2026"),
                h.Segment(D("2027-01-15"), D("2027-01-31"), "t2027"),
            ],
        )

    def test_days_before_the_first_table_have_no_table(self):
        chain = p.table_chain([(D("2026-06-11"), "t")], D("2026-06-01"), D("2026-06-30"))
        self.assertEqual(chain, [h.Segment(D("2026-06-11"), D("2026-06-30"), "t")])

    def test_a_later_table_leaves_the_period_alone(self):
        chain = p.table_chain(
            [(D("2000-01-01"), "t2026"), (D("2027-01-01"), "t2027")],
            D("2026-06-01"),
            D("2026-06-30"),
        )
        self.assertEqual(chain, [h.Segment(D("2026-06-01"), D("2026-06-30"), "t2026")])

    def test_table_change_and_grade_change_in_the_same_month(self):
        # Intermediate until the 10th, senior from the 11th; the 2027 table from the 21st.
        grades = [
            h.Segment(D("2020-01-01"), D("2027-01-10"), "intermediate"),
            h.Segment(D("2027-01-11"), None, "senior"),
        ]
        tables = p.table_chain(
            [(D("2000-01-01"), "t2026"), (D("2027-01-21"), "t2027")],
            D("2027-01-01"),
            D("2027-01-31"),
        )
        parts = p.prorate(
            p.split_by_table(grades, tables), D("2027-01-01"), D("2027-01-31"), TABLE_RATES
        )
        self.assertEqual(
            [(x.value, x.days) for x in parts],
            [
                (("intermediate", "t2026"), 10),
                (("senior", "t2026"), 10),
                (("senior", "t2027"), 11),
            ],
        )
        # 1000 × 10/31 + 2000 × 10/31 + 3100 × 11/31 = 2067.7419…
        self.assertEqual(p.total(parts, "allowance"), Decimal("2067.74"))

    @given(
        split_month(),
        st.integers(0, 40),
        st.integers(0, 100000),
        st.integers(0, 100000),
    )
    def test_split_by_table_keeps_every_day_once(self, month, offset, old, new):
        start, end, change = month
        table_day = start + timedelta(days=offset)
        grades = [
            h.Segment(D("1999-01-01"), change - timedelta(days=1), "intermediate"),
            h.Segment(change, None, "senior"),
        ]
        tables = p.table_chain([(D("1990-01-01"), "a"), (table_day, "b")], start, end)
        crossed = p.split_by_table(grades, tables)
        days = [d for seg in crossed for d in range((seg.date_to - seg.date_from).days + 1)]
        self.assertEqual(len(days), (end - start).days + 1)
        rates = {
            (grade, table): {"allowance": old if table == "a" else new}
            for grade in ("intermediate", "senior")
            for table in "ab"
        }
        parts = p.prorate(crossed, start, end, rates)
        # One rate everywhere: the month pays it whole, however it is split.
        if old == new:
            self.assertEqual(p.total(parts, "allowance"), Decimal(old))
        # The table change alone never pays more than the higher rate.
        self.assertLessEqual(p.total(parts, "allowance"), Decimal(max(old, new)))
