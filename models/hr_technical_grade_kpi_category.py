# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeKpiCategory(models.Model):
    """A category of the KPI sheet (综合类, 维保业务 ...).

    The sheet prints 综合类 (20%), but no rule of the sheet uses that share:
    the KPI total is the items' points plus bonuses, so categories group
    items and carry no weight.
    """

    _name = "hr.technical.grade.kpi.category"
    _description = "Technical Grade KPI Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one("res.company", index=True)
    kpi_ids = fields.One2many("hr.technical.grade.kpi", "category_id", string="Indicators")
