# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of 360 weighting, bands and results (no Odoo needed)."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import review as r
from .rules_case import RuleCase

SEED = {r.SUPERIOR: 40, r.PEERS: 30, r.SUBORDINATES: 30}
SCORES = st.decimals(0, 100, places=2)


def month(year, number):
    return r.month_index(date(year, number, 1))


class TestScore360(RuleCase):
    def test_all_three_groups_use_the_seed_weights(self):
        scores = {r.SUPERIOR: [90], r.PEERS: [80, 70], r.SUBORDINATES: [60, 70, 80]}
        # 40 × 90 + 30 × 75 + 30 × 70 = 3600 + 2250 + 2100
        self.assertEqual(r.score_360(scores, SEED, single_superior=60), Decimal("79.50"))

    def test_without_peers_the_superior_weighs_60(self):
        self.assertEqual(
            r.group_weights(SEED, {r.SUPERIOR, r.SUBORDINATES}, 60),
            {
                r.SUPERIOR: 60,
                r.SUBORDINATES: 40,
            },
        )
        scores = {r.SUPERIOR: [90], r.SUBORDINATES: [70, 80]}
        self.assertEqual(r.score_360(scores, SEED, single_superior=60), Decimal("84.00"))

    def test_without_subordinates_the_superior_weighs_60(self):
        scores = {r.SUPERIOR: [90], r.PEERS: [60], r.SUBORDINATES: []}
        self.assertEqual(r.score_360(scores, SEED, single_superior=60), Decimal("78.00"))

    def test_with_neither_the_superior_weighs_100(self):
        self.assertEqual(r.group_weights(SEED, {r.SUPERIOR}, 60), {r.SUPERIOR: 100})
        self.assertEqual(
            r.score_360({r.SUPERIOR: [77]}, SEED, single_superior=60), Decimal("77.00")
        )

    def test_fallback_applies_to_other_weights(self):
        weights = {r.SUPERIOR: 50, r.PEERS: 30, r.SUBORDINATES: 20}
        # no single-group weight set: the missing weight is shared in proportion
        self.assertEqual(
            r.group_weights(weights, {r.SUPERIOR, r.PEERS}),
            {
                r.SUPERIOR: Decimal(50) * 100 / 80,
                r.PEERS: Decimal(30) * 100 / 80,
            },
        )
        self.assertEqual(
            r.group_weights(weights, {r.SUPERIOR, r.PEERS}, 70), {r.SUPERIOR: 70, r.PEERS: 30}
        )

    def test_nobody_reviewed(self):
        self.assertIsNone(r.score_360({}, SEED, 60))

    @given(
        st.fixed_dictionaries(
            {g: st.lists(SCORES, max_size=4) for g in (r.SUPERIOR, r.PEERS, r.SUBORDINATES)}
        )
    )
    def test_360_score_stays_within_the_scores(self, scores):
        result = r.score_360(scores, SEED, single_superior=60)
        given_scores = [s for values in scores.values() for s in values]
        if not given_scores:
            self.assertIsNone(result)
        else:
            self.assertLessEqual(min(given_scores) - Decimal("0.01"), result)
            self.assertLessEqual(result, max(given_scores) + Decimal("0.01"))

    @given(
        st.integers(0, 100),
        st.integers(0, 100),
        st.integers(0, 100),
        st.sets(st.sampled_from(r.GROUPS), min_size=1),
    )
    def test_applied_weights_total_100(self, superior, peers, subordinates, present):
        weights = {r.SUPERIOR: superior, r.PEERS: peers, r.SUBORDINATES: subordinates}
        applied = r.group_weights(weights, present, 60 if r.SUPERIOR in present else None)
        if len(present) < 3:
            self.assertLess(abs(sum(applied.values()) - 100), Decimal("0.0001"))
        self.assertEqual(set(applied), set(present))


