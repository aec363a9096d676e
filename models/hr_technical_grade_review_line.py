# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import kpi as rules


class HrTechnicalGradeReviewLine(models.Model):
    """One KPI entry of a review: what happened, its evidence and its points."""

    _name = "hr.technical.grade.review.line"
    _description = "Technical Grade Review KPI Line"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "hr.technical.grade.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    kpi_id = fields.Many2one(
        "hr.technical.grade.kpi", string="Indicator", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="kpi_id.sequence", store=True)
    category_id = fields.Many2one(related="kpi_id.category_id", store=True)
    rule_kind = fields.Selection(related="kpi_id.rule_kind")
    occurrences = fields.Integer()
    amount = fields.Float()
    value = fields.Float(
        string="Discretionary Points",
        help="Points the leader gives (or takes, when negative) with a written comment.",
    )
    comment = fields.Text(help="The leader's opinion, required with discretionary points.")
    measured = fields.Float(
        help="Service target: what the period measured (hours, percent, suggestions ...)."
    )
    target_value = fields.Float(related="kpi_id.target_value")
    target_met = fields.Boolean(compute="_compute_target_met", store=True)
    evidence = fields.Char(
        string="Evidence Reference",
        help="Dispatch order, expense claim, complaint record, contract ... the entry is based on.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    evidence_missing = fields.Boolean(
        compute="_compute_evidence_missing",
        store=True,
        help="The entry records something and its item asks for evidence, and there is none.",
    )
    adjustment = fields.Float(
        string="Points", compute="_compute_adjustment", store=True, digits=(6, 2)
    )

    _sql_constraints = [
        (
            "non_negative",
            "CHECK(occurrences >= 0 AND amount >= 0)",
            "Occurrences and amounts cannot be negative.",
        ),
        (
            "bounded",
            f"CHECK(occurrences <= {rules.MAX_OCCURRENCES} AND amount <= {rules.MAX_AMOUNT})",
            f"An entry records at most {rules.MAX_OCCURRENCES} occurrences and an amount of "
            f"at most {rules.MAX_AMOUNT}.",
        ),
    ]

    # ------------------------------------------------------------------
    # CRUD: entries change while their review is open only
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["hr.technical.grade.review"].browse(
            [vals["review_id"] for vals in vals_list if vals.get("review_id")]
        )._check_entries_editable()
        return super().create(vals_list)

    def write(self, vals):
        reviews = self.review_id
        if vals.get("review_id"):
            reviews |= reviews.browse(vals["review_id"])
        reviews._check_entries_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        self.review_id._check_entries_editable()

    @api.depends(
        "occurrences",
        "amount",
        "value",
        "comment",
        "kpi_id.rule_kind",
        "kpi_id.points",
        "kpi_id.per_occurrence",
        "kpi_id.cap",
        "kpi_id.unit_amount",
        "kpi_id.rounding",
    )
    def _compute_adjustment(self):
        for line in self:
            try:
                line.adjustment = float(line._points())
            except rules.KpiError:
                line.adjustment = 0.0

    @api.depends("measured", "kpi_id.rule_kind", "kpi_id.target_value", "kpi_id.target_comparison")
    def _compute_target_met(self):
        for line in self:
            line.target_met = bool(
                line.rule_kind == rules.TARGET
                and rules.target_met(line.kpi_id._rule(), line.measured)
            )

    @api.depends(
        "occurrences",
        "amount",
        "value",
        "measured",
        "evidence",
        "attachment_ids",
        "kpi_id.evidence_required",
    )
    def _compute_evidence_missing(self):
        for line in self:
            recorded = line.occurrences or line.amount or line.value or line.measured
            line.evidence_missing = bool(
                recorded
                and line.kpi_id.evidence_required
                and not (line.evidence or "").strip()
                and not line.attachment_ids
            )

    def _points(self):
        self.ensure_one()
        return rules.line_adjustment(
            self.kpi_id._rule(),
            occurrences=self.occurrences,
            amount=self.amount,
            value=self.value,
            comment=self.comment,
        )

    @api.constrains("occurrences", "amount")
    def _check_bounds(self):
        for line in self:
            if not 0 <= line.occurrences <= rules.MAX_OCCURRENCES:
                raise ValidationError(
                    self.env._(
                        "%(item)s: the occurrences go from 0 to %(max)s in a period, not "
                        "%(value)s.",
                        item=line.kpi_id.name,
                        max=rules.MAX_OCCURRENCES,
                        value=line.occurrences,
                    )
                )
            if not 0 <= line.amount <= rules.MAX_AMOUNT:
                maximum = f"{rules.MAX_AMOUNT:,}"
                raise ValidationError(
                    self.env._(
                        "%(item)s: the amount goes from 0 to %(max)s in a period, not %(value)s.",
                        item=line.kpi_id.name,
                        max=maximum,
                        value=line.amount,
                    )
                )

    @api.constrains("value", "comment", "occurrences", "amount", "kpi_id")
    def _check_entry(self):
        for line in self:
            try:
                line._points()
            except rules.KpiError as err:
                if err.code == rules.COMMENT_REQUIRED:
                    message = self.env._(
                        "%(item)s: discretionary points need the leader's written opinion.",
                        item=line.kpi_id.name,
                    )
                elif err.code == rules.NEGATIVE:
                    message = self.env._(
                        "%(item)s: a bonus at the leader's discretion adds points, it never "
                        "takes any.",
                        item=line.kpi_id.name,
                    )
                elif err.code == rules.OUT_OF_RANGE:
                    message = self.env._(
                        "%(item)s: at most %(points)s points either way.",
                        item=line.kpi_id.name,
                        points=line.kpi_id.points,
                    )
                else:
                    message = self.env._(
                        "%(item)s: this entry cannot be scored (check occurrences, amount and "
                        "the indicator's unit).",
                        item=line.kpi_id.name,
                    )
                raise ValidationError(message) from err
