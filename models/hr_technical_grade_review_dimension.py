# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models

from .hr_technical_grade_review_plan import DIMENSION_CHECKS_KEY

AUDIENCES = [("staff", "Staff"), ("head", "Department head")]


class HrTechnicalGradeReviewDimension(models.Model):
    """One dimension of a plan's results form (《工作业绩评估表》, seed 003).

    Staff are assessed on their individual results and work attitude (their
    ability is the 360° part); a department head on the department's goals,
    its operating results and their management results.  The superior scores
    each dimension of a review; the results form is their weighted total.
    """

    _name = "hr.technical.grade.review.dimension"
    _description = "Technical Grade Results Form Dimension"
    _order = "plan_id, audience, sequence, id"

    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    audience = fields.Selection(
        AUDIENCES,
        required=True,
        default="staff",
        help="Whose results form has this dimension: the staff's, or the department head's "
        "(the manager of the employee's department).",
    )
    weight = fields.Float(
        string="Weight (%)",
        digits=(5, 2),
        help="The dimensions of one audience weigh 100 % together.",
    )
    description = fields.Text(help="What the superior assesses under this dimension.")

    _sql_constraints = [
        ("weight_range", "CHECK(weight >= 0 AND weight <= 100)", "A weight goes from 0 to 100."),
    ]

    # The weights of an audience total 100 % however the dimensions are saved:
    # with their plan (checked once, at the end of its save) or one by one.
    # Data files build a plan's dimensions record by record while the module
    # loads; the plan is checked when a client first saves it.

    @api.model_create_multi
    def create(self, vals_list):
        dimensions = super().create(vals_list)
        if self.env.registry.ready:
            dimensions.plan_id._check_dimension_weights_soon()
        return dimensions

    def write(self, vals):
        plans = self.plan_id
        res = super().write(vals)
        if self.env.registry.ready and {"weight", "audience", "plan_id"} & set(vals):
            (plans | self.plan_id)._check_dimension_weights_soon()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_keeps_weights(self):
        if not self.env.registry.ready:
            return
        plans = self.plan_id
        if self.env.cr.cache.get(DIMENSION_CHECKS_KEY) is not None:
            plans._check_dimension_weights_soon()  # checked with what the save leaves
            return
        for plan in plans:
            plan._check_dimension_weights(plan.results_dimension_ids - self)
