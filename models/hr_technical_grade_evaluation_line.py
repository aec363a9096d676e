# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrTechnicalGradeEvaluationLine(models.Model):
    """The rating of one criterion of the assessment form in an evaluation."""

    _name = "hr.technical.grade.evaluation.line"
    _description = "Technical Grade Evaluation Line"
    _order = "evaluation_id, id"

    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "hr.technical.grade.assessment.criterion", required=True, ondelete="restrict"
    )
    section_id = fields.Many2one(related="criterion_id.section_id")
    template_id = fields.Many2one(related="criterion_id.template_id")
    scale_type = fields.Selection(related="criterion_id.template_id.scale_type")
    weight = fields.Float(related="criterion_id.weight")
    level_id = fields.Many2one(
        "hr.technical.grade.assessment.level",
        string="Rating",
        domain="[('template_id', '=', template_id)]",
    )
    points = fields.Float(compute="_compute_points", store=True, readonly=False)
    comment = fields.Char()

    @api.depends("level_id")
    def _compute_points(self):
        for line in self:
            if line.level_id:
                line.points = line.level_id.points

    @api.constrains("points", "criterion_id")
    def _check_points(self):
        for line in self:
            maximum = line.criterion_id.template_id.max_points
            if line.points < 0 or line.points > maximum:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s: rate from 0 to %(max)s points.",
                        criterion=line.criterion_id.name,
                        max=maximum,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(lambda line: line.level_id).evaluation_id._check_rated_by_hr()
        return lines

    def write(self, vals):
        if {"level_id", "points"} & set(vals):
            self.evaluation_id._check_scores_unlocked()
            self.evaluation_id._check_rated_by_hr()
        return super().write(vals)
