# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

# What a client call may still write on a log it cannot edit (followers, chatter).
CLIENT_FIELDS = {"message_follower_ids", "message_main_attachment_id"}
# The states in which the engineer writes their log.
EDITABLE_STATES = ("draft", "returned")


class HrTechnicalGradeWorkLog(models.Model):
    """One engineer's daily work log (《每日工作安排日志表》, seed 003 第10条).

    The engineer records the day's planned work and what was done, and
    submits it; their direct superior checks it (or returns it with a
    comment) through the approval engine, whose steps for this model are
    configuration; HR reads every log.  A checked log is on file: nobody
    changes it, HR included.  The reviews of a period link to its logs.
    """

    _name = "hr.technical.grade.work.log"
    _description = "Technical Grade Daily Work Log"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.approval.mixin",
    ]
    _order = "date desc, employee_id, id"
    _approval_activity_type = "hr_technical_grade.mail_activity_work_log_check"
    # A returned log goes back to its engineer, who corrects and submits it again.
    _approval_rejected_state = "returned"
    _approval_dropped_states = EDITABLE_STATES
    # A checked log is on file: nothing reopens it.
    _state_transitions = {
        ("draft", "submitted"): "submit",
        ("returned", "submitted"): "submit",
        ("submitted", "checked"): "approve",
        ("submitted", "returned"): "decline",
    }
    _workflow_fields = frozenset(
        {
            "state",
            "approval_ids",
            "pending_approver_ids",
            "checked_by_id",
            "checked_on",
            "return_comment",
        }
    )
    _workflow_defaults = {"state": "draft"}

    name = fields.Char(compute="_compute_name", store=True, string="Reference")
    employee_id = fields.Many2one(default=lambda self: self.env.user.employee_id)
    date = fields.Date(
        required=True, index=True, default=fields.Date.context_today, tracking=True, copy=False
    )
    planned_work = fields.Html(help="What the engineer plans to do this day.")
    work_done = fields.Html(help="What was done, and what is left.")
    hours = fields.Float(string="Hours Worked", digits=(4, 2))
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "To Check"),
            ("checked", "Checked"),
            ("returned", "Returned"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    checked_on = fields.Datetime(readonly=True, copy=False)
    return_comment = fields.Text(
        string="Superior's Comment",
        readonly=True,
        copy=False,
        help="Why the superior returned the log, the last time.",
    )
    pending_approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_work_log_pending_approver_rel",
        "log_id",
        "user_id",
        compute="_compute_pending_approvers",
        store=True,
        string="To Be Checked By",
    )

    _sql_constraints = [
        (
            "employee_date_unique",
            "UNIQUE(employee_id, date)",
            "An employee keeps one work log per day.",
        ),
        (
            "hours_in_day",
            "CHECK(hours IS NULL OR (hours >= 0 AND hours <= 24))",
            "A day's hours go from 0 to 24.",
        ),
    ]

    @api.constrains("date")
    def _check_date(self):
        """A day's log is written on the day, or the day before for its plan:
        never further ahead."""
        latest = self._workflow_today() + timedelta(days=1)
        for log in self:
            if log.date > latest:
                raise ValidationError(
                    self.env._(
                        "%(name)s is dated %(date)s: a work log is written for today, or "
                        "tomorrow's planned work, not later.",
                        name=log.name,
                        date=log.date.isoformat(),
                    )
                )

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for log in self:
            log.name = " ".join(
                part for part in (log.employee_id.name, log.date and log.date.isoformat()) if part
            )

    # ------------------------------------------------------------------
    # CRUD: the engineer writes their own drafts; the workflow the rest
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._check_workflow_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_fields(vals)
        if not self.env.su and set(vals) - CLIENT_FIELDS:
            self._check_editable()
            self._check_employee_kept(vals)
        return super().write(vals)

    def _check_employee_kept(self, vals):
        """A log stays its engineer's: nobody moves it to someone else's name."""
        if "employee_id" not in vals:
            return
        moved = self.filtered(lambda log: log.employee_id.id != vals["employee_id"])
        if moved:
            raise AccessError(
                self.env._(
                    "The work log %(name)s is %(employee)s's: it cannot be moved to someone "
                    "else's name.",
                    name=moved[0].name,
                    employee=moved[0].employee_id.name,
                )
            )

    def _check_editable(self):
        """A log is written by its engineer, while it is a draft or returned."""
        for log in self:
            if log.state not in EDITABLE_STATES:
                raise UserError(
                    self.env._(
                        "The work log %(name)s is %(state)s: it stays as submitted.",
                        name=log.name,
                        state=log._selection_label("state"),
                    )
                )
            if log.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s writes their work log %(name)s.",
                        employee=log.employee_id.name,
                        name=log.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(log.state != "draft" for log in self):
            raise UserError(self.env._("Only draft work logs can be deleted."))

    # ------------------------------------------------------------------
    # Workflow: the engineer submits, the superior checks or returns
    # ------------------------------------------------------------------

    def _workflow_actions(self):
        return self.env._("submit, check, return")

    def _check_submit(self):
        for log in self:
            if not self.env.su and log.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s submits their work log %(name)s.",
                        employee=log.employee_id.name,
                        name=log.name,
                    )
                )
            if is_html_empty(log.work_done) and is_html_empty(log.planned_work):
                raise UserError(
                    self.env._(
                        "%(name)s is empty: write the planned work and what was done before "
                        "submitting it.",
                        name=log.name,
                    )
                )

    def _may_decline(self):
        """Only whoever checks the log returns it: HR has it on file, no more."""
        if not self.env.su:
            self._check_approval_update()

    def _on_approved(self):
        """Checked: by whoever approved the last step (nobody when no step applies)."""
        now = fields.Datetime.now()
        for log in self._check_transition("checked", "approve"):
            decided = log.approval_ids.filtered(
                lambda a: not a.superseded and a.state == "approved"
            )
            log.write(
                {
                    "state": "checked",
                    "checked_by_id": decided.sorted("sequence")[-1:].decided_by_id.id,
                    "checked_on": now,
                }
            )

    def _on_rejected(self, reason):
        self.write({"return_comment": reason})

    def action_return(self, reason):
        """The superior returns the logs to their engineer, saying why."""
        reason = self._clean_reason(reason, self.env._("Say why the work log goes back."))
        return self.action_reject(reason)

    def _approval_activity_summary(self, step):
        return self.env._(
            "Check the work log of %(employee)s of %(date)s",
            employee=self.employee_id.name,
            date=self.date.isoformat(),
        )
