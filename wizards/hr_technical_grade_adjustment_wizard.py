# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeAdjustmentWizard(models.TransientModel):
    """Print the salary adjustment table (薪资调整表) of a date range."""

    _name = "hr.technical.grade.adjustment.wizard"
    _description = "Salary Adjustment Table"

    date_from = fields.Date(
        required=True, default=lambda self: date(fields.Date.context_today(self).year, 1, 1)
    )
    date_to = fields.Date(
        required=True, default=lambda self: date(fields.Date.context_today(self).year, 12, 31)
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Only employees of these departments (and their sub-departments); all when empty.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(self.env._("The end date must not be before the start date."))

    def _rows(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("employee_id.department_id", "child_of", self.department_ids.ids))
        return self.env["hr.technical.grade.history"]._salary_adjustment_rows(
            self.date_from, self.date_to, domain
        )

    def _check_rows(self):
        if not self._rows():
            raise UserError(
                self.env._(
                    "No grade changed between %(start)s and %(end)s.",
                    start=self.date_from,
                    end=self.date_to,
                )
            )

    def action_print_pdf(self):
        self._check_rows()
        return self.env.ref("hr_technical_grade.action_report_salary_adjustment").report_action(
            self
        )

    def action_export_xlsx(self):
        self._check_rows()
        return self.env.ref(
            "hr_technical_grade.action_report_salary_adjustment_xlsx"
        ).report_action(self)
