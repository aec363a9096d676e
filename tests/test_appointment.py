# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestAppointment(TechnicalGradeCase):
    """Appointed grades (聘任): a term from the effective date, a reminder, a renewal, a letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer_user = new_test_user(
            cls.env,
            login="tg_appoint_engineer",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        cls.engineer.user_id = cls.engineer_user
        cls.today = date.today()
        cls.engineer.technical_experience_date = cls.today - timedelta(days=5 * 366)
        cls.record(cls.engineer, cls.junior, cls.today - timedelta(days=2 * 366))
        cls.env["hr.technical.grade.approval.step"].search([]).active = False
        cls.env["hr.technical.grade.approval.step"].create(
            {
                "name": "HR approval",
                "approver_type": "users",
                "user_ids": [(6, 0, cls.hr_officer.ids)],
            }
        )
        # The company appoints from the intermediate grade in these tests.
        cls.intermediate.is_appointed = True
        cls.env.company.technical_grade_appointment_months = 24
        cls.env.company.technical_grade_appointment_reminder_days = 30

    def applied(self, effective):
        evaluation = self.env["hr.technical.grade.evaluation"].create(
            {"employee_id": self.engineer.id, "kind": "promotion", "effective_date": effective}
        )
        evaluation.action_submit()
        evaluation.line_ids.write({"level_id": evaluation.template_id.level_ids[0].id})
        evaluation.write(
            {"theory_score": 90, "practical_score": 90, "teaching_score": 90, "scored": True}
        )
        officer = evaluation.with_user(self.hr_officer)
        officer.action_approve()
        officer.action_apply()
        return evaluation

    def test_applying_an_appointed_grade_opens_the_appointment_for_the_term(self):
        evaluation = self.applied(date(2026, 12, 1))
        appointment = evaluation.appointment_ids
        self.assertEqual(len(appointment), 1)
        self.assertEqual(appointment.grade_id, self.intermediate)
        self.assertEqual(appointment.date_start, date(2026, 12, 1))
        self.assertEqual(appointment.term_months, 24)
        self.assertEqual(appointment.date_end, date(2028, 11, 30))
        self.assertEqual(appointment.state, "running")

    def test_a_grade_not_appointed_opens_none(self):
        self.intermediate.is_appointed = False
        self.assertFalse(self.applied(date(2026, 12, 1)).appointment_ids)

    def test_hr_is_reminded_once_before_the_end_and_renews(self):
        appointment = self.applied(date(2026, 12, 1)).appointment_ids
        Appointment = self.env["hr.technical.grade.appointment"]
        with freeze_time("2028-10-30"):  # 31 days before the end: not yet
            Appointment._cron_remind_renewals()
        self.assertFalse(appointment.activity_ids)
        with freeze_time("2028-10-31"):
            Appointment._cron_remind_renewals()
            Appointment._cron_remind_renewals()
        self.assertEqual(len(appointment.activity_ids), 1)
        self.assertEqual(appointment.activity_ids.user_id, self.hr_officer)
        self.assertEqual(appointment.activity_ids.date_deadline, date(2028, 11, 30))
        with self.assertRaises(AccessError):
            appointment.with_user(self.engineer_user).action_renew()
        appointment.with_user(self.hr_officer).action_renew()
        self.assertEqual(appointment.state, "renewed")
        self.assertFalse(appointment.activity_ids, "the reminder is done")
        renewal = appointment.search([("previous_id", "=", appointment.id)])
        self.assertEqual(renewal.date_start, date(2028, 12, 1))
        self.assertEqual(renewal.date_end, date(2030, 11, 30))
        with self.assertRefused(UserError, "only a running appointment is renewed"):
            appointment.with_user(self.hr_officer).action_renew()

    def test_the_next_grade_change_ends_the_appointment(self):
        appointment = self.applied(self.today).appointment_ids
        self.senior.is_appointed = False
        self.engineer.technical_experience_date = self.today - timedelta(days=20 * 366)
        self.senior.min_months_in_previous = 0
        evaluation = self.env["hr.technical.grade.evaluation"].create(
            {
                "employee_id": self.engineer.id,
                "kind": "promotion",
                "effective_date": self.today + timedelta(days=200),
            }
        )
        evaluation.action_submit()
        evaluation.line_ids.write({"level_id": evaluation.template_id.level_ids[0].id})
        evaluation.write(
            {"theory_score": 90, "practical_score": 90, "teaching_score": 90, "scored": True}
        )
        evaluation.with_user(self.hr_officer).action_approve()
        evaluation.with_user(self.hr_officer).action_apply()
        self.assertEqual(appointment.state, "ended")
        self.assertEqual(appointment.date_end, self.today + timedelta(days=199))
        self.assertFalse(evaluation.appointment_ids, "the senior grade is not appointed here")

    def test_written_by_the_workflow_only_and_read_by_the_employee(self):
        appointment = self.applied(date(2026, 12, 1)).appointment_ids
        for user in (self.hr_officer, self.engineer_user):
            with self.assertRaises(AccessError):
                appointment.with_user(user).write({"term_months": 120})
            with self.assertRaises(AccessError):
                self.env["hr.technical.grade.appointment"].with_user(user).create(
                    {
                        "employee_id": self.engineer.id,
                        "grade_id": self.expert.id,
                        "date_start": "2026-01-01",
                        "term_months": 12,
                    }
                )
        mine = self.env["hr.technical.grade.appointment"].with_user(self.engineer_user)
        self.assertEqual(mine.search([]), appointment)
        colleague_user = new_test_user(
            self.env,
            login="tg_appoint_colleague",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        self.assertFalse(mine.with_user(colleague_user).search([]))

    def test_the_letter_names_the_grade_and_the_term(self):
        appointment = self.applied(date(2026, 12, 1)).appointment_ids
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("hr_technical_grade.report_appointment_letter", appointment.ids)[0]
            .decode()
        )
        self.assertIn("Appointment Letter", html)
        self.assertIn(self.intermediate.name, html)
        self.assertIn("24", html)
        action = appointment.evaluation_id.action_print_appointment_letter()
        self.assertIn("hr_technical_grade.report_appointment_letter", str(action))

    def test_a_plain_employee_reads_no_appointment_and_gets_no_error(self):
        """Approvers (VPs, GM) are plain employees: appointments of others hide, not fail.

        The evaluation form they open reads its appointments (see
        TestApprovalChain.test_approvers_read_what_they_decide).
        """
        self.applied(date(2026, 12, 1))
        approver = new_test_user(self.env, login="tg_appoint_gm", groups="base.group_user")
        self.assertFalse(self.env["hr.technical.grade.appointment"].with_user(approver).search([]))
