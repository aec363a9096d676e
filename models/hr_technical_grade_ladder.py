# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models
from odoo.exceptions import AccessError

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

    def _first_grade(self):
        """The ladder's lowest grade, where an initial grading starts."""
        self.ensure_one()
        grades = self.grade_ids.filtered("active").sorted(lambda g: (g.sequence, g.id))
        return grades[:1]

    def action_turn_on(self):
        """Turn the ladder on with its grades (an administrator's decision)."""
        self._set_active(True)

    def action_turn_off(self):
        """Archive the ladder with its grades; engineers keep their history."""
        self._set_active(False)

    def _set_active(self, active):
        if not self.env.user.has_group(ADMIN):
            raise AccessError(
                self.env._("Only Technical Grade administrators turn a ladder on or off.")
            )
        for ladder in self:
            ladder.active = active
            ladder.with_context(active_test=False).grade_ids.active = active
