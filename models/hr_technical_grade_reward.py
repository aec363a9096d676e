# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

import math
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# What a client call may still write on a reward past its draft (followers, chatter).
CLIENT_FIELDS = {"message_follower_ids", "message_main_attachment_id"}
# Above this a float no longer holds the cents of an amount exactly (2**53 cents).
MAX_AMOUNT = 1e13


class HrTechnicalGradeReward(models.Model):
    """A reward set from a review's result: a bonus or a prize (seed 003 第17条, seed 000).

    Seed 003: pay and rewards are set from the results (根据公司薪资和奖励政策和对员工综合考核结果,
    确定员工薪资与奖励); seed 000: rewards are bonuses and prizes (奖金、奖品).  The
    seeds give no amount: HR enters each one per case, with the finished
    review as evidence and the grounds, and the reward goes through its
    approval steps (configuration) like the other documents.  An approved
    bonus is paid on the payslip whose period holds its pay date, as the
    labelled line TG_REWARD; a prize is handed over, not paid.
    """

    _name = "hr.technical.grade.reward"
    _description = "Technical Grade Reward"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.approval.mixin",
    ]
    _order = "pay_date desc, id desc"
    _approval_activity_type = "hr_technical_grade.mail_activity_reward_approval"
    _state_transitions = {
        ("draft", "submitted"): "submit",
        ("submitted", "approved"): "approve",
        ("submitted", "rejected"): "decline",
        ("submitted", "draft"): "send_back",
        ("rejected", "draft"): "reopen",
        ("draft", "cancel"): "cancel",
        ("approved", "cancel"): "cancel",
    }
    _workflow_fields = frozenset({"state", "approval_ids", "pending_approver_ids", "cancel_reason"})
    _workflow_defaults = {"state": "draft"}

    name = fields.Char(compute="_compute_name", store=True, string="Reference")
    review_id = fields.Many2one(
        "hr.technical.grade.review",
        string="Performance Review",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('employee_id', '=', employee_id), ('state', '=', 'done')]",
        help="The finished review whose result the reward is set from: its evidence.",
    )
    band = fields.Selection(related="review_id.band", string="Review Band")
    kind = fields.Selection(
        [("bonus", "Bonus"), ("prize", "Prize")],
        required=True,
        default="bonus",
        tracking=True,
        help="A bonus is paid on the payslip of its pay date; a prize is handed over.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        tracking=True,
        help="The bonus, as HR decides it for this case: the seeds give no amount.",
    )
    prize = fields.Char(tracking=True, help="What is handed over.")
    pay_date = fields.Date(
        tracking=True,
        help="The bonus is paid on the payslip whose period holds this day.",
    )
    reason = fields.Text(string="Grounds", tracking=True, help="Why the result earns the reward.")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "In Approval"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    cancel_reason = fields.Text(readonly=True, tracking=True, copy=False)
    pending_approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_reward_pending_approver_rel",
        "reward_id",
        "user_id",
        compute="_compute_pending_approvers",
        store=True,
        string="Waiting For",
    )

    @api.depends("kind", "employee_id.name", "review_id.name")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for reward in self:
            reward.name = self.env._(
                "%(kind)s: %(employee)s (%(review)s)",
                kind=labels.get(reward.kind, ""),
                employee=reward.employee_id.name or "",
                review=reward.review_id.name or "",
            )

    @api.constrains("amount")
    def _check_amount(self):
        if any(reward.amount < 0 for reward in self):
            raise ValidationError(self.env._("A reward is never negative."))

    @api.constrains("employee_id", "review_id")
    def _check_review_employee(self):
        for reward in self:
            if reward.review_id and reward.review_id.sudo().employee_id != reward.employee_id:
                raise ValidationError(
                    self.env._(
                        "Review %(review)s is not %(employee)s's.",
                        review=reward.review_id.sudo().name,
                        employee=reward.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # HR prepares it; drafts are edited, the rest moves by the actions
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_officer()
        for vals in vals_list:
            self.browse()._check_workflow_fields(vals)
            self._check_amount_value(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_fields(vals)
        self._check_amount_value(vals)
        if not self.env.su and set(vals) - CLIENT_FIELDS:
            self._check_officer()
            for reward in self:
                if reward.state != "draft":
                    raise UserError(
                        self.env._(
                            "%(name)s is %(state)s: a reward is changed while it is a draft.",
                            name=reward.name,
                            state=reward._selection_label("state"),
                        )
                    )
        return super().write(vals)

    @api.model
    def _check_amount_value(self, vals):
        """A client may send anything as the amount (JSON-RPC): only a finite number."""
        amount = vals.get("amount")
        if amount is None or amount is False:
            return
        if (
            isinstance(amount, bool)
            or not isinstance(amount, int | float)
            or not math.isfinite(amount)
            or abs(amount) >= MAX_AMOUNT
        ):
            limit = f"{MAX_AMOUNT:,.0f}"
            raise ValidationError(
                self.env._(
                    "The amount of a reward is a number below %(limit)s, not %(amount)r.",
                    limit=limit,
                    amount=amount,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(reward.state != "draft" for reward in self):
            raise UserError(self.env._("A reward past its draft stays on record: cancel it."))

    def _check_officer(self):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR sets rewards from the review results."))

    def _workflow_actions(self):
        return self.env._("submit, approve, reject, return, cancel")

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def _check_submit(self):
        self._check_officer()
        for reward in self:
            review = reward.review_id.sudo()
            if review.state != "done":
                raise UserError(
                    self.env._(
                        "A reward is set from a finished review; %(review)s is not finished.",
                        review=review.name,
                    )
                )
            if not (reward.reason or "").strip():
                raise UserError(
                    self.env._("Say why the result of %(review)s earns it.", review=review.name)
                )
            if reward.kind == "bonus":
                if reward.amount <= 0:
                    raise UserError(
                        self.env._("Give the amount of the bonus %(name)s.", name=reward.name)
                    )
                if not reward.pay_date:
                    raise UserError(
                        self.env._(
                            "Give the pay date of the bonus %(name)s: the payslip of that "
                            "period pays it.",
                            name=reward.name,
                        )
                    )
                reward._check_not_paid()
            else:
                if not (reward.prize or "").strip():
                    raise UserError(self.env._("Say what the prize %(name)s is.", name=reward.name))
                if reward.amount:
                    raise UserError(
                        self.env._(
                            "%(name)s is a prize, handed over, not paid: leave its amount "
                            "empty or make it a bonus.",
                            name=reward.name,
                        )
                    )

    def _check_final_approval(self):
        """A bonus is approved for a pay period still open."""
        for reward in self.filtered(lambda r: r.kind == "bonus"):
            reward._check_not_paid()

    def _paid_payslip(self):
        """The confirmed payslip of the employee whose period holds the pay date."""
        self.ensure_one()
        if self.kind != "bonus" or not self.pay_date:
            return self.env["hr.payslip"]
        return self.env["hr.payslip"]._technical_grade_confirmed(
            self.employee_id, self.pay_date, self.pay_date
        )

    def _check_not_paid(self):
        for reward in self:
            paid = reward._paid_payslip()
            if paid:
                raise UserError(
                    self.env._(
                        "%(employee)s's pay from %(date_from)s to %(date_to)s is confirmed "
                        "(%(payslip)s): give the bonus a pay date in a period not paid yet.",
                        **paid._technical_grade_confirmed_values(),
                    )
                )

    def action_cancel(self, reason=None):
        """HR cancels a draft, or an approved reward not paid yet, saying why."""
        reason = self._clean_reason(reason, self.env._("Say why the reward is cancelled."))
        moved = self._check_transition("cancel", "cancel")
        for reward in moved.sudo():
            reward.write({"state": "cancel", "cancel_reason": reason})
            reward.message_post(body=self.env._("Cancelled: %(reason)s", reason=reason))
        self.activity_update()
        return True

    def _may_cancel(self):
        self._check_officer()
        for reward in self.filtered(lambda r: r.state == "approved"):
            paid = reward._paid_payslip()
            if paid:
                raise UserError(
                    self.env._(
                        "%(name)s was paid with %(payslip)s: it stays as paid.",
                        name=reward.name,
                        payslip=paid.number or paid.name,
                    )
                )

    def _approval_activity_summary(self, step):
        return self.env._("%(step)s: %(name)s", step=step.name, name=self.name)

    # ------------------------------------------------------------------
    # Payroll
    # ------------------------------------------------------------------

    @api.model
    def _payslip_rewards(self, payslips):
        """``{payslip id: (amount, label)}``: the approved bonuses each payslip pays.

        One query for all the payslips: the bonuses of their employees whose
        pay date is in some payslip's period; each payslip pays those of its
        own period.  A refund pays them back (negative) like its other lines.
        """
        if not payslips:
            return {}
        bonuses = self.sudo().search(
            [
                ("employee_id", "in", payslips.employee_id.ids),
                ("state", "=", "approved"),
                ("kind", "=", "bonus"),
                ("pay_date", ">=", min(payslips.mapped("date_from"))),
                ("pay_date", "<=", max(payslips.mapped("date_to"))),
            ],
            order="pay_date, id",
        )
        # A bonus is paid once: a confirmed payslip of its period (not refunded) pays it, no
        # other one does.
        confirmed = defaultdict(list)
        if bonuses:
            done = (
                self.env["hr.payslip"]
                .sudo()
                .search_read(
                    [
                        ("employee_id", "in", bonuses.employee_id.ids),
                        ("state", "=", "done"),
                        ("credit_note", "=", False),
                        ("refunded_id", "=", False),
                        ("date_from", "<=", max(bonuses.mapped("pay_date"))),
                        ("date_to", ">=", min(bonuses.mapped("pay_date"))),
                    ],
                    ["employee_id", "date_from", "date_to"],
                    order="id",
                )
            )
            for slip in done:
                confirmed[slip["employee_id"][0]].append(
                    (slip["id"], slip["date_from"], slip["date_to"])
                )

        def paid_elsewhere(payslip, day):
            return any(
                slip_id != payslip.id and date_from <= day <= date_to
                for slip_id, date_from, date_to in confirmed.get(payslip.employee_id.id, [])
            )

        # Read through the whole batch (a filtered recordset would prefetch its own records only).
        by_employee = defaultdict(list)
        for bonus in bonuses:
            by_employee[bonus.employee_id.id].append(
                (bonus.pay_date, bonus.amount, bonus.review_id.name)
            )
        result = {}
        for payslip in payslips:
            own = [
                (amount, review)
                for day, amount, review in by_employee.get(payslip.employee_id.id, [])
                if payslip.date_from <= day <= payslip.date_to and not paid_elsewhere(payslip, day)
            ]
            if own:
                result[payslip.id] = (
                    sum(amount for amount, _review in own),
                    self.env._(
                        "Review Bonus (%(reviews)s)",
                        reviews=", ".join(dict.fromkeys(review for _amount, review in own)),
                    ),
                )
        return result
