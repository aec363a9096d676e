# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

APPROVAL_MODES = [("any", "One of the approvers"), ("all", "Every approver")]


class HrTechnicalGradeApprovalStep(models.Model):
    """One step of an approval chain, as configuration.

    The same steps configure the chain of grade evaluations and the result
    approval chain of performance reviews (``document``).  Submitting a
    document copies the steps that apply to it, in sequence, with their
    approvers resolved for its employee.
    """

    _name = "hr.technical.grade.approval.step"
    _description = "Technical Grade Approval Step"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty for a step every company uses."
    )
    document = fields.Selection(
        [("evaluation", "Grade evaluations"), ("review", "Performance reviews")],
        string="Applies To",
        required=True,
        default="evaluation",
        index=True,
    )
    apply_initial = fields.Boolean(string="Initial Gradings", default=True)
    apply_promotion = fields.Boolean(string="Promotions", default=True)
    apply_demotion = fields.Boolean(string="Demotions", default=True)
    appointed_only = fields.Boolean(
        string="Appointed Grades Only",
        help="Only when the target grade is appointed by the company (senior and above).",
    )
    approver_type = fields.Selection(
        [
            ("manager", "Direct superior"),
            ("department_head", "Department head"),
            ("committee", "Evaluation committee (its chair signs)"),
            ("group", "Members of a group"),
            ("users", "Named users"),
        ],
        required=True,
        default="users",
    )
    group_id = fields.Many2one("res.groups")
    user_ids = fields.Many2many("res.users", string="Approvers", domain=[("share", "=", False)])
    approval_mode = fields.Selection(APPROVAL_MODES, required=True, default="any")

    @api.model
    def _steps_for(self, document):
        """The active steps that apply to ``document``, in order.

        ``document`` is an evaluation or a performance review.
        """
        is_review = document._name == "hr.technical.grade.review"
        steps = self.search(
            [
                ("document", "=", "review" if is_review else "evaluation"),
                "|",
                ("company_id", "=", False),
                ("company_id", "=", document.company_id.id),
            ]
        )
        if is_review:
            return steps
        return steps.filtered(
            lambda step: (
                step[f"apply_{document.kind}"]
                and (not step.appointed_only or document.target_grade_id.is_appointed)
            )
        )

    @api.model
    def _approval_commands(self, document):
        """Commands that create the approvals of ``document``'s chain."""
        commands = []
        for index, step in enumerate(self._steps_for(document)):
            commands.append(
                Command.create(
                    {
                        "step_id": step.id,
                        "sequence": index,
                        "name": step.name,
                        "approval_mode": step.approval_mode,
                        "committee_step": step.approver_type == "committee",
                        "approver_ids": [Command.set(step._approvers_for(document).ids)],
                        "state": "pending" if index == 0 else "waiting",
                    }
                )
            )
        return commands

    def _names_nobody(self):
        """Whether the step can never find a decider, whoever the document is about.

        Steps of named users or of a group's members name them in the
        configuration; the superior, the department head and the committee's
        chair depend on the document's employee and are checked at submission.
        """
        self.ensure_one()
        if self.approver_type == "users":
            return not self.user_ids.filtered("active")
        if self.approver_type == "group":
            return not self.group_id.users.filtered("active")
        return False

    def _approvers_for(self, document):
        """The users who decide this step for ``document`` (never its employee)."""
        self.ensure_one()
        employee = document.employee_id
        if self.approver_type == "manager":
            users = employee.parent_id.user_id
        elif self.approver_type == "department_head":
            users = employee.department_id.manager_id.user_id
        elif self.approver_type == "committee":
            users = document.committee_id.chair_id
        elif self.approver_type == "group":
            users = self.group_id.users
        else:
            users = self.user_ids
        users = users.filtered(lambda user: user.active and user != employee.user_id)
        if not users:
            raise UserError(
                self.env._(
                    "The approval step %(step)s has nobody to decide for %(employee)s: set its "
                    "approvers in Technical Grades ▸ Configuration ▸ Approval Steps (or the "
                    "employee's manager and department, or the committee's chair).",
                    step=self.name,
                    employee=employee.name,
                )
            )
        return users
