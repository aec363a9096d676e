# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeCampaignSkipped(models.Model):
    """An engineer in a campaign's scope who got no evaluation, and why.

    The reason tells the engineer's standing (months in the grade, years of
    experience, recent review results, top of the ladder): HR reads it, the
    other employees, who read the campaign, do not.  The lines are written by
    the campaign wizard only (as superuser) and replaced at each opening.
    """

    _name = "hr.technical.grade.campaign.skipped"
    _description = "Technical Grade Campaign Skipped Engineer"
    _order = "campaign_id, id"

    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    department_id = fields.Many2one(related="employee_id.department_id")
    reason = fields.Text(required=True)
    date = fields.Date(
        string="Opened On", required=True, help="The day the campaign was opened or filled."
    )
