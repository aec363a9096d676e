# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import training

WAGE_GROUPS = "hr_technical_grade.group_technical_grade_user,payroll.group_payroll_user"
# How far back the daily cron looks for trials that ended (a technical catch-up
# window for a server that was stopped, not a business rule).
INITIAL_GRADING_CATCH_UP_DAYS = 7


class HrContract(models.Model):
    """One source of the base wage for graded engineers.

    A contract on a structure that pays the technical grade (a structure, or
    one of its parents, with the TG_BASE rule) takes its base wage from the
    salary table, per day, through the grade held that day: its own
    ``wage`` is not used and must stay 0, and the contract form shows the
    grade's base wage instead.  Payroll officers thus see one base wage for
    one engineer and one day, the one the payslip pays.
    """

    _inherit = "hr.contract"

    technical_grade_pay = fields.Boolean(
        string="Paid by Technical Grade",
        compute="_compute_technical_grade_pay",
        help="The salary structure pays the technical grade: the base wage comes from the "
        "salary table, not from the contract.",
    )
    technical_grade_base_wage = fields.Monetary(
        string="Grade Base Wage",
        compute="_compute_technical_grade_base_wage",
        groups=WAGE_GROUPS,
        help="Monthly base wage of the employee's technical grade today, in the salary table "
        "in force today: what the payslip pays for a full month.",
    )

    @api.depends("struct_id")
    def _compute_technical_grade_pay(self):
        for contract in self:
            contract.technical_grade_pay = contract.struct_id._pays_technical_grade()

    @api.depends("employee_id", "struct_id")
    @api.depends_context("company")
    def _compute_technical_grade_base_wage(self):
        today = fields.Date.context_today(self)
        employees = self.employee_id.sudo()
        rates = self.env["hr.technical.grade.salary.table"]._rates_on(
            employees.technical_grade_id, today
        )
        for contract in self:
            grade = contract.employee_id.sudo().technical_grade_id
            contract.technical_grade_base_wage = (
                rates[grade]["base_wage"] if contract.technical_grade_pay and grade else 0.0
            )

    @api.constrains("wage", "struct_id")
    def _check_technical_grade_wage(self):
        for contract in self:
            if contract.technical_grade_pay and contract.wage:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s is paid by technical grade: its base wage "
                        "comes from the salary table. Leave the contract wage at 0.",
                        contract=contract.display_name,
                    )
                )

    @api.model
    def _cron_prepare_initial_gradings(self):
        """Prepare an initial grading for HR when a trial period ends (seed 000).

        A new hire or a transferee of a graded department is graded only once
        they pass the assessment form at the end of their probation or trial:
        the grade is never set here.  The evaluation is prepared as a draft on
        the ladder's lowest grade, with an activity for the contract's HR
        responsible, who prepares it and submits it.  Trials that ended up to
        ``INITIAL_GRADING_CATCH_UP_DAYS`` ago are caught up, so that a server
        stopped for a few days misses none; older ones are not revived.
        """
        Evaluation = self.env["hr.technical.grade.evaluation"].sudo()
        Grade = self.env["hr.technical.grade"].sudo()
        ladders = (
            self.env["hr.technical.grade.ladder"].sudo().search([("department_ids", "!=", False)])
        )
        companies = (
            self.env["res.company"].sudo().search([("technical_grade_department_ids", "!=", False)])
        )
        prepared = Evaluation
        for company in ladders.company_id | companies:
            today = company._technical_grade_today()
            # An optional ladder's departments first: they are graded on it.
            for ladder in ladders.filtered(lambda lad, c=company: lad.company_id == c):
                prepared |= self._prepare_initial_gradings(
                    ladder.department_ids,
                    ladder._first_grade(),
                    today,
                    training_months=ladder.training_months,
                )
            if company.technical_grade_department_ids:
                first = Grade.search(
                    [("company_id", "=", company.id), ("ladder_id", "=", False)],
                    order="sequence, id",
                    limit=1,
                )
                prepared |= self._prepare_initial_gradings(
                    company.technical_grade_department_ids, first, today
                )
        prepared.activity_update()
        return prepared

    def _technical_grade_follows_another(self):
        """Whether the employee had an earlier contract: a transferee, not new staff."""
        self.ensure_one()
        return any(
            other.date_start < self.date_start and other.state != "cancel"
            for other in self.employee_id.contract_ids
        )

    def _prepare_initial_gradings(self, departments, target, today, training_months=0):
        """Prepare the initial gradings due on ``today`` in ``departments``.

        An initial grading is due at the end of the contract's trial period;
        on a ladder with a training period, at the end of the new staff's
        training, counted from the start of the contract (seed 000).
        """
        if not target:
            return self.env["hr.technical.grade.evaluation"]
        Evaluation = self.env["hr.technical.grade.evaluation"].sudo()
        oldest = fields.Date.subtract(today, days=INITIAL_GRADING_CATCH_UP_DAYS)
        domain = [
            ("company_id", "=", target.company_id.id),
            ("state", "=", "open"),
            ("employee_id.department_id", "child_of", departments.ids),
        ]
        contracts = self.sudo().search(
            domain + [("trial_date_end", "<=", today), ("trial_date_end", ">=", oldest)]
        )
        if training_months:
            # A training ends on the month's last day when that month is
            # shorter: a few more days of starts are read, then the rule says
            # which trainings ended in the catch-up window.
            first_start = fields.Date.subtract(oldest, months=training_months, days=3)
            contracts |= self.sudo().search(domain + [("date_start", ">=", first_start)])
        # Once graded, or once an initial grading is on file, nothing more.
        graded, filed = contracts.employee_id._technical_grade_initial_settled()
        vals_list = []
        for contract in contracts.sorted(lambda c: (c.date_start, c.id)):
            employee = contract.employee_id
            if employee in graded | filed:
                continue
            earlier = contract._technical_grade_follows_another()
            # New staff are trained, then graded; a transferee at the end of
            # their trial.
            if training_months and not earlier:
                reason = "training"
                due = training.training_end(contract.date_start, training_months)
            else:
                reason = "transfer" if earlier else "probation"
                due = contract.trial_date_end
            if not due or not oldest <= due <= today:
                continue
            filed |= employee
            vals_list.append(
                {
                    "employee_id": employee.id,
                    "kind": "initial",
                    "initial_reason": reason,
                    "initial_due_date": due,
                    "target_grade_id": target.id,
                    "contract_id": contract.id,
                }
            )
        evaluations = Evaluation.create(vals_list)
        for evaluation in evaluations:
            if evaluation.initial_reason == "training":
                body = self.env._(
                    "Prepared for HR: the %(months)s months of training of %(employee)s under "
                    "%(contract)s ended on %(day)s. %(employee)s is graded once this initial "
                    "grading passes.",
                    months=training_months,
                    contract=evaluation.contract_id.name,
                    day=evaluation.initial_due_date,
                    employee=evaluation.employee_id.name,
                )
            else:
                body = self.env._(
                    "Prepared for HR: the trial period of %(contract)s ended on %(day)s. "
                    "%(employee)s is graded once this initial grading passes.",
                    contract=evaluation.contract_id.name,
                    day=evaluation.initial_due_date,
                    employee=evaluation.employee_id.name,
                )
            evaluation.message_post(body=body)
        return evaluations
