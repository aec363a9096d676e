# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models, tools
from odoo.tools import SQL

COMPONENT_BY_CODE = {"TG_BASE": "base_wage", "TG_POST": "post_wage", "TG_ALW": "allowance"}


class HrTechnicalGradeAllowance(models.Model):
    """Grade pay lines of payslips, per employee and month (read-only report).

    One row per payslip line of the Technical Grade salary category on a
    computed or confirmed payslip (refunds count negative).  Payroll officers read those of their
    companies; engineers read their own, without access to the payslips.
    """

    _name = "hr.technical.grade.allowance"
    _description = "Technical Grade Pay Line"
    _auto = False
    _order = "month desc, employee_id, component"

    payslip_id = fields.Many2one("hr.payslip", readonly=True, groups="payroll.group_payroll_user")
    payslip_number = fields.Char(string="Payslip Reference", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    grade_id = fields.Many2one(
        "hr.technical.grade",
        string="Technical Grade",
        readonly=True,
        help="The employee's technical grade on the last day of the pay period.",
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    month = fields.Date(readonly=True, help="First day of the month the payslip starts in.")
    date_from = fields.Date(string="Period Start", readonly=True)
    date_to = fields.Date(string="Period End", readonly=True)
    state = fields.Selection(
        [("verify", "Waiting"), ("done", "Done")], string="Payslip Status", readonly=True
    )
    component = fields.Selection(
        [
            ("base_wage", "Base Wage"),
            ("post_wage", "Post Wage"),
            ("allowance", "Grade Allowance"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    # The payslip line's name: translated (jsonb) in OCA payroll, read in the user's language.
    name = fields.Char(string="Description", readonly=True, translate=True)
    amount = fields.Monetary(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        cases = SQL(" ").join(
            SQL("WHEN %s THEN %s", code, component) for code, component in COMPONENT_BY_CODE.items()
        )
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
                SELECT
                    line.id AS id,
                    slip.id AS payslip_id,
                    slip.number AS payslip_number,
                    slip.employee_id AS employee_id,
                    employee.department_id AS department_id,
                    history.grade_id AS grade_id,
                    slip.company_id AS company_id,
                    company.currency_id AS currency_id,
                    date_trunc('month', slip.date_from)::date AS month,
                    slip.date_from AS date_from,
                    slip.date_to AS date_to,
                    slip.state AS state,
                    CASE line.code %s ELSE 'other' END AS component,
                    line.name AS name,
                    CASE WHEN slip.credit_note THEN -line.total ELSE line.total END AS amount
                FROM hr_payslip_line line
                JOIN hr_payslip slip ON slip.id = line.slip_id
                JOIN hr_employee employee ON employee.id = slip.employee_id
                JOIN res_company company ON company.id = slip.company_id
                JOIN hr_salary_rule_category category ON category.id = line.category_id
                LEFT JOIN hr_technical_grade_history history
                    ON history.employee_id = slip.employee_id
                   AND history.date_from <= slip.date_to
                   AND (history.date_to IS NULL OR history.date_to >= slip.date_to)
                WHERE category.code = 'TG'
                  AND slip.state IN ('verify', 'done')
            )
            """,
                SQL.identifier(self._table),
                cases,
            )
        )
