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


class TestKpiScore(RuleCase):
    def test_kpi_score_stays_between_zero_and_hundred(self):
        self.assertEqual(k.kpi_score([-5, 20, "-2.5"], start=80), Decimal("92.50"))
        self.assertEqual(k.kpi_score([-150], start=80), 0)
        self.assertEqual(k.kpi_score([30], start=80), 100)

    @given(st.lists(st.decimals(-200, 200, places=2), max_size=20))
    def test_kpi_score_is_bounded(self, adjustments):
        score = k.kpi_score(adjustments, start=80)
        self.assertLessEqual(0, score)
        self.assertLessEqual(score, 100)
