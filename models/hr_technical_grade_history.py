# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools.misc import format_date

from ..grade_rules import history as rules
from ..grade_rules import recertification as recert_rules

# Certificates a call of the recertification cron sorts out, of each kind
# (preparations, lapses); the cron engine calls again while some are left.
RECERTIFICATION_BATCH_SIZE = 200


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
            ("recertification", "Recertification"),
            ("points", "Monthly Points Placement"),
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
    source = fields.Selection(
        [
            ("evaluation", "Evaluation"),
            ("loading", "Existing grade (loading)"),
            ("correction", "Correction"),
        ],
        string="Recorded As",
        compute="_compute_source",
        store=True,
        help="Decided by an evaluation; or set by hand with Set Grade: an existing grade "
        "loaded (the grades engineers held when the company started with the addon), or a "
        "correction.",
    )
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The grade is held today.",
    )

    # The certificate of the grade this line granted (等级复审): valid for the
    # grade's validity from the line's first day.  A recertification renews it
    # with a line of its own, same grade, from the day it is decided.
    valid_until = fields.Date(
        string="Certificate Valid Until",
        compute="_compute_valid_until",
        store=True,
        index="btree_not_null",
        help="Last day the certificate of this grade is valid without a recertification; empty: "
        "the grade has no validity.",
    )
    validity_state = fields.Selection(
        [
            ("none", "No Validity"),
            ("valid", "Valid"),
            ("expiring", "Recertification Due"),
            ("expired", "Expired"),
        ],
        string="Certificate",
        compute="_compute_validity_state",
        search="_search_validity_state",
        help="Expired: past its last valid day. Recertification due: within the company's days "
        "ahead of the expiry, when the recertification is prepared.",
    )
    recertification_ids = fields.One2many(
        "hr.technical.grade.evaluation",
        "certificate_id",
        string="Recertifications",
        readonly=True,
        help="The recertification evaluations of this certificate.",
    )
    lapse_demotion_id = fields.Many2one(
        "hr.technical.grade.evaluation",
        string="Lapse Demotion Proposal",
        readonly=True,
        copy=False,
        help="The demotion proposed when this certificate lapsed without a passed recertification.",
    )

    _sql_constraints = [
        (
            "dates_ordered",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A grade history line cannot end before it starts.",
        ),
    ]

    @api.depends("manual", "change_type")
    def _compute_source(self):
        for line in self:
            line.source = rules.record_source(line.manual, line.change_type)

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

    @api.depends("date_from", "grade_id.validity_months")
    def _compute_valid_until(self):
        for line in self:
            line.valid_until = recert_rules.valid_until(
                line.date_from or None, line.grade_id.validity_months
            )

    @api.depends("valid_until", "company_id.technical_grade_recertification_days")
    @api.depends_context("tz")
    def _compute_validity_state(self):
        today = {company: company._technical_grade_today() for company in self.company_id}
        for line in self:
            line.validity_state = recert_rules.expiry_state(
                line.valid_until or None,
                today.get(line.company_id) or fields.Date.context_today(self),
                line.company_id.technical_grade_recertification_days,
            )

    def _search_validity_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(self.env._("Unsupported search on 'Certificate'."))
        values = {value} if isinstance(value, str) else set(value or ())
        if operator in ("!=", "not in"):
            values = {"none", "valid", "expiring", "expired"} - values
        domains = []
        if "none" in values:
            domains.append([("valid_until", "=", False)])
        for company in self.env["res.company"].sudo().search([]):
            today = company._technical_grade_today()
            due = today + timedelta(days=company.technical_grade_recertification_days)
            bounds = {
                "valid": [("valid_until", ">", due)],
                "expiring": [("valid_until", ">=", today), ("valid_until", "<=", due)],
                "expired": [("valid_until", "<", today)],
            }
            for state in values - {"none"}:
                domains.append([("company_id", "=", company.id), *bounds[state]])
        if not domains:
            return [("id", "=", False)]
        return expression.OR(domains)

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
    # Recertification (等级复审)
    # ------------------------------------------------------------------

    def _recertification_due_domain(self, company, today):
        """The current certificates of ``company`` due for a recertification that
        none was prepared for yet (one per certificate, whatever became of it)."""
        due = today + timedelta(days=company.technical_grade_recertification_days)
        return [
            ("company_id", "=", company.id),
            ("valid_until", "!=", False),
            ("valid_until", "<=", due),
            ("date_from", "<=", today),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", today),
            ("employee_id.active", "=", True),
            ("recertification_ids", "=", False),
        ]

    def _lapse_candidates_domain(self, company, today):
        """The current certificates of ``company`` past their expiry, not
        recertified, without a lapse proposal yet."""
        return [
            ("company_id", "=", company.id),
            ("valid_until", "<", today),
            ("date_from", "<=", today),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", today),
            ("employee_id.active", "=", True),
            ("lapse_demotion_id", "=", False),
        ]

    @api.model
    def _cron_recertify(self, batch_size=None):
        """Daily: prepare the recertifications that fall due, and propose a
        demotion for the certificates that lapsed.

        A batch of each per call, read and written together (no query per
        engineer for the preparations); the cron engine calls again while
        some are left.  Returns the prepared evaluations and the lapsed lines.
        """
        batch_size = batch_size or RECERTIFICATION_BATCH_SIZE
        History = self.sudo()
        prepared = self.env["hr.technical.grade.evaluation"].sudo()
        lapsed = History.browse()
        remaining = 0
        for company in self.env["res.company"].sudo().search([]):
            today = company._technical_grade_today()
            due_domain = History._recertification_due_domain(company, today)
            due = History.search(due_domain, order="valid_until, id")
            batch = due[: max(batch_size - len(prepared), 0)]
            prepared |= batch._prepare_recertifications()
            remaining += len(due) - len(batch)
            candidates = History.search(
                History._lapse_candidates_domain(company, today), order="valid_until, id"
            )._lapsed_on(today)
            batch = candidates[: max(batch_size - len(lapsed), 0)]
            lapsed |= batch._propose_lapse_demotions()
            remaining += len(candidates) - len(batch)
        prepared.activity_update()
        self.env["ir.cron"]._notify_progress(done=len(prepared) + len(lapsed), remaining=remaining)
        return prepared, lapsed

    def _prepare_recertifications(self):
        """A draft recertification of each certificate, for HR, in one create."""
        Evaluation = self.env["hr.technical.grade.evaluation"].sudo()
        if not self:
            return Evaluation
        # An open recertification filed by hand for an earlier line counts as prepared.
        busy = Evaluation.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("kind", "=", "recertification"),
                ("state", "in", ("draft", "submitted", "approved")),
            ]
        ).employee_id
        return Evaluation.create(
            [
                {
                    "employee_id": line.employee_id.id,
                    "kind": "recertification",
                    "target_grade_id": line.grade_id.id,
                    "certificate_id": line.id,
                }
                for line in self
                if line.employee_id not in busy
            ]
        )

    def _lapsed_on(self, today):
        """The certificates that lapsed on ``today`` (see
        :func:`grade_rules.recertification.lapsed`), read together.  A
        certificate lapses once its recertification was prepared."""
        recertifications = (
            self.env["hr.technical.grade.evaluation"]
            .sudo()
            .search_fetch(
                [("certificate_id", "in", self.ids)],
                ["certificate_id", "state", "create_date"],
            )
        )
        by_certificate = defaultdict(list)
        for evaluation in recertifications:
            by_certificate[evaluation.certificate_id.id].append(evaluation)
        # Nothing to propose at the bottom of a ladder (one read per grade).
        lowest = {grade for grade in self.grade_id if not grade._get_previous_grade()}
        lapsed = self.browse()
        for line in self:
            evaluations = by_certificate[line.id]
            if line.grade_id in lowest:
                continue
            if evaluations and recert_rules.lapsed(
                line.valid_until,
                today,
                min(e.create_date.date() for e in evaluations),
                line.company_id.technical_grade_recertification_days,
                passed=any(e.state == "done" for e in evaluations),
                in_progress=any(e.state in ("submitted", "approved") for e in evaluations),
            ):
                lapsed |= line
        return lapsed

    def _propose_lapse_demotions(self):
        """Propose a demotion for each lapsed certificate, with that reason."""
        Evaluation = self.env["hr.technical.grade.evaluation"]
        proposed = self.browse()
        for line in self:
            proposal = Evaluation._propose_demotion(
                line.employee_id,
                "recertification_lapsed",
                self.env._(
                    "the certificate of %(grade)s, expired on %(date)s without a passed "
                    "recertification",
                    grade=line.grade_id.name,
                    date=format_date(self.env, line.valid_until),
                ),
                line,
            )
            if not proposal:
                continue
            line.sudo().lapse_demotion_id = proposal
            proposed |= line
        return proposed

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
            # A recertification renews the certificate: the grade and its pay stay.
            if not old or line.change_type == "recertification":
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
