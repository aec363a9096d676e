# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Tests of the new staff's training and early confirmation (no Odoo needed)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ..grade_rules import training as t
from .rules_case import RuleCase

D = date.fromisoformat


class TestTrainingEnd(RuleCase):
    def test_the_seeds_two_months(self):
        # 为期2个月的业务技能培训: started on 10 March, graded from 10 May.
        self.assertEqual(t.training_end(D("2026-03-10"), 2), D("2026-05-10"))
        self.assertEqual(t.training_end(D("2026-11-15"), 2), D("2027-01-15"))

    def test_a_missing_day_ends_on_the_months_last_day(self):
        self.assertEqual(t.training_end(D("2025-12-31"), 2), D("2026-02-28"))
        self.assertEqual(t.training_end(D("2023-12-31"), 2), D("2024-02-29"))

    def test_no_training(self):
        self.assertIsNone(t.training_end(D("2026-03-10"), 0))
        with self.assertRaises(ValueError):
            t.training_end(D("2026-03-10"), -1)

    @given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(1, 36))
    def test_a_training_is_never_shorter_than_its_months(self, start, months):
        end = t.training_end(start, months)
        self.assertGreater(end, start)
        # At least the shortest months' days, at most the longest's.
        self.assertGreaterEqual((end - start).days, months * 28 - 3)
        self.assertLessEqual((end - start).days, months * 31)


class TestEarlyConfirmation(RuleCase):
    start = D("2026-03-10")

    def problems(self, today, experience=3, training=2, early=1, minimum=1):
        return t.early_confirmation_problems(
            D(today), self.start, training, early, experience, minimum
        )

    def test_one_month_in_with_a_year_of_experience(self):
        # 有1年以上经验的售后人员可在1个月时申请提前转正考核.
        self.assertEqual(self.problems("2026-04-10", experience=1), [])
        self.assertEqual(self.problems("2026-05-09", experience=5), [])

    def test_before_the_month(self):
        self.assertEqual(self.problems("2026-04-09"), [(t.TOO_EARLY, D("2026-04-10"))])

    def test_without_the_experience(self):
        self.assertEqual(self.problems("2026-04-20", experience=0), [(t.EXPERIENCE, 1)])
        self.assertEqual(
            self.problems("2026-03-20", experience=0),
            [(t.TOO_EARLY, D("2026-04-10")), (t.EXPERIENCE, 1)],
        )

    def test_once_the_training_is_over_the_regular_grading_is_due(self):
        self.assertEqual(self.problems("2026-05-10"), [(t.TRAINING_OVER, D("2026-05-10"))])

    def test_a_ladder_without_training_or_early_confirmation(self):
        self.assertEqual(self.problems("2026-04-20", training=0), [(t.NO_TRAINING, None)])
        self.assertEqual(self.problems("2026-04-20", early=0), [(t.NO_EARLY, None)])
        # An early confirmation at or after the training's end is none.
        self.assertEqual(self.problems("2026-04-20", early=2), [(t.NO_EARLY, None)])
        with self.assertRaises(ValueError):
            self.problems("2026-04-20", early=-1)

    @given(
        st.dates(date(2020, 1, 1), date(2030, 12, 31)),
        st.integers(0, 120),
        st.integers(0, 10),
    )
    def test_asking_is_possible_exactly_between_the_early_day_and_the_end(
        self, start, offset, experience
    ):
        today = start + timedelta(days=offset)
        problems = t.early_confirmation_problems(today, start, 2, 1, experience, 1)
        first = t.early_confirmation_day(start, 2, 1)
        end = t.training_end(start, 2)
        self.assertEqual(problems == [], first <= today < end and experience >= 1)


class TestModularTraining(RuleCase):
    """Seed 000, 海尔售后工程师升级方案: modules with their standard, online and on site."""

    def test_the_seeds_methods_belong_to_their_mode(self):
        # 线上培训: 远程培训、在线考试、案例分析
        for method in ("remote", "online_exam", "case_analysis"):
            self.assertTrue(t.method_fits_mode(t.ONLINE, method))
            self.assertFalse(t.method_fits_mode(t.OFFLINE, method))
        # 线下培训: 集中培训、实地操作、经验交流
        for method in ("classroom", "on_site", "experience_sharing"):
            self.assertTrue(t.method_fits_mode(t.OFFLINE, method))
            self.assertFalse(t.method_fits_mode(t.ONLINE, method))
        with self.assertRaises(ValueError):
            t.method_fits_mode("blended", "remote")

    def test_the_later_result_of_a_module_counts(self):
        results = [
            ("basics", D("2026-03-01"), t.FAILED),
            ("basics", D("2026-04-01"), t.PASSED),
            ("diagnosis", D("2026-03-01"), t.PASSED),
            ("diagnosis", D("2026-05-01"), t.FAILED),
            ("skills", D("2026-06-01"), t.PENDING),
        ]
        self.assertEqual(t.module_standing(results), {"basics": t.PASSED, "diagnosis": t.FAILED})
        self.assertEqual(
            t.modules_to_pass(["basics", "diagnosis", "skills", "service"], results),
            ["diagnosis", "skills", "service"],
        )

    def test_a_pass_counts_over_a_failure_of_the_same_day(self):
        day = D("2026-03-01")
        for order in ((t.FAILED, t.PASSED), (t.PASSED, t.FAILED)):
            results = [("basics", day, order[0]), ("basics", day, order[1])]
            self.assertEqual(t.module_standing(results), {"basics": t.PASSED})

    @given(
        st.lists(
            st.tuples(
                st.sampled_from("abcd"),
                st.dates(date(2026, 1, 1), date(2026, 12, 31)),
                st.sampled_from([t.PENDING, t.PASSED, t.FAILED, t.ABSENT]),
            ),
            max_size=20,
        )
    )
    def test_a_module_is_passed_only_by_its_latest_decided_result(self, results):
        standing = t.module_standing(results)
        for module in "abcd":
            decided = [(day, r) for m, day, r in results if m == module and r in t.DECIDED]
            if not decided:
                self.assertNotIn(module, standing)
                continue
            last_day = max(day for day, _r in decided)
            last = {r for day, r in decided if day == last_day}
            self.assertEqual(standing[module] == t.PASSED, t.PASSED in last)
        self.assertEqual(
            t.modules_to_pass(list("abcd"), results),
            [m for m in "abcd" if standing.get(m) != t.PASSED],
        )
