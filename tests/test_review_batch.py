# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewBatch(ReviewCase):
    """The wizard and the scheduled action open a period's reviews in one batch."""

    def test_wizard_opens_the_department(self):
        wizard = (
            self.env["hr.technical.grade.review.open.wizard"]
            .with_user(self.hr_officer)
            .create(
                {
                    "plan_id": self.plan.id,
                    "department_id": self.department.id,
                    "date": date(2026, 7, 9),
                }
            )
        )
        action = wizard.action_open()
        reviews = self.env["hr.technical.grade.review"].search(action["domain"])
        self.assertEqual(
            reviews.employee_id,
            self.manager | self.engineer | self.colleague | self.trainee_employee,
        )
        self.assertEqual(set(reviews.mapped("period_start")), {date(2026, 7, 1)})
        again = self.env["hr.technical.grade.review"].search(wizard.action_open()["domain"])
        self.assertFalse(again, "a second run opens nothing twice")

    def test_opening_is_batched(self):
        """The queries of a batch grow by a small constant per review."""
        team = self.env["hr.employee"].create(
            [
                {
                    "name": f"Batch {i}",
                    "parent_id": self.manager.id,
                    "department_id": self.department.id,
                }
                for i in range(30)
            ]
        )
        self.plan._open_reviews(team[:2], date(2026, 8, 1))  # warm the caches

        def queries(employees, day):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            reviews = self.plan._open_reviews(employees, day)
            self.assertEqual(len(reviews), len(employees))
            return self.env.cr.sql_log_count - before

        ten = queries(team[2:12], date(2026, 9, 1))
        twenty = queries(team[10:30], date(2026, 10, 1))
        self.assertLessEqual((twenty - ten) / 10, 8, f"{ten} then {twenty} queries")

    def test_cron_opens_monthly_and_interval_reviews(self):
        Review = self.env["hr.technical.grade.review"]
        self.plan.department_ids = self.department
        interval_plan = self.plan.copy(
            {"name": "Per grade", "period_type": "grade", "department_ids": self.department.ids}
        )
        today = date(2026, 3, 10)
        with patch.object(fields.Date, "context_today", lambda *a, **k: today):
            self.env["hr.technical.grade.review.plan"]._cron_open_reviews()
        monthly = Review.search(
            [("plan_id", "=", self.plan.id), ("period_start", "=", date(2026, 3, 1))]
        )
        self.assertEqual(monthly.employee_id, self.engineer | self.colleague)
        per_grade = Review.search([("plan_id", "=", interval_plan.id)])
        by_employee = {r.employee_id: r for r in per_grade}
        # intermediate: every 6 months; junior: every 2 months
        self.assertEqual(by_employee[self.engineer].period_end, date(2026, 8, 31))
        self.assertEqual(by_employee[self.colleague].period_end, date(2026, 4, 30))
        later = date(2026, 5, 2)
        with patch.object(fields.Date, "context_today", lambda *a, **k: later):
            self.env["hr.technical.grade.review.plan"]._cron_open_reviews()
        per_grade = Review.search([("plan_id", "=", interval_plan.id)])
        self.assertEqual(len(per_grade.filtered(lambda r: r.employee_id == self.colleague)), 2)
        self.assertEqual(len(per_grade.filtered(lambda r: r.employee_id == self.engineer)), 1)

    def test_quarterly_plan_opens_the_quarter(self):
        quarterly = self.plan.copy({"name": "Quarterly", "period_type": "quarterly"})
        review = quarterly.with_user(self.hr_officer)._open_reviews(
            self.engineer, date(2026, 5, 10)
        )
        self.assertEqual(
            (review.period_start, review.period_end, review.period),
            (date(2026, 4, 1), date(2026, 6, 30), "2026 Q2"),
        )

    def test_scheduled_action_is_wired(self):
        self.env.ref("hr_technical_grade.ir_cron_open_reviews").method_direct_trigger()
        start = fields.Date.context_today(self.plan).replace(day=1)
        reviews = self.env["hr.technical.grade.review"].search(
            [("plan_id", "=", self.plan.id), ("period_start", "=", start)]
        )
        self.assertIn(self.engineer, reviews.employee_id)
        self.assertNotIn(self.manager, reviews.employee_id, "only graded employees")
