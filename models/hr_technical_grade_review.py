# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

import logging
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import is_html_empty

from ..grade_rules import consequences as consequence_rules
from ..grade_rules import kpi as kpi_rules
from ..grade_rules import review as rules
from .hr_technical_grade_evaluation import OPEN_STATES

_logger = logging.getLogger(__name__)

OFFICER = "hr_technical_grade.group_technical_grade_officer"
APPEAL_ACTIVITY = "hr_technical_grade.mail_activity_review_appeal"
FEEDBACK_ACTIVITY = "hr_technical_grade.mail_activity_review_feedback"
BANDS = [
    (rules.EXCELLENT, "优 Excellent"),
    (rules.GOOD, "良 Good"),
    (rules.AVERAGE, "中 Average"),
    (rules.POOR, "较差 Poor"),
    (rules.FAIL, "差 Fail"),
]
# What the superior (or the department head) fills in on an open review.
SUPERIOR_FIELDS = {
    "results_score",
    "results_line_ids",
    "results_comment",
    "kpi_checked",
    "line_ids",
    "note",
    "appeal_handling",
}
# What the workflow writes (submit, approve, return, finish, appeal), never a client.
WORKFLOW_FIELDS = {
    "state",
    "done_date",
    "approval_ids",
    "pending_approver_ids",
    "kpi_score",
    "reviewer_count",
    "reviewers_done",
    "superior_score",
    "peers_score",
    "subordinates_score",
    "score_360",
    "computed_score",
    "results_scored",
    "score_override",
    "score_overridden",
    "final_score",
    "band",
    "failed",
    "no_raise",
    "year_score",
    "year_band",
    "demotion_evaluation_id",
    "appeal_state",
    "appeal_reason",
    "appeal_decision",
    "appeal_escalation",
    "appeal_gm_decision",
}
WORKFLOW_DEFAULTS = {"state": "draft", "appeal_state": "none"}
# What HR still records on a review past its draft: its decision on the lowest
# result, notes and the handling of an appeal.
HR_DECISION_FIELDS = {
    "improvement_plan",
    "hr_decision",
    "hr_decision_note",
    "note",
    "appeal_handling",
    "raise_exception",
    "raise_exception_reason",
}


