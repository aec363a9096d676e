# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools import safe_eval as eval_tools

from ..grade_rules import kpi as rules
from ..grade_rules import kpi_presets

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
MEASURES = [("count", "Number of records"), ("sum", "Sum of a field")]
# The models a source field may name the engineer with.
ENGINEER_MODELS = ("hr.employee", "res.users")
ENGINEER_TYPES = ("many2one", "many2many")
DATE_TYPES = ("date", "datetime")
NUMBER_TYPES = ("integer", "float", "monetary")
OFFICER = "hr_technical_grade.group_technical_grade_officer"
ADMIN = "hr_technical_grade.group_technical_grade_admin"


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
    # Entries computed from the records of another model (any installed module).
    source_model_id = fields.Many2one(
        "ir.model",
        groups=OFFICER,
        ondelete="set null",
        domain=[("transient", "=", False)],
        help="Entries of this indicator are computed from the records of this model when a "
        "review period opens and again when the superior submits; empty: the superior types "
        "them.",
    )
    source_model = fields.Char(related="source_model_id.model", string="Source Model Name")
    source_domain = fields.Char(
        string="Records Counted",
        default="[]",
        help="Which records of the source model count (e.g. done repair orders).",
    )
    source_engineer_field_id = fields.Many2one(
        "ir.model.fields",
        groups=OFFICER,
        string="Engineer Field",
        ondelete="set null",
        help="The field of the source records that names the engineer: an employee or a user.",
    )
    source_date_field_id = fields.Many2one(
        "ir.model.fields",
        groups=OFFICER,
        string="Date Field",
        ondelete="set null",
        help="The date that places a record in a review period.",
    )
    source_measure = fields.Selection(
        MEASURES,
        string="Take",
        default="count",
        required=True,
        help="Count the records, or sum a numeric field of them (e.g. a contract's amount).",
    )
    source_sum_field_id = fields.Many2one(
        "ir.model.fields",
        groups=OFFICER,
        string="Field Summed",
        ondelete="set null",
        help="The numeric field summed over the records.",
    )
    source_late_field_id = fields.Many2one(
        "ir.model.fields",
        groups=OFFICER,
        string="Only When Later Than",
        ondelete="set null",
        help="Optional: a record counts only when its date is later than this field "
        "(e.g. a task closed after its deadline).",
    )
    source_preset = fields.Char(
        readonly=True,
        copy=False,
        help="The preset this indicator was loaded from.",
    )
    has_source = fields.Boolean(
        string="Computed from Records",
        compute="_compute_has_source",
        help="The indicator's source is complete: its entries are computed from records.",
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

    # ------------------------------------------------------------------
    # Entries computed from records
    # ------------------------------------------------------------------

    @api.depends(
        "source_model_id",
        "source_engineer_field_id",
        "source_date_field_id",
        "source_measure",
        "source_sum_field_id",
    )
    def _compute_has_source(self):
        for kpi in self:
            kpi.has_source = kpi.sudo()._has_source()

    def _has_source(self):
        """A complete source whose model is installed (a module removed leaves none)."""
        self.ensure_one()
        complete = bool(
            self.source_model_id
            and self.source_model_id.model in self.env
            and self.source_engineer_field_id
            and self.source_date_field_id
            and (self.source_measure == "count" or self.source_sum_field_id)
        )
        if not complete:
            return False
        # A field whose module's code is gone while its metadata stays.
        installed = self.env[self.source_model_id.model]._fields
        named = (
            self.source_engineer_field_id
            | self.source_date_field_id
            | self.source_sum_field_id
            | self.source_late_field_id
        )
        return all(name in installed for name in named.mapped("name"))

    @api.onchange("source_model_id")
    def _onchange_source_model(self):
        for kpi in self:
            model = kpi.source_model_id
            for fname in (
                "source_engineer_field_id",
                "source_date_field_id",
                "source_sum_field_id",
                "source_late_field_id",
            ):
                if kpi[fname] and kpi[fname].model_id != model:
                    kpi[fname] = False
            if not model:
                kpi.source_domain = "[]"

    def _source_domain(self):
        """The indicator's domain, evaluated as Odoo evaluates stored domains."""
        self.ensure_one()
        context = {
            "uid": self.env.uid,
            "datetime": eval_tools.datetime,
            "time": eval_tools.time,
            "relativedelta": relativedelta,
            "context_today": lambda: fields.Date.context_today(self),
        }
        domain = eval_tools.safe_eval(self.source_domain or "[]", context)
        if not isinstance(domain, list | tuple):
            raise ValueError(self.source_domain)
        return list(domain)

    @api.constrains(
        "source_model_id",
        "source_domain",
        "source_engineer_field_id",
        "source_date_field_id",
        "source_measure",
        "source_sum_field_id",
        "source_late_field_id",
        "rule_kind",
    )
    def _check_source(self):
        for kpi in self.filtered("source_model_id"):
            kpi._check_source_one()

    def _check_source_one(self):
        """Checked on the model's metadata as the superuser; the records as the user."""
        self.ensure_one()
        model = self.sudo().source_model_id
        if (
            not self.env.su
            and model.model in self.env
            and not self.env[model.model].has_access("read")
        ):
            raise ValidationError(
                self.env._(
                    "%(item)s: you may not read the records of %(model)s, so you cannot count "
                    "them.",
                    item=self.name,
                    model=model.name,
                )
            )
        self.sudo()._check_source_metadata()
        if not self.env.su:
            self._check_source_readable()

    def _check_source_readable(self):
        """The user reads every field the source reads: the filter (with the
        models its paths cross), the engineer, the date, the sum and the late
        date.  The computation reads them as the superuser, and the superior
        sees what it gives: a filter on what the user may not read would tell
        it (which employees earn more than X ...)."""
        self.ensure_one()
        source = self.sudo()
        Model = self.env[source.source_model_id.model]
        names = [
            field.name
            for field in (
                source.source_engineer_field_id,
                source.source_date_field_id,
                source.source_sum_field_id,
                source.source_late_field_id,
            )
            if field
        ]
        try:
            Model.check_field_access_rights("read", names)
            Model._search(source._source_domain())
        except AccessError as err:
            raise ValidationError(
                self.env._(
                    "%(item)s: the source reads fields or records you may not read: %(error)s",
                    item=self.name,
                    error=str(err),
                )
            ) from err

    def _check_source_metadata(self):
        self.ensure_one()
        model = self.source_model_id
        if model.model not in self.env:
            raise ValidationError(
                self.env._(
                    "%(item)s: the model %(model)s is not installed.",
                    item=self.name,
                    model=model.model,
                )
            )
        if self.rule_kind not in rules.SOURCED_FIELDS:
            raise ValidationError(
                self.env._(
                    "%(item)s: discretionary points and bonuses are the leader's; they are "
                    "never computed from records. Remove the source model or change the rule.",
                    item=self.name,
                )
            )
        checks = [
            (self.source_engineer_field_id, True, ENGINEER_TYPES, ENGINEER_MODELS),
            (self.source_date_field_id, True, DATE_TYPES, None),
            (self.source_sum_field_id, self.source_measure == "sum", NUMBER_TYPES, None),
            (self.source_late_field_id, False, DATE_TYPES, None),
        ]
        for field, required, types, relations in checks:
            if not field:
                if required:
                    raise ValidationError(
                        self.env._(
                            "%(item)s: the source needs its engineer field, its date field and, "
                            "to sum, the field summed.",
                            item=self.name,
                        )
                    )
                continue
            if field.model_id != model:
                raise ValidationError(
                    self.env._(
                        "%(item)s: the field %(field)s is not a field of %(model)s.",
                        item=self.name,
                        field=field.field_description,
                        model=model.name,
                    )
                )
            if (
                field.ttype not in types
                or (relations and field.relation not in relations)
                or not field.store
            ):
                if relations:
                    message = self.env._(
                        "%(item)s: the engineer field %(field)s must be a stored link to an "
                        "employee or a user.",
                        item=self.name,
                        field=field.field_description,
                    )
                elif types == DATE_TYPES:
                    message = self.env._(
                        "%(item)s: the field %(field)s must be a stored date or date and time.",
                        item=self.name,
                        field=field.field_description,
                    )
                else:
                    message = self.env._(
                        "%(item)s: the field summed, %(field)s, must be a stored number or amount.",
                        item=self.name,
                        field=field.field_description,
                    )
                raise ValidationError(message)
        try:
            self.env[model.model].sudo()._search(self._source_domain())
        except Exception as err:
            raise ValidationError(
                self.env._(
                    "%(item)s: the records counted are not a valid filter of %(model)s: %(error)s",
                    item=self.name,
                    model=model.name,
                    error=str(err),
                )
            ) from err

    def _source_query_domain(self, keys, start, end, company):
        """The domain of the records of ``keys`` (employee or user ids) dated in [start, end]."""
        self.ensure_one()
        Model = self.env[self.source_model_id.model].sudo()
        date_field = self.source_date_field_id
        engineer = self.source_engineer_field_id.name
        if date_field.ttype == "datetime":
            bounds = [
                (date_field.name, ">=", datetime.combine(start, time.min)),
                (date_field.name, "<", datetime.combine(end + timedelta(days=1), time.min)),
            ]
        else:
            bounds = [(date_field.name, ">=", start), (date_field.name, "<=", end)]
        domain = self._source_domain() + [(engineer, "in", keys)] + bounds
        if "company_id" in Model._fields and Model._fields["company_id"].store:
            domain.append(("company_id", "in", [company.id, False]))
        late = self.source_late_field_id
        if late:
            query = Model._search(domain)
            query.add_where(
                SQL(
                    "%s > %s",
                    Model._field_to_sql(Model._table, date_field.name, query),
                    Model._field_to_sql(Model._table, late.name, query),
                )
            )
            domain = [("id", "in", query)]
        return domain

    def _source_totals(self, reviews, company):
        """{review id: (value, ids)} of the records of each review's engineer and period.

        One grouped query for every review of the batch, whatever their
        number: the records of all their engineers between the earliest start
        and the latest end, grouped by engineer and day; each review then adds
        up the days of its own period.  Read as the superuser (the engineer's
        numbers are not the reader's records), within the review's company;
        an indicator written by someone else than a Technical Grades
        administrator counts only the records its author may read, so that a
        source cannot count what its author could not read (colleagues'
        private messages, another department's records...).
        """
        self.ensure_one()
        Model = self.env[self.source_model_id.model].sudo().with_context(tz="UTC")
        author = self.sudo().write_uid
        if author and not (author._is_superuser() or author.has_group(ADMIN)):
            Model = Model.with_user(author)
        by_users = self.source_engineer_field_id.relation == "res.users"
        key_of = {
            review.id: (review.employee_id.user_id.id if by_users else review.employee_id.id)
            for review in reviews
        }
        keys = [key for key in set(key_of.values()) if key]
        if not keys:
            return {}
        start = min(reviews.mapped("period_start"))
        end = max(reviews.mapped("period_end"))
        engineer = self.source_engineer_field_id.name
        aggregates = ["__count", "id:array_agg"]
        if self.source_measure == "sum":
            aggregates.append(f"{self.source_sum_field_id.name}:sum")
        groups = Model._read_group(
            self._source_query_domain(keys, start, end, company),
            groupby=[engineer, f"{self.source_date_field_id.name}:day"],
            aggregates=aggregates,
        )
        days = defaultdict(list)
        for row in groups:
            who, day, count, ids = row[:4]
            total = row[4] if self.source_measure == "sum" else count
            if isinstance(day, datetime):
                day = day.date()
            days[who.id].append((day, total or 0, ids))
        totals = {}
        for review in reviews:
            value, ids = 0, []
            for day, total, day_ids in days.get(key_of[review.id], ()):
                if day and review.period_start <= day <= review.period_end:
                    value += total
                    ids += day_ids
            totals[review.id] = (value, sorted(ids))
        return totals

    # ------------------------------------------------------------------
    # Presets of the installed modules
    # ------------------------------------------------------------------

    def _preset_names(self):
        """The name of each preset, in the language of ``self.env``."""
        return {
            "repair_done": self.env._("Repair orders done"),
            "repair_unsigned": self.env._("Repair orders without the customer's sign-off"),
            "task_closed": self.env._("Tasks closed"),
            "task_late": self.env._("Tasks closed late"),
            "expense_reimbursed": self.env._("Reimbursed service costs"),
            "ticket_solved": self.env._("Helpdesk tickets solved"),
            "ticket_past_sla": self.env._("Helpdesk tickets past their SLA"),
            "ticket_complaint": self.env._("Complaint tickets"),
        }

    @api.model
    def _installable_presets(self):
        def has_field(model, name):
            return model in self.env and name in self.env[model]._fields

        return kpi_presets.installable(kpi_presets.PRESETS, has_field)

    @api.model
    def action_load_presets(self):
        """Create the preset indicators of the installed modules, once each.

        A preset turns on only when its module is installed: the others are
        not created.  Presets start at 0 points, outside every plan: HR sets
        their points and adds them to the plans that use them.
        """
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise UserError(self.env._("HR loads the preset indicators."))
        Kpi = self.sudo().with_context(active_test=False, lang="en_US")
        done = set(Kpi.search([("source_preset", "!=", False)]).mapped("source_preset"))
        Fields = self.env["ir.model.fields"].sudo()
        names = Kpi._preset_names()
        vals_list = []
        for preset in self._installable_presets():
            if preset["key"] in done:
                continue
            model = preset["model"]
            vals = {
                "name": names[preset["key"]],
                "category_id": self.env.ref(f"hr_technical_grade.{preset['category']}").id,
                "rule_kind": preset["rule_kind"],
                "source_preset": preset["key"],
                "source_model_id": self.env["ir.model"]._get_id(model),
                "source_domain": preset["domain"],
                "source_engineer_field_id": Fields._get(model, preset["engineer"]).id,
                "source_date_field_id": Fields._get(model, preset["date"]).id,
                "data_source": self.env["ir.model"]._get(model).name,
            }
            if preset.get("sum"):
                vals.update(
                    source_measure="sum", source_sum_field_id=Fields._get(model, preset["sum"]).id
                )
            if preset.get("late"):
                vals["source_late_field_id"] = Fields._get(model, preset["late"]).id
            if preset.get("unit_amount"):
                vals["unit_amount"] = preset["unit_amount"]
            vals_list.append(vals)
        created = Kpi.create(vals_list)
        for lang, _name in self.env["res.lang"].get_installed():
            if lang == "en_US":
                continue
            translated = Kpi.with_context(lang=lang)._preset_names()
            for kpi in created.with_context(lang=lang):
                kpi.name = translated[kpi.source_preset]
        if self.env.context.get("preset_silent"):
            return created
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Preset Indicators"),
                "message": self.env._(
                    "%(count)s preset indicator(s) created from the installed modules. Set "
                    "their points and add them to the review plans that use them.",
                    count=len(created),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                "sticky": False,
            },
        }

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
