# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import scoring

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

    grade_id = fields.Many2one("hr.technical.grade", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="grade_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    part = fields.Selection(EXAM_PART_SELECTION, required=True)
    weight = fields.Float(
        string="Weight (%)",
        digits=(5, 2),
        help="Share of this part's score in the final score of an evaluation for the grade.",
    )

    item_ids = fields.One2many(
        "hr.technical.grade.exam.item",
        "part_id",
        string="Content Items",
        copy=True,
        help="The theory exam's content, each with its weight (together 100 %): members "
        "score each item and the theory score is their weighted total.",
    )
    item_weight_total = fields.Float(
        compute="_compute_item_weight_total", store=True, digits=(5, 2), string="Items Total (%)"
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

    @api.depends("item_ids.weight")
    def _compute_item_weight_total(self):
        for part in self:
            part.item_weight_total = sum(part.item_ids.mapped("weight"))

    @api.constrains("item_weight_total")
    def _check_item_weights(self):
        for part in self.filtered("item_ids"):
            try:
                scoring.check_weights(part.item_ids.mapped("weight"))
            except scoring.WeightError as err:
                raise ValidationError(
                    self.env._(
                        "The content items of %(part)s on %(grade)s must total 100 %%, "
                        "not %(total)s %%.",
                        part=part._label(),
                        grade=part.grade_id.name,
                        total=format(err.total.normalize(), "f"),
                    )
                ) from err

    def _item_score(self, item_scores):
        """The theory score from ``{item: score}``: the items' weighted total."""
        self.ensure_one()
        return float(
            scoring.weighted_score([(item.weight, item_scores.get(item)) for item in self.item_ids])
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
