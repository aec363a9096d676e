# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, RedirectWarning, UserError
from odoo.fields import Command
from odoo.tools.safe_eval import safe_eval

MIXIN = "hr.technical.grade.approval.mixin"
OFFICER = "hr_technical_grade.group_technical_grade_officer"
# The context key of the engine's mark on its own writes of ``state``.
STATE_MOVE = "hr_technical_grade_state_move"


def sent_values(records, vals):
    """The values ``records`` are created with, as their checks must see them.

    The context's defaults (``default_kind``, ``default_theory_score``, ...)
    are values sent too: a check that read ``vals`` alone would let them
    through.  On existing records (a write), ``vals`` as they are.
    """
    if records:
        return vals
    prefix = "default_"
    defaults = {
        key[len(prefix) :]: value
        for key, value in records.env.context.items()
        if key.startswith(prefix) and key[len(prefix) :] in records._fields
    }
    return {**defaults, **vals}


class StateMove:
    """The engine's mark on the writes of ``state`` it checked (``_check_transition``).

    It travels in the context of the recordset the engine writes, as
    superuser.  It is a Python object: no client call (JSON-RPC, XML-RPC)
    can send one, whatever context keys it sends, so the write guard never
    trusts a client's context.  It covers the documents and the state it
    was checked for, nothing else.
    """

    __slots__ = ("ids", "model", "state")

    def __init__(self, documents, state):
        self.model = documents._name
        self.ids = frozenset(documents.ids)
        self.state = state

    def covers(self, documents, state):
        return (
            documents._name == self.model and state == self.state and set(documents.ids) <= self.ids
        )


