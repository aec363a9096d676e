# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the points placement of seed 000's workshop variant (no Odoo needed)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import points as p
from .rules_case import RuleCase

# The minimums of a four-grade ladder above its lowest grade (ours, for the tests).
MINIMUMS = [Decimal(60), Decimal(75), Decimal(90)]
SCORES = st.decimals(0, 150, places=2)
RISING = st.lists(st.decimals(1, 200, places=2), min_size=1, max_size=8, unique=True).map(sorted)


class TestPlacement(RuleCase):
    def test_a_score_places_at_the_highest_grade_whose_minimum_it_reaches(self):
        self.assertEqual(p.placement(0, MINIMUMS), 0)
        self.assertEqual(p.placement(Decimal("59.99"), MINIMUMS), 0)
        self.assertEqual(p.placement(60, MINIMUMS), 1)
        self.assertEqual(p.placement(Decimal("74.99"), MINIMUMS), 1)
        self.assertEqual(p.placement(75, MINIMUMS), 2)
        self.assertEqual(p.placement(90, MINIMUMS), 3)
        self.assertEqual(p.placement(150, MINIMUMS), 3)
        # Floats as the ORM reads them.
        self.assertEqual(p.placement(89.99, [60.0, 75.0, 90.0]), 2)

    def test_a_ladder_of_one_grade_places_everyone_there(self):
        self.assertEqual(p.placement(100, []), 0)

    def test_a_missing_minimum_is_refused_with_its_positions(self):
        with self.assertRaises(p.PointsError) as caught:
            p.placement(80, [60, None, 0])
        self.assertEqual(caught.exception.missing, (2, 3))
        self.assertIsNone(caught.exception.not_rising)

    def test_minimums_must_rise_up_the_ladder(self):
        with self.assertRaises(p.PointsError) as caught:
            p.placement(80, [60, 60, 90])
        self.assertEqual(caught.exception.not_rising, 2)
        self.assertEqual(caught.exception.missing, ())
        with self.assertRaises(p.PointsError) as caught:
            p.placement(80, [60, 75, 70])
        self.assertEqual(caught.exception.not_rising, 3)

    def test_negative_points_are_refused(self):
        with self.assertRaises(ValueError):
            p.placement(-1, MINIMUMS)

    def test_direction(self):
        self.assertEqual(p.direction(0, 2), p.UP)
        self.assertEqual(p.direction(3, 1), p.DOWN)
        self.assertEqual(p.direction(1, 1), p.STAY)

    @given(SCORES, SCORES, RISING)
    def test_more_points_never_place_lower(self, first, second, minimums):
        low, high = sorted((first, second))
        self.assertLessEqual(p.placement(low, minimums), p.placement(high, minimums))

    @given(SCORES, RISING)
    def test_the_grade_placed_at_is_the_band_the_score_falls_in(self, score, minimums):
        position = p.placement(score, minimums)
        if position:
            self.assertGreaterEqual(score, minimums[position - 1])
        if position < len(minimums):
            self.assertLess(score, minimums[position])

    @given(RISING)
    def test_each_minimum_is_reached_exactly_at_its_value(self, minimums):
        for index, minimum in enumerate(minimums, start=1):
            self.assertEqual(p.placement(minimum, minimums), index)
            self.assertEqual(p.placement(minimum - Decimal("0.01"), minimums), index - 1)
