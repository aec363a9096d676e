# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..grade_rules import consequences, eligibility, proration
from ..grade_rules import history as rules

CRON_CATCH_UP_DAYS = 31
# Read from the grade history, never written by a client (HR included).
TECHNICAL_GRADE_FIELDS = {"technical_grade_id", "technical_grade_date"}
# The consequences of reviews that change the grade a day is paid at, applied
# in this order over the grade history: pay steps one level down, then the
# unpaid stand-by days.
PAY_CONSEQUENCES = ("hr.technical.grade.pay.step", "hr.technical.grade.standby")


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Private to HR (see the note on hr.employee): engineers read their own
    # grade through the history model, whose record rules are per person.
    technical_grade_history_ids = fields.One2many(
        "hr.technical.grade.history",
        "employee_id",
        string="Grade History",
        groups="hr.group_hr_user",
    )
    technical_grade_id = fields.Many2one(
        "hr.technical.grade",
        compute="_compute_technical_grade",
        store=True,
        index=True,
        groups="hr.group_hr_user",
        tracking=True,
        help="The grade held today, read from the grade history.",
    )
    technical_grade_date = fields.Date(
        string="Grade Since",
        compute="_compute_technical_grade",
        store=True,
        groups="hr.group_hr_user",
        help="The day the current grade took effect.",
    )
    technical_experience_date = fields.Date(
        string="In the Trade Since",
        groups="hr.group_hr_user",
        help="Start of the professional experience counted for promotions. When "
        "empty, experience counts from the first grade.",
    )
    technical_grade_history_count = fields.Integer(
        compute="_compute_technical_grade_history_count",
        groups="hr.group_hr_user",
    )
    technical_grade_evaluation_count = fields.Integer(
        compute="_compute_technical_grade_evaluation_count",
        groups="hr.group_hr_user",
    )
    technical_grade_work_log_count = fields.Integer(
        string="Work Logs",
        compute="_compute_technical_grade_work_log_count",
        groups="hr.group_hr_user",
    )
    technical_grade_training_result_count = fields.Integer(
        string="Training Results",
        compute="_compute_technical_grade_training_result_count",
        groups="hr.group_hr_user",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_technical_grade_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_technical_grade_fields(vals)
        return super().write(vals)

    def _check_technical_grade_fields(self, vals):
        """The grade is what the history says: a client call cannot set it."""
        if not self.env.su and TECHNICAL_GRADE_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "The technical grade is read from the grade history: record a grade "
                    "change (Set Grade, or an evaluation) instead of editing it."
                )
            )

    def _technical_grade_graded(self):
        """The employees who already have a grade history.

        An initial grading is for the others only, whether HR sets it
        (Set Grade) or an evaluation asks for it.
        """
        return self.filtered("technical_grade_history_ids")

    def _technical_grade_initial_settled(self):
        """Where the initial grading of these employees stands, as ``(graded, filed)``.

        ``graded``: they already have a grade history; ``filed``: an initial
        grading of theirs is on file (not withdrawn).  Either way nothing more
        is prepared for them, and they ask for no early confirmation.
        """
        employees = self.sudo()
        filed = (
            self.env["hr.technical.grade.evaluation"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("kind", "=", "initial"),
                    ("state", "!=", "cancel"),
                ]
            )
            .employee_id
        )
        return employees._technical_grade_graded(), filed

    def _check_technical_grade_ungraded(self):
        """Refuse an initial grading of employees who already have a grade."""
        graded = self._technical_grade_graded()
        if graded:
            raise UserError(
                self.env._(
                    "These employees already have a grade history: %(names)s. "
                    "Use a correction, or an evaluation for a promotion or a demotion.",
                    names=", ".join(graded.mapped("name")),
                )
            )

    @api.depends(
        "technical_grade_history_ids.grade_id",
        "technical_grade_history_ids.date_from",
        "technical_grade_history_ids.date_to",
    )
    def _compute_technical_grade(self):
        # Held on the company's day (the day grades take effect), not the server's.
        today = {company: company._technical_grade_today() for company in self.company_id}
        chains = self.env["hr.technical.grade.history"]._segments_by_employee(self)
        grades = self.env["hr.technical.grade"]
        for employee in self:
            day = today.get(employee.company_id) or fields.Date.context_today(self)
            current = rules.segment_at(chains.get(employee.id, []), day)
            employee.technical_grade_id = grades.browse(current.value) if current else False
            employee.technical_grade_date = current.date_from if current else False

    def _compute_technical_grade_history_count(self):
        counts = dict(
            self.env["hr.technical.grade.history"]._read_group(
                [("employee_id", "in", self.ids)],
                groupby=["employee_id"],
                aggregates=["__count"],
            )
        )
        for employee in self:
            employee.technical_grade_history_count = counts.get(employee, 0)

    def _compute_technical_grade_evaluation_count(self):
        counts = dict(
            self.env["hr.technical.grade.evaluation"]._read_group(
                [("employee_id", "in", self.ids)],
                groupby=["employee_id"],
                aggregates=["__count"],
            )
        )
        for employee in self:
            employee.technical_grade_evaluation_count = counts.get(employee, 0)

    def _technical_grade_readable_counts(self, model):
        """How many records of ``model`` each employee has, as the user reads them.

        An HR user outside the technical grades reads none (no access: 0).
        """
        Model = self.env[model]
        if not Model.has_access("read"):
            return {}
        return dict(
            Model._read_group(
                [("employee_id", "in", self.ids)], groupby=["employee_id"], aggregates=["__count"]
            )
        )

    def _compute_technical_grade_training_result_count(self):
        counts = self._technical_grade_readable_counts("hr.technical.grade.training.result")
        for employee in self:
            employee.technical_grade_training_result_count = counts.get(employee, 0)

    def _compute_technical_grade_work_log_count(self):
        counts = self._technical_grade_readable_counts("hr.technical.grade.work.log")
        for employee in self:
            employee.technical_grade_work_log_count = counts.get(employee, 0)

    @api.model
    def _cron_refresh_technical_grade(self):
        """Move employees to the grade their history holds today.

        Stored grades change by themselves when the history is edited; this
        daily job catches the days on which a dated change takes effect.
        """
        today = fields.Date.context_today(self)
        # A month of margin: days on which the job did not run are caught up.
        since = today - timedelta(days=CRON_CATCH_UP_DAYS)
        lines = self.env["hr.technical.grade.history"].search(
            [
                "|",
                "&",
                ("date_from", ">", since),
                ("date_from", "<=", today),
                "&",
                ("date_to", ">=", since),
                ("date_to", "<", today),
            ]
        )
        employees = lines.employee_id.with_context(active_test=False)
        fnames = ["technical_grade_id", "technical_grade_date"]
        for fname in fnames:
            self.env.add_to_compute(self._fields[fname], employees)
        employees._recompute_recordset(fnames)
        return employees

    def _technical_grade_standing(self, day):
        """Grade, whole months in it, whole years of experience on ``day``, and
        the final scores of the finished periodic reviews up to then (most
        recent first, ``recent_results``), and the reviews of the day's year
        that give no raise (``no_raise_reviews``)."""
        self.ensure_one()
        return self._technical_grade_standings(day)[self.id]

    def _technical_grade_standings(self, day):
        """:meth:`_technical_grade_standing` of every employee, read in one query."""
        chains = self.env["hr.technical.grade.history"]._segments_by_employee(self)
        grades = self.env["hr.technical.grade"]
        results = defaultdict(list)
        no_raise = defaultdict(list)
        for review in (
            self.env["hr.technical.grade.review"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", self.ids),
                    ("state", "=", "done"),
                    ("period_start", "<=", day),
                ],
                ["employee_id", "final_score", "no_raise", "raise_exception", "year", "name"],
                order="period_start desc, id desc",
            )
        ):
            results[review.employee_id.id].append(review.final_score)
            # Seed 003: 中 and 较差 (and 差) get no raise in the cycle (the year) of the
            # review, unless HR recorded one of the seed's exceptions on it.
            if review.no_raise and not review.raise_exception and review.year == str(day.year):
                no_raise[review.employee_id.id].append(review.name)
        standings = {}
        for employee in self:
            chain = chains.get(employee.id, [])
            current = rules.segment_at(chain, day)
            start = employee.technical_experience_date or min(
                (segment.date_from for segment in chain), default=None
            )
            standings[employee.id] = {
                "grade": grades.browse(current.value if current else []),
                "months_in_grade": rules.months_in_value(chain, day),
                "experience_years": rules.full_months_between(start, day) // 12 if start else 0,
                "recent_results": results[employee.id],
                "no_raise_reviews": no_raise[employee.id],
            }
        return standings

    def _technical_grade_eligibility(self, day, kind="promotion", targets=None):
        """What keeps each employee from a grade change on ``day``, for many at once.

        The one eligibility service of the addon: evaluations, campaigns and
        My Technical Grade ask it, and word its problems alike.  ``kind`` is
        ``promotion``, ``demotion``, ``recertification`` or ``initial``; ``targets`` maps an
        employee id to the grade asked for (by default, for a promotion, the
        next grade up).  The standings of all are read together, and each
        ladder once.  Read as superuser by the callers: requesters may not
        read HR-only employee data (grade history, experience date).

        Returns ``{employee id: (standing, target grade, [(problem, wording)])}``.
        """
        targets = targets or {}
        standings = self._technical_grade_standings(day)
        graded = self._technical_grade_graded() if kind == "initial" else self.browse()
        ladders = {}

        def ladder_of(grade):
            key = (grade.company_id.id, grade.ladder_id.id)
            if key not in ladders:
                ladders[key] = list(grade._ladder())
            return ladders[key]

        result = {}
        for employee in self:
            standing = standings[employee.id]
            current = standing["grade"]
            target = targets.get(employee.id) or self.env["hr.technical.grade"]
            if kind == "initial":
                problems = eligibility.initial_problems(employee in graded)
                result[employee.id] = (standing, target, employee._word_eligibility(problems))
                continue
            ladder = ladder_of(target or current) if (target or current) else []
            current_rank = ladder.index(current) if current in ladder else None
            if kind == "promotion" and not target and current_rank is not None:
                target = ladder[current_rank + 1] if current_rank + 1 < len(ladder) else target
            target_rank = ladder.index(target) if target in ladder else -1
            if kind == "promotion" and target:
                problems = target._promotion_problems(standing, current_rank, target_rank)
            elif kind == "promotion":
                problems = eligibility.promotion_problems(current_rank, None, 0, 0, 0, 0)
            elif kind == "recertification":
                problems = eligibility.recertification_problems(current_rank, target_rank)
            else:
                problems = eligibility.demotion_problems(current_rank, target_rank)
            result[employee.id] = (standing, target, employee._word_eligibility(problems, current))
        return result

    def _word_eligibility(self, problems, current=None):
        """``(problem, wording)`` pairs: the one wording of each problem."""
        self.ensure_one()
        current = current or self.env["hr.technical.grade"]
        return [(problem, self._word_eligibility_problem(problem, current)) for problem in problems]

    def _word_eligibility_problem(self, problem, current):
        code = problem.code
        if code == eligibility.ALREADY_GRADED:
            return self.env._(
                "%(employee)s already has a grade history: an initial grading is for employees "
                "without a grade; file a promotion or a demotion.",
                employee=self.name,
            )
        if code == eligibility.NOT_GRADED:
            return self.env._(
                "%(employee)s has no grade yet: grade them first.", employee=self.name
            )
        if code == eligibility.TOP_OF_LADDER:
            return self.env._(
                "%(employee)s is at the top of the ladder: there is no grade above %(current)s.",
                employee=self.name,
                current=current.name,
            )
        if code == eligibility.NOT_ONE_UP:
            return self.env._(
                "Promotion is one grade at a time: from %(current)s the next grade is %(next)s.",
                current=current.name,
                next=current._get_next_grade().name or self.env._("none (top of the ladder)"),
            )
        if code == eligibility.NOT_ONE_DOWN:
            return self.env._(
                "Demotion is one grade down: from %(current)s that is %(previous)s.",
                current=current.name,
                previous=current._get_previous_grade().name
                or self.env._("none (bottom of the ladder)"),
            )
        if code == eligibility.NOT_SAME_GRADE:
            return self.env._(
                "A recertification renews the grade held: %(current)s.",
                current=current.name,
            )
        if code == eligibility.MONTHS_IN_GRADE:
            return self.env._(
                "%(required)s months in the current grade are required; %(actual)s are done.",
                required=problem.required,
                actual=problem.actual,
            )
        if code == eligibility.NO_RAISE:
            return self.env._(
                "No raise this cycle after the review(s) %(reviews)s (中, 较差 or 差, seed "
                "003), hence no promotion, unless HR records on the review a general raise or "
                "a raise balancing post gaps.",
                reviews=", ".join(problem.actual),
            )
        if code == eligibility.RECENT_RESULTS:
            return self.env._(
                "The recent periodic reviews must average %(required)s; they average %(actual)s.",
                required=problem.required,
                actual=problem.actual,
            )
        return self.env._(
            "%(required)s years of experience are required; %(actual)s are counted.",
            required=problem.required,
            actual=problem.actual,
        )

    # ------------------------------------------------------------------
    # Pay
    # ------------------------------------------------------------------

    def get_technical_grade_pay(self, date_from, date_to, calendar=None):
        """The grade pay of the employee for a pay period, prorated.

        This is what the salary rules TG_BASE, TG_POST and TG_ALW pay: each
        day of the period is paid at the rates that the salary table in force
        that day gives to the grade held that day.  Each (grade, table) pair
        is paid its monthly base wage, post wage and allowance for the days it
        lasted (calendar days, or worked days of ``calendar`` - the payslip
        contract's working schedule - when the company says so in the payroll
        settings), rounded to the currency.

        Returns a dict:

        - ``graded``: whether the employee held a grade in the period;
        - ``base_wage``, ``post_wage``, ``allowance``: the amounts (floats);
        - ``base_wage_name``, ``post_wage_name``, ``allowance_name``: a line
          label explaining the split when the grade or the salary table
          changed in the period (False otherwise);
        - ``parts``: one dict per grade, table and month (grade, table,
          dates, days, amounts).

        For many employees at once, :meth:`_get_technical_grade_pays` reads
        the history and the rates of all of them together.
        """
        self.ensure_one()
        try:
            period = (fields.Date.to_date(date_from), fields.Date.to_date(date_to))
        except (TypeError, ValueError):
            period = (None, None)
        if not all(period):
            raise UserError(
                self.env._("Give the first and the last day of the pay period as dates.")
            )
        if calendar and not (
            isinstance(calendar, models.BaseModel) and calendar._name == "resource.calendar"
        ):
            raise UserError(self.env._("The working schedule is a resource.calendar record."))
        calendars = {self.id: calendar} if calendar else None
        return self._get_technical_grade_pays(*period, calendars)[self.id]

    def _technical_grade_segments(self, date_from, date_to, consequence_models=PAY_CONSEQUENCES):
        """``{employee id: [Segment(grade)]}``: the grade paid on each day.

        The grade history of all the employees, read in one query.  This is
        the hook for what changes the grade a day is paid at (a pay step one
        level down after a review, for instance): override it and return
        other segments for the days concerned.  ``consequence_models`` are the
        models whose ``_overrides`` apply (all of them for a payslip; the
        salary adjustment table leaves some out to show what each one
        changes).
        """
        segments = defaultdict(list)
        for line in self.technical_grade_history_ids:
            if line.date_from <= date_to and (not line.date_to or line.date_to >= date_from):
                segments[line.employee_id.id].append(
                    rules.Segment(line.date_from, line.date_to or None, line.grade_id, line.id)
                )
        # The consequences of reviews: pay steps one level down, unpaid stand-by.
        overrides = defaultdict(list)
        for model in consequence_models:
            for employee_id, segs in self.env[model]._overrides(self, date_from, date_to).items():
                overrides[employee_id].extend(segs)
        for employee_id, segs in overrides.items():
            segments[employee_id] = consequences.overlay(segments.get(employee_id, []), segs)
        return segments

    def _get_technical_grade_pays(
        self, date_from, date_to, calendars=None, consequence_models=PAY_CONSEQUENCES
    ):
        """:meth:`get_technical_grade_pay` of every employee of ``self``.

        ``calendars`` is ``{employee id: working schedule}`` to count worked
        days on (the payslip contracts' schedules; the employee's own by
        default).  ``consequence_models``: see :meth:`_technical_grade_segments`.
        Returns ``{employee id: pay}``.  The history, the salary tables and
        their rates for all the employees are read together, in a fixed
        number of queries.
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        calendars = calendars or {}
        segments = self._technical_grade_segments(date_from, date_to, consequence_models)
        Table = self.env["hr.technical.grade.salary.table"]
        chains = Table._table_chains(self.company_id, date_from, date_to)
        tables = Table.browse({seg.value.id for chain in chains.values() for seg in chain})
        grades = self.env["hr.technical.grade"].browse(
            {seg.value.id for chain in segments.values() for seg in chain}
        )
        rates = Table._rates(tables, grades)
        labels = {
            "base_wage": self.env._("Grade Base Wage"),
            "post_wage": self.env._("Grade Post Wage"),
            "allowance": self.env._("Grade Allowance"),
        }
        return {
            employee.id: employee._technical_grade_pay(
                proration.split_by_table(
                    segments.get(employee.id, []), chains.get(employee.company_id.id, [])
                ),
                rates,
                date_from,
                date_to,
                labels,
                calendars.get(employee.id),
            )
            for employee in self
        }

    def _technical_grade_pay(self, segments, rates, date_from, date_to, labels, calendar=None):
        """The pay of one employee from the (grade, table) segments of the period."""
        count_days = proration.calendar_days
        if self.company_id.technical_grade_proration == "worked":

            def count_days(start, end):
                return self._technical_grade_worked_days(start, end, calendar)

        digits = self.company_id.currency_id.decimal_places
        parts = proration.prorate(segments, date_from, date_to, rates, count_days)
        result = {
            "graded": bool(parts),
            "parts": [
                {
                    "grade_id": part.value[0].id,
                    "grade": part.value[0].name,
                    "table_id": part.value[1].id,
                    "table": part.value[1].name,
                    "date_from": part.date_from,
                    "date_to": part.date_to,
                    "days": part.days,
                    "month_days": part.month_days,
                    **{name: float(part.rounded(name, digits)) for name in part.amounts},
                }
                for part in parts
            ],
        }
        # Days paid at another grade than the one held: a pay step one level
        # down after a review; the line says so.
        stepped = [part.value[0] != self._technical_grade_held_on(part.date_from) for part in parts]
        names = [
            self.env._("%(grade)s (pay step one level down)", grade=part.value[0].name)
            if step
            else part.value[0].name
            for part, step in zip(parts, stepped, strict=True)
        ]
        split = (
            len(parts) > 1 or any(part.days != part.month_days for part in parts) or any(stepped)
        )
        several_tables = len({part.value[1] for part in parts}) > 1
        detail = ", ".join(
            self.env._(
                "%(grade)s (%(table)s) %(days)s/%(month_days)s days",
                grade=name,
                table=part.value[1].name,
                days=_format_days(part.days),
                month_days=_format_days(part.month_days),
            )
            if several_tables
            else self.env._(
                "%(grade)s %(days)s/%(month_days)s days",
                grade=name,
                days=_format_days(part.days),
                month_days=_format_days(part.month_days),
            )
            for part, name in zip(parts, names, strict=True)
        )
        for name in proration.COMPONENTS:
            result[name] = float(proration.total(parts, name, digits))
            result[f"{name}_name"] = f"{labels[name]} ({detail})" if split else False
        return result

    def _technical_grade_held_on(self, day):
        """The grade held on ``day`` by the history (already read for the pay)."""
        for line in self.technical_grade_history_ids:
            if line.date_from <= day and (not line.date_to or line.date_to >= day):
                return line.grade_id
        return self.env["hr.technical.grade"]

    def _technical_grade_worked_days(self, start, end, calendar=None):
        """Days ``calendar`` (the employee's schedule by default) counts from
        ``start`` to ``end``, as OCA payroll counts its worked-days lines."""
        data = self._get_work_days_data_batch(
            datetime.combine(start, time.min),
            datetime.combine(end, time.max),
            compute_leaves=False,
            calendar=calendar or None,
        )
        return data[self.id]["days"]

    def _technical_grade_consequence_pays(self, date_from, date_to):
        """What the pay steps and the stand-by days change in the period's grade pay.

        For the salary adjustment table: ``{employee id: values}`` of the
        employees of ``self`` with a pay step or stand-by days in the period:

        - ``pay_step_from``, ``pay_step_to``: the first and last day of their
          pay steps within the period (False without a step);
        - ``pay_step_grade``: the grade (or grades) paid;
        - ``pay_step_difference``: the monthly rates of the grade paid less
          those of the grade held, in the salary table in force on the first
          day paid lower in the period;
        - ``pay_step_amount``: what the steps change in the period's pay
          (negative: paid less);
        - ``standby_days``: the stand-by working days within the period;
        - ``standby_amount``: the grade pay not paid for them (positive).

        The amounts are those of the payslip: the period's pay computed by
        :meth:`_get_technical_grade_pays` (each day at the rates of the salary
        table in force that day) without the consequences, with the pay steps
        only, and with both.  A fixed number of queries for any number of
        employees.
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        PayStep = self.env["hr.technical.grade.pay.step"]
        steps = PayStep._in_period(self, date_from, date_to)
        standbys = self.env["hr.technical.grade.standby"]._in_period(self, date_from, date_to)
        concerned = self.browse(set(steps.employee_id.ids) | set(standbys.employee_id.ids))
        if not concerned:
            return {}
        unchanged = concerned._get_technical_grade_pays(date_from, date_to, consequence_models=())
        stepped = concerned._get_technical_grade_pays(
            date_from, date_to, consequence_models=(PayStep._name,)
        )
        paid = concerned._get_technical_grade_pays(date_from, date_to)
        # The first part of each employee paid at another grade than the one held.
        first_lower = {}
        for employee in concerned:
            for part in stepped[employee.id]["parts"]:
                held = employee._technical_grade_held_on(part["date_from"])
                if held and part["grade_id"] != held.id:
                    first_lower[employee.id] = (part, held)
                    break
        Table = self.env["hr.technical.grade.salary.table"]
        Grade = self.env["hr.technical.grade"]
        rates = Table._rates(
            Table.browse({part["table_id"] for part, _held in first_lower.values()}),
            Grade.browse({part["grade_id"] for part, _held in first_lower.values()})
            | Grade.union(*(held for _part, held in first_lower.values())),
        )

        def pay_total(pay):
            return sum(pay[name] for name in proration.COMPONENTS)

        result = {}
        for employee in concerned:
            currency = employee.company_id.currency_id
            own_steps = steps.filtered(lambda s, e=employee: s.employee_id.id == e.id)
            own_standbys = standbys.filtered(lambda s, e=employee: s.employee_id.id == e.id)
            difference = 0.0
            if employee.id in first_lower:
                part, held = first_lower[employee.id]
                table = Table.browse(part["table_id"])
                lower = rates[Grade.browse(part["grade_id"]), table]
                difference = sum(lower.values()) - sum(rates[held, table].values())
            days = 0
            for standby in own_standbys:
                start, end = max(standby.date_from, date_from), min(standby.date_to, date_to)
                if (start, end) == (standby.date_from, standby.date_to):
                    days += standby.working_days
                else:
                    days += employee._technical_grade_worked_days(start, end)
            result[employee.id] = {
                "pay_step_from": min(
                    (max(s.date_from, date_from) for s in own_steps), default=False
                ),
                "pay_step_to": max(
                    (min(s.date_to or date_to, date_to) for s in own_steps), default=False
                ),
                "pay_step_grade": ", ".join(own_steps.paid_grade_id.mapped("name")),
                "pay_step_difference": currency.round(difference),
                "pay_step_amount": currency.round(
                    pay_total(stepped[employee.id]) - pay_total(unchanged[employee.id])
                ),
                "standby_days": days,
                "standby_amount": currency.round(
                    pay_total(stepped[employee.id]) - pay_total(paid[employee.id])
                ),
            }
        return result

    def action_open_technical_grade_evaluations(self):
        """The employee's evaluations; a new one is filed for them."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluations of %(employee)s", employee=self.name),
            "res_model": "hr.technical.grade.evaluation",
            "view_mode": "list,form",
            "domain": [("employee_id", "=", self.id)],
            "context": {"default_employee_id": self.id},
        }

    def action_open_technical_grade_work_logs(self):
        """The employee's daily work logs."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_work_log_action"
        )
        action.update(
            name=self.env._("Work Logs of %(employee)s", employee=self.name),
            domain=[("employee_id", "=", self.id)],
            context={"create": False},
        )
        return action

    def action_open_technical_grade_training_results(self):
        """The employee's results in the modules of the layered training."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_training_result_action"
        )
        action.update(
            name=self.env._("Training Results of %(employee)s", employee=self.name),
            domain=[("employee_id", "=", self.id)],
        )
        return action

    def action_open_technical_grade_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_history_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id, "search_default_group_by_employee": 0}
        return action

    def action_set_technical_grade(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_set_wizard_action"
        )
        action["context"] = {"active_model": "hr.employee", "active_ids": self.ids}
        return action


def _format_days(days):
    return f"{days:g}" if isinstance(days, float) else str(days)
