# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models

from .hr_technical_grade_assessment_template import WEIGHT_CHECKS_KEY


class HrTechnicalGradeAssessmentCriterion(models.Model):
    """A weighted criterion of an assessment form."""

    _name = "hr.technical.grade.assessment.criterion"
    _description = "Technical Grade Assessment Criterion"
    _order = "template_id, section_sequence, sequence, id"

    section_id = fields.Many2one(
        "hr.technical.grade.assessment.section", required=True, ondelete="cascade", index=True
    )
    section_sequence = fields.Integer(
        related="section_id.sequence", string="Section Sequence", store=True
    )
    template_id = fields.Many2one(related="section_id.template_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(
        translate=True, help="What a good rating looks like, to guide the assessors."
    )
    weight = fields.Float(
        string="Weight (%)",
        digits=(5, 2),
        required=True,
        default=0.0,
        help="Used when the form weighs its criteria; ignored when they all count the same.",
    )

    @api.constrains("weight", "section_id")
    def _check_template_weights(self):
        if not self.template_id._checks_deferred():
            self.template_id._check_weights_soon()

    @api.ondelete(at_uninstall=False)
    def _unlink_keeps_weights(self):
        templates = self.template_id
        if templates._checks_deferred():
            return
        if self.env.cr.cache.get(WEIGHT_CHECKS_KEY) is not None:
            templates._check_weights_soon()  # checked with what the save leaves
            return
        for template in templates:
            remaining = template.criterion_ids - self
            if remaining:  # deleting every criterion empties the form: allowed
                template._check_weights(remaining)
