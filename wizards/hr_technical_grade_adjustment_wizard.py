# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

# The pay consequences of reviews on a row of the table, when there are none.
CONSEQUENCE_BLANKS = {
    "pay_step_from": False,
    "pay_step_to": False,
    "pay_step_grade": "",
    "pay_step_difference": None,
    "pay_step_amount": None,
    "standby_days": None,
    "standby_amount": None,
}


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
    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign",
        domain="[('company_id', '=', company_id)]",
        help="Only the grade changes of this campaign's applied evaluations, whatever "
        "their effective dates.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(self.env._("The end date must not be before the start date."))

    def _campaign_history(self):
        """History lines written by the campaign's applied evaluations.

        Payroll officers read grade history but not evaluations: the
        evaluations are read as superuser, the history lines with the
        user's rights.
        """
        evaluations = self.campaign_id.sudo().evaluation_ids
        return evaluations.filtered(lambda e: e.state == "done").history_id.with_env(self.env)

    @api.onchange("campaign_id")
    def _onchange_campaign_id(self):
        lines = self._campaign_history()
        if self.campaign_id:
            days = lines.mapped("date_from") or [
                self.campaign_id.date_from,
                self.campaign_id.date_to,
            ]
            self.date_from, self.date_to = min(days), max(days)

    def _rows(self):
        """The rows of the table: the grade changes, with the pay consequences of reviews.

        Each employee's pay steps and unpaid stand-by days of the period are
        on their first row (a row of their own when their grade did not
        change); a table of a campaign shows its grade changes only.
        """
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        date_from, date_to = self.date_from, self.date_to
        if self.campaign_id:
            lines = self._campaign_history()
            domain.append(("id", "in", lines.ids))
            if lines:
                date_from, date_to = min(lines.mapped("date_from")), max(lines.mapped("date_from"))
        if self.department_ids:
            domain.append(("employee_id.department_id", "child_of", self.department_ids.ids))
        rows = self.env["hr.technical.grade.history"]._salary_adjustment_rows(
            date_from, date_to, domain
        )
        for row in rows:
            row.update(CONSEQUENCE_BLANKS)
        if not self.campaign_id:
            rows = self._add_consequences(rows)
        return rows

    def _add_consequences(self, rows):
        """``rows`` with the pay steps and stand-by days of the period's employees."""
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        employees = self.env["hr.employee"].with_context(active_test=False).search(domain)
        consequences = employees._technical_grade_consequence_pays(self.date_from, self.date_to)
        first_rows = {}
        for row in rows:
            first_rows.setdefault(row["employee"].id, row)
        grades = self.env["hr.technical.grade"]
        extra = []
        for employee in employees.filtered(lambda e: e.id in consequences):
            row = first_rows.get(employee.id)
            if not row:
                row = {
                    "line": self.env["hr.technical.grade.history"],
                    "employee": employee,
                    "department": employee.department_id,
                    "old_grade": grades,
                    "new_grade": grades,
                    "date": False,
                    "change_type": False,
                    "origin": "",
                    "currency": self.company_id.currency_id,
                    **dict.fromkeys(
                        (
                            f"{age}_{name}"
                            for age in ("old", "new")
                            for name in ("base_wage", "post_wage", "allowance", "monthly_total")
                        ),
                        None,
                    ),
                    "difference": None,
                }
                extra.append(row)
            row.update(consequences[employee.id])
        return rows + sorted(extra, key=lambda r: r["employee"].name or "")

    def _check_rows(self):
        rows = self._rows()
        if not rows and self.campaign_id:
            raise UserError(
                self.env._(
                    "No grade changed through the applied evaluations of %(campaign)s.",
                    campaign=self.campaign_id.name,
                )
            )
        if not rows:
            raise UserError(
                self.env._(
                    "No grade changed, and no pay step or stand-by, between %(start)s and %(end)s.",
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
