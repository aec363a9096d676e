# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""A new hire or transferee is graded by passing an initial grading prepared
when their trial period ends (seed 000), never graded by the cron itself."""

from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import NewStaffMixin, TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestInitialGrading(NewStaffMixin, TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = date(2026, 11, 16)
        cls.company.technical_grade_department_ids = cls.department
        cls.responsible = cls.user(
            "tg_init_hr",
            "base.group_user,hr_technical_grade.group_technical_grade_officer",
        )
        cls.Contract = cls.env["hr.contract"]
        Employee = cls.env["hr.employee"]
        cls.sub_department = cls.env["hr.department"].create(
            {"name": "Test Field Service", "parent_id": cls.department.id}
        )
        cls.new_hire = Employee.create({"name": "New Hire", "department_id": cls.sub_department.id})
        cls.outsider = Employee.create(
            {
                "name": "Sales Hire",
                "department_id": cls.env["hr.department"].create({"name": "Sales"}).id,
            }
        )

    def test_a_trial_that_ends_prepares_one_initial_grading_for_hr(self):
        contract = self.contract(
            self.new_hire, self.today - timedelta(days=90), self.today - timedelta(days=1)
        )
        self.Contract._cron_prepare_initial_gradings()
        evaluation = self.initial(self.new_hire)
        self.assertEqual(
            (evaluation.state, evaluation.initial_reason, evaluation.target_grade_id),
            ("draft", "probation", self.trainee),
        )
        self.assertEqual(evaluation.contract_id, contract)
        activity_type = self.env.ref("hr_technical_grade.mail_activity_evaluation_prepare")
        activity = evaluation.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activity.user_id, self.responsible)
        self.assertEqual(activity.date_deadline, contract.trial_date_end)
        # Not graded by the cron: the grade comes from passing the evaluation.
        self.assertFalse(self.History.search([("employee_id", "=", self.new_hire.id)]))
        self.assertFalse(self.new_hire.technical_grade_id)
        # Run again (every day): nothing more.
        self.Contract._cron_prepare_initial_gradings()
        self.assertEqual(self.initial(self.new_hire), evaluation)
        # Submitting it closes HR's activity.
        steps = self.env["hr.technical.grade.approval.step"].search([])
        steps.active = False
        steps.create(
            {"name": "HR approval", "approver_type": "users", "user_ids": self.hr_officer.ids}
        )
        evaluation.with_user(self.responsible).action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.assertFalse(
            evaluation.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        )

    def test_a_transferee_is_graded_at_the_end_of_their_trial(self):
        self.contract(
            self.new_hire,
            self.today - timedelta(days=800),
            self.today - timedelta(days=700),
            state="close",
            end=self.today - timedelta(days=100),
        )
        self.contract(self.new_hire, self.today - timedelta(days=60), self.today)
        self.Contract._cron_prepare_initial_gradings()
        self.assertEqual(self.initial(self.new_hire).initial_reason, "transfer")

    def test_nothing_prepared_where_it_is_not_due(self):
        # Trial not over yet; already graded; not a graded department; a trial
        # long over (before the ladder graded the department); a closed contract.
        self.contract(
            self.new_hire, self.today - timedelta(days=30), self.today + timedelta(days=1)
        )
        graded = self.env["hr.employee"].create(
            {"name": "Graded Hire", "department_id": self.department.id}
        )
        self.record(graded, self.junior, self.today - timedelta(days=10))
        self.contract(graded, self.today - timedelta(days=90), self.today - timedelta(days=1))
        self.contract(
            self.outsider, self.today - timedelta(days=90), self.today - timedelta(days=1)
        )
        old = self.env["hr.employee"].create(
            {"name": "Old Hire", "department_id": self.department.id}
        )
        self.contract(old, self.today - timedelta(days=400), self.today - timedelta(days=300))
        closed = self.env["hr.employee"].create(
            {"name": "Left Hire", "department_id": self.department.id}
        )
        self.contract(
            closed, self.today - timedelta(days=90), self.today - timedelta(days=1), state="close"
        )
        prepared = self.Contract._cron_prepare_initial_gradings()
        self.assertFalse(prepared)
        # Without graded departments nothing is prepared at all.
        self.company.technical_grade_department_ids = False
        self.contract(
            self.env["hr.employee"].create(
                {"name": "Another Hire", "department_id": self.department.id}
            ),
            self.today - timedelta(days=90),
            self.today - timedelta(days=1),
        )
        self.assertFalse(self.Contract._cron_prepare_initial_gradings())

    def test_an_optional_ladders_departments_start_on_its_lowest_grade(self):
        ladder = self.env.ref("hr_technical_grade.ladder_technical_sequence")
        ladder.with_user(self.env.ref("base.user_admin")).action_turn_on()
        ladder.department_ids = self.sub_department
        self.contract(
            self.new_hire, self.today - timedelta(days=90), self.today - timedelta(days=1)
        )
        self.Contract._cron_prepare_initial_gradings()
        self.assertEqual(
            self.initial(self.new_hire).target_grade_id,
            self.env.ref("hr_technical_grade.grade_p1"),
        )

    def test_the_trial_contract_is_the_crons_to_set(self):
        contract = self.contract(
            self.new_hire, self.today - timedelta(days=90), self.today - timedelta(days=1)
        )
        evaluation = (
            self.env["hr.technical.grade.evaluation"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": self.new_hire.id,
                    "kind": "initial",
                    "initial_reason": "probation",
                    "target_grade_id": self.trainee.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            evaluation.write({"contract_id": contract.id})
