# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import Counter, defaultdict
from datetime import timedelta
from functools import partial

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..grade_rules import quota as quota_rules
from .hr_technical_grade_evaluation import OPEN_STATES

# Progress counters: field name -> evaluation states counted.
PROGRESS = {
    "draft_count": ("draft",),
    "submitted_count": ("submitted",),
    "approved_count": ("approved",),
    "done_count": ("done",),
    "rejected_count": ("rejected",),
}
OFFICER = "hr_technical_grade.group_technical_grade_officer"
COMMITTEE = "hr_technical_grade.group_technical_grade_committee"
PAYROLL = "payroll.group_payroll_user"
TEAM_ACTIVITY = "hr_technical_grade.mail_activity_campaign_team"
OPENING_CRON = "hr_technical_grade.ir_cron_open_campaigns"
# Engineers sorted out per batch of the opening cron (one transaction each).
BATCH_SIZE = 100


class HrTechnicalGradeCampaign(models.Model):
    """The yearly (Q4) promotion campaign: one promotion evaluation per
    eligible engineer in scope, followed until the campaign is closed."""

    _name = "hr.technical.grade.campaign"
    _description = "Technical Grade Promotion Campaign"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.activity.mixin",
        "hr.technical.grade.batch.opening.mixin",
    ]
    _opening_queue_model = "hr.technical.grade.campaign.pending"
    _opening_queue_field = "campaign_id"
    _order = "year desc, date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True
    )
    date_from = fields.Date(string="Period Start", required=True, tracking=True)
    date_to = fields.Date(string="Period End", required=True, tracking=True)
    deadline = fields.Date(
        tracking=True, help="Applications and approvals are expected by this day."
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Engineers of these departments and their sub-departments are in scope.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees",
        check_company=True,
        help="Engineers in scope besides those of the departments.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="The HR officer who runs the campaign; reminded when the deadline passes.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "In Review"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    evaluation_ids = fields.One2many(
        "hr.technical.grade.evaluation", "campaign_id", string="Evaluations", readonly=True
    )
    # Who got no evaluation and why: their standing, HR's to read.
    skipped_ids = fields.One2many(
        "hr.technical.grade.campaign.skipped",
        "campaign_id",
        string="Skipped Engineers",
        readonly=True,
        groups=OFFICER,
    )
    untold_employee_ids = fields.Many2many(
        "hr.employee",
        compute="_compute_untold_employee_ids",
        string="Not Told by Activity",
        groups=OFFICER,
        help="Candidates of the draft evaluations who have no user: no activity reaches them.",
    )
    quota_ids = fields.One2many(
        "hr.technical.grade.campaign.quota", "campaign_id", string="Quotas", copy=True
    )
    # The calibration (公平、公正、公开): HR's and the committee's to read.
    calibration_line_ids = fields.One2many(
        "hr.technical.grade.calibration.line",
        "campaign_id",
        string="Calibration",
        readonly=True,
        groups=f"{OFFICER},{COMMITTEE}",
    )
    calibration_adjustment_ids = fields.One2many(
        "hr.technical.grade.calibration.adjustment",
        "campaign_id",
        string="Calibration Adjustments",
        readonly=True,
        groups=f"{OFFICER},{COMMITTEE}",
    )
    cancel_drafts_on_close = fields.Boolean(
        string="Cancel Drafts on Close",
        default=True,
        help="Closing the campaign cancels its evaluations still in draft.",
    )
    deadline_reminded_on = fields.Date(
        readonly=True, copy=False, help="Last day the responsible was reminded of the deadline."
    )
    evaluation_count = fields.Integer(
        compute="_compute_progress", compute_sudo=True, string="Evaluations Count"
    )
    draft_count = fields.Integer(compute="_compute_progress", compute_sudo=True, string="Draft")
    submitted_count = fields.Integer(
        compute="_compute_progress", compute_sudo=True, string="In Approval"
    )
    approved_count = fields.Integer(
        compute="_compute_progress", compute_sudo=True, string="Approved"
    )
    done_count = fields.Integer(compute="_compute_progress", compute_sudo=True, string="Applied")
    rejected_count = fields.Integer(
        compute="_compute_progress", compute_sudo=True, string="Rejected"
    )
    can_see_cost = fields.Boolean(compute="_compute_cost")
    cost_old_total = fields.Monetary(
        compute="_compute_cost",
        string="Current Monthly Cost",
        help="Monthly base + post wage + allowance of the pending promotions' current grades "
        "(for an approver: of the promotions they approve).",
    )
    cost_new_total = fields.Monetary(
        compute="_compute_cost",
        string="Monthly Cost if Approved",
        help="Monthly base + post wage + allowance of the pending promotions' target grades "
        "(for an approver: of the promotions they approve).",
    )
    cost_difference = fields.Monetary(compute="_compute_cost", string="Monthly Cost Change")
    # The opening, done by the cron in batches (see the batch opening mixin).
    opening_after_id = fields.Integer(readonly=True, copy=False, groups=OFFICER)

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_from <= date_to)",
            "The period must not end before it starts.",
        )
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("evaluation_ids.state")
    def _quota_ranking(self):
        """Rank the passed candidates of the campaign per target grade, in one pass.

        Candidates are the campaign's passed evaluations (not rejected or
        cancelled) for a target grade with a quota; the order and the cut are
        the pure rule ``grade_rules.quota.rank_candidates``.  Returns
        ``{evaluation id: Ranked}`` for the ranked candidates.

        Read as superuser: a rank is the campaign's fact, the same whoever
        asks, and an approver who reads only some candidates must not see a
        candidate ranked first among those alone.
        """
        self.ensure_one()
        campaign = self.sudo()
        quotas = {line.grade_id: line.quota for line in campaign.quota_ids}
        candidates = defaultdict(list)
        for evaluation in campaign.evaluation_ids:
            if (
                evaluation.target_grade_id in quotas
                and evaluation.result == "passed"
                and evaluation.state not in ("rejected", "cancel")
            ):
                candidates[evaluation.target_grade_id].append(
                    quota_rules.Candidate(
                        evaluation.id,
                        evaluation.final_score,
                        evaluation.assessment_score,
                        evaluation.id,
                    )
                )
        return {
            ranked.key: ranked
            for grade, listed in candidates.items()
            for ranked in quota_rules.rank_candidates(listed, quotas[grade])
        }

    def _compute_progress(self):
        # Head counts of a public campaign are not personal: counted as superuser.
        groups = self.env["hr.technical.grade.evaluation"]._read_group(
            [("campaign_id", "in", self.ids)],
            groupby=["campaign_id", "state"],
            aggregates=["__count"],
        )
        counts = defaultdict(Counter)
        for campaign, state, count in groups:
            counts[campaign.id][state] += count
        for campaign in self:
            count = counts[campaign.id]
            campaign.evaluation_count = sum(count.values())
            for fname, states in PROGRESS.items():
                campaign[fname] = sum(count[state] for state in states)

    @api.depends("evaluation_ids.state", "evaluation_ids.employee_id.user_id")
    def _compute_untold_employee_ids(self):
        for campaign in self:
            drafts = campaign.evaluation_ids.filtered(lambda e: e.state == "draft")
            campaign.untold_employee_ids = drafts.employee_id.filtered(lambda e: not e.user_id)

    @api.depends_context("uid")
    def _compute_cost(self):
        """Totals of the cost report rows the user may read.

        HR and payroll officers see every campaign's cost.  An approver named
        on some of a campaign's evaluations sees the rows of those
        evaluations only (the general manager approves knowing what the
        promotions he decides cost), never the other teams' grades and
        wages: the totals are read with the user's record rules.
        """
        user = self.env.user
        if self.env.su or user.has_group(OFFICER) or user.has_group(PAYROLL):
            allowed = set(self.ids)
        else:
            allowed = {
                campaign.id
                for [campaign] in self.env["hr.technical.grade.evaluation"]
                .sudo()
                ._read_group(
                    [
                        ("campaign_id", "in", self.ids),
                        ("approval_ids.approver_ids", "in", user.ids),
                    ],
                    groupby=["campaign_id"],
                )
            }
        totals = {}
        if allowed:
            # With the user's record rules: an approver totals their rows only.
            totals = {
                campaign.id: (old, new, diff)
                for campaign, old, new, diff in self.env[
                    "hr.technical.grade.campaign.cost"
                ]._read_group(
                    [("campaign_id", "in", list(allowed))],
                    groupby=["campaign_id"],
                    aggregates=["old_total:sum", "new_total:sum", "difference:sum"],
                )
            }
        for campaign in self:
            old, new, diff = totals.get(campaign.id, (0.0, 0.0, 0.0))
            campaign.can_see_cost = campaign.id in allowed
            campaign.cost_old_total = old
            campaign.cost_new_total = new
            campaign.cost_difference = diff

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open_wizard(self):
        """Open the campaign: the wizard fills it with evaluations."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_campaign_wizard_action"
        )
        action["context"] = {
            "default_campaign_id": self.id,
            "default_name": self.name,
            "default_company_id": self.company_id.id,
            "default_year": self.year,
            "default_date_from": self.date_from,
            "default_date_to": self.date_to,
            "default_deadline": self.deadline,
            "default_department_ids": self.department_ids.ids,
            "default_employee_ids": self.employee_ids.ids,
            "default_user_id": self.user_id.id,
        }
        return action

    def action_view_evaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_evaluation_action"
        )
        action.update(
            domain=[("campaign_id", "=", self.id)],
            context={"default_campaign_id": self.id, "search_default_group_by_state": 1},
        )
        return action

    def action_open_calibration_wizard(self):
        """A committee member adjusts a candidate's result, with a reason."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_calibration_wizard_action"
        )
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_print_calibration_minutes(self):
        """The minutes of the calibration meeting: the table and every change."""
        return self.env.ref("hr_technical_grade.action_report_campaign_calibration").report_action(
            self
        )

    def _decisions_against_scores(self):
        """The evaluations the committee decided against their scores, for the minutes."""
        self.ensure_one()
        return self.sudo().evaluation_ids.filtered("committee_decision_reason")

    def _calibration_committees(self):
        """The committees of the campaign's candidates, for the minutes."""
        self.ensure_one()
        return self.sudo().evaluation_ids.committee_id

    def action_view_cost(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_campaign_cost_action"
        )
        action.update(domain=[("campaign_id", "=", self.id)])
        return action

    def _check_campaign_state(self, *states):
        for campaign in self:
            if campaign.state not in states:
                raise UserError(
                    self.env._(
                        "The campaign %(name)s is %(state)s: this action is not possible now.",
                        name=campaign.name,
                        state=dict(self._fields["state"]._description_selection(self.env)).get(
                            campaign.state
                        ),
                    )
                )

    def _check_not_opening(self):
        for campaign in self:
            if campaign.is_opening:
                raise UserError(
                    self.env._(
                        "The campaign %(name)s is still being opened in the background: "
                        "wait until all its engineers are processed.",
                        name=campaign.name,
                    )
                )

    def action_close(self):
        """Close the campaign, posting its results in the chatter."""
        self._check_campaign_state("open")
        self._check_not_opening()
        for campaign in self:
            drafts = campaign.evaluation_ids.filtered(lambda e: e.state == "draft")
            if campaign.cancel_drafts_on_close and drafts:
                drafts.action_cancel()
            else:
                drafts = drafts.browse()
            campaign.state = "closed"
            campaign.message_post(body=campaign._close_summary(drafts))
        self.activity_update()
        return True

    def _close_summary(self, cancelled):
        """The closing message: evaluations per state and per target grade."""
        self.ensure_one()
        Evaluation = self.env["hr.technical.grade.evaluation"]
        labels = dict(Evaluation._fields["state"]._description_selection(self.env))
        groups = Evaluation._read_group(
            [("campaign_id", "=", self.id)],
            groupby=["target_grade_id", "state"],
            aggregates=["__count"],
            order="target_grade_id",
        )
        by_state = Counter()
        by_grade = defaultdict(Counter)
        for grade, state, count in groups:
            by_state[state] += count
            by_grade[grade][state] += count

        def line(counter):
            return ", ".join(
                f"{labels[state]} {counter[state]}" for state in labels if counter[state]
            )

        parts = [
            self.env._(
                "Campaign closed: %(total)s evaluations (%(states)s).",
                total=sum(by_state.values()),
                states=line(by_state) or "-",
            )
        ]
        for grade, counter in by_grade.items():
            parts.append(
                self.env._("%(grade)s: %(states)s.", grade=grade.display_name, states=line(counter))
            )
        if cancelled:
            parts.append(
                self.env._(
                    "%(count)s evaluations still in draft were cancelled: %(names)s.",
                    count=len(cancelled),
                    names=", ".join(cancelled.mapped("name")),
                )
            )
        return Markup("<br/>").join(escape(part) for part in parts)

    def action_cancel(self):
        self._check_campaign_state("draft", "open")
        self._check_not_opening()
        evaluations = self.evaluation_ids
        if any(e.state not in ("draft", "cancel") for e in evaluations):
            raise UserError(
                self.env._(
                    "Evaluations of this campaign are already in approval: close the "
                    "campaign instead of cancelling it."
                )
            )
        evaluations.filtered(lambda e: e.state == "draft").action_cancel()
        self.state = "cancel"
        self.activity_update()
        return True

    def action_draft(self):
        self._check_campaign_state("cancel")
        self.state = "draft"
        return True

    # ------------------------------------------------------------------
    # Opening, in batches of the cron
    # ------------------------------------------------------------------

    def _activity_deadline(self):
        self.ensure_one()
        return self.deadline or fields.Date.context_today(self) + timedelta(days=14)

    def _queue_opening(self, employees):
        """Queue ``employees`` (the scope) for the opening cron and wake it up.

        The previous opening's skipped lines go; the evaluations of this
        opening are those created after ``opening_after_id``.
        """
        self.ensure_one()
        self._check_not_opening()
        campaign = self.sudo()
        campaign.skipped_ids.unlink()
        self.env["hr.technical.grade.campaign.pending"].sudo().create(
            [{"campaign_id": self.id, "employee_id": employee_id} for employee_id in employees.ids]
        )
        self.env.cr.execute(SQL("SELECT coalesce(max(id), 0) FROM hr_technical_grade_evaluation"))
        campaign.write(
            {
                "state": "open",
                "is_opening": True,
                "opened_by_id": self.env.uid,
                "opening_total": len(employees),
                "opening_after_id": self.env.cr.fetchone()[0],
            }
        )
        self.env.ref(OPENING_CRON).sudo()._trigger()

    @api.model
    def _cron_open_campaigns(self, batch_size=BATCH_SIZE):
        """Sort out the next batch of queued engineers of a campaign being
        opened (see the batch opening mixin); the database holds one
        evaluation per employee and campaign (``one_evaluation_per_campaign``).
        Returns how many engineers were processed."""
        return self._cron_open_next_batch(batch_size)

    def _open_queued(self, queued):
        self._open_batch(queued.employee_id)
        return queued

    def _open_batch(self, employees):
        """One promotion evaluation per eligible engineer of ``employees``;
        the others are recorded as skipped, with their reason."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        eligible, skipped = self._sort_out(
            employees.sorted(lambda e: (e.name, e.id)), self._eligibility_day()
        )
        evaluations = self.env["hr.technical.grade.evaluation"].create(
            [
                {
                    "employee_id": employee.id,
                    "kind": "promotion",
                    "campaign_id": self.id,
                    "target_grade_id": target.id,
                }
                for employee, target in eligible
            ]
        )
        # The candidates' activities, then the managers' lists on the campaign.
        evaluations.activity_update()
        self.env["hr.technical.grade.campaign.skipped"].sudo().create(
            [
                {
                    "campaign_id": self.id,
                    "employee_id": employee.id,
                    "reason": reason,
                    "date": today,
                }
                for employee, reason in skipped
            ]
        )
        return evaluations

    def _opening_summary(self):
        """The opening message, for every reader of the campaign: counts only.

        Who was skipped and why, and who could not be told, are on the
        campaign's HR-only tabs.
        """
        campaign = self.sudo()
        domain = [("campaign_id", "=", self.id), ("id", ">", campaign.opening_after_id)]
        Evaluation = self.env["hr.technical.grade.evaluation"].sudo()
        by_grade = Evaluation._read_group(
            domain, groupby=["target_grade_id"], aggregates=["__count"]
        )
        untold = Evaluation.search_count([*domain, ("employee_id.user_id", "=", False)])
        lines = [
            self.env._(
                "Campaign opened: %(created)s promotion evaluations created, %(skipped)s "
                "engineers skipped.",
                created=sum(count for _grade, count in by_grade),
                skipped=len(campaign.skipped_ids),
            )
        ]
        for grade, count in sorted(by_grade, key=lambda group: group[0].sequence):
            lines.append(self.env._("To %(grade)s: %(count)s", grade=grade.name, count=count))
        if untold:
            lines.append(
                self.env._(
                    "Without a user, not told by activity: %(count)s candidates.", count=untold
                )
            )
        return Markup("<br/>").join(escape(line) for line in lines)

    def _eligibility_day(self):
        """The day the campaign judges eligibility on: the end of its period.

        Seed 000 evaluates once a year, in Q4: months in grade, years of
        experience and the year's review results count up to the period's end,
        whatever day the campaign is opened or a candidate submits.
        """
        self.ensure_one()
        return self.date_to

    def _covers(self, employee):
        """Whether ``employee`` is in the campaign's scope (its departments and
        their sub-departments, or listed)."""
        self.ensure_one()
        if employee in self.employee_ids:
            return True
        return bool(
            self.department_ids
            and employee.department_id
            and self.env["hr.department"].search_count(
                [
                    ("id", "=", employee.department_id.id),
                    ("id", "child_of", self.department_ids.ids),
                ]
            )
        )

    @api.model
    def _open_for(self, employee):
        """The open campaign of ``employee``'s company whose scope holds them
        (the latest), where their own application is filed."""
        campaigns = self.sudo().search(
            [("company_id", "=", employee.company_id.id), ("state", "=", "open")]
        )
        return campaigns.filtered(lambda campaign: campaign._covers(employee))[:1]

    def _sort_out(self, employees, day):
        """Split ``employees`` into eligible ones (with their target) and skipped ones.

        Returns ``(eligible, skipped)``: a list of ``(employee, target
        grade)`` and a list of ``(employee, reason)``, as the employees'
        eligibility service words it.  The open evaluations are read in one
        grouped query.
        """
        self.ensure_one()
        busy = {}
        for employee, in_campaign, states in self.env["hr.technical.grade.evaluation"]._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("kind", "=", "promotion"),
                "|",
                ("campaign_id", "=", self.id),
                ("state", "in", OPEN_STATES),
            ],
            groupby=["employee_id", "campaign_id"],
            aggregates=["state:array_agg"],
        ):
            if in_campaign == self and set(states) - {"rejected", "cancel"}:
                busy[employee] = self.env._("already has an evaluation in this campaign")
            elif in_campaign != self and employee not in busy:
                busy[employee] = self.env._("has a promotion request in progress")
        free = employees.filtered(lambda employee: employee not in busy)
        answers = free._technical_grade_eligibility(day)
        eligible, skipped = [], []
        for employee in employees:
            if employee in busy:
                skipped.append((employee, busy[employee]))
                continue
            _standing, target, problems = answers[employee.id]
            if problems:
                skipped.append((employee, "; ".join(text for _problem, text in problems)))
            else:
                eligible.append((employee, target))
        return eligible, skipped

    def activity_update(self):
        """The managers of an open campaign's candidates: one activity each.

        A manager with candidates still in draft has one activity on the
        campaign listing them (not one per candidate), kept up to date as
        batches add candidates and candidates submit; dropped when nobody of
        theirs is left in draft or the campaign is no longer open.
        """
        opened = self.sudo().filtered(lambda campaign: campaign.state == "open")
        groups = (
            self.env["hr.technical.grade.evaluation"]
            .sudo()
            ._read_group(
                [
                    ("campaign_id", "in", opened.ids),
                    ("state", "=", "draft"),
                    ("manager_user_id", "!=", False),
                ],
                groupby=["campaign_id", "manager_user_id"],
                aggregates=["id:array_agg"],
            )
        )
        wanted = defaultdict(dict)
        for campaign, user, ids in groups:
            wanted[campaign.id][user] = {
                "summary": self.env._(
                    "%(campaign)s: %(count)s candidates in your team",
                    campaign=campaign.name,
                    count=len(ids),
                ),
                "date_deadline": campaign._activity_deadline(),
                "note": partial(campaign._candidates_note, ids),
            }
        self._sync_activities(TEAM_ACTIVITY, wanted, refresh=True)
        return True

    def _candidates_note(self, evaluation_ids):
        """The note of a manager's activity: their candidates and target grades."""
        evaluations = self.env["hr.technical.grade.evaluation"].sudo().browse(evaluation_ids)
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(employee)s, candidate for %(grade)s",
                employee=evaluation.employee_id.name,
                grade=evaluation.target_grade_id.name,
            )
            for evaluation in evaluations.sorted(lambda e: (e.employee_id.name or "", e.id))
        )
        intro = self.env._(
            "Your team's candidates: they prepare and submit their promotion application."
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (intro, items)

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    @api.model
    def _cron_remind(self):
        """Daily: remind overdue approvers and responsibles of late campaigns.

        The approvers of every document of the approval engine are reminded
        by the engine (``hr.technical.grade.approval._cron_remind_approvers``);
        an open campaign past its deadline reminds its responsible once a day.
        """
        today = fields.Date.context_today(self)
        reminded, left = self.env["hr.technical.grade.approval"]._cron_remind_approvers()
        # The cron engine calls again while approvers are left (one commit per call).
        self.env["ir.cron"]._notify_progress(done=len(reminded.user_id), remaining=left)
        campaigns = self.sudo().search(
            [
                ("state", "=", "open"),
                ("deadline", "<", today),
                ("user_id", "!=", False),
                "|",
                ("deadline_reminded_on", "=", False),
                ("deadline_reminded_on", "<", today),
            ]
        )
        for campaign in campaigns:
            campaign = campaign.with_context(lang=campaign.user_id.lang)
            campaign.message_notify(
                partner_ids=campaign.user_id.partner_id.ids,
                subject=campaign.env._(
                    "Reminder: the campaign %(name)s is past its deadline", name=campaign.name
                ),
                body=campaign.env._(
                    "The deadline of %(name)s was %(deadline)s: %(pending)s evaluations are "
                    "still in draft or in approval.",
                    name=campaign.name,
                    deadline=campaign.deadline,
                    pending=campaign.draft_count + campaign.submitted_count,
                ),
            )
        campaigns.write({"deadline_reminded_on": today})
        return reminded, campaigns
