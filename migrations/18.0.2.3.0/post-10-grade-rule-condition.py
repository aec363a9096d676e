# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The shipped grade rules apply on the condition "Technical Grade Held in
the Period" instead of evaluating ``result = payroll.technical_grade.graded``
for every payslip.  Rules a company changed are left as they are."""

from odoo import SUPERUSER_ID, api

SHIPPED = "result = payroll.technical_grade.graded"
RULES = ("salary_rule_tg_base", "salary_rule_tg_post", "salary_rule_tg_alw")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in RULES:
        rule = env.ref(f"hr_technical_grade.{xmlid}", raise_if_not_found=False)
        if (
            rule
            and rule.condition_select == "python"
            and (rule.condition_python or "").strip() == SHIPPED
        ):
            rule.condition_select = "technical_grade"
