# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models

from .hr_technical_grade_approval_step import APPROVAL_MODES


class HrTechnicalGradeEvaluationApproval(models.Model):
    """One approval step of one evaluation or review, with its decision: the audit trail."""

    _name = "hr.technical.grade.evaluation.approval"
    _description = "Technical Grade Evaluation Approval"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation", ondelete="cascade", index="btree_not_null"
    )
    review_id = fields.Many2one(
        "hr.technical.grade.review", ondelete="cascade", index="btree_not_null"
    )
    step_id = fields.Many2one("hr.technical.grade.approval.step", ondelete="set null")
    sequence = fields.Integer()
    name = fields.Char(required=True)
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

    _sql_constraints = [
        (
            "one_document",
            "CHECK((evaluation_id IS NULL) != (review_id IS NULL))",
            "An approval belongs to one evaluation or one review.",
        ),
    ]

    def _waiting_for(self):
        """Approvers of a pending step who still have to decide."""
        self.ensure_one()
        if self.approval_mode == "all":
            return self.approver_ids - self.approved_by_ids
        return self.approver_ids
