# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import namedtuple

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..grade_rules import review as review_rules

# One problem of the first-run checklist: what is missing, the action (XML id)
# and record where to fix it, and whether it stops a submission.
SetupProblem = namedtuple("SetupProblem", ["message", "xmlid", "record", "blocking"])


class ResCompany(models.Model):
    _inherit = "res.company"

    technical_grade_proration = fields.Selection(
        [("calendar", "Calendar days"), ("worked", "Worked days")],
        string="Grade Pay Proration",
        default="calendar",
        required=True,
        help="When the grade changes inside a pay period, each grade is paid for "
        "its share of the month counted in calendar days, or in the days the "
        "employee's working schedule counts.",
    )
    technical_grade_pass_mark = fields.Float(
        string="Evaluation Pass Mark",
        default=60.0,
        help="Final score an evaluation must reach to pass (ours: the seed gives no pass mark). "
        "The weights of the assessment form and of the exam parts are set on each grade.",
    )

    technical_grade_activity_mail = fields.Boolean(
        string="E-mail per Activity",
        default=False,
        help="Send the assignment e-mail of each technical grade activity (campaign, "
        "approval, scoring). Off: the activities wait in the assignees' inbox, without "
        "a message each, which a campaign of thousands of engineers needs.",
    )

    technical_grade_notice_days = fields.Integer(
        string="Public Notice (Days)",
        default=0,
        help="Days during which a result the committee passed is published and objections "
        "can be filed (公示); it takes effect after them. 0: no public notice.",
    )

    technical_grade_calibration_outlier_points = fields.Float(
        string="Calibration Outlier Gap (Points)",
        default=10.0,
        help="In a campaign's calibration, a department whose candidates' mean final score "
        "for a target grade sits more than this many points above the mean of the other "
        "departments' candidates is flagged as an outlier (ours: the seeds give no gap). "
        "0: no outlier flag.",
    )
    technical_grade_calibration_max_pass_rate = fields.Float(
        string="Calibration Maximum Pass Rate (%)",
        default=0.0,
        help="The company's guideline in a campaign's calibration: at most this percent of a "
        "target grade's candidates pass (ours: the seeds give no rate). 0: no maximum; the "
        "campaign's quota per target grade applies as well.",
    )

    technical_grade_promotion_in_campaign = fields.Boolean(
        string="Promotions in the Yearly Campaign",
        default=True,
        help="Promotions are decided in the yearly promotion campaign (seed 000: every year "
        "in Q4): a promotion evaluation is submitted in an open campaign, or HR files it "
        "outside one with a recorded reason. Off: promotions are filed at any time.",
    )
    technical_grade_evaluation_cycle = fields.Boolean(
        string="Per-Grade Evaluation Cycle",
        default=False,
        help="Engineers of a grade with an evaluation cycle (e.g. juniors every 2 months, "
        "intermediate and above every 6 months, seed 000's server engineers) may also be "
        "evaluated for promotion once in each window of their grade's cycle, without a "
        "campaign.",
    )

    technical_grade_department_ids = fields.Many2many(
        "hr.department",
        "res_company_technical_grade_department_rel",
        "company_id",
        "department_id",
        string="Graded Departments",
        help="New hires and transferees of these departments (and their sub-departments) are "
        "graded on the technical grade ladder: when their contract's trial period ends, an "
        "initial grading is prepared for HR. Empty: none is prepared.",
    )

    technical_grade_appointment_months = fields.Integer(
        string="Appointment Term (Months)",
        default=12,
        help="How long an appointment to an appointed grade (聘任) runs before it is renewed. "
        "Ours, not the seed's: the seed gives no term.",
    )
    technical_grade_appointment_reminder_days = fields.Integer(
        string="Appointment Renewal Reminder (Days)",
        default=30,
        help="Days before an appointment ends when HR gets an activity to renew it. "
        "Ours, not the seed's.",
    )

    _sql_constraints = [
        (
            "technical_grade_appointment_term_positive",
            "CHECK(technical_grade_appointment_months > 0 "
            "AND technical_grade_appointment_reminder_days >= 0)",
            "An appointment runs for at least a month, and its reminder comes zero or more "
            "days before it ends.",
        ),
        (
            "technical_grade_pay_step_months_positive",
            "CHECK(technical_grade_pay_step_months >= 0)",
            "A pay step lasts zero (until the next passed review) or more months.",
        ),
        (
            "technical_grade_calibration_positive",
            "CHECK(technical_grade_calibration_outlier_points >= 0 "
            "AND technical_grade_calibration_max_pass_rate BETWEEN 0 AND 100)",
            "The calibration's outlier gap is zero or more points and its maximum pass rate a "
            "percent from 0 to 100.",
        ),
        (
            "technical_grade_recertification_days_positive",
            "CHECK(technical_grade_recertification_days >= 0)",
            "The recertification is prepared zero or more days ahead of the expiry.",
        ),
        (
            "technical_grade_notice_days_positive",
            "CHECK(technical_grade_notice_days >= 0)",
            "The public notice cannot last a negative number of days.",
        ),
    ]

    technical_grade_band_excellent = fields.Float(
        string="Band 优 from", default=90.0, help="Lowest final score of the band 优 (excellent)."
    )
    technical_grade_band_good = fields.Float(
        string="Band 良 from", default=80.0, help="Lowest final score of the band 良 (good)."
    )
    technical_grade_band_average = fields.Float(
        string="Band 中 from", default=70.0, help="Lowest final score of the band 中 (average)."
    )
    technical_grade_band_poor = fields.Float(
        string="Band 较差 from",
        default=60.0,
        help="Lowest final score of the band 较差 (poor); below it is 差 (fail).",
    )
    technical_grade_review_pass_mark = fields.Float(
        string="Review Pass Mark",
        default=60.0,
        help="A review below this final score (or in band 差) fails; two failed monthly "
        "reviews in a row propose a demotion.",
    )
    technical_grade_appeal_days = fields.Integer(
        string="Appeal Period (Days)",
        default=0,
        help="Days after a review is finished during which the employee may appeal. "
        "0: no time limit, as the seeds set none.",
    )
    technical_grade_gm_office_user_ids = fields.Many2many(
        "res.users",
        "res_company_technical_grade_gm_office_rel",
        "company_id",
        "user_id",
        string="General Manager's Office",
        help="Who mediates and decides the appeals the department cannot settle (seed 003, 第7条).",
    )
    technical_grade_plant_affairs_user_ids = fields.Many2many(
        "res.users",
        "res_company_technical_grade_plant_affairs_rel",
        "company_id",
        "user_id",
        string="Plant Affairs Office",
        domain=lambda self: [
            (
                "groups_id",
                "in",
                self.env.ref("hr_technical_grade.group_technical_grade_officer").ids,
            )
        ],
        help="The plant affairs office (厂务部) handles the employees' appeals (seed 003, 第6条): "
        "its members get every appeal in their activities, beside the superior, the manager two "
        "levels up and the plan's HR. They need the Technical Grades officer rights.",
    )
    technical_grade_material_user_ids = fields.Many2many(
        "res.users",
        "res_company_technical_grade_material_rel",
        "company_id",
        "user_id",
        string="Evaluation Material",
        help="The market and customer service department (市场及顾客服务部) provides the "
        "evaluation material (seed 000, 1.3): when an evaluation is submitted, each of these "
        "users is asked for it in their activities, and what they supply is added to the "
        "evaluation's evidence. They see their own requests only, not the evaluations.",
    )
    technical_grade_handbook_url = fields.Char(
        string="Employee Handbook",
        help="Where the company's Employee Handbook is (a link): especially serious cases "
        "are handled under it (seed 000).",
    )
    technical_grade_year_demotion = fields.Boolean(
        string="Yearly Result 差 Proposes a Demotion",
        default=True,
        help="Seed 000: the yearly evaluation result feeds the dynamic grade adjustment. Which "
        "result lowers a grade is ours, not the seed's: a confirmed yearly result in band 差 "
        "proposes a demotion, as failed reviews do.",
    )
    technical_grade_pay_step_months = fields.Integer(
        string="Pay Step Length (Months)",
        default=0,
        help="How long pay one level down lasts after a review in band 差. Ours, not the "
        "seed's: seed 003 gives no length. 0: until the next passed review.",
    )
    technical_grade_recertification_days = fields.Integer(
        string="Recertification Prepared (Days Ahead)",
        default=60,
        help="How many days before a grade certificate expires its recertification is "
        "prepared for HR. Ours, not the seed's: seed 000 names a grade re-review but gives "
        "no number.",
    )
    technical_grade_kpi_ceiling = fields.Float(
        string="KPI Total Ceiling",
        default=0.0,
        help="Most a KPI total counts: above it, bonuses are lost. 0: no ceiling, as the "
        "KPI sheet has none (its total is the items' points plus every bonus).",
    )

    @api.constrains("technical_grade_plant_affairs_user_ids")
    def _check_technical_grade_plant_affairs(self):
        officer = self.env.ref("hr_technical_grade.group_technical_grade_officer")
        for company in self:
            outsiders = company.technical_grade_plant_affairs_user_ids.filtered(
                lambda user: officer not in user.groups_id
            )
            if outsiders:
                raise ValidationError(
                    self.env._(
                        "The plant affairs office handles appeals on the reviews: give "
                        "%(users)s the Technical Grades officer rights first.",
                        users=", ".join(outsiders.mapped("name")),
                    )
                )

    @api.constrains(
        "technical_grade_band_excellent",
        "technical_grade_band_good",
        "technical_grade_band_average",
        "technical_grade_band_poor",
        "technical_grade_appeal_days",
    )
    def _check_technical_grade_bands(self):
        for company in self:
            if company.technical_grade_appeal_days < 0 or not review_rules.check_thresholds(
                company._technical_grade_band_thresholds()
            ):
                raise ValidationError(
                    self.env._(
                        "Band thresholds go down strictly from 优 to 较差, between 0 and 100, "
                        "and the appeal period cannot be negative."
                    )
                )

    def _technical_grade_band_thresholds(self):
        self.ensure_one()
        return {
            review_rules.EXCELLENT: self.technical_grade_band_excellent,
            review_rules.GOOD: self.technical_grade_band_good,
            review_rules.AVERAGE: self.technical_grade_band_average,
            review_rules.POOR: self.technical_grade_band_poor,
        }

    @api.constrains("technical_grade_pass_mark")
    def _check_technical_grade_pass_mark(self):
        for company in self:
            if not 0 <= company.technical_grade_pass_mark <= 100:
                raise ValidationError(
                    self.env._(
                        "The pass mark of an evaluation is a score from 0 to 100, not %(mark)s.",
                        mark=company.technical_grade_pass_mark,
                    )
                )

    def _technical_grade_today(self):
        """The company's today: in its working calendar's time zone, else its address's.

        Grades take effect and are held on the company's days, whatever time
        zone a user or a server runs in.
        """
        self.ensure_one()
        tz = self.resource_calendar_id.tz or self.partner_id.tz or "UTC"
        return fields.Date.context_today(self.with_context(tz=tz))

    # ------------------------------------------------------------------
    # First-run checklist
    # ------------------------------------------------------------------

    def _technical_grade_setup_problems(self):
        """What stops the company's evaluations on a fresh install, each with where to fix it.

        A list of ``SetupProblem(message, action XML id, record, blocking)``:
        the grade ladder and its assessment forms, the committees (see
        ``_technical_grade_committee_problems``) and the approval steps that
        name nobody.  Empty once the workflow can run.
        """
        self.ensure_one()
        problems = []
        action = "hr_technical_grade.%s"
        Grade = self.env["hr.technical.grade"].sudo()
        grades = Grade.search([("company_id", "=", self.id)])
        if not grades:
            problems.append(
                SetupProblem(
                    self.env._("%(company)s has no grade ladder.", company=self.name),
                    action % "hr_technical_grade_action",
                    Grade,
                    True,
                )
            )
        for grade in grades.filtered(lambda g: not g.assessment_template_id):
            problems.append(
                SetupProblem(
                    self.env._("The grade %(grade)s has no assessment form.", grade=grade.name),
                    action % "hr_technical_grade_action",
                    grade,
                    True,
                )
            )
        committees = (
            self.env["hr.technical.grade.committee"].sudo().search([("company_id", "=", self.id)])
        )
        problems += self._technical_grade_committee_problems(committees)
        steps = (
            self.env["hr.technical.grade.approval.step"]
            .sudo()
            .search(["|", ("company_id", "=", False), ("company_id", "=", self.id)])
        )
        for step in steps:
            if step._names_nobody():
                problems.append(
                    SetupProblem(
                        self.env._(
                            "The approval step %(step)s names nobody to decide.", step=step.name
                        ),
                        action % "hr_technical_grade_approval_step_action",
                        step,
                        True,
                    )
                )
        return problems

    def _technical_grade_committee_problems(self, committees):
        """What stops ``committees`` from evaluating: the one place that says it.

        The checklist lists these problems and a submission that reaches a
        committee is refused with its blocking ones.  None given: the
        company has no committee.  A committee blocks without an active
        chair to sign, or with fewer active members than its quorum to
        score.  A seed role nobody holds does not block: the committee's
        members can be added or removed per evaluation (seed 000), so it
        is listed for review only.
        """
        self.ensure_one()
        action = "hr_technical_grade.hr_technical_grade_committee_action"
        if not committees:
            return [
                SetupProblem(
                    self.env._("%(company)s has no evaluation committee.", company=self.name),
                    action,
                    committees,
                    True,
                )
            ]
        problems = []
        for committee in committees:
            members = committee.member_ids.filtered("active")
            if not members:
                problems.append(
                    SetupProblem(
                        self.env._(
                            "The committee %(committee)s has no members.",
                            committee=committee.name,
                        ),
                        action,
                        committee,
                        True,
                    )
                )
            elif len(members) < committee.quorum:
                problems.append(
                    SetupProblem(
                        self.env._(
                            "The committee %(committee)s has %(count)s active member(s), fewer "
                            "than its quorum of %(quorum)s to score.",
                            committee=committee.name,
                            count=len(members),
                            quorum=committee.quorum,
                        ),
                        action,
                        committee,
                        True,
                    )
                )
            if not committee.chair_id.active:
                problems.append(
                    SetupProblem(
                        self.env._(
                            "The committee %(committee)s has no chair to sign its opinion.",
                            committee=committee.name,
                        ),
                        action,
                        committee,
                        True,
                    )
                )
            for seat in committee.seat_ids.filtered(lambda seat: not seat.user_id.active):
                problems.append(
                    SetupProblem(
                        self.env._(
                            "The committee %(committee)s has nobody as %(role)s.",
                            committee=committee.name,
                            role=seat._role_label(),
                        ),
                        action,
                        committee,
                        False,
                    )
                )
        return problems

    def _technical_grade_setup_action(self, problem):
        """The window action where ``problem`` is fixed: its record, or the list."""
        action = self.env["ir.actions.act_window"]._for_xml_id(problem.xmlid)
        if len(problem.record) == 1:
            action.update(res_id=problem.record.id, view_mode="form", views=[[False, "form"]])
        return action

    def _technical_grade_setup_checklist_html(self):
        """The checklist as HTML: each problem with a link to the record to fix.

        A problem that does not stop a submission says so.
        """
        self.ensure_one()
        problems = self._technical_grade_setup_problems()
        if not problems:
            return Markup("<p class='text-success'>%s</p>") % self.env._(
                "Ready: the ladder, the committee and the approval steps are set up."
            )
        advisory = Markup(" <span class='text-muted'>%s</span>") % self.env._(
            "(does not block a submission: members can be added or removed per evaluation)"
        )
        items = Markup("").join(
            Markup("<li><a href='%s'>%s</a>%s</li>")
            % (
                f"/odoo/action-{problem.xmlid}"
                + (f"/{problem.record.id}" if len(problem.record) == 1 else ""),
                escape(problem.message),
                Markup("") if problem.blocking else advisory,
            )
            for problem in problems
        )
        return Markup("<ul class='mb-0'>%s</ul>") % items
