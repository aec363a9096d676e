# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeEvaluationScoreLine(models.Model):
    """One committee member's rating of one criterion of the assessment form.

    The committee does the evaluation (seed 000): each member rates the form
    on their own, hidden from the others like their exam scores.
    """

    _name = "hr.technical.grade.evaluation.score.line"
    _description = "Technical Grade Committee Form Rating"
    _order = "score_id, id"

    score_id = fields.Many2one(
        "hr.technical.grade.evaluation.score", required=True, ondelete="cascade", index=True
    )
    evaluation_id = fields.Many2one(related="score_id.evaluation_id", store=True, index=True)
    round_id = fields.Many2one(related="score_id.round_id", store=True, index=True)
    company_id = fields.Many2one(related="score_id.company_id", store=True)
    member_id = fields.Many2one(related="score_id.member_id", store=True)
    criterion_id = fields.Many2one(
        "hr.technical.grade.assessment.criterion", required=True, ondelete="restrict"
    )
    section_id = fields.Many2one(related="criterion_id.section_id")
    template_id = fields.Many2one(related="criterion_id.template_id")
    level_id = fields.Many2one(
        "hr.technical.grade.assessment.level",
        string="Rating",
        ondelete="restrict",
        domain="[('template_id', '=', template_id)]",
    )
    points = fields.Float(related="level_id.points", store=True)

    _sql_constraints = [
        (
            "criterion_uniq",
            "unique(score_id, criterion_id)",
            "A member rates each criterion of the form once.",
        ),
    ]

    @api.constrains("level_id", "criterion_id")
    def _check_level(self):
        for line in self:
            if line.level_id and line.level_id.template_id != line.criterion_id.template_id:
                raise UserError(
                    self.env._(
                        "%(criterion)s is rated with the levels of its own form.",
                        criterion=line.criterion_id.name,
                    )
                )

    def write(self, vals):
        # Ratings are written through the member's scoring only (as
        # superuser, once checked); a rating given is kept as given.
        if not self.env.su:
            raise UserError(self.env._("Rate the form through Score the Candidate."))
        if "level_id" in vals and any(line.score_id.state != "pending" for line in self):
            raise UserError(self.env._("A member's ratings are kept as they were given."))
        return super().write(vals)
