# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models
from odoo.exceptions import AccessError

READERS = (
    "hr_technical_grade.group_technical_grade_officer",
    "hr_technical_grade.group_technical_grade_committee",
)


class ReportCampaignCalibration(models.AbstractModel):
    """The calibration minutes of a campaign: HR's and the committee's only.

    Every employee reads a campaign (公开), not its calibration numbers.
    """

    _name = "report.hr_technical_grade.report_campaign_calibration"
    _description = "Technical Grade Calibration Minutes"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not any(self.env.user.has_group(group) for group in READERS):
            raise AccessError(
                self.env._(
                    "Only HR officers and the committee's members print the calibration minutes."
                )
            )
        docs = self.env["hr.technical.grade.campaign"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.technical.grade.campaign",
            "docs": docs,
            "data": data,
        }
