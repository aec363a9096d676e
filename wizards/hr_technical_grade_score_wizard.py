# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.fields import Command

from ..grade_rules import scoring


class HrTechnicalGradeScoreWizard(models.TransientModel):
    """A committee member scores a candidate, without seeing the others' scores."""

    _name = "hr.technical.grade.score.wizard"
    _description = "Score a Technical Grade Evaluation"
    _inherit = [
        "hr.technical.grade.exam.score.mixin",
        "hr.technical.grade.evaluation.wizard.mixin",
    ]

    evaluation_id = fields.Many2one("hr.technical.grade.evaluation", required=True)
    employee_id = fields.Many2one(related="evaluation_id.employee_id", string="Candidate")
    target_grade_id = fields.Many2one(related="evaluation_id.target_grade_id")
    exam_parts = fields.Char(related="evaluation_id.exam_parts")
    line_ids = fields.One2many(
        "hr.technical.grade.score.wizard.line",
        "wizard_id",
        string="Assessment Form",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    item_ids = fields.One2many(
        "hr.technical.grade.score.wizard.item",
        "wizard_id",
        string="Theory Exam Content",
        compute="_compute_item_ids",
        store=True,
        readonly=False,
    )
    comment = fields.Text()

    @api.depends("evaluation_id")
    def _compute_line_ids(self):
        """The form's criteria, with the ratings the member has already given."""
        for wizard in self:
            own = wizard.evaluation_id.sudo().score_ids.filtered(
                lambda score: score.member_id == self.env.user
            )
            given = {line.criterion_id: line.level_id for line in own.line_ids}
            criteria = wizard.evaluation_id.sudo().template_id.section_ids.criterion_ids
            wizard.line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "sequence": sequence,
                        "criterion_id": criterion.id,
                        "level_id": given.get(
                            criterion, self.env["hr.technical.grade.assessment.level"]
                        ).id,
                    }
                )
                for sequence, criterion in enumerate(criteria)
            ]

    @api.depends("evaluation_id")
    def _compute_item_ids(self):
        """The content items of the target grade's theory exam, when it lists any."""
        for wizard in self:
            parts = wizard.evaluation_id.sudo().target_grade_id.exam_part_ids
            items = parts.filtered(lambda p: p.part == "theory").item_ids
            wizard.item_ids = [Command.clear()] + [
                Command.create({"sequence": sequence, "item_id": item.id})
                for sequence, item in enumerate(items)
            ]

    def action_score(self):
        self.ensure_one()
        self.evaluation_id._record_member_score(
            dict(
                {part: self[f"{part}_score"] for part in scoring.EXAM_PARTS},
                **(
                    {"theory": {line.item_id.id: line.score for line in self.item_ids}}
                    if self.item_ids
                    else {}
                ),
            ),
            self.comment,
            {line.criterion_id.id: line.level_id.id for line in self.line_ids if line.level_id},
        )
        return {"type": "ir.actions.act_window_close"}
