# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from ..grade_rules import history as rules


class HrTechnicalGradeHistory(models.Model):
    """One period during which an employee held a technical grade.

    The lines of an employee form a chain without gaps or overlaps; the
    employee's current grade is read from it.  Lines are written through
    :meth:`_record_grade_change`, which closes the running line and opens the
    next one, so that every change keeps the chain continuous.
    """

    _name = "hr.technical.grade.history"
    _description = "Technical Grade History"
    _inherit = ["hr.technical.grade.chatter.mixin"]
    _order = "employee_id, date_from desc, id desc"
    _rec_names_search = ["employee_id", "grade_id"]

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    grade_id = fields.Many2one(
        "hr.technical.grade",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Department", readonly=True
    )
    currency_id = fields.Many2one(related="grade_id.currency_id")
    allowance = fields.Monetary(
        compute="_compute_allowance",
        string="Monthly Allowance",
        groups="hr_technical_grade.group_technical_grade_user,payroll.group_payroll_user",
        help="The grade's monthly allowance in the salary table in force when the line starts.",
    )
    date_from = fields.Date(string="From", required=True, index=True, tracking=True)
    date_to = fields.Date(
        string="To",
        tracking=True,
        help="Last day at this grade; empty while the grade is still held.",
    )
    change_type = fields.Selection(
        [
            ("initial", "Initial Grading"),
            ("promotion", "Promotion"),
            ("demotion", "Demotion"),
            ("correction", "Correction"),
        ],
        required=True,
        default="initial",
        tracking=True,
    )
    reason = fields.Text(required=True, tracking=True)
    origin = fields.Char(
        string="Source Document",
        tracking=True,
        help="Reference of the document that decided this grade (evaluation, decision letter...).",
    )
    manual = fields.Boolean(
        string="Set by Hand",
        default=True,
        readonly=True,
        help="Recorded by an administrator (Set Grade: an existing grade loaded, or a "
        "correction), not decided by an evaluation.",
    )
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The grade is held today.",
    )

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A grade history line cannot end before it starts.",
        ),
    ]

    @api.depends("date_from", "date_to")
    @api.depends_context("tz")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_current = line.date_from <= today and (
                not line.date_to or line.date_to >= today
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on 'Current'."))
        today = fields.Date.context_today(self)
        domain = [
            ("date_from", "<=", today),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", today),
        ]
        if (operator == "=") != value:
            return ["!", *domain]
        return domain

    @api.depends("employee_id", "grade_id", "date_from", "date_to")
    def _compute_display_name(self):
        for line in self:
            line.display_name = self.env._(
                "%(employee)s: %(grade)s from %(date)s",
                employee=line.employee_id.name or "",
                grade=line.grade_id.name or "",
                date=format_date(self.env, line.date_from) if line.date_from else "",
            )

    # ------------------------------------------------------------------
    # Continuity
    # ------------------------------------------------------------------

    @api.model
    def _segments_by_employee(self, employees):
        """The history of ``employees`` as pure-rule segments, in one query."""
        chains = defaultdict(list)
        lines = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("employee_id", "in", employees.ids)],
                ["employee_id", "grade_id", "date_from", "date_to"],
            )
        )
        for line in lines:
            chains[line.employee_id.id].append(
                rules.Segment(line.date_from, line.date_to or None, line.grade_id.id, line.id)
            )
        return chains

    @api.constrains("employee_id", "date_from", "date_to")
    def _check_continuity(self):
        chains = self._segments_by_employee(self.employee_id)
        for employee in self.employee_id:
            problems = rules.continuity_problems(chains[employee.id])
            if problems:
                raise ValidationError(self._continuity_message(employee, problems[0]))

    @api.ondelete(at_uninstall=False)
    def _unlink_keeps_continuity(self):
        chains = self._segments_by_employee(self.employee_id)
        for employee in self.employee_id:
            remaining = [s for s in chains[employee.id] if s.ref not in self.ids]
            problems = rules.continuity_problems(remaining)
            if problems:
                raise ValidationError(self._continuity_message(employee, problems[0]))

    @api.constrains("employee_id", "grade_id")
    def _check_grade_company(self):
        for line in self:
            if line.grade_id.company_id != line.employee_id.company_id:
                raise ValidationError(
                    self.env._(
                        "The grade %(grade)s belongs to %(grade_company)s, but "
                        "%(employee)s works for %(company)s.",
                        grade=line.grade_id.name,
                        grade_company=line.grade_id.company_id.name,
                        employee=line.employee_id.name,
                        company=line.employee_id.company_id.name,
                    )
                )

    def _continuity_message(self, employee, problem):
        """Word a pure-rule continuity problem for the user."""

        def fmt(day):
            return format_date(self.env, day) if day else ""

        first, second = problem.first, problem.second
        values = {
            "employee": employee.name,
            "from1": fmt(first.date_from),
            "to1": fmt(first.date_to) if first.date_to else self.env._("(open)"),
            "from2": fmt(second.date_from if second else None),
        }
        if problem.kind == rules.OVERLAP:
            return self.env._(
                "The grade history of %(employee)s would overlap: the period from "
                "%(from1)s to %(to1)s and the one starting %(from2)s share days.",
                **values,
            )
        if problem.kind == rules.GAP:
            return self.env._(
                "The grade history of %(employee)s would have a gap: the period "
                "from %(from1)s to %(to1)s is not followed by the next day "
                "(next period starts %(from2)s).",
                **values,
            )
        if problem.kind == rules.OPEN_NOT_LAST:
            return self.env._(
                "The grade history of %(employee)s would have two running grades: "
                "the period from %(from1)s has no end but another starts %(from2)s.",
                **values,
            )
        if problem.kind == rules.NOT_AFTER_START:
            return self.env._(
                "%(employee)s holds the current grade since %(from1)s: a change "
                "must take effect after that date.",
                **values,
            )
        if problem.kind == rules.AFTER_GAP:
            return self.env._(
                "The last grade of %(employee)s ended on %(to1)s: a new grade must "
                "start on the next day, not later.",
                **values,
            )
        return self.env._(
            "The grade history of %(employee)s has a period that ends before it "
            "starts (%(from1)s to %(to1)s).",
            **values,
        )

    # ------------------------------------------------------------------
    # Recording changes
    # ------------------------------------------------------------------

    @api.model
    def _record_grade_change(self, changes):
        """Record grade changes, closing each employee's running line.

        ``changes`` is a list of dicts with ``employee_id``, ``grade_id``,
        ``date_from`` and ``reason`` (and optionally ``change_type``,
        ``origin`` and ``manual``: False unless given).  Returns the new
        lines.  One employee may appear once.

        The callers check who may record the change (an applied evaluation,
        an administrator's Set Grade); the lines are written as superuser.
        """
        if not changes:
            return self.browse()
        employees = self.env["hr.employee"].browse([c["employee_id"] for c in changes])
        if len(employees) != len(changes):
            raise ValidationError(self.env._("Each employee can change grade only once at a time."))
        # Serialize concurrent changes of the same employees: the second
        # transaction waits, then fails to serialize and is retried on fresh data.
        self.env.cr.execute(
            "SELECT id FROM hr_employee WHERE id IN %s FOR NO KEY UPDATE",
            [tuple(employees.ids)],
        )
        chains = self._segments_by_employee(employees)
        to_close = defaultdict(list)  # date_to -> line ids
        vals_list = []
        for change in changes:
            day = fields.Date.to_date(change["date_from"])
            employee = employees.browse(change["employee_id"])
            try:
                closing, new_to = rules.plan_change(chains[employee.id], day)
            except rules.ContinuityError as err:
                raise ValidationError(self._continuity_message(employee, err)) from err
            if closing is not None:
                to_close[day - timedelta(days=1)].append(closing.ref)
            vals_list.append(
                dict(change, date_from=day, date_to=new_to, manual=change.get("manual", False))
            )
        History = self.sudo()
        for date_to, line_ids in to_close.items():
            History.browse(line_ids).write({"date_to": date_to})
        return History.create(vals_list).sudo(self.env.su)

    @api.depends("grade_id", "date_from")
    def _compute_allowance(self):
        Table = self.env["hr.technical.grade.salary.table"]
        by_day = defaultdict(lambda: self.browse())
        for line in self:
            by_day[line.date_from] |= line
        for day, lines in by_day.items():
            rates = Table._rates_on(lines.grade_id, day) if day else {}
            for line in lines:
                line.allowance = rates.get(line.grade_id, {}).get("allowance", 0.0)

    def write(self, vals):
        """Lines change through evaluations and Set Grade only; their notes stay editable."""
        if set(vals) - {"reason", "origin", "message_main_attachment_id"} and not self.env.su:
            raise AccessError(
                self.env._(
                    "A grade history line changes through an evaluation or an administrator's "
                    "Set Grade (a correction), which keep the old line on record."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_set_by_hand(self):
        decided = self.filtered(lambda line: not line.manual)
        if decided:
            raise UserError(
                self.env._(
                    "%(lines)s was decided by an evaluation: it stays in the history. Record a "
                    "correction with Set Grade instead.",
                    lines=", ".join(decided.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Salary adjustment table
    # ------------------------------------------------------------------

    @api.model
    def _salary_adjustment_rows(self, date_from, date_to, domain=None):
        """One row per grade change taking effect from ``date_from`` to ``date_to``.

        A change is a history line that follows another line of the same
        employee (initial gradings are not changes).  Each row holds the old
        and new grades, the effective date, the old and new monthly base wage,
        post wage and allowance and the monthly difference: the old rates are
        those of the salary table in force the day before the change, the new
        ones those in force on the effective date, so that a later table does
        not rewrite a past year's adjustments.
        """
        changes = self.search(
            [("date_from", ">=", date_from), ("date_from", "<=", date_to), *(domain or [])],
            order="date_from, employee_id",
        )
        previous_day = {line: line.date_from - timedelta(days=1) for line in changes}
        before = self.search(
            [
                ("employee_id", "in", changes.employee_id.ids),
                ("date_to", "in", list(set(previous_day.values()))),
            ]
        )
        previous = {(line.employee_id, line.date_to): line for line in before}
        Table = self.env["hr.technical.grade.salary.table"]
        rates = Table._rates_on_days(
            changes.grade_id | before.grade_id,
            set(previous_day.values()) | set(changes.mapped("date_from")),
        )
        rows = []
        for line in changes:
            old = previous.get((line.employee_id, previous_day[line]))
            if not old:
                continue
            row = {
                "line": line,
                "employee": line.employee_id,
                "department": line.employee_id.department_id,
                "old_grade": old.grade_id,
                "new_grade": line.grade_id,
                "date": line.date_from,
                "change_type": line.change_type,
                "origin": line.origin or "",
                "currency": line.grade_id.currency_id,
            }
            old_rates = rates[previous_day[line]][old.grade_id]
            new_rates = rates[line.date_from][line.grade_id]
            for name in ("base_wage", "post_wage", "allowance"):
                row[f"old_{name}"] = old_rates[name]
                row[f"new_{name}"] = new_rates[name]
            row["old_monthly_total"] = sum(old_rates.values())
            row["new_monthly_total"] = sum(new_rates.values())
            row["difference"] = row["new_monthly_total"] - row["old_monthly_total"]
            rows.append(row)
        return rows
