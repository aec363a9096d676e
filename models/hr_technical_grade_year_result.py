# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command

from ..grade_rules import review as rules
from .hr_technical_grade_review import BANDS

OFFICER = "hr_technical_grade.group_technical_grade_officer"


class HrTechnicalGradeYearResult(models.Model):
    """The year-end comprehensive evaluation of an employee (年终综合评定).

    Seed 003 (第9条): the yearly result is the arithmetic mean of the year's
    periodic results of a plan (the quarters).  Seed 000: the yearly
    evaluation result is a ground of the dynamic grade adjustment.  HR
    computes the results of a plan from its finished reviews and confirms
    them; a confirmed result is fixed, and one in band 差 proposes a demotion
    when the company says so.
    """

    _name = "hr.technical.grade.year.result"
    _description = "Technical Grade Yearly Result"
    _inherit = ["hr.technical.grade.chatter.mixin", "hr.technical.grade.hr.confirmation.mixin"]
    _order = "year desc, score desc, id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, readonly=True, index=True, ondelete="restrict"
    )
    employee_user_id = fields.Many2one(related="employee_id.user_id")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id")
    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan", required=True, readonly=True, ondelete="restrict"
    )
    year = fields.Char(required=True, readonly=True, index=True)
    review_ids = fields.Many2many(
        "hr.technical.grade.review",
        "hr_technical_grade_year_result_review_rel",
        "result_id",
        "review_id",
        string="Reviews",
        readonly=True,
        help="The finished reviews of the year in the plan: the result is their mean.",
    )
    review_count = fields.Integer(string="Results Counted", readonly=True)
    score = fields.Float(
        string="Yearly Result",
        digits=(5, 2),
        readonly=True,
        help="The arithmetic mean of the year's finished results of the plan (seed 003).",
    )
    band = fields.Selection(BANDS, readonly=True, help="The band of the exact mean.")
    demotion_evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        string="Demotion Proposal",
        readonly=True,
        help="The demotion this yearly result proposed (band 差, when the company says so).",
    )

    _sql_constraints = [
        (
            "one_per_year",
            "UNIQUE(employee_id, plan_id, year)",
            "An employee has one yearly result per plan and year.",
        ),
    ]

    @api.depends("employee_id", "year")
    def _compute_display_name(self):
        for result in self:
            result.display_name = self.env._(
                "%(employee)s: yearly result %(year)s",
                employee=result.employee_id.name or "",
                year=result.year or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Yearly results are computed from the reviews of a plan."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Yearly results are computed from the reviews and changed by their "
                    "actions only."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------

    @api.model
    def _compute_for_plans(self, plans):
        """Compute the yearly results of ``plans`` from their finished reviews.

        One search of the reviews and one of the results; a result still to
        confirm follows its reviews, a confirmed one is fixed.  Returns the
        results of the plans.
        """
        Review = self.env["hr.technical.grade.review"].sudo()
        reviews = Review.search(
            [("plan_id", "in", plans.ids), ("state", "=", "done")], order="period_start, id"
        )
        groups = defaultdict(lambda: Review)
        for review in reviews:
            groups[(review.employee_id.id, review.plan_id.id, review.year)] |= review
        results = self.sudo().search([("plan_id", "in", plans.ids)])
        existing = {(r.employee_id.id, r.plan_id.id, r.year): r for r in results}
        to_create = []
        for key, members in groups.items():
            scores = [s for s in (r._exact_score() for r in members) if s is not None]
            mean = rules.yearly_result(scores, digits=None)
            if mean is None:
                continue
            company = members[:1].company_id or self.env.company
            vals = {
                "review_ids": [Command.set(members.ids)],
                "review_count": len(scores),
                "score": float(rules.round_amount(mean)),
                "band": rules.band(mean, company._technical_grade_band_thresholds()),
            }
            result = existing.get(key)
            if not result:
                employee_id, plan_id, year = key
                to_create.append(dict(vals, employee_id=employee_id, plan_id=plan_id, year=year))
            elif result.state == "draft" and (
                result.review_ids != members or abs(result.score - vals["score"]) > 0.001
            ):
                result.write(vals)
        return results | self.sudo().create(to_create)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _hr_confirmation_refusals(self):
        return (
            self.env._("HR officers confirm yearly results."),
            self.env._("Only yearly results to confirm can be confirmed."),
        )

    def action_confirm(self):
        """HR confirms the yearly results; a 差 proposes a demotion (company setting)."""
        self._check_hr_confirmation()
        results = self.sudo()
        results.write(self._hr_confirmation_values())
        Evaluation = self.env["hr.technical.grade.evaluation"]
        for result in results.filtered(
            lambda r: r.band == rules.FAIL and r.company_id.technical_grade_year_demotion
        ):
            evaluation = Evaluation._propose_demotion(
                result.employee_id,
                "yearly_result",
                self.env._(
                    "the yearly result %(year)s (%(score)s, 差)",
                    year=result.year,
                    score=result.score,
                ),
                result,
            )
            if evaluation:
                result.demotion_evaluation_id = evaluation
        return True

    def action_open_reviews(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reviews of %(result)s", result=self.display_name),
            "res_model": "hr.technical.grade.review",
            "view_mode": "list,form",
            "domain": [("id", "in", self.review_ids.ids)],
            "context": {"create": False},
        }
