# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrSalaryRule(models.Model):
    _inherit = "hr.salary.rule"

    # OCA payroll calls ``_satisfy_condition_<condition_select>``: a rule of
    # the grade pay applies when the employee held a grade in the period, the
    # review bonus rule when a bonus is due, without a Python expression
    # evaluated for every payslip.
    condition_select = fields.Selection(
        selection_add=[
            ("technical_grade", "Technical Grade Held in the Period"),
            ("technical_grade_reward", "Review Bonus Due in the Period"),
        ],
        ondelete={"technical_grade": "set default", "technical_grade_reward": "set default"},
    )

    def _satisfy_condition_technical_grade(self, localdict):
        """The employee held a technical grade on some day of the payslip's
        period (``payroll.technical_grade.graded``)."""
        return bool(localdict["payroll"].technical_grade.graded)

    def _satisfy_condition_technical_grade_reward(self, localdict):
        """An approved review bonus is due in the payslip's period
        (``payroll.technical_grade.reward``)."""
        return bool(localdict["payroll"].technical_grade.reward)
