# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

WAGE_GROUPS = "hr_technical_grade.group_technical_grade_user,payroll.group_payroll_user"


class HrContract(models.Model):
    """One source of the base wage for graded engineers.

    A contract on a structure that pays the technical grade (a structure, or
    one of its parents, with the TG_BASE rule) takes its base wage from the
    salary table, per day, through the grade held that day: its own
    ``wage`` is not used and must stay 0, and the contract form shows the
    grade's base wage instead.  Payroll officers thus see one base wage for
    one engineer and one day, the one the payslip pays.
    """

    _inherit = "hr.contract"

    technical_grade_pay = fields.Boolean(
        string="Paid by Technical Grade",
        compute="_compute_technical_grade_pay",
        help="The salary structure pays the technical grade: the base wage comes from the "
        "salary table, not from the contract.",
    )
    technical_grade_base_wage = fields.Monetary(
        string="Grade Base Wage",
        compute="_compute_technical_grade_base_wage",
        groups=WAGE_GROUPS,
        help="Monthly base wage of the employee's technical grade today, in the salary table "
        "in force today: what the payslip pays for a full month.",
    )

    @api.depends("struct_id")
    def _compute_technical_grade_pay(self):
        for contract in self:
            contract.technical_grade_pay = contract.struct_id._pays_technical_grade()

    @api.depends("employee_id", "struct_id")
    @api.depends_context("company")
    def _compute_technical_grade_base_wage(self):
        today = fields.Date.context_today(self)
        employees = self.employee_id.sudo()
        rates = self.env["hr.technical.grade.salary.table"]._rates_on(
            employees.technical_grade_id, today
        )
        for contract in self:
            grade = contract.employee_id.sudo().technical_grade_id
            contract.technical_grade_base_wage = (
                rates[grade]["base_wage"] if contract.technical_grade_pay and grade else 0.0
            )

    @api.constrains("wage", "struct_id")
    def _check_technical_grade_wage(self):
        for contract in self:
            if contract.technical_grade_pay and contract.wage:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s is paid by technical grade: its base wage "
                        "comes from the salary table. Leave the contract wage at 0.",
                        contract=contract.display_name,
                    )
                )


class HrPayrollStructure(models.Model):
    _inherit = "hr.payroll.structure"

    def _pays_technical_grade(self):
        """Whether the structure (with its parents) has the grade base wage rule."""
        base_rule = self.env.ref("hr_technical_grade.salary_rule_tg_base", raise_if_not_found=False)
        if not base_rule or not self:
            return False
        return base_rule in self.get_structure_with_parents().get_all_rules()
