# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeCommitteeSignWizard(models.TransientModel):
    """The chair signs the committee's final opinion (签署最终评审意见)."""

    _name = "hr.technical.grade.committee.sign.wizard"
    _inherit = ["hr.technical.grade.evaluation.wizard.mixin"]
    _description = "Sign the Committee Opinion"

    evaluation_id = fields.Many2one("hr.technical.grade.evaluation", required=True)
    final_score = fields.Float(related="evaluation_id.final_score")
    opinion = fields.Text(required=True)
    decision = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        required=True,
        compute="_compute_decision",
        store=True,
        precompute=True,
        readonly=False,
    )
    against_scores = fields.Boolean(
        compute="_compute_against_scores",
        help="The decision departs from what the scores say: it needs a written reason.",
    )
    decision_reason = fields.Text(
        string="Reason Against the Scores",
        help="Why the committee decides against the scores: passed under the pass mark, "
        "or failed at or above it.",
    )
    # Shown, not chosen: the opinion is signed, and the public notice starts, today.
    date = fields.Date(
        string="Signed On",
        required=True,
        compute="_compute_date",
        store=True,
        precompute=True,
        readonly=False,
    )

    @api.depends("evaluation_id")
    def _compute_date(self):
        for wizard in self:
            wizard.date = wizard.evaluation_id._workflow_today()

    @api.depends("evaluation_id")
    def _compute_decision(self):
        for wizard in self:
            # What the scores say (or the result the committee calibrated, with
            # its reason on record).
            evaluation = wizard.evaluation_id
            wizard.decision = evaluation._score_result() if evaluation else False

    @api.depends("evaluation_id", "decision")
    def _compute_against_scores(self):
        for wizard in self:
            wizard.against_scores = bool(
                wizard.evaluation_id
                and wizard.decision
                and wizard.evaluation_id._decision_against_scores(wizard.decision)
            )

    def action_sign(self):
        self.ensure_one()
        today = self.evaluation_id._workflow_today()
        if self.date != today:
            raise UserError(
                self.env._(
                    "The chair signs on the day of the signature: the opinion is dated today "
                    "(%(today)s), not %(date)s.",
                    today=today,
                    date=self.date,
                )
            )
        self.evaluation_id._committee_sign(self.opinion, self.decision, self.decision_reason)
        return {"type": "ir.actions.act_window_close"}
