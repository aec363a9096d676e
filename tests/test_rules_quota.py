# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the campaign quota ranking (no Odoo needed)."""

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import quota as q
from .rules_case import RuleCase


def ranks(result):
    return [(r.key, r.rank, r.within_quota) for r in result]


scores = st.decimals(min_value=0, max_value=100, places=2).map(float)
candidate_lists = st.lists(st.tuples(scores, scores), max_size=15).map(
    lambda pairs: [q.Candidate(i, final, form, i) for i, (final, form) in enumerate(pairs)]
)


class TestRanking(RuleCase):
    def test_higher_final_score_ranks_first_and_quota_cuts(self):
        candidates = [q.Candidate("a", 80.0, 70, 1), q.Candidate("b", 92.5, 60, 2)]
        candidates.append(q.Candidate("c", 85.0, 90, 3))
        self.assertEqual(
            ranks(q.rank_candidates(candidates, 2)),
            [
                ("b", 1, True),
                ("c", 2, True),
                ("a", 3, False),
            ],
        )

    def test_ties_go_to_the_assessment_score_then_the_earlier_request(self):
        candidates = [
            q.Candidate("late", 88.0, 75.0, 9),
            q.Candidate("early", 88.0, 75.0, 4),
            q.Candidate("better_form", 88.0, 80.0, 12),
        ]
        self.assertEqual(
            [r.key for r in q.rank_candidates(candidates, 1)], ["better_form", "early", "late"]
        )

    def test_float_noise_does_not_decide(self):
        candidates = [q.Candidate("x", 0.1 + 0.2, 0, 2), q.Candidate("y", 0.3, 0, 1)]
        self.assertEqual([r.key for r in q.rank_candidates(candidates, 1)], ["y", "x"])

    @given(candidate_lists, st.integers(min_value=0, max_value=20), st.randoms())
    def test_ranking_properties(self, candidates, quota, rnd):
        result = q.rank_candidates(candidates, quota)
        # Every candidate once, ranks 1..n, exactly min(quota, n) within.
        self.assertEqual(sorted(r.key for r in result), sorted(c.key for c in candidates))
        self.assertEqual([r.rank for r in result], list(range(1, len(candidates) + 1)))
        self.assertEqual(sum(r.within_quota for r in result), min(quota, len(candidates)))
        # Nobody outside the quota has a better final score than someone within it.
        by_key = {c.key: c for c in candidates}
        inside = [by_key[r.key].final_score for r in result if r.within_quota]
        outside = [by_key[r.key].final_score for r in result if not r.within_quota]
        if inside and outside:
            self.assertGreaterEqual(min(inside), max(outside))
        # The input order does not matter.
        shuffled = list(candidates)
        rnd.shuffle(shuffled)
        self.assertEqual(q.rank_candidates(shuffled, quota), result)


class TestQuota(RuleCase):
    def test_zero_quota_and_no_quota(self):
        candidates = [q.Candidate("a", 90.0), q.Candidate("b", 70.0, filed=1)]
        self.assertEqual([r.within_quota for r in q.rank_candidates(candidates, 0)], [False, False])
        self.assertEqual(
            [r.within_quota for r in q.rank_candidates(candidates, None)], [True, True]
        )
        self.assertEqual(q.rank_candidates([], 3), [])

    def test_negative_quota_is_refused(self):
        with self.assertRaises(ValueError):
            q.rank_candidates([q.Candidate("a", 90.0)], -1)
