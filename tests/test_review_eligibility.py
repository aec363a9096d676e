# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.fields import Command
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewEligibility(ReviewCase):
    """Promotion asks for recent periodic results, when the grade says so."""

    def setUp(self):
        super().setUp()
        self.reviews = self.finish(
            self.open_review(self.colleague, date(2026, 1, 15)), results=80, reviewers=80
        ) | self.finish(
            self.open_review(self.colleague, date(2026, 2, 15)), results=90, reviewers=80
        )
        self.mean = round(sum(self.reviews.mapped("final_score")) / 2, 2)

    def promotion(self):
        Evaluation = self.env["hr.technical.grade.evaluation"]
        # One open request per employee and kind: the previous one is withdrawn.
        Evaluation.search(
            [("employee_id", "=", self.colleague.id), ("state", "=", "draft")]
        ).action_cancel()
        return Evaluation.create({"employee_id": self.colleague.id, "kind": "promotion"})

    def test_recent_results_below_the_mark_refuse_the_promotion(self):
        self.assertTrue(self.promotion().eligible)  # they average 良 or better
        self.intermediate.min_review_result = self.mean + 1
        evaluation = self.promotion()
        self.assertFalse(evaluation.eligible)
        self.assertIn(f"they average {self.mean}", evaluation.eligibility_problems)
        # Counting only the latest review, the mark is reached.
        self.intermediate.review_result_count = 1
        self.assertTrue(self.promotion().eligible)

    def test_the_seed_ladder_promotes_good_and_excellent_results_only(self):
        # Seed 003: 业绩优良 are promoted (第17条); 良 starts at 80 (第16条); the
        # yearly result is the mean of the quarters (第9条): four results.
        for xmlid in ("grade_junior", "grade_intermediate", "grade_senior", "grade_expert"):
            grade = self.env.ref(f"hr_technical_grade.{xmlid}")
            self.assertEqual((grade.min_review_result, grade.review_result_count), (80, 4))
        self.intermediate.write({"min_review_result": 80, "review_result_count": 4})
        self.assertTrue(self.promotion().eligible)
        low = self.finish(
            self.open_review(self.colleague, date(2026, 3, 15)), results=70, reviewers=70
        ) | self.finish(
            self.open_review(self.colleague, date(2026, 4, 15)), results=70, reviewers=70
        )
        scores = (self.reviews | low).mapped("final_score")
        mean = round(sum(scores) / 4, 2)
        self.assertLess(mean, 80)  # a 中 year
        evaluation = self.promotion()
        self.assertFalse(evaluation.eligible)
        self.assertIn(f"they average {mean}", evaluation.eligibility_problems)

    def test_the_campaign_skips_engineers_below_the_mark(self):
        self.intermediate.min_review_result = self.mean + 1
        wizard = (
            self.env["hr.technical.grade.campaign.wizard"]
            .with_user(self.hr_officer)
            .create({"employee_ids": [Command.set(self.colleague.ids)]})
        )
        wizard.action_confirm()
        self.run_opening_cron()
        campaign = self.env["hr.technical.grade.campaign"].search([], order="id desc", limit=1)
        self.assertFalse(campaign.evaluation_ids)
        # The reason is HR's to read, not the chatter's.
        self.assertEqual(campaign.skipped_ids.employee_id, self.colleague)
        self.assertIn("recent periodic reviews", campaign.skipped_ids.reason)
        self.assertNotIn("recent periodic reviews", campaign.message_ids[0].body)

    def test_my_technical_grade_shows_my_reviews_results(self):
        self.intermediate.min_review_result = self.mean + 1
        public = (
            self.env["hr.employee.public"].with_user(self.colleague_user).browse(self.colleague.id)
        )
        values = public.web_read(
            {
                "my_review_ids": {"fields": {"final_score": {}, "band": {}}},
                "my_recent_result": {},
                "my_required_result": {},
                "my_can_apply": {},
                "my_has_review": {},
            }
        )[0]
        self.assertTrue(values["my_has_review"])
        self.assertEqual(
            sorted(r["final_score"] for r in values["my_review_ids"]),
            sorted(self.reviews.mapped("final_score")),
        )
        self.assertEqual(values["my_recent_result"], self.mean)
        self.assertEqual(values["my_required_result"], self.mean + 1)
        self.assertFalse(values["my_can_apply"])
