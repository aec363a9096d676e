# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..grade_rules import proration

WAGE_GROUPS = "hr_technical_grade.group_technical_grade_user,payroll.group_payroll_user"
# Fields of a table that may change once a confirmed payslip used it.
TRACKING_ONLY_FIELDS = {"message_main_attachment_id"}
# Context key of the upgrade scripts, which load tables as they were paid.
MIGRATION_CONTEXT = "hr_technical_grade_salary_table_migration"


class HrTechnicalGradeSalaryTable(models.Model):
    """One dated version of a company's salary table (薪资表).

    The monthly base wage, post wage and allowance of each grade are the
    lines of the latest active table of the company whose date is on or
    before the day paid.  A new version (the company's table "2027" from
    1 January) changes the rates from its date only: earlier days keep the
    rates of the table in force then.  Once a confirmed payslip used a
    table, the table is read-only; a correction is a new version with a
    reason.
    """

    _name = "hr.technical.grade.salary.table"
    _description = "Technical Grade Salary Table"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "company_id, date_from desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        string="Effective From",
        required=True,
        index=True,
        tracking=True,
        help="First day paid at this table's rates; they apply until the next table's date.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active")],
        default="draft",
        required=True,
        tracking=True,
        help="Only active tables are used by payroll and reports.",
    )
    reason = fields.Text(
        tracking=True,
        help="Why this version exists, required for a correction of a table already paid.",
    )
    corrected_table_id = fields.Many2one(
        "hr.technical.grade.salary.table",
        string="Corrects",
        tracking=True,
        check_company=True,
        help="The version this one corrects.",
    )
    line_ids = fields.One2many(
        "hr.technical.grade.salary.table.line", "table_id", string="Rates", copy=True
    )
    locked = fields.Boolean(
        string="Used by a Confirmed Payslip",
        compute="_compute_locked",
        help="A confirmed payslip was paid at these rates: the table is read-only.",
    )

    @api.constrains("company_id", "date_from", "state")
    def _check_one_active_per_date(self):
        for table in self.filtered(lambda t: t.state == "active"):
            if self.search_count(
                [
                    ("id", "!=", table.id),
                    ("company_id", "=", table.company_id.id),
                    ("date_from", "=", table.date_from),
                    ("state", "=", "active"),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The company already has an active salary table from %(date)s.",
                        date=format_date(self.env, table.date_from),
                    )
                )

    @api.constrains("corrected_table_id", "reason", "state")
    def _check_correction_reason(self):
        for table in self:
            if (
                table.state == "active"
                and table.corrected_table_id
                and not (table.reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "A correction of a salary table needs a reason before it is activated."
                    )
                )

    def _compute_locked(self):
        locked = self._used_by_confirmed_payslips()
        for table in self:
            table.locked = table.id in locked

    def _spans(self):
        """``{table id: (first day, last day or None)}`` while each table is in force."""
        spans = {}
        for company in self.company_id:
            active = self.sudo().search(
                [("company_id", "=", company.id), ("state", "=", "active")],
                order="date_from",
            )
            for table, following in zip(active, list(active[1:]) + [None], strict=True):
                end = following.date_from - proration.ONE_DAY if following else None
                spans[table.id] = (table.date_from, end)
        return spans

    def _used_by_confirmed_payslips(self):
        """Ids of the tables of ``self`` whose rates a confirmed payslip paid."""
        used = set()
        spans = self._spans()
        Payslip = self.env["hr.payslip"].sudo()
        for table in self:
            span = spans.get(table.id)
            if not span:
                continue
            domain = [
                ("company_id", "=", table.company_id.id),
                ("state", "=", "done"),
                ("date_to", ">=", span[0]),
                ("line_ids.category_id.code", "=", "TG"),
            ]
            if span[1]:
                domain.append(("date_from", "<=", span[1]))
            if Payslip.search_count(domain, limit=1):
                used.add(table.id)
        return used

    def _locks_apply(self):
        """The locks protect what users change: the module's data files (on
        install and upgrade) and its upgrade scripts load tables as shipped.

        Only while the registry loads the module, as superuser: no client
        request lifts a lock with a context key of its own.
        """
        context = self.env.context
        loading = self.env.su and not self.env.registry.ready
        return not (loading and (context.get("install_filename") or context.get(MIGRATION_CONTEXT)))

    def _check_not_locked(self):
        if not self._locks_apply():
            return
        locked = self.browse(self._used_by_confirmed_payslips())
        if locked:
            raise UserError(
                self.env._(
                    "The salary table %(tables)s was used by confirmed payslips: it cannot "
                    "change any more. Create a new version with a reason instead.",
                    tables=", ".join(locked.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # A new active version moves the end of the one before it: that one
        # must not have been paid on the days it loses.
        for vals in vals_list:
            if vals.get("state") == "active" and vals.get("date_from"):
                company = self._company_of(vals.get("company_id"))
                self._check_no_paid_days_taken(company, self._date_of(vals["date_from"]))
        return super().create(vals_list)

    def _company_of(self, value):
        """The company a client names by its id, or a clear error."""
        if not value:
            return self.env.company
        if isinstance(value, bool) or not isinstance(value, int):
            raise UserError(
                self.env._(
                    "A salary table's company is given by its id, not %(value)r.", value=value
                )
            )
        return self.env["res.company"].browse(value)

    def _date_of(self, value):
        """The date a client sends, or a clear error."""
        try:
            return fields.Date.to_date(value)
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._("%(value)r is not a date (YYYY-MM-DD).", value=value)
            ) from error

    def write(self, vals):
        if set(vals) - TRACKING_ONLY_FIELDS:
            self._check_not_locked()
        if {"state", "date_from", "company_id"} & set(vals):
            for table in self:
                if vals.get("state", table.state) == "active":
                    company = self._company_of(vals.get("company_id") or table.company_id.id)
                    day = self._date_of(vals.get("date_from") or table.date_from)
                    self._check_no_paid_days_taken(company, day)
        return super().write(vals)

    def unlink(self):
        self._check_not_locked()
        return super().unlink()

    @api.model
    def _check_no_paid_days_taken(self, company, day):
        """Refuse a version of ``company`` from ``day`` inside days a confirmed
        payslip paid."""
        if not self._locks_apply():
            return
        paid = (
            self.env["hr.payslip"]
            .sudo()
            .search_count(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("date_to", ">=", day),
                    ("line_ids.category_id.code", "=", "TG"),
                ],
                limit=1,
            )
        )
        if paid:
            raise UserError(
                self.env._(
                    "Confirmed payslips already paid grade pay on or after %(date)s: "
                    "a salary table cannot take effect before them. Date the new "
                    "version after the last confirmed pay period.",
                    date=format_date(self.env, day),
                )
            )

    def action_activate(self):
        self.write({"state": "active"})
        return True

    def action_reset_to_draft(self):
        self.write({"state": "draft"})
        return True

    def action_new_version(self):
        """A draft copy of the table, to correct it or to prepare the next one."""
        self.ensure_one()
        copy = self.copy(
            {
                "name": self.env._("%(name)s (new version)", name=self.name),
                "state": "draft",
                "corrected_table_id": self.id,
                "reason": False,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": copy.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Rates in force
    # ------------------------------------------------------------------

    @api.model
    def _table_chains(self, companies, date_from, date_to):
        """``{company id: [Segment(table)]}`` of the active tables in force
        from ``date_from`` to ``date_to``, read in one query."""
        tables = self.sudo().search_fetch(
            [("company_id", "in", companies.ids), ("state", "=", "active")],
            ["company_id", "date_from"],
            order="date_from",
        )
        starts = defaultdict(list)
        for table in tables:
            starts[table.company_id.id].append((table.date_from, table))
        return {
            company.id: proration.table_chain(starts[company.id], date_from, date_to)
            for company in companies
        }

    @api.model
    def _rates(self, tables, grades):
        """``{(grade, table): {component: monthly rate}}``, read in one query."""
        lines = (
            self.env["hr.technical.grade.salary.table.line"]
            .sudo()
            .search_fetch(
                [("table_id", "in", tables.ids), ("grade_id", "in", grades.ids)],
                ["table_id", "grade_id", *proration.COMPONENTS],
            )
        )
        rates = {
            (line.grade_id, line.table_id): {name: line[name] for name in proration.COMPONENTS}
            for line in lines
        }
        zero = dict.fromkeys(proration.COMPONENTS, 0.0)
        for table in tables:
            for grade in grades:
                rates.setdefault((grade, table), zero)
        return rates

    @api.model
    def _rates_on(self, grades, day):
        """``{grade: {component: monthly rate}}`` of the tables in force on ``day``."""
        return self._rates_on_days(grades, [day])[day]

    @api.model
    def _rates_on_days(self, grades, days):
        """``{day: {grade: {component: monthly rate}}}`` of the tables in force
        on each of ``days``, read in two queries whatever their number."""
        days = set(days)
        if not days:
            return {}
        chains = self._table_chains(grades.company_id, min(days), max(days))
        tables = self.browse({seg.value.id for chain in chains.values() for seg in chain})
        rates = self._rates(tables, grades)
        zero = dict.fromkeys(proration.COMPONENTS, 0.0)
        result = {}
        for day in days:
            result[day] = {}
            for grade in grades:
                table = next(
                    (
                        seg.value
                        for seg in chains.get(grade.company_id.id, [])
                        if seg.date_from <= day and (seg.date_to is None or day <= seg.date_to)
                    ),
                    None,
                )
                result[day][grade] = rates[grade, table] if table else zero
        return result
