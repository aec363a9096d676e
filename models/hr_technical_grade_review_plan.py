# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..grade_rules import scoring

OFFICER = "hr_technical_grade.group_technical_grade_officer"
OPENING_CRON = "hr_technical_grade.ir_cron_open_review_batches"
# Engineers whose review is opened per batch of the opening cron (one transaction each).
BATCH_SIZE = 200
# Key of the transaction cache (``cr.cache``): the ids of the plans whose
# results-form dimension weights are checked at the end of the plan save in
# progress.  Server state, out of the reach of clients (unlike the context).
DIMENSION_CHECKS_KEY = "hr_technical_grade.dimension_weight_checks"

PERIOD_TYPES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("grade", "Per grade interval"),
]


class HrTechnicalGradeReviewPlan(models.Model):
    """How a company reviews its engineers: period, indicators and weights."""

    _name = "hr.technical.grade.review.plan"
    _description = "Technical Grade Review Plan"
    _inherit = ["hr.technical.grade.chatter.mixin", "hr.technical.grade.batch.opening.mixin"]
    _opening_queue_model = "hr.technical.grade.review.pending"
    _opening_queue_field = "plan_id"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    period_type = fields.Selection(
        PERIOD_TYPES,
        required=True,
        default="monthly",
        tracking=True,
        help="Per grade interval: each engineer is reviewed as often as the review interval "
        "of their grade says.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Departments the scheduled opening covers; empty: every graded engineer.",
    )
    auto_open = fields.Boolean(
        string="Open on Schedule",
        default=True,
        help="The scheduled action opens the reviews of each new period.",
    )
    hr_user_id = fields.Many2one(
        "res.users",
        string="HR Responsible",
        domain=[("share", "=", False)],
        help="Handles appeals with the direct superior.",
    )
    kpi_ids = fields.Many2many("hr.technical.grade.kpi", string="KPI Indicators")
    kpi_use_start = fields.Boolean(
        string="KPI from a Starting Score",
        tracking=True,
        help="Off (the KPI sheet's rule): the KPI total is the items' points plus every "
        "adjustment. On: it starts from the starting score instead.",
    )
    kpi_start_score = fields.Float(
        string="KPI Starting Score",
        default=80.0,
        tracking=True,
        help="With a starting score only: the KPI total before entries.",
    )
    # Seed 003: the band is taken on the 综合考核分 (the 360° ability) alone.  A
    # company may blend in the KPI sheet and the results form; the review form
    # then shows each part's weight and score.
    weight_kpi = fields.Float(string="KPI Weight (%)", default=0.0, tracking=True)
    weight_results = fields.Float(string="Results Form Weight (%)", default=0.0, tracking=True)
    weight_360 = fields.Float(string="360° Ability Weight (%)", default=100.0, tracking=True)
    weight_superior = fields.Float(string="Superior Weight (%)", default=40.0, tracking=True)
    weight_peers = fields.Float(string="Peers Weight (%)", default=30.0, tracking=True)
    weight_subordinates = fields.Float(
        string="Subordinates Weight (%)", default=30.0, tracking=True
    )
    weight_self = fields.Float(
        string="Self-assessment Weight (%)",
        default=0.0,
        tracking=True,
        help="Seed 000 names self-assessment besides the superior and the colleagues. Above 0, "
        "each engineer scores themself and that score weighs this share of the 360° ability; "
        "the reviewers weigh the rest. 0: no self-assessment.",
    )
    weight_superior_single = fields.Float(
        string="Superior Weight with One Group (%)",
        default=60.0,
        tracking=True,
        help="The superior's weight when peers or subordinates are missing; the remaining "
        "group weighs the rest. Without either, the superior weighs 100 %.",
    )

    results_dimension_ids = fields.One2many(
        "hr.technical.grade.review.dimension",
        "plan_id",
        string="Results Form Dimensions",
        copy=True,
        help="Seed 003: staff are assessed on their individual results and attitude (their "
        "ability is the 360° part), a department head on the department's goals, its "
        "operating results and their management results. Empty: the superior enters one "
        "results-form score.",
    )

    # The opening of a period, done by the cron in batches (see the batch opening mixin).
    opening_created_count = fields.Integer(readonly=True, copy=False, groups=OFFICER)

    # What scores a review: fixed once a review past its draft used it.
    _scoring_fields = frozenset(
        {
            "kpi_use_start",
            "kpi_start_score",
            "weight_kpi",
            "weight_results",
            "weight_360",
            "weight_superior",
            "weight_peers",
            "weight_subordinates",
            "weight_superior_single",
            "weight_self",
        }
    )

    @api.model_create_multi
    def create(self, vals_list):
        with self._dimension_weights_checked_once():
            return super().create(vals_list)

    def action_open_year_results(self):
        """HR computes the plan's yearly results from its finished reviews and opens them."""
        if not self.env.user.has_group("hr_technical_grade.group_technical_grade_officer"):
            raise AccessError(self.env._("HR officers compute yearly results."))
        results = self.env["hr.technical.grade.year.result"]._compute_for_plans(self)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_year_result_action"
        )
        action["domain"] = [("id", "in", results.ids)]
        return action

    def action_open_points_placements(self):
        """HR computes the points placements of the plan's finished months and opens them."""
        if not self.env.user.has_group("hr_technical_grade.group_technical_grade_officer"):
            raise AccessError(self.env._("HR officers compute points placements."))
        placements = self.env["hr.technical.grade.points.placement"]._compute_for_plans(self)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_points_placement_action"
        )
        action["domain"] = [("id", "in", placements.ids)]
        return action

    @contextmanager
    def _dimension_weights_checked_once(self):
        """Check the dimension weights of the plans changed in the block once, at its end.

        A plan form saves several dimensions at once: each of their own checks
        would see the weights half-changed.  Nested blocks leave the check to
        the outermost one.
        """
        cache = self.env.cr.cache
        if DIMENSION_CHECKS_KEY in cache:
            yield
            return
        cache[DIMENSION_CHECKS_KEY] = set()
        try:
            yield
            pending = cache[DIMENSION_CHECKS_KEY]
        finally:
            del cache[DIMENSION_CHECKS_KEY]
        self.browse(pending).exists()._check_dimension_weights()

    def _check_dimension_weights_soon(self):
        """Check the dimension weights now, or at the end of the plan save in progress."""
        pending = self.env.cr.cache.get(DIMENSION_CHECKS_KEY)
        if pending is None:
            self._check_dimension_weights()
        else:
            pending.update(self.ids)

    def write(self, vals):
        if self._scoring_fields & set(vals):
            used = (
                self.env["hr.technical.grade.review"]
                .sudo()
                ._read_group(
                    [("plan_id", "in", self.ids), ("state", "!=", "draft")],
                    ["plan_id"],
                    ["__count"],
                )
            )
            if used:
                plan, count = used[0]
                raise UserError(
                    self.env._(
                        "%(plan)s scored %(count)s review(s) in approval or finished, whose "
                        "results stay as approved: its weights and starting score are fixed. "
                        "Archive it and create a new plan for the next periods.",
                        plan=plan.name,
                        count=count,
                    )
                )
        with self._dimension_weights_checked_once():
            return super().write(vals)

    @api.constrains("results_dimension_ids")
    def _check_dimension_weights(self, dimensions=None):
        """The dimensions of each audience weigh 100 % (``dimensions``: those left)."""
        Dimension = self.env["hr.technical.grade.review.dimension"]
        audiences = Dimension._fields["audience"]._description_selection(self.env)
        for plan in self:
            kept = plan.results_dimension_ids if dimensions is None else dimensions
            kept = kept.filtered(lambda d, p=plan: d.plan_id == p)
            for audience, label in audiences:
                weights = kept.filtered(lambda d, a=audience: d.audience == a).mapped("weight")
                if weights and abs(sum(weights) - 100) > 0.001:
                    raise ValidationError(
                        self.env._(
                            "%(plan)s: the results-form dimensions of %(audience)s weigh "
                            "%(total)s %%, not 100 %%.",
                            plan=plan.name,
                            audience=label,
                            total=round(sum(weights), 2),
                        )
                    )

    @api.constrains("weight_kpi", "weight_results", "weight_360")
    def _check_part_weights(self):
        for plan in self:
            plan._check_total(
                [plan.weight_kpi, plan.weight_results, plan.weight_360],
                self.env._("KPI, results form and 360° ability"),
            )

    @api.constrains("weight_superior", "weight_peers", "weight_subordinates")
    def _check_group_weights(self):
        for plan in self:
            plan._check_total(
                [plan.weight_superior, plan.weight_peers, plan.weight_subordinates],
                self.env._("superior, peers and subordinates"),
            )

    @api.constrains("weight_superior_single", "kpi_start_score", "weight_self")
    def _check_single_weight(self):
        for plan in self:
            if not (
                0 <= plan.weight_superior_single <= 100
                and 0 <= plan.kpi_start_score <= 100
                and 0 <= plan.weight_self <= 100
            ):
                raise ValidationError(
                    self.env._("Weights and the KPI starting score go from 0 to 100.")
                )

    def _check_total(self, weights, what):
        try:
            scoring.check_weights(weights)
        except scoring.WeightError as err:
            if err.negative:
                message = self.env._(
                    "The weights of %(what)s cannot be negative.",
                    what=what,
                )
            else:
                message = self.env._(
                    "The weights of %(what)s must total 100 %%, not %(total)s %%.",
                    what=what,
                    total=format(err.total.normalize(), "f"),
                )
            raise ValidationError(message) from err

    def _group_weights(self):
        self.ensure_one()
        return {
            "superior": self.weight_superior,
            "peers": self.weight_peers,
            "subordinates": self.weight_subordinates,
        }

    def _period_of(self, day):
        """The (start, end) of the monthly or quarterly period containing ``day``."""
        self.ensure_one()
        if self.period_type == "quarterly":
            start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
            return start, start + relativedelta(months=3, days=-1)
        start = day.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    def _employees_to_review(self):
        """The graded employees of the plan's company (and departments)."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("technical_grade_id", "!=", False),
        ]
        if self.department_ids:
            domain.append(("department_id", "in", self.department_ids.ids))
        return self.env["hr.employee"].sudo().search(domain)

    def _open_reviews(self, employees, day):
        """Open the reviews of the period containing ``day`` for ``employees``.

        Employees who already have a review of this plan starting in that
        period are skipped; everything is created in one batch.
        """
        self.ensure_one()
        Review = self.env["hr.technical.grade.review"]
        if self.period_type == "grade":
            return self._open_due_reviews(employees, day)
        start, end = self._period_of(day)
        existing = Review.sudo().search(
            [
                ("plan_id", "=", self.id),
                ("employee_id", "in", employees.ids),
                ("period_start", "=", start),
            ]
        )
        todo = employees - existing.employee_id
        return Review._create_batch(self, [(employee, start, end) for employee in todo])

    def _open_due_reviews(self, employees, day):
        """Per grade interval: a review when the last one ended (or there is none)."""
        return self.env["hr.technical.grade.review"]._create_batch(
            self, self._due_periods(employees, day)
        )

    def _due_periods(self, employees, day):
        """Per grade interval: the (employee, start, end) of the reviews due on ``day``."""
        Review = self.env["hr.technical.grade.review"]
        last_end = dict(
            Review.sudo()._read_group(
                [("plan_id", "=", self.id), ("employee_id", "in", employees.ids)],
                groupby=["employee_id"],
                aggregates=["period_end:max"],
            )
        )
        periods = []
        for employee in employees:
            months = employee.technical_grade_id.review_interval_months or 6
            previous = last_end.get(employee)
            start = previous + relativedelta(days=1) if previous else day.replace(day=1)
            if start > day:
                continue
            periods.append((employee, start, start + relativedelta(months=months, days=-1)))
        return periods

    @api.model
    def _cron_open_reviews(self):
        """Queue the reviews of the current period for every scheduled plan;
        the opening cron opens them in batches."""
        today = fields.Date.context_today(self)
        for plan in self.search([("auto_open", "=", True)]):
            plan._queue_reviews(plan._employees_to_review(), today)

    # ------------------------------------------------------------------
    # Opening, in batches of the cron
    # ------------------------------------------------------------------

    def _queue_reviews(self, employees, day):
        """Queue ``employees`` for the reviews of the period containing ``day``
        and wake the opening cron up.  Returns how many were queued.

        An opening in progress takes the new engineers in (another department
        may be opened meanwhile); the engineers already queued for ``day``, or
        who already have the period's review (per grade interval: whose review
        is not due), are left out.
        """
        self.ensure_one()
        Pending = self.env["hr.technical.grade.review.pending"].sudo()
        queued = Pending.search(
            [("plan_id", "=", self.id), ("day", "=", day), ("employee_id", "in", employees.ids)]
        ).employee_id
        employees -= queued
        if self.period_type == "grade":
            employees = employees.browse(
                [employee.id for employee, _s, _e in self._due_periods(employees, day)]
            )
        else:
            start, _end = self._period_of(day)
            employees -= (
                self.env["hr.technical.grade.review"]
                .sudo()
                .search(
                    [
                        ("plan_id", "=", self.id),
                        ("employee_id", "in", employees.ids),
                        ("period_start", "=", start),
                    ]
                )
                .employee_id
            )
        if not employees:
            return 0
        plan = self.sudo()
        Pending.create(
            [{"plan_id": self.id, "employee_id": employee.id, "day": day} for employee in employees]
        )
        opening = plan.is_opening
        plan.write(
            {
                "is_opening": True,
                "opened_by_id": self.env.uid,
                "opening_total": (plan.opening_total if opening else 0) + len(employees),
                "opening_created_count": plan.opening_created_count if opening else 0,
            }
        )
        self.env.ref(OPENING_CRON).sudo()._trigger()
        return len(employees)

    @api.model
    def _cron_open_review_batches(self, batch_size=BATCH_SIZE):
        """Open the reviews of the next batch of queued engineers of a plan
        (see the batch opening mixin).  A retried batch skips the reviews that
        exist (``_open_reviews``) and the database holds one review per
        employee, plan and period.  Returns how many engineers were processed.
        """
        return self._cron_open_next_batch(batch_size)

    def _open_queued(self, queued):
        # One queue day per call: the batch is one period (most often the only one).
        queued = queued.filtered(lambda pending: pending.day == queued[0].day)
        reviews = self._open_reviews(queued.employee_id, queued[0].day)
        self.sudo().opening_created_count += len(reviews)
        return queued

    def _opening_summary(self):
        plan = self.sudo()
        return self.env._(
            "Reviews opened: %(created)s reviews created, %(skipped)s engineers skipped "
            "(their review of the period exists or is not due).",
            created=plan.opening_created_count,
            skipped=plan.opening_total - plan.opening_created_count,
        )
