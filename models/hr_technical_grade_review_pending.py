# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeReviewPending(models.Model):
    """An engineer whose review of a period is still to be opened: the work queue.

    The review opening wizard and the plan's scheduled action fill the queue
    and trigger the opening cron; the cron takes the rows of one plan in
    batches (the plan's row locked ``FOR NO KEY UPDATE SKIP LOCKED``, so that
    two cron workers never take the same rows), opens the reviews and deletes
    the rows it processed, all in the batch's transaction: a batch that fails
    leaves its rows in the queue for the next run, and the database holds one
    review per employee, plan and period (``employee_period_unique``).
    """

    _name = "hr.technical.grade.review.pending"
    _description = "Technical Grade Review to Open"
    _order = "id"

    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    day = fields.Date(required=True, help="The review of the period containing this day.")

    _sql_constraints = [
        (
            "one_per_plan_day",
            "UNIQUE(plan_id, employee_id, day)",
            "An engineer is queued once per plan and day.",
        )
    ]
