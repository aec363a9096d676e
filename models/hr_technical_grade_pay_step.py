# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..grade_rules import consequences as rules
from ..grade_rules.history import Segment

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# The states whose days payroll pays at the lower grade.
PAID_STATES = ("running", "ended")


class HrTechnicalGradePayStep(models.Model):
    """Pay one level down (下调一级工资, seed 003) after a review in band 差.

    From the pay period after the review finishes, the days of the step are
    paid at the grade one level below the grade held; the grade title does
    not change.  The step ends after the company's number of months (none by
    default: the seed gives no length) or with the next passed review; an
    upheld appeal withdraws it.  Written by these actions only.
    """

    _name = "hr.technical.grade.pay.step"
    _description = "Technical Grade Pay Step"
    _inherit = ["hr.technical.grade.chatter.mixin", "hr.technical.grade.workflow.record.mixin"]
    _order = "date_from desc, id desc"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True, ondelete="restrict"
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id")
    review_id = fields.Many2one(
        "hr.technical.grade.review",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The review in band 差 that decided the step: its evidence.",
    )
    grade_id = fields.Many2one(
        "hr.technical.grade",
        string="Grade Held",
        required=True,
        readonly=True,
        ondelete="restrict",
        help="The grade title, which stays.",
    )
    paid_grade_id = fields.Many2one(
        "hr.technical.grade",
        string="Grade Paid",
        required=True,
        readonly=True,
        tracking=True,
        ondelete="restrict",
        help="One level below the grade held: its amounts are paid while the step lasts.",
    )
    date_from = fields.Date(string="From", required=True, readonly=True, tracking=True)
    date_to = fields.Date(
        string="To",
        readonly=True,
        tracking=True,
        help="Empty: until the next passed review.",
    )
    state = fields.Selection(
        [("running", "In Force"), ("ended", "Ended"), ("withdrawn", "Withdrawn")],
        required=True,
        default="running",
        readonly=True,
        tracking=True,
    )
    end_reason = fields.Text(readonly=True, tracking=True)

    @api.depends("employee_id", "paid_grade_id", "date_from")
    def _compute_display_name(self):
        for step in self:
            step.display_name = self.env._(
                "%(employee)s: paid as %(grade)s from %(date)s",
                employee=step.employee_id.name or "",
                grade=step.paid_grade_id.name or "",
                date=step.date_from or "",
            )

    # ------------------------------------------------------------------
    # Written by the workflow only
    # ------------------------------------------------------------------

    def _workflow_only_message(self):
        return self.env._(
            "Pay steps follow the reviews: a review in band 差 opens one, the next "
            "passed review ends it, HR ends it early or withdraws it with a reason."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A pay step stays on record: withdraw it instead."))

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env)).get(self.state, "")

    def _check_officer(self):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR ends or withdraws pay steps."))

    @api.model
    def _clean_text(self, text, message):
        text = text.strip() if isinstance(text, str) else ""
        if not text:
            raise UserError(message)
        return text

    # ------------------------------------------------------------------
    # From the reviews
    # ------------------------------------------------------------------

    @api.model
    def _open_for_reviews(self, reviews):
        """One step per finished review in band 差 that has none yet.

        It starts with the pay period after the review finished and lasts
        the company's months (0: until the next passed review).  An employee
        already paid one level down by an open-ended step keeps that one.
        """
        steps = self.browse()
        for review in reviews.sudo():
            if review.pay_step_ids:
                continue
            employee = review.employee_id
            start = rules.next_period_start(review.done_date or fields.Date.context_today(self))
            grade = employee._technical_grade_standing(start)["grade"]
            lower = grade and grade._get_previous_grade()
            if not lower:
                review.message_post(
                    body=self.env._(
                        "No pay step: %(employee)s has no grade one level below.",
                        employee=employee.name,
                    )
                )
                continue
            running = self.sudo().search(
                [
                    ("employee_id", "=", employee.id),
                    ("state", "=", "running"),
                    ("date_to", "=", False),
                ],
                limit=1,
            )
            if running:
                running.message_post(
                    body=self.env._(
                        "Review %(name)s is in band 差 too: the step runs on.", name=review.name
                    )
                )
                continue
            months = (employee.company_id or self.env.company).technical_grade_pay_step_months
            step = self.sudo().create(
                {
                    "employee_id": employee.id,
                    "review_id": review.id,
                    "grade_id": grade.id,
                    "paid_grade_id": lower.id,
                    "date_from": start,
                    "date_to": rules.pay_step_end(start, months),
                }
            )
            step.message_post(
                body=self.env._(
                    "Review %(name)s (%(period)s) is in band 差: pay one level down, as "
                    "%(grade)s, from %(date)s.",
                    name=review.name,
                    period=review.period,
                    grade=lower.name,
                    date=start.isoformat(),
                )
            )
            steps |= step
        return steps

    @api.model
    def _end_for_passed_reviews(self, reviews):
        """A passed review ends the employee's running steps with its pay period."""
        for review in reviews.sudo():
            end = rules.passed_review_end(review.done_date or fields.Date.context_today(self))
            steps = self.sudo().search(
                [
                    ("employee_id", "=", review.employee_id.id),
                    ("state", "=", "running"),
                    ("review_id.period_start", "<", review.period_start),
                ]
            )
            for step in steps.filtered(lambda s, e=end: not s.date_to or s.date_to > e):
                reason = self.env._(
                    "Ended by the passed review %(name)s (%(period)s).",
                    name=review.name,
                    period=review.period,
                )
                if end < step.date_from:
                    step.write({"state": "withdrawn", "end_reason": reason})
                else:
                    step.write({"state": "ended", "date_to": end, "end_reason": reason})

    @api.model
    def _cron_end_pay_steps(self):
        """Running steps whose last day is past end: they lasted the company's length."""
        today = fields.Date.context_today(self)
        steps = self.sudo().search([("state", "=", "running"), ("date_to", "<", today)])
        for step in steps:
            step.write(
                {
                    "state": "ended",
                    "end_reason": self.env._(
                        "Ended on %(date)s: the pay step lasted its length.",
                        date=step.date_to.isoformat(),
                    ),
                }
            )
        return steps

    # ------------------------------------------------------------------
    # HR's actions
    # ------------------------------------------------------------------

    def action_end(self, day, reason):
        """HR ends running steps on ``day`` (their last paid day), saying why."""
        self._check_officer()
        reason = self._clean_text(reason, self.env._("Say why the pay step ends."))
        try:
            day = fields.Date.to_date(day) if day else None
        except (TypeError, ValueError):
            day = None
        if not day:
            raise UserError(self.env._("Give the last day of the pay step."))
        for step in self:
            if step.state != "running":
                raise UserError(
                    self.env._(
                        "%(step)s is %(state)s: only a running pay step ends.",
                        step=step.display_name,
                        state=step._state_label(),
                    )
                )
            if day < step.date_from - timedelta(days=1):
                raise UserError(
                    self.env._(
                        "%(step)s starts on %(date)s: it cannot end before.",
                        step=step.display_name,
                        date=step.date_from.isoformat(),
                    )
                )
        for step in self.sudo():
            if day < step.date_from:
                step.write({"state": "withdrawn", "end_reason": reason})
            else:
                step.write({"state": "ended", "date_to": day, "end_reason": reason})
        return True

    def action_withdraw(self, reason):
        """Withdraw steps (an upheld appeal): no day of them is paid lower.

        The dates and grades stay readable; the reason goes to the chatter.
        """
        self._check_officer()
        reason = self._clean_text(reason, self.env._("Say why the pay step is withdrawn."))
        for step in self.sudo():
            if step.state == "withdrawn":
                continue
            old_state = step._state_label()
            step.write({"state": "withdrawn", "end_reason": reason})
            step.message_post(
                body=self.env._(
                    "Withdrawn (was %(state)s, paid as %(grade)s from %(date_from)s to "
                    "%(date_to)s): %(reason)s",
                    state=old_state,
                    grade=step.paid_grade_id.name,
                    date_from=step.date_from.isoformat(),
                    date_to=step.date_to.isoformat() if step.date_to else "-",
                    reason=reason,
                )
            )
        return True

    # ------------------------------------------------------------------
    # Payroll
    # ------------------------------------------------------------------

    @api.model
    def _overrides(self, employees, date_from, date_to):
        """``{employee id: [Segment(paid grade, ref=grade held)]}`` of the period's steps."""
        overrides = {}
        for step in self._in_period(employees, date_from, date_to):
            overrides.setdefault(step.employee_id.id, []).append(
                Segment(step.date_from, step.date_to or None, step.paid_grade_id, step.grade_id)
            )
        return overrides

    @api.model
    def _in_period(self, employees, date_from, date_to):
        """The steps of ``employees`` paid on some day from ``date_from`` to ``date_to``."""
        return self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "in", PAID_STATES),
                ("date_from", "<=", date_to),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", date_from),
            ]
        )
