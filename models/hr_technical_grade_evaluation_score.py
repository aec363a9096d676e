# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..grade_rules import committee


class HrTechnicalGradeEvaluationScore(models.Model):
    """One committee member's independent scores of one candidate.

    Members see only their own line until every member has scored or the
    chair closes the scoring (record rules); the candidate never sees them.
    """

    _name = "hr.technical.grade.evaluation.score"
    _description = "Technical Grade Committee Score"
    _inherit = ["hr.technical.grade.exam.score.mixin"]
    _order = "round_id, state, id"
    _rec_name = "member_id"

    round_id = fields.Many2one(
        "hr.technical.grade.committee.round",
        string="Committee Round",
        required=True,
        ondelete="cascade",
        index=True,
    )
    evaluation_id = fields.Many2one(
        related="round_id.evaluation_id", store=True, index=True, string="Evaluation"
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    member_id = fields.Many2one("res.users", required=True, index=True)
    state = fields.Selection(
        [("pending", "To Score"), ("scored", "Scored"), ("excused", "Excused")],
        required=True,
        default="pending",
    )
    excuse_reason = fields.Selection(
        [
            (committee.CANDIDATE, "Is the candidate"),
            (committee.SUPERIOR, "Is the candidate's direct superior"),
            (committee.TEAM, "Is in the candidate's team"),
            ("other", "Other conflict of interest"),
        ],
        string="Excused Because",
    )
    exam_parts = fields.Char(related="evaluation_id.exam_parts")
    theory_item_scores = fields.Json(
        readonly=True, help="The member's score of each content item of the theory exam."
    )
    line_ids = fields.One2many(
        "hr.technical.grade.evaluation.score.line", "score_id", string="Form Ratings"
    )
    assessment_score = fields.Float(
        string="Assessment Form",
        compute="_compute_assessment_score",
        store=True,
        digits=(5, 2),
        help="The member's score of the assessment form, from their ratings.",
    )
    comment = fields.Text()
    scored_on = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "member_uniq",
            "unique(round_id, member_id)",
            "A committee member scores a candidate once per committee round.",
        ),
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
    ]

    @api.depends("line_ids.points", "evaluation_id.template_id")
    def _compute_assessment_score(self):
        for score in self:
            template = score.evaluation_id.template_id
            score.assessment_score = (
                template._score({line.criterion_id: line.points for line in score.line_ids})
                if template and score.line_ids
                else 0.0
            )

    def _unrated(self):
        """The criteria of the form this member has not rated yet."""
        return self.line_ids.filtered(lambda line: not line.level_id).criterion_id

    def write(self, vals):
        self._check_scores_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self._check_scores_unlocked()

    def _check_scores_unlocked(self):
        """Scores of a signed round, or of an earlier one, stay as they were given."""
        for committee_round in self.sudo().round_id:
            if committee_round.superseded:
                raise UserError(
                    self.env._(
                        "The scores of an earlier committee round on %(name)s stay as they "
                        "were given.",
                        name=committee_round.evaluation_id.name,
                    )
                )
        self.sudo().evaluation_id._check_scores_unlocked()

    @api.model_create_multi
    def create(self, vals_list):
        """A member HR adds while the committee scores gets a scoring activity."""
        scores = super().create(vals_list)
        for score in scores.filtered(lambda s: s.state == "pending" and not s.line_ids):
            score.line_ids = [
                fields.Command.create({"criterion_id": criterion.id})
                for criterion in score.evaluation_id.template_id.section_ids.criterion_ids
            ]
        scores.sudo().evaluation_id.activity_update()
        return scores
