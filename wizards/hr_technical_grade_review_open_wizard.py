# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeReviewOpenWizard(models.TransientModel):
    """Open the reviews of one period for a department, in one batch."""

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
        self.ensure_one()
        employees = self._employees()
        if not employees:
            raise UserError(self.env._("The department has no employees to review."))
        reviews = self.plan_id._open_reviews(employees, self.date)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Opened Reviews"),
            "res_model": "hr.technical.grade.review",
            "view_mode": "list,form",
            "domain": [("id", "in", reviews.ids)],
        }
