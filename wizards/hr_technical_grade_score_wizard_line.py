# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeScoreWizardLine(models.TransientModel):
    """A member's rating of one criterion, as they enter it."""

    _name = "hr.technical.grade.score.wizard.line"
    _description = "Rate a Criterion of the Assessment Form"
    _order = "wizard_id, sequence, id"

    wizard_id = fields.Many2one(
        "hr.technical.grade.score.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    criterion_id = fields.Many2one(
        "hr.technical.grade.assessment.criterion", required=True, readonly=True
    )
    section_id = fields.Many2one(related="criterion_id.section_id")
    template_id = fields.Many2one(related="criterion_id.template_id")
    level_id = fields.Many2one(
        "hr.technical.grade.assessment.level",
        string="Rating",
        domain="[('template_id', '=', template_id)]",
    )
