# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..grade_rules import kpi as rules
from .hr_technical_grade_approval_mixin import sent_values

# What the computation from records writes: never a client.
SOURCE_FIELDS = frozenset(
    {
        "source_computed",
        "source_value",
        "source_count",
        "source_res_ids",
        "source_model",
        "source_computed_on",
    }
)


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
    # Computed from the records of the indicator's source.
    source_computed = fields.Boolean(
        string="Computed from Records",
        readonly=True,
        copy=False,
        help="The entry was computed from the records of the indicator's source.",
    )
    source_value = fields.Float(
        string="Computed Value",
        readonly=True,
        copy=False,
        help="What the records gave, as last computed: it stays on record when the superior "
        "corrects the entry.",
    )
    source_count = fields.Integer(string="Records Counted", readonly=True, copy=False)
    source_res_ids = fields.Json(string="Evidence Records", readonly=True, copy=False)
    source_model = fields.Char(string="Evidence Model", readonly=True, copy=False)
    source_computed_on = fields.Datetime(string="Computed On", readonly=True, copy=False)
    correction_comment = fields.Text(
        string="Why Corrected",
        help="Required when the superior changes a value computed from records.",
    )
    corrected = fields.Boolean(
        compute="_compute_corrected",
        store=True,
        help="The entry differs from the value computed from the records.",
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
        if not self.env.su:
            # The computation creates the entries it fills, as superuser: an
            # entry "computed from records" made up by hand (in the values or
            # the context's defaults) would pass for evidence.
            if any(
                sent_values(self.browse(), vals).get(fname)
                for vals in vals_list
                for fname in SOURCE_FIELDS
            ):
                self._refuse_source_fields()
        self.env["hr.technical.grade.review"].browse(
            [vals["review_id"] for vals in vals_list if vals.get("review_id")]
        )._check_entries_editable()
        return super().create(vals_list)

    def _refuse_source_fields(self):
        raise AccessError(
            self.env._(
                "Values computed from records are written by the computation only; "
                "correct the entry itself, with a comment."
            )
        )

    def write(self, vals):
        if SOURCE_FIELDS & set(vals) and not self.env.su:
            self._refuse_source_fields()
        reviews = self.review_id
        if vals.get("review_id"):
            reviews |= reviews.browse(vals["review_id"])
        reviews._check_entries_editable()
        before = {}
        if not self.env.su:
            before = {line.id: line._entry_value() for line in self if line.source_computed}
        res = super().write(vals)
        if before:
            self._log_corrections(before)
        return res

    def _entry_field(self):
        """The entry field a value computed from records fills (None: never computed)."""
        self.ensure_one()
        return rules.SOURCED_FIELDS.get(self.kpi_id.rule_kind)

    def _entry_value(self):
        self.ensure_one()
        fname = self._entry_field()
        return self[fname] if fname else 0

    def _log_corrections(self, before):
        """A correction of a computed value is posted on the review, with its comment."""
        for line in self.filtered(lambda line: line.id in before):
            new = line._entry_value()
            if abs(new - before[line.id]) < 1e-6:
                continue
            line.review_id.sudo().message_post(
                body=self.env._(
                    "%(item)s corrected by %(user)s from %(old)s to %(new)s (computed from the "
                    "records: %(computed)s): %(comment)s",
                    item=line.kpi_id.name,
                    user=self.env.user.name,
                    old=before[line.id],
                    new=new,
                    computed=line.source_value,
                    comment=line.correction_comment or "",
                ),
                author_id=self.env.user.partner_id.id,
            )

    def _differs_from_source(self):
        self.ensure_one()
        return bool(
            self.source_computed
            and self._entry_field()
            and abs(self._entry_value() - self.source_value) > 1e-6
        )

    @api.depends("source_computed", "source_value", "occurrences", "amount", "measured")
    def _compute_corrected(self):
        for line in self:
            line.corrected = line._differs_from_source()

    @api.constrains("occurrences", "amount", "measured", "correction_comment", "source_value")
    def _check_correction(self):
        for line in self:
            if line._differs_from_source() and not (line.correction_comment or "").strip():
                raise ValidationError(
                    self.env._(
                        "%(item)s: the records give %(computed)s; say why you correct it "
                        "(the computed value stays on record).",
                        item=line.kpi_id.name,
                        computed=line.source_value,
                    )
                )

    def _apply_source(self, value, ids, now):
        """Write what the records gave; an entry the superior corrected keeps its value."""
        self.ensure_one()
        fname, entry = rules.sourced_entry(self.kpi_id.rule_kind, value)
        vals = {
            "source_computed": True,
            "source_value": float(entry),
            "source_count": len(ids),
            "source_res_ids": ids,
            "source_model": self.kpi_id.source_model_id.model,
            "source_computed_on": now,
        }
        if not (self.source_computed and self.corrected and self.correction_comment):
            vals[fname] = entry if fname == "occurrences" else float(entry)
        self.sudo().write(vals)

    def action_open_source_records(self):
        """The records the entry counted, as the reader may read them."""
        self.ensure_one()
        self.check_access("read")
        if not self.source_computed or not self.source_model or self.source_model not in self.env:
            raise ValidationError(
                self.env._("%(item)s was not computed from records.", item=self.kpi_id.name)
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Records of %(item)s", item=self.kpi_id.name),
            "res_model": self.source_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.source_res_ids or [])],
            "context": {"create": False, "active_test": False},
        }

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
        "source_count",
        "kpi_id.evidence_required",
    )
    def _compute_evidence_missing(self):
        """The records an entry was computed from are its evidence."""
        for line in self:
            recorded = line.occurrences or line.amount or line.value or line.measured
            line.evidence_missing = bool(
                recorded
                and line.kpi_id.evidence_required
                and not (line.evidence or "").strip()
                and not line.attachment_ids
                and not line.source_count
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
