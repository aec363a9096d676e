# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..grade_rules import points as rules

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# What HR may still change on a placement to confirm: the day it takes effect.
HR_FIELDS = {"effective_date"}


class HrTechnicalGradePointsPlacement(models.Model):
    """The grade an employee's monthly points place them in (积分制, seed 000).

    Seed 000 (售后服务人员技能等级考核管理办法): the after-sales staff are scored
    in points every month, and their points place them in a skill grade whose
    treatment they receive.  The month's points are the final score of the
    employee's finished review in a monthly plan; the grade is the highest of
    their ladder whose minimum they reach (the company's minimums).  HR
    computes the placements of a plan and confirms them; a confirmed placement
    that changes the grade records it in the grade history, from its
    effective date (by default the first day of the next month).
    """

    _name = "hr.technical.grade.points.placement"
    _description = "Technical Grade Monthly Points Placement"
    _inherit = ["hr.technical.grade.chatter.mixin", "hr.technical.grade.hr.confirmation.mixin"]
    _order = "period_start desc, points desc, id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, readonly=True, index=True, ondelete="restrict"
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id")
    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan", required=True, readonly=True, ondelete="restrict"
    )
    review_id = fields.Many2one(
        "hr.technical.grade.review",
        string="Monthly Review",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The finished review of the month whose final score is the month's points.",
    )
    period = fields.Char(string="Month", required=True, readonly=True)
    period_start = fields.Date(required=True, readonly=True, index=True)
    period_end = fields.Date(required=True, readonly=True)
    ladder_id = fields.Many2one("hr.technical.grade.ladder", required=True, readonly=True)
    points = fields.Float(
        string="Monthly Points",
        digits=(6, 2),
        readonly=True,
        help="The final score of the month's finished review.",
    )
    current_grade_id = fields.Many2one(
        "hr.technical.grade",
        string="Grade Held",
        required=True,
        readonly=True,
        help="The employee's latest grade when the placement was computed.",
    )
    placed_grade_id = fields.Many2one(
        "hr.technical.grade",
        string="Grade Placed In",
        required=True,
        readonly=True,
        help="The highest grade of the ladder whose minimum monthly points the month's points "
        "reach (the lowest grade at least).",
    )
    change = fields.Selection(
        [(rules.STAY, "Stays"), (rules.UP, "Up"), (rules.DOWN, "Down")],
        required=True,
        readonly=True,
    )
    effective_date = fields.Date(
        required=True,
        tracking=True,
        help="The day a change of grade takes effect, and its pay: by default the first day of "
        "the month after the one placed. Never inside a confirmed pay period.",
    )
    history_id = fields.Many2one(
        "hr.technical.grade.history",
        string="Grade Change",
        readonly=True,
        help="The grade history line this placement recorded (a change of grade only).",
    )

    _sql_constraints = [
        ("one_per_review", "UNIQUE(review_id)", "A monthly review places an employee once."),
    ]

    @api.depends("employee_id", "period")
    def _compute_display_name(self):
        for placement in self:
            placement.display_name = self.env._(
                "%(employee)s: points placement %(period)s",
                employee=placement.employee_id.name or "",
                period=placement.period or "",
            )

    @api.constrains("effective_date", "period_end")
    def _check_effective_date(self):
        for placement in self:
            if placement.effective_date <= placement.period_end:
                raise ValidationError(
                    self.env._(
                        "%(placement)s takes effect after the month it places: from %(date)s "
                        "at the earliest.",
                        placement=placement.display_name,
                        date=(placement.period_end + timedelta(days=1)).isoformat(),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Points placements are computed from the reviews of a monthly plan.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        if set(vals) - HR_FIELDS or not self.env.user.has_group(OFFICER):
            raise AccessError(
                self.env._(
                    "Points placements are computed from the monthly reviews and changed by "
                    "their actions only; HR may move the effective date of one to confirm."
                )
            )
        if any(placement.state != "draft" for placement in self):
            raise UserError(self.env._("The effective date of a confirmed placement is fixed."))
        return super(HrTechnicalGradePointsPlacement, self.sudo()).write(vals)

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------

    @api.model
    def _latest_grades(self, employees):
        """``{employee: grade}``: the grade of each employee's latest history
        line (the one a new change follows), in one query."""
        History = self.env["hr.technical.grade.history"]
        chains = History._segments_by_employee(employees)
        Grade = self.env["hr.technical.grade"].sudo()
        latest = {}
        for employee in employees:
            segments = chains.get(employee.id)
            if segments:
                last = max(segments, key=lambda s: s.date_from)
                latest[employee] = Grade.browse(last.value)
        return latest

    @api.model
    def _placement_values(self, review, grade, minimums):
        """What ``review``'s points place its employee at, who holds ``grade``.

        ``minimums``: ``{ladder: (grades in ladder order, minimums above the lowest)}``.
        """
        grades, values = minimums[grade.ladder_id]
        placed = rules.placement(review.final_score, values)
        current = list(grades).index(grade) if grade in grades else placed
        return {
            "ladder_id": grade.ladder_id.id,
            "points": review.final_score,
            "current_grade_id": grade.id,
            "placed_grade_id": grades[placed].id,
            "change": rules.direction(current, placed),
        }

    @api.model
    def _compute_for_plans(self, plans):
        """Compute the points placements of ``plans`` from their finished reviews.

        Only the employees on a ladder graded by monthly points are placed;
        a placement still to confirm follows its review and the minimums, a
        confirmed one is fixed.  Returns the placements of the plans.
        """
        other = plans.filtered(lambda plan: plan.period_type != "monthly")
        if other:
            raise UserError(
                self.env._(
                    "%(plan)s does not review monthly: points placements are computed from the "
                    "finished reviews of a monthly plan.",
                    plan=other[0].name,
                )
            )
        reviews = (
            self.env["hr.technical.grade.review"]
            .sudo()
            .search(
                [("plan_id", "in", plans.ids), ("state", "=", "done")], order="period_start, id"
            )
        )
        latest = self._latest_grades(reviews.employee_id)
        reviews = reviews.filtered(
            lambda r: r.employee_id in latest and latest[r.employee_id].ladder_id.points_graded
        )
        if not reviews:
            raise UserError(
                self.env._(
                    "No finished review of %(plans)s is of an employee on a ladder graded by "
                    "monthly points: there is nothing to place.",
                    plans=", ".join(plans.mapped("name")),
                )
            )
        ladders = self.env["hr.technical.grade.ladder"].browse(
            {latest[employee].ladder_id.id for employee in reviews.employee_id}
        )
        minimums = ladders._points_minimums()
        existing = {p.review_id: p for p in self.sudo().search([("review_id", "in", reviews.ids)])}
        to_create = []
        for review in reviews:
            vals = self._placement_values(review, latest[review.employee_id], minimums)
            placement = existing.get(review)
            if not placement:
                to_create.append(
                    dict(
                        vals,
                        employee_id=review.employee_id.id,
                        plan_id=review.plan_id.id,
                        review_id=review.id,
                        period=review.period,
                        period_start=review.period_start,
                        period_end=review.period_end,
                        effective_date=review.period_end + timedelta(days=1),
                    )
                )
            elif placement.state == "draft" and placement._differs(vals):
                placement.write(vals)
        placements = self.sudo().search([("plan_id", "in", plans.ids)])
        return placements | self.sudo().create(to_create)

    def _differs(self, vals):
        self.ensure_one()
        return (
            abs(self.points - vals["points"]) > 0.001
            or self.current_grade_id.id != vals["current_grade_id"]
            or self.placed_grade_id.id != vals["placed_grade_id"]
            or self.ladder_id.id != vals["ladder_id"]
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _hr_confirmation_refusals(self):
        return (
            self.env._("HR officers confirm points placements."),
            self.env._("Only points placements to confirm can be confirmed."),
        )

    def action_confirm(self):
        """HR confirms the placements; a change of grade is recorded in the history.

        The grade is recorded from the placement's effective date, never
        inside a confirmed pay period; a month confirmed after a later one
        of the same employee is refused.
        """
        self._check_hr_confirmation()
        placements = self.sudo()
        employees = placements.employee_id
        if len(employees) != len(placements):
            twice = next(
                e
                for e in employees
                if len(placements.filtered(lambda p, e=e: p.employee_id == e)) > 1
            )
            raise UserError(
                self.env._(
                    "Confirm the placements of %(employee)s one month at a time, the earliest "
                    "first.",
                    employee=twice.name,
                )
            )
        later = self.sudo().search(
            [("employee_id", "in", employees.ids), ("state", "=", "confirmed")],
            order="period_start desc",
        )
        for placement in placements:
            newer = later.filtered(
                lambda p, pl=placement: p.employee_id == pl.employee_id
                and p.period_start > pl.period_start
            )
            if newer:
                raise UserError(
                    self.env._(
                        "The placement of %(employee)s for %(later)s is confirmed: the earlier "
                        "month %(period)s can no longer change the grade.",
                        employee=placement.employee_id.name,
                        later=newer[0].period,
                        period=placement.period,
                    )
                )
        latest = self._latest_grades(employees)
        minimums = placements.ladder_id._points_minimums()
        for placement in placements:
            grade = latest.get(placement.employee_id)
            if (
                not grade
                or grade.ladder_id != placement.ladder_id
                or placement._differs(self._placement_values(placement.review_id, grade, minimums))
            ):
                raise UserError(
                    self.env._(
                        "%(placement)s no longer matches the grade held or the minimum monthly "
                        "points of its ladder: compute the placements of %(plan)s again.",
                        placement=placement.display_name,
                        plan=placement.plan_id.name,
                    )
                )
        moving = placements.filtered(lambda p: p.change != rules.STAY)
        Payslip = self.env["hr.payslip"]
        for placement in moving:
            paid = Payslip._technical_grade_confirmed(
                placement.employee_id, placement.effective_date
            )
            if paid:
                raise UserError(
                    self.env._(
                        "%(employee)s's pay from %(date_from)s to %(date_to)s is confirmed "
                        "(%(payslip)s): the points placement cannot take effect on %(date)s, "
                        "inside it. Change its effective date to %(next_day)s or later.",
                        date=placement.effective_date.isoformat(),
                        **paid._technical_grade_confirmed_values(),
                    )
                )
        lines = self.env["hr.technical.grade.history"]._record_grade_change(
            [
                {
                    "employee_id": placement.employee_id.id,
                    "grade_id": placement.placed_grade_id.id,
                    "date_from": placement.effective_date,
                    "change_type": "points",
                    "reason": self.env._(
                        "Monthly points %(period)s: %(points)s points place %(employee)s in "
                        "%(grade)s (%(plan)s).",
                        period=placement.period,
                        points=placement.points,
                        employee=placement.employee_id.name,
                        grade=placement.placed_grade_id.name,
                        plan=placement.plan_id.name,
                    ),
                    "origin": placement.display_name,
                }
                for placement in moving
            ]
        )
        line_of = dict(zip(moving, lines, strict=True))
        confirmed = self._hr_confirmation_values()
        for placement in placements:
            placement.write(
                {
                    **confirmed,
                    "history_id": line_of[placement].id if placement in line_of else False,
                }
            )
            placement.message_post(
                body=placement._confirmation_note(),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _confirmation_note(self):
        self.ensure_one()
        if self.change == rules.STAY:
            return self.env._(
                "Confirmed: %(points)s points keep %(employee)s in %(grade)s.",
                points=self.points,
                employee=self.employee_id.name,
                grade=self.placed_grade_id.name,
            )
        return self.env._(
            "Confirmed: %(employee)s moves from %(old)s to %(new)s from %(date)s.",
            employee=self.employee_id.name,
            old=self.current_grade_id.name,
            new=self.placed_grade_id.name,
            date=self.effective_date.isoformat(),
        )

    def action_open_review(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.review",
            "res_id": self.review_id.id,
            "view_mode": "form",
        }
