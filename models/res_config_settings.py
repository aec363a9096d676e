# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    technical_grade_activity_mail = fields.Boolean(
        related="company_id.technical_grade_activity_mail", readonly=False
    )
    technical_grade_proration = fields.Selection(
        related="company_id.technical_grade_proration", readonly=False
    )
    technical_grade_pass_mark = fields.Float(
        related="company_id.technical_grade_pass_mark", readonly=False
    )
    technical_grade_department_ids = fields.Many2many(
        related="company_id.technical_grade_department_ids", readonly=False
    )
    technical_grade_promotion_in_campaign = fields.Boolean(
        related="company_id.technical_grade_promotion_in_campaign", readonly=False
    )
    technical_grade_evaluation_cycle = fields.Boolean(
        related="company_id.technical_grade_evaluation_cycle", readonly=False
    )
    technical_grade_notice_days = fields.Integer(
        related="company_id.technical_grade_notice_days", readonly=False
    )
    technical_grade_calibration_outlier_points = fields.Float(
        related="company_id.technical_grade_calibration_outlier_points", readonly=False
    )
    technical_grade_calibration_max_pass_rate = fields.Float(
        related="company_id.technical_grade_calibration_max_pass_rate", readonly=False
    )
    technical_grade_band_excellent = fields.Float(
        related="company_id.technical_grade_band_excellent", readonly=False
    )
    technical_grade_band_good = fields.Float(
        related="company_id.technical_grade_band_good", readonly=False
    )
    technical_grade_band_average = fields.Float(
        related="company_id.technical_grade_band_average", readonly=False
    )
    technical_grade_band_poor = fields.Float(
        related="company_id.technical_grade_band_poor", readonly=False
    )
    technical_grade_review_pass_mark = fields.Float(
        related="company_id.technical_grade_review_pass_mark", readonly=False
    )
    technical_grade_appeal_days = fields.Integer(
        related="company_id.technical_grade_appeal_days", readonly=False
    )
    technical_grade_material_user_ids = fields.Many2many(
        related="company_id.technical_grade_material_user_ids", readonly=False
    )
    technical_grade_plant_affairs_user_ids = fields.Many2many(
        related="company_id.technical_grade_plant_affairs_user_ids", readonly=False
    )
    technical_grade_handbook_url = fields.Char(
        related="company_id.technical_grade_handbook_url", readonly=False
    )
    technical_grade_year_demotion = fields.Boolean(
        related="company_id.technical_grade_year_demotion", readonly=False
    )
    technical_grade_gm_office_user_ids = fields.Many2many(
        related="company_id.technical_grade_gm_office_user_ids", readonly=False
    )
    technical_grade_pay_step_months = fields.Integer(
        related="company_id.technical_grade_pay_step_months", readonly=False
    )
    technical_grade_kpi_ceiling = fields.Float(
        related="company_id.technical_grade_kpi_ceiling", readonly=False
    )
    technical_grade_recertification_days = fields.Integer(
        related="company_id.technical_grade_recertification_days", readonly=False
    )

    technical_grade_appointment_months = fields.Integer(
        related="company_id.technical_grade_appointment_months", readonly=False
    )
    technical_grade_appointment_reminder_days = fields.Integer(
        related="company_id.technical_grade_appointment_reminder_days", readonly=False
    )
    technical_grade_setup_checklist = fields.Html(
        string="Before the First Evaluation",
        compute="_compute_technical_grade_setup_checklist",
        sanitize=False,
    )

    @api.depends("company_id")
    def _compute_technical_grade_setup_checklist(self):
        for settings in self:
            settings.technical_grade_setup_checklist = (
                settings.company_id._technical_grade_setup_checklist_html()
            )
