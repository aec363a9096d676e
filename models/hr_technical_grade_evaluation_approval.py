# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.tools import SQL

from .hr_technical_grade_approval_step import APPROVAL_MODES


class HrTechnicalGradeEvaluationApproval(models.Model):
    """One approval step of one evaluation or review, with its decision: the audit trail."""

    _name = "hr.technical.grade.evaluation.approval"
    _description = "Technical Grade Evaluation Approval"
    _order = "evaluation_id, round, sequence, id"

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
    # A request reopened after a rejection keeps the decisions of the round
    # that ended: its approvals are archived, and only the active ones (the
    # current round) make the chain.
    active = fields.Boolean(default=True)
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
