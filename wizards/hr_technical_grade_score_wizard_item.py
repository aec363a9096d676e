# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeScoreWizardItem(models.TransientModel):
    """A member's score of one content item of the theory exam, as they enter it."""

    _name = "hr.technical.grade.score.wizard.item"
    _description = "Score a Content Item of the Theory Exam"
    _order = "wizard_id, sequence, id"

    wizard_id = fields.Many2one(
        "hr.technical.grade.score.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    item_id = fields.Many2one("hr.technical.grade.exam.item", required=True, readonly=True)
    weight = fields.Float(related="item_id.weight")
    score = fields.Float(digits=(5, 2))
