# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeEvaluationRejectWizard(models.TransientModel):
    """Reject evaluations with the reason the applicant will read."""

    _name = "hr.technical.grade.evaluation.reject.wizard"
    _description = "Reject Technical Grade Evaluation"

    evaluation_ids = fields.Many2many(
        "hr.technical.grade.evaluation",
        "hr_technical_grade_evaluation_reject_rel",
        "wizard_id",
        "evaluation_id",
        required=True,
    )
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.evaluation_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
