# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, models


class HrTechnicalGradeApprovalMixin(models.AbstractModel):
    """What documents approved step by step in the inbox share.

    Grade evaluations and performance reviews copy their chain from
    ``hr.technical.grade.approval.step`` into ``approval_ids`` when they are
    submitted.  They define ``approval_ids``, ``state`` (``submitted`` while
    the chain runs), ``current_approval_id``, ``can_approve`` and
    ``pending_approver_ids`` computed by the methods below, and say which
    activity type and summary their approvers get.
    """

    _name = "hr.technical.grade.approval.mixin"
    _description = "Technical Grade Approval Chain"

    _approval_activity_type = None  # XML id of the approval activity type
    _approval_dropped_states = ("draft", "cancel", "rejected")

    @api.depends("approval_ids.state", "approval_ids.approved_by_ids")
    @api.depends_context("uid")
    def _compute_current_approval(self):
        for document in self:
            current = document.approval_ids.filtered(lambda a: a.state == "pending")[:1]
            document.current_approval_id = current
            document.can_approve = bool(current) and self.env.user in current._waiting_for()

    @api.depends(
        "state", "approval_ids.state", "approval_ids.approver_ids", "approval_ids.approved_by_ids"
    )
    def _compute_pending_approvers(self):
        for document in self:
            current = document.approval_ids.filtered(lambda a: a.state == "pending")[:1]
            document.pending_approver_ids = (
                current._waiting_for() if document.state == "submitted" and current else False
            )

    def _approval_activity_summary(self, step):
        """The summary of the approval activity of ``step``."""
        raise NotImplementedError

    def activity_update(self):
        """Put each document in the inbox of whoever must act on it now.

        Called after every state change: the approvers of the pending step
        get an approval activity; activities of decided steps are marked
        done, and those of documents sent back, rejected or cancelled removed.
        """
        activity_type = self.env.ref(self._approval_activity_type)
        decider = self.env.user
        # Activities belong to the document: whoever decides may close them.
        for document in self.sudo():
            current = document.current_approval_id
            waiting = (
                current._waiting_for() if document.state == "submitted" else self.env["res.users"]
            )
            activities = document.activity_ids.filtered(
                lambda act: act.activity_type_id == activity_type
            )
            for activity in activities.filtered(lambda act, w=waiting: act.user_id not in w):
                if document.state in self._approval_dropped_states:
                    activity.unlink()
                else:
                    activity.action_feedback(
                        feedback=self.env._("Decided by %(user)s", user=decider.name)
                    )
            scheduled = activities.exists().user_id
            for user in waiting - scheduled:
                document.activity_schedule(
                    self._approval_activity_type,
                    user_id=user.id,
                    summary=document._approval_activity_summary(current),
                )
