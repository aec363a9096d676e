# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..grade_rules import points as points_rules

ADMIN = "hr_technical_grade.group_technical_grade_admin"


class HrTechnicalGradeLadder(models.Model):
    """A named ladder of grades beside the company's main one (e.g. P1–P8).

    Grades without a ladder make the company's main ladder; the grades of a
    named ladder are promoted within it, one step at a time.  A shipped ladder
    stays archived, with its grades, until a company turns it on.
    """

    _name = "hr.technical.grade.ladder"
    _description = "Technical Grade Ladder"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    description = fields.Html(translate=True)
    grade_ids = fields.One2many(
        "hr.technical.grade",
        "ladder_id",
        string="Grades",
        context={"active_test": False},
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Graded Departments",
        tracking=True,
        help="New hires and transferees of these departments (and their sub-departments) are "
        "graded on this ladder: when their contract's trial period ends, an initial grading "
        "is prepared for HR.",
    )
    training_months = fields.Integer(
        string="New Staff Training (months)",
        tracking=True,
        help="New staff of the graded departments are trained for this many months from the "
        "start of their contract, then take their initial grading (seed 000, after-sales "
        "workshop staff: 2). 0: the initial grading follows the end of the contract's trial "
        "period.",
    )
    early_confirmation_months = fields.Integer(
        string="Early Confirmation After (months)",
        tracking=True,
        help="Experienced new staff may ask for their initial grading once this many months "
        "of their training are done (seed 000: 1). 0: no early confirmation.",
    )
    early_confirmation_years = fields.Integer(
        string="Early Confirmation: Years of Experience",
        tracking=True,
        help="Years of experience a new hire needs to ask for an early confirmation (seed "
        "000: 1, 有1年以上经验), counted from the employee's In the Trade Since date.",
    )

    _sql_constraints = [
        (
            "training_months_positive",
            "CHECK(training_months >= 0 AND early_confirmation_months >= 0 "
            "AND early_confirmation_years >= 0)",
            "The training, the early confirmation and the experience it needs cannot be negative.",
        ),
    ]
    # Seed 000 (售后服务人员技能等级考核管理办法): the after-sales staff are scored
    # in points every month, and their points place them in a skill grade.
    points_graded = fields.Boolean(
        string="Graded by Monthly Points",
        tracking=True,
        help="The employees on this ladder are placed in a grade by their monthly points (the "
        "final score of their finished monthly review): HR computes the placements of a month "
        "from a monthly review plan and confirms them. Each grade above the lowest needs its "
        "minimum monthly points.",
    )

    def _first_grade(self):
        """The ladder's lowest grade, where an initial grading starts."""
        self.ensure_one()
        grades = self.grade_ids.filtered("active").sorted(lambda g: (g.sequence, g.id))
        return grades[:1]

    def _points_minimums(self):
        """``{ladder: (grades in ladder order, minimum points of those above the lowest)}``.

        Refuses, naming the grades, while a grade above the lowest has no
        minimum or a minimum is not above the one below it.
        """
        minimums = {}
        for ladder in self:
            grades = ladder.grade_ids.filtered("active").sorted(lambda g: (g.sequence, g.id))
            values = grades[1:].mapped("min_monthly_points")
            try:
                points_rules.check_minimums(values)
            except points_rules.PointsError as err:
                if err.missing:
                    raise UserError(
                        self.env._(
                            "Set the minimum monthly points of %(grades)s (ladder %(ladder)s, "
                            "grade form) before placing employees by their points: they are "
                            "the company's numbers, the seed gives none.",
                            grades=", ".join(grades[i].name for i in err.missing),
                            ladder=ladder.name,
                        )
                    ) from err
                raise UserError(
                    self.env._(
                        "The minimum monthly points of %(grade)s must be above those of "
                        "%(below)s (ladder %(ladder)s).",
                        grade=grades[err.not_rising].name,
                        below=grades[err.not_rising - 1].name,
                        ladder=ladder.name,
                    )
                ) from err
            minimums[ladder] = (grades, values)
        return minimums

    def action_turn_on(self):
        """Turn the ladder on with its grades (an administrator's decision)."""
        self._set_active(True)
        return True

    def action_turn_off(self):
        """Archive the ladder with its grades; engineers keep their history."""
        self._set_active(False)
        return True

    def _set_active(self, active):
        if not self.env.user.has_group(ADMIN):
            raise AccessError(
                self.env._("Only Technical Grade administrators turn a ladder on or off.")
            )
        for ladder in self:
            ladder.active = active
            ladder.with_context(active_test=False).grade_ids.active = active
