# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models
from odoo.addons.payroll.models.base_browsable import BaseBrowsableObject


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    def compute_sheet(self):
        # Read the grade history and grades of the whole batch at once: each
        # payslip then finds them in the cache.
        self.employee_id.technical_grade_history_ids.grade_id.mapped("allowance")
        return super().compute_sheet()

    def _get_baselocaldict(self, contracts):
        """Offer the period's grade pay to salary rules as ``technical_grade``.

        Computed once per payslip from
        :meth:`hr.employee.get_technical_grade_pay`; rules read
        ``technical_grade.graded``, ``technical_grade.allowance``,
        ``technical_grade.allowance_name``, and so on.
        """
        localdict = super()._get_baselocaldict(contracts)
        pay = self.employee_id.get_technical_grade_pay(self.date_from, self.date_to)
        localdict["technical_grade"] = BaseBrowsableObject(pay)
        return localdict
