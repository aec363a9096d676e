# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    technical_grade_proration = fields.Selection(
        related="company_id.technical_grade_proration", readonly=False
    )
    technical_grade_weight_assessment = fields.Float(
        related="company_id.technical_grade_weight_assessment", readonly=False
    )
    technical_grade_weight_theory = fields.Float(
        related="company_id.technical_grade_weight_theory", readonly=False
    )
    technical_grade_weight_practical = fields.Float(
        related="company_id.technical_grade_weight_practical", readonly=False
    )
    technical_grade_weight_teaching = fields.Float(
        related="company_id.technical_grade_weight_teaching", readonly=False
    )
    technical_grade_pass_mark = fields.Float(
        related="company_id.technical_grade_pass_mark", readonly=False
    )
    technical_grade_notice_days = fields.Integer(
        related="company_id.technical_grade_notice_days", readonly=False
    )
