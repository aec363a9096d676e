# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import eligibility, scoring
from ..grade_rules.proration import COMPONENTS

# The date of the first salary table of a company (the seed table, and the
# table a migrated database gets from the amounts the ladder held): before
# any payslip the module can have paid.
FIRST_TABLE_DATE = "2000-01-01"

WAGE_GROUPS = "hr_technical_grade.group_technical_grade_user,payroll.group_payroll_user"


class HrTechnicalGrade(models.Model):
    """One rung of a company's technical grade ladder, with its salary table row."""

    _name = "hr.technical.grade"
    _description = "Technical Grade"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short code of the grade, unique in the company (used in reports and payroll).",
    )
    sequence = fields.Integer(
        default=10,
        tracking=True,
        help="Position on the ladder: lower comes first. Promotion goes one grade up.",
    )
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    ladder_id = fields.Many2one(
        "hr.technical.grade.ladder",
        index=True,
        tracking=True,
        check_company=True,
        help="Leave empty for the company's main ladder; grades of a named ladder (e.g. "
        "P1–P8) are promoted within it.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # The rates of the salary table in force today (read-only summary for the
    # ladder; payroll reads the table of each day paid, never these fields).
    # Writing them writes the grade's line of today's table, as long as no
    # confirmed payslip used that table.
    base_wage = fields.Monetary(
        compute="_compute_current_rates",
        inverse="_inverse_current_rates",
        groups=WAGE_GROUPS,
        help="Monthly base wage of an engineer at this grade, in today's salary table.",
    )
    post_wage = fields.Monetary(
        compute="_compute_current_rates",
        inverse="_inverse_current_rates",
        groups=WAGE_GROUPS,
        help="Monthly post (position) wage of an engineer at this grade, in today's salary table.",
    )
    allowance = fields.Monetary(
        string="Grade Allowance",
        compute="_compute_current_rates",
        inverse="_inverse_current_rates",
        groups=WAGE_GROUPS,
        help="Monthly technical grade allowance paid on every payslip, in today's salary table.",
    )
    monthly_total = fields.Monetary(
        compute="_compute_current_rates",
        groups=WAGE_GROUPS,
        help="Base wage + post wage + grade allowance, in today's salary table.",
    )
    is_appointed = fields.Boolean(
        string="Appointed by the Company",
        tracking=True,
        help="The grade is conferred by appointment after passing the evaluation "
        "(senior grades and above): the general manager's approval is required.",
    )
    min_months_in_previous = fields.Integer(
        string="Minimum Months in Previous Grade",
        tracking=True,
        help="Months an engineer must have spent in the grade below before being "
        "promoted to this one.",
    )
    min_experience_years = fields.Integer(
        string="Minimum Years of Experience",
        tracking=True,
        help="Years of professional experience required to reach this grade.",
    )
    min_review_result = fields.Float(
        string="Minimum Recent Review Result",
        tracking=True,
        help="Mean final score the most recent finished periodic reviews must reach to be "
        "promoted to this grade (0: no condition; no review yet is no reason to refuse).",
    )
    review_result_count = fields.Integer(
        string="Recent Reviews Counted",
        default=2,
        tracking=True,
        help="How many of the most recent finished reviews the minimum result is taken over.",
    )
    review_interval_months = fields.Integer(
        string="Review Interval (Months)",
        default=6,
        tracking=True,
        help="How often engineers at this grade are reviewed.",
    )
    evaluation_interval_months = fields.Integer(
        string="Evaluation Cycle (Months)",
        tracking=True,
        help="Engineers at this grade may be evaluated for promotion once in each window of "
        "this many months (calendar periods from January), without a campaign, when the "
        "company turns the per-grade evaluation cycle on. 0: in the yearly campaign only.",
    )
    # Ladders graded by monthly points (seed 000, 积分制): the seed gives no
    # number; the company sets each grade's minimum (ours, empty by default).
    points_graded = fields.Boolean(related="ladder_id.points_graded")
    min_monthly_points = fields.Float(
        string="Minimum Monthly Points",
        digits=(6, 2),
        tracking=True,
        help="On a ladder graded by monthly points: the monthly points that place an employee "
        "at this grade (or higher). The company's number, not the seed's: 0 is not set, and "
        "no placement is computed on the ladder while a grade above the lowest has none. The "
        "lowest grade needs none: every score places there at least.",
    )
    description = fields.Html(translate=True)
    assessment_template_id = fields.Many2one(
        "hr.technical.grade.assessment.template",
        tracking=True,
        help="The assessment form used to evaluate engineers for this grade.",
    )
    employee_count = fields.Integer(compute="_compute_employee_count", string="Engineers")
    # Recertification (等级复审, seed 000): how long a certificate of this grade
    # is valid.  The seeds give no number: the company sets it (e.g. 24 months
    # for senior and expert).
    validity_months = fields.Integer(
        string="Certificate Validity (Months)",
        tracking=True,
        help="How long the grade is held before it must be recertified, counted from the day "
        "it was granted or last recertified. 0: the grade has no validity.",
    )
    recertification_template_id = fields.Many2one(
        "hr.technical.grade.assessment.template",
        string="Recertification Form",
        tracking=True,
        help="The assessment form of a recertification at this grade; empty: the grade's own "
        "assessment form.",
    )
    # The evaluation of this grade (seed 000): the assessment form and the
    # exam parts, each weighing a share of the final score.  The weights are
    # ours: the seed names the parts but gives no weight.
    exam_form_weight = fields.Float(
        string="Assessment Form Weight (%)",
        default=40.0,
        digits=(5, 2),
        tracking=True,
        help="Share of the assessment form's score in the final score of an evaluation for "
        "this grade; the exam parts share the rest.",
    )
    exam_part_ids = fields.One2many(
        "hr.technical.grade.exam.part",
        "grade_id",
        string="Exam Parts",
        copy=True,
        default=lambda self: self._default_exam_parts(),
        help="The exams of an evaluation for this grade, each with its weight in the final "
        "score; the committee members score these parts.",
    )
    exam_weight_total = fields.Float(
        compute="_compute_exam_weight_total",
        store=True,
        digits=(5, 2),
        string="Weights Total (%)",
    )

    @api.model
    def _default_exam_parts(self):
        """The seed's three parts (理论知识 + 现场实操 + 授课) with our weights 20/30/10."""
        return [
            fields.Command.create({"part": part, "weight": weight, "sequence": sequence})
            for sequence, (part, weight) in enumerate(
                zip(scoring.SEED_EXAM_PARTS, (20.0, 30.0, 10.0), strict=True)
            )
        ]

    @api.depends("exam_form_weight", "exam_part_ids.weight")
    def _compute_exam_weight_total(self):
        for grade in self:
            grade.exam_weight_total = grade.exam_form_weight + sum(
                grade.exam_part_ids.mapped("weight")
            )

    @api.constrains("exam_weight_total", "exam_form_weight")
    def _check_exam_weights(self):
        for grade in self:
            weights = [grade.exam_form_weight] + grade.exam_part_ids.mapped("weight")
            try:
                scoring.check_weights(weights)
            except scoring.WeightError as err:
                if err.negative:
                    raise ValidationError(
                        self.env._(
                            "The weights of the evaluation of %(grade)s cannot be negative.",
                            grade=grade.name,
                        )
                    ) from err
                raise ValidationError(
                    self.env._(
                        "The weights of the assessment form and of the exam parts of "
                        "%(grade)s must total 100 %%, not %(total)s %%.",
                        grade=grade.name,
                        total=format(err.total.normalize(), "f"),
                    )
                ) from err

    def _exam_weights(self):
        """``{"assessment": form weight, part: weight}`` of the grade's evaluation.

        Without a grade (a request being filled in), the form alone counts.
        """
        if not self:
            return {"assessment": 100.0}
        self.ensure_one()
        weights = {"assessment": self.exam_form_weight}
        weights.update({part.part: part.weight for part in self.exam_part_ids})
        return weights

    def _log_exam_parts(self):
        """The chatter of a grade says what its exam parts became."""
        for grade in self:
            parts = ", ".join(
                f"{part._label()} {part.weight:g} %" for part in grade.exam_part_ids
            ) or self.env._("none")
            grade.message_post(
                body=self.env._("Exam parts: %(parts)s.", parts=parts),
                subtype_xmlid="mail.mt_note",
            )

    _sql_constraints = [
        (
            "evaluation_interval_positive",
            "CHECK(evaluation_interval_months >= 0)",
            "The evaluation cycle of a grade cannot be negative.",
        ),
        (
            "min_monthly_points_positive",
            "CHECK(min_monthly_points >= 0)",
            "The minimum monthly points of a grade cannot be negative.",
        ),
        (
            "validity_positive",
            "CHECK(validity_months >= 0)",
            "The certificate validity of a grade cannot be negative.",
        ),
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a technical grade must be unique in its company.",
        ),
        (
            "durations_positive",
            "CHECK(min_months_in_previous >= 0 AND min_experience_years >= 0 "
            "AND review_interval_months >= 0 AND review_result_count >= 0 "
            "AND min_review_result BETWEEN 0 AND 100)",
            "Minimum months, years of experience, review interval and reviews counted cannot "
            "be negative; the minimum review result goes from 0 to 100.",
        ),
    ]

    @api.depends_context("company")
    def _compute_current_rates(self):
        today = fields.Date.context_today(self)
        grades = self.filtered("id")
        rates = self.env["hr.technical.grade.salary.table"]._rates_on(grades, today)
        for grade in self:
            values = rates.get(grade) or dict.fromkeys(COMPONENTS, 0.0)
            for name in COMPONENTS:
                grade[name] = values[name]
            grade.monthly_total = sum(values[name] for name in COMPONENTS)

    def _inverse_current_rates(self):
        """Write the amounts into the grade's line of today's salary table.

        A company without a table gets its first one (from 1 January 2000),
        and a grade without a line in today's table gets one.  A table that
        a confirmed payslip used refuses the change: prepare a new version.
        """
        today = fields.Date.context_today(self)
        Table = self.env["hr.technical.grade.salary.table"]
        Line = self.env["hr.technical.grade.salary.table.line"]
        for grade in self:
            chain = Table._table_chains(grade.company_id, today, today)[grade.company_id.id]
            table = (
                chain[0].value.with_env(self.env)
                if chain
                else Table.create(
                    {
                        "name": self.env._("Salary Table"),
                        "company_id": grade.company_id.id,
                        "date_from": FIRST_TABLE_DATE,
                        "state": "active",
                    }
                )
            )
            values = {name: grade[name] for name in COMPONENTS}
            line = Line.search([("table_id", "=", table.id), ("grade_id", "=", grade.id)])
            if line:
                line.write(values)
            else:
                Line.create({"table_id": table.id, "grade_id": grade.id, **values})

    def _compute_employee_count(self):
        # Head counts are not personal data: count across the access rules.
        counts = dict(
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [("technical_grade_id", "in", self.ids)],
                groupby=["technical_grade_id"],
                aggregates=["__count"],
            )
        )
        for grade in self:
            grade.employee_count = counts.get(grade, 0)

    def _ladder(self):
        """The active grades of the same company and ladder, in ladder order."""
        self.ensure_one()
        return self.search(
            [("company_id", "=", self.company_id.id), ("ladder_id", "=", self.ladder_id.id)],
            order="sequence, id",
        )

    def _promotion_problems(self, standing, current_rank, target_rank):
        """What keeps an engineer of ``standing`` from promotion to this grade.

        ``standing`` is what ``hr.employee._technical_grade_standing`` says;
        the ranks are places on the ladder (None: not graded).
        """
        self.ensure_one()
        return eligibility.promotion_problems(
            current_rank,
            target_rank,
            standing["months_in_grade"],
            self.min_months_in_previous,
            standing["experience_years"],
            self.min_experience_years,
            standing["recent_results"][: self.review_result_count],
            self.min_review_result,
            standing.get("no_raise_reviews", ()),
        )

    def _recertification_template(self):
        """The assessment form of a recertification at this grade."""
        self.ensure_one()
        return self.recertification_template_id or self.assessment_template_id

    def _get_next_grade(self):
        """The grade one step up the ladder, or an empty recordset at the top."""
        self.ensure_one()
        ladder = self._ladder()
        index = list(ladder).index(self) if self in ladder else -1
        return ladder[index + 1 : index + 2] if index >= 0 else self.browse()

    def _get_previous_grade(self):
        """The grade one step down the ladder, or an empty recordset at the bottom."""
        self.ensure_one()
        ladder = self._ladder()
        index = list(ladder).index(self) if self in ladder else -1
        return ladder[index - 1 : index] if index > 0 else self.browse()

    def action_view_employees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr.open_view_employee_list_my")
        action.update(
            {
                "domain": [("technical_grade_id", "=", self.id)],
                "context": {"default_company_id": self.company_id.id},
                "name": self.env._("Engineers at %(grade)s", grade=self.display_name),
            }
        )
        return action
