# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of assessment scoring (no Odoo needed)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import scoring as s
from .rules_case import RuleCase


class TestWeights(RuleCase):
    def test_seed_weights_total_100(self):
        self.assertEqual(s.check_weights([40, 20, 20, 10, 10]), 100)
        self.assertEqual(s.check_weights([10] * 5 + [6.25] * 8), 100)

    def test_weights_not_totalling_100_are_refused(self):
        for weights in [[40, 20, 20, 10], [50, 60], [], [110, -10]]:
            with self.subTest(weights=weights):
                with self.assertRaises(s.WeightError):
                    s.check_weights(weights)

    def test_negative_weight_is_named(self):
        with self.assertRaises(s.WeightError) as err:
            s.check_weights([110, -10])
        self.assertTrue(err.exception.negative)


class TestEqualWeightScore(RuleCase):
    def test_mean_of_the_ratings(self):
        self.assertEqual(s.equal_weight_score([100, 80, 60]), Decimal("80.00"))
        self.assertEqual(s.equal_weight_score([100] * 12 + [60]), Decimal("96.92"))

    def test_unrated_criteria_count_as_zero_and_no_criteria_score_zero(self):
        self.assertEqual(s.equal_weight_score([80, None]), Decimal("40.00"))
        self.assertEqual(s.equal_weight_score([]), Decimal("0.00"))

    def test_points_outside_the_scale_are_refused(self):
        for bad in ([101], [-1]):
            with self.assertRaises(ValueError):
                s.equal_weight_score(bad)
        with self.assertRaises(ValueError):
            s.equal_weight_score([1], max_points=0)

    @given(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=30))
    def test_property_equal_weights_agree_with_weighted_score(self, points):
        """Equal weights are the weighted score with 100 / n each (to the cent)."""
        equal = s.equal_weight_score(points)
        weight = Decimal(100) / len(points)
        weighted = s.weighted_score([(weight, p) for p in points])
        self.assertLessEqual(abs(equal - weighted), Decimal("0.01"))
        self.assertTrue(Decimal(0) <= equal <= Decimal(100))


class TestWeightedScore(RuleCase):
    def test_weighted_score_of_the_40_20_20_10_10_form(self):
        ratings = [(40, 90), (20, 80), (20, 85), (10, 70), (10, 100)]
        # 36 + 16 + 17 + 7 + 10
        self.assertEqual(s.weighted_score(ratings), Decimal("86.00"))

    def test_levels_scale_score(self):
        # 优秀 = 100, 良好 = 80, 合格 = 60 on a 100-point maximum
        ratings = [(10, 100)] * 5 + [(6.25, 80)] * 4 + [(6.25, 60)] * 4
        self.assertEqual(s.weighted_score(ratings), Decimal("85.00"))

    def test_scale_with_another_maximum(self):
        self.assertEqual(s.weighted_score([(50, 4), (50, 5)], max_points=5), Decimal("90.00"))

    def test_unrated_criteria_count_as_zero(self):
        self.assertEqual(s.weighted_score([(50, 100), (50, None)]), Decimal("50.00"))

    def test_points_outside_the_scale_are_refused(self):
        for points in [-1, 101]:
            with self.subTest(points=points):
                with self.assertRaises(ValueError):
                    s.weighted_score([(100, points)])

    @given(
        st.lists(st.integers(1, 50), min_size=1, max_size=12),
        st.data(),
    )
    def test_property_score_is_between_0_and_100_and_monotonic(self, raw_weights, data):
        total = sum(raw_weights)
        weights = [Decimal(w) * 100 / total for w in raw_weights]
        points = [data.draw(st.integers(0, 100)) for _ in weights]
        score = s.weighted_score(list(zip(weights, points, strict=True)))
        self.assertLessEqual(Decimal(0), score)
        self.assertLessEqual(score, Decimal(100))
        self.assertEqual(s.weighted_score([(w, 100) for w in weights]), Decimal("100.00"))
        i = data.draw(st.integers(0, len(points) - 1))
        better = list(points)
        better[i] = min(100, better[i] + 10)
        self.assertGreaterEqual(s.weighted_score(list(zip(weights, better, strict=True))), score)


class TestWeightedTotal(RuleCase):
    def test_the_parts_weigh_their_share(self):
        weights = {"assessment": 40, "written": 30, "interview": 30}
        scores = {"assessment": 100, "written": 80, "interview": 60, "theory": 90}
        # The theory score is not a part of these weights: it does not count.
        self.assertEqual(s.weighted_total(weights, scores), Decimal("82.00"))

    def test_a_part_without_a_score_counts_zero_and_scores_stay_in_range(self):
        self.assertEqual(s.weighted_total({"assessment": 100}, {}), Decimal("0.00"))
        for bad in (-1, 100.01):
            with self.subTest(score=bad), self.assertRaises(ValueError):
                s.weighted_total({"theory": 100}, {"theory": bad})

    def test_the_seed_names_seven_parts_and_ships_three(self):
        self.assertEqual(len(s.EXAM_PARTS), 7)
        self.assertEqual(s.SEED_EXAM_PARTS, ("theory", "practical", "teaching"))
