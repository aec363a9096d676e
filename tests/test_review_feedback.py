# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Feedback with an improvement plan after each assessment (seed 000)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .review_common import ReviewCase

FEEDBACK = "hr_technical_grade.mail_activity_review_feedback"


@tagged("post_install", "-at_install")
class TestReviewFeedback(ReviewCase):
    def feedback_inbox(self, review):
        activity_type = self.env.ref(FEEDBACK)
        return (
            review.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            .user_id
        )

    def test_the_superior_writes_the_improvement_plan_of_a_finished_review(self):
        review = self.open_review()
        with self.assertRefused(UserError, "is not finished"):
            review.with_user(self.manager_user).improvement_plan = "<p>Too early</p>"
        self.assertFalse(self.feedback_inbox(review))
        self.finish(review, results=70, reviewers=70)
        self.assertEqual(review.state, "done")
        # The superior is asked for the feedback as soon as the review is finished.
        self.assertEqual(self.feedback_inbox(review), self.manager_user)
        # Neither the engineer nor a colleague writes it.
        with self.assertRefused(AccessError, "writes the improvement plan"):
            review.with_user(self.engineer_user).improvement_plan = "<p>Mine</p>"
        plan = "<p>Two commissioning reports a month; shadow the senior on-site.</p>"
        review.with_user(self.manager_user).improvement_plan = plan
        self.assertEqual(review.improvement_plan, plan)
        self.assertFalse(self.feedback_inbox(review))
        self.assertIn("Improvement plan written", review.message_ids[0].body)
        # The engineer reads it.
        self.assertEqual(review.with_user(self.engineer_user).improvement_plan, plan)
        # Writing the plan opens nothing else of a finished review.
        with self.assertRefused(AccessError, "otherwise HR's"):
            review.with_user(self.manager_user).write(
                {"improvement_plan": "<p>x</p>", "results_score": 100}
            )
