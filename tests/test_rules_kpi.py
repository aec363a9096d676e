# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the KPI scoring rules (no Odoo needed)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import kpi as k
from .rules_case import RuleCase

COST = k.KpiRule(k.DEDUCT_ITEM, points=5, per_occurrence="2.5")
SUMMARY = k.KpiRule(k.DEDUCT_ITEM, points=10, per_occurrence=5)
QUALITY = k.KpiRule(k.DEDUCT_ITEM, points=20, per_occurrence=5)
COMPLAINT = k.KpiRule(k.DEDUCT_TOTAL, per_occurrence=5)
REPORT = k.KpiRule(k.ADD, per_occurrence=10)
CONTRACT = k.KpiRule(k.PROPORTIONAL, per_occurrence=2, unit=20000)
CONTRACT_DOWN = k.KpiRule(k.PROPORTIONAL, per_occurrence=2, unit=20000, rounding="down")
BONUS = k.KpiRule(k.DISCRETIONARY, points=10)


class TestOccurrences(RuleCase):
    def test_occurrence_rules_with_the_seed_numbers(self):
        cases = [
            ("COST", COST, 0, "0"),
            ("COST", COST, 1, "-2.5"),
            ("COST", COST, 2, "-5"),
            ("COST", COST, 3, "-5"),  # 扣完为止: never more than the item's 5 points
            ("SUMMARY", SUMMARY, 1, "-5"),
            ("SUMMARY", SUMMARY, 4, "-10"),
            ("QUALITY", QUALITY, 3, "-15"),
            ("QUALITY", QUALITY, 9, "-20"),
            ("COMPLAINT", COMPLAINT, 0, "0"),
            ("COMPLAINT", COMPLAINT, 3, "-15"),
            ("COMPLAINT", COMPLAINT, 30, "-150"),  # from the total: no item limit
            ("REPORT", REPORT, 0, "0"),
            ("REPORT", REPORT, 2, "20"),
        ]
        for name, rule, occurrences, expected in cases:
            with self.subTest(rule=name, occurrences=occurrences):
                self.assertEqual(
                    k.line_adjustment(rule, occurrences=occurrences), Decimal(expected)
                )

    def test_add_is_capped_when_a_cap_is_set(self):
        capped = k.KpiRule(k.ADD, per_occurrence=10, cap=25)
        self.assertEqual(k.line_adjustment(capped, occurrences=2), 20)
        self.assertEqual(k.line_adjustment(capped, occurrences=5), 25)

    def test_negative_occurrences_are_refused(self):
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(COMPLAINT, occurrences=-1)
        self.assertEqual(err.exception.code, k.NEGATIVE)

    @given(
        points=st.decimals(0, 100, places=2),
        per=st.decimals(0, 50, places=2),
        occurrences=st.integers(0, 1000),
    )
    def test_deduct_item_never_exceeds_the_item(self, points, per, occurrences):
        rule = k.KpiRule(k.DEDUCT_ITEM, points=points, per_occurrence=per)
        result = k.line_adjustment(rule, occurrences=occurrences)
        self.assertLessEqual(-points, result)
        self.assertLessEqual(result, 0)
        self.assertEqual(result, -min(points, per * occurrences))


class TestProportional(RuleCase):
    def test_contract_amount_in_proportion(self):
        # 50,000 CNY / 20,000 × 2 = 5 points; rounded down to whole units: 4
        self.assertEqual(k.line_adjustment(CONTRACT, amount=50000), 5)
        self.assertEqual(k.line_adjustment(CONTRACT_DOWN, amount=50000), 4)

    def test_amount_below_one_unit(self):
        self.assertEqual(k.line_adjustment(CONTRACT, amount=10000), 1)
        self.assertEqual(k.line_adjustment(CONTRACT_DOWN, amount=19999.99), 0)
        self.assertEqual(k.line_adjustment(CONTRACT_DOWN, amount=0), 0)

    def test_proportional_needs_a_unit(self):
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(k.KpiRule(k.PROPORTIONAL, per_occurrence=2), amount=1)
        self.assertEqual(err.exception.code, k.NO_UNIT)

    @given(amount=st.decimals(0, 10**7, places=2), per=st.decimals(0, 10, places=2))
    def test_rounding_down_never_gives_more(self, amount, per):
        exact = k.line_adjustment(
            k.KpiRule(k.PROPORTIONAL, per_occurrence=per, unit=20000), amount=amount
        )
        down = k.line_adjustment(
            k.KpiRule(k.PROPORTIONAL, per_occurrence=per, unit=20000, rounding="down"),
            amount=amount,
        )
        self.assertLessEqual(0, down)
        self.assertLessEqual(down, exact)
        self.assertTrue(exact - down < per or per == 0, (exact, down, per))


