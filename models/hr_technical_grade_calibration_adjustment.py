# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..grade_rules import committee as committee_rules

RESULTS = [("pending", "Pending"), ("passed", "Passed"), ("failed", "Failed")]
# Evaluations whose result the committee may still calibrate: not decided yet.
CALIBRATED_STATES = ("draft", "submitted")


class HrTechnicalGradeCalibrationAdjustment(models.Model):
    """One change the committee made to a candidate in a campaign's calibration.

    公平、公正、公开: before the chair signs, a member of the candidate's
    committee may change the candidate's result (passed ↔ failed) or final
    score, always with a reason.  Each change is one record, never edited
    nor deleted: who made it, when, the value before and after, and why.
    It is shown on the candidate's evaluation and on the campaign, posted in
    both chatters, and printed in the calibration minutes.

    Written by the adjustment only (as superuser, after its checks).
    """

    _name = "hr.technical.grade.calibration.adjustment"
    _description = "Technical Grade Calibration Adjustment"
    _inherit = ["hr.technical.grade.workflow.record.mixin"]
    _order = "campaign_id, date, id"

    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign", required=True, readonly=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    employee_name = fields.Char(related="evaluation_id.employee_id.name", string="Candidate")
    department_id = fields.Many2one(related="evaluation_id.department_id")
    target_grade_id = fields.Many2one(related="evaluation_id.target_grade_id")
    kind = fields.Selection(
        [("result", "Result"), ("score", "Final Score")],
        string="Adjusted",
        required=True,
        readonly=True,
    )
    old_result = fields.Selection(RESULTS, string="Result Before", readonly=True)
    new_result = fields.Selection(RESULTS, string="Result After", readonly=True)
    old_score = fields.Float(string="Score Before", digits=(5, 2), readonly=True)
    new_score = fields.Float(string="Score After", digits=(5, 2), readonly=True)
    change = fields.Char(compute="_compute_change", help="The value before and after.")
    reason = fields.Text(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    date = fields.Datetime(required=True, readonly=True)

    @api.depends("evaluation_id.name", "kind")
    def _compute_display_name(self):
        for adjustment in self:
            adjustment.display_name = self.env._(
                "%(evaluation)s, calibration of the %(what)s",
                evaluation=adjustment.sudo().evaluation_id.name or "",
                what=adjustment._kind_label().lower(),
            )

    @api.depends("kind", "old_result", "new_result", "old_score", "new_score")
    @api.depends_context("lang")
    def _compute_change(self):
        # The evaluation's own labels of its results.
        Evaluation = self.env["hr.technical.grade.evaluation"]
        labels = dict(Evaluation._fields["result"]._description_selection(self.env))
        for adjustment in self:
            if adjustment.kind == "result":
                old = labels.get(adjustment.old_result, "—")
                new = labels.get(adjustment.new_result, "—")
            else:
                old = f"{adjustment.old_score:.2f}"
                new = f"{adjustment.new_score:.2f}"
            adjustment.change = f"{old} → {new}"

    def _kind_label(self):
        self.ensure_one()
        return dict(self._fields["kind"]._description_selection(self.env)).get(self.kind, "")

    def _workflow_only_message(self):
        return self.env._(
            "A calibration adjustment is recorded by the committee's Adjust action only, with "
            "its reason; it is never edited nor deleted."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(self._workflow_only_message())

    # ------------------------------------------------------------------
    # The adjustment
    # ------------------------------------------------------------------

    @api.model
    def _check_may_adjust(self, evaluation):
        """The current user sits on the candidate's committee and may judge them.

        Not the candidate, nor their direct superior, nor one of their team
        (the committee's own excuse rule); HR officers who are not members
        do not adjust either.
        """
        candidate = evaluation.sudo()
        committee = candidate.committee_id
        user = self.env.user
        if self.env.su:
            return
        if user not in committee.member_ids:
            raise AccessError(
                self.env._(
                    "Only the members of the committee %(committee)s adjust the results of its "
                    "candidates.",
                    committee=committee.name or "—",
                )
            )
        employee = candidate.employee_id
        reason = committee_rules.excuse_reason(
            user.id,
            employee.user_id.id,
            employee.parent_id.user_id.ids,
            (employee.parent_id.child_ids | employee.child_ids).user_id.ids,
        )
        if reason:
            raise AccessError(
                self.env._(
                    "You may not adjust the result of %(name)s: you are excused from judging "
                    "this candidate.",
                    name=candidate.name,
                )
            )

    @api.model
    def _check_open(self, evaluation):
        """The calibration happens before the result is signed or decided."""
        candidate = evaluation.sudo()
        campaign = candidate.campaign_id
        if not campaign:
            raise UserError(
                self.env._(
                    "%(name)s is not in a promotion campaign: there is no calibration to adjust.",
                    name=candidate.name,
                )
            )
        # The signed lock of the committee round: a signed result stays as signed.
        candidate.committee_round_ids._check_unsigned()
        if candidate.committee_state not in ("scoring", "closed"):
            raise UserError(
                self.env._(
                    "%(name)s is not before the committee: the calibration adjusts the results "
                    "the committee is judging, between its scoring and its signature.",
                    name=candidate.name,
                )
            )
        if campaign.state != "open" or candidate.state not in CALIBRATED_STATES:
            raise UserError(
                self.env._(
                    "The result of %(name)s is decided (%(state)s) or its campaign %(campaign)s "
                    "is not in review: the calibration is over.",
                    name=candidate.name,
                    state=dict(candidate._fields["state"]._description_selection(self.env)).get(
                        candidate.state
                    ),
                    campaign=campaign.name,
                )
            )

    @api.model
    def _adjust(self, evaluation, kind, value, reason):
        """Change ``evaluation``'s result (``kind`` result) or final score (``score``).

        Checks the user (a member of the candidate's committee who may judge
        them), the lock (before the signature, the campaign in review), the
        reason and the value; then records the change and posts it in the
        chatters of the evaluation and the campaign.  Returns the adjustment.
        """
        evaluation.ensure_one()
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Say why the result is adjusted: the reason is recorded."))
        reason = reason.strip()
        self._check_may_adjust(evaluation)
        # The candidate, locked against a signature at the same moment.
        candidate = evaluation.sudo()
        candidate.committee_round_id._lock()
        self._check_open(evaluation)
        vals = {
            "campaign_id": candidate.campaign_id.id,
            "evaluation_id": candidate.id,
            "kind": kind,
            "reason": reason,
            "user_id": self.env.uid,
            "date": fields.Datetime.now(),
        }
        if kind == "result":
            if value not in ("passed", "failed"):
                raise UserError(self.env._("Adjust the result to Passed or Failed."))
            if value == candidate.result:
                raise UserError(
                    self.env._("%(name)s already has this result.", name=candidate.name)
                )
            vals.update(old_result=candidate.result, new_result=value)
            candidate.write({"calibrated_result": value})
        elif kind == "score":
            try:
                value = float(value)
            except (TypeError, ValueError):
                value = -1.0
            if not 0 <= value <= 100:
                raise UserError(self.env._("A final score goes from 0 to 100."))
            if round(value, 2) == round(candidate.final_score, 2):
                raise UserError(
                    self.env._("%(name)s already has this final score.", name=candidate.name)
                )
            vals.update(old_score=candidate.final_score, new_score=value)
            candidate.write({"calibrated_score": value, "has_calibrated_score": True})
        else:
            raise UserError(self.env._("Adjust the result or the final score."))
        adjustment = self.sudo().create(vals)
        candidate.message_post(
            body=self.env._(
                "Calibration: %(user)s adjusted the %(what)s, %(change)s. Reason: %(reason)s",
                user=self.env.user.name,
                what=adjustment._kind_label().lower(),
                change=adjustment.change,
                reason=reason,
            ),
            author_id=self.env.user.partner_id.id,
        )
        # Every employee reads the campaign: its chatter names neither the
        # candidate nor the numbers, which are in the calibration minutes.
        candidate.campaign_id.message_post(
            body=self.env._(
                "Calibration: %(user)s adjusted the %(what)s of a candidate for %(grade)s, with "
                "a reason; the calibration minutes list every change.",
                user=self.env.user.name,
                what=adjustment._kind_label().lower(),
                grade=candidate.target_grade_id.name,
            ),
            author_id=self.env.user.partner_id.id,
        )
        return adjustment.with_env(self.env)