class HrTechnicalGradeApprovalMixin(models.AbstractModel):
    """The approval engine of the documents approved step by step in the inbox.

    A model that inherits this mixin (grade evaluations, performance reviews)
    gets its chain from the ``hr.technical.grade.approval.step`` records of
    its model whose domain it matches, copied into ``hr.technical.grade.approval``
    rows keyed by model and record id when it is submitted.  The mixin owns
    the lifecycle: submit, approve, reject or send back with a reason,
    reopen, reminders and the final check on every path to the approved
    state.  Models say what differs through small hooks (``_check_submit``,
    ``_on_approved``, ``_on_rejected``, ``_approval_activity_summary``, ...)
    and schedule every activity from their one ``activity_update()``.

    The approvals of a document sent back or reopened stay on record, marked
    superseded: only the current round counts.
    """

    _name = "hr.technical.grade.approval.mixin"
    _inherit = ["hr.technical.grade.activity.mixin"]
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

    approval_ids = fields.One2many(
        "hr.technical.grade.approval",
        "res_id",
        domain=lambda self: [("res_model", "=", self._name)],
        string="Approvals",
        readonly=True,
        copy=False,
    )
    previous_approval_ids = fields.One2many(
        "hr.technical.grade.approval",
        "res_id",
        domain=lambda self: [("res_model", "=", self._name), ("superseded", "=", True)],
        string="Earlier Rounds",
        readonly=True,
        copy=False,
        help="The decisions of the earlier submissions, rejections included.",
    )
    current_approval_id = fields.Many2one(
        "hr.technical.grade.approval",
        compute="_compute_current_approval",
        string="Current Step",
    )
    can_approve = fields.Boolean(compute="_compute_current_approval")

    _approval_activity_type = None  # XML id of the approval activity type
    _approval_dropped_states = ("draft", "cancel", "rejected")
    # The one table of the document's moves: {(from state, to state): action}.
    # Each action names the hook ``_may_<action>`` that says who may make the
    # move (requester, superior, approver, HR) and when; ``_check_transition``
    # reads it on every path that changes the state, and the state is never
    # written otherwise.
    _state_transitions = {}
    # The state a rejection leaves the document in; None: it goes back to its draft.
    _approval_rejected_state = "rejected"
    # Whether the document names a committee whose chair decides a committee step.
    _approval_committee = False

    @api.depends(
        "state", "approval_ids.state", "approval_ids.approved_by_ids", "approval_ids.superseded"
    )
    @api.depends_context("uid")
    def _compute_current_approval(self):
        """The step waiting for a decision: only a submitted document has one.

        A document withdrawn (cancelled), rejected or back in its draft waits
        for nobody, whatever its last round left pending.
        """
        for document in self:
            current = document._current_approvals().filtered(lambda a: a.state == "pending")[:1]
            if document.state != "submitted":
                current = current.browse()
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

    def _sent_values(self, vals):
        """The values a new document is created with, as its checks must see them
        (see :func:`sent_values`)."""
        return sent_values(self, vals)

    def _check_workflow_fields(self, vals):
        """Refuse a client call that sets what the workflow writes, HR included.

        States, results, approvals, decisions and dates of the workflow are
        written by the actions, as superuser.  A new document may carry their
        starting values, as its form sends them.
        """
        touched = self._workflow_fields & set(vals)
        if not self:
            vals = self._sent_values(vals)
            touched = {
                fname
                for fname in self._workflow_fields & set(vals)
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
        return (self.company_id[:1] or self.env.company)._technical_grade_today()

    def _workflow_actions(self):
        """The actions that write the workflow fields, named in the refusal."""
        return ""

    @api.ondelete(at_uninstall=False)
    def _unlink_keeps_decisions(self):
        """A document that ever went through its chain is never deleted.

        Its approvals are its audit trail (who decided what, when, why):
        it stays on record, cancelled.  Drafts never submitted go.
        """
        submitted = self.filtered(lambda document: document.sudo().approval_ids)
        if submitted:
            raise UserError(
                self.env._(
                    "%(names)s went through approvals, which stay on record: cancel it "
                    "instead of deleting it.",
                    names=", ".join(submitted.mapped("display_name")),
                )
            )

    def _current_approvals(self):
        """The approvals of the documents' current round."""
        return self.approval_ids.filtered(lambda approval: not approval.superseded)

    def _supersede_approvals(self):
        """Close the current round: its approvals stay on record, superseded.

        Called when a document goes back to its draft (sent back, reopened);
        submitting it again starts a new round.
        """
        self.sudo()._current_approvals().write({"superseded": True})

    def _approval_steps(self):
        """The active steps of this model whose domain the document matches, in order."""
        self.ensure_one()
        steps = (
            self.env["hr.technical.grade.approval.step"]
            .sudo()
            .search(
                [
                    ("model_id.model", "=", self._name),
                    "|",
                    ("company_id", "=", False),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )
        document = self.sudo()
        return steps.filtered(
            lambda step: not step.domain
            or bool(document.filtered_domain(safe_eval(step.domain, {"user": self.env.user})))
        )

    def _approval_step_users(self, step):
        """The users who decide ``step`` for this document (never its employee).

        The one place approvers are resolved, from the step's approver type;
        models add what only they know (the committee's chair).
        """
        self.ensure_one()
        employee = self.sudo().employee_id
        kind = step.approver_type
        if kind == "manager":
            users = employee.parent_id.user_id
        elif kind == "department_head":
            users = employee.department_id.manager_id.user_id
        elif kind == "committee":
            users = self._approval_committee_users(step)
        elif kind == "group":
            users = step.group_id.users
        elif kind == "field":
            users = self.sudo()[step.user_field_id.name] if step.user_field_id else None
        else:
            users = step.user_ids
        users = (users or self.env["res.users"]).filtered(
            lambda user: user.active and user != employee.user_id
        )
        if not users:
            target = self._approval_missing_target(step)
            raise RedirectWarning(
                self.env._(
                    "The approval step %(step)s has nobody to decide for %(employee)s: set its "
                    "approvers in Technical Grades ▸ Configuration ▸ Approval Steps (or the "
                    "employee's manager and department, or the committee's chair).",
                    step=step.name,
                    employee=employee.name,
                ),
                {
                    "type": "ir.actions.act_window",
                    "res_model": target._name,
                    "res_id": target.id,
                    "views": [[False, "form"]],
                    "target": "current",
                },
                self.env._("Open %(record)s", record=target.display_name),
            )
        return users

    def _approval_missing_target(self, step):
        """The record to fix when ``step`` finds nobody to decide for this document.

        The employee for their superior or department head, the committee for
        its chair, the document for its user field, else the step itself.
        """
        kind = step.approver_type
        if kind in ("manager", "department_head"):
            return self.sudo().employee_id
        if kind == "committee" and "committee_id" in self._fields and self.sudo().committee_id:
            return self.sudo().committee_id
        if kind == "field":
            return self
        return step

    def _approval_committee_users(self, step):
        """Hook: who decides a committee step; documents without a committee have none."""
        raise UserError(
            self.env._(
                "The approval step %(step)s is decided by a committee, which %(model)s do not "
                "have: choose another approver type for it.",
                step=step.name,
                model=self.env["ir.model"]._get(self._name).name,
            )
        )

    def _start_approval_chain(self):
        """Copy each document's chain from the approval steps, as a new round.

        The approvals are named after their steps in every language; the
        round is the previous one plus one.  Returns the documents no step
        applies to, which are approved at once: the final check holds for them
        before anything is written.
        """
        Approval = self.env["hr.technical.grade.approval"].sudo()
        chains = {document: document._approval_steps() for document in self}
        # No step applies: the last (absent) step's check holds before anything is written.
        for document, steps in chains.items():
            if not steps:
                document._check_final_approval()
        self._supersede_approvals()
        unchained = self.browse()
        vals_list = []
        for document, steps in chains.items():
            last_round = max(document.sudo().approval_ids.mapped("round"), default=0)
            for index, step in enumerate(steps):
                vals_list.append(
                    {
                        "res_model": document._name,
                        "res_id": document.id,
                        "step_id": step.id,
                        "sequence": index,
                        "round": last_round + 1,
                        "name": step.name,
                        "approval_mode": step.approval_mode,
                        "committee_step": step.approver_type == "committee",
                        "approver_ids": [Command.set(document._approval_step_users(step).ids)],
                        "state": "pending" if index == 0 else "waiting",
                    }
                )
            if not steps:
                unchained |= document
        Approval.create(vals_list)._copy_step_names()
        # Requesters may submit their own drafts: the state is written as such,
        # on the move ``action_submit`` checked.
        self.sudo().write({"state": "submitted"})
        self.invalidate_recordset(["approval_ids", "previous_approval_ids"])
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

    def _check_transition(self, to_state, action=None):
        """Who may move each document from its current state to ``to_state``.

        The one check of every path that changes the state: the move must be
        in the model's ``_state_transitions`` (and be ``action`` when the
        caller names it), and its hook ``_may_<action>`` must let the current
        user make it.  Returns the documents marked for this move: the engine
        writes their state through them, as superuser; any other write of
        the state is refused (``write``).
        """
        moves = {}
        for document in self:
            found = self._state_transitions.get((document.state, to_state))
            if found is None or (action and found != action):
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: this action is not possible now.",
                        name=document.name,
                        state=document._selection_label("state"),
                    )
                )
            moves.setdefault(found, []).append(document.id)
        for found, ids in moves.items():
            getattr(self.browse(ids), f"_may_{found}")()
        return self.with_context(**{STATE_MOVE: StateMove(self, to_state)})

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        # A document starts in its first state, as superuser too: the engine moves it on.
        initial = self._fields["state"].default(self.browse())
        started = documents.filtered(lambda document: document.state != initial)
        if started:
            raise AccessError(
                self.env._(
                    "%(names)s start as %(state)s: the approval engine moves them on through "
                    "their actions (%(actions)s).",
                    names=", ".join(started.mapped("display_name")),
                    state=dict(self._fields["state"]._description_selection(self.env))[initial],
                    actions=self._workflow_actions(),
                )
            )
        return documents

    def write(self, vals):
        if "state" in vals:
            self._check_state_written_by_engine(vals["state"])
        result = super().write(vals)
        if vals.get("state") in self._approval_dropped_states:
            self._close_undecided_approvals()
        return result

    def _close_undecided_approvals(self):
        """A withdrawn or rejected document waits for nobody: the steps of its
        round that had not decided are closed, on record as Not Decided."""
        self.sudo()._current_approvals().filtered(
            lambda approval: approval.state in ("waiting", "pending")
        ).write({"state": "cancelled"})

    def _check_state_written_by_engine(self, state):
        """Refuse a write of the state that ``_check_transition`` did not check.

        The engine writes as superuser, with its mark for these documents and
        this state; a client (HR included), or code writing as superuser
        without the engine, is refused.  Writing the state a document already
        has moves nothing.
        """
        moving = self.filtered(lambda document: document.state != state)
        if not moving:
            return
        move = self.env.context.get(STATE_MOVE)
        if self.env.su and isinstance(move, StateMove) and move.covers(moving, state):
            return
        raise AccessError(
            self.env._(
                "The status of %(names)s changes through its actions only (%(actions)s), "
                "each checked by the approval engine.",
                names=", ".join(moving.mapped("display_name")),
                actions=self._workflow_actions(),
            )
        )

    def _may_submit(self):
        """Hook of the move ``submit``: the documents are ready (``_check_submit``)."""
        self._check_submit()

    def _may_approve(self):
        """Hook of the move ``approve``: every step of the current round is approved.

        No step is skipped: the chain decides, whoever's action finished it
        (the last approver, or the submitter when no step applies).
        """
        for document in self:
            undecided = (
                document.sudo()._current_approvals().filtered(lambda a: a.state != "approved")
            )
            if undecided:
                raise UserError(
                    self.env._(
                        "%(name)s waits for the step(s) %(steps)s: it is approved once every "
                        "step is.",
                        name=document.name,
                        steps=", ".join(undecided.mapped("name")),
                    )
                )

    def _may_decline(self):
        """Hook of the move ``decline`` (reject): the current step's approvers, or HR."""
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            self._check_approval_update()

    def _may_send_back(self):
        """Hook of the move ``send_back``: as a rejection, if the documents can start again."""
        self._may_decline()
        self._check_send_back()

    def _may_reopen(self):
        """Hook of the move ``reopen``."""
        self._check_reopen()

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
    # Lifecycle: submit, approve, reject or send back, reopen
    # ------------------------------------------------------------------

    def _check_submit(self):
        """Hook: refuse the submission of documents that are not ready."""

    def _check_approve(self):
        """Hook: refuse the approval of the current step by a button (e.g. a committee's)."""

    def _check_reopen(self):
        """Hook: who may reopen a document, and when; HR by default."""
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR reopens %(name)s.", name=self[:1].name))

    def _check_send_back(self):
        """Hook: refuse sending back documents that cannot start again."""

    def _on_approved(self):
        """Hook: the last step is approved (or none applies); runs as superuser."""
        self._check_transition("approved", "approve").sudo().write({"state": "approved"})

    def _on_rejected(self, reason):
        """Hook: the document is rejected; runs as superuser."""

    def _on_chain_progress(self):
        """Hook: the chain moved (submitted or a step approved)."""

    def _on_reopened(self):
        """Hook: the document is back to its draft; runs as superuser."""

    def _approval_notified_partners(self):
        """Who is told of a rejection or a return: the requester."""
        self.ensure_one()
        return self.employee_id.user_id.partner_id

    def action_submit(self):
        """Submit the drafts: a new round of their chain starts."""
        submitted = self._check_transition("submitted", "submit")
        submitted._start_approval_chain().sudo()._on_approved()
        self._on_chain_progress()
        self.activity_update()
        return True

    def action_approve(self):
        """Approve the current step; the last step approves the document."""
        self._check_approval_update()
        self._check_approve()
        self._approve_current_step().sudo()._on_approved()
        self._on_chain_progress()
        self.activity_update()
        return True

    def action_reject(self, reason):
        """Reject: the current step is decided with the reason the requester reads."""
        reason = self._clean_reason(reason, self.env._("Say why it is rejected."))
        if not self._approval_rejected_state:
            return self.action_send_back(reason)
        self._decline(reason, self.env._("Rejected: %(reason)s", reason=reason))
        return True

    def action_send_back(self, reason):
        """Send back to the draft, saying why: the round ends, its approvals stay on record."""
        reason = self._clean_reason(reason, self.env._("Say why it goes back."))
        body = self.env._("Returned for correction: %(reason)s", reason=reason)
        self._decline(reason, body, send_back=True)
        return True

    def _decline(self, reason, body, send_back=False):
        """Decide the current step as rejected, then reject or send back each document."""
        if send_back:
            moved = self._check_transition("draft", "send_back")
        else:
            moved = self._check_transition(self._approval_rejected_state, "decline")
        self._record_rejection(reason)
        if send_back:
            self._supersede_approvals()
        for document in moved.sudo():
            if send_back:
                document.write({"state": "draft"})
                document._on_reopened()
            else:
                document.write({"state": self._approval_rejected_state})
                document._on_rejected(reason)
            # Approvers need not be able to edit the document to log their decision.
            document.message_post(
                body=body,
                partner_ids=document._approval_notified_partners().ids,
                author_id=self.env.user.partner_id.id,
            )
        self.activity_update()

    def action_draft(self):
        """Reopen: the round ends, its approvals stay on record, superseded."""
        reopened = self._check_transition("draft", "reopen")
        self._supersede_approvals()
        self.sudo()._on_reopened()
        reopened.sudo().write({"state": "draft"})
        self.activity_update()
        return True

    @api.model
    def _approval_models(self):
        """The models that use the approval engine, from the registry."""
        names = []
        pending = list(self.env.registry[MIXIN]._inherit_children)
        while pending:
            name = pending.pop(0)
            model = self.env.registry[name]
            if name not in names and not model._abstract and not model._transient:
                names.append(name)
            pending.extend(model._inherit_children)
        return names

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

        Called after every state change, the only place activities are
        scheduled: models extend it with their other activities.
        """
        self._approval_activity_update()
        return True

    def _approval_activity_update(self):
        """The approvers of the pending step get an approval activity.

        Activities of decided steps are marked done, and those of documents
        sent back, rejected or cancelled removed.  An approver who also
        decides the next step (a superior who heads the department) keeps
        their activity, renamed after the step now waiting for them.
        """
        wanted = {}
        for document in self.sudo():
            current = document.current_approval_id
            if document.state == "submitted" and current:
                summary = document._approval_activity_summary(current)
                wanted[document.id] = dict.fromkeys(current._waiting_for(), summary)
        dropped = self.filtered(lambda d: d.state in self._approval_dropped_states)
        feedback = self.env._("Decided by %(user)s", user=self.env.user.name)
        (self - dropped)._sync_activities(
            self._approval_activity_type, wanted, feedback, refresh=True
        )
        dropped._sync_activities(self._approval_activity_type, wanted)
