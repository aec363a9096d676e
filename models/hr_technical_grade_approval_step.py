# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

APPROVAL_MODES = [("any", "One of the approvers"), ("all", "Every approver")]


class HrTechnicalGradeApprovalStep(models.Model):
    """One step of an approval chain, as configuration.

    A step belongs to a model that uses the approval engine (``model_id``)
    and applies to the documents of that model its ``domain`` matches, in
    sequence, as the tiers of OCA ``base_tier_validation`` do.  Submitting a
    document copies the steps that apply to it, with their approvers
    resolved by the document (``_approval_step_users``).
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
    model_id = fields.Many2one(
        "ir.model",
        string="Applies To",
        required=True,
        index=True,
        ondelete="cascade",
        domain=lambda self: [("model", "in", self.env[self._mixin]._approval_models())],
        default=lambda self: self.env["ir.model"]._get("hr.technical.grade.evaluation"),
    )
    model = fields.Char(related="model_id.model", string="Model Name")
    domain = fields.Char(
        string="Applies When",
        default="[]",
        help="The documents this step applies to; empty: all documents of its model.",
    )
    approver_type = fields.Selection(
        [
            ("manager", "Direct superior"),
            ("department_head", "Department head"),
            ("committee", "Evaluation committee (its chair signs)"),
            ("group", "Members of a group"),
            ("users", "Named users"),
            ("field", "A user field of the document"),
        ],
        required=True,
        default="users",
    )
    group_id = fields.Many2one("res.groups")
    user_ids = fields.Many2many("res.users", string="Approvers", domain=[("share", "=", False)])
    user_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'), "
        "('relation', '=', 'res.users')]",
        help="The document's field that names the approver of this step.",
    )
    approval_mode = fields.Selection(APPROVAL_MODES, required=True, default="any")

    _mixin = "hr.technical.grade.approval.mixin"

    def _names_nobody(self):
        """Whether the step can never find a decider, whoever the document is about.

        Steps of named users or of a group's members name them in the
        configuration; the superior, the department head, the committee's
        chair and a document's user field depend on the document and are
        checked at submission.
        """
        self.ensure_one()
        if self.approver_type == "users":
            return not self.user_ids.filtered("active")
        if self.approver_type == "group":
            return not self.group_id.users.filtered("active")
        return False

    @api.constrains("model_id", "domain", "approver_type", "user_field_id", "group_id")
    def _check_model_and_approvers(self):
        models_ = self.env[self._mixin]._approval_models()
        for step in self:
            model = step.model_id.model
            if model not in models_:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no approval chain: a step applies to %(models)s.",
                        model=step.model_id.name,
                        models=", ".join(self.env["ir.model"]._get(m).name for m in models_),
                    )
                )
            try:
                domain = safe_eval(step.domain or "[]", {"user": self.env.user})
                self.env[model].sudo().search_count(domain, limit=1)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The domain of the step %(step)s is not valid: %(error)s",
                        step=step.name,
                        error=error,
                    )
                ) from error
            if step.approver_type == "committee" and not self.env[model]._approval_committee:
                raise ValidationError(
                    self.env._(
                        "%(model)s have no committee: the step %(step)s needs another approver "
                        "type.",
                        model=step.model_id.name,
                        step=step.name,
                    )
                )
            if step.approver_type == "field" and (
                not step.user_field_id
                or step.user_field_id.model_id != step.model_id
                or step.user_field_id.relation != "res.users"
            ):
                raise ValidationError(
                    self.env._(
                        "The step %(step)s names its approver by a user field of %(model)s: "
                        "choose that field.",
                        step=step.name,
                        model=step.model_id.name,
                    )
                )
            if step.approver_type == "group" and not step.group_id:
                raise ValidationError(
                    self.env._("The step %(step)s needs its group.", step=step.name)
                )
