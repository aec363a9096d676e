# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# What a client call may still write on a plan past its draft (followers, chatter).
CLIENT_FIELDS = {"message_follower_ids", "message_main_attachment_id"}
# What an adjustment keeps from the version it adjusts.
KEPT_BY_ADJUSTMENT = ("employee_id", "review_id", "period_start", "period_end")


class HrTechnicalGradeWorkPlan(models.Model):
    """One engineer's work-target plan for a review period (seed 003 第11条).

    Set at the start of the period and approved by the direct superior
    (through the approval engine, whose steps for this model are
    configuration), then on file with HR.  The targets change during the
    period by adjustments, as many as the work needs: each is a new version
    with its reason, approved like the first; once approved it is the plan
    in force and the version it adjusts is superseded.  Approved versions
    are never rewritten.
    """

    _name = "hr.technical.grade.work.plan"
    _description = "Technical Grade Work-Target Plan"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.approval.mixin",
    ]
    _order = "period_start desc, employee_id, version desc, id"
    _approval_activity_type = "hr_technical_grade.mail_activity_work_plan_approval"
    # The superior sends a plan back to its draft, saying why.
    _approval_rejected_state = None
    _approval_dropped_states = ("draft", "cancel", "superseded")
    _state_transitions = {
        ("draft", "submitted"): "submit",
        ("submitted", "approved"): "approve",
        ("submitted", "draft"): "send_back",
        ("approved", "superseded"): "supersede",
        ("draft", "cancel"): "cancel",
    }
    _workflow_fields = frozenset(
        {
            "state",
            "approval_ids",
            "pending_approver_ids",
            "version",
            "previous_id",
            "approved_on",
        }
    )
    _workflow_defaults = {"state": "draft", "version": 1}

    name = fields.Char(compute="_compute_name", store=True, string="Reference")
    employee_id = fields.Many2one(default=lambda self: self.env.user.employee_id)
    review_id = fields.Many2one(
        "hr.technical.grade.review",
        string="Performance Review",
        index="btree_not_null",
        ondelete="set null",
        domain="[('employee_id', '=', employee_id)]",
        help="The review of the period the targets are for, once HR opened it.",
    )
    period_start = fields.Date(
        compute="_compute_period", store=True, readonly=False, required=True, precompute=True
    )
    period_end = fields.Date(
        compute="_compute_period", store=True, readonly=False, required=True, precompute=True
    )
    version = fields.Integer(default=1, required=True, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "hr.technical.grade.work.plan",
        string="Adjusts",
        readonly=True,
        copy=False,
        ondelete="restrict",
        index="btree_not_null",
        help="The version this adjustment replaces once approved; it stays on record.",
    )
    adjustment_ids = fields.One2many(
        "hr.technical.grade.work.plan", "previous_id", string="Adjustments", readonly=True
    )
    adjustment_reason = fields.Text(
        tracking=True,
        copy=False,
        help="Why the targets change during the period: the objective situation or the work "
        "needs (seed 003, 第11条).",
    )
    line_ids = fields.One2many(
        "hr.technical.grade.work.plan.line", "plan_id", string="Targets", copy=True
    )
    total_weight = fields.Float(compute="_compute_total_weight", digits=(5, 2))
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "In Approval"),
            ("approved", "In Force"),
            ("superseded", "Superseded"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    approved_on = fields.Date(readonly=True, copy=False)
    note = fields.Html(string="Notes")
    pending_approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_work_plan_pending_approver_rel",
        "plan_id",
        "user_id",
        compute="_compute_pending_approvers",
        store=True,
        string="Waiting For",
    )

    _sql_constraints = [
        ("period_order", "CHECK(period_start <= period_end)", "A period ends after it starts."),
        (
            "version_positive",
            "CHECK(version >= 1)",
            "A work plan's versions count from 1.",
        ),
    ]

    @api.depends("employee_id.name", "period_start", "period_end", "version")
    def _compute_name(self):
        for plan in self:
            period = "–".join(
                day.isoformat() for day in (plan.period_start, plan.period_end) if day
            )
            plan.name = " ".join(
                part for part in (plan.employee_id.name, period, f"v{plan.version}") if part
            )

    @api.depends("review_id.period_start", "review_id.period_end")
    def _compute_period(self):
        for plan in self:
            if plan.review_id:
                plan.period_start = plan.review_id.period_start
                plan.period_end = plan.review_id.period_end

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for plan in self:
            plan.total_weight = sum(plan.line_ids.mapped("weight"))

    @api.constrains("employee_id", "review_id")
    def _check_review_employee(self):
        for plan in self:
            if plan.review_id and plan.review_id.sudo().employee_id != plan.employee_id:
                raise ValidationError(
                    self.env._(
                        "The work plan %(name)s is for the review of its own employee.",
                        name=plan.name,
                    )
                )

    @api.constrains("employee_id", "period_start", "period_end", "previous_id", "state")
    def _check_one_plan_per_period(self):
        """One plan per employee and period: it changes by adjustments only."""
        firsts = self.filtered(lambda p: not p.previous_id and p.state != "cancel")
        if not firsts:
            return
        others = self.sudo().search(
            [
                ("employee_id", "in", firsts.employee_id.ids),
                ("previous_id", "=", False),
                ("state", "!=", "cancel"),
                ("id", "not in", firsts.ids),
                ("period_start", "<=", max(firsts.mapped("period_end"))),
                ("period_end", ">=", min(firsts.mapped("period_start"))),
            ]
        )
        for plan in firsts:
            clash = (others | firsts - plan).filtered(
                lambda o, p=plan: o.employee_id == p.employee_id
                and o.period_start <= p.period_end
                and o.period_end >= p.period_start
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(employee)s already has the work plan %(plan)s for this period: "
                        "adjust it instead.",
                        employee=plan.employee_id.name,
                        plan=clash[0].name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD: drafts are edited; approved versions never rewritten
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._check_workflow_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_fields(vals)
        if not self.env.su and set(vals) - CLIENT_FIELDS:
            self._check_editable(vals)
        res = super().write(vals)
        if "employee_id" in vals and not self.env.su:
            # Whoever prepares the plan must also be allowed to prepare it for its new employee.
            self._check_may_prepare()
        return res

    def _check_editable(self, vals=None):
        """A plan is edited while it is a draft, by its engineer, their superior or HR.

        An adjustment keeps the employee and the period of the version it adjusts.
        """
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "The work plan %(name)s is %(state)s: it stays as approved. Adjust "
                        "it to change its targets: the adjustment is a new version.",
                        name=plan.name,
                        state=plan._selection_label("state"),
                    )
                )
            plan._check_may_prepare()
            if plan.previous_id and set(vals or {}) & set(KEPT_BY_ADJUSTMENT):
                raise UserError(
                    self.env._(
                        "%(name)s adjusts %(previous)s: its employee and period stay those "
                        "of the plan it adjusts.",
                        name=plan.name,
                        previous=plan.previous_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft work plans can be deleted."))

    def _check_targets_editable(self):
        """Targets are added, changed and removed with their plan's draft only."""
        if not self.env.su:
            self._check_editable()

    def _check_may_prepare(self):
        """The engineer, their superior (or department head) and HR prepare a plan."""
        if self.env.su or self.env.user.has_group(OFFICER):
            return
        for plan in self:
            employee = plan.sudo().employee_id
            allowed = (
                employee.user_id
                | employee.parent_id.user_id
                | employee.department_id.manager_id.user_id
            )
            if self.env.user not in allowed:
                raise AccessError(
                    self.env._(
                        "The work plan %(name)s is prepared by %(employee)s, their superior or HR.",
                        name=plan.name,
                        employee=employee.name,
                    )
                )

    # ------------------------------------------------------------------
    # Workflow: submit, approve (superior), adjust
    # ------------------------------------------------------------------

    def _workflow_actions(self):
        return self.env._("submit, approve, return, adjust")

    def _check_submit(self):
        self._check_may_prepare()
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._("%(name)s has no target: add its targets.", name=plan.name)
                )
            weights = plan.line_ids.mapped("weight")
            if any(weights) and abs(sum(weights) - 100) > 0.001:
                raise UserError(
                    self.env._(
                        "The target weights of %(name)s add up to %(total)s %%, not 100 %%.",
                        name=plan.name,
                        total=round(sum(weights), 2),
                    )
                )
            if plan.previous_id and not (plan.adjustment_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(name)s adjusts %(previous)s: say why the targets change.",
                        name=plan.name,
                        previous=plan.previous_id.name,
                    )
                )
            if plan.previous_id and plan.previous_id.state != "approved":
                raise UserError(
                    self.env._(
                        "%(previous)s is no longer in force: adjust the plan in force.",
                        previous=plan.previous_id.name,
                    )
                )

    def _on_approved(self):
        """In force from today; the version it adjusts stays on record, superseded."""
        today = self._workflow_today()
        for plan in self._check_transition("approved", "approve"):
            plan.write({"state": "approved", "approved_on": today})
            previous = plan.previous_id.filtered(lambda p: p.state == "approved")
            if previous:
                previous._check_transition("superseded", "supersede").write({"state": "superseded"})
                previous.message_post(
                    body=self.env._(
                        "Superseded by the adjustment %(name)s: %(reason)s",
                        name=plan.name,
                        reason=plan.adjustment_reason,
                    )
                )
                previous.activity_update()

    def action_adjust(self):
        """Adjust the plan in force: a new draft version, approved like the first.

        One adjustment is open at a time: the open one is returned.
        """
        self.ensure_one()
        self._check_state("approved")
        self._check_may_prepare()
        if self.period_end < self._workflow_today():
            raise UserError(
                self.env._(
                    "The period of %(name)s ended on %(date)s: its targets stay as approved.",
                    name=self.name,
                    date=self.period_end.isoformat(),
                )
            )
        adjustment = self.sudo().adjustment_ids.filtered(
            lambda p: p.state in ("draft", "submitted")
        )[:1]
        if not adjustment:
            adjustment = self.sudo().copy({"previous_id": self.id, "version": self.version + 1})
            adjustment.message_post(
                body=self.env._(
                    "Adjustment of %(name)s started by %(user)s.",
                    name=self.name,
                    user=self.env.user.name,
                ),
                author_id=self.env.user.partner_id.id,
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Work Plan Adjustment"),
            "res_model": self._name,
            "res_id": adjustment.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_cancel(self):
        """Cancel a draft (an adjustment given up, or a plan made by mistake)."""
        self._check_transition("cancel", "cancel").sudo().write({"state": "cancel"})
        self.activity_update()
        return True

    def _may_cancel(self):
        self._check_may_prepare()

    def _may_supersede(self):
        """Only the approval of the adjustment that replaces a plan supersedes it."""
        if not self.env.su:
            raise AccessError(
                self.env._("A plan in force is superseded by the approval of its adjustment.")
            )

    def _approval_activity_summary(self, step):
        return self.env._(
            "%(step)s: work plan of %(employee)s (version %(version)s)",
            step=step.name,
            employee=self.employee_id.name,
            version=self.version,
        )
