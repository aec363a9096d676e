# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models


class HrTechnicalGradeWorkPlanLine(models.Model):
    """One target of a work-target plan: what, how it is measured, its weight, when."""

    _name = "hr.technical.grade.work.plan.line"
    _description = "Technical Grade Work Target"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "hr.technical.grade.work.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Target", required=True)
    measure = fields.Char(
        string="Measured By", help="How the result is measured: the figure, or the evidence."
    )
    weight = fields.Float(string="Weight (%)", digits=(5, 2))
    date_due = fields.Date(string="Due Date")

    _sql_constraints = [
        ("weight_range", "CHECK(weight >= 0 AND weight <= 100)", "A weight goes from 0 to 100."),
    ]

    # ------------------------------------------------------------------
    # CRUD: the targets change with their plan's draft only
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["hr.technical.grade.work.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )._check_targets_editable()
        return super().create(vals_list)

    def write(self, vals):
        plans = self.plan_id
        if vals.get("plan_id"):
            plans |= plans.browse(vals["plan_id"])
        plans._check_targets_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_draft(self):
        self.plan_id._check_targets_editable()
