# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeCampaignPending(models.Model):
    """An engineer of a campaign's scope still to be sorted out: the work queue.

    The campaign wizard fills the queue and triggers the opening cron; the
    cron takes the rows in batches (``FOR UPDATE SKIP LOCKED``, so that two
    cron workers never take the same rows), creates the evaluations and the
    skipped lines, and deletes the rows it processed, all in the batch's
    transaction: a batch that fails leaves its rows in the queue for the next
    run.
    """

    _name = "hr.technical.grade.campaign.pending"
    _description = "Technical Grade Campaign Engineer to Process"
    _order = "id"

    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")

    _sql_constraints = [
        (
            "one_per_campaign",
            "UNIQUE(campaign_id, employee_id)",
            "An engineer is queued once per campaign.",
        )
    ]
