# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import scoring

# Key of the transaction cache (``cr.cache``): the ids of the templates whose
# weights are checked at the end of the template save in progress.  Server
# state, out of the reach of clients (unlike the context).
WEIGHT_CHECKS_KEY = "hr_technical_grade.template_weight_checks"
# Set by data files that build a form record by record, while the module
# loads (never honoured once the registry is ready, i.e. from clients); they
# call _validate_templates() once the form is complete.
DEFER_CHECKS = "technical_grade_defer_checks"


class HrTechnicalGradeAssessmentTemplate(models.Model):
    """An assessment form: sections of weighted criteria and a rating scale."""

    _name = "hr.technical.grade.assessment.template"
    _description = "Technical Grade Assessment Template"
    _inherit = ["hr.technical.grade.chatter.mixin"]
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
    weighting = fields.Selection(
        [("equal", "Every criterion counts the same"), ("weighted", "Weight per criterion")],
        required=True,
        default="weighted",
        tracking=True,
        help="Every criterion counts the same (the score is the mean of the ratings), "
        "or each criterion has a weight in percent, the weights totalling 100 %.",
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
        with self._weights_checked_once():
            return super().create(vals_list)

    def write(self, vals):
        with self._weights_checked_once():
            return super().write(vals)

    @contextmanager
    def _weights_checked_once(self):
        """Check the weights of the forms changed in the block once, at its end.

        A form saves several sections and criteria at once: each of their own
        checks would see the weights half-changed.  During the block they name
        their template instead, checked when the block ends, whatever the
        context.  Nested blocks leave the check to the outermost one.
        """
        cache = self.env.cr.cache
        if WEIGHT_CHECKS_KEY in cache:
            yield
            return
        cache[WEIGHT_CHECKS_KEY] = set()
        try:
            yield
            pending = cache[WEIGHT_CHECKS_KEY]
        finally:
            del cache[WEIGHT_CHECKS_KEY]
        self.browse(pending).exists()._check_weights()

    def _check_weights_soon(self):
        """Check the weights now, or at the end of the form save in progress."""
        pending = self.env.cr.cache.get(WEIGHT_CHECKS_KEY)
        if pending is None:
            self._check_weights()
        else:
            pending.update(self.ids)

    def _checks_deferred(self):
        """Whether a data file builds forms record by record (see DEFER_CHECKS)."""
        return bool(self.env.context.get(DEFER_CHECKS)) and not self.env.registry.ready

    @api.constrains("section_ids", "scale_type", "level_ids", "max_points", "weighting")
    def _check_template(self):
        if self._checks_deferred():
            return
        for template in self:
            template._check_weights_soon()
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
        Forms whose criteria all count the same have no weights to check.
        """
        for template in self.filtered(lambda t: t.weighting == "weighted"):
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
        if self.weighting == "equal":
            return float(
                scoring.equal_weight_score(
                    [points_by_criterion.get(c) for c in self.section_ids.criterion_ids],
                    self.max_points,
                )
            )
        ratings = [
            (criterion.weight, points_by_criterion.get(criterion))
            for criterion in self.section_ids.criterion_ids
        ]
        return float(scoring.weighted_score(ratings, self.max_points))