class TestBands(RuleCase):
    def test_band_edges(self):
        cases = [
            (100, r.EXCELLENT),
            (90, r.EXCELLENT),
            ("89.99", r.GOOD),
            (80, r.GOOD),
            ("79.99", r.AVERAGE),
            (70, r.AVERAGE),
            (60, r.POOR),
            ("59.99", r.FAIL),
            (0, r.FAIL),
        ]
        for score, expected in cases:
            with self.subTest(score=score):
                self.assertEqual(r.band(score), expected)

    def test_configurable_thresholds(self):
        thresholds = {r.EXCELLENT: 95, r.GOOD: 85, r.AVERAGE: 75, r.POOR: 65}
        self.assertEqual(r.band(90, thresholds), r.GOOD)
        self.assertTrue(r.check_thresholds(thresholds))
        self.assertFalse(
            r.check_thresholds({r.EXCELLENT: 80, r.GOOD: 85, r.AVERAGE: 75, r.POOR: 65})
        )

    @given(SCORES)
    def test_band_is_monotonic(self, score):
        order = list(r.BANDS)
        self.assertGreaterEqual(
            order.index(r.band(score)), order.index(r.band(min(score + 10, 100)))
        )


class TestResults(RuleCase):
    def test_yearly_result_is_the_mean_of_the_quarters(self):
        self.assertEqual(r.yearly_result([92, 85, "78.5", 70]), Decimal("81.38"))
        self.assertEqual(r.band(r.yearly_result([92, 85, "78.5", 70])), r.GOOD)
        self.assertIsNone(r.yearly_result([]))

    def test_weighted_total(self):
        self.assertEqual(r.weighted_total([(50, 80), (20, 90), (30, 60)]), Decimal("76.00"))

    def test_a_missing_part_never_counts_as_zero(self):
        with self.assertRaises(r.MissingPart) as caught:
            r.weighted_total([(50, 80), (20, 90), (30, None)])
        self.assertEqual(caught.exception.parts, (2,))
        # A part that weighs nothing may be missing.
        self.assertEqual(r.weighted_total([(100, 80), (0, None)]), Decimal("80.00"))

    def test_no_part_that_weighs_is_not_a_score(self):
        with self.assertRaises(r.MissingPart):
            r.composite({r.KPI: 0, r.ABILITY: 0}, {r.KPI: 80, r.ABILITY: 70})


class TestParts(RuleCase):
    WEIGHTS = {r.KPI: 50, r.RESULTS: 20, r.ABILITY: 30}

    def test_weights_unchanged_without_exclusion(self):
        self.assertEqual(r.applied_weights(self.WEIGHTS), self.WEIGHTS)

    def test_an_excluded_part_shares_its_weight_out(self):
        applied = r.applied_weights(self.WEIGHTS, {r.RESULTS})
        self.assertEqual(applied[r.RESULTS], 0)
        self.assertEqual(applied[r.KPI], Decimal(50) * 100 / 80)
        self.assertEqual(applied[r.ABILITY], Decimal(30) * 100 / 80)
        self.assertEqual(applied[r.KPI] + applied[r.ABILITY], 100)

    def test_every_part_out_weighs_nothing(self):
        applied = r.applied_weights(self.WEIGHTS, set(r.PARTS))
        self.assertEqual(set(applied.values()), {0})
        with self.assertRaises(r.MissingPart):
            r.composite(applied, {})

    def test_seed_003_plan_is_the_360_composite(self):
        weights = r.applied_weights({r.KPI: 0, r.RESULTS: 0, r.ABILITY: 100})
        scores = {r.SUPERIOR: [90], r.PEERS: [80, 70], r.SUBORDINATES: [60]}
        exact = r.score_360(scores, SEED, single_superior=60, digits=None)
        self.assertEqual(r.composite(weights, {r.ABILITY: exact}), Decimal("76.5"))

    def test_missing_parts_named(self):
        self.assertEqual(
            r.missing_parts(self.WEIGHTS, {r.KPI: 80, r.RESULTS: None}), [r.RESULTS, r.ABILITY]
        )

    @given(
        st.lists(st.decimals(0, 100, places=2), min_size=3, max_size=3),
        st.sets(st.sampled_from(r.PARTS), max_size=2),
    )
    def test_applied_weights_total_100(self, weights, excluded):
        configured = dict(zip(r.PARTS, weights, strict=True))
        applied = r.applied_weights(configured, excluded)
        if any(w > 0 for p, w in configured.items() if p not in excluded):
            self.assertAlmostEqual(float(sum(applied.values())), 100.0, places=9)
        else:
            self.assertEqual(sum(applied.values()), 0)
        for part in excluded:
            self.assertEqual(applied[part], 0)


