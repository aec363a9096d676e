# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeReviewOpenWizard(models.TransientModel):
    """Open the reviews of one period for a department, in the background."""

    _name = "hr.technical.grade.review.open.wizard"
    _description = "Open Performance Reviews"

    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan",
        required=True,
        default=lambda self: self.env["hr.technical.grade.review.plan"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    department_id = fields.Many2one("hr.department", required=True)
    include_subdepartments = fields.Boolean(default=True)
    date = fields.Date(
        string="Period Containing",
        required=True,
        default=fields.Date.context_today,
        help="The reviews of the month or quarter that contains this day are opened.",
    )

    def _employees(self):
        self.ensure_one()
        operator = "child_of" if self.include_subdepartments else "="
        return self.env["hr.employee"].search(
            [
                ("department_id", operator, self.department_id.id),
                ("company_id", "=", self.plan_id.company_id.id),
            ]
        )

    def action_open(self):
        """Queue the department's engineers; the opening cron opens their reviews
        in batches.

        Returns at once, whatever the number of engineers: the plan's form
        shows the progress, its chatter says when the opening is over.
        """
        self.ensure_one()
        employees = self._employees()
        if not employees:
            raise UserError(self.env._("The department has no employees to review."))
        queued = self.plan_id._queue_reviews(employees, self.date)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(count)s reviews are being opened in the background; the review plan "
                    "shows the progress and says in its chatter when it is done.",
                    count=queued,
                ),
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": "hr.technical.grade.review.plan",
                    "res_id": self.plan_id.id,
                    "views": [(False, "form")],
                },
            },
        }
