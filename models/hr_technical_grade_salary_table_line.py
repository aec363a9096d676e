# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError

# No monthly wage or allowance comes near it: beyond, a value is a typing error.
MAX_MONTHLY_AMOUNT = 1_000_000_000


class HrTechnicalGradeSalaryTableLine(models.Model):
    """The monthly amounts of one grade in one version of the salary table."""

    _name = "hr.technical.grade.salary.table.line"
    _description = "Technical Grade Salary Table Line"
    _order = "table_id, grade_sequence, grade_id"

    table_id = fields.Many2one(
        "hr.technical.grade.salary.table", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="table_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="table_id.currency_id")
    grade_id = fields.Many2one(
        "hr.technical.grade",
        string="Technical Grade",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    grade_sequence = fields.Integer(related="grade_id.sequence", store=True)
    base_wage = fields.Monetary(help="Monthly base wage of an engineer at this grade.")
    post_wage = fields.Monetary(help="Monthly post (position) wage of an engineer at this grade.")
    allowance = fields.Monetary(
        string="Grade Allowance", help="Monthly technical grade allowance paid on every payslip."
    )
    monthly_total = fields.Monetary(
        compute="_compute_monthly_total", help="Base wage + post wage + grade allowance."
    )

    _sql_constraints = [
        (
            "grade_table_uniq",
            "unique(table_id, grade_id)",
            "A grade appears once in a salary table.",
        ),
        (
            "wages_positive",
            "CHECK(base_wage >= 0 AND post_wage >= 0 AND allowance >= 0)",
            "Wages and allowances of a technical grade cannot be negative.",
        ),
    ]

    @api.depends("base_wage", "post_wage", "allowance")
    def _compute_monthly_total(self):
        for line in self:
            line.monthly_total = line.base_wage + line.post_wage + line.allowance

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_amounts(vals)
        lines = super().create(vals_list)
        lines.table_id._check_not_locked()
        return lines

    def write(self, vals):
        self._check_amounts(vals)
        self.table_id._check_not_locked()
        result = super().write(vals)
        if "table_id" in vals:
            self.table_id._check_not_locked()
        return result

    def unlink(self):
        self.table_id._check_not_locked()
        return super().unlink()

    def _check_amounts(self, vals):
        """Amounts are numbers up to a billion a month, or a clear error.

        Negative amounts are refused by the table's constraint.
        """
        for fname in ("base_wage", "post_wage", "allowance"):
            if fname not in vals:
                continue
            value = vals[fname]
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or value > MAX_MONTHLY_AMOUNT
            ):
                field = self._fields[fname]._description_string(self.env)
                maximum = f"{MAX_MONTHLY_AMOUNT:,}"
                raise UserError(
                    self.env._(
                        "%(field)s is a monthly amount of at most %(max)s, not %(value)r.",
                        field=field,
                        max=maximum,
                        value=value,
                    )
                )