class TestExactBands(RuleCase):
    def test_no_rounding_before_the_band(self):
        # 50 % × 89.99 + 50 % × 90 = 89.995: 良, although it shows as 90.00.
        exact = r.weighted_total([(50, "89.99"), (50, 90)], digits=None)
        self.assertEqual(exact, Decimal("89.995"))
        self.assertEqual(r.band(exact), r.GOOD)
        self.assertEqual(r.weighted_total([(50, "89.99"), (50, 90)]), Decimal("90.00"))
        exact = r.weighted_total([(50, "59.99"), (50, 60)], digits=None)
        self.assertEqual(r.band(exact), r.FAIL)

    def test_yearly_mean_exact(self):
        exact = r.yearly_result(["89.99", 90], digits=None)
        self.assertEqual(r.band(exact), r.GOOD)


class TestConsecutiveFailures(RuleCase):
    def test_two_failed_months_in_a_row(self):
        periods = [(month(2026, 1), True), (month(2026, 2), True), (month(2026, 3), False)]
        self.assertEqual(r.consecutive_failures(periods), [(month(2026, 1), month(2026, 2))])

    def test_failures_across_the_new_year_count(self):
        periods = [(month(2025, 12), True), (month(2026, 1), True)]
        self.assertEqual(len(r.consecutive_failures(periods)), 1)

    def test_failures_with_a_gap_do_not_count(self):
        periods = [(month(2026, 1), True), (month(2026, 2), False), (month(2026, 3), True)]
        self.assertEqual(r.consecutive_failures(periods), [])
        self.assertEqual(
            r.consecutive_failures([(month(2026, 1), True), (month(2026, 3), True)]), []
        )

    def test_three_failures_make_one_run(self):
        periods = [(month(2026, m), True) for m in (1, 2, 3)]
        self.assertEqual(r.consecutive_failures(periods), [(month(2026, 1), month(2026, 2))])


class TestSelfAssessment(RuleCase):
    def test_weight_zero_changes_nothing(self):
        self.assertEqual(r.with_self_assessment(Decimal(76), None, 0), 76)
        self.assertEqual(r.with_self_assessment(Decimal(76), 100, 0), 76)

    def test_self_assessment_weighs_its_share(self):
        self.assertEqual(r.with_self_assessment(Decimal(76), 100, 20), Decimal("80.8"))
        self.assertIsNone(r.with_self_assessment(Decimal(76), None, 20), "missing, not 0")
        self.assertIsNone(r.with_self_assessment(None, 100, 20))

    def test_roles_propose_the_seed_groups(self):
        self.assertEqual(r.PROPOSED_GROUPS[r.HEAD], (r.SUPERIOR, r.SUBORDINATES))
        self.assertEqual(r.PROPOSED_GROUPS[r.STAFF], (r.SUPERIOR, r.PEERS))

    @given(SCORES, SCORES, st.decimals(0, 100, places=2))
    def test_between_the_two_scores(self, others, own, weight):
        value = r.with_self_assessment(others, own, weight)
        self.assertLessEqual(min(others, own), value)
        self.assertLessEqual(value, max(others, own))
