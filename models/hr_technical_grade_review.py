# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..grade_rules import kpi as kpi_rules
from ..grade_rules import review as rules
from .hr_technical_grade_evaluation import OPEN_STATES

OFFICER = "hr_technical_grade.group_technical_grade_officer"
APPEAL_ACTIVITY = "hr_technical_grade.mail_activity_review_appeal"
BANDS = [
    (rules.EXCELLENT, "优 Excellent"),
    (rules.GOOD, "良 Good"),
    (rules.AVERAGE, "中 Average"),
    (rules.POOR, "较差 Poor"),
    (rules.FAIL, "差 Fail"),
]
# What the superior (or the department head) fills in on an open review.
SUPERIOR_FIELDS = {"results_score", "results_comment", "line_ids", "note", "appeal_handling"}
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
}
WORKFLOW_DEFAULTS = {"state": "draft", "appeal_state": "none"}
# What HR still records on a review past its draft: its decision on the lowest
# result, notes and the handling of an appeal.
HR_DECISION_FIELDS = {"hr_decision", "hr_decision_note", "note", "appeal_handling"}


class HrTechnicalGradeReview(models.Model):
    """The periodic performance review of one employee for one period.

    KPI entries, the results form scored by the superior and the 360° ability
    scores combine, with the plan's weights, into the final score and its
    band.  A finished review shows its consequences: no raise this cycle,
    a demotion proposal, a place among the lowest of the department.
    """

    _name = "hr.technical.grade.review"
    _description = "Technical Grade Performance Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.technical.grade.approval.mixin"]
    _order = "period_start desc, employee_id, id"
    _approval_activity_type = "hr_technical_grade.mail_activity_review_approval"
    # A review is not rejected: an approver sends it back to the superior.
    _approval_rejected_state = None
    _approval_reopen_states = ("cancel",)
    _workflow_fields = frozenset(WORKFLOW_FIELDS)
    _workflow_defaults = WORKFLOW_DEFAULTS

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    plan_id = fields.Many2one(
        "hr.technical.grade.review.plan", required=True, ondelete="restrict", index=True
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
    results_comment = fields.Text(string="Superior's Opinion")
    kpi_score = fields.Float(string="KPI Score", compute="_compute_kpi", store=True, digits=(5, 2))
    superior_score = fields.Float(compute="_compute_360", store=True, digits=(5, 2), groups=OFFICER)
    peers_score = fields.Float(compute="_compute_360", store=True, digits=(5, 2), groups=OFFICER)
    subordinates_score = fields.Float(
        compute="_compute_360", store=True, digits=(5, 2), groups=OFFICER
    )
    score_360 = fields.Float(
        string="360° Ability", compute="_compute_360", store=True, digits=(5, 2)
    )
    computed_score = fields.Float(compute="_compute_final", store=True, digits=(5, 2))
    score_override = fields.Float(
        string="Score after Appeal", digits=(5, 2), tracking=True, copy=False
    )
    score_overridden = fields.Boolean(copy=False, tracking=True)
    final_score = fields.Float(
        compute="_compute_final", store=True, digits=(5, 2), tracking=True, aggregator="avg"
    )
    band = fields.Selection(BANDS, compute="_compute_band", store=True, tracking=True)
    failed = fields.Boolean(
        compute="_compute_band",
        store=True,
        help="Band 差, or below the company's review pass mark.",
    )
    no_raise = fields.Boolean(
        string="No Raise This Cycle", compute="_compute_band", store=True, tracking=True
    )
    year_score = fields.Float(
        string="Yearly Result",
        compute="_compute_year_result",
        digits=(5, 2),
        help="Mean of the employee's finished reviews of the year.",
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
    note = fields.Html(string="Notes")
    done_date = fields.Date(string="Finished On", readonly=True, copy=False)
    appeal_deadline = fields.Date(compute="_compute_appeal_deadline")
    appeal_state = fields.Selection(
        [("none", "No Appeal"), ("open", "Appealed"), ("decided", "Appeal Decided")],
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
    pending_approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_review_pending_approver_rel",
        "review_id",
        "user_id",
        compute="_compute_pending_approvers",
        store=True,
        string="Waiting For",
    )

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

    @api.depends("line_ids.adjustment", "plan_id.kpi_start_score")
    def _compute_kpi(self):
        for review in self:
            review.kpi_score = float(
                kpi_rules.kpi_score(
                    review.line_ids.mapped("adjustment"), start=review.plan_id.kpi_start_score
                )
            )

    @api.depends(
        "reviewer_ids.score",
        "reviewer_ids.state",
        "reviewer_ids.role",
        "plan_id.weight_superior",
        "plan_id.weight_peers",
        "plan_id.weight_subordinates",
        "plan_id.weight_superior_single",
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
            plan = review.plan_id
            result = (
                rules.score_360(
                    scores, plan._group_weights(), single_superior=plan.weight_superior_single
                )
                if len(done) == len(reviewers)
                else None
            )
            review.score_360 = float(result or 0)

    @api.depends(
        "kpi_score",
        "results_score",
        "score_360",
        "score_override",
        "score_overridden",
        "plan_id.weight_kpi",
        "plan_id.weight_results",
        "plan_id.weight_360",
    )
    def _compute_final(self):
        for review in self:
            plan = review.plan_id
            computed = rules.weighted_total(
                [
                    (plan.weight_kpi, review.kpi_score),
                    (plan.weight_results, review.results_score),
                    (plan.weight_360, review.score_360),
                ]
            )
            review.computed_score = float(computed)
            review.final_score = (
                review.score_override if review.score_overridden else float(computed)
            )

    @api.depends(
        "final_score",
        "company_id.technical_grade_band_excellent",
        "company_id.technical_grade_band_good",
        "company_id.technical_grade_band_average",
        "company_id.technical_grade_band_poor",
        "company_id.technical_grade_review_pass_mark",
    )
    def _compute_band(self):
        for review in self:
            company = review.company_id or self.env.company
            band = rules.band(review.final_score, company._technical_grade_band_thresholds())
            review.band = band
            review.no_raise = band in rules.NO_RAISE_BANDS
            review.failed = (
                band == rules.FAIL or review.final_score < company.technical_grade_review_pass_mark
            )

    @api.depends("employee_id", "year", "final_score", "state")
    def _compute_year_result(self):
        """The arithmetic mean of the year's finished results, and its band."""
        groups = self.sudo()._read_group(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("state", "=", "done"),
            ],
            groupby=["employee_id", "year"],
            aggregates=["final_score:array_agg"],
        )
        scores = {(employee.id, year): values for employee, year, values in groups}
        for review in self:
            company = review.company_id or self.env.company
            mean = rules.yearly_result(scores.get((review.employee_id.id, review.year), []))
            review.year_score = float(mean or 0)
            review.year_band = mean is not None and rules.band(
                mean, company._technical_grade_band_thresholds()
            )

    @api.depends("band", "failed", "no_raise", "demotion_evaluation_id", "state")
    def _compute_consequence(self):
        for review in self:
            lines = []
            if review.state == "done" and review.no_raise:
                lines.append(self.env._("No pay raise this cycle."))
            if review.state == "done" and review.band == rules.FAIL:
                lines.append(self.env._("Pay one level down: a demotion is proposed."))
            if review.demotion_evaluation_id:
                lines.append(
                    self.env._(
                        "Demotion proposal %(name)s.", name=review.demotion_evaluation_id.name
                    )
                )
            review.consequence = "\n".join(lines) or False

    @api.depends("done_date", "company_id.technical_grade_appeal_days")
    def _compute_appeal_deadline(self):
        for review in self:
            days = review.company_id.technical_grade_appeal_days
            review.appeal_deadline = review.done_date and review.done_date + timedelta(days=days)

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
        return super().write(vals)

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
    def _create_batch(self, plan, periods):
        """Create the reviews of ``periods`` (employee, start, end) in one batch.

        Reviewers come from the org chart, read once for all employees:
        superior = parent, peers = same parent, subordinates = children.
        """
        if not periods:
            return self.browse()
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.browse([employee.id for employee, _start, _end in periods])
        parents = employees.parent_id
        siblings = defaultdict(lambda: Employee)
        for employee in Employee.search([("parent_id", "in", parents.ids)]):
            siblings[employee.parent_id.id] |= employee
        children = defaultdict(lambda: Employee)
        for employee in Employee.search([("parent_id", "in", employees.ids)]):
            children[employee.parent_id.id] |= employee
        kpis = plan.kpi_ids.filtered(
            lambda k: k.active and (not k.company_id or k.company_id == plan.company_id)
        )
        vals_list = []
        for employee, start, end in periods:
            employee = Employee.browse(employee.id)
            reviewers = []
            if employee.parent_id:
                reviewers.append((employee.parent_id, rules.SUPERIOR))
            peers = siblings[employee.parent_id.id] - employee if employee.parent_id else ()
            reviewers += [(peer, rules.PEERS) for peer in peers]
            reviewers += [(child, rules.SUBORDINATES) for child in children[employee.id]]
            vals_list.append(
                {
                    "plan_id": plan.id,
                    "employee_id": employee.id,
                    "period_start": start,
                    "period_end": end,
                    "line_ids": [Command.create({"kpi_id": kpi.id}) for kpi in kpis],
                    "reviewer_ids": [
                        Command.create({"reviewer_id": reviewer.id, "role": role})
                        for reviewer, role in reviewers
                    ],
                }
            )
        # A period opens thousands of records: no "created" note on each.
        reviews = self.sudo().with_context(mail_create_nolog=True).create(vals_list)
        return reviews.with_env(self.env)

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

    def _on_approved(self):
        self._finish()

    def _approval_notified_partners(self):
        return self.superior_user_id.partner_id

    def action_return(self, reason):
        """An approver (or HR) sends the review back to the superior, saying why."""
        reason = self._clean_reason(reason, self.env._("Say why the review goes back."))
        return self.action_send_back(reason)

    def action_cancel(self):
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR cancels reviews."))
        self._check_state("draft", "submitted")
        self.sudo().write({"state": "cancel"})
        self.activity_update()

    def activity_update(self):
        """Every activity of the reviews: approvers, 360° reviewers, appeal handlers.

        Reviewers of an open review score through their own activity (on
        their reviewer line), marked done once they submit, removed when the
        review leaves its draft; the handlers of an open appeal get one each,
        marked done once it is decided.
        """
        res = super().activity_update()
        reviewers = self.sudo().reviewer_ids
        open_reviewers = reviewers.filtered(lambda line: line.review_id.state == "draft")
        open_reviewers._sync_scoring_activity()
        (reviewers - open_reviewers).activity_ids.unlink()
        wanted = {}
        for review in self.sudo().filtered(lambda r: r.appeal_state == "open"):
            handlers = (
                review.superior_user_id | review.appeal_decider_user_id | review.plan_id.hr_user_id
            )
            summary = self.env._(
                "Appeal of %(employee)s against review %(name)s",
                employee=review.employee_id.name,
                name=review.name,
            )
            wanted[review.id] = dict.fromkeys(handlers.filtered("active"), summary)
        self._sync_activities(APPEAL_ACTIVITY, wanted, self.env._("Appeal decided"))
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
        self.write({"state": "done", "done_date": fields.Date.context_today(self)})
        self._apply_consequences()

    def _apply_consequences(self):
        """Propose demotions for failed results; never twice for the same failures.

        A review in band 差 proposes a demotion (pay one level down).  Two
        failed monthly reviews in consecutive months share one proposal, with
        both reviews as its evidence.
        """
        failing = self.filtered(lambda r: r.state == "done" and r.failed)
        if not failing:
            return
        neighbours = self.sudo().search(
            [
                ("employee_id", "in", failing.employee_id.ids),
                ("state", "=", "done"),
                ("failed", "=", True),
                ("period_type", "=", "monthly"),
                ("id", "not in", failing.ids),
            ]
        )
        by_month = {
            (r.employee_id.id, rules.month_index(r.period_start)): r for r in neighbours | failing
        }
        for review in failing.sudo():
            if review.demotion_evaluation_id:  # already evidence, maybe of this very loop
                continue
            month = rules.month_index(review.period_start)
            previous = self.browse()
            if review.period_type == "monthly":
                for other in (month - 1, month + 1):
                    candidate = by_month.get((review.employee_id.id, other))
                    if candidate and candidate.period_type == "monthly":
                        previous = candidate
                        break
            proposal = previous.demotion_evaluation_id
            if proposal:
                review.demotion_evaluation_id = proposal
                if proposal.state == "draft" and proposal.demotion_reason != "failed_reviews":
                    proposal.demotion_reason = "failed_reviews"
                proposal.message_post(
                    body=self.env._(
                        "Review %(name)s (%(period)s) failed too: two consecutive failed "
                        "monthly reviews.",
                        name=review.name,
                        period=review.period,
                    )
                )
            elif previous or review.band == rules.FAIL:
                reviews = review | previous
                review._propose_demotion(reviews, "failed_reviews" if previous else "poor_review")

    def _propose_demotion(self, reviews, reason):
        """A draft demotion evaluation with ``reviews`` as its evidence."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        grade = employee.technical_grade_id
        if not grade or not grade._get_previous_grade():
            self.message_post(
                body=self.env._(
                    "No demotion proposed: %(employee)s has no lower grade.",
                    employee=employee.name,
                )
            )
            return
        Evaluation = self.env["hr.technical.grade.evaluation"].sudo()
        # One open demotion request at a time: later failures add their evidence to it.
        evaluation = Evaluation.search(
            [
                ("employee_id", "=", employee.id),
                ("kind", "=", "demotion"),
                ("state", "in", OPEN_STATES),
            ],
            limit=1,
        )
        if evaluation:
            reviews.write({"demotion_evaluation_id": evaluation.id})
            evaluation.message_post(
                body=self.env._(
                    "The performance reviews %(reviews)s propose a demotion too.",
                    reviews=", ".join(reviews.mapped("name")),
                )
            )
            return
        evaluation = Evaluation.create(
            {
                "employee_id": employee.id,
                "kind": "demotion",
                "demotion_reason": reason,
            }
        )
        reviews.write({"demotion_evaluation_id": evaluation.id})
        evaluation.message_post(
            body=self.env._(
                "Proposed by the performance reviews %(reviews)s.",
                reviews=", ".join(reviews.mapped("name")),
            )
        )

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
        self.ensure_one()
        reason = self._clean_reason(reason, self.env._("Say why you appeal."))
        if self.env.user != self.employee_id.user_id and not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only the reviewed employee appeals their review."))
        self._check_state("done")
        if self.appeal_state != "none":
            raise UserError(self.env._("A review is appealed once."))
        if fields.Date.context_today(self) > self.appeal_deadline:
            raise UserError(
                self.env._(
                    "The appeal period ended on %(date)s.", date=self.appeal_deadline.isoformat()
                )
            )
        review = self.sudo()
        review.write({"appeal_state": "open", "appeal_reason": reason})
        self.activity_update()
        return True

    def action_appeal_decide(self, decision, new_score=None):
        """The manager two levels up (or HR without one) decides the appeal."""
        self.ensure_one()
        decision = self._clean_reason(decision, self.env._("Write the decision on the appeal."))
        if new_score is not None:
            new_score = self._clean_score(new_score)
        if self.appeal_state != "open":
            raise UserError(self.env._("This review has no open appeal."))
        decider = self.appeal_decider_user_id
        if self.env.user != decider and not (self.env.user.has_group(OFFICER) and not decider):
            raise AccessError(
                self.env._(
                    "The appeal is decided by %(user)s, the manager two levels up.",
                    user=decider.name or self.env._("HR"),
                )
            )
        review = self.sudo()
        old_score, old_band = review.final_score, review._selection_label("band")
        vals = {"appeal_state": "decided", "appeal_decision": decision}
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
