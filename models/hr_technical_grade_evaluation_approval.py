# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .hr_technical_grade_approval_step import APPROVAL_MODES


class HrTechnicalGradeEvaluationApproval(models.Model):
    """One approval step of one evaluation or review, with its decision: the audit trail.

    Only the approval engine writes approvals, as the superuser: nobody
    records a decision in another's name, and no approval is deleted.  A
    document sent back or reopened keeps the approvals of its earlier rounds,
    marked superseded; approvals go with their document only, when a draft or
    cancelled document is deleted.
    """

    _name = "hr.technical.grade.evaluation.approval"
    _description = "Technical Grade Evaluation Approval"
    # The current round first, in its order; then the earlier rounds, latest first.
    _order = "evaluation_id, review_id, superseded, round desc, sequence, id"

    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation", ondelete="cascade", index="btree_not_null"
    )
    review_id = fields.Many2one(
        "hr.technical.grade.review", ondelete="cascade", index="btree_not_null"
    )
    step_id = fields.Many2one("hr.technical.grade.approval.step", ondelete="set null")
    sequence = fields.Integer()
    # The step's name in every language, as it was when the chain was copied.
    name = fields.Char(required=True, translate=True)
    approval_mode = fields.Selection(APPROVAL_MODES, required=True)
    committee_step = fields.Boolean(
        help="The committee scores the candidate; its chair decides by signing its opinion."
    )
    approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_approval_approver_rel",
        "approval_id",
        "user_id",
        string="Approvers",
    )
    approved_by_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_approval_approved_rel",
        "approval_id",
        "user_id",
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("pending", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        required=True,
        default="waiting",
    )
    decided_by_id = fields.Many2one("res.users")
    decided_on = fields.Datetime()
    comment = fields.Text()
    # A document sent back or reopened keeps the decisions of the round that
    # ended: its approvals are superseded, and only the others (the current
    # round) make the chain.
    superseded = fields.Boolean(
        default=False,
        readonly=True,
        help="Of an earlier round: the document was sent back or reopened since.",
    )
    round = fields.Integer(
        default=1, help="The submission this decision belongs to: 1 for the first, and so on."
    )

    _sql_constraints = [
        (
            "one_document",
            "CHECK((evaluation_id IS NULL) != (review_id IS NULL))",
            "An approval belongs to one evaluation or one review.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._check_engine()
        return super().create(vals_list)

    def write(self, vals):
        self._check_engine()
        return super().write(vals)

    def _check_engine(self):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Approvals record the decisions of the approvers: only the approval chain "
                    "writes them."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Approvals are the audit trail of their document: they are never deleted, "
                "only the draft or cancelled document with them."
            )
        )

    def _copy_step_names(self):
        """Name the approvals after their steps, in every language at once.

        The trail keeps the names the steps had when the document was
        submitted, whoever reads it and whatever the steps are called later.
        """
        if not self:
            return
        self.flush_recordset(["step_id", "name"])
        self.env["hr.technical.grade.approval.step"].flush_model(["name"])
        self.env.cr.execute(
            SQL(
                "UPDATE %(approval)s AS approval SET name = step.name"
                " FROM %(step)s AS step"
                " WHERE approval.step_id = step.id AND approval.id IN %(ids)s",
                approval=SQL.identifier(self._table),
                step=SQL.identifier("hr_technical_grade_approval_step"),
                ids=tuple(self.ids),
            )
        )
        self.invalidate_recordset(["name"])

    def _waiting_for(self):
        """Approvers of a pending step who still have to decide."""
        self.ensure_one()
        if self.approval_mode == "all":
            return self.approver_ids - self.approved_by_ids
        return self.approver_ids
