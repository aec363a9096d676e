# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeExamScoreMixin(models.AbstractModel):
    """The score of each exam part (``<part>_score`` for ``grade_rules.scoring.EXAM_PARTS``).

    One declaration for the evaluation (the committee's combined scores), a
    member's score line and the member's scoring wizard; a grade uses the
    parts its exam parts name.
    """

    _name = "hr.technical.grade.exam.score.mixin"
    _description = "Technical Grade Exam Scores"

    theory_score = fields.Float(string="Theory Exam", digits=(5, 2))
    practical_score = fields.Float(string="On-site Practical", digits=(5, 2))
    teaching_score = fields.Float(string="Teaching", digits=(5, 2))
    written_score = fields.Float(string="Written Test", digits=(5, 2))
    interview_score = fields.Float(string="Interview", digits=(5, 2))
    case_score = fields.Float(string="Case Analysis", digits=(5, 2))
    simulation_score = fields.Float(string="Simulated Operation", digits=(5, 2))