class HrTechnicalGradeReview(models.Model):
    """The periodic performance review of one employee for one period.

    KPI entries, the results form scored by the superior and the 360° ability
    scores combine, with the plan's weights, into the final score and its
    band.  A finished review shows its consequences: no raise this cycle,
    a demotion proposal, a place among the lowest of the department.
    """

    _name = "hr.technical.grade.review"
    _description = "Technical Grade Performance Review"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.approval.mixin",
    ]
    _order = "period_start desc, employee_id, id"
    _approval_activity_type = "hr_technical_grade.mail_activity_review_approval"
    # A review is not rejected: an approver sends it back to the superior.
    _approval_rejected_state = None
    _state_transitions = {
        ("draft", "submitted"): "submit",
        ("submitted", "done"): "approve",
        ("submitted", "draft"): "send_back",
        ("cancel", "draft"): "reopen",
        ("draft", "cancel"): "cancel",
        ("submitted", "cancel"): "cancel",
    }
    _workflow_fields = frozenset(WORKFLOW_FIELDS)
    _workflow_defaults = WORKFLOW_DEFAULTS

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan", required=True, ondelete="restrict", index=True
    )
    improvement_plan = fields.Html(
        copy=False,
        help="The superior's feedback after the assessment, with the improvement plan agreed "
        "with the engineer (seed 000): written once the review is finished.",
    )
    superior_user_id = fields.Many2one(
        "res.users",
        compute="_compute_deciders",
        store=True,
        help="The user of the employee's direct superior.",
    )
    appeal_decider_user_id = fields.Many2one(
        "res.users",
        compute="_compute_deciders",
        store=True,
        string="Appeal Decided By",
        help="The manager two levels up, who decides appeals.",
    )
    period_type = fields.Selection(related="plan_id.period_type", store=True)
    period_start = fields.Date(required=True, index=True)
    period_end = fields.Date(required=True)
    period = fields.Char(compute="_compute_period", store=True, help="Month or quarter.")
    year = fields.Char(compute="_compute_period", store=True, index=True)
    state = fields.Selection(
        [
            ("draft", "Open"),
            ("submitted", "In Approval"),
            ("done", "Finished"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "hr.technical.grade.review.line", "review_id", string="KPI Entries", copy=True
    )
    reviewer_ids = fields.One2many(
        "hr.technical.grade.review.reviewer",
        "review_id",
        string="360° Reviewers",
        groups=OFFICER,
    )
    reviewer_count = fields.Integer(compute="_compute_360", store=True)
    reviewers_done = fields.Integer(compute="_compute_360", store=True)
    results_score = fields.Float(
        string="Results Form", digits=(5, 2), tracking=True, help="Scored by the superior."
    )
    results_scored = fields.Boolean(
        string="Results Form Scored",
        readonly=True,
        copy=False,
        help="The superior entered the results form: until then it is missing, never 0.",
    )
    results_line_ids = fields.One2many(
        "hr.technical.grade.review.result",
        "review_id",
        string="Results Form Dimensions",
        copy=False,
        help="The dimensions the superior scores (seed 003): the staff's individual results "
        "and attitude, or the head's department goals, operating results and management "
        "results. With dimensions, the results form is their weighted total.",
    )
    results_comment = fields.Text(string="Superior's Opinion")
    kpi_checked = fields.Boolean(
        string="KPI Sheet Checked",
        tracking=True,
        copy=False,
        help="The superior checked the KPI entries of the period: until then the KPI sheet "
        "is missing.",
    )
    # Parts HR takes out, with the reason (logged in the chatter): their weight
    # is shared out over the parts that remain.
    kpi_excluded = fields.Boolean(string="KPI Sheet Taken Out", tracking=True, copy=False)
    results_excluded = fields.Boolean(string="Results Form Taken Out", tracking=True, copy=False)
    ability_excluded = fields.Boolean(string="360° Ability Taken Out", tracking=True, copy=False)
    exclusion_reason = fields.Text(string="Why Parts Are Taken Out", tracking=True, copy=False)
    weight_kpi_applied = fields.Float(
        string="KPI Weight Applied (%)", compute="_compute_applied_weights", digits=(5, 2)
    )
    weight_results_applied = fields.Float(
        string="Results Form Weight Applied (%)",
        compute="_compute_applied_weights",
        digits=(5, 2),
    )
    weight_360_applied = fields.Float(
        string="360° Ability Weight Applied (%)",
        compute="_compute_applied_weights",
        digits=(5, 2),
    )
    missing_parts = fields.Char(
        compute="_compute_missing_parts",
        help="The parts that weigh and are not scored yet: the review cannot be submitted.",
    )
    kpi_score = fields.Float(string="KPI Score", compute="_compute_kpi", store=True, digits=(5, 2))
    superior_score = fields.Float(compute="_compute_360", store=True, digits=(5, 2), groups=OFFICER)
    peers_score = fields.Float(compute="_compute_360", store=True, digits=(5, 2), groups=OFFICER)
    subordinates_score = fields.Float(
        compute="_compute_360", store=True, digits=(5, 2), groups=OFFICER
    )
    score_360 = fields.Float(
        string="360° Ability", compute="_compute_360", store=True, digits=(5, 2)
    )
    computed_score = fields.Float(
        compute="_compute_final",
        store=True,
        digits=(5, 2),
        help="Σ part weight × part score, shown with two decimals; the band is taken on the "
        "exact value.",
    )
    score_override = fields.Float(
        string="Score after Appeal", digits=(5, 2), tracking=True, copy=False
    )
    score_overridden = fields.Boolean(copy=False, tracking=True)
    final_score = fields.Float(
        compute="_compute_final", store=True, digits=(5, 2), tracking=True, aggregator="avg"
    )
    band = fields.Selection(BANDS, compute="_compute_final", store=True, tracking=True)
    failed = fields.Boolean(
        compute="_compute_final",
        store=True,
        help="Band 差, or below the company's review pass mark.",
    )
    no_raise = fields.Boolean(
        string="No Raise This Cycle", compute="_compute_final", store=True, tracking=True
    )
    year_score = fields.Float(
        string="Yearly Result",
        compute="_compute_year_result",
        digits=(5, 2),
        help="Mean of the employee's finished reviews of the year in this plan (the quarters, "
        "seed 003).",
    )
    year_band = fields.Selection(BANDS, string="Yearly Band", compute="_compute_year_result")
    consequence = fields.Text(compute="_compute_consequence")
    demotion_evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        string="Demotion Proposal",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    hr_decision = fields.Selection(
        [
            ("retain", "Retain"),
            ("training", "Unpaid stand-by training"),
            ("reassign", "Reassign"),
            ("dismiss", "Dismiss"),
        ],
        string="HR Decision",
        tracking=True,
        copy=False,
        help="For the lowest results of a department.",
    )
    hr_decision_note = fields.Text(string="HR Decision Note", tracking=True, copy=False)
    raise_exception = fields.Selection(
        [("general", "General raise"), ("post_gap", "Raise balancing post gaps")],
        tracking=True,
        copy=False,
        help="Seed 003: a 中 or 较差 result gets no raise this cycle, except a general raise or "
        "a raise that balances post gaps. HR records the exception with its reason.",
    )
    raise_exception_reason = fields.Text(tracking=True, copy=False)
    pay_step_ids = fields.One2many(
        "hr.technical.grade.pay.step", "review_id", string="Pay Steps", readonly=True
    )
    standby_ids = fields.One2many(
        "hr.technical.grade.standby", "review_id", string="Stand-by Training", readonly=True
    )
    reward_ids = fields.One2many(
        "hr.technical.grade.reward", "review_id", string="Rewards", readonly=True
    )
    note = fields.Html(string="Notes")
    done_date = fields.Date(string="Finished On", readonly=True, copy=False)
    appeal_deadline = fields.Date(compute="_compute_appeal_deadline")
    appeal_state = fields.Selection(
        [
            ("none", "No Appeal"),
            ("open", "Appealed"),
            ("escalated", "With the GM Office"),
            ("decided", "Appeal Decided"),
        ],
        default="none",
        required=True,
        tracking=True,
        copy=False,
    )
    appeal_reason = fields.Text(tracking=True, copy=False)
    appeal_handling = fields.Text(
        copy=False,
        help="What HR and the direct superior found while handling the appeal.",
    )
    appeal_decision = fields.Text(tracking=True, copy=False)
    appeal_escalation = fields.Text(
        string="Why the GM Office Mediates",
        tracking=True,
        copy=False,
        help="What the department could not settle (seed 003, 第7条): the general manager's "
        "office mediates and decides.",
    )
    appeal_gm_decision = fields.Text(string="GM Office Decision", tracking=True, copy=False)
    pending_approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_review_pending_approver_rel",
        "review_id",
        "user_id",
        compute="_compute_pending_approvers",
        store=True,
        string="Waiting For",
    )
    # What the superior scores the results form on (seed 003, 第12条): the
    # period's daily work logs and the work-target plan in force.
    work_log_count = fields.Integer(
        string="Work Logs", compute="_compute_work_logs", help="The daily work logs of the period."
    )
    work_log_unchecked_count = fields.Integer(
        string="Work Logs Not Checked",
        compute="_compute_work_logs",
        help="The period's work logs the superior has not checked yet.",
    )
    work_plan_id = fields.Many2one(
        "hr.technical.grade.work.plan",
        string="Work Plan in Force",
        compute="_compute_work_plan",
        help="The approved version of the employee's work-target plan for the period.",
    )
    work_plan_version = fields.Integer(compute="_compute_work_plan")

    _sql_constraints = [
        (
            "employee_period_unique",
            "UNIQUE(employee_id, plan_id, period_start)",
            "An employee has one review per plan and period.",
        ),
        (
            "scores_in_range",
            "CHECK(results_score BETWEEN 0 AND 100 AND score_override BETWEEN 0 AND 100)",
            "Scores go from 0 to 100.",
        ),
        ("period_order", "CHECK(period_start <= period_end)", "A period ends after it starts."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("employee_id.parent_id.user_id", "employee_id.parent_id.parent_id.user_id")
    def _compute_deciders(self):
        for review in self:
            superior = review.employee_id.parent_id
            review.superior_user_id = superior.user_id
            review.appeal_decider_user_id = superior.parent_id.user_id

    @api.depends("employee_id", "period_start", "period_end")
    def _compute_work_logs(self):
        """The logs of each review's employee and period, counted in one query.

        Counted as the superuser: a count is no log's content, and the
        approvers of a review see how complete the period's logs are.
        """
        dated = self.filtered(lambda r: r.employee_id and r.period_start and r.period_end)
        by_employee = defaultdict(list)
        if dated:
            groups = (
                self.env["hr.technical.grade.work.log"]
                .sudo()
                ._read_group(
                    [
                        ("employee_id", "in", dated.employee_id.ids),
                        ("date", ">=", min(dated.mapped("period_start"))),
                        ("date", "<=", max(dated.mapped("period_end"))),
                    ],
                    groupby=["employee_id", "date:day", "state"],
                    aggregates=["__count"],
                )
            )
            for employee, day, state, count in groups:
                by_employee[employee.id].append((fields.Date.to_date(day), state, count))
        for review in self:
            logs = [
                (state, count)
                for day, state, count in by_employee.get(review.employee_id.id, [])
                if review in dated and review.period_start <= day <= review.period_end
            ]
            review.work_log_count = sum(count for _state, count in logs)
            review.work_log_unchecked_count = sum(
                count for state, count in logs if state != "checked"
            )

    @api.depends("employee_id", "period_start", "period_end")
    def _compute_work_plan(self):
        """The plan in force: the approved version for the review, else for its period."""
        dated = self.filtered(lambda r: r.employee_id and r.period_start and r.period_end)
        plans = self.env["hr.technical.grade.work.plan"]
        if dated:
            plans = plans.sudo().search(
                [
                    ("employee_id", "in", dated.employee_id.ids),
                    ("state", "=", "approved"),
                    ("period_start", "<=", max(dated.mapped("period_end"))),
                    ("period_end", ">=", min(dated.mapped("period_start"))),
                ]
            )
        for review in self:
            candidates = plans.filtered(
                lambda p, r=review: p.employee_id == r.employee_id
                and p.period_start <= r.period_end
                and p.period_end >= r.period_start
            )
            plan = (
                candidates.filtered(lambda p, r=review: p.review_id == r)[:1]
                or (candidates.sorted(lambda p: (p.period_start, p.version), reverse=True)[:1])
            )
            review.work_plan_id = plan.with_env(self.env)
            review.work_plan_version = plan.version

    @api.depends("period_start", "period_type")
    def _compute_period(self):
        for review in self:
            start = review.period_start
            review.year = start and str(start.year)
            if not start:
                review.period = False
            elif review.period_type == "quarterly":
                review.period = f"{start.year} Q{(start.month - 1) // 3 + 1}"
            else:
                review.period = f"{start.year}-{start.month:02d}"

    @api.depends(
        "line_ids.adjustment",
        "line_ids.occurrences",
        "line_ids.amount",
        "line_ids.value",
        "line_ids.kpi_id.points",
        "line_ids.kpi_id.rule_kind",
        "plan_id.kpi_use_start",
        "plan_id.kpi_start_score",
        "company_id.technical_grade_kpi_ceiling",
    )
    def _compute_kpi(self):
        for review in self:
            review.kpi_score = float(rules.round_amount(review._kpi_total()))

    def _kpi_total(self):
        """The exact KPI total (seed 000): the items' points plus every adjustment."""
        self.ensure_one()
        entries = []
        for line in self.line_ids:
            try:
                points = line._points()
            except kpi_rules.KpiError:
                points = line.adjustment
            entries.append((line.kpi_id._rule(), points))
        plan = self.plan_id
        return kpi_rules.kpi_total(
            entries,
            start=plan.kpi_start_score if plan.kpi_use_start else None,
            ceiling=(self.company_id or self.env.company).technical_grade_kpi_ceiling or None,
        )

    @api.depends(
        "reviewer_ids.score",
        "reviewer_ids.state",
        "reviewer_ids.role",
        "plan_id.weight_superior",
        "plan_id.weight_peers",
        "plan_id.weight_subordinates",
        "plan_id.weight_superior_single",
        "plan_id.weight_self",
    )
    def _compute_360(self):
        """The group means (HR's), and the 360° result once every reviewer has scored.

        A partial result would show, to whoever polls it during the review,
        the score of each reviewer as they submit it.
        """
        for review in self:
            reviewers = review.sudo().reviewer_ids
            done = reviewers.filtered(lambda r: r.state == "done")
            scores = defaultdict(list)
            for reviewer in done:
                scores[reviewer.role].append(reviewer.score)
            means = {role: rules.mean(values) for role, values in scores.items()}
            review.reviewer_count = len(reviewers)
            review.reviewers_done = len(done)
            review.superior_score = float(means.get(rules.SUPERIOR) or 0)
            review.peers_score = float(means.get(rules.PEERS) or 0)
            review.subordinates_score = float(means.get(rules.SUBORDINATES) or 0)
            result = review._exact_360()
            review.score_360 = float(rules.round_amount(result)) if result is not None else 0.0

    @api.depends(
        "plan_id.weight_kpi",
        "plan_id.weight_results",
        "plan_id.weight_360",
        "kpi_excluded",
        "results_excluded",
        "ability_excluded",
    )
    def _compute_applied_weights(self):
        for review in self:
            applied = review._applied_weights()
            review.weight_kpi_applied = float(applied[rules.KPI])
            review.weight_results_applied = float(applied[rules.RESULTS])
            review.weight_360_applied = float(applied[rules.ABILITY])

    def _applied_weights(self):
        """The weights the parts count with: those HR took out are shared out."""
        self.ensure_one()
        plan = self.plan_id
        excluded = {
            part
            for part, out in (
                (rules.KPI, self.kpi_excluded),
                (rules.RESULTS, self.results_excluded),
                (rules.ABILITY, self.ability_excluded),
            )
            if out
        }
        return rules.applied_weights(
            {
                rules.KPI: plan.weight_kpi,
                rules.RESULTS: plan.weight_results,
                rules.ABILITY: plan.weight_360,
            },
            excluded,
        )

    def _exact_kpi(self):
        """The exact KPI total of the entries, or None while the sheet is not complete."""
        self.ensure_one()
        if not self.kpi_checked or self.line_ids.filtered("evidence_missing"):
            return None
        return self._kpi_total()

    def _exact_360(self):
        """The exact 综合考核分 once every reviewer scored; None without reviewers."""
        self.ensure_one()
        reviewers = self.sudo().reviewer_ids
        if not reviewers or reviewers.filtered(lambda r: r.state != "done"):
            return None
        scores = defaultdict(list)
        for reviewer in reviewers:
            scores[reviewer.role].append(reviewer.score)
        plan = self.plan_id
        score = rules.score_360(
            scores, plan._group_weights(), single_superior=plan.weight_superior_single, digits=None
        )
        return rules.with_self_assessment(
            score, rules.mean(scores.get(rules.SELF) or []), plan.weight_self
        )

    def _exact_parts(self):
        """{part: exact score or None (missing)} of the review."""
        self.ensure_one()
        return {
            rules.KPI: self._exact_kpi(),
            rules.RESULTS: self.results_score if self.results_scored else None,
            rules.ABILITY: self._exact_360(),
        }

    def _exact_score(self):
        """The exact score the band is taken on; None while a part that weighs is missing."""
        self.ensure_one()
        if self.score_overridden:
            return kpi_rules.to_decimal(self.score_override)
        try:
            return rules.composite(self._applied_weights(), self._exact_parts())
        except rules.MissingPart:
            return None

    def _part_labels(self):
        return {
            rules.KPI: self.env._("KPI sheet"),
            rules.RESULTS: self.env._("results form"),
            rules.ABILITY: self.env._("360° ability"),
        }

    @api.depends(
        "kpi_score",
        "kpi_checked",
        "line_ids.evidence_missing",
        "results_score",
        "results_scored",
        "score_360",
        "reviewers_done",
        "reviewer_count",
        "score_override",
        "score_overridden",
        "kpi_excluded",
        "results_excluded",
        "ability_excluded",
        "plan_id.weight_kpi",
        "plan_id.weight_results",
        "plan_id.weight_360",
        "company_id.technical_grade_band_excellent",
        "company_id.technical_grade_band_good",
        "company_id.technical_grade_band_average",
        "company_id.technical_grade_band_poor",
        "company_id.technical_grade_review_pass_mark",
    )
    def _compute_final(self):
        """The score of the parts that weigh, and the band on its exact value.

        While a part that weighs is missing there is no score and no band:
        a missing part never counts as 0.
        """
        for review in self:
            company = review.company_id or self.env.company
            weights = review._applied_weights()
            parts = review._exact_parts()
            try:
                computed = rules.composite(weights, parts)
            except rules.MissingPart:
                computed = None
            review.computed_score = (
                float(rules.round_amount(computed)) if computed is not None else 0.0
            )
            exact = review._exact_score()
            review.final_score = float(rules.round_amount(exact)) if exact is not None else 0.0
            if exact is None:
                review.band = review.failed = review.no_raise = False
                continue
            band = rules.band(exact, company._technical_grade_band_thresholds())
            review.band = band
            review.no_raise = band in rules.NO_RAISE_BANDS
            review.failed = band == rules.FAIL or exact < kpi_rules.to_decimal(
                company.technical_grade_review_pass_mark
            )

    @api.depends(
        "kpi_checked",
        "line_ids.evidence_missing",
        "results_scored",
        "reviewers_done",
        "reviewer_count",
        "kpi_excluded",
        "results_excluded",
        "ability_excluded",
        "plan_id.weight_kpi",
        "plan_id.weight_results",
        "plan_id.weight_360",
    )
    def _compute_missing_parts(self):
        """The parts that weigh and are not scored yet, in the reader's language."""
        for review in self:
            weights = review._applied_weights()
            missing = rules.missing_parts(weights, review._exact_parts())
            labels = review._part_labels()
            review.missing_parts = ", ".join(labels[part] for part in missing) or (
                not any(weights.values()) and self.env._("every part is taken out")
            )

    @api.constrains("kpi_excluded", "results_excluded", "ability_excluded", "exclusion_reason")
    def _check_exclusion_reason(self):
        for review in self:
            out = review.kpi_excluded or review.results_excluded or review.ability_excluded
            if out and not (review.exclusion_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(name)s: say why a part is taken out of the review.", name=review.name
                    )
                )

    def _check_parts_complete(self):
        """A review is submitted with every part that weighs scored."""
        for review in self:
            if review.score_overridden:
                continue
            weights = review._applied_weights()
            if not any(weights.values()):
                raise UserError(
                    self.env._(
                        "%(name)s: every part is taken out; nothing is left to score.",
                        name=review.name,
                    )
                )
            missing = rules.missing_parts(weights, review._exact_parts())
            if missing:
                labels = review._part_labels()
                hints = []
                if rules.KPI in missing:
                    lines = review.line_ids.filtered("evidence_missing")
                    hints.append(
                        self.env._(
                            "KPI sheet: check it when its entries are complete, each with its "
                            "evidence where the item asks for one%(items)s.",
                            items=lines
                            and " (" + ", ".join(lines.kpi_id.mapped("name")) + ")"
                            or "",
                        )
                    )
                if rules.RESULTS in missing:
                    hints.append(self.env._("results form: the superior scores it."))
                if rules.ABILITY in missing:
                    hints.append(self.env._("360° ability: expected, with no reviewer who scored."))
                raise UserError(
                    self.env._(
                        "%(name)s cannot be submitted: %(parts)s missing. A missing part never "
                        "counts as 0; HR may take a part out with a reason.\n%(hints)s",
                        name=review.name,
                        parts=", ".join(labels[part] for part in missing),
                        hints="\n".join(hints),
                    )
                )

    @api.depends("employee_id", "year", "plan_id", "final_score", "state")
    def _compute_year_result(self):
        """The arithmetic mean of the year's finished results of the plan, and its band.

        Seed 003: the yearly result is the mean of the quarters.  The band is
        taken on the exact mean of the exact period scores.
        """
        done = self.sudo().search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("plan_id", "in", self.plan_id.ids),
                ("state", "=", "done"),
            ]
        )
        scores = defaultdict(list)
        for review in done:
            exact = review._exact_score()
            if exact is not None:
                scores[(review.employee_id.id, review.plan_id.id, review.year)].append(exact)
        for review in self:
            company = review.company_id or self.env.company
            key = (review.employee_id.id, review.plan_id.id, review.year)
            mean = rules.yearly_result(scores.get(key, []), digits=None)
            review.year_score = float(rules.round_amount(mean)) if mean is not None else 0.0
            review.year_band = mean is not None and rules.band(
                mean, company._technical_grade_band_thresholds()
            )

    @api.depends(
        "band",
        "failed",
        "no_raise",
        "demotion_evaluation_id",
        "state",
        "raise_exception",
        "pay_step_ids.state",
        "pay_step_ids.date_to",
        "standby_ids.state",
        "standby_ids.kind",
        "reward_ids.state",
    )
    def _compute_consequence(self):
        for review in self:
            lines = []
            if review.state == "done" and review.no_raise:
                if review.raise_exception:
                    lines.append(
                        self.env._(
                            "No pay raise this cycle, except: %(exception)s.",
                            exception=review._selection_label("raise_exception"),
                        )
                    )
                else:
                    lines.append(self.env._("No pay raise this cycle."))
            for step in review.sudo().pay_step_ids:
                lines.append(
                    self.env._(
                        "Pay one level down, as %(grade)s, from %(date_from)s to %(date_to)s "
                        "(%(state)s).",
                        grade=step.paid_grade_id.name,
                        date_from=step.date_from.isoformat(),
                        date_to=step.date_to.isoformat()
                        if step.date_to
                        else self.env._("the next passed review"),
                        state=step._state_label(),
                    )
                )
            for standby in review.sudo().standby_ids.filtered(lambda s: s.state == "recorded"):
                if standby.kind == "unpaid_leave":
                    message = self.env._(
                        "Unpaid leave from %(date_from)s to %(date_to)s.",
                        date_from=standby.date_from.isoformat(),
                        date_to=standby.date_to.isoformat(),
                    )
                else:
                    message = self.env._(
                        "Unpaid stand-by training from %(date_from)s to %(date_to)s.",
                        date_from=standby.date_from.isoformat(),
                        date_to=standby.date_to.isoformat(),
                    )
                lines.append(message)
            for reward in review.sudo().reward_ids.filtered(lambda r: r.state == "approved"):
                if reward.kind == "bonus":
                    lines.append(
                        self.env._(
                            "Bonus of %(amount)s, paid with the pay of %(date)s.",
                            amount=reward.currency_id.format(reward.amount),
                            date=reward.pay_date.isoformat(),
                        )
                    )
                else:
                    lines.append(self.env._("Prize: %(prize)s.", prize=reward.prize))
            if review.demotion_evaluation_id:
                lines.append(
                    self.env._(
                        "Demotion proposal %(name)s.", name=review.demotion_evaluation_id.name
                    )
                )
            review.consequence = "\n".join(lines) or False

    @api.constrains("raise_exception", "raise_exception_reason")
    def _check_raise_exception(self):
        for review in self:
            if review.raise_exception and not (review.raise_exception_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(name)s: say why the raise is an exception (general raise, "
                        "balancing post gaps).",
                        name=review.name,
                    )
                )

    @api.depends("done_date", "company_id.technical_grade_appeal_days")
    def _compute_appeal_deadline(self):
        """No deadline unless the company sets one (the seeds set none)."""
        for review in self:
            days = review.company_id.technical_grade_appeal_days
            review.appeal_deadline = (
                days and review.done_date and review.done_date + timedelta(days=days)
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("HR opens the reviews of a period."))
        for vals in vals_list:
            self.browse()._check_workflow_fields(vals)
        # The sequence is looked up once per batch, as next_by_code() would.
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "hr.technical.grade.review"),
                    ("company_id", "in", [self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence._next() if sequence else "/"
            self._flag_results(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_fields(vals)
        if not self.env.su and self.env.user.has_group(OFFICER):
            # Past its draft, a review is decided on as submitted: HR records
            # its decision and notes, and changes nothing else.
            # (Entries and reviewers are guarded by their own models.)
            changed = (
                set(vals)
                - HR_DECISION_FIELDS
                - {
                    "message_follower_ids",
                    "line_ids",
                    "reviewer_ids",
                    "results_line_ids",
                }
            )
            decided = self.filtered(lambda r: r.state != "draft")
            if changed and decided:
                raise AccessError(
                    self.env._(
                        "%(name)s is %(state)s: its scores and entries stay as submitted; "
                        "HR records its decision and notes only.",
                        name=decided[0].name,
                        state=decided[0]._selection_label("state"),
                    )
                )
        if "results_score" in vals and not self.env.su:
            by_dimension = self.filtered("results_line_ids")
            if by_dimension:
                raise UserError(
                    self.env._(
                        "%(name)s scores its results form per dimension: score the dimensions.",
                        name=by_dimension[0].name,
                    )
                )
        if set(vals) == {"improvement_plan"} and not self.env.su:
            self._check_may_write_improvement_plan()
            res = super().write(vals)
            self._post_improvement_plan()
            return res
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            forbidden = set(vals) - SUPERIOR_FIELDS - {"message_follower_ids"}
            own = self.filtered(lambda r: r.employee_id.user_id == self.env.user)
            # An open review is scored; a finished one only gets the appeal's handling.
            closed = self.filtered(
                lambda r: (
                    r.state != "draft"
                    and not (set(vals) <= {"appeal_handling"} and r.appeal_state == "open")
                )
            )
            if forbidden or own or closed:
                raise AccessError(
                    self.env._(
                        "The superior scores the results form and the KPI entries of an open "
                        "review; scores, states and results are otherwise HR's."
                    )
                )
        return super().write(self._flag_results(vals))

    def _check_may_write_improvement_plan(self):
        """The superior (or HR) writes the feedback of a finished review."""
        officer = self.env.user.has_group(OFFICER)
        for review in self:
            if review.state != "done":
                raise UserError(
                    self.env._(
                        "The improvement plan follows the assessment: %(name)s is not finished.",
                        name=review.name,
                    )
                )
            if not officer and review.superior_user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "The superior of %(employee)s writes the improvement plan of %(name)s.",
                        employee=review.employee_id.name,
                        name=review.name,
                    )
                )

    def _post_improvement_plan(self):
        for review in self.sudo():
            review.message_post(
                body=self.env._("Improvement plan written by %(user)s.", user=self.env.user.name),
                author_id=self.env.user.partner_id.id,
            )
        self.activity_update()

    def _check_results_scorer(self):
        """The superior (or the department head, or HR) scores an open review's dimensions."""
        self._check_entries_editable()
        if self.env.su or self.env.user.has_group(OFFICER):
            return
        for review in self.sudo():
            if (
                self.env.user
                not in (review.superior_user_id | review.department_id.manager_id.user_id)
                or review.employee_id.user_id == self.env.user
            ):
                raise AccessError(
                    self.env._(
                        "The superior of %(employee)s scores the results form of %(name)s.",
                        employee=review.employee_id.name,
                        name=review.name,
                    )
                )

    def _sync_results_form(self):
        """The results form of reviews scored per dimension: their weighted total.

        Missing (not 0) while a dimension that weighs is not scored.
        """
        for review in self.filtered("results_line_ids"):
            parts = [
                (line.weight, line.score if line.scored else None)
                for line in review.results_line_ids
            ]
            try:
                total = rules.weighted_total(parts, digits=None)
            except rules.MissingPart:
                total = None
            score = float(rules.round_amount(total)) if total is not None else False
            if score != (review.results_score if review.results_scored else False):
                review.write({"results_score": score})

    @api.model
    def _results_lines(self, plan, employee):
        """The results-form dimensions of ``employee``'s review: the head's or the staff's."""
        head = employee.department_id.manager_id == employee
        audience = "head" if head else "staff"
        return [
            Command.create(
                {
                    "dimension_id": dimension.id,
                    "sequence": dimension.sequence,
                    "weight": dimension.weight,
                }
            )
            for dimension in plan.results_dimension_ids
            if dimension.audience == audience
        ]

    @api.model
    def _flag_results(self, vals):
        """Entering the results form marks it scored: an empty form is missing, not 0."""
        if "results_score" in vals:
            vals["results_scored"] = vals["results_score"] is not False and (
                vals["results_score"] is not None
            )
        return vals

    def _check_entries_editable(self):
        """KPI entries and 360° reviewers change while their review is open only.

        The approvers decide on the entries as submitted: once a review is in
        approval, finished or cancelled, nobody (HR included) changes them;
        only the server's own workflow code does, as the superuser.
        """
        if self.env.su:
            return
        for review in self.sudo():
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: its KPI entries and 360° reviewers change only "
                        "while it is open.",
                        name=review.name,
                        state=review._selection_label("state"),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        if any(review.state not in ("draft", "cancel") for review in self):
            raise UserError(self.env._("Only open or cancelled reviews can be deleted."))

    @api.model
    def _propose_reviewers(self, plan, employees):
        """The 360° reviewers of each employee, by role, as seed 003 says.

        The department head (the department's manager) is reviewed by their
        own superior and their direct subordinates; staff by their direct
        superior (the department head in the seed's department) with the
        colleagues of the same level and group: the same direct superior and
        the same department.  With a self-assessment weight, the employee
        too.  Without a 360° part in the plan, nobody.  Read once for all
        employees; HR edits every proposal while the review is open.
        """
        Employee = self.env["hr.employee"].sudo()
        proposals = {employee.id: [] for employee in employees}
        if plan.weight_360 <= 0:
            return proposals
        siblings = defaultdict(lambda: Employee)
        for employee in Employee.search([("parent_id", "in", employees.parent_id.ids)]):
            siblings[employee.parent_id.id] |= employee
        children = defaultdict(lambda: Employee)
        for employee in Employee.search([("parent_id", "in", employees.ids)]):
            children[employee.parent_id.id] |= employee
        for employee in employees:
            head = employee.department_id.manager_id == employee
            groups = rules.PROPOSED_GROUPS[rules.HEAD if head else rules.STAFF]
            reviewers = proposals[employee.id]
            if employee.parent_id:
                reviewers.append((employee.parent_id, rules.SUPERIOR))
            if rules.PEERS in groups and employee.parent_id:
                peers = siblings[employee.parent_id.id].filtered(
                    lambda peer, e=employee: peer != e and peer.department_id == e.department_id
                )
                reviewers += [(peer, rules.PEERS) for peer in peers]
            if rules.SUBORDINATES in groups:
                reviewers += [(child, rules.SUBORDINATES) for child in children[employee.id]]
            if plan.weight_self > 0:
                reviewers.append((employee, rules.SELF))
        return proposals

    @api.model
    def _create_batch(self, plan, periods):
        """Create the reviews of ``periods`` (employee, start, end) in one batch."""
        if not periods:
            return self.browse()
        # A period opens thousands of records: no "created" note on each.
        reviews = (
            self.sudo()
            .with_context(mail_create_nolog=True)
            .create(self._batch_values(plan, periods))
        )
        reviews._fill_kpi_from_sources()
        return reviews.with_env(self.env)

    def _fill_kpi_from_sources(self):
        """Compute the KPI entries whose indicator names a source, from its records.

        One grouped query per indicator and company for all the open reviews
        of ``self`` (:meth:`hr.technical.grade.kpi._source_totals`), never a
        query per engineer.  Each entry keeps what the records gave and the
        records themselves as its evidence; an entry the superior corrected
        (with a comment) keeps the superior's value.
        """
        reviews = self.sudo().filtered(lambda r: r.state == "draft")
        lines = reviews.line_ids.filtered(lambda line: line.kpi_id._has_source())
        batches = defaultdict(lambda: self.env["hr.technical.grade.review.line"].sudo())
        for line in lines:
            batches[(line.kpi_id, line.review_id.company_id or self.env.company)] |= line
        now = fields.Datetime.now()
        for (kpi, company), kpi_lines in batches.items():
            try:
                totals = kpi._source_totals(kpi_lines.review_id, company)
            except ValueError as err:
                # A filter a module removed later no longer reads (its field
                # is gone): the period opens, the entries stay the superior's.
                _logger.warning(
                    "KPI indicator %s (id %s): its records could not be read (%s); its "
                    "entries are left to the superiors.",
                    kpi.name,
                    kpi.id,
                    err,
                )
                continue
            for line in kpi_lines:
                value, ids = totals.get(line.review_id.id, (0, []))
                line._apply_source(value, ids, now)

    def _batch_values(self, plan, periods):
        """The values of the reviews of ``periods``: their KPI entries and the
        360° reviewers proposed from the org chart."""
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.browse([employee.id for employee, _start, _end in periods])
        proposals = self._propose_reviewers(plan, employees)
        kpis = plan.kpi_ids.filtered(
            lambda k: k.active and (not k.company_id or k.company_id == plan.company_id)
        )
        grade_of = {employee.id: employee.technical_grade_id for employee in employees}
        vals_list = []
        for employee, start, end in periods:
            vals_list.append(
                {
                    "plan_id": plan.id,
                    "employee_id": employee.id,
                    "period_start": start,
                    "period_end": end,
                    "line_ids": [
                        Command.create({"kpi_id": kpi.id})
                        for kpi in kpis
                        if kpi._applies_to(grade_of[employee.id])
                    ],
                    "reviewer_ids": [
                        Command.create({"reviewer_id": reviewer.id, "role": role})
                        for reviewer, role in proposals[employee.id]
                    ],
                    "results_line_ids": self._results_lines(plan, employee),
                }
            )
        return vals_list

    # ------------------------------------------------------------------
    # Approval chain: superior, HR, plant manager, general manager
    # ------------------------------------------------------------------

    def _check_superior_or_officer(self):
        if self.env.su or self.env.user.has_group(OFFICER):
            return
        for review in self:
            if self.env.user not in (
                review.superior_user_id | review.department_id.manager_id.user_id
            ):
                raise AccessError(
                    self.env._(
                        "Only the superior or HR submits %(name)s for approval.", name=review.name
                    )
                )

    def _workflow_actions(self):
        return self.env._("submit, approve, return, appeal")

    def action_submit(self):
        """The KPI entries computed from records are computed again on submission."""
        self._check_superior_or_officer()
        self._fill_kpi_from_sources()
        return super().action_submit()

    def _check_submit(self):
        """The superior (or HR) submits a review every reviewer has scored."""
        self._check_superior_or_officer()
        for review in self:
            pending = review.sudo().reviewer_ids.filtered(lambda r: r.state == "pending")
            if pending:
                raise UserError(
                    self.env._(
                        "%(name)s waits for %(count)s reviewer(s) to score: HR may remove "
                        "reviewers who cannot.",
                        name=review.name,
                        count=len(pending),
                    )
                )
        self._check_parts_complete()

    def _on_approved(self):
        self._finish()

    def _approval_notified_partners(self):
        return self.superior_user_id.partner_id

    def action_return(self, reason):
        """An approver (or HR) sends the review back to the superior, saying why."""
        reason = self._clean_reason(reason, self.env._("Say why the review goes back."))
        return self.action_send_back(reason)

    def action_cancel(self):
        self._check_transition("cancel", "cancel").sudo().write({"state": "cancel"})
        self.activity_update()
        return True

    def _may_cancel(self):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR cancels reviews."))

    def activity_update(self):
        """Every activity of the reviews: approvers, 360° reviewers, appeal handlers.

        Reviewers of an open review score through their own activity (on
        their reviewer line), marked done once they submit, removed when the
        review leaves its draft; the handlers of an open appeal get one each,
        marked done once it is decided.
        """
        res = super().activity_update()
        self.sudo().reviewer_ids._sync_scoring_activity()
        wanted = {}
        for review in self.sudo().filtered(lambda r: r.appeal_state in ("open", "escalated")):
            handlers = (
                review.superior_user_id
                | review.appeal_decider_user_id
                | review.plan_id.hr_user_id
                | (review.company_id or self.env.company).technical_grade_plant_affairs_user_ids
            )
            if review.appeal_state == "escalated":
                handlers = review._gm_office_users()
            summary = self.env._(
                "Appeal of %(employee)s against review %(name)s",
                employee=review.employee_id.name,
                name=review.name,
            )
            wanted[review.id] = dict.fromkeys(handlers.filtered("active"), summary)
        self._sync_activities(APPEAL_ACTIVITY, wanted, self.env._("Appeal decided"))
        # After each assessment, feedback with an improvement plan (seed 000):
        # the superior's, done once written.
        wanted = {}
        for review in self.sudo().filtered(
            lambda r: r.state == "done" and is_html_empty(r.improvement_plan)
        ):
            if review.superior_user_id.active:
                wanted[review.id] = {
                    review.superior_user_id: self.env._(
                        "Feedback and improvement plan for %(employee)s (%(period)s)",
                        employee=review.employee_id.name,
                        period=review.period,
                    )
                }
        self._sync_activities(FEEDBACK_ACTIVITY, wanted, self.env._("Improvement plan written"))
        return res

    def _approval_activity_summary(self, step):
        return self.env._(
            "%(step)s: review %(period)s of %(employee)s",
            step=step.name,
            period=self.period,
            employee=self.employee_id.name,
        )

    # ------------------------------------------------------------------
    # Consequences
    # ------------------------------------------------------------------

    def _finish(self):
        self._check_transition("done", "approve").sudo().write(
            {"state": "done", "done_date": fields.Date.context_today(self)}
        )
        self._apply_consequences()

    def _apply_consequences(self):
        """What finished reviews change, each with its review as evidence.

        差 pays one level down from the next pay period (a pay step, seed
        003); a passed review ends the running steps; two consecutive failed
        monthly reviews (seed 000) propose one demotion.  A single 差 never
        proposes a demotion.  Never twice for the same reviews.
        """
        done = self.filtered(lambda r: r.state == "done" and r.band)
        if not done:
            return
        PayStep = self.env["hr.technical.grade.pay.step"]
        PayStep._open_for_reviews(done.filtered(lambda r: r.band == rules.FAIL))
        PayStep._end_for_passed_reviews(done.filtered(lambda r: not r.failed))
        done.filtered(lambda r: r.failed and r.period_type == "monthly")._propose_demotions()

    def _propose_demotions(self):
        """One demotion proposal per run of consecutive failed monthly reviews.

        The runs are what :func:`grade_rules.consequences.demotion_runs`
        decides over the employee's finished monthly reviews; a run proposes
        once, with its reviews as the evidence.
        """
        if not self:
            return
        monthly = self.sudo().search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "=", "done"),
                ("period_type", "=", "monthly"),
            ]
        )
        by_employee = defaultdict(lambda: self.browse())
        for review in monthly:
            by_employee[review.employee_id.id] |= review
        for reviews in by_employee.values():
            runs = consequence_rules.demotion_runs(
                [(review.period_start, review.failed) for review in reviews]
            )
            for run in runs:
                failed = reviews.filtered(
                    lambda r, run=run: r.failed and rules.month_index(r.period_start) in run
                )
                if not failed & self:
                    continue
                proposal = failed.demotion_evaluation_id.filtered(lambda e: e.state != "cancel")[:1]
                if proposal:
                    new = failed.filtered(
                        lambda r, p=proposal: r.demotion_evaluation_id != p
                        and r.demotion_evaluation_id.state in (False, "cancel")
                    )
                    if new:
                        new.write({"demotion_evaluation_id": proposal.id})
                        proposal.message_post(
                            body=self.env._(
                                "The failed reviews %(reviews)s are evidence too.",
                                reviews=", ".join(new.mapped("name")),
                            )
                        )
                    continue
                failed[:1]._propose_demotion(failed, "failed_reviews")

    def _propose_demotion(self, reviews, reason):
        """A draft demotion evaluation with ``reviews`` as its evidence."""
        self.ensure_one()
        evaluation = self.env["hr.technical.grade.evaluation"]._propose_demotion(
            self.employee_id,
            reason,
            self.env._(
                "the performance reviews %(reviews)s", reviews=", ".join(reviews.mapped("name"))
            ),
            self,
        )
        if evaluation:
            reviews.write({"demotion_evaluation_id": evaluation.id})

    def action_open_work_logs(self):
        """The daily work logs of the review's period, as the user may read them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_work_log_action"
        )
        action.update(
            name=self.env._("Work Logs of %(employee)s", employee=self.employee_id.name),
            domain=[
                ("employee_id", "=", self.employee_id.id),
                ("date", ">=", self.period_start),
                ("date", "<=", self.period_end),
            ],
            context={"create": False},
        )
        return action

    def action_open_work_plan(self):
        """The work plan in force for the period, or the employee's plans of the period."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_work_plan_action"
        )
        action.update(
            domain=[
                ("employee_id", "=", self.employee_id.id),
                ("period_start", "<=", self.period_end),
                ("period_end", ">=", self.period_start),
            ],
            context={
                "default_employee_id": self.employee_id.id,
                "default_review_id": self.id,
            },
        )
        if self.work_plan_id:
            action.update(res_id=self.work_plan_id.id, view_mode="form", views=[(False, "form")])
        return action

    def action_set_reward(self):
        """HR sets a reward (bonus or prize) from this finished result."""
        self.ensure_one()
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR sets rewards from the review results."))
        if self.state != "done":
            raise UserError(
                self.env._(
                    "A reward is set from a finished review; %(review)s is not finished.",
                    review=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reward"),
            "res_model": "hr.technical.grade.reward",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_employee_id": self.employee_id.id, "default_review_id": self.id},
            "target": "current",
        }

    def action_record_standby(self):
        """HR records the unpaid stand-by training it decided on this result."""
        self.ensure_one()
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR records stand-by training."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stand-by Training"),
            "res_model": "hr.technical.grade.standby",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_employee_id": self.employee_id.id, "default_review_id": self.id},
            "target": "current",
        }

    def action_record_unpaid_leave(self):
        """HR records unpaid leave (停薪留职, seed 000) as a penalty for this result."""
        action = self.action_record_standby()
        action["name"] = self.env._("Unpaid Leave")
        action["context"]["default_kind"] = "unpaid_leave"
        return action

    @api.model
    def _lowest_in_departments(self, domain=None):
        """The finished reviews with the lowest final score of each department and period."""
        domain = [("state", "=", "done"), ("department_id", "!=", False)] + (domain or [])
        groups = self._read_group(
            domain, groupby=["department_id", "period_start:day"], aggregates=["final_score:min"]
        )
        lowest = self.browse()
        if groups:
            candidates = self.search(domain)
            minimum = {(dept.id, start): score for dept, start, score in groups}
            lowest = candidates.filtered(
                lambda r: r.final_score <= minimum[(r.department_id.id, r.period_start)] + 0.001
            )
        return lowest

    def action_open_lowest(self):
        lowest = self._lowest_in_departments()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Lowest Results"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", lowest.ids)],
            "context": {"search_default_group_department": 1},
        }

    # ------------------------------------------------------------------
    # Appeals
    # ------------------------------------------------------------------

    def action_appeal(self, reason):
        """The employee appeals a finished review, within the company's days."""
        if len(self) != 1:
            raise UserError(self.env._("Appeal one review at a time."))
        reason = self._clean_reason(reason, self.env._("Say why you appeal."))
        if self.env.user != self.employee_id.user_id and not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only the reviewed employee appeals their review."))
        self._check_state("done")
        if self.appeal_state != "none":
            raise UserError(self.env._("A review is appealed once."))
        if self.appeal_deadline and fields.Date.context_today(self) > self.appeal_deadline:
            raise UserError(
                self.env._(
                    "The appeal period ended on %(date)s.", date=self.appeal_deadline.isoformat()
                )
            )
        review = self.sudo()
        review.write({"appeal_state": "open", "appeal_reason": reason})
        self.activity_update()
        return True

    def _gm_office_users(self):
        """The general manager's office of the review's company (a company setting)."""
        self.ensure_one()
        return (self.company_id or self.env.company).sudo().technical_grade_gm_office_user_ids

    def action_appeal_escalate(self, reason):
        """The manager two levels up (or HR) hands an appeal they cannot settle to the GM office."""
        self.ensure_one()
        reason = self._clean_reason(reason, self.env._("Say what the department could not settle."))
        if self.appeal_state != "open":
            raise UserError(self.env._("This review has no open appeal."))
        if self.env.user != self.appeal_decider_user_id and not self.env.user.has_group(OFFICER):
            raise AccessError(
                self.env._("The manager two levels up or HR hands an appeal to the GM office.")
            )
        if not self._gm_office_users():
            raise UserError(
                self.env._(
                    "No general manager's office is set for %(company)s: set it in the Technical "
                    "Grades settings.",
                    company=(self.company_id or self.env.company).name,
                )
            )
        review = self.sudo()
        review.write({"appeal_state": "escalated", "appeal_escalation": reason})
        review.message_post(
            body=self.env._(
                "Appeal handed to the general manager's office by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            ),
            author_id=self.env.user.partner_id.id,
        )
        review.activity_update()
        return True

    def action_appeal_decide(self, decision, new_score=None):
        """The manager two levels up (or HR without one) decides the appeal; the GM
        office decides an appeal handed to it."""
        self.ensure_one()
        decision = self._clean_reason(decision, self.env._("Write the decision on the appeal."))
        if new_score is not None:
            new_score = self._clean_score(new_score)
        if self.appeal_state not in ("open", "escalated"):
            raise UserError(self.env._("This review has no open appeal."))
        escalated = self.appeal_state == "escalated"
        decider = self.appeal_decider_user_id
        if escalated:
            if self.env.user not in self._gm_office_users():
                raise AccessError(self.env._("The general manager's office decides this appeal."))
        elif self.env.user != decider and not (self.env.user.has_group(OFFICER) and not decider):
            raise AccessError(
                self.env._(
                    "The appeal is decided by %(user)s, the manager two levels up.",
                    user=decider.name or self.env._("HR"),
                )
            )
        review = self.sudo()
        old_score, old_band = review.final_score, review._selection_label("band")
        vals = {"appeal_state": "decided"}
        vals["appeal_gm_decision" if escalated else "appeal_decision"] = decision
        if new_score is not None and abs(new_score - old_score) > 0.001:
            vals.update(score_override=new_score, score_overridden=True)
        review.write(vals)
        if "score_override" in vals:
            review.message_post(
                body=self.env._(
                    "Appeal decided by %(user)s: score %(old)s (%(old_band)s) becomes %(new)s "
                    "(%(new_band)s). %(decision)s",
                    user=self.env.user.name,
                    old=old_score,
                    old_band=old_band,
                    new=review.final_score,
                    new_band=review._selection_label("band"),
                    decision=decision,
                ),
                author_id=self.env.user.partner_id.id,
            )
            review._withdraw_consequences(decision)
            review._apply_consequences()
        else:
            review.message_post(
                body=self.env._(
                    "Appeal decided by %(user)s, score unchanged: %(decision)s",
                    user=self.env.user.name,
                    decision=decision,
                ),
                author_id=self.env.user.partner_id.id,
            )
        review.activity_update()
        return True

    def _withdraw_consequences(self, decision):
        """An upheld appeal withdraws what the old result caused, on record.

        Out of band 差, the review's pay steps are withdrawn; no longer
        failed, its open demotion proposal is cancelled.  Both stay readable,
        with a message saying why.
        """
        for review in self.sudo():
            reason = self.env._(
                "Appeal upheld on review %(name)s: %(decision)s",
                name=review.name,
                decision=decision,
            )
            if review.band != rules.FAIL:
                review.pay_step_ids.filtered(lambda s: s.state != "withdrawn").action_withdraw(
                    reason
                )
            proposal = review.demotion_evaluation_id
            if not review.failed and proposal.state in OPEN_STATES:
                proposal.action_cancel()
                proposal.message_post(body=reason)
                review.message_post(
                    body=self.env._(
                        "Demotion proposal %(proposal)s withdrawn: %(reason)s",
                        proposal=proposal.name,
                        reason=reason,
                    )
                )
