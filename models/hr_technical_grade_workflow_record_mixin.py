# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models
from odoo.exceptions import AccessError


class HrTechnicalGradeWorkflowRecordMixin(models.AbstractModel):
    """Records that only their workflow writes (as superuser), never a client.

    Appointments follow grade changes, pay steps follow reviews: a client
    call that creates or edits one is refused with the model's own
    explanation (``_workflow_only_message``); the chatter stays usable.
    """

    _name = "hr.technical.grade.workflow.record.mixin"
    _description = "Technical Grade Record Written by its Workflow"

    _client_writable = frozenset({"message_main_attachment_id", "message_follower_ids"})

    def _workflow_only_message(self):
        raise NotImplementedError

    @api.model_create_multi
    def create(self, vals_list):
        self._check_workflow()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - self._client_writable:
            self._check_workflow()
        return super().write(vals)

    def _check_workflow(self):
        if not self.env.su:
            raise AccessError(self._workflow_only_message())
