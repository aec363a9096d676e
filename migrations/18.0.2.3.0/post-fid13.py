# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Review bonuses reach the shipped payroll structure (18.0.2.3.0).

The structure TG_ENG is data that is not updated (a company may have changed
its rules), so the new rule TG_REWARD would not join it on an upgrade: it is
added once here, if the structure and the rule are there.  Other structures
are the company's: it adds the rule itself (readme/CONFIGURE.md).
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    structure = env.ref("hr_technical_grade.payroll_structure_technical_grade", False)
    rule = env.ref("hr_technical_grade.salary_rule_tg_reward", False)
    if structure and rule and rule not in structure.rule_ids:
        structure.rule_ids = [(4, rule.id)]
