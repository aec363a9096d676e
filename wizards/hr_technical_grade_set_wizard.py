# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class HrTechnicalGradeSetWizard(models.TransientModel):
    """Record a grade by hand: an administrator's tool, with the reason on record.

    Used to load the grades engineers already hold when a company starts with
    the addon, and for corrections.  Grades are otherwise decided by
    evaluations (an initial evaluation at the end of the trial period, then
    promotions and demotions).  The history marks these lines "Set by Hand".
    """

    _name = "hr.technical.grade.set.wizard"
    _description = "Set Technical Grade"

    employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees",
        required=True,
        default=lambda self: self._default_employee_ids(),
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
    )
    grade_id = fields.Many2one(
        "hr.technical.grade",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    date_from = fields.Date(
        string="Effective Date",
        required=True,
        default=fields.Date.context_today,
    )
    change_type = fields.Selection(
        [("initial", "Existing grade (loading)"), ("correction", "Correction")],
        required=True,
        default="initial",
    )
    reason = fields.Text(required=True)
    origin = fields.Char(string="Source Document")

    @api.model
    def _default_employee_ids(self):
        if self.env.context.get("active_model") == "hr.employee":
            return [fields.Command.set(self.env.context.get("active_ids", []))]
        return []

    @api.depends("employee_ids")
    def _compute_company_id(self):
        for wizard in self:
            companies = wizard.employee_ids.company_id
            wizard.company_id = companies if len(companies) == 1 else self.env.company

    def _check_pay_not_confirmed(self):
        """A grade set by hand never changes a pay period a confirmed payslip paid.

        A correction takes effect after the last confirmed payslip of each
        employee; a grade loaded as held already may go back before them, but
        never starts inside a confirmed pay period.
        """
        paid = self.env["hr.payslip"]._technical_grade_confirmed(
            self.employee_ids,
            self.date_from,
            starts_by=self.date_from if self.change_type == "initial" else None,
        )
        if paid:
            raise UserError(
                self.env._(
                    "%(employee)s's pay from %(date_from)s to %(date_to)s is confirmed "
                    "(%(payslip)s): a grade set by hand takes effect after it, from "
                    "%(next_day)s at the earliest.",
                    **paid._technical_grade_confirmed_values(),
                )
            )

    def action_apply(self):
        self.ensure_one()
        if not self.env.user.has_group("hr_technical_grade.group_technical_grade_admin"):
            raise AccessError(
                self.env._(
                    "Only Technical Grade administrators set grades by hand; grades are "
                    "otherwise decided by evaluations."
                )
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why this grade is set by hand."))
        if len(self.employee_ids.company_id) > 1:
            raise UserError(self.env._("Set the grade of employees of one company at a time."))
        if self.change_type == "initial":
            self.employee_ids._check_technical_grade_ungraded()
        self._check_pay_not_confirmed()
        lines = self.env["hr.technical.grade.history"]._record_grade_change(
            [
                {
                    "employee_id": employee.id,
                    "grade_id": self.grade_id.id,
                    "date_from": self.date_from,
                    "change_type": self.change_type,
                    "reason": self.reason.strip(),
                    "origin": self.origin,
                    "manual": True,
                }
                for employee in self.employee_ids
            ]
        )
        if len(lines) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "hr.technical.grade.history",
                "res_id": lines.id,
                "view_mode": "form",
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.history",
            "domain": [("id", "in", lines.ids)],
            "view_mode": "list,form",
            "name": self.env._("Recorded Grades"),
        }
