# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models, tools
from odoo.tools import SQL


class HrTechnicalGradeCampaignCost(models.Model):
    """The monthly payroll cost change of a campaign's pending promotions.

    One row per evaluation of a campaign that is in approval or approved but
    not applied yet: the monthly base wage, post wage and allowance of the
    employee's current grade and of the target grade, at the rates of the
    salary table in force on the promotion's effective date (today while it
    has none), and the difference.  Grouped by target grade and department, the general
    manager approves knowing what the campaign costs (read-only report).
    """

    _name = "hr.technical.grade.campaign.cost"
    _description = "Technical Grade Campaign Cost"
    _auto = False
    _order = "campaign_id, target_grade_id, department_id, employee_id"
    # What the view reads: flushed before each search.
    _depends = {
        "hr.technical.grade.evaluation": [
            "campaign_id",
            "employee_id",
            "company_id",
            "current_grade_id",
            "target_grade_id",
            "state",
        ],
        "hr.employee": ["department_id"],
        "hr.technical.grade.salary.table": ["company_id", "date_from", "state"],
        "hr.technical.grade.salary.table.line": [
            "table_id",
            "grade_id",
            "base_wage",
            "post_wage",
            "allowance",
        ],
        "res.company": ["currency_id"],
    }

    campaign_id = fields.Many2one("hr.technical.grade.campaign", readonly=True)
    evaluation_id = fields.Many2one("hr.technical.grade.evaluation", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    current_grade_id = fields.Many2one("hr.technical.grade", readonly=True)
    target_grade_id = fields.Many2one("hr.technical.grade", readonly=True)
    state = fields.Selection(
        [("submitted", "In Approval"), ("approved", "Approved")],
        string="Evaluation Status",
        readonly=True,
    )
    old_base_wage = fields.Monetary(string="Current Base Wage", readonly=True)
    new_base_wage = fields.Monetary(readonly=True)
    old_post_wage = fields.Monetary(string="Current Post Wage", readonly=True)
    new_post_wage = fields.Monetary(readonly=True)
    old_allowance = fields.Monetary(string="Current Allowance", readonly=True)
    new_allowance = fields.Monetary(readonly=True)
    old_total = fields.Monetary(string="Current Monthly Total", readonly=True)
    new_total = fields.Monetary(string="New Monthly Total", readonly=True)
    difference = fields.Monetary(string="Monthly Difference", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
                SELECT
                    evaluation.id AS id,
                    evaluation.campaign_id AS campaign_id,
                    evaluation.id AS evaluation_id,
                    evaluation.employee_id AS employee_id,
                    employee.department_id AS department_id,
                    evaluation.company_id AS company_id,
                    company.currency_id AS currency_id,
                    evaluation.current_grade_id AS current_grade_id,
                    evaluation.target_grade_id AS target_grade_id,
                    evaluation.state AS state,
                    COALESCE(old.base_wage, 0) AS old_base_wage,
                    new.base_wage AS new_base_wage,
                    COALESCE(old.post_wage, 0) AS old_post_wage,
                    new.post_wage AS new_post_wage,
                    COALESCE(old.allowance, 0) AS old_allowance,
                    new.allowance AS new_allowance,
                    COALESCE(old.base_wage + old.post_wage + old.allowance, 0) AS old_total,
                    new.base_wage + new.post_wage + new.allowance AS new_total,
                    new.base_wage + new.post_wage + new.allowance
                        - COALESCE(old.base_wage + old.post_wage + old.allowance, 0)
                        AS difference
                FROM hr_technical_grade_evaluation evaluation
                JOIN hr_employee employee ON employee.id = evaluation.employee_id
                JOIN res_company company ON company.id = evaluation.company_id
                LEFT JOIN LATERAL (
                    SELECT tab.id
                    FROM hr_technical_grade_salary_table tab
                    WHERE tab.company_id = evaluation.company_id
                      AND tab.state = 'active'
                      AND tab.date_from <= COALESCE(evaluation.effective_date, CURRENT_DATE)
                    ORDER BY tab.date_from DESC, tab.id DESC
                    LIMIT 1
                ) rates ON TRUE
                JOIN hr_technical_grade_salary_table_line new
                    ON new.table_id = rates.id AND new.grade_id = evaluation.target_grade_id
                LEFT JOIN hr_technical_grade_salary_table_line old
                    ON old.table_id = rates.id AND old.grade_id = evaluation.current_grade_id
                WHERE evaluation.campaign_id IS NOT NULL
                  AND evaluation.state IN ('submitted', 'approved')
            )
            """,
                SQL.identifier(self._table),
            )
        )
