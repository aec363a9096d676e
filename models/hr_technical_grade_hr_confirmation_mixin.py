# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

OFFICER = "hr_technical_grade.group_technical_grade_officer"


class HrTechnicalGradeHrConfirmationMixin(models.AbstractModel):
    """A result the addon computes and an HR officer confirms, then fixed.

    The yearly results and the monthly points placements: computed To
    Confirm, confirmed by HR (who and when on record), never changed after.
    Each model words who confirms it and what can be confirmed
    (``_hr_confirmation_refusals``) and does what confirming means.
    """

    _name = "hr.technical.grade.hr.confirmation.mixin"
    _description = "Technical Grade Result Confirmed by HR"

    state = fields.Selection(
        [("draft", "To Confirm"), ("confirmed", "Confirmed")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
    )
    confirm_user_id = fields.Many2one("res.users", string="Confirmed By", readonly=True)
    confirm_date = fields.Date(string="Confirmed On", readonly=True)

    def _hr_confirmation_refusals(self):
        """The model's wording: ``(only HR confirms, only what is to confirm)``."""
        raise NotImplementedError

    def _check_hr_confirmation(self):
        """Only HR officers confirm, and only what is still to confirm."""
        only_hr, only_draft = self._hr_confirmation_refusals()
        if not self.env.user.has_group(OFFICER):
            raise AccessError(only_hr)
        if any(document.state != "draft" for document in self):
            raise UserError(only_draft)

    def _hr_confirmation_values(self):
        """What confirming writes: the state, who and when."""
        return {
            "state": "confirmed",
            "confirm_user_id": self.env.user.id,
            "confirm_date": fields.Date.context_today(self),
        }
