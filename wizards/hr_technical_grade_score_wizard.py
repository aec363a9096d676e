# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeScoreWizard(models.TransientModel):
    """A committee member scores a candidate, without seeing the others' scores."""

    _name = "hr.technical.grade.score.wizard"
    _description = "Score a Technical Grade Evaluation"

    evaluation_id = fields.Many2one("hr.technical.grade.evaluation", required=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", string="Candidate")
    target_grade_id = fields.Many2one(related="evaluation_id.target_grade_id")
    theory_score = fields.Float(string="Theory Exam", digits=(5, 2))
    practical_score = fields.Float(string="On-site Practical", digits=(5, 2))
    teaching_score = fields.Float(string="Teaching", digits=(5, 2))
    comment = fields.Text()

    def action_score(self):
        self.ensure_one()
        self.evaluation_id._record_member_score(
            {
                "theory": self.theory_score,
                "practical": self.practical_score,
                "teaching": self.teaching_score,
            },
            self.comment,
        )
        return {"type": "ir.actions.act_window_close"}
