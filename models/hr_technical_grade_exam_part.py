# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

EXAM_PART_SELECTION = [
    ("theory", "Theory Exam"),
    ("practical", "On-site Practical"),
    ("teaching", "Teaching"),
    ("written", "Written Test"),
    ("interview", "Interview"),
    ("case", "Case Analysis"),
    ("simulation", "Simulated Operation"),
]


class HrTechnicalGradeExamPart(models.Model):
    """One exam part of a grade's evaluation, with its weight in the final score.

    Seed 000 evaluates with theory knowledge, on-site practical work and
    teaching (理论知识 + 现场实操 + 授课), and names a written test, an
    interview, a case analysis and a simulated operation as methods: each
    grade lists the parts its evaluations take; the committee members score
    those parts of the evaluation's target grade.
    """

    _name = "hr.technical.grade.exam.part"
    _description = "Technical Grade Exam Part"
    _order = "grade_id, sequence, id"

    grade_id = fields.Many2one(
        "hr.technical.grade", required=True, ondelete="cascade", index=True, string="Grade"
    )
    company_id = fields.Many2one(related="grade_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    part = fields.Selection(EXAM_PART_SELECTION, required=True)
    weight = fields.Float(
        string="Weight (%)",
        digits=(5, 2),
        help="Share of this part's score in the final score of an evaluation for the grade.",
    )

    _sql_constraints = [
        ("part_grade_uniq", "unique(grade_id, part)", "A grade lists each exam part once."),
    ]

    @api.constrains("weight")
    def _check_weight(self):
        for part in self:
            if not 0 <= part.weight <= 100:
                raise ValidationError(
                    self.env._(
                        "The weight of %(part)s on %(grade)s goes from 0 to 100 %%, "
                        "not %(weight)s %%.",
                        part=part._label(),
                        grade=part.grade_id.name,
                        weight=part.weight,
                    )
                )

    def _label(self):
        self.ensure_one()
        return dict(self._fields["part"]._description_selection(self.env))[self.part]

    @api.model_create_multi
    def create(self, vals_list):
        parts = super().create(vals_list)
        parts.grade_id._log_exam_parts()
        return parts

    def write(self, vals):
        res = super().write(vals)
        self.grade_id._log_exam_parts()
        return res

    def unlink(self):
        grades = self.grade_id
        res = super().unlink()
        grades.exists()._log_exam_parts()
        return res

