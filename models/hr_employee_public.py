# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..grade_rules import eligibility, training
from ..grade_rules.history import full_months_between
from .hr_technical_grade_evaluation import OPEN_STATES


class HrEmployeePublic(models.Model):
    """ "My technical grade": what an engineer sees of their own grade.

    The values are read from the employee as superuser, but only for the
    user's own record (or for HR officers): the grade of a colleague, and the
    pay it implies, stays private although every employee reads the public
    profile.
    """

    _inherit = "hr.employee.public"

    my_grade_id = fields.Many2one(
        "hr.technical.grade", compute="_compute_my_technical_grade", string="Technical Grade"
    )
    my_grade_date = fields.Date(compute="_compute_my_technical_grade", string="In Grade Since")
    my_valid_until = fields.Date(
        compute="_compute_my_technical_grade",
        string="Certificate Valid Until",
        help="Last day your grade certificate is valid: it is recertified before then. Empty: "
        "your grade has no validity.",
    )
    my_validity_state = fields.Selection(
        [
            ("none", "No Validity"),
            ("valid", "Valid"),
            ("expiring", "Recertification Due"),
            ("expired", "Expired"),
        ],
        compute="_compute_my_technical_grade",
        string="Certificate",
    )
    my_next_grade_id = fields.Many2one(
        "hr.technical.grade", compute="_compute_my_technical_grade", string="Next Grade"
    )
    my_months_in_grade = fields.Integer(
        compute="_compute_my_technical_grade", string="Months in Grade"
    )
    my_required_months = fields.Integer(
        compute="_compute_my_technical_grade", string="Months Required"
    )
    my_experience_years = fields.Integer(
        compute="_compute_my_technical_grade", string="Years of Experience"
    )
    my_required_years = fields.Integer(
        compute="_compute_my_technical_grade", string="Years Required"
    )
    my_recent_result = fields.Float(
        compute="_compute_my_technical_grade",
        string="Recent Review Result",
        help="Mean final score of the recent finished reviews the next grade counts.",
    )
    my_has_review = fields.Boolean(
        compute="_compute_my_technical_grade",
        help="The employee has a finished review: without one, the page says so instead of "
        "showing 0.",
    )
    my_required_result = fields.Float(
        compute="_compute_my_technical_grade", string="Review Result Required"
    )
    my_promotion_problems = fields.Text(
        compute="_compute_my_technical_grade", string="Still Missing"
    )
    my_can_apply = fields.Boolean(compute="_compute_my_technical_grade")
    my_history_ids = fields.Many2many(
        "hr.technical.grade.history", compute="_compute_my_technical_grade"
    )
    my_evaluation_ids = fields.Many2many(
        "hr.technical.grade.evaluation",
        compute="_compute_my_technical_grade",
        string="My Evaluations",
    )
    my_review_ids = fields.Many2many(
        "hr.technical.grade.review", compute="_compute_my_technical_grade", string="My Reviews"
    )

    my_pay_step_ids = fields.Many2many(
        "hr.technical.grade.pay.step",
        compute="_compute_my_technical_grade",
        string="My Pay Steps",
        help="Pay one level down after a review in band 差, with its dates.",
    )
    my_standby_ids = fields.Many2many(
        "hr.technical.grade.standby",
        compute="_compute_my_technical_grade",
        string="My Stand-by Training",
    )
    my_reward_ids = fields.Many2many(
        "hr.technical.grade.reward",
        compute="_compute_my_technical_grade",
        string="My Rewards",
        help="Bonuses and prizes set from the review results, once approved.",
    )
    my_no_raise_review_ids = fields.Many2many(
        "hr.technical.grade.review",
        compute="_compute_my_technical_grade",
        string="No Raise This Cycle",
        help="Reviews of this year in 中, 较差 or 差 without an exception HR recorded: no raise "
        "and no promotion this cycle (seed 003).",
    )

    my_training_end = fields.Date(
        compute="_compute_my_training",
        string="Training Ends",
        help="New staff of a ladder with a training period take their initial grading when "
        "it ends.",
    )
    my_early_problems = fields.Text(
        compute="_compute_my_training",
        string="Early Confirmation",
        help="Why an early confirmation cannot be asked for now.",
    )
    my_can_ask_early = fields.Boolean(compute="_compute_my_training")
    my_course_ids = fields.Many2many(
        "hr.technical.grade.training.course",
        compute="_compute_my_courses",
        string="My Courses",
        help="The courses of the layered training for your grade.",
    )
    my_modules_to_pass = fields.Char(
        compute="_compute_my_courses",
        string="Modules to Pass",
        help="The modules of your courses whose latest result is not a pass.",
    )
    my_training_result_ids = fields.Many2many(
        "hr.technical.grade.training.result",
        compute="_compute_my_courses",
        string="My Training Results",
    )

    def _may_see_technical_grade(self):
        self.ensure_one()
        return self.user_id == self.env.user or self.env.user.has_group(
            "hr_technical_grade.group_technical_grade_officer"
        )

    @api.depends_context("uid")
    def _compute_my_technical_grade(self):
        today = fields.Date.context_today(self)
        Evaluation = self.env["hr.technical.grade.evaluation"]
        shown = self.filtered(lambda public: public._may_see_technical_grade())
        open_requests = Evaluation.sudo().search(
            [
                ("employee_id", "in", shown.ids),
                ("kind", "=", "promotion"),
                ("state", "in", OPEN_STATES),
            ]
        )
        # The next grade and its unmet conditions, judged on the day the
        # application will be: the open campaign's (the end of its period),
        # else today; for all shown on one day at once.
        Campaign = self.env["hr.technical.grade.campaign"]
        days, campaigns = {}, {}
        for public in shown:
            campaign = Campaign._open_for(public.employee_id.sudo())
            campaigns[public] = campaign
            days[public] = campaign._eligibility_day() if campaign else today
        answers = {}
        for day in set(days.values()):
            employees = shown.filtered(lambda public, day=day: days[public] == day).employee_id
            answers.update(employees.sudo()._technical_grade_eligibility(day))
        for public in self:
            values = {
                "my_grade_id": False,
                "my_grade_date": False,
                "my_valid_until": False,
                "my_validity_state": False,
                "my_next_grade_id": False,
                "my_months_in_grade": 0,
                "my_required_months": 0,
                "my_experience_years": 0,
                "my_required_years": 0,
                "my_recent_result": 0.0,
                "my_has_review": False,
                "my_required_result": 0.0,
                "my_promotion_problems": False,
                "my_can_apply": False,
                "my_history_ids": False,
                "my_evaluation_ids": False,
                "my_review_ids": False,
                "my_pay_step_ids": False,
                "my_standby_ids": False,
                "my_reward_ids": False,
                "my_no_raise_review_ids": False,
            }
            if public in shown:
                employee = public.employee_id.sudo()
                standing, next_grade, problems = answers[employee.id]
                # The conditions of the next grade, when there is one.
                problems = [text for _problem, text in problems] if next_grade else []
                if next_grade and not problems:
                    # The yearly cycle: when the engineer may apply.
                    cycle_problem = public._yearly_cycle_problem(employee, campaigns[public])
                    problems = [cycle_problem] if cycle_problem else []
                certificate = employee.technical_grade_history_ids.filtered("is_current")[:1]
                values.update(
                    my_valid_until=certificate.valid_until,
                    my_validity_state=certificate.validity_state,
                    my_grade_id=employee.technical_grade_id,
                    my_grade_date=employee.technical_grade_date,
                    my_next_grade_id=next_grade,
                    my_months_in_grade=standing["months_in_grade"],
                    my_required_months=next_grade.min_months_in_previous,
                    my_experience_years=standing["experience_years"],
                    my_required_years=next_grade.min_experience_years,
                    my_recent_result=eligibility.recent_mean(
                        standing["recent_results"][: next_grade.review_result_count]
                    )
                    or 0.0,
                    my_has_review=bool(standing["recent_results"]),
                    my_required_result=next_grade.min_review_result,
                    my_promotion_problems="\n".join(problems) or False,
                    my_can_apply=bool(next_grade)
                    and not problems
                    and employee not in open_requests.employee_id,
                    my_history_ids=employee.technical_grade_history_ids,
                    my_evaluation_ids=Evaluation.search([("employee_id", "=", employee.id)]),
                    # The results, read as the user: who scored what stays HR's.
                    my_review_ids=self.env["hr.technical.grade.review"].search(
                        [("employee_id", "=", employee.id)]
                    ),
                    # The consequences, read as the user: their own only.
                    my_pay_step_ids=self.env["hr.technical.grade.pay.step"].search(
                        [("employee_id", "=", employee.id)]
                    ),
                    my_standby_ids=self.env["hr.technical.grade.standby"].search(
                        [("employee_id", "=", employee.id)]
                    ),
                    my_reward_ids=self.env["hr.technical.grade.reward"].search(
                        [("employee_id", "=", employee.id), ("state", "=", "approved")]
                    ),
                    my_no_raise_review_ids=self.env["hr.technical.grade.review"].search(
                        [
                            ("employee_id", "=", employee.id),
                            ("name", "in", standing["no_raise_reviews"]),
                        ]
                    ),
                )
            public.update(values)

    @api.depends_context("uid")
    def _compute_my_courses(self):
        """The courses of one's grade, and the modules still to pass (seed 000, 分层培训)."""
        shown = self.filtered(lambda public: public._may_see_technical_grade())
        employees = shown.employee_id.sudo()
        courses = self.env["hr.technical.grade.training.course"].sudo()
        if employees.technical_grade_id:
            courses = courses.search([("grade_ids", "in", employees.technical_grade_id.ids)])
        results = (
            self.env["hr.technical.grade.training.result"].sudo()._of_done_trainings(employees)
        )
        for public in self:
            employee = public.employee_id.sudo()
            if public not in shown:
                mine, done = courses.browse(), results.browse()
            else:
                mine = courses.filtered(
                    lambda course, employee=employee: employee.technical_grade_id
                    in course.grade_ids
                )
                done = results.filtered(
                    lambda result, employee=employee: result.employee_id == employee
                )
            to_pass = training.modules_to_pass(
                mine.module_ids.sorted(),
                [(result.module_id, result.date, result.result) for result in done],
            )
            public.my_course_ids = mine.ids
            public.my_modules_to_pass = ", ".join(module.name for module in to_pass) or False
            public.my_training_result_ids = done.ids

    def _training_standing(self, today):
        """The training of each shown employee on ``today``, for early confirmation.

        Returns ``{public: (ladder, contract, end, problems)}`` for the new
        staff of a ladder with a training period who have no grade yet;
        ``problems`` are worded, empty when an early confirmation may be
        asked for (seed 000: 有1年以上经验的售后人员可在1个月时申请提前转正考核).
        """
        shown = self.filtered(lambda public: public._may_see_technical_grade())
        employees = shown.employee_id.sudo()
        ladders = (
            self.env["hr.technical.grade.ladder"]
            .sudo()
            .search([("training_months", ">", 0), ("department_ids", "!=", False)])
        )
        graded, filed = employees._technical_grade_initial_settled()
        standing = {}
        for public in shown:
            employee = public.employee_id.sudo()
            contract = employee.contract_id
            department_ids = {
                int(part) for part in (employee.department_id.parent_path or "").split("/") if part
            }
            ladder = ladders.filtered(
                lambda lad, ids=department_ids, c=employee.company_id: lad.company_id == c
                and ids & set(lad.department_ids.ids)
            )[:1]
            if employee in graded or not ladder or not contract or contract.state != "open":
                continue
            if contract._technical_grade_follows_another():
                continue  # a transferee is graded at the end of their trial
            end = training.training_end(contract.date_start, ladder.training_months)
            if employee in filed:
                problems = [self.env._("Your initial grading is on file.")]
            else:
                start = employee.technical_experience_date
                years = full_months_between(start, today) // 12 if start else 0
                problems = [
                    public._training_problem_text(code, value, years, ladder)
                    for code, value in training.early_confirmation_problems(
                        today,
                        contract.date_start,
                        ladder.training_months,
                        ladder.early_confirmation_months,
                        years,
                        ladder.early_confirmation_years,
                    )
                ]
            standing[public] = (ladder, contract, end, problems)
        return standing

    def _training_problem_text(self, code, value, years, ladder):
        if code == training.TOO_EARLY:
            return self.env._(
                "An early confirmation can be asked for from %(day)s, after %(months)s "
                "month(s) of training.",
                day=value,
                months=ladder.early_confirmation_months,
            )
        if code == training.EXPERIENCE:
            return self.env._(
                "An early confirmation needs %(required)s year(s) of experience; %(actual)s "
                "are counted.",
                required=value,
                actual=years,
            )
        if code == training.TRAINING_OVER:
            return self.env._(
                "Your training ended on %(day)s: HR prepares your initial grading.", day=value
            )
        return self.env._("This ladder has no early confirmation.")

    @api.depends_context("uid")
    def _compute_my_training(self):
        standing = self._training_standing(fields.Date.context_today(self))
        for public in self:
            _ladder, _contract, end, problems = standing.get(public, (None, None, False, []))
            public.my_training_end = end
            public.my_can_ask_early = public in standing and not problems
            public.my_early_problems = "\n".join(problems) or False

    def action_apply_for_early_confirmation(self):
        """Ask for the initial grading before the training ends (seed 000).

        Experienced new staff may ask once the early months of their training
        are done; the initial grading is prepared as a draft for the
        contract's HR responsible, who prepares it and submits it.
        """
        self.ensure_one()
        if not self._may_see_technical_grade():
            raise UserError(self.env._("You can ask for your own early confirmation only."))
        today = fields.Date.context_today(self)
        standing = self._training_standing(today)
        if self not in standing:
            raise UserError(
                self.env._(
                    "An early confirmation is for new staff in training on a ladder with a "
                    "training period, before their first grade."
                )
            )
        ladder, contract, _end, problems = standing[self]
        if problems:
            raise UserError("\n".join(problems))
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .sudo()
            .create(
                {
                    "employee_id": self.employee_id.id,
                    "kind": "initial",
                    "initial_reason": "early",
                    "initial_due_date": today,
                    "target_grade_id": ladder._first_grade().id,
                    "contract_id": contract.id,
                }
            )
        )
        evaluation.message_post(
            body=self.env._(
                "%(user)s asked for an early confirmation on %(day)s, after %(months)s month(s) "
                "of the %(training)s months of training under %(contract)s.",
                user=self.env.user.name,
                day=today,
                months=ladder.early_confirmation_months,
                training=ladder.training_months,
                contract=contract.name,
            ),
            author_id=self.env.user.partner_id.id,
        )
        evaluation.activity_update()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.evaluation",
            "res_id": evaluation.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def action_my_technical_grade(self):
        """Open the current user's own technical grade page."""
        employee = self.env.user.employee_id
        if not employee:
            raise UserError(self.env._("Your user is not linked to an employee."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Technical Grade"),
            "res_model": "hr.employee.public",
            "res_id": employee.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("hr_technical_grade.hr_employee_public_view_form_my_grade").id,
                    "form",
                )
            ],
            "target": "current",
        }

    def _yearly_cycle_problem(self, employee, campaign):
        """Why ``employee`` may not apply today under the yearly cycle (None: they may).

        The application would be filed into ``campaign``, the open campaign
        that holds the employee (if any); the evaluation's own rule says
        whether it could go ahead, with the same wording as a refused
        submission.
        """
        application = (
            self.env["hr.technical.grade.evaluation"]
            .sudo()
            .new({"employee_id": employee.id, "kind": "promotion", "campaign_id": campaign.id})
        )
        _window, problem = application._yearly_cycle_standing()
        return problem

    def action_apply_for_promotion(self):
        """File the promotion application (附件三) for the next grade, as a draft."""
        self.ensure_one()
        if not self._may_see_technical_grade():
            raise UserError(self.env._("You can apply for your own promotion only."))
        if not self.my_can_apply:
            raise UserError(
                self.my_promotion_problems
                or self.env._(
                    "You cannot apply now: a request is already open, or no grade is next."
                )
            )
        evaluation = self.env["hr.technical.grade.evaluation"].create(
            {"employee_id": self.employee_id.id, "kind": "promotion"}
        )
        # Filed in the open campaign that holds the employee; outside one, the
        # yearly cycle says at once when the campaign is (nothing is filed).
        campaign = self.env["hr.technical.grade.campaign"]._open_for(self.employee_id.sudo())
        if campaign:
            evaluation.sudo().campaign_id = campaign
        _window, problem = evaluation._yearly_cycle_standing()
        if problem:
            raise UserError(problem)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.technical.grade.evaluation",
            "res_id": evaluation.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
