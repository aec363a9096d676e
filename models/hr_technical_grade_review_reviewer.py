# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

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
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
        """Part of the review's ``activity_update()``: the reviewers' own activities.

        One scoring activity per pending reviewer with a user, created in one
        batch; a reviewer who has scored has theirs marked done.
        """
        activity_type = self.env.ref(ACTIVITY_TYPE)
        self.filtered(lambda line: line.state != "pending").activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).action_feedback(feedback=self.env._("Scored"))
        model = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for line in self.filtered(
            lambda rec: rec.user_id
            and rec.state == "pending"
            and not rec.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        ):
            vals_list.append(
                {
                    "res_model_id": model,
                    "res_id": line.id,
                    "activity_type_id": activity_type.id,
                    "user_id": line.user_id.id,
                    "summary": self.env._(
                        "360° review of %(employee)s", employee=line.reviewed_employee_id.name
                    ),
                    "date_deadline": fields.Date.to_date(line.period_end)
                    or fields.Date.context_today(self),
                }
            )
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        self.review_id._check_entries_editable()

    @api.ondelete(at_uninstall=False)
    def _unlink_activities(self):
        self.sudo().activity_ids.unlink()
