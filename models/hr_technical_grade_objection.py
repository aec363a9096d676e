# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# Written by the workflow only: who filed it, and HR's answer through action_answer.
WORKFLOW_FIELDS = {"author_id", "state", "answered_by_id", "answered_on", "round_id"}


class HrTechnicalGradeObjection(models.Model):
    """An objection filed during the public notice (公示) of a committee result.

    The result of the evaluation takes effect only once every objection
    has been answered by HR.
    """

    _name = "hr.technical.grade.objection"
    _description = "Technical Grade Objection"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "create_date desc, id desc"
    _rec_name = "evaluation_id"

    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation", required=True, ondelete="cascade", index=True
    )
    round_id = fields.Many2one(
        "hr.technical.grade.committee.round",
        string="Committee Round",
        compute="_compute_round_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The committee round whose public notice the objection was filed during.",
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", string="Candidate")
    author_id = fields.Many2one(
        "res.users", string="Filed By", required=True, readonly=True, default=lambda s: s.env.user
    )
    objection = fields.Text(required=True)
    answer = fields.Text(tracking=True)
    answered_by_id = fields.Many2one("res.users", readonly=True)
    answered_on = fields.Datetime(readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("answered", "Answered")],
        required=True,
        default="open",
        readonly=True,
        tracking=True,
    )

    @api.depends("evaluation_id")
    def _compute_round_id(self):
        for objection in self:
            objection.round_id = objection.evaluation_id.sudo().committee_round_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_workflow_fields(vals, creating=True)
        objections = super().create(vals_list)
        for objection in objections.sudo():
            if not objection.evaluation_id._is_under_notice():
                raise UserError(
                    self.env._(
                        "%(name)s is not under public notice: objections are filed during "
                        "the notice only.",
                        name=objection.evaluation_id.name,
                    )
                )
            objection.evaluation_id.message_post(
                body=self.env._("An objection was filed during the public notice."),
            )
        return objections

    def write(self, vals):
        self._check_workflow_fields(vals)
        return super().write(vals)

    def _check_workflow_fields(self, vals, creating=False):
        """Who filed an objection, its state and who answered it, when, are the
        workflow's: a new objection is the caller's own, open and unanswered."""
        if self.env.su:
            return
        touched = WORKFLOW_FIELDS & set(vals)
        if creating:
            # The form may send the starting values back as they are.
            starting = {"author_id": self.env.uid, "state": "open"}
            touched = {f for f in touched if vals[f] and vals[f] != starting.get(f)}
            if vals.get("answer") and not self.env.user.has_group(OFFICER):
                touched.add("answer")
        if touched:
            raise AccessError(
                self.env._(
                    "An objection is filed in its author's name and answered by HR through "
                    "its Answer button: who filed it, its state and who answered it, when, "
                    "are not edited."
                )
            )

    def action_answer(self):
        """HR answers the objection; the author is told."""
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("HR officers answer objections."))
        for objection in self:
            if objection.state == "answered":
                raise UserError(
                    self.env._(
                        "The objection to %(name)s is already answered: its answer stays on "
                        "record.",
                        name=objection.evaluation_id.name,
                    )
                )
            if not (objection.answer or "").strip():
                raise UserError(self.env._("Write the answer before closing the objection."))
            objection.sudo().write(
                {
                    "state": "answered",
                    "answered_by_id": self.env.uid,
                    "answered_on": fields.Datetime.now(),
                }
            )
            objection.message_post(
                body=self.env._("Answered: %(answer)s", answer=objection.answer),
                partner_ids=objection.author_id.partner_id.ids,
            )
        return True
