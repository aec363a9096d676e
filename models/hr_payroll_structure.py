# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models


class HrPayrollStructure(models.Model):
    _inherit = "hr.payroll.structure"

    def _pays_technical_grade(self):
        """Whether the structure (with its parents) has the grade base wage rule."""
        base_rule = self.env.ref("hr_technical_grade.salary_rule_tg_base", raise_if_not_found=False)
        if not base_rule or not self:
            return False
        return base_rule in self.get_structure_with_parents().get_all_rules()
