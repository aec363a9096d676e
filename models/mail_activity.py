# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    technical_grade_reminded_on = fields.Date(
        string="Reminded On",
        readonly=True,
        copy=False,
        help="Last day the daily reminder of this overdue approval was sent.",
    )
