# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models


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
    standard_ids = fields.One2many(
        "hr.technical.grade.assessment.standard",
        "section_id",
        string="Standards",
        copy=True,
        help="What each rating level means for this section.",
    )
    weighting = fields.Selection(related="template_id.weighting")
    weight = fields.Float(compute="_compute_weight", string="Weight (%)")

    @api.model_create_multi
    def create(self, vals_list):
        # A section saves several criteria at once: the weights are checked at the end.
        with self.env["hr.technical.grade.assessment.template"]._weights_checked_once():
            return super().create(vals_list)

    def write(self, vals):
        with self.env["hr.technical.grade.assessment.template"]._weights_checked_once():
            return super().write(vals)

    @api.depends("criterion_ids.weight")
    def _compute_weight(self):
        for section in self:
            section.weight = sum(section.criterion_ids.mapped("weight"))

    @api.constrains("criterion_ids", "template_id")
    def _check_template_weights(self):
        if not self.template_id._checks_deferred():
            self.template_id._check_weights_soon()
