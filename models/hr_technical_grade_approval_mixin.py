# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command


class HrTechnicalGradeApprovalMixin(models.AbstractModel):
    """What documents approved step by step in the inbox share.

    Grade evaluations and performance reviews are about one employee, and
    copy their chain from ``hr.technical.grade.approval.step`` into
    ``approval_ids`` when they are submitted.  They define ``approval_ids``,
    ``state`` (``submitted`` while the chain runs) and
    ``pending_approver_ids`` computed by the method below, and say which
    activity type and summary their approvers get.

    The approvals of a document sent back or reopened stay on record, marked
    superseded: only the current round counts.
    """

    _name = "hr.technical.grade.approval.mixin"
    _description = "Technical Grade Approval Chain"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id", string="Employee User")

    current_approval_id = fields.Many2one(
        "hr.technical.grade.evaluation.approval",
        compute="_compute_current_approval",
        string="Current Step",
    )
    can_approve = fields.Boolean(compute="_compute_current_approval")

    _approval_activity_type = None  # XML id of the approval activity type
    _approval_dropped_states = ("draft", "cancel", "rejected")

    @api.depends("approval_ids.state", "approval_ids.approved_by_ids", "approval_ids.superseded")
    @api.depends_context("uid")
    def _compute_current_approval(self):
        for document in self:
            current = document._current_approvals().filtered(lambda a: a.state == "pending")[:1]
            document.current_approval_id = current
            document.can_approve = bool(current) and self.env.user in current._waiting_for()

    @api.depends(
        "state",
        "approval_ids.state",
        "approval_ids.approver_ids",
        "approval_ids.approved_by_ids",
        "approval_ids.superseded",
    )
    def _compute_pending_approvers(self):
        for document in self:
            current = document._current_approvals().filtered(lambda a: a.state == "pending")[:1]
            document.pending_approver_ids = (
                current._waiting_for() if document.state == "submitted" and current else False
            )

    # What the workflow writes, as superuser: never a client call, HR included.
    _workflow_fields = frozenset()
    # Starting values a new document may carry, as its form sends them.
    _workflow_defaults = {}

    def _check_workflow_fields(self, vals):
        """Refuse a client call that sets what the workflow writes, HR included.

        States, results, approvals, decisions and dates of the workflow are
        written by the actions, as superuser.  A new document may carry their
        starting values, as its form sends them.
        """
        touched = self._workflow_fields & set(vals)
        if not self:
            touched = {
                fname
                for fname in touched
                if vals[fname] and vals[fname] != self._workflow_defaults.get(fname)
            }
        if touched and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(document)s change through its actions only (%(actions)s), "
                    "not by editing it.",
                    fields=", ".join(
                        sorted(
                            self._fields[fname]._description_string(self.env) for fname in touched
                        )
                    ),
                    document=self.env["ir.model"]._get(self._name).name,
                    actions=self._workflow_actions(),
                )
            )

    def _workflow_today(self):
        """Today for the workflow's dates (signatures, notices, effective days).

        In the company's time zone (its working calendar's, else its
        address's), whatever time zone the caller's context names: a client
        cannot gain or lose a day by sending another one.
        """
        company = self.company_id[:1] or self.env.company
        tz = company.resource_calendar_id.tz or company.partner_id.tz or "UTC"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _workflow_actions(self):
        """The actions that write the workflow fields, named in the refusal."""
        return ""

    def _current_approvals(self):
        """The approvals of the documents' current round."""
        return self.approval_ids.filtered(lambda approval: not approval.superseded)

    def _supersede_approvals(self):
        """Close the current round: its approvals stay on record, superseded.

        Called when a document goes back to its draft (sent back, reopened);
        submitting it again starts a new round.
        """
        self.sudo()._current_approvals().write({"superseded": True})

    def _start_approval_chain(self):
        """Copy each document's chain from the approval steps and submit it.

        The approvals are named after their steps in every language.  Returns
        the documents no step applies to, which their model finishes itself.
        """
        Step = self.env["hr.technical.grade.approval.step"].sudo()
        self._supersede_approvals()
        unchained = self.browse()
        new_approvals = self.env["hr.technical.grade.evaluation.approval"].sudo()
        for document in self:
            commands = Step._approval_commands(document)
            # Requesters may submit their own drafts: the state is written as such.
            document.sudo().write({"approval_ids": commands, "state": "submitted"})
            new_approvals |= document.sudo()._current_approvals()
            if not commands:
                unchained |= document
        new_approvals._copy_step_names()
        return unchained

    def _selection_label(self, fname):
        """The translated label of a selection field's value."""
        self.ensure_one()
        return dict(self._fields[fname]._description_selection(self.env)).get(self[fname], "")

    def _check_state(self, *states):
        for document in self:
            if document.state not in states:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: this action is not possible now.",
                        name=document.name,
                        state=document._selection_label("state"),
                    )
                )

    def _check_approval_update(self):
        """Who may decide the current step: one of its approvers, in turn.

        Steps cannot be skipped: only the pending step is decided, by the
        users it names, and nobody decides their own document.
        """
        self._check_state("submitted")
        for document in self:
            if document.employee_id.user_id == self.env.user:
                raise UserError(
                    self.env._("Nobody approves their own %(document)s.", document=document.name)
                )
            current = document.current_approval_id
            if self.env.user not in current._waiting_for():
                raise AccessError(
                    self.env._(
                        "%(name)s waits for the step %(step)s, decided by %(users)s.",
                        name=document.name,
                        step=current.name,
                        users=", ".join(current._waiting_for().mapped("name")),
                    )
                )

    def _check_final_approval(self):
        """Hook: refuse the approval of the last step of the document."""

    def _approve_current_step(self):
        """The current user approves the current step of each document.

        A step decided by one of its approvers (or by all, as it says) is
        approved and the next one becomes pending.  Returns the documents
        whose last step is now approved; the caller says what that means.
        """
        now = fields.Datetime.now()
        finished = self.browse()
        for document in self:
            current = document.current_approval_id
            vals = {"approved_by_ids": [Command.link(self.env.uid)]}
            if current.approval_mode == "any" or not current._waiting_for() - self.env.user:
                vals.update(state="approved", decided_by_id=self.env.uid, decided_on=now)
            following = document._current_approvals().filtered(lambda a: a.state == "waiting")[:1]
            if vals.get("state") == "approved" and not following:
                document._check_final_approval()
            current.sudo().write(vals)
            # Approvers need not be able to edit the document to log their decision.
            document.sudo().message_post(
                body=self.env._(
                    "%(step)s: approved by %(user)s.", step=current.name, user=self.env.user.name
                ),
                author_id=self.env.user.partner_id.id,
            )
            if vals.get("state") == "approved":
                if following:
                    following.sudo().state = "pending"
                else:
                    finished |= document
        return finished

    def _record_rejection(self, reason):
        """The current step of each document is decided: rejected, saying why."""
        now = fields.Datetime.now()
        for document in self:
            document.current_approval_id.sudo().write(
                {
                    "state": "rejected",
                    "decided_by_id": self.env.uid,
                    "decided_on": now,
                    "comment": reason,
                }
            )

    # ------------------------------------------------------------------
    # Arguments of the public methods (reasons, decisions, scores)
    # ------------------------------------------------------------------

    def _clean_reason(self, reason, message):
        """``reason`` without surrounding blanks; ``message`` unless it is written text."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(message)
        return reason.strip()

    def _clean_score(self, score, low=0, high=100):
        """``score`` as a float, or a clear error unless it is a number from low to high."""
        if (
            isinstance(score, bool)
            or not isinstance(score, (int, float))
            or not (low <= score <= high)
        ):
            raise UserError(
                self.env._(
                    "A score is a number from %(low)s to %(high)s, not %(score)s.",
                    low=low,
                    high=high,
                    score=score,
                )
            )
        return float(score)

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
