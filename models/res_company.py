# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    technical_grade_proration = fields.Selection(
        [("calendar", "Calendar days"), ("worked", "Worked days")],
        string="Grade Pay Proration",
        default="calendar",
        required=True,
        help="When the grade changes inside a pay period, each grade is paid for "
        "its share of the month counted in calendar days, or in the days the "
        "employee's working schedule counts.",
    )
