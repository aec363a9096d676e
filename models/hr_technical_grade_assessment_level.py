# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeAssessmentLevel(models.Model):
    """A rating level of an assessment form's scale (优秀 = 100 points...)."""

    _name = "hr.technical.grade.assessment.level"
    _description = "Technical Grade Assessment Rating Level"
    _order = "template_id, points desc, id"

    template_id = fields.Many2one(
        "hr.technical.grade.assessment.template", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True, translate=True)
    points = fields.Float(required=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("points_positive", "CHECK(points >= 0)", "Rating level points cannot be negative."),
    ]
