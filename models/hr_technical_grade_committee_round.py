# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import SQL

from ..grade_rules import committee as committee_rules

OFFICER = "hr_technical_grade.group_technical_grade_officer"
# What the chair's signature puts on record for good.
SIGNATURE_FIELDS = {"opinion", "decision", "decision_reason", "signed_by_id", "signed_on"}


class HrTechnicalGradeCommitteeRound(models.Model):
    """One round of the committee on one evaluation (技术等级考评小组评审).

    The members score the candidate independently, the chair closes the
    scoring (or the last member's score does) and signs the committee's
    opinion; a passed result goes under public notice, during which anyone
    may object.  An evaluation sent back or reopened before the signature
    keeps its round on record, superseded, and the next submission opens a
    new one: earlier scores stay readable as they were given.

    Only the workflow writes a round (as superuser); whoever reads its
    evaluation reads it, as for approvals.
    """

    _name = "hr.technical.grade.committee.round"
    _description = "Technical Grade Committee Round"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "hr.technical.grade.workflow.record.mixin",
        "hr.technical.grade.document.access.mixin",
    ]
    _order = "evaluation_id, superseded, sequence desc, id desc"
    _document_model = "hr.technical.grade.evaluation"
    _document_id_field = "evaluation_id"

    evaluation_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    exam_parts = fields.Char(related="evaluation_id.exam_parts")
    sequence = fields.Integer(
        string="Round", readonly=True, default=1, help="1 for the first round, and so on."
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", string="Candidate")
    target_grade_id = fields.Many2one(related="evaluation_id.target_grade_id")
    committee_id = fields.Many2one("hr.technical.grade.committee", required=True, readonly=True)
    state = fields.Selection(
        [
            ("scoring", "Members Scoring"),
            ("closed", "Scoring Closed"),
            ("signed", "Opinion Signed"),
        ],
        required=True,
        default="scoring",
        readonly=True,
        tracking=True,
        string="Committee Stage",
    )
    score_ids = fields.One2many(
        "hr.technical.grade.evaluation.score",
        "round_id",
        string="Committee Scores",
        readonly=True,
        groups=f"{OFFICER},hr_technical_grade.group_technical_grade_committee",
    )
    opinion = fields.Text(string="Committee Opinion", readonly=True)
    decision = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        string="Committee Decision",
        readonly=True,
        tracking=True,
    )
    decision_reason = fields.Text(
        string="Reason Against the Scores",
        readonly=True,
        help="The committee decides: a decision against the scores (passed under the pass "
        "mark, or failed at or above it) is signed with its written reason.",
    )
    signed_by_id = fields.Many2one("res.users", readonly=True)
    signed_on = fields.Date(readonly=True, tracking=True)
    notice_end_date = fields.Date(
        string="Public Notice Until",
        readonly=True,
        tracking=True,
        help="Anyone may file an objection until this day; the result takes effect "
        "only after the notice and once every objection is answered.",
    )
    notice_open = fields.Boolean(
        compute="_compute_notice_open",
        store=True,
        help="The result is under public notice today.",
    )
    objection_ids = fields.One2many(
        "hr.technical.grade.objection", "round_id", string="Objections", readonly=True
    )
    superseded = fields.Boolean(
        readonly=True,
        help="Of an earlier round: the evaluation was sent back or reopened since, and the "
        "next submission opened a new round.",
    )

    @api.depends("evaluation_id.name", "sequence")
    def _compute_display_name(self):
        for committee_round in self:
            committee_round.display_name = self.env._(
                "%(evaluation)s, committee round %(round)s",
                evaluation=committee_round.evaluation_id.name or "",
                round=committee_round.sequence,
            )

    @api.depends("notice_end_date", "superseded", "evaluation_id.state")
    def _compute_notice_open(self):
        for committee_round in self:
            committee_round.notice_open = committee_round._is_under_notice()

    def _is_under_notice(self):
        """Whether the result is under public notice today, in the company's time zone.

        A result withdrawn since (the evaluation cancelled or rejected) is no
        longer published, whatever day its notice was to end.
        """
        self.ensure_one()
        evaluation = self.evaluation_id
        return bool(
            not self.superseded
            and evaluation.state in ("submitted", "approved")
            and self.notice_end_date
            and self.notice_end_date >= evaluation._workflow_today()
        )

    # ------------------------------------------------------------------
    # Written by the workflow only; read with its evaluation
    # ------------------------------------------------------------------

    def _workflow_only_message(self):
        return self.env._(
            "A committee round is written by its workflow only: the members score, the chair "
            "closes the scoring and signs, HR shortens the public notice with a reason."
        )

    def write(self, vals):
        if set(vals) - self._client_writable:
            self._check_workflow()
        self._check_signature_unchanged(vals)
        return super().write(vals)

    def _check_signature_unchanged(self, vals):
        """The chair's signed opinion stays as signed, for everyone."""
        if not SIGNATURE_FIELDS & set(vals):
            return
        self._check_unsigned()

    def _check_unsigned(self):
        """The signed lock: once the chair has signed, the result stays as signed.

        The chair's decision and opinion, and what the committee decided on
        (a calibration of the result or score included).
        """
        signed = self.filtered(lambda committee_round: committee_round.state == "signed")
        if signed:
            raise UserError(
                self.env._(
                    "The committee has signed its opinion on %(name)s: its decision, opinion "
                    "and signature stay as signed.",
                    name=signed[0].evaluation_id.name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A committee round stays on record with its evaluation: it is never deleted."
                )
            )

    # ------------------------------------------------------------------
    # The round's workflow
    # ------------------------------------------------------------------

    @api.model
    def _open_for(self, evaluations):
        """Open a round on each evaluation: every member gets a score line.

        Except those excused from this candidate (the candidate, their direct
        superior, their team), who are recorded as excused.  Earlier rounds
        stay on record, superseded.  Runs as superuser.
        """
        Round = self.sudo()
        Score = self.env["hr.technical.grade.evaluation.score"].sudo()
        last = defaultdict(int)
        for evaluation_id, sequence in Round._read_group(
            [("evaluation_id", "in", evaluations.ids)], ["evaluation_id"], ["sequence:max"]
        ):
            last[evaluation_id.id] = sequence
        Round.search(
            [("evaluation_id", "in", evaluations.ids), ("superseded", "=", False)]
        ).superseded = True
        rounds = Round.browse()
        for evaluation in evaluations.sudo():
            committee = evaluation.committee_id
            employee = evaluation.employee_id
            superiors = employee.parent_id.user_id
            team = (employee.parent_id.child_ids | employee.child_ids).user_id
            criteria = evaluation.template_id.section_ids.criterion_ids
            committee_round = Round.create(
                {
                    "evaluation_id": evaluation.id,
                    "committee_id": committee.id,
                    "sequence": last[evaluation.id] + 1,
                }
            )
            evaluation.committee_round_id = committee_round
            vals_list = []
            for member in committee.member_ids:
                reason = committee_rules.excuse_reason(
                    member.id, employee.user_id.id, superiors.ids, team.ids
                )
                vals_list.append(
                    {
                        "round_id": committee_round.id,
                        "member_id": member.id,
                        "state": "excused" if reason else "pending",
                        "excuse_reason": reason,
                        "line_ids": [
                            Command.create({"criterion_id": criterion.id}) for criterion in criteria
                        ]
                        if not reason
                        else [],
                    }
                )
            # Creating the members' lines schedules their activities.
            scores = Score.create(vals_list)
            pending = scores.filtered(lambda score: score.state == "pending")
            excused = scores - pending
            reasons = dict(Score._fields["excuse_reason"]._description_selection(self.env))
            body = self.env._(
                "The committee %(committee)s scores this evaluation: %(count)s member(s) to score.",
                committee=committee.name,
                count=len(pending),
            )
            if excused:
                members = ", ".join(
                    f"{score.member_id.name} ({reasons[score.excuse_reason]})" for score in excused
                )
                body += " " + self.env._("Excused: %(members)s.", members=members)
            if len(pending) < committee.quorum:
                body += " " + self.env._(
                    "Fewer members can score than the quorum of %(quorum)s: HR adds members.",
                    quorum=committee.quorum,
                )
            evaluation.message_post(body=body)
            rounds |= committee_round
        return rounds

    def _is_open(self):
        """Whether the round still decides: current, on an evaluation in approval.

        A withdrawn (cancelled) evaluation is no longer scored nor signed.
        """
        self.ensure_one()
        return not self.superseded and self.sudo().evaluation_id.state == "submitted"

    def _supersede(self):
        """The evaluation went back to its draft: this round stays on record, superseded."""
        self.sudo().write({"superseded": True})

    def _check_chair(self):
        for committee_round in self:
            if committee_round.sudo().committee_id.chair_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the chair of %(committee)s closes the scoring and signs the opinion.",
                        committee=committee_round.sudo().committee_id.name,
                    )
                )

    def _lock(self):
        """Lock the rounds, their evaluations and their score lines.

        Of two members scoring (or a member and the chair closing) at the
        same moment, the second waits for the first.  The first has written
        a score line (or the evaluation): under Odoo's repeatable-read
        transactions the second then fails with a serialization error, and
        the request is retried with the first one's work in sight, so the
        last member to score always closes the scoring.
        """
        if not self:
            return
        evaluations = self.sudo().evaluation_id
        Score = self.env["hr.technical.grade.evaluation.score"]
        for table, column, ids in (
            (evaluations._table, "id", evaluations.ids),
            (self._table, "id", self.ids),
            (Score._table, "round_id", self.ids),
        ):
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE %s IN %s ORDER BY id FOR NO KEY UPDATE",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    tuple(ids),
                )
            )
        self.invalidate_recordset(["state", "score_ids"])
        evaluations.invalidate_recordset(["committee_state", "committee_round_id"])
        Score.invalidate_model(["state"])

    def _record_member_score(self, scores, comment=False, ratings=None):
        """The current member's independent scores of the candidate.

        ``scores`` are the exam parts' scores; ``ratings`` the member's
        rating of each criterion of the assessment form
        (``{criterion id: level id}``), every criterion rated.
        """
        self.ensure_one()
        self._lock()
        evaluation = self.sudo().evaluation_id
        line = self.sudo().score_ids.filtered(
            lambda score: score.member_id == self.env.user and score.state == "pending"
        )
        if self.state != "scoring" or not self._is_open() or not line:
            raise UserError(
                self.env._("%(name)s is not waiting for your score.", name=evaluation.name)
            )
        items = scores.get("theory") if isinstance(scores.get("theory"), dict) else None
        scores = evaluation._check_exam_scores(scores)
        self._record_member_ratings(line, ratings or {})
        line.write(
            dict(
                {f"{part}_score": value for part, value in scores.items()},
                state="scored",
                theory_item_scores=items and {str(key): value for key, value in items.items()},
                comment=comment,
                scored_on=fields.Datetime.now(),
            )
        )
        evaluation.activity_update()
        evaluation.message_post(
            body=self.env._("%(member)s has scored.", member=self.env.user.name),
            author_id=self.env.user.partner_id.id,
        )
        if not self.sudo().score_ids.filtered(lambda score: score.state == "pending"):
            self._close_scoring()

    def _record_member_ratings(self, score, ratings):
        """Write a member's form ratings; refuse a form left partly unrated."""
        template = self.sudo().evaluation_id.template_id
        levels = template.level_ids
        for rating in score.line_ids:
            level_id = ratings.get(rating.criterion_id.id)
            if level_id is None:
                continue
            if level_id not in levels.ids:
                raise UserError(
                    self.env._(
                        "%(criterion)s: rate it with one of the levels of %(form)s.",
                        criterion=rating.criterion_id.name,
                        form=template.name,
                    )
                )
            rating.level_id = level_id
        unrated = score._unrated()
        if unrated:
            raise UserError(
                self.env._(
                    "Rate every criterion of the assessment form before you submit your scores. "
                    "Not rated: %(criteria)s.",
                    criteria=", ".join(unrated.mapped("name")),
                )
            )

    def action_close_scoring(self):
        """The chair closes the scoring before every member has scored."""
        self._check_chair()
        self._lock()
        for committee_round in self:
            if committee_round.state != "scoring" or not committee_round._is_open():
                raise UserError(
                    self.env._(
                        "%(name)s is not being scored.",
                        name=committee_round.sudo().evaluation_id.name,
                    )
                )
            committee_round._close_scoring()
        return True

    def _close_scoring(self):
        """Combine the members' scores into the evaluation's exam scores."""
        self.ensure_one()
        committee_round = self.sudo()
        evaluation = committee_round.evaluation_id
        committee = committee_round.committee_id
        scored = committee_round.score_ids.filtered(lambda score: score.state == "scored")
        if len(scored) < committee.quorum:
            raise UserError(
                self.env._(
                    "%(count)s member(s) have scored %(name)s; the quorum is %(quorum)s.",
                    count=len(scored),
                    name=evaluation.name,
                    quorum=committee.quorum,
                )
            )
        vals = {
            f"{part}_score": float(
                committee_rules.combine(scored.mapped(f"{part}_score"), committee.scoring_rule)
            )
            for part in evaluation.target_grade_id.exam_part_ids.mapped("part")
        }
        committee_round.state = "closed"
        evaluation.write(vals)
        evaluation.activity_update()
        rule = dict(committee._fields["scoring_rule"]._description_selection(self.env))[
            committee.scoring_rule
        ]
        exams = ", ".join(
            f"{part._label()} {vals[f'{part.part}_score']:g}"
            for part in evaluation.target_grade_id.exam_part_ids
        )
        evaluation.message_post(
            body=self.env._(
                "Scoring closed: %(count)s member(s) scored (%(rule)s). Assessment form "
                "%(form)s; %(exams)s; final score %(final)s.",
                count=len(scored),
                form=evaluation.assessment_score,
                rule=rule,
                exams=exams,
                final=evaluation.final_score,
            )
        )

    def _form_scores(self):
        """The form scores of the members who scored, once the scoring is closed."""
        self.ensure_one()
        if self.state not in ("closed", "signed"):
            return []
        scored = self.sudo().score_ids.filtered(
            lambda score: score.state == "scored" and score.line_ids
        )
        return scored.mapped("assessment_score")

    def _sign(self, opinion, decision, reason=False):
        """The chair signs the committee's final opinion today, locking the scores.

        A pass approves the committee step (and opens the public notice when
        the company has one, from today); a fail rejects the evaluation with
        the opinion.  The signature is dated the day it is made: a back-dated
        one would shorten the public notice.  The committee decides (seed
        000), also against the scores, but then with a written ``reason``,
        kept on the round and posted on the evaluation.
        """
        self.ensure_one()
        self._check_chair()
        evaluation = self.evaluation_id
        if self.state != "closed" or not self._is_open():
            raise UserError(
                self.env._(
                    "The scoring of %(name)s must be closed before the chair signs.",
                    name=evaluation.sudo().name,
                )
            )
        if not (opinion or "").strip():
            raise UserError(self.env._("The committee's opinion cannot be empty."))
        if decision not in (committee_rules.PASSED, committee_rules.FAILED):
            raise UserError(self.env._("The committee's decision is either passed or failed."))
        against = evaluation.sudo()._decision_against_scores(decision)
        reason = (reason or "").strip() if against else ""
        if against and not reason:
            raise UserError(evaluation.sudo()._against_scores_message(decision))
        day = evaluation._workflow_today()
        notice_days = evaluation.sudo().company_id.technical_grade_notice_days
        # Before the signature, which locks the scores.
        evaluation.sudo().write({"scored": True})
        self.sudo().write(
            {
                "opinion": opinion,
                "decision": decision,
                "decision_reason": reason or False,
                "signed_by_id": self.env.uid,
                "signed_on": day,
                "state": "signed",
                "notice_end_date": (
                    fields.Date.add(day, days=notice_days)
                    if decision == "passed" and notice_days
                    else False
                ),
            }
        )
        if against:
            evaluation.sudo()._post_decision_against_scores(decision, reason)
        if decision == "passed":
            evaluation.action_approve()
        else:
            evaluation.action_reject(opinion)

    def action_shorten_notice(self, new_end, reason):
        """HR ends the public notice earlier than planned, saying why.

        The new last day is today at the earliest and never later than the
        current one; the change and its reason go to the chatter.
        """
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR officers shorten a public notice."))
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Say why the public notice is shortened."))
        try:
            new_end = fields.Date.to_date(new_end)
        except (TypeError, ValueError):
            new_end = None
        if not new_end:
            raise UserError(self.env._("Give the new last day of the public notice as a date."))
        self.evaluation_id._check_state("submitted", "approved")
        for committee_round in self:
            name = committee_round.evaluation_id.name
            if not committee_round._is_under_notice():
                raise UserError(self.env._("%(name)s is not under public notice.", name=name))
            today = committee_round.evaluation_id._workflow_today()
            if new_end < today or new_end > committee_round.notice_end_date:
                raise UserError(
                    self.env._(
                        "The public notice of %(name)s can end between today (%(today)s) and "
                        "its current last day (%(end)s), not on %(date)s.",
                        name=name,
                        today=today,
                        end=committee_round.notice_end_date,
                        date=new_end,
                    )
                )
        for committee_round in self:
            previous = committee_round.notice_end_date
            committee_round.sudo().notice_end_date = new_end
            committee_round.evaluation_id.sudo().message_post(
                body=self.env._(
                    "Public notice shortened by %(user)s: until %(date)s instead of %(previous)s. "
                    "Reason: %(reason)s",
                    user=self.env.user.name,
                    date=new_end,
                    previous=previous,
                    reason=reason.strip(),
                ),
                author_id=self.env.user.partner_id.id,
            )
        return True

    @api.model
    def _cron_close_notices(self):
        """Daily: the notices that ended are no longer open (nor public).

        So are those of results withdrawn since (cancelled or rejected) or of
        rounds superseded, which an older version left open until their last
        day.  Returns the evaluations whose notice closed.
        """
        Evaluation = self.env["hr.technical.grade.evaluation"]
        ended = (
            self.sudo()
            .search([("notice_open", "=", True)])
            .filtered(lambda committee_round: not committee_round._is_under_notice())
        )
        self.env.add_to_compute(self._fields["notice_open"], ended)
        ended.flush_recordset(["notice_open"])
        evaluations = (
            Evaluation.sudo()
            .search([("notice_open", "=", True)])
            .filtered(lambda evaluation: not evaluation._is_under_notice())
        )
        self.env.add_to_compute(Evaluation._fields["notice_open"], evaluations)
        evaluations.flush_recordset(["notice_open"])
        return evaluations
