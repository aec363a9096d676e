# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..grade_rules import consequences as rules
from ..grade_rules.history import Segment

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# Written by the actions only, never by a client.
WORKFLOW_FIELDS = {"state", "cancel_reason"}
# What decides which days are unpaid, on whose pay.
PAID_FIELDS = {"employee_id", "date_from", "date_to"}


class HrTechnicalGradeStandby(models.Model):
    """Unpaid days HR decides on a review's result: stand-by training or unpaid leave.

    - Stand-by training (待岗培训, seed 003) for a result in band 差 or the
      lowest of the department: at least three working days.
    - Unpaid leave (停薪留职, seed 000: a penalty for poor results) for a
      result in band 较差 or 差, or the lowest of the department; the seed
      gives no length, HR records its dates.

    Neither is paid: payroll pays no grade amounts for their days and shows
    them as unpaid days on the payslip.
    """

    _name = "hr.technical.grade.standby"
    _description = "Technical Grade Stand-by Training"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "date_from desc, id desc"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id")
    review_id = fields.Many2one(
        "hr.technical.grade.review",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('employee_id', '=', employee_id), ('state', '=', 'done')]",
        help="The finished review in band 差, or the lowest of its department, on whose result "
        "HR decided the stand-by: its evidence.",
    )
    kind = fields.Selection(
        [("training", "Stand-by training"), ("unpaid_leave", "Unpaid leave")],
        required=True,
        default="training",
        tracking=True,
        help="Stand-by training (待岗培训, seed 003): at least three working days, for 差 or the "
        "lowest of the department. Unpaid leave (停薪留职, seed 000): a penalty for poor "
        "results, for 较差, 差 or the lowest of the department. Neither is paid.",
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    working_days = fields.Float(
        compute="_compute_working_days",
        store=True,
        help="Working days of the employee's schedule from the first to the last day.",
    )
    note = fields.Text(string="Training", tracking=True)
    state = fields.Selection(
        [("recorded", "Recorded"), ("cancel", "Cancelled")],
        required=True,
        default="recorded",
        readonly=True,
        tracking=True,
    )
    cancel_reason = fields.Text(readonly=True, tracking=True)

    _sql_constraints = [
        ("dates_order", "CHECK(date_from <= date_to)", "A stand-by ends after it starts."),
    ]

    @api.depends("employee_id", "date_from", "date_to", "kind")
    def _compute_display_name(self):
        for standby in self:
            values = {
                "employee": standby.employee_id.name or "",
                "date_from": standby.date_from or "",
                "date_to": standby.date_to or "",
            }
            if standby.kind == "unpaid_leave":
                standby.display_name = self.env._(
                    "%(employee)s: unpaid leave %(date_from)s – %(date_to)s", **values
                )
            else:
                standby.display_name = self.env._(
                    "%(employee)s: stand-by training %(date_from)s – %(date_to)s", **values
                )

    @api.depends("employee_id.resource_calendar_id", "date_from", "date_to")
    def _compute_working_days(self):
        for standby in self:
            if standby.employee_id and standby.date_from and standby.date_to:
                standby.working_days = standby.employee_id.sudo()._technical_grade_worked_days(
                    standby.date_from, standby.date_to
                )
            else:
                standby.working_days = 0

    @api.constrains("date_from", "date_to", "employee_id", "review_id", "state", "kind", "note")
    def _check_standby(self):
        for standby in self:
            if standby.review_id and standby.review_id.employee_id != standby.employee_id:
                raise ValidationError(
                    self.env._(
                        "Review %(review)s is not %(employee)s's.",
                        review=standby.review_id.name,
                        employee=standby.employee_id.name,
                    )
                )
            if standby.state != "recorded":
                continue
            standby._check_review_allows()
            overlapping = self.search(
                [
                    ("id", "!=", standby.id),
                    ("employee_id", "=", standby.employee_id.id),
                    ("state", "=", "recorded"),
                    ("date_from", "<=", standby.date_to),
                    ("date_to", ">=", standby.date_from),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(employee)s already has unpaid days (%(what)s) from %(date_from)s to "
                        "%(date_to)s.",
                        what=overlapping._selection_label("kind"),
                        employee=standby.employee_id.name,
                        date_from=overlapping.date_from.isoformat(),
                        date_to=overlapping.date_to.isoformat(),
                    )
                )
            standby._check_days_not_paid()
            if standby.kind == "unpaid_leave" and not (standby.note or "").strip():
                raise ValidationError(
                    self.env._(
                        "Unpaid leave is a penalty: say on what grounds of %(review)s.",
                        review=standby.review_id.sudo().name,
                    )
                )
            if standby.kind == "training" and rules.standby_too_short(standby.working_days):
                days = f"{standby.working_days:g}"
                raise ValidationError(
                    self.env._(
                        "Stand-by training lasts at least %(minimum)s working days (seed 003); "
                        "%(date_from)s to %(date_to)s has %(days)s.",
                        minimum=rules.STANDBY_MIN_DAYS,
                        date_from=standby.date_from.isoformat(),
                        date_to=standby.date_to.isoformat(),
                        days=days,
                    )
                )

    def _check_days_not_paid(self):
        """Its days are unpaid: none of them may be in a pay period already confirmed."""
        self.ensure_one()
        paid = self.env["hr.payslip"]._technical_grade_confirmed(
            self.employee_id, self.date_from, self.date_to
        )
        if paid:
            raise ValidationError(
                self.env._(
                    "%(employee)s's pay from %(date_from)s to %(date_to)s is confirmed "
                    "(%(payslip)s): unpaid days are recorded for days not paid yet.",
                    **paid._technical_grade_confirmed_values(),
                )
            )

    def _check_review_allows(self):
        """Stand-by (seed 003): band 差 or the lowest of the department; unpaid leave
        (seed 000, poor results): 较差 or 差 too, or the lowest."""
        self.ensure_one()
        review = self.review_id.sudo()
        if review.state != "done":
            raise ValidationError(
                self.env._(
                    "Unpaid days follow a finished review; %(review)s is not finished.",
                    review=review.name,
                )
            )
        if review.band in rules.UNPAID_DAYS_BANDS[self.kind]:
            return
        lowest = review._lowest_in_departments(
            [
                ("department_id", "=", review.department_id.id),
                ("period_start", "=", review.period_start),
            ]
        )
        if review not in lowest:
            if self.kind == "unpaid_leave":
                raise ValidationError(
                    self.env._(
                        "Unpaid leave is a penalty for poor results: band 较差 or 差, or the "
                        "lowest of the department; %(review)s is none of them.",
                        review=review.name,
                    )
                )
            raise ValidationError(
                self.env._(
                    "Stand-by training is for a result in band 差 or the lowest of the department "
                    "(seed 003); %(review)s is neither.",
                    review=review.name,
                )
            )

    # ------------------------------------------------------------------
    # HR records it; the state changes through the actions
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_officer()
        for vals in vals_list:
            self._check_workflow_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_officer()
        self._check_workflow_fields(vals)
        if not self.env.su and any(standby.state == "cancel" for standby in self):
            raise UserError(self.env._("A cancelled stand-by stays as it was cancelled."))
        if not self.env.su and PAID_FIELDS & set(vals):
            # The days as they stand: a confirmed payslip left them unpaid, they stay there.
            for standby in self.filtered(lambda s: s.state == "recorded"):
                standby._check_days_not_paid()
        return super().write(vals)

    def _check_officer(self):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR records stand-by training and unpaid leave."))

    def _selection_label(self, fname):
        self.ensure_one()
        return dict(self._fields[fname]._description_selection(self.env)).get(self[fname], "")

    def _check_workflow_fields(self, vals):
        if not self.env.su and WORKFLOW_FIELDS & set(vals):
            raise AccessError(
                self.env._("A stand-by is cancelled through its Cancel action, with a reason.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A stand-by stays on record: cancel it instead."))

    def action_cancel(self, reason):
        """HR cancels a stand-by (its days are paid again), saying why."""
        self._check_officer()
        reason = reason.strip() if isinstance(reason, str) else ""
        if not reason:
            raise UserError(self.env._("Say why the stand-by is cancelled."))
        if any(standby.state != "recorded" for standby in self):
            raise UserError(self.env._("A cancelled stand-by stays as it was cancelled."))
        self.sudo().write({"state": "cancel", "cancel_reason": reason})
        return True

    # ------------------------------------------------------------------
    # Payroll
    # ------------------------------------------------------------------

    @api.model
    def _overrides(self, employees, date_from, date_to):
        """``{employee id: [Segment(UNPAID)]}``: the unpaid days (stand-by, unpaid leave)."""
        overrides = {}
        for standby in self._in_period(employees, date_from, date_to):
            overrides.setdefault(standby.employee_id.id, []).append(
                Segment(standby.date_from, standby.date_to, rules.UNPAID)
            )
        return overrides

    @api.model
    def _in_period(self, employees, date_from, date_to):
        return self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "recorded"),
                ("date_from", "<=", date_to),
                ("date_to", ">=", date_from),
            ]
        )
