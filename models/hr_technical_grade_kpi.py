# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..grade_rules import kpi as rules

RULE_KINDS = [
    (rules.DEDUCT_ITEM, "Deduct per occurrence, down to zero for the item"),
    (rules.DEDUCT_TOTAL, "Deduct per occurrence from the total"),
    (rules.ADD, "Add per occurrence"),
    (rules.PROPORTIONAL, "Add in proportion to an amount"),
    (rules.DISCRETIONARY, "Discretionary, with a written comment"),
    (rules.BONUS, "Bonus at the leader's discretion, with the leader's opinion"),
    (rules.TARGET, "Service target (no points)"),
]
COMPARISONS = [(rules.AT_LEAST, "At least"), (rules.AT_MOST, "At most")]


class HrTechnicalGradeKpi(models.Model):
    """One indicator of the KPI sheet and the rule that scores its entries."""

    _name = "hr.technical.grade.kpi"
    _description = "Technical Grade KPI Indicator"
    _order = "sequence, id"

    name = fields.Char(string="Item", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one(
        "hr.technical.grade.kpi.category", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty for an indicator every company uses."
    )
    points = fields.Float(
        help="Points of the item: the most a deduction down to zero takes, or the most a "
        "discretionary entry gives or takes."
    )
    purpose = fields.Text(translate=True, help="What the indicator checks, and how.")
    data_source = fields.Char(
        translate=True, help="Where entries come from (dispatch orders, expense claims ...)."
    )
    evidence_required = fields.Boolean(
        default=True,
        help="An entry that records something (occurrences, an amount, points) needs its "
        "evidence: a reference or a file from the data source.",
    )
    rule_kind = fields.Selection(RULE_KINDS, required=True, default=rules.DEDUCT_ITEM)
    per_occurrence = fields.Float(
        string="Points per Occurrence or Unit",
        help="Points deducted or added per occurrence; for amounts, the points per unit.",
    )
    cap = fields.Float(help="Most points the item adds (0: no cap).")
    target_value = fields.Float(
        string="Target", help="Service target: the value to reach (24 h, 80 %, 2 ...)."
    )
    target_comparison = fields.Selection(COMPARISONS, default=rules.AT_LEAST, required=True)
    target_unit = fields.Char(translate=True, help="h, %, suggestions a month ...")
    grade_ids = fields.Many2many(
        "hr.technical.grade",
        string="Grades",
        help="The grades whose reviews get this indicator; empty: every grade.",
    )
    unit_amount = fields.Float(help="Amount worth one unit (e.g. 20,000 CNY of contracts).")
    rounding = fields.Selection(
        [("none", "No rounding"), ("down", "Down to whole units")],
        default="none",
        required=True,
    )

    # What scores an entry: fixed once a review past its draft used it.
    _scoring_fields = frozenset(
        {
            "points",
            "rule_kind",
            "per_occurrence",
            "cap",
            "unit_amount",
            "rounding",
            "category_id",
            "target_value",
            "target_comparison",
        }
    )

    def write(self, vals):
        if self._scoring_fields & set(vals):
            self._check_scoring_unused()
        return super().write(vals)

    def _check_scoring_unused(self):
        """The results of reviews in approval or finished stay as they were approved."""
        used = (
            self.env["hr.technical.grade.review.line"]
            .sudo()
            ._read_group(
                [("kpi_id", "in", self.ids), ("review_id.state", "!=", "draft")],
                ["kpi_id"],
                ["__count"],
            )
        )
        if used:
            kpi, count = used[0]
            raise UserError(
                self.env._(
                    "%(item)s scored %(count)s review(s) in approval or finished, whose results "
                    "stay as approved: archive it and create a new indicator for the next "
                    "periods.",
                    item=kpi.name,
                    count=count,
                )
            )

    _sql_constraints = [
        (
            "non_negative",
            "CHECK(points >= 0 AND per_occurrence >= 0 AND cap >= 0 AND unit_amount >= 0)",
            "Points, caps and units cannot be negative.",
        ),
    ]

    @api.constrains("rule_kind", "unit_amount")
    def _check_unit(self):
        for kpi in self:
            if kpi.rule_kind == rules.PROPORTIONAL and kpi.unit_amount <= 0:
                raise ValidationError(
                    self.env._(
                        "The indicator %(name)s adds points in proportion to an amount: "
                        "set the amount worth one unit.",
                        name=kpi.name,
                    )
                )

    def _rule(self):
        self.ensure_one()
        return rules.KpiRule(
            kind=self.rule_kind,
            points=self.points,
            per_occurrence=self.per_occurrence,
            cap=self.cap or None,
            unit=self.unit_amount or None,
            rounding=self.rounding,
            target=self.target_value if self.rule_kind == rules.TARGET else None,
            comparison=self.target_comparison,
        )

    def _applies_to(self, grade):
        """Whether an engineer of ``grade`` gets this indicator."""
        self.ensure_one()
        return not self.grade_ids or grade in self.grade_ids
