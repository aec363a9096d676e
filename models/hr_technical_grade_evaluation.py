# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, RedirectWarning, UserError, ValidationError
from odoo.fields import Command
from odoo.tools.misc import format_date

from ..grade_rules import committee as committee_rules
from ..grade_rules import cycle, eligibility, scoring
from ..grade_rules import recertification as recert_rules
from .hr_technical_grade_committee_round import SIGNATURE_FIELDS as ROUND_SIGNATURE_FIELDS

EXAM_PARTS = scoring.EXAM_PARTS
OFFICER = "hr_technical_grade.group_technical_grade_officer"
SCORING_ACTIVITY = "hr_technical_grade.mail_activity_evaluation_scoring"
PREPARE_ACTIVITY = "hr_technical_grade.mail_activity_evaluation_prepare"
RECERTIFICATION_ACTIVITY = "hr_technical_grade.mail_activity_evaluation_recertification"
CAMPAIGN_ACTIVITY = "hr_technical_grade.mail_activity_campaign"
# States of an evaluation still in progress: one at a time per employee and kind
# (the constraint one_open_request below).
OPEN_STATES = ("draft", "submitted", "approved")
# What the committee's signature locks.
SCORE_FIELDS = {f"{part}_score" for part in EXAM_PARTS} | {"scored", "line_ids"}
# What the committee's members rate where a committee step decides.
RATED_FIELDS = {f"{part}_score" for part in EXAM_PARTS} | {"scored"}
# What an employee or a manager may fill in on a draft request; scores,
# results and states are HR's (and, later, the committee's).
REQUESTER_FIELDS = {
    "kind",
    "employee_id",
    "target_grade_id",
    "initial_reason",
    "demotion_reason",
    "serious_case",
    "effective_date",
    "attachment_ids",
    "note",
}
# The eligibility override: fixed once the request is submitted.
OVERRIDE_FIELDS = {"override_eligibility", "override_reason"}
# What the request is about: it changes on the draft only.
REQUEST_FIELDS = {
    "employee_id",
    "kind",
    "target_grade_id",
    "template_id",
    "committee_id",
    "serious_case",
}
# Written by the workflow only (with sudo()), never by a client call, HR included:
# states, results, approvals, the committee's decision and signature, the end of
# the public notice (HR shortens it with action_shorten_notice, giving a reason).
WORKFLOW_FIELDS = {
    "state",
    "result",
    "assessment_score",
    "final_score",
    "approval_ids",
    "previous_approval_ids",
    "pending_approver_ids",
    "committee_state",
    "committee_opinion",
    "committee_decision",
    "committee_decision_reason",
    "committee_signed_by_id",
    "committee_signed_on",
    "notice_end_date",
    "notice_open",
    "score_ids",
    "committee_round_id",
    "committee_round_ids",
    "objection_ids",
    "history_id",
    "certificate_id",
    "has_quota",
    "quota",
    "quota_rank",
    "within_quota",
    "contract_id",
    "initial_due_date",
    "cycle_window_start",
    "cycle_window_end",
    "exam_weights",
    "calibrated_result",
    "calibrated_score",
    "has_calibrated_score",
    "calibration_adjustment_ids",
    "material_ids",
}
# What the chair's signature puts on record for good: the round's signature,
# as the evaluation shows it (committee_<field of the round>).
SIGNATURE_FIELDS = frozenset(f"committee_{name}" for name in ROUND_SIGNATURE_FIELDS)
# The value a new request starts with, which a client may send back as is.
WORKFLOW_DEFAULTS = {"state": "draft", "committee_state": "none"}
# What stays writable on an applied evaluation: notes and the chatter's fields.
APPLIED_WRITABLE = frozenset(
    {"note", "message_main_attachment_id", "activity_ids", "message_follower_ids"}
)


