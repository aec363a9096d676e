# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeCampaignQuota(models.Model):
    """How many engineers of a campaign may reach a target grade (名额)."""

    _name = "hr.technical.grade.campaign.quota"
    _description = "Technical Grade Campaign Quota"
    _order = "campaign_id, grade_id"

    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    grade_id = fields.Many2one(
        "hr.technical.grade", string="Target Grade", required=True, check_company=True
    )
    quota = fields.Integer(
        required=True,
        default=1,
        help="At most this many passed candidates, by rank, reach the grade in this campaign.",
    )

    _sql_constraints = [
        (
            "campaign_grade_uniq",
            "unique(campaign_id, grade_id)",
            "A campaign has one quota per target grade.",
        ),
        ("quota_positive", "CHECK(quota >= 0)", "A quota cannot be negative."),
    ]
