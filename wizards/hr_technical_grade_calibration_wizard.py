# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models


class HrTechnicalGradeCalibrationWizard(models.TransientModel):
    """A committee member adjusts a candidate's result or final score in the
    campaign's calibration, saying why (see the calibration adjustment)."""

    _name = "hr.technical.grade.calibration.wizard"
    _inherit = ["hr.technical.grade.evaluation.wizard.mixin"]
    _fixed_fields = ("evaluation_id", "campaign_id")
    _description = "Adjust a Result in the Calibration"

    campaign_id = fields.Many2one("hr.technical.grade.campaign", required=True)
    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        string="Candidate",
        required=True,
        domain="[('campaign_id', '=', campaign_id), ('state', 'in', ('draft', 'submitted')), "
        "('committee_state', 'in', ('scoring', 'closed'))]",
    )
    current_result = fields.Selection(related="evaluation_id.result", string="Current Result")
    current_score = fields.Float(related="evaluation_id.final_score", string="Current Final Score")
    kind = fields.Selection(
        [("result", "Result"), ("score", "Final Score")],
        string="Adjust",
        required=True,
        default="result",
    )
    new_result = fields.Selection([("passed", "Passed"), ("failed", "Failed")])
    new_score = fields.Float(string="New Final Score", digits=(5, 2))
    reason = fields.Text(required=True, help="Recorded on the candidate and in the minutes.")

    @api.onchange("evaluation_id")
    def _onchange_evaluation_id(self):
        if self.evaluation_id:
            self.campaign_id = self.evaluation_id.campaign_id
            self.new_score = self.evaluation_id.final_score

    def action_adjust(self):
        self.ensure_one()
        self.env["hr.technical.grade.calibration.adjustment"]._adjust(
            self.evaluation_id,
            self.kind,
            self.new_result if self.kind == "result" else self.new_score,
            self.reason,
        )
        return {"type": "ir.actions.act_window_close"}
