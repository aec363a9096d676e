# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models

from .hr_technical_grade_assessment_template import DEFER_CHECKS, SAVING_TEMPLATE


class HrTechnicalGradeAssessmentSection(models.Model):
    """A section of an assessment form (technical ability, service attitude...)."""

    _name = "hr.technical.grade.assessment.section"
    _description = "Technical Grade Assessment Section"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "hr.technical.grade.assessment.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    criterion_ids = fields.One2many(
        "hr.technical.grade.assessment.criterion", "section_id", string="Criteria", copy=True
    )
    weight = fields.Float(compute="_compute_weight", string="Weight (%)")

    @api.depends("criterion_ids.weight")
    def _compute_weight(self):
        for section in self:
            section.weight = sum(section.criterion_ids.mapped("weight"))

    @api.constrains("criterion_ids")
    def _check_template_weights(self):
        if not (self.env.context.get(SAVING_TEMPLATE) or self.env.context.get(DEFER_CHECKS)):
            self.template_id._check_weights()
