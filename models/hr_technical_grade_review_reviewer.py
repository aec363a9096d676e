# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from functools import partial

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OFFICER = "hr_technical_grade.group_technical_grade_officer"
ROLES = [
    ("superior", "Superior"),
    ("peers", "Peer"),
    ("subordinates", "Subordinate"),
    ("self", "Self-assessment"),
]
ACTIVITY_TYPE = "hr_technical_grade.mail_activity_review_score"


class HrTechnicalGradeReviewReviewer(models.Model):
    """One 360° reviewer of one review, and the ability score they give.

    Each reviewer scores in their own record, through their own activity:
    record rules let a reviewer read only their own line, and only HR reads
    who gave what; the review shows the group means and the 360° result.
    """

    _name = "hr.technical.grade.review.reviewer"
    _description = "Technical Grade 360 Reviewer"
    _inherit = [
        "hr.technical.grade.chatter.mixin",
        "mail.activity.mixin",
        "hr.technical.grade.activity.mixin",
    ]
    _order = "review_id, role, id"
    _rec_name = "reviewer_id"

    review_id = fields.Many2one(
        "hr.technical.grade.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    reviewer_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(
        related="reviewer_id.user_id", store=True, index=True, string="Reviewer User"
    )
    role = fields.Selection(ROLES, required=True)
    # What a reviewer sees of the review they score, without reading it.
    reviewed_employee_id = fields.Many2one(
        related="review_id.employee_id", string="Reviewed Employee", compute_sudo=True
    )
    period_start = fields.Date(related="review_id.period_start", compute_sudo=True)
    period_end = fields.Date(related="review_id.period_end", compute_sudo=True)
    score = fields.Float(string="Ability Score", digits=(5, 2))
    comment = fields.Text()
    state = fields.Selection(
        [("pending", "To Score"), ("done", "Scored")], default="pending", required=True
    )

    _sql_constraints = [
        (
            "reviewer_unique",
            "UNIQUE(review_id, reviewer_id)",
            "A reviewer reviews an employee once per review.",
        ),
        ("score_range", "CHECK(score BETWEEN 0 AND 100)", "Ability scores go from 0 to 100."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        """Every reviewer added to an open review gets their scoring activity."""
        self.env["hr.technical.grade.review"].browse(
            [vals["review_id"] for vals in vals_list if vals.get("review_id")]
        )._check_entries_editable()
        lines = super().create(vals_list)
        lines.review_id.activity_update()
        return lines

    def write(self, vals):
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            if set(vals) - {"score", "comment"} or any(
                line.user_id != self.env.user or line.state != "pending" for line in self
            ):
                raise AccessError(
                    self.env._("Reviewers enter their own ability score until they submit it.")
                )
        reviews = self.review_id
        if vals.get("review_id"):
            reviews |= reviews.browse(vals["review_id"])
        reviews._check_entries_editable()
        return super().write(vals)

    def action_submit_score(self):
        """The reviewer submits their score; the review's 360° result follows."""
        for line in self:
            if line.user_id != self.env.user and not self.env.user.has_group(OFFICER):
                raise AccessError(self.env._("Only the reviewer submits their own score."))
            if line.review_id.sudo().state != "draft":
                raise UserError(self.env._("This review is no longer open for scoring."))
        self.sudo().write({"state": "done"})
        self.review_id.activity_update()
        return True

    def _sync_scoring_activity(self):
        """Part of the review's ``activity_update()``: the reviewers' activities.

        A reviewer has one scoring activity per plan and period, whatever the
        number of colleagues they score in it, listing those still to score
        (not one per colleague).  It sits on their first line still to score
        of that period (their own record: they can open it); once that line is
        scored, its activity is marked done and the next line carries the
        list.  The activity of the period's last scored line is marked done;
        lines no longer open for scoring (review submitted or cancelled)
        carry none.
        """
        lines = self.sudo().filtered("user_id")
        if not lines:
            return
        lines |= lines.search(
            [
                ("user_id", "in", lines.user_id.ids),
                ("review_id.plan_id", "in", lines.review_id.plan_id.ids),
                ("review_id.period_start", "in", lines.mapped("period_start")),
            ]
        )
        keys = {line._scoring_key() for line in self.sudo().filtered("user_id")}
        lines = lines.filtered(lambda line: line._scoring_key() in keys)
        to_score = defaultdict(lambda: self.browse())
        for line in lines.sorted("id"):
            if line.state == "pending" and line.review_id.state == "draft":
                to_score[line._scoring_key()] |= line
        wanted = {}
        for (user, _plan, _start), pending in to_score.items():
            wanted[pending[0].id] = {
                user: {
                    "summary": self.env._(
                        "360° reviews %(period)s: %(count)s colleague(s) to score",
                        period=pending[0].review_id.period,
                        count=len(pending),
                    ),
                    "date_deadline": min(pending.mapped("period_end"))
                    or fields.Date.context_today(self),
                    "note": partial(self._colleagues_note, pending.ids),
                }
            }
        scored = lines.filtered(lambda line: line.state == "done")
        scored._sync_activities(ACTIVITY_TYPE, wanted, feedback=self.env._("Scored"))
        (lines - scored)._sync_activities(ACTIVITY_TYPE, wanted, refresh=True)

    def _scoring_key(self):
        return (self.user_id, self.review_id.plan_id, self.period_start)

    def _colleagues_note(self, line_ids):
        """The note of a reviewer's activity: the colleagues they still score."""
        lines = self.browse(line_ids)
        items = Markup("").join(
            Markup("<li>%s</li>") % line.reviewed_employee_id.name for line in lines
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Score each of them in My 360° Reviews:"),
            items,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        self.review_id._check_entries_editable()

    @api.ondelete(at_uninstall=False)
    def _unlink_activities(self):
        self.sudo().activity_ids.unlink()
