# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError

# What the superior writes on a dimension of an open review.
SCORED_FIELDS = {"score", "comment"}


class HrTechnicalGradeReviewResult(models.Model):
    """The superior's score of one results-form dimension of a review.

    The dimensions are copied from the plan when the review opens (the
    staff's or the department head's); the superior scores each while the
    review is open, and the review's results form is their weighted total
    once every dimension is scored.
    """

    _name = "hr.technical.grade.review.result"
    _description = "Technical Grade Results Form Score"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "hr.technical.grade.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    dimension_id = fields.Many2one(
        "hr.technical.grade.review.dimension",
        string="Plan Dimension",
        ondelete="set null",
        readonly=True,
    )
    sequence = fields.Integer(readonly=True)
    name = fields.Char(related="dimension_id.name", string="Dimension")
    weight = fields.Float(string="Weight (%)", digits=(5, 2), readonly=True)
    score = fields.Float(digits=(5, 2))
    scored = fields.Boolean(readonly=True, help="The superior entered a score: 0 is a score.")
    comment = fields.Text()

    _sql_constraints = [
        ("score_range", "CHECK(score BETWEEN 0 AND 100)", "Scores go from 0 to 100."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("The dimensions of a results form come from its review plan.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if set(vals) - SCORED_FIELDS:
                raise AccessError(
                    self.env._("The superior scores and comments the dimensions, nothing else.")
                )
            self.review_id._check_results_scorer()
        if "score" in vals:
            vals = dict(vals, scored=vals["score"] is not False and vals["score"] is not None)
        res = super().write(vals)
        if "score" in vals:
            self.review_id.sudo()._sync_results_form()
        return res
