# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Grade recertification (等级复审, seed 000): a grade with a validity is
recertified before its certificate expires, in the engine and committee of
promotions; passing renews the certificate, failing or lapsing proposes a
demotion with that reason."""

import ast
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TechnicalGradeCase, force_state

RECERTIFICATION_ACTIVITY = "hr_technical_grade.mail_activity_evaluation_recertification"


@tagged("post_install", "-at_install")
class TestRecertification(TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Today is 16 November 2026 (the frozen day of the fixtures).
        cls.senior.validity_months = 24
        cls.company.technical_grade_recertification_days = 60
        cls.Evaluation = cls.env["hr.technical.grade.evaluation"]
        # Valid until 30 November 2026: within the 60 days.
        cls.certificate = cls.record(cls.engineer, cls.senior, date(2024, 12, 1))
        # Valid until 15 November 2027: not yet.
        cls.colleague_certificate = cls.record(cls.colleague, cls.senior, date(2025, 11, 16))
        cls.engineer_user = cls.user(
            "tg_recert_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.colleague_user = cls.user(
            "tg_recert_colleague", "hr_technical_grade.group_technical_grade_user"
        )
        cls.engineer.user_id = cls.engineer_user
        cls.colleague.user_id = cls.colleague_user

    def recertifications(self, employee):
        return self.Evaluation.search(
            [("employee_id", "=", employee.id), ("kind", "=", "recertification")]
        )

    def demotions(self, employee):
        return self.Evaluation.search(
            [("employee_id", "=", employee.id), ("kind", "=", "demotion")]
        )

    def hr_approves_alone(self):
        steps = self.env["hr.technical.grade.approval.step"].search([])
        steps.active = False
        steps.create(
            {"name": "HR approval", "approver_type": "users", "user_ids": self.hr_officer.ids}
        )

    def score(self, evaluation, passed=True):
        evaluation = evaluation.with_user(self.hr_officer)
        levels = evaluation.template_id.level_ids.sorted(lambda lv: -lv.points)
        evaluation.line_ids.write({"level_id": (levels[0] if passed else levels[-1]).id})
        mark = 90 if passed else 0
        evaluation.write(
            {"theory_score": mark, "practical_score": mark, "teaching_score": mark, "scored": True}
        )
        return evaluation

    def test_the_certificate_is_valid_for_the_grades_months(self):
        self.assertEqual(self.certificate.valid_until, date(2026, 11, 30))
        self.assertEqual(self.certificate.validity_state, "expiring")
        self.assertEqual(self.colleague_certificate.valid_until, date(2027, 11, 15))
        self.assertEqual(self.colleague_certificate.validity_state, "valid")
        # A grade without a validity gives none.
        junior_line = self.record(
            self.env["hr.employee"].create({"name": "Junior Holder"}),
            self.junior,
            date(2020, 1, 31),
        )
        self.assertFalse(junior_line.valid_until)
        self.assertEqual(junior_line.validity_state, "none")
        # The dashboard's filters find them by state.
        History = self.History.with_context(active_test=False)
        expiring = History.search([("validity_state", "=", "expiring")])
        self.assertIn(self.certificate, expiring)
        self.assertNotIn(self.colleague_certificate, expiring)
        self.assertIn(
            self.colleague_certificate, History.search([("validity_state", "=", "valid")])
        )
        self.assertIn(junior_line, History.search([("validity_state", "=", "none")]))
        # Setting a validity on the grade later gives its holders one.
        self.junior.validity_months = 1
        self.assertEqual(junior_line.valid_until, date(2020, 2, 29))
        self.assertIn(junior_line, History.search([("validity_state", "=", "expired")]))

    def test_the_cron_prepares_one_recertification_in_the_window(self):
        self.History._cron_recertify()
        evaluation = self.recertifications(self.engineer)
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(
            (evaluation.state, evaluation.target_grade_id, evaluation.certificate_id),
            ("draft", self.senior, self.certificate),
        )
        self.assertEqual(evaluation.template_id, self.senior.assessment_template_id)
        # Not before the window.
        self.assertFalse(self.recertifications(self.colleague))
        # The engine and committee of promotions.
        self.assertEqual(
            evaluation.committee_id, self.env.ref("hr_technical_grade.committee_default")
        )
        self.assertIn(
            self.env.ref("hr_technical_grade.approval_step_committee"),
            evaluation._approval_steps(),
        )
        # HR is asked to prepare it before the expiry.
        activity_type = self.env.ref(RECERTIFICATION_ACTIVITY)
        activity = evaluation.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 11, 30))
        # Once per certificate, even when HR cancelled it.
        self.History._cron_recertify()
        self.assertEqual(self.recertifications(self.engineer), evaluation)
        evaluation.with_user(self.hr_officer).action_cancel()
        self.History._cron_recertify()
        self.assertEqual(self.recertifications(self.engineer), evaluation)

    def test_the_recertification_form_of_the_grade(self):
        form = self.env.ref("hr_technical_grade.assessment_template_weighted")
        self.assertNotEqual(form, self.senior.assessment_template_id)
        self.senior.recertification_template_id = form
        self.History._cron_recertify()
        self.assertEqual(self.recertifications(self.engineer).template_id, form)

    def test_the_cron_works_in_batches(self):
        Employee = self.env["hr.employee"]
        holders = Employee.create([{"name": f"Senior Holder {i}"} for i in range(3)])
        for holder in holders:
            self.record(holder, self.senior, date(2024, 12, 10))
        due = self.History.search_count(
            self.History._recertification_due_domain(self.company, date(2026, 11, 16))
        )
        self.assertGreaterEqual(due, 4)  # the engineer, the holders (and the demo's seniors)
        calls = []
        for _call in range(due):
            prepared, _lapsed = self.History._cron_recertify(batch_size=2)
            if not prepared:
                break
            calls.append(len(prepared))
        self.assertEqual(calls, [2] * (due // 2) + [1] * (due % 2))
        for employee in holders | self.engineer:
            self.assertEqual(len(self.recertifications(employee)), 1)
        # The preparation reads and writes a batch together: its queries do not
        # grow with the number of certificates.
        more = Employee.create([{"name": f"Later Holder {i}"} for i in range(8)])
        for holder in more[:2]:
            self.record(holder, self.senior, date(2024, 12, 20))
        self.env.invalidate_all()
        queries_before = self.cr.sql_log_count
        self.History._cron_recertify()
        few = self.cr.sql_log_count - queries_before
        for holder in more[2:]:
            self.record(holder, self.senior, date(2024, 12, 21))
        self.env.invalidate_all()
        queries_before = self.cr.sql_log_count
        prepared, _lapsed = self.History._cron_recertify()
        self.assertEqual(len(prepared), 6)
        many = self.cr.sql_log_count - queries_before
        # Reading the due certificates costs the same for 2 or 6; each new
        # evaluation adds a few writes (its reference, its lines): 3 when measured.
        self.assertLessEqual((many - few) / 4, 5, (few, many))

    def test_passing_renews_the_certificate(self):
        self.hr_approves_alone()
        self.History._cron_recertify()
        evaluation = self.score(self.recertifications(self.engineer))
        evaluation.action_submit()
        evaluation.action_approve()
        self.assertEqual(evaluation.result, "passed")
        evaluation.action_apply()
        renewed = evaluation.history_id
        self.assertEqual(
            (renewed.grade_id, renewed.change_type, renewed.date_from),
            (self.senior, "recertification", date(2026, 11, 16)),
        )
        # A new validity from the decision; the grade and its pay stay.
        self.assertEqual(renewed.valid_until, date(2028, 11, 15))
        self.assertEqual(evaluation.certificate_valid_until, date(2028, 11, 15))
        self.assertEqual(self.engineer.technical_grade_id, self.senior)
        self.assertEqual(self.certificate.date_to, date(2026, 11, 15))
        rows = self.History._salary_adjustment_rows(date(2026, 11, 1), date(2026, 11, 30))
        self.assertFalse([row for row in rows if row["employee"] == self.engineer])
        # Nothing proposed, and the renewed certificate is not prepared again.
        self.History._cron_recertify()
        self.assertFalse(self.demotions(self.engineer))
        self.assertEqual(self.recertifications(self.engineer), evaluation)
        # The certificate PDF shows the new validity.
        report = self.env.ref("hr_technical_grade.action_report_evaluation_certificate")
        html = report._render_qweb_html(report.report_name, evaluation.ids)[0].decode()
        self.assertIn("Valid until", html)
        self.assertIn("11/15/2028", html)

    def test_failing_proposes_a_demotion(self):
        self.hr_approves_alone()
        self.History._cron_recertify()
        evaluation = self.score(self.recertifications(self.engineer), passed=False)
        evaluation.action_submit()
        self.assertEqual(evaluation.result, "failed")
        evaluation.action_reject("Below the senior standard on site.")
        demotion = self.demotions(self.engineer)
        self.assertEqual(
            (demotion.state, demotion.demotion_reason, demotion.target_grade_id),
            ("draft", "recertification_failed", self.intermediate),
        )
        self.assertTrue(
            any(
                "Below the senior standard on site." in body
                for body in demotion.message_ids.mapped("body")
            )
        )
        # The grade stays until HR decides the demotion.
        self.assertEqual(self.engineer.technical_grade_id, self.senior)

    def test_a_lapsed_certificate_proposes_a_demotion(self):
        self.History._cron_recertify()
        evaluation = self.recertifications(self.engineer)
        # Prepared the full window ahead of the expiry.
        self.env.cr.execute(
            "UPDATE hr_technical_grade_evaluation SET create_date = %s WHERE id = %s",
            ("2026-10-01 08:00:00", evaluation.id),
        )
        self.env.invalidate_all()
        with freeze_time("2026-11-30 09:00:00"):  # the last valid day
            self.History._cron_recertify()
        self.assertFalse(self.demotions(self.engineer))
        # In progress: not lapsed while the committee decides.
        force_state(evaluation, "submitted")
        with freeze_time("2026-12-01 09:00:00"):
            self.History._cron_recertify()
        self.assertFalse(self.demotions(self.engineer))
        force_state(evaluation, "draft")
        with freeze_time("2026-12-01 09:00:00"):
            self.History._cron_recertify()
            demotion = self.demotions(self.engineer)
            self.assertEqual(
                (demotion.state, demotion.demotion_reason),
                ("draft", "recertification_lapsed"),
            )
            self.assertEqual(self.certificate.lapse_demotion_id, demotion)
            # Once.
            self.History._cron_recertify()
            self.assertEqual(self.demotions(self.engineer), demotion)

    def test_a_late_preparation_gives_the_full_window(self):
        """A validity set after the fact does not lapse the day it is prepared."""
        holder = self.env["hr.employee"].create({"name": "Long Senior"})
        line = self.record(holder, self.senior, date(2020, 3, 1))
        self.assertEqual(line.validity_state, "expired")
        self.History._cron_recertify()
        self.assertTrue(self.recertifications(holder))
        self.assertFalse(self.demotions(holder))

    def test_engineers_see_their_own_validity_only(self):
        self.History._cron_recertify()
        recertification = self.recertifications(self.engineer)
        History = self.History.with_user(self.colleague_user)
        # The dashboard lists their own certificate only.
        action = self.env.ref("hr_technical_grade.hr_technical_grade_certificate_expiry_action")
        domain = ast.literal_eval(action.domain)
        self.assertEqual(History.search(domain), self.colleague_certificate)
        with self.assertRaises(AccessError):
            History.browse(self.certificate.id).read(["valid_until"])
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(self.colleague_user).browse(recertification.id).read(
                ["certificate_valid_until", "final_score"]
            )
        # My Technical Grade: their own validity, nobody else's.
        Public = self.env["hr.employee.public"].with_user(self.colleague_user)
        own = Public.browse(self.colleague.id)
        self.assertEqual(own.my_valid_until, date(2027, 11, 15))
        self.assertEqual(own.my_validity_state, "valid")
        other = Public.browse(self.engineer.id)
        self.assertFalse(other.my_valid_until)
        self.assertEqual(
            self.env["hr.employee.public"]
            .with_user(self.engineer_user)
            .browse(self.engineer.id)
            .my_validity_state,
            "expiring",
        )
        # Engineers do not file recertifications.
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(self.colleague_user).create(
                {"employee_id": self.colleague.id, "kind": "recertification"}
            )
