# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .review_common import ReviewCase

OPENING_CRON = "hr_technical_grade.ir_cron_open_review_batches"
PENDING = "hr.technical.grade.review.pending"


@tagged("post_install", "-at_install")
class TestReviewBatch(ReviewCase):
    """The wizard and the scheduled action queue a period's reviews; the opening
    cron opens them in batches."""

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
        Review = self.env["hr.technical.grade.review"]
        action = wizard.action_open()
        self.assertEqual(action["params"]["next"]["res_id"], self.plan.id)
        self.assertFalse(Review.search([("plan_id", "=", self.plan.id)]), "queued, not opened")
        self.assertTrue(self.plan.is_opening)
        self.run_review_opening_cron()
        reviews = Review.search([("plan_id", "=", self.plan.id)])
        self.assertEqual(
            reviews.employee_id,
            self.manager | self.engineer | self.colleague | self.trainee_employee,
        )
        self.assertEqual(set(reviews.mapped("period_start")), {date(2026, 7, 1)})
        wizard.action_open()
        self.run_review_opening_cron()
        self.assertEqual(
            Review.search([("plan_id", "=", self.plan.id)]), reviews, "a second run opens nothing"
        )

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
        self.run_review_opening_cron()
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
        self.run_review_opening_cron()
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
        # The scheduled opening queues; the opening cron's first call opens a batch.
        self.env.ref(OPENING_CRON).method_direct_trigger()
        self.assertTrue(self.env["hr.technical.grade.review"].search_count([]))
        self.run_review_opening_cron()
        start = fields.Date.context_today(self.plan).replace(day=1)
        reviews = self.env["hr.technical.grade.review"].search(
            [("plan_id", "=", self.plan.id), ("period_start", "=", start)]
        )
        self.assertIn(self.engineer, reviews.employee_id)
        self.assertNotIn(self.manager, reviews.employee_id, "only graded employees")


@tagged("post_install", "-at_install")
class TestReviewOpening(ReviewCase):
    """Opening a review period in background batches of the cron engine (issue 16)."""

    def queue(self, day=date(2026, 7, 9)):
        """The wizard alone, without running the cron."""
        wizard = (
            self.env["hr.technical.grade.review.open.wizard"]
            .with_user(self.hr_officer)
            .create({"plan_id": self.plan.id, "department_id": self.department.id, "date": day})
        )
        return wizard.action_open()

    def batch(self, size=2):
        """One call of the cron, with a progress record as the engine gives it."""
        _cron, progress = self.env.ref(OPENING_CRON)._add_progress()
        Plan = self.env["hr.technical.grade.review.plan"].with_context(
            ir_cron_progress_id=progress.id
        )
        return Plan._cron_open_review_batches(size), progress

    def reviews(self):
        return self.env["hr.technical.grade.review"].search([("plan_id", "=", self.plan.id)])

    def chatter(self):
        return "\n".join(self.plan.message_ids.mapped("body"))

    def test_the_wizard_queues_and_the_cron_opens_in_batches(self):
        cron = self.env.ref(OPENING_CRON)
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        action = self.queue()
        # The wizard returns at once: nothing opened yet, the cron is woken up.
        self.assertEqual(action["params"]["next"]["res_id"], self.plan.id)
        self.assertFalse(self.reviews())
        self.assertTrue(self.plan.is_opening)
        self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
        officer_view = self.plan.with_user(self.hr_officer)
        self.assertEqual((officer_view.opening_done_count, officer_view.opening_total), (0, 4))
        done, progress = self.batch(3)
        self.assertEqual((done, progress.done, progress.remaining), (3, 3, 1))
        self.assertEqual(len(self.reviews()), 3)
        self.plan.invalidate_recordset()
        self.assertEqual(officer_view.opening_done_count, 3)
        self.assertAlmostEqual(officer_view.opening_progress, 75.0)
        self.assertNotIn("Reviews opened", self.chatter())
        done, progress = self.batch(3)
        self.assertEqual((done, progress.remaining), (1, 0))
        self.assertFalse(self.plan.is_opening)
        reviews = self.reviews()
        self.assertEqual(
            reviews.employee_id,
            self.manager | self.engineer | self.colleague | self.trainee_employee,
        )
        self.assertEqual(set(reviews.create_uid), {self.hr_officer})
        self.assertIn("4 reviews created, 0 engineers skipped", self.chatter())
        # An empty queue: nothing to do.
        self.assertEqual(self.batch(3)[0], 0)

    def test_two_runners_and_a_retry_open_no_review_twice(self):
        self.queue()
        Plan = self.env["hr.technical.grade.review.plan"]
        # Two runners one after the other take different batches.
        self.assertEqual(Plan._cron_open_review_batches(2), 2)
        self.assertEqual(Plan._cron_open_review_batches(2), 2)
        created = self.reviews()
        self.assertEqual(len(created), 4)
        # A batch retried after a crash finds the reviews it already opened.
        self.env[PENDING].sudo().create(
            [
                {"plan_id": self.plan.id, "employee_id": e.id, "day": date(2026, 7, 9)}
                for e in created.employee_id
            ]
        )
        self.plan.sudo().write({"is_opening": True, "opening_total": 4, "opening_created_count": 0})
        # An opener without an e-mail address: OdooBot posts the message.
        self.hr_officer.partner_id.email = False
        self.run_review_opening_cron()
        self.assertEqual(self.reviews(), created)
        self.assertIn("0 reviews created, 4 engineers skipped", self.chatter())
        self.assertEqual(self.plan.message_ids[:1].author_id, self.env.ref("base.partner_root"))
        # The wizard leaves out who has the period's review: nothing queued.
        self.queue()
        self.assertFalse(self.plan.is_opening)
        self.assertFalse(self.env[PENDING].sudo().search([("plan_id", "=", self.plan.id)]))
        # The database holds one review per employee, plan and period.
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(IntegrityError, "employee_period_unique"),
            self.env.cr.savepoint(),
        ):
            self.env["hr.technical.grade.review"]._create_batch(
                self.plan, [(self.engineer, date(2026, 7, 1), date(2026, 7, 31))]
            )
            self.env.flush_all()

    def test_a_locked_plan_is_left_to_the_other_runner(self):
        """The runner skips a plan whose row another runner holds (SKIP LOCKED)."""
        self.queue()
        self.env.flush_all()
        real_execute = type(self.env.cr).execute

        def other_runner_holds_it(cr, query, *args, **kwargs):
            # As if another runner held the plan's row: SKIP LOCKED finds no row.
            if isinstance(query, SQL) and "SKIP LOCKED" in query.code:
                query = SQL(query.code.replace("WHERE is_opening", "WHERE is_opening AND false"))
            return real_execute(cr, query, *args, **kwargs)

        with patch.object(type(self.env.cr), "execute", other_runner_holds_it):
            self.assertEqual(self.batch(3)[0], 0)
        self.assertFalse(self.reviews())
        self.assertTrue(self.plan.is_opening)
