# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrTechnicalGradeExamItem(models.Model):
    """One content item of a grade's theory exam, with its weight in the theory score.

    Seed 000 (理论知识考核内容) weighs the theory exam's content per level:
    e.g. 基础知识 10, 20 or 30 %, ELSA 电路图 40 %.  When a grade's theory
    part lists items, each member scores the items and the theory score is
    their weighted total.
    """

    _name = "hr.technical.grade.exam.item"
    _description = "Technical Grade Theory Exam Content Item"
    _order = "part_id, sequence, id"

    part_id = fields.Many2one(
        "hr.technical.grade.exam.part", required=True, ondelete="cascade", index=True
    )
    grade_id = fields.Many2one(related="part_id.grade_id", store=True)
    company_id = fields.Many2one(related="part_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Content", required=True, translate=True)
    weight = fields.Float(
        string="Weight (%)", digits=(5, 2), help="Share of this item in the theory score."
    )

    @api.constrains("weight", "part_id")
    def _check_item(self):
        for item in self:
            if item.part_id.part != "theory":
                raise ValidationError(
                    self.env._(
                        "%(item)s: content items weigh the theory exam only.", item=item.name
                    )
                )
            if not 0 <= item.weight <= 100:
                raise ValidationError(
                    self.env._(
                        "The weight of %(item)s goes from 0 to 100 %%, not %(weight)s %%.",
                        item=item.name,
                        weight=item.weight,
                    )
                )
