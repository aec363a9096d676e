# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeApprovalReasonWizard(models.TransientModel):
    """Reject or send back documents of any approval chain, with the reason their requester reads.

    Any approver opens it, HR or not: the document's own action checks that
    the user decides its current step (or is HR).
    """

    _name = "hr.technical.grade.approval.reason.wizard"
    _description = "Technical Grade Approval Decision Reason"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    decision = fields.Selection(
        [
            ("reject", "Reject"),
            ("send_back", "Send back for correction"),
            ("effective_date", "Change the effective date"),
        ],
        required=True,
        default="reject",
    )
    new_date = fields.Date(string="New Effective Date")
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if "res_model" in fields_list and not values.get("res_model"):
            values["res_model"] = context.get("active_model")
        if "res_ids" in fields_list and not values.get("res_ids"):
            values["res_ids"] = context.get("active_ids") or []
        return values

    def _documents(self):
        self.ensure_one()
        model = self.res_model
        if model not in self.env["hr.technical.grade.approval.mixin"]._approval_models():
            raise UserError(self.env._("Only documents of an approval chain are decided here."))
        ids = self.res_ids or []
        if not isinstance(ids, list) or not all(
            isinstance(res_id, int) and not isinstance(res_id, bool) and res_id > 0
            for res_id in ids
        ):
            raise UserError(
                self.env._("The documents are given by their ids, not %(ids)r.", ids=ids)
            )
        return self.env[model].browse(ids)

    def action_confirm(self):
        self.ensure_one()
        documents = self._documents()
        if self.decision == "effective_date":
            if "effective_date" not in documents._fields:
                raise UserError(self.env._("These documents have no effective date."))
            documents.action_change_effective_date(self.new_date, self.reason)
        elif self.decision == "send_back":
            documents.action_send_back(self.reason)
        else:
            documents.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