class HrTechnicalGradeEvaluation(models.Model):
    """A grade evaluation: initial grading, promotion or demotion of one employee.

    The assessment form of the target grade and the exams (theory, on-site
    practical, teaching) give the final score; an approved evaluation is
    applied once, writing the employee's grade history from its effective
    date.
    """

    _name = "hr.technical.grade.evaluation"
    _description = "Technical Grade Evaluation"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.approval.mixin",
        "hr.technical.grade.exam.score.mixin",
    ]
    _order = "create_date desc, id desc"
    _approval_activity_type = "hr_technical_grade.mail_activity_evaluation_approval"
    _state_transitions = {
        ("draft", "submitted"): "submit",
        ("submitted", "approved"): "approve",
        ("submitted", "rejected"): "decline",
        ("approved", "rejected"): "decline",
        ("submitted", "draft"): "send_back",
        ("approved", "draft"): "send_back",
        ("rejected", "draft"): "reopen",
        ("cancel", "draft"): "reopen",
        ("draft", "cancel"): "withdraw",
        ("submitted", "cancel"): "withdraw",
        ("approved", "cancel"): "withdraw",
        ("rejected", "cancel"): "withdraw",
        ("approved", "done"): "apply",
    }
    _approval_committee = True
    _workflow_fields = frozenset(WORKFLOW_FIELDS)
    _workflow_defaults = WORKFLOW_DEFAULTS

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    kind = fields.Selection(
        [
            ("initial", "Initial Grading"),
            ("promotion", "Promotion"),
            ("demotion", "Demotion"),
            ("recertification", "Recertification"),
        ],
        required=True,
        default="promotion",
        tracking=True,
    )
    initial_reason = fields.Selection(
        [
            ("probation", "End of probation (new hire)"),
            ("transfer", "End of trial (transferee)"),
            ("training", "End of training (new staff)"),
            ("early", "Early confirmation (experienced new staff)"),
        ],
        string="Initial Grading Of",
    )
    initial_due_date = fields.Date(
        string="Grading Due",
        readonly=True,
        copy=False,
        help="The day this initial grading became due: the end of the trial period or of the "
        "new staff's training, or the day an early confirmation was asked for.",
    )
    contract_id = fields.Many2one(
        "hr.contract",
        string="Trial Contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The contract whose trial period ended: this initial grading was prepared for HR "
        "when it ended.",
    )
    demotion_reason = fields.Selection(
        [
            ("quality_accident", "Quality accident with significant loss"),
            ("failed_reviews", "Two consecutive failed monthly reviews"),
            ("refused_assignments", "Refusing assignments or slacking"),
            ("discipline", "Breach of discipline with negative impact"),
            ("service_failure", "Serious customer-service failure"),
            ("poor_review", "Performance review result 差"),
            ("yearly_result", "Yearly result 差"),
            ("recertification_failed", "Failed the grade recertification"),
            ("recertification_lapsed", "Certificate expired without a passed recertification"),
        ],
        tracking=True,
    )
    serious_case = fields.Boolean(
        string="Especially Serious Case",
        tracking=True,
        copy=False,
        help="Seed 000: an especially serious case is handled under the company's Employee "
        "Handbook and labour rules, beyond the one-grade demotion. Applying the demotion "
        "says so in its chatter, to the HR officer who applies it.",
    )
    handbook_url = fields.Char(
        string="Employee Handbook", related="company_id.technical_grade_handbook_url"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "In Approval"),
            ("approved", "Approved"),
            ("done", "Applied"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    current_grade_id = fields.Many2one(
        "hr.technical.grade",
        compute="_compute_current_grade",
        store=True,
        precompute=True,
        readonly=True,
    )
    target_grade_id = fields.Many2one(
        "hr.technical.grade",
        compute="_compute_target_grade",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        check_company=True,
    )
    template_id = fields.Many2one(
        "hr.technical.grade.assessment.template",
        compute="_compute_template",
        store=True,
        precompute=True,
        readonly=False,
        string="Assessment Form",
    )
    line_ids = fields.One2many(
        "hr.technical.grade.evaluation.line",
        "evaluation_id",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        copy=True,
        string="Assessment",
    )
    assessment_score = fields.Float(compute="_compute_scores", store=True, digits=(5, 2))
    # The exam scores (hr.technical.grade.exam.score.mixin), tracked in the chatter.
    theory_score = fields.Float(tracking=True)
    practical_score = fields.Float(tracking=True)
    teaching_score = fields.Float(tracking=True)
    written_score = fields.Float(tracking=True)
    interview_score = fields.Float(tracking=True)
    case_score = fields.Float(tracking=True)
    simulation_score = fields.Float(tracking=True)
    exam_parts = fields.Char(
        compute="_compute_exam_parts",
        help="The exam parts of the target grade, which the committee scores.",
    )
    exam_weights = fields.Json(
        readonly=True,
        copy=False,
        help="The weights of the form and the exam parts of the target grade when the request "
        "was submitted: its final score keeps them, whatever the grade's weights become.",
    )
    final_score = fields.Float(compute="_compute_scores", store=True, digits=(5, 2), tracking=True)
    result = fields.Selection(
        [("pending", "Pending"), ("passed", "Passed"), ("failed", "Failed")],
        compute="_compute_scores",
        store=True,
        tracking=True,
    )
    scored = fields.Boolean(
        help="Scores are entered: the result counts.", tracking=True, copy=False
    )
    # The committee's calibration of the campaign (公平、公正、公开): a result or a
    # final score it adjusted before signing, each change with its reason on
    # record (calibration_adjustment_ids). Written by the adjustment only.
    calibrated_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        readonly=True,
        copy=False,
        tracking=True,
        help="The result the committee set in the campaign's calibration; it replaces the "
        "result of the pass mark until the chair signs.",
    )
    calibrated_score = fields.Float(
        digits=(5, 2),
        readonly=True,
        copy=False,
        tracking=True,
        help="The final score the committee set in the campaign's calibration.",
    )
    has_calibrated_score = fields.Boolean(readonly=True, copy=False)
    calibration_adjustment_ids = fields.One2many(
        "hr.technical.grade.calibration.adjustment",
        "evaluation_id",
        string="Calibration Adjustments",
        readonly=True,
        copy=False,
        groups=f"{OFFICER},hr_technical_grade.group_technical_grade_committee",
    )
    effective_date = fields.Date(tracking=True, copy=False)
    # Computed as superuser: approvers who may not read HR-only employee
    # fields (experience date, grade history) still see why a request is
    # or is not eligible.
    eligibility_problems = fields.Text(
        compute="_compute_eligibility", compute_sudo=True, string="Not Eligible"
    )
    eligible = fields.Boolean(compute="_compute_eligibility", compute_sudo=True)
    override_eligibility = fields.Boolean(
        tracking=True, copy=False, help="An HR officer lets an ineligible request go ahead."
    )
    override_reason = fields.Text(tracking=True, copy=False)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence", copy=False)
    material_ids = fields.One2many(
        "hr.technical.grade.evaluation.material",
        "evaluation_id",
        string="Material Requests",
        readonly=True,
        groups=OFFICER,
        help="What the market and customer service department was asked to supply (seed 000); "
        "supplied files are added to the evidence.",
    )
    note = fields.Html(string="Notes")
    review_ids = fields.One2many(
        "hr.technical.grade.review",
        "demotion_evaluation_id",
        string="Performance Reviews",
        readonly=True,
        help="The reviews whose results propose this demotion.",
    )
    training_result_ids = fields.Many2many(
        "hr.technical.grade.training.result",
        compute="_compute_training_result_ids",
        string="Training Results",
        help="The candidate's recorded results in the modules of the layered training (seed "
        "000), as far as the reader may see them.",
    )
    appointment_ids = fields.One2many(
        "hr.technical.grade.appointment", "evaluation_id", string="Appointments", readonly=True
    )
    history_id = fields.Many2one(
        "hr.technical.grade.history", string="Grade History Line", readonly=True, copy=False
    )
    # Recertification (等级复审): the certificate it renews, and the validity
    # of the certificate this evaluation grants (printed on the certificate).
    certificate_id = fields.Many2one(
        "hr.technical.grade.history",
        string="Certificate Recertified",
        compute="_compute_certificate",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The grade history line whose certificate this recertification renews.",
    )
    certificate_valid_until = fields.Date(
        compute="_compute_certificate_valid_until",
        compute_sudo=True,
        help="Last day the certificate this evaluation grants is valid without a "
        "recertification; empty: the grade has no validity.",
    )
    pending_approver_ids = fields.Many2many(
        "res.users",
        "hr_technical_grade_evaluation_pending_approver_rel",
        "evaluation_id",
        "user_id",
        compute="_compute_pending_approvers",
        store=True,
        string="Waiting For",
        help="Who must decide the current approval step.",
    )
    # The committee (technical grade evaluation committee, 技术等级考评小组)
    committee_id = fields.Many2one(
        "hr.technical.grade.committee",
        compute="_compute_committee",
        store=True,
        precompute=True,
        readonly=False,
        check_company=True,
        tracking=True,
    )
    # The committee's rounds: the current one, and those of earlier submissions
    # (sent back or reopened before the signature), kept on record, superseded.
    committee_round_id = fields.Many2one(
        "hr.technical.grade.committee.round",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The committee's current round: its members' scores, its chair's signature and "
        "its public notice.",
    )
    committee_round_ids = fields.One2many(
        "hr.technical.grade.committee.round",
        "evaluation_id",
        string="Committee Rounds",
        readonly=True,
        copy=False,
    )
    committee_state = fields.Selection(
        [
            ("none", "Not Before the Committee"),
            ("scoring", "Members Scoring"),
            ("closed", "Scoring Closed"),
            ("signed", "Opinion Signed"),
        ],
        compute="_compute_committee_state",
        store=True,
        copy=False,
        tracking=True,
        string="Committee Stage",
    )
    score_ids = fields.One2many(
        related="committee_round_id.score_ids",
        string="Committee Scores",
        groups=f"{OFFICER},hr_technical_grade.group_technical_grade_committee",
    )
    can_score = fields.Boolean(compute="_compute_committee_rights")
    can_edit_scores = fields.Boolean(compute="_compute_committee_rights")
    is_requester = fields.Boolean(
        compute="_compute_committee_rights",
        help="The current user is the applicant or HR: they may withdraw or reopen it.",
    )
    is_chair = fields.Boolean(compute="_compute_committee_rights")
    committee_opinion = fields.Text(related="committee_round_id.opinion")
    committee_decision = fields.Selection(related="committee_round_id.decision")
    committee_decision_reason = fields.Text(related="committee_round_id.decision_reason")
    committee_signed_by_id = fields.Many2one(related="committee_round_id.signed_by_id")
    committee_signed_on = fields.Date(related="committee_round_id.signed_on")
    notice_end_date = fields.Date(related="committee_round_id.notice_end_date")
    objection_ids = fields.One2many(
        "hr.technical.grade.objection", "evaluation_id", copy=False, readonly=True
    )
    open_objection_count = fields.Integer(compute="_compute_open_objection_count")
    # Stored, for the record rule that lets every employee read a result under
    # notice; the daily job closes the notices that ended (_cron_close_notices).
    # Checks compare the dates afresh (_is_under_notice).
    notice_open = fields.Boolean(
        compute="_compute_notice_open",
        store=True,
        index=True,
        help="The result is under public notice today.",
    )

    # Campaign: the yearly promotion campaign and its quotas per target grade.
    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign",
        index=True,
        check_company=True,
        tracking=True,
        ondelete="restrict",
        help="The promotion campaign this evaluation belongs to.",
    )
    # The yearly cycle (seed 000: 每年度第四季度组织技术等级评定): a promotion is
    # submitted in an open campaign, in a window of its grade's evaluation
    # cycle (when the company turns the cycles on), or by HR with a reason.
    cycle_reason = fields.Text(
        string="Reason Outside the Campaign",
        tracking=True,
        copy=False,
        help="Why HR files this promotion outside the yearly promotion campaign.",
    )
    cycle_window_start = fields.Date(
        string="Evaluation Window Start",
        readonly=True,
        copy=False,
        help="The window of the current grade's evaluation cycle this promotion was "
        "submitted in, outside a campaign.",
    )
    cycle_window_end = fields.Date(string="Evaluation Window End", readonly=True, copy=False)
    manager_user_id = fields.Many2one(
        "res.users",
        string="Manager (User)",
        compute="_compute_manager_user_id",
        store=True,
        index="btree_not_null",
        help="Who hears of the request as the employee's manager: the user of their manager, "
        "else of their department's manager; none when it is the employee themself.",
    )
    # Read from the campaign's ranking (one pass per campaign), never stored:
    # a rank depends on the sibling candidates, not on this evaluation alone.
    has_quota = fields.Boolean(compute="_compute_quota_rank")
    quota = fields.Integer(
        compute="_compute_quota_rank",
        help="How many passed candidates of the campaign may reach the target grade.",
    )
    quota_rank = fields.Integer(
        string="Rank",
        compute="_compute_quota_rank",
        help="Rank among the campaign's passed candidates for the same target grade: higher "
        "final score first, then higher assessment score, then the earlier request.",
    )
    within_quota = fields.Boolean(
        compute="_compute_quota_rank",
        search="_search_within_quota",
        help="No quota applies, or the rank is within the quota.",
    )

    _sql_constraints = [
        (
            "scores_in_range",
            "CHECK(theory_score BETWEEN 0 AND 100 AND practical_score BETWEEN 0 AND 100 "
            "AND teaching_score BETWEEN 0 AND 100)",
            "Exam scores go from 0 to 100.",
        ),
        (
            "more_scores_in_range",
            "CHECK(written_score BETWEEN 0 AND 100 AND interview_score BETWEEN 0 AND 100 "
            "AND case_score BETWEEN 0 AND 100 AND simulation_score BETWEEN 0 AND 100)",
            "Exam scores go from 0 to 100.",
        ),
        (
            "one_open_request",
            "EXCLUDE (employee_id WITH =, kind WITH =) "
            "WHERE (state IN ('draft', 'submitted', 'approved'))",
            "An employee has one open request of each kind at a time: finish, withdraw or "
            "cancel the open one first.",
        ),
        (
            "one_evaluation_per_campaign",
            "EXCLUDE (campaign_id WITH =, employee_id WITH =) "
            "WHERE (state NOT IN ('rejected', 'cancel'))",
            "An employee has one evaluation per campaign, unless it was rejected or cancelled.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("employee_id.parent_id.user_id", "employee_id.department_id.manager_id.user_id")
    def _compute_manager_user_id(self):
        for evaluation in self:
            employee = evaluation.employee_id.sudo()
            manager = employee.parent_id.user_id or employee.department_id.manager_id.user_id
            evaluation.manager_user_id = manager if manager != employee.user_id else False

    @api.depends("company_id")
    def _compute_committee(self):
        Committee = self.env["hr.technical.grade.committee"]
        for evaluation in self:
            if evaluation.committee_id.company_id != evaluation.company_id:
                evaluation.committee_id = Committee._default_for(
                    evaluation.company_id or self.env.company
                )

    @api.depends("committee_round_id.state")
    def _compute_committee_state(self):
        for evaluation in self:
            evaluation.committee_state = evaluation.committee_round_id.state or "none"

    @api.depends("state", "committee_state", "committee_id.chair_id")
    @api.depends_context("uid")
    def _compute_committee_rights(self):
        pending = self.env["hr.technical.grade.evaluation.score"].sudo()
        rounds = self.sudo().committee_round_id
        if rounds.ids:
            pending = pending.search(
                [
                    ("round_id", "in", rounds.ids),
                    ("member_id", "=", self.env.uid),
                    ("state", "=", "pending"),
                ]
            )
        officer = self.env.user.has_group(OFFICER)
        for evaluation in self:
            evaluation.is_requester = officer or self.env.user in (
                evaluation.employee_id.user_id | evaluation.create_uid
            )
            evaluation.can_edit_scores = (
                officer
                and evaluation.state in ("draft", "submitted")
                and evaluation.committee_state == "none"
                and not evaluation._committee_rates()
            )
            scoring = evaluation.state == "submitted" and evaluation.committee_state == "scoring"
            evaluation.can_score = (
                scoring and evaluation.sudo().committee_round_id in pending.round_id
            )
            evaluation.is_chair = evaluation.committee_id.chair_id == self.env.user

    @api.depends("committee_round_id.notice_end_date", "committee_round_id.superseded", "state")
    def _compute_notice_open(self):
        for evaluation in self:
            evaluation.notice_open = evaluation._is_under_notice()

    def _is_under_notice(self):
        """Whether the result of the current committee round is under public notice today."""
        self.ensure_one()
        committee_round = self.sudo().committee_round_id
        return bool(committee_round) and committee_round._is_under_notice()

    @api.model
    def _cron_close_notices(self):
        """Daily: the notices that ended are no longer open (nor public)."""
        return self.env["hr.technical.grade.committee.round"]._cron_close_notices()

    @api.depends("objection_ids.state")
    def _compute_open_objection_count(self):
        counts = dict(
            self.env["hr.technical.grade.objection"]
            .sudo()
            ._read_group(
                [("evaluation_id", "in", self.ids), ("state", "=", "open")],
                ["evaluation_id"],
                ["__count"],
            )
        )
        for evaluation in self:
            evaluation.open_objection_count = counts.get(evaluation._origin, 0)

    @api.depends("employee_id")
    def _compute_current_grade(self):
        for evaluation in self:
            evaluation.current_grade_id = evaluation.employee_id.technical_grade_id

    @api.depends("kind", "employee_id")
    def _compute_certificate(self):
        """A recertification renews the certificate of the grade held today."""
        recertifications = self.filtered(lambda e: e.kind == "recertification" and e.employee_id)
        (self - recertifications).certificate_id = False
        current = {}
        if recertifications:
            for line in (
                self.env["hr.technical.grade.history"]
                .sudo()
                .search([("employee_id", "in", recertifications.employee_id.ids)])
            ):
                if line.is_current:
                    current[line.employee_id.id] = line.id
        for evaluation in recertifications:
            if not evaluation.certificate_id or evaluation.state == "draft":
                evaluation.certificate_id = current.get(evaluation.employee_id.id, False)

    @api.depends("history_id.valid_until", "effective_date", "target_grade_id.validity_months")
    def _compute_certificate_valid_until(self):
        for evaluation in self:
            if evaluation.history_id:
                evaluation.certificate_valid_until = evaluation.history_id.valid_until
            else:
                evaluation.certificate_valid_until = recert_rules.valid_until(
                    evaluation.effective_date or fields.Date.context_today(self),
                    evaluation.target_grade_id.validity_months,
                )

    @api.depends("kind", "current_grade_id")
    def _compute_target_grade(self):
        for evaluation in self:
            current = evaluation.current_grade_id
            if evaluation.kind == "recertification":
                evaluation.target_grade_id = current
            elif evaluation.kind == "promotion" and current:
                evaluation.target_grade_id = current._get_next_grade()
            elif evaluation.kind == "demotion" and current:
                evaluation.target_grade_id = current._get_previous_grade()
            elif not evaluation.target_grade_id:
                evaluation.target_grade_id = False

    @api.depends("target_grade_id", "kind")
    def _compute_template(self):
        for evaluation in self:
            grade = evaluation.target_grade_id
            if evaluation.kind == "recertification" and grade:
                evaluation.template_id = grade._recertification_template()
            else:
                evaluation.template_id = grade.assessment_template_id

    @api.depends("template_id")
    def _compute_line_ids(self):
        for evaluation in self:
            criteria = evaluation.template_id.section_ids.criterion_ids
            evaluation.line_ids = [Command.clear()] + [
                Command.create({"criterion_id": criterion.id}) for criterion in criteria
            ]

    @api.depends(
        "line_ids.points",
        "committee_round_id.score_ids.assessment_score",
        "committee_round_id.score_ids.state",
        "committee_round_id.state",
        "committee_id.scoring_rule",
        "template_id.max_points",
        *(f"{part}_score" for part in EXAM_PARTS),
        "target_grade_id",
        "exam_weights",
        "scored",
        "company_id",
        "committee_round_id.decision",
        "calibrated_result",
        "calibrated_score",
        "has_calibrated_score",
    )
    def _compute_scores(self):
        for evaluation in self:
            template = evaluation.template_id
            rated = evaluation._committee_form_scores()
            if rated:
                # The committee rated the form: its members' scores, combined.
                evaluation.assessment_score = float(
                    committee_rules.combine(rated, evaluation.committee_id.scoring_rule)
                )
            elif template:
                evaluation.assessment_score = template._score(
                    {line.criterion_id: line.points for line in evaluation.line_ids}
                )
            else:
                evaluation.assessment_score = 0.0
            company = evaluation.company_id or self.env.company
            parts = {"assessment": evaluation.assessment_score}
            parts.update({part: evaluation[f"{part}_score"] for part in EXAM_PARTS})
            evaluation.final_score = float(
                scoring.weighted_total(evaluation._applied_exam_weights(), parts)
            )
            if evaluation.has_calibrated_score:
                # The committee's calibration set the final score, with a reason.
                evaluation.final_score = evaluation.calibrated_score
            if evaluation.committee_decision:
                # The committee's signed opinion is the result.
                evaluation.result = evaluation.committee_decision
            elif evaluation.calibrated_result:
                evaluation.result = evaluation.calibrated_result
            elif not evaluation.scored and not evaluation.has_calibrated_score:
                evaluation.result = "pending"
            elif evaluation.final_score >= company.technical_grade_pass_mark:
                evaluation.result = "passed"
            else:
                evaluation.result = "failed"

    @api.depends("target_grade_id.exam_part_ids.part")
    def _compute_exam_parts(self):
        for evaluation in self:
            evaluation.exam_parts = ",".join(
                evaluation.sudo().target_grade_id.exam_part_ids.mapped("part")
            )

    def _committee_form_scores(self):
        """The form scores of the members who scored, once the scoring is closed."""
        self.ensure_one()
        if not self.template_id or not self.committee_round_id:
            return []
        return self.sudo().committee_round_id._form_scores()

    def _check_exam_scores(self, scores):
        """A member's exam scores, checked: ``{part: score}`` over the target grade's parts.

        A score is a number from 0 to 100; a part the target grade does not
        list is not scored (a zero for it, as a form leaves it, is ignored).
        """
        self.ensure_one()
        labels = dict(
            self.env["hr.technical.grade.exam.part"]
            ._fields["part"]
            ._description_selection(self.env)
        )
        grade_parts = self.sudo().target_grade_id.exam_part_ids
        checked = dict.fromkeys(grade_parts.mapped("part"), 0.0)
        theory = grade_parts.filtered(lambda p: p.part == "theory")
        if theory.item_ids or isinstance(scores.get("theory"), dict):
            scores = dict(scores, theory=self._theory_from_items(theory, scores.get("theory")))
        for part, value in scores.items():
            if part not in labels:
                raise UserError(self.env._("%(part)s is not an exam part.", part=part))
            self._check_score_number(labels[part], value)
            if part in checked:
                checked[part] = float(value)
            elif value:
                raise UserError(
                    self.env._(
                        "%(grade)s has no %(part)s exam: it is not scored.",
                        grade=self.sudo().target_grade_id.name,
                        part=labels[part],
                    )
                )
        return checked

    def _theory_from_items(self, theory, item_scores):
        """The theory score from a member's ``{item id: score}`` of its content items."""
        if not theory.item_ids or not isinstance(item_scores, dict):
            raise UserError(
                self.env._(
                    "Score each content item of the theory exam of %(grade)s.",
                    grade=theory.grade_id.name or self.target_grade_id.name,
                )
            )
        given = {}
        for item in theory.item_ids:
            value = item_scores.get(item.id, item_scores.get(str(item.id)))
            self._check_score_number(item.name, value)
            given[item] = value
        return theory._item_score(given)

    def _check_score_number(self, label, value):
        """A score given over RPC is a number from 0 to 100 (not a string, not a boolean)."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise UserError(
                self.env._(
                    "The score of %(part)s is a number from 0 to 100, not %(value)s.",
                    part=label,
                    value=value,
                )
            )

    def _committee_rates(self):
        """Whether a committee step decides this evaluation: its members rate, HR does not."""
        self.ensure_one()
        return any(step.approver_type == "committee" for step in self._approval_steps())

    @api.depends(
        "kind", "employee_id", "target_grade_id", "current_grade_id", "state", "campaign_id.date_to"
    )
    @api.depends_context("uid")
    def _compute_eligibility(self):
        """The unmet conditions, worded; past the draft, for HR and the employee only.

        They state months in grade and years of experience: readers of a
        result under public notice (every employee) do not get them.
        """
        user = self.env.user
        officer = user.has_group(OFFICER)
        checked = {}
        for (day, kind), evaluations in self.grouped(
            lambda e: (e._eligibility_day(), e.kind)
        ).items():
            checked.update(evaluations.sudo()._eligibility_checks(day, kind))
        for evaluation in self:
            problems = [text for _problem, text in checked.get(evaluation.id, [])]
            evaluation.eligible = not problems
            shown = officer or evaluation.state == "draft" or evaluation.employee_id.user_id == user
            evaluation.eligibility_problems = shown and "\n".join(problems) or False

    def _eligibility_check(self, day):
        """The unmet conditions of the request on ``day``: ``(problem, wording)`` pairs.

        Read as superuser by the callers: requesters may not read HR-only
        employee data (grade history, experience date).
        """
        self.ensure_one()
        return self._eligibility_checks(day, self.kind).get(self.id, [])

    def _eligibility_checks(self, day, kind):
        """:meth:`_eligibility_check` of the requests of one ``kind``, asked
        of the employees' eligibility service together."""
        requests = self.filtered(
            lambda e: e.employee_id and (kind == "initial" or e.target_grade_id)
        )
        answers = requests.employee_id._technical_grade_eligibility(
            day, kind, {e.employee_id.id: e.target_grade_id for e in requests}
        )
        # Two requests of one employee (a sibling draft) may ask for different grades.
        checked = {}
        for evaluation in requests:
            _standing, target, problems = answers[evaluation.employee_id.id]
            if target != evaluation.target_grade_id and kind != "initial":
                _standing, target, problems = evaluation.employee_id._technical_grade_eligibility(
                    day, kind, {evaluation.employee_id.id: evaluation.target_grade_id}
                )[evaluation.employee_id.id]
            checked[evaluation.id] = problems
        return checked

    def _check_eligible(self, day, structural_only=False):
        """Refuse requests that are not eligible on ``day``.

        One grade up, one grade down, an initial grading for the ungraded
        only: no override lifts these.  The other conditions (time in grade,
        experience, results), checked unless ``structural_only``, an HR
        officer may override with a written justification.
        """
        for evaluation in self:
            checked = evaluation.sudo()._eligibility_check(day)
            structural = [
                text for problem, text in checked if problem.code in eligibility.STRUCTURAL
            ]
            if structural:
                raise UserError(
                    self.env._(
                        "%(employee)s is not eligible:\n%(problems)s\nNo override lifts this: a "
                        "promotion is one grade up, a demotion one grade down, and an initial "
                        "grading is for employees without a grade.",
                        employee=evaluation.employee_id.name,
                        problems="\n".join(f"- {p}" for p in structural),
                    )
                )
            problems = [text for _problem, text in checked]
            if problems and not (structural_only or evaluation.override_eligibility):
                raise UserError(
                    self.env._(
                        "%(employee)s is not eligible:\n%(problems)s\nAn HR officer may "
                        "override this with a written justification.",
                        employee=evaluation.employee_id.name,
                        problems="\n".join(f"- {p}" for p in problems),
                    )
                )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.depends("employee_id")
    @api.depends_context("uid")
    def _compute_training_result_ids(self):
        """The candidates' training results, read as the user: the record rules decide."""
        Result = self.env["hr.technical.grade.training.result"]
        results = Result.browse()
        if self.employee_id and Result.has_access("read"):
            results = Result._of_done_trainings(self.employee_id)
        for evaluation in self:
            evaluation.training_result_ids = results.filtered(
                lambda result, employee=evaluation.employee_id: result.employee_id == employee
            )

    @api.model
    def _propose_demotion(self, employee, reason, evidence, source):
        """The open demotion request of ``employee``, or a new draft one, for ``reason``.

        Results propose demotions (dynamic adjustment, seed 000): ``evidence``
        words what proposes it, ``source`` is the document whose chatter says
        so when the employee has no lower grade (nothing is proposed, None is
        returned).  One open demotion request at a time: a later proposal adds
        its evidence to it.
        """
        employee = employee.sudo()
        grade = employee.technical_grade_id
        if not grade or not grade._get_previous_grade():
            source.sudo().message_post(
                body=self.env._(
                    "No demotion proposed: %(employee)s has no lower grade.",
                    employee=employee.name,
                )
            )
            return None
        Evaluation = self.sudo()
        evaluation = Evaluation.search(
            [
                ("employee_id", "=", employee.id),
                ("kind", "=", "demotion"),
                ("state", "in", OPEN_STATES),
            ],
            limit=1,
        )
        if evaluation:
            evaluation.message_post(
                body=self.env._("A demotion is proposed again, by %(evidence)s.", evidence=evidence)
            )
            return evaluation
        evaluation = Evaluation.create(
            {"employee_id": employee.id, "kind": "demotion", "demotion_reason": reason}
        )
        evaluation.message_post(body=self.env._("Proposed by %(evidence)s.", evidence=evidence))
        return evaluation

    @api.constrains("kind", "demotion_reason", "serious_case")
    def _check_demotion_reason(self):
        for evaluation in self:
            if evaluation.kind == "demotion" and not evaluation.demotion_reason:
                raise ValidationError(self.env._("A demotion needs one of the demotion reasons."))
            if evaluation.serious_case and evaluation.kind != "demotion":
                raise ValidationError(
                    self.env._(
                        "Only a demotion is marked as an especially serious case (seed 000)."
                    )
                )

    @api.constrains("override_eligibility", "override_reason")
    def _check_override(self):
        for evaluation in self:
            if evaluation.override_eligibility and not (evaluation.override_reason or "").strip():
                raise ValidationError(
                    self.env._("Overriding the eligibility needs a written justification.")
                )

    @api.constrains("effective_date")
    def _check_effective_date(self):
        today = fields.Date.context_today(self)
        if self.env.user.has_group(OFFICER) or self.env.su:
            return
        for evaluation in self:
            if evaluation.effective_date and evaluation.effective_date < today:
                raise ValidationError(
                    self.env._("Only HR officers may set an effective date in the past.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def _check_requester_fields(self, vals):
        if self.env.su or self.env.user.has_group(OFFICER):
            return
        forbidden = set(vals) - REQUESTER_FIELDS - {"name", "message_follower_ids"}
        if forbidden and not self:
            # A new request carries the defaults its form sends (state, committee...):
            # the model's own, not those a caller puts in the context.
            context = {
                key: value
                for key, value in self.env.context.items()
                if not key.startswith("default_")
            }
            defaults = self.with_env(self.env(context=context)).default_get(list(forbidden))
            forbidden = {
                fname
                for fname in forbidden
                if vals[fname] and vals[fname] != defaults.get(fname, WORKFLOW_DEFAULTS.get(fname))
            }
        if forbidden or any(evaluation.state != "draft" for evaluation in self):
            raise AccessError(
                self.env._(
                    "Only HR officers change the scores, results and status of evaluations; "
                    "requesters edit their draft requests only."
                )
            )

    def _check_recertification_by_hr(self, vals):
        """Recertifications are HR's (prepared by the daily job, or filed by HR)."""
        if vals.get("kind") == "recertification" and not (
            self.env.su or self.env.user.has_group(OFFICER)
        ):
            raise AccessError(
                self.env._("Only HR officers file a recertification of a technical grade.")
            )

    def _check_cycle_reason_by_hr(self, vals):
        """Only HR officers file a promotion outside the campaign, saying why."""
        if vals.get("cycle_reason") and not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(
                self.env._(
                    "Only HR officers file a promotion outside the yearly campaign, with its "
                    "reason."
                )
            )

    def _workflow_actions(self):
        return self.env._("submit, approve, reject, sign, apply")

    def _check_signature_unchanged(self, vals):
        """The chair's signed opinion stays as signed, for everyone: the round's lock."""
        if not SIGNATURE_FIELDS & set(vals):
            return
        self.sudo().committee_round_id._check_unsigned()

    def _check_request_is_draft(self, vals):
        """The employee, kind and target grade of a request change on its draft only."""
        if self.env.su or not REQUEST_FIELDS & set(vals):
            return
        for evaluation in self:
            if evaluation.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: its employee, kind, target grade and committee "
                        "change on the draft only.",
                        name=evaluation.name,
                        state=evaluation._selection_label("state"),
                    )
                )

    def _check_may_file(self):
        """Requesters file for whom they may create a request, on write as on create."""
        refused = self._check_access("create")
        if refused:
            forbidden = refused[0]
            raise AccessError(
                self.env._(
                    "You cannot file a request about %(employees)s: employees file their own "
                    "requests, managers those of their team, HR any.",
                    employees=", ".join(forbidden.sudo().employee_id.mapped("name")),
                )
            )

    def _check_one_open_request(self, requests):
        """Refuse a second open request of an employee for the same kind.

        ``requests`` are the ``(employee id, kind)`` pairs that ``self``
        (nothing when creating) are about to hold in an open state.  The
        constraint ``one_open_request`` says the same in the database; this
        names the open request.
        """
        requests = [(employee_id, kind) for employee_id, kind in requests if employee_id]
        if not requests:
            return
        others = self.sudo().search(
            [
                ("employee_id", "in", list({employee_id for employee_id, _kind in requests})),
                ("state", "in", OPEN_STATES),
                ("id", "not in", self.ids),
            ],
            order="id",
        )
        open_requests = {}
        for other in others:
            open_requests.setdefault((other.employee_id.id, other.kind), other)
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        Employee = self.env["hr.employee"].sudo()
        for employee_id, kind in requests:
            key = (employee_id, kind)
            if key not in open_requests:
                open_requests[key] = self.browse()
                continue
            other = open_requests[key]
            if other:
                message = self.env._(
                    "%(employee)s already has an open request of this kind (%(kind)s): "
                    "%(request)s. Finish, withdraw or cancel it before filing another.",
                    employee=Employee.browse(employee_id).name,
                    kind=kinds.get(kind, kind),
                    request=other.name,
                )
            else:
                message = self.env._(
                    "%(employee)s has two requests of the same kind (%(kind)s) here: an "
                    "employee has one open request of each kind at a time.",
                    employee=Employee.browse(employee_id).name,
                    kind=kinds.get(kind, kind),
                )
            raise UserError(message)

    def _check_initial_grading(self):
        """An initial grading is for employees without a grade (as in Set Grade)."""
        self.filtered(
            lambda evaluation: evaluation.kind == "initial"
        ).employee_id.sudo()._check_technical_grade_ungraded()

    @api.model_create_multi
    def create(self, vals_list):
        default_kind = self.default_get(["kind"]).get("kind")
        for vals in vals_list:
            # What the checks see includes the context's defaults (default_kind, ...).
            sent = self.browse()._sent_values(vals)
            self.browse()._check_cycle_reason_by_hr(sent)
            self.browse()._check_recertification_by_hr(sent)
            self.browse()._check_requester_fields(sent)
            self.browse()._check_workflow_fields(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("hr.technical.grade.evaluation") or "/"
                )
        self.browse()._check_one_open_request(
            [
                (vals.get("employee_id"), vals.get("kind") or default_kind)
                for vals in vals_list
                if vals.get("state", "draft") in OPEN_STATES
            ]
        )
        evaluations = super().create(vals_list)
        evaluations._check_initial_grading()
        return evaluations

    def write(self, vals):
        self._check_signature_unchanged(vals)
        self._check_applied_unchanged(vals)
        self._check_workflow_fields(vals)
        self._check_request_is_draft(vals)
        if SCORE_FIELDS & set(vals):
            self._check_scores_unlocked()
        if RATED_FIELDS & set(vals):
            self._check_rated_by_hr()
        if "override_eligibility" in vals and not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR officers may override the eligibility."))
        self._check_cycle_reason_by_hr(vals)
        self._check_recertification_by_hr(vals)
        self._check_decided_fields_fixed(vals)
        self._check_requester_fields(vals)
        if {"state", "employee_id", "kind"} & set(vals):
            self._check_one_open_request(
                [
                    (
                        vals.get("employee_id", evaluation.employee_id.id),
                        vals.get("kind", evaluation.kind),
                    )
                    for evaluation in self
                    if vals.get("state", evaluation.state) in OPEN_STATES
                ]
            )
        res = super().write(vals)
        if {"employee_id", "kind"} & set(vals):
            if not self.env.su:
                self._check_may_file()
            self._check_initial_grading()
        return res

    def _check_decided_fields_fixed(self, vals):
        """What the approvers decided on stays as they saw it, for HR too.

        The eligibility override and the effective date are fixed once
        submitted; HR moves the effective date only with Change Effective
        Date, which asks for a reason and logs it.
        """
        if self.env.su:
            return
        if OVERRIDE_FIELDS & set(vals):
            submitted = self.filtered(lambda e: e.state != "draft")
            if submitted:
                raise UserError(
                    self.env._(
                        "%(names)s is submitted: its eligibility override stays as it was "
                        "submitted.",
                        names=", ".join(submitted.mapped("name")),
                    )
                )
        if "cycle_reason" in vals:
            submitted = self.filtered(lambda e: e.state != "draft")
            if submitted:
                raise UserError(
                    self.env._(
                        "%(names)s is submitted: its reason outside the campaign stays as it "
                        "was submitted.",
                        names=", ".join(submitted.mapped("name")),
                    )
                )
        if "effective_date" in vals:
            submitted = self.filtered(lambda e: e.state in ("submitted", "approved"))
            if submitted:
                raise UserError(
                    self.env._(
                        "%(names)s is submitted: its effective date stays as the approvers see "
                        "it. HR changes it with Change Effective Date, giving a reason.",
                        names=", ".join(submitted.mapped("name")),
                    )
                )

    def action_change_effective_date(self, new_date, reason):
        """HR moves the effective date of a submitted or approved evaluation, saying why.

        The old and new dates and the reason go to the chatter.
        """
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(
                self.env._("Only HR officers change the effective date of a submitted evaluation.")
            )
        reason = self._clean_reason(reason, self.env._("Say why the effective date changes."))
        try:
            new_date = fields.Date.to_date(new_date)
        except (TypeError, ValueError):
            new_date = None
        if not new_date:
            raise UserError(self.env._("Give the new effective date as a date."))
        self._check_state("submitted", "approved")
        for evaluation in self:
            previous = evaluation.effective_date
            evaluation.sudo().write({"effective_date": new_date})
            evaluation.sudo().message_post(
                body=self.env._(
                    "Effective date changed by %(user)s: %(previous)s → %(date)s. "
                    "Reason: %(reason)s",
                    user=self.env.user.name,
                    previous=previous or self.env._("none"),
                    date=new_date,
                    reason=reason,
                ),
                author_id=self.env.user.partner_id.id,
            )
        return True

    def action_open_change_effective_date(self):
        """The shared reason wizard, asking for the new effective date."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Effective Date"),
            "res_model": "hr.technical.grade.approval.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": self._name,
                "active_ids": self.ids,
                "default_decision": "effective_date",
                "default_new_date": self[:1].effective_date,
            },
        }

    def _check_applied_unchanged(self, vals):
        """An applied evaluation is on record as it was applied, for HR too.

        Its grade is in the history from its effective date: a correction is
        a new evaluation (or an administrator's Set Grade), never an edit.
        Notes and the chatter's own fields stay writable.
        """
        changed = set(vals) - APPLIED_WRITABLE
        if changed and not self.env.su and any(e.state == "done" for e in self):
            raise UserError(
                self.env._(
                    "%(names)s is applied: it is kept as it was applied. Correct a grade with "
                    "a new evaluation.",
                    names=", ".join(self.filtered(lambda e: e.state == "done").mapped("name")),
                )
            )

    def _check_rated_by_hr(self):
        """Where a committee step decides, its members rate: HR prepares, never scores."""
        if self.env.su:
            return
        rated = self.filtered(lambda evaluation: evaluation._committee_rates())
        if rated:
            raise UserError(
                self.env._(
                    "The evaluation committee rates %(names)s: its members rate the assessment "
                    "form and the exams. HR prepares the evaluation and attaches the evidence.",
                    names=", ".join(rated.mapped("name")),
                )
            )

    def _check_scores_unlocked(self):
        for evaluation in self:
            if evaluation.committee_state == "signed":
                raise UserError(
                    self.env._(
                        "The committee has signed its opinion on %(name)s: its scores are locked.",
                        name=evaluation.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(evaluation.state not in ("draft", "cancel") for evaluation in self):
            raise UserError(self.env._("Only draft or cancelled evaluations can be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_submit(self):
        self._check_yearly_cycle()
        for evaluation in self:
            evaluation._check_eligible(evaluation._eligibility_day())
        self._freeze_exam_weights()

    def _freeze_exam_weights(self):
        """A submitted request keeps the target grade's weights of the day.

        The final score of a request in approval or applied never follows a
        later change of the grade's form or exam weights.
        """
        for evaluation in self:
            weights = evaluation.sudo().target_grade_id._exam_weights()
            if evaluation.exam_weights != weights:
                evaluation.sudo().exam_weights = weights

    def _applied_exam_weights(self):
        """``{"assessment": weight, part: weight}``: frozen at the submission, or the
        target grade's current weights on a draft."""
        self.ensure_one()
        if self.exam_weights:
            return {key: float(weight) for key, weight in self.exam_weights.items()}
        return self.sudo().target_grade_id._exam_weights()

    # ------------------------------------------------------------------
    # The yearly cycle
    # ------------------------------------------------------------------

    def _check_yearly_cycle(self):
        """A promotion is submitted in the yearly campaign (seed 000: every year in Q4).

        Outside an open campaign it goes ahead in a window of the current
        grade's evaluation cycle (when the company turns the cycles on, once
        per window), or with HR's recorded reason; else it is refused, saying
        when the campaign is.  The window it is submitted in is recorded.
        """
        for evaluation in self.filtered(lambda e: e.kind == "promotion"):
            window, problem = evaluation._yearly_cycle_standing()
            if problem:
                raise UserError(problem)
            start, end = window or (False, False)
            if (evaluation.cycle_window_start, evaluation.cycle_window_end) != (start, end):
                evaluation.sudo().write({"cycle_window_start": start, "cycle_window_end": end})

    def _yearly_cycle_standing(self):
        """``(window, problem)`` of a promotion about to be submitted today.

        ``window`` is the ``(start, end)`` of the evaluation-cycle window it
        goes ahead in (None in a campaign or with HR's reason); ``problem`` is
        the translated refusal, or None.  The employee's Apply for Promotion
        asks it right after filing: its refusal undoes the filing.
        """
        self.ensure_one()
        company = self.company_id or self.env.company
        if not company.technical_grade_promotion_in_campaign:
            return None, None
        if self.campaign_id and self.campaign_id.sudo().state == "open":
            return None, None
        today = company._technical_grade_today()
        window_problem = None
        months = self.current_grade_id.sudo().evaluation_interval_months
        if company.technical_grade_evaluation_cycle and months:
            window = cycle.evaluation_window(today, months)
            taken = self.sudo().search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("kind", "=", "promotion"),
                    ("cycle_window_start", "=", window[0]),
                    ("state", "not in", ("draft", "cancel")),
                    ("id", "not in", self.ids),
                ],
                limit=1,
            )
            if not taken:
                return window, None
            window_problem = self.env._(
                "%(employee)s was already evaluated in this window of the evaluation cycle of "
                "%(grade)s (%(start)s to %(end)s): %(request)s. The next window opens on "
                "%(next)s.",
                employee=self.employee_id.sudo().name,
                grade=self.current_grade_id.sudo().name,
                start=format_date(self.env, window[0]),
                end=format_date(self.env, window[1]),
                request=taken.name,
                next=format_date(self.env, cycle.next_window_start(today, months)),
            )
        if (self.cycle_reason or "").strip():
            return None, None
        problem = self.env._(
            "Promotions are decided in the yearly promotion campaign: %(when)s",
            when=self._yearly_campaign_when(company, today),
        )
        if window_problem:
            problem = f"{window_problem}\n{problem}"
        if self.env.user.has_group(OFFICER):
            problem += "\n" + self.env._(
                "As an HR officer, you may file it outside the campaign: give the reason in "
                "Reason Outside the Campaign."
            )
        else:
            problem += "\n" + self.env._(
                "Apply when the campaign is open; outside it, only HR may file a promotion, "
                "with a reason."
            )
        return None, problem

    def _yearly_campaign_when(self, company, today):
        """When the employee's yearly campaign is, worded for the refusal."""
        Campaign = self.env["hr.technical.grade.campaign"].sudo()
        campaigns = Campaign.search(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("draft", "open")),
                ("date_to", ">=", today),
            ],
            order="date_from, id",
        )
        employee = self.employee_id.sudo()
        campaign = campaigns.filtered(lambda c: c._covers(employee))[:1]
        if campaign.state == "open":
            return self.env._(
                "%(campaign)s is open until %(end)s: the engineer applies in it with Apply for "
                "Promotion (My Technical Grade), or HR adds them to it.",
                campaign=campaign.name,
                end=format_date(self.env, campaign.date_to),
            )
        if campaign:
            return self.env._(
                "%(campaign)s runs from %(start)s to %(end)s.",
                campaign=campaign.name,
                start=format_date(self.env, campaign.date_from),
                end=format_date(self.env, campaign.date_to),
            )
        return self.env._(
            "it is held every year in the fourth quarter (October to December), when HR opens it."
        )

    def _eligibility_day(self):
        """The day eligibility is judged on: a campaign's own day (the end of
        its period), else today."""
        self.ensure_one()
        if self.campaign_id:
            return self.campaign_id.sudo()._eligibility_day()
        return fields.Date.context_today(self)

    def _check_approve(self):
        for evaluation in self:
            if (
                evaluation.current_approval_id.committee_step
                and evaluation.committee_state != "signed"
            ):
                raise UserError(
                    self.env._(
                        "%(name)s is before the committee: its chair approves by signing the "
                        "committee's opinion once the members have scored.",
                        name=evaluation.name,
                    )
                )

    def _on_chain_progress(self):
        self._open_committee_scoring()

    def _check_final_approval(self):
        if self.result != "passed":
            raise UserError(
                self.env._(
                    "%(name)s has not passed (final score %(score)s): it cannot be approved.",
                    name=self.name,
                    score=self.final_score,
                )
            )
        self._check_campaign_quota()

    def action_reject(self, reason):
        reason = self._clean_reason(reason, self.env._("Say why the evaluation is rejected."))
        return super().action_reject(reason)

    def _on_rejected(self, reason):
        """A failed recertification proposes a demotion, with that reason."""
        res = super()._on_rejected(reason)
        for evaluation in self.filtered(lambda e: e.kind == "recertification"):
            proposal = self._propose_demotion(
                evaluation.employee_id,
                "recertification_failed",
                self.env._(
                    "the failed recertification %(name)s: %(reason)s",
                    name=evaluation.name,
                    reason=reason,
                ),
                evaluation,
            )
            if proposal:
                evaluation.message_post(
                    body=self.env._("Demotion proposed: %(name)s.", name=proposal.name)
                )
        return res

    def _approval_committee_users(self, step):
        """The chair decides the committee step, once the committee can evaluate."""
        self._check_committee_ready()
        return self.sudo().committee_id.chair_id

    def _check_committee_ready(self):
        """Refuse a submission whose committee cannot evaluate, naming what is missing.

        The problems are the first-run checklist's (the company computes
        them in one place); the refusal links to the committee to fix.
        """
        for evaluation in self.sudo():
            company = evaluation.company_id or self.env.company
            problems = [
                problem
                for problem in company._technical_grade_committee_problems(evaluation.committee_id)
                if problem.blocking
            ]
            if not problems:
                continue
            record = problems[0].record
            raise RedirectWarning(
                self.env._(
                    "%(name)s cannot be submitted until its committee can evaluate: %(problems)s",
                    name=evaluation.name,
                    problems=" ".join(problem.message for problem in problems),
                ),
                company._technical_grade_setup_action(problems[0]),
                self.env._("Open %(record)s", record=record.display_name)
                if record
                else self.env._("Open the committees"),
            )

    def _approval_notified_partners(self):
        return (self.employee_id.user_id | self.create_uid).partner_id

    def _check_applicant_or_officer(self):
        """Withdrawing or reopening a request: its applicant, or HR."""
        if self.env.su:
            return
        for evaluation in self:
            if not evaluation.is_requester:
                raise AccessError(
                    self.env._(
                        "Only the applicant or HR can withdraw or reopen %(name)s.",
                        name=evaluation.name,
                    )
                )

    def action_cancel(self):
        """The applicant (or HR) withdraws the request: it stays on record, cancelled."""
        cancelled = self._check_transition("cancel", "withdraw").sudo()
        cancelled.write({"state": "cancel"})
        cancelled.material_ids.action_cancel()
        self.activity_update()
        return True

    def action_submit(self):
        """Submit; the market and customer service department is asked for the material."""
        res = super().action_submit()
        submitted = self.sudo().filtered(lambda e: e.state in ("submitted", "approved"))
        self.env["hr.technical.grade.evaluation.material"]._request_for(submitted)
        return res

    def action_request_material(self):
        """Ask the material suppliers not yet asked (HR), e.g. after adding one."""
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR asks for evaluation material."))
        if not self.company_id.technical_grade_material_user_ids:
            raise UserError(
                self.env._(
                    "Name the market and customer service department's members in the "
                    "Technical Grades settings (Evaluation material) first."
                )
            )
        open_ones = self.filtered(lambda e: e.state not in ("cancel", "rejected"))
        self.env["hr.technical.grade.evaluation.material"]._request_for(open_ones)
        return True

    def _may_withdraw(self):
        self._check_applicant_or_officer()

    def _may_apply(self):
        """HR applies an approved evaluation that passed, every step approved, within quota."""
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(self.env._("Only HR officers apply evaluations."))
        self._check_campaign_quota()
        self._check_approved_and_passed()

    def _check_reopen(self):
        self._check_applicant_or_officer()
        self._check_send_back()

    def _check_send_back(self):
        for evaluation in self:
            if evaluation.committee_state == "signed":
                raise UserError(
                    self.env._(
                        "The committee has signed its opinion on %(name)s, which stays on "
                        "record: file a new evaluation instead.",
                        name=evaluation.name,
                    )
                )

    def _on_reopened(self):
        # A committee round that never concluded stays on record, superseded;
        # the next submission opens a new one.
        self.committee_round_id._supersede()
        self.write({"committee_round_id": False})

    def _approval_activity_summary(self, step):
        return self.env._(
            "%(step)s: %(kind)s of %(employee)s",
            step=step.name,
            kind=self._selection_label("kind"),
            employee=self.employee_id.name,
        )

    def activity_update(self):
        """Every activity of the evaluations: their approvers, then the committee's members.

        While the committee scores a submitted evaluation, each member with a
        pending score line has a scoring activity, marked done once scored;
        outside the scoring, or once the evaluation is withdrawn, there is none.
        """
        res = super().activity_update()
        wanted = {}
        scoring = self.sudo().filtered(
            lambda e: e.state == "submitted" and e.committee_state == "scoring"
        )
        for evaluation in scoring:
            summary = self.env._(
                "Score %(employee)s for %(grade)s",
                employee=evaluation.employee_id.name,
                grade=evaluation.target_grade_id.name,
            )
            pending = evaluation.score_ids.filtered(lambda score: score.state == "pending")
            wanted[evaluation.id] = dict.fromkeys(pending.member_id, summary)
        in_scoring = self.browse(scoring.ids)
        in_scoring._sync_activities(SCORING_ACTIVITY, wanted, self.env._("Scored"))
        (self - in_scoring)._sync_activities(SCORING_ACTIVITY, wanted)
        self._campaign_activity_update()
        self._prepare_activity_update()
        self._recertification_activity_update()
        return res

    def _recertification_activity_update(self):
        """Part of ``activity_update()``: a recertification the daily job
        prepared is HR's to prepare and submit before the certificate expires
        (the contract's HR responsible, else whoever applied the grade); done
        once submitted, dropped when cancelled."""
        prepared = self.sudo().filtered(lambda e: e.kind == "recertification" and e.certificate_id)
        wanted = {}
        for evaluation in prepared.filtered(lambda e: e.state == "draft"):
            certificate = evaluation.certificate_id
            responsible = (
                evaluation.employee_id.contract_id.hr_responsible_id
                or certificate.create_uid
                or evaluation.create_uid
            )
            wanted[evaluation.id] = {
                responsible: {
                    "summary": self.env._(
                        "Recertify %(employee)s as %(grade)s",
                        employee=evaluation.employee_id.name,
                        grade=evaluation.target_grade_id.name,
                    ),
                    "date_deadline": certificate.valid_until,
                }
            }
        submitted = prepared.filtered(lambda e: e.state in ("submitted", "approved", "done"))
        submitted._sync_activities(RECERTIFICATION_ACTIVITY, wanted, self.env._("Submitted"))
        (prepared - submitted)._sync_activities(RECERTIFICATION_ACTIVITY, wanted)

    def _prepare_activity_update(self):
        """Part of ``activity_update()``: an initial grading prepared at the end
        of a trial is the contract's HR responsible's to prepare and submit;
        done once submitted, dropped when cancelled."""
        prepared = self.sudo().filtered("contract_id")
        wanted = {}
        for evaluation in prepared.filtered(lambda e: e.state == "draft"):
            contract = evaluation.contract_id
            responsible = contract.hr_responsible_id or contract.create_uid
            wanted[evaluation.id] = {
                responsible: {
                    "summary": self.env._(
                        "Prepare the initial grading of %(employee)s",
                        employee=evaluation.employee_id.name,
                    ),
                    "date_deadline": evaluation.initial_due_date or contract.trial_date_end,
                }
            }
        submitted = prepared.filtered(lambda e: e.state in ("submitted", "approved", "done"))
        submitted._sync_activities(PREPARE_ACTIVITY, wanted, self.env._("Submitted"))
        (prepared - submitted)._sync_activities(PREPARE_ACTIVITY, wanted)

    def _campaign_activity_update(self):
        """Part of ``activity_update()``: the candidate of a campaign's draft
        evaluation is asked to apply; the activity is marked done once the
        request is submitted, and dropped when it is cancelled or the
        campaign no longer open.  The managers' activities are the
        campaign's (``hr.technical.grade.campaign.activity_update``)."""
        wanted = {}
        evaluations = self.sudo().filtered("campaign_id")
        for evaluation in evaluations:
            campaign = evaluation.campaign_id
            user = evaluation.employee_id.user_id
            if evaluation.state == "draft" and campaign.state == "open" and user:
                wanted[evaluation.id] = {
                    user: {
                        "summary": self.env._(
                            "%(campaign)s: prepare and submit your promotion application",
                            campaign=campaign.name,
                        ),
                        "date_deadline": campaign._activity_deadline(),
                    }
                }
        submitted = evaluations.filtered(lambda e: e.state in ("submitted", "approved", "done"))
        submitted._sync_activities(CAMPAIGN_ACTIVITY, wanted, self.env._("Submitted"))
        (evaluations - submitted)._sync_activities(CAMPAIGN_ACTIVITY, wanted)
        # Their managers' lists of candidates, on the campaigns.
        evaluations.campaign_id.activity_update()

    def action_apply(self):
        """Write the approved grade into the history, exactly once.

        The evaluation rows are locked first: of two users applying at the
        same moment, the second waits, then finds the evaluation applied.
        """
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR officers apply evaluations."))
        if not self:
            return True
        self.env.cr.execute(
            "SELECT id FROM hr_technical_grade_evaluation WHERE id IN %s FOR UPDATE",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["state", "history_id"])
        applied = self._check_transition("done", "apply")
        today = self._workflow_today()
        for evaluation in self:
            # The ladder may have moved since the submission.
            evaluation._check_eligible(evaluation.effective_date or today, structural_only=True)
            if evaluation._is_under_notice():
                raise UserError(
                    self.env._(
                        "The result of %(name)s is under public notice until %(date)s: it takes "
                        "effect after the notice.",
                        name=evaluation.name,
                        date=evaluation.notice_end_date,
                    )
                )
            effective = evaluation.effective_date or today
            paid = self.env["hr.payslip"]._technical_grade_confirmed(
                evaluation.employee_id, effective
            )
            if paid:
                raise UserError(
                    self.env._(
                        "%(employee)s's pay from %(date_from)s to %(date_to)s is confirmed "
                        "(%(payslip)s): %(name)s cannot take effect on %(date)s, inside it. "
                        "Change its effective date to %(next_day)s or later.",
                        name=evaluation.name,
                        date=effective.isoformat(),
                        **paid._technical_grade_confirmed_values(),
                    )
                )
            if evaluation.open_objection_count:
                raise UserError(
                    self.env._(
                        "%(count)s objection(s) to %(name)s must be answered before the result "
                        "takes effect.",
                        count=evaluation.open_objection_count,
                        name=evaluation.name,
                    )
                )
        changes = []
        for evaluation in self:
            changes.append(
                {
                    "employee_id": evaluation.employee_id.id,
                    "grade_id": evaluation.target_grade_id.id,
                    "date_from": evaluation.effective_date or today,
                    "change_type": evaluation.kind,
                    "reason": evaluation._history_reason(),
                    "origin": evaluation.name,
                }
            )
        lines = self.env["hr.technical.grade.history"]._record_grade_change(changes)
        for evaluation, line in zip(applied.sudo(), lines, strict=True):
            evaluation.write(
                {"state": "done", "history_id": line.id, "effective_date": line.date_from}
            )
        self.env["hr.technical.grade.appointment"]._follow_grade_changes(self)
        self.filtered("serious_case")._schedule_handbook_case()
        return True

    def _schedule_handbook_case(self):
        """Seed 000: an especially serious case goes on under the Employee Handbook.

        Applying the demotion says so in its chatter, to the HR officer who
        applies it, with the company's handbook when it is set.
        """
        for evaluation in self.sudo():
            url = evaluation.company_id.technical_grade_handbook_url
            evaluation.message_post(
                body=self.env._(
                    "Especially serious case (seed 000): the demotion %(name)s is applied; "
                    "handle the case under the company's Employee Handbook and labour rules. "
                    "%(handbook)s",
                    name=evaluation.name,
                    handbook=url or "",
                ),
                partner_ids=self.env.user.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _check_approved_and_passed(self):
        """What an approved evaluation must be to take effect, however it got there.

        It passed, and every step of its chain is approved.
        """
        for evaluation in self:
            if evaluation.result != "passed":
                raise UserError(
                    self.env._(
                        "%(name)s has not passed (result: %(result)s): it cannot be applied.",
                        name=evaluation.name,
                        result=evaluation._selection_label("result"),
                    )
                )
            undecided = (
                evaluation.sudo()._current_approvals().filtered(lambda a: a.state != "approved")
            )
            if undecided:
                raise UserError(
                    self.env._(
                        "%(name)s is not approved by every step (%(steps)s): it cannot be applied.",
                        name=evaluation.name,
                        steps=", ".join(undecided.mapped("name")),
                    )
                )

    def action_open_history(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.history",
            "res_id": self.history_id.id,
            "view_mode": "form",
        }

    def action_print_appointment_letter(self):
        """The appointment letter of the appointed grade this evaluation conferred."""
        appointments = self.appointment_ids
        if not appointments:
            raise UserError(
                self.env._("%(name)s conferred no appointed grade.", name=self[:1].name)
            )
        return appointments.action_print_letter()

    def action_print_certificate(self):
        """The technical grade certificate, for a passed evaluation only."""
        for evaluation in self:
            if evaluation.kind == "demotion" or evaluation.result != "passed":
                raise UserError(
                    self.env._(
                        "%(name)s has no certificate: only a passed initial grading, "
                        "promotion or recertification gets one.",
                        name=evaluation.name,
                    )
                )
            evaluation._check_state("approved", "done")
        return self.env.ref(
            "hr_technical_grade.action_report_evaluation_certificate"
        ).report_action(self)

    def _printed_experience_date(self):
        """The employee's experience date on the printed forms.

        The date is HR-only (``groups`` of the employee field): it is printed
        for the readers allowed to read it, and left blank for the others
        (team managers, approvers, committee members, readers of the public
        notice).
        """
        self.ensure_one()
        field = self.env["hr.employee"]._fields["technical_experience_date"]
        if not field.is_accessible(self.env):
            return False
        return self.employee_id.technical_experience_date

    def _printed_form(self):
        """The form's rating standards and whether it weighs its criteria, for printing.

        Whoever may print the evaluation reads its form's configuration, which
        the ladder's readers only may open in the application.
        """
        self.ensure_one()
        template = self.sudo().template_id
        ratings = {}
        if self._committee_form_scores():
            # The members' ratings of each criterion, counted per level, once
            # the scoring is closed (who rated what stays unprinted).
            scored = self.sudo().score_ids.filtered(lambda score: score.state == "scored")
            for criterion in template.section_ids.criterion_ids:
                given = scored.line_ids.filtered(lambda r, c=criterion: r.criterion_id == c)
                ratings[criterion.id] = ", ".join(
                    f"{level.name} × {len(given.filtered(lambda r, lv=level: r.level_id == lv))}"
                    for level in given.level_id.sorted(lambda lv: -lv.points)
                )
        return {
            "weighted": template.weighting == "weighted",
            "standards": template.section_ids.standard_ids,
            "committee_ratings": ratings,
        }

    def _history_reason(self):
        self.ensure_one()
        reason = self.env._(
            "%(kind)s evaluation %(name)s, final score %(score)s",
            kind=self._selection_label("kind"),
            name=self.name,
            score=self.final_score,
        )
        if self.override_eligibility:
            reason += "\n" + self.env._(
                "Eligibility overridden: %(reason)s", reason=self.override_reason
            )
        return reason

    # ------------------------------------------------------------------
    # Committee
    # ------------------------------------------------------------------

    def _open_committee_scoring(self):
        """Open a committee round when an evaluation reaches its committee step."""
        opening = self.sudo().filtered(
            lambda evaluation: evaluation.current_approval_id.committee_step
            and evaluation.committee_state == "none"
        )
        if opening:
            self.env["hr.technical.grade.committee.round"]._open_for(opening)

    def _check_chair(self):
        for evaluation in self:
            if evaluation.committee_id.chair_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the chair of %(committee)s closes the scoring and signs the opinion.",
                        committee=evaluation.committee_id.name,
                    )
                )

    def _current_committee_round(self):
        """The current round of the committee (the caller's rights), or an error."""
        self.ensure_one()
        committee_round = self.sudo().committee_round_id
        if not committee_round:
            return False
        return committee_round.with_env(self.env)

    def _record_member_score(self, scores, comment=False, ratings=None):
        """The current member's independent scores of this candidate (see the round)."""
        self.ensure_one()
        committee_round = self._current_committee_round()
        if not committee_round:
            raise UserError(self.env._("%(name)s is not waiting for your score.", name=self.name))
        committee_round._record_member_score(scores, comment, ratings)

    def action_close_scoring(self):
        """The chair closes the scoring before every member has scored."""
        self._check_chair()
        for evaluation in self:
            if evaluation.committee_state != "scoring":
                raise UserError(self.env._("%(name)s is not being scored.", name=evaluation.name))
        self.sudo().committee_round_id.with_env(self.env).action_close_scoring()
        return True

    def _score_result(self):
        """What the scores say before the committee signs: passed or failed.

        A result the committee calibrated (with its reason) counts as what
        the scores say.
        """
        self.ensure_one()
        company = self.company_id or self.env.company
        return committee_rules.score_result(
            self.final_score, company.technical_grade_pass_mark, self.calibrated_result
        )

    def _decision_against_scores(self, decision):
        """Whether the committee's ``decision`` departs from what the scores say.

        The pass mark judges a candidate for a grade (initial grading,
        promotion, recertification); a demotion's scores do not say whether
        it holds, so no decision on one goes against them.
        """
        self.ensure_one()
        if self.kind == "demotion":
            return False
        return decision != self._score_result()

    def _decision_label(self, decision):
        return dict(
            self.env["hr.technical.grade.committee.round"]
            ._fields["decision"]
            ._description_selection(self.env)
        ).get(decision, decision)

    def _against_scores_message(self, decision):
        """The refusal of a decision against the scores signed without a reason."""
        company = self.company_id or self.env.company
        return self.env._(
            "%(name)s: the final score %(score)s against the pass mark %(mark)s says "
            "%(result)s. The committee may decide %(decision)s, but only with a written "
            "reason for deciding against the scores.",
            name=self.name,
            score=self.final_score,
            mark=company.technical_grade_pass_mark,
            result=self._decision_label(self._score_result()),
            decision=self._decision_label(decision),
        )

    def _post_decision_against_scores(self, decision, reason):
        """Put the committee's decision against the scores, and why, in the chatter."""
        self.ensure_one()
        company = self.company_id or self.env.company
        self.message_post(
            body=self.env._(
                "The committee decided %(decision)s against the scores (final score "
                "%(score)s, pass mark %(mark)s), signed by %(chair)s. Reason: %(reason)s",
                decision=self._decision_label(decision),
                score=self.final_score,
                mark=company.technical_grade_pass_mark,
                chair=self.env.user.name,
                reason=reason,
            ),
            author_id=self.env.user.partner_id.id,
        )

    def _committee_sign(self, opinion, decision, reason=False):
        """The chair signs the committee's final opinion today (see the round)."""
        self.ensure_one()
        self._check_chair()
        committee_round = self._current_committee_round()
        if not committee_round:
            raise UserError(
                self.env._(
                    "The scoring of %(name)s must be closed before the chair signs.",
                    name=self.name,
                )
            )
        committee_round._sign(opinion, decision, reason)

    def action_open_objection(self):
        """File an objection during the public notice."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.objection",
            "view_mode": "form",
            "target": "new",
            "context": {"default_evaluation_id": self.id},
        }

    def action_shorten_notice(self, new_end, reason):
        """HR ends the public notice earlier than planned, saying why (see the round)."""
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR officers shorten a public notice."))
        for evaluation in self:
            if not evaluation.committee_round_id:
                raise UserError(
                    self.env._("%(name)s is not under public notice.", name=evaluation.name)
                )
        return self.committee_round_id.action_shorten_notice(new_end, reason)

    def action_open_committee_round(self):
        """The current committee round, in its own form."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.committee.round",
            "res_id": self.committee_round_id.id,
            "view_mode": "form",
        }

    # Campaign
    # ------------------------------------------------------------------

    @api.depends(
        "campaign_id.quota_ids.grade_id",
        "campaign_id.quota_ids.quota",
        "campaign_id.evaluation_ids.target_grade_id",
        "campaign_id.evaluation_ids.result",
        "campaign_id.evaluation_ids.state",
        "campaign_id.evaluation_ids.final_score",
        "campaign_id.evaluation_ids.assessment_score",
    )
    def _compute_quota_rank(self):
        """Each evaluation's place in its campaign's ranking (``campaign._quota_ranking``)."""
        ranking = {}
        # The ranking is the campaign's, whoever reads it: every candidate counts,
        # not only those the reader may see (an approver sees their own candidate).
        for campaign in self.campaign_id.sudo():
            ranking.update(campaign._quota_ranking())
        for evaluation in self:
            quotas = {line.grade_id: line.quota for line in evaluation.sudo().campaign_id.quota_ids}
            ranked = ranking.get(evaluation.id)
            evaluation.has_quota = evaluation.target_grade_id in quotas
            evaluation.quota = quotas.get(evaluation.target_grade_id, 0)
            evaluation.quota_rank = ranked.rank if ranked else 0
            evaluation.within_quota = not evaluation.has_quota or bool(
                ranked and ranked.within_quota
            )

    def _search_within_quota(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search within the quota with = True or = False only."))
        campaigns = self.env["hr.technical.grade.campaign"].search([("quota_ids", "!=", False)])
        beyond = [
            key
            for campaign in campaigns.sudo()
            for key, ranked in campaign._quota_ranking().items()
            if not ranked.within_quota
        ]
        # Not ranked beyond a quota: within it (no quota, or a place inside).
        within = (operator == "=") == value
        return [("id", "not in" if within else "in", beyond)]

    def _check_campaign_quota(self):
        """Refuse the final approval or the application beyond the campaign's quota."""
        for evaluation in self:
            if not evaluation.within_quota:
                raise UserError(
                    self.env._(
                        "%(name)s ranks %(rank)s among the passed candidates for %(grade)s in "
                        "%(campaign)s, whose quota is %(quota)s: it cannot be approved or "
                        "applied beyond the quota.",
                        name=evaluation.name,
                        rank=evaluation.quota_rank or "-",
                        grade=evaluation.target_grade_id.name,
                        campaign=evaluation.campaign_id.name,
                        quota=evaluation.quota,
                    )
                )