class TestDiscretionary(RuleCase):
    def test_discretionary_needs_a_comment_and_stays_within_points(self):
        self.assertEqual(k.line_adjustment(BONUS, value=0), 0)
        self.assertEqual(k.line_adjustment(BONUS, value=8, comment="Led the site handover"), 8)
        self.assertEqual(k.line_adjustment(BONUS, value=-3, comment="Late report"), -3)
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(BONUS, value=5, comment="  ")
        self.assertEqual(err.exception.code, k.COMMENT_REQUIRED)
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(BONUS, value=11, comment="Too much")
        self.assertEqual(err.exception.code, k.OUT_OF_RANGE)


class TestBonusAndTargets(RuleCase):
    LEADERSHIP = k.KpiRule(k.BONUS)

    def test_leadership_tasks_are_a_bonus_only_with_the_opinion(self):
        self.assertEqual(k.line_adjustment(self.LEADERSHIP, value=0), 0)
        self.assertEqual(
            k.line_adjustment(self.LEADERSHIP, value=25, comment="Led the site handover"), 25
        )
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(self.LEADERSHIP, value=-3, comment="Late report")
        self.assertEqual(err.exception.code, k.NEGATIVE)
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(self.LEADERSHIP, value=5, comment=" ")
        self.assertEqual(err.exception.code, k.COMMENT_REQUIRED)

    def test_a_bonus_item_with_points_is_capped_by_them(self):
        capped = k.KpiRule(k.BONUS, points=10)
        with self.assertRaises(k.KpiError) as err:
            k.line_adjustment(capped, value=11, comment="Too much")
        self.assertEqual(err.exception.code, k.OUT_OF_RANGE)

    def test_targets_score_nothing_and_say_whether_they_are_met(self):
        hours = k.KpiRule(k.TARGET, target=24, comparison=k.AT_MOST)
        rate = k.KpiRule(k.TARGET, target=80, comparison=k.AT_LEAST)
        self.assertEqual(k.line_adjustment(hours, amount=30), 0)
        self.assertTrue(k.target_met(hours, 24))
        self.assertFalse(k.target_met(hours, "24.01"))
        self.assertTrue(k.target_met(rate, 80))
        self.assertFalse(k.target_met(rate, "79.99"))
        self.assertIsNone(k.target_met(rate, None))

    @given(st.decimals(0, 200, places=2), st.decimals(0, 200, places=2))
    def test_at_least_and_at_most_meet_at_the_target(self, measured, target):
        most = k.KpiRule(k.TARGET, target=target, comparison=k.AT_MOST)
        least = k.KpiRule(k.TARGET, target=target, comparison=k.AT_LEAST)
        self.assertTrue(k.target_met(most, measured) or k.target_met(least, measured))
        self.assertEqual(
            k.target_met(most, measured) and k.target_met(least, measured), measured == target
        )


