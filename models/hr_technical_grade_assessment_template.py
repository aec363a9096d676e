# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import scoring

# Set while a template saves its sections and criteria: their own weight
# checks wait for the template's, which sees the final weights.
SAVING_TEMPLATE = "technical_grade_saving_template"
# Set by data files that build a form record by record; they call
# _validate_templates() once the form is complete.
DEFER_CHECKS = "technical_grade_defer_checks"


class HrTechnicalGradeAssessmentTemplate(models.Model):
    """An assessment form: sections of weighted criteria and a rating scale."""

    _name = "hr.technical.grade.assessment.template"
    _description = "Technical Grade Assessment Template"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty to share the template between companies."
    )
    description = fields.Html(translate=True)
    scale_type = fields.Selection(
        [("levels", "Rating levels"), ("points", "Points")],
        string="Rating Scale",
        required=True,
        default="levels",
        tracking=True,
        help="Rate each criterion with a level worth some points (Excellent, Good, "
        "Pass...), or with points from 0 to the maximum.",
    )
    level_ids = fields.One2many(
        "hr.technical.grade.assessment.level", "template_id", string="Levels", copy=True
    )
    max_points = fields.Float(
        string="Maximum Points",
        compute="_compute_max_points",
        store=True,
        readonly=False,
        help="Points of a perfect rating: the best level's points, or the maximum "
        "of the points scale.",
    )
    section_ids = fields.One2many(
        "hr.technical.grade.assessment.section", "template_id", string="Sections", copy=True
    )
    criterion_ids = fields.One2many(
        "hr.technical.grade.assessment.criterion", "template_id", string="Criteria"
    )
    weight_total = fields.Float(compute="_compute_weight_total", string="Total Weight (%)")
    grade_ids = fields.One2many(
        "hr.technical.grade", "assessment_template_id", string="Grades", readonly=True
    )

    _sql_constraints = [
        ("max_points_positive", "CHECK(max_points > 0)", "The maximum points must be positive."),
    ]

    @api.depends("scale_type", "level_ids.points")
    def _compute_max_points(self):
        for template in self:
            if template.scale_type == "levels" and template.level_ids:
                template.max_points = max(template.level_ids.mapped("points"))
            elif not template.max_points:
                template.max_points = 100.0

    @api.depends("section_ids.criterion_ids.weight")
    def _compute_weight_total(self):
        for template in self:
            template.weight_total = sum(template.section_ids.criterion_ids.mapped("weight"))

    @api.model_create_multi
    def create(self, vals_list):
        templates = super(
            HrTechnicalGradeAssessmentTemplate, self.with_context(**{SAVING_TEMPLATE: True})
        ).create(vals_list)
        return templates.with_env(self.env)

    def write(self, vals):
        return super(
            HrTechnicalGradeAssessmentTemplate, self.with_context(**{SAVING_TEMPLATE: True})
        ).write(vals)

    @api.constrains("section_ids", "scale_type", "level_ids", "max_points")
    def _check_template(self):
        if self.env.context.get(DEFER_CHECKS):
            return
        for template in self:
            template._check_weights()
            if template.scale_type == "levels":
                if not template.level_ids:
                    raise ValidationError(
                        self.env._(
                            "The template %(name)s rates with levels: give it at least one level.",
                            name=template.name,
                        )
                    )

    def _check_weights(self, criteria=None):
        """Raise a clear error unless the criteria weights total 100 %.

        ``criteria``: check these instead of the template's current ones.
        """
        for template in self:
            weights = (
                criteria if criteria is not None else template.section_ids.criterion_ids
            ).mapped("weight")
            try:
                scoring.check_weights(weights)
            except scoring.WeightError as err:
                if err.negative:
                    message = self.env._(
                        "The criteria of %(name)s cannot have negative weights.",
                        name=template.name,
                    )
                else:
                    message = self.env._(
                        "The criteria weights of %(name)s total %(total)s %%: they must "
                        "total 100 %%.",
                        name=template.name,
                        total=format(err.total.normalize(), "f"),
                    )
                raise ValidationError(message) from err

    @api.model
    def _validate_templates(self, ids):
        """Check forms built record by record (see DEFER_CHECKS)."""
        self.browse(ids).with_context(**{DEFER_CHECKS: False})._check_template()

    def _score(self, points_by_criterion):
        """The form's score (0-100) from ``{criterion: points}``."""
        self.ensure_one()
        ratings = [
            (criterion.weight, points_by_criterion.get(criterion))
            for criterion in self.section_ids.criterion_ids
        ]
        return float(scoring.weighted_score(ratings, self.max_points))
