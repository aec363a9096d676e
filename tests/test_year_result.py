# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

import importlib.util
from datetime import date
from pathlib import Path

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .review_common import ReviewCase

MIGRATION = (
    Path(__file__).parent.parent / "migrations" / "18.0.2.4.0" / "post-10-promotion-results.py"
)


@tagged("post_install", "-at_install")
class TestYearResult(ReviewCase):
    """The year-end comprehensive evaluation: the mean of the year's results
    (seed 003, 第9条), a ground of the dynamic grade adjustment (seed 000)."""

    def results(self, plan=None):
        return (plan or self.plan).with_user(self.hr_officer).action_open_year_results()

    def result_of(self, employee, year):
        return self.env["hr.technical.grade.year.result"].search(
            [("employee_id", "=", employee.id), ("plan_id", "=", self.plan.id), ("year", "=", year)]
        )

    def test_the_yearly_result_is_the_mean_of_the_years_results(self):
        last_year = self.finish(self.open_review(day=date(2025, 12, 15)), 90, 90)
        reviews = self.finish(self.open_review(day=date(2026, 1, 15)), 80, 80) | self.finish(
            self.open_review(day=date(2026, 3, 15)), 90, 85
        )
        action = self.results()
        result = self.result_of(self.engineer, "2026")
        self.assertIn(result.id, action["domain"][0][2])
        self.assertEqual(result.review_ids, reviews)
        self.assertEqual(result.review_count, 2)
        expected = round(sum(reviews.mapped("final_score")) / 2, 2)
        self.assertAlmostEqual(result.score, expected, places=2)
        self.assertTrue(80 <= expected < 90, expected)
        self.assertEqual(result.band, "good")
        self.assertEqual(result.state, "draft")
        self.assertEqual(self.result_of(self.engineer, "2025").review_ids, last_year)
        # Computing again makes no second result.
        self.results()
        self.assertEqual(len(self.result_of(self.engineer, "2026")), 1)

    def test_a_confirmed_yearly_result_is_fixed(self):
        self.finish(self.open_review(day=date(2026, 1, 15)), 80, 80)
        self.results()
        result = self.result_of(self.engineer, "2026")
        before = result.score
        result.with_user(self.hr_officer).action_confirm()
        self.assertEqual(result.state, "confirmed")
        self.assertEqual(result.confirm_user_id, self.hr_officer)
        self.finish(self.open_review(day=date(2026, 3, 15)), 40, 40)
        self.results()
        self.assertEqual((result.score, len(result.review_ids)), (before, 1))
        with self.assertRaises(AccessError):
            result.with_user(self.hr_officer).write({"score": 99})

    def test_a_yearly_result_in_fail_proposes_a_demotion(self):
        # Two failed months that are not consecutive propose nothing by themselves
        # (the blended plan: 50 % of a KPI total from 80, 20 % results, 30 % 360°).
        self.finish(self.open_review(day=date(2026, 1, 15)), 10, 10)
        self.finish(self.open_review(day=date(2026, 3, 15)), 10, 10)
        Evaluation = self.env["hr.technical.grade.evaluation"]
        demotions = [("employee_id", "=", self.engineer.id), ("kind", "=", "demotion")]
        self.assertFalse(Evaluation.search(demotions))
        self.results()
        result = self.result_of(self.engineer, "2026")
        self.assertEqual(result.band, "fail")
        result.with_user(self.hr_officer).action_confirm()
        proposal = Evaluation.search(demotions)
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.demotion_reason, "yearly_result")
        self.assertEqual(proposal.target_grade_id, self.junior)
        self.assertEqual(proposal.state, "draft")
        self.assertEqual(result.demotion_evaluation_id, proposal)

    def test_the_company_may_keep_the_yearly_result_out_of_demotions(self):
        self.company.technical_grade_year_demotion = False
        self.finish(self.open_review(day=date(2026, 1, 15)), 10, 10)
        self.results()
        result = self.result_of(self.engineer, "2026")
        self.assertEqual(result.band, "fail")
        result.with_user(self.hr_officer).action_confirm()
        self.assertFalse(result.demotion_evaluation_id)
        self.assertFalse(
            self.env["hr.technical.grade.evaluation"].search(
                [("employee_id", "=", self.engineer.id), ("kind", "=", "demotion")]
            )
        )

    def test_only_hr_computes_and_confirms_and_engineers_read_their_own(self):
        self.finish(self.open_review(day=date(2026, 1, 15)), 80, 80)
        self.finish(self.open_review(self.colleague, date(2026, 1, 15)), 80, 80)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.engineer_user).action_open_year_results()
        self.results()
        mine = self.result_of(self.engineer, "2026")
        theirs = self.result_of(self.colleague, "2026")
        Result = self.env["hr.technical.grade.year.result"].with_user(self.engineer_user)
        self.assertEqual(Result.search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.engineer_user).read(["score"])
        with self.assertRaises(AccessError):
            mine.with_user(self.engineer_user).action_confirm()
        with self.assertRaises(AccessError):
            mine.with_user(self.engineer_user).write({"score": 100})
        with self.assertRaises(AccessError):
            Result.create(
                {
                    "employee_id": self.engineer.id,
                    "plan_id": self.plan.id,
                    "year": "2027",
                    "score": 100,
                }
            )
        self.assertEqual(mine.state, "draft")

    def test_the_upgrade_gives_the_seed_grades_the_result_condition(self):
        """migrations/18.0.2.4.0: the seed grades at the former values (0 over
        two reviews) require 80 over four; a grade a company changed keeps its own."""
        spec = importlib.util.spec_from_file_location("promotion_results", MIGRATION)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        self.junior.write({"min_review_result": 0, "review_result_count": 2})
        self.senior.write({"min_review_result": 75, "review_result_count": 2})
        self.trainee.write({"min_review_result": 0, "review_result_count": 2})
        self.env.flush_all()
        migration.migrate(self.env.cr, "18.0.2.3.0")
        self.env.invalidate_all()
        self.assertEqual((self.junior.min_review_result, self.junior.review_result_count), (80, 4))
        self.assertEqual((self.senior.min_review_result, self.senior.review_result_count), (75, 2))
        self.assertEqual((self.trainee.min_review_result, self.trainee.review_result_count), (0, 2))