class TestKpiTotal(RuleCase):
    SHEET = (COST, SUMMARY, QUALITY, COMPLAINT, REPORT, CONTRACT)

    def test_full_marks_are_the_items_points(self):
        self.assertEqual(k.full_marks(self.SHEET), 35)

    def test_total_is_the_items_points_plus_bonuses_without_a_ceiling(self):
        entries = [
            (COST, k.line_adjustment(COST, occurrences=1)),  # -2.5
            (REPORT, k.line_adjustment(REPORT, occurrences=10)),  # +100
            (CONTRACT, k.line_adjustment(CONTRACT, amount=50000)),  # +5
        ]
        # The cost item's 5 points, -2.5, +100, +5
        self.assertEqual(k.kpi_total(entries), Decimal("107.5"))
        self.assertEqual(k.kpi_total(entries, ceiling=100), 100)
        self.assertEqual(k.kpi_total(entries, ceiling=0), Decimal("107.5"), "0: no ceiling")

    def test_seed_examples(self):
        coordination = k.KpiRule(k.ADD, per_occurrence=10)
        self.assertEqual(k.line_adjustment(coordination, occurrences=3), 30)
        self.assertEqual(k.line_adjustment(CONTRACT, amount=50000), 5)
        self.assertEqual(k.line_adjustment(SUMMARY, occurrences=3), -10)

    def test_total_never_below_the_floor(self):
        entries = [(COMPLAINT, k.line_adjustment(COMPLAINT, occurrences=30))]
        self.assertEqual(k.kpi_total(entries), 0)
        self.assertEqual(k.kpi_total(entries, floor=None), -150)

    def test_a_company_may_start_from_a_fixed_score(self):
        entries = [(COST, Decimal("-2.5")), (REPORT, Decimal(20))]
        self.assertEqual(k.kpi_total(entries, start=80), Decimal("97.5"))
        self.assertEqual(k.kpi_total(entries, start=80, digits=2), Decimal("97.50"))

    @given(st.lists(st.decimals(-200, 200, places=2), max_size=20), st.integers(0, 300))
    def test_total_bounded_by_floor_and_ceiling(self, adjustments, ceiling):
        entries = [(REPORT, adjustment) for adjustment in adjustments]
        total = k.kpi_total(entries, ceiling=ceiling)
        self.assertLessEqual(0, total)
        if ceiling:
            self.assertLessEqual(total, max(ceiling, 0))
        else:
            self.assertEqual(total, max(sum(adjustments, Decimal(0)), 0))


class TestSourcedEntry(RuleCase):
    """What a value computed from records fills on an entry."""

    def test_counts_fill_occurrences_whole_and_bounded(self):
        for kind in (k.DEDUCT_ITEM, k.DEDUCT_TOTAL, k.ADD):
            self.assertEqual(k.sourced_entry(kind, 3), ("occurrences", 3))
            self.assertEqual(k.sourced_entry(kind, "2.9"), ("occurrences", 2))
            self.assertEqual(k.sourced_entry(kind, None), ("occurrences", 0))
            self.assertEqual(
                k.sourced_entry(kind, k.MAX_OCCURRENCES + 5), ("occurrences", k.MAX_OCCURRENCES)
            )

    def test_sums_fill_the_amount_and_targets_the_measure(self):
        self.assertEqual(k.sourced_entry(k.PROPORTIONAL, "50000.5"), ("amount", Decimal("50000.5")))
        self.assertEqual(k.sourced_entry(k.PROPORTIONAL, -3), ("amount", Decimal(0)))
        self.assertEqual(k.sourced_entry(k.TARGET, "87.5"), ("measured", Decimal("87.5")))

    def test_the_leaders_points_are_never_computed(self):
        for kind in (k.DISCRETIONARY, k.BONUS, "unknown"):
            with self.assertRaises(k.KpiError) as caught:
                k.sourced_entry(kind, 1)
            self.assertEqual(caught.exception.code, k.NOT_SOURCED)

    @given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, places=2))
    def test_computed_entries_always_fit_the_entry_bounds(self, value):
        _field, occurrences = k.sourced_entry(k.ADD, value)
        _field, amount = k.sourced_entry(k.PROPORTIONAL, value)
        self.assertTrue(0 <= occurrences <= k.MAX_OCCURRENCES)
        self.assertTrue(0 <= amount <= k.MAX_AMOUNT)
