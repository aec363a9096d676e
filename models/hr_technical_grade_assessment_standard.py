# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrTechnicalGradeAssessmentStandard(models.Model):
    """What a rating level means for one section of a form (考核标准).

    附表一 describes, for each section (technical ability, service attitude,
    business level), what 优秀, 良好 and 合格 look like; the assessors rate
    each criterion of the section against these texts.
    """

    _name = "hr.technical.grade.assessment.standard"
    _description = "Technical Grade Assessment Standard"
    _order = "section_id, level_points desc, id"

    section_id = fields.Many2one(
        "hr.technical.grade.assessment.section", required=True, ondelete="cascade", index=True
    )
    template_id = fields.Many2one(related="section_id.template_id", store=True, index=True)
    level_id = fields.Many2one(
        "hr.technical.grade.assessment.level",
        required=True,
        ondelete="cascade",
        domain="[('template_id', '=', template_id)]",
    )
    level_points = fields.Float(related="level_id.points", store=True)
    description = fields.Text(string="Standard", required=True, translate=True)

    _sql_constraints = [
        (
            "section_level_uniq",
            "unique(section_id, level_id)",
            "A section describes each rating level once.",
        ),
    ]

    @api.constrains("section_id", "level_id")
    def _check_level_of_the_form(self):
        for standard in self:
            if standard.level_id.template_id != standard.section_id.template_id:
                raise ValidationError(
                    self.env._(
                        "The standard of %(section)s describes a level of another form "
                        "(%(level)s).",
                        section=standard.section_id.name,
                        level=standard.level_id.name,
                    )
                )
