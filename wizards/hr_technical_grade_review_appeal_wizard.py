# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeReviewAppealWizard(models.TransientModel):
    """Appeal a review or decide an appeal, with the words it needs.

    Returning a review to its superior goes through the approval engine's
    shared reason wizard.
    """

    _name = "hr.technical.grade.review.appeal.wizard"
    _description = "Performance Review Appeal"

    review_id = fields.Many2one("hr.technical.grade.review", required=True)
    mode = fields.Selection(
        [
            ("appeal", "Appeal"),
            ("escalate", "Hand to the GM office"),
            ("decide", "Decide the appeal"),
        ],
        required=True,
        default="appeal",
    )
    text = fields.Text(string="Reason or Decision", required=True)
    change_score = fields.Boolean()
    new_score = fields.Float(digits=(5, 2))

    def action_confirm(self):
        self.ensure_one()
        review = self.review_id
        if self.mode == "appeal":
            review.action_appeal(self.text)
        elif self.mode == "escalate":
            review.action_appeal_escalate(self.text)
        else:
            review.action_appeal_decide(self.text, self.new_score if self.change_score else None)
        return {"type": "ir.actions.act_window_close"}
