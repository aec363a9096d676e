# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestEvaluation(TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Evaluation = cls.env["hr.technical.grade.evaluation"]
        cls.engineer_user = new_test_user(
            cls.env,
            login="tg_test_eval_engineer",
            groups="hr_technical_grade.group_technical_grade_user",
        )
        cls.engineer.user_id = cls.engineer_user
        cls.today = date.today()
        # Junior for two years, five years in the trade: eligible for intermediate.
        cls.engineer.technical_experience_date = cls.today - timedelta(days=5 * 366)
        cls.record(cls.engineer, cls.trainee, cls.today - timedelta(days=4 * 365))
        cls.record(cls.engineer, cls.junior, cls.today - timedelta(days=2 * 366), "promotion")
        # One approval step decided by HR (the chain itself: test_approval_chain).
        cls.other_officer = new_test_user(
            cls.env,
            login="tg_test_officer2",
            groups="base.group_user,hr_technical_grade.group_technical_grade_officer",
        )
        cls.env["hr.technical.grade.approval.step"].search([]).active = False
        cls.env["hr.technical.grade.approval.step"].create(
            {
                "name": "HR approval",
                "approver_type": "users",
                "user_ids": [(6, 0, (cls.hr_officer | cls.other_officer).ids)],
            }
        )

    def promotion(self, employee=None, **vals):
        return self.Evaluation.create(
            {"employee_id": (employee or self.engineer).id, "kind": "promotion", **vals}
        )

    def score(self, evaluation, level="Excellent", exams=(90, 80, 70)):
        levels = {lv.name: lv for lv in evaluation.template_id.level_ids}
        evaluation.line_ids.write({"level_id": levels[level].id})
        evaluation.write(
            {
                "theory_score": exams[0],
                "practical_score": exams[1],
                "teaching_score": exams[2],
                "scored": True,
            }
        )

    def test_promotion_targets_the_next_grade_with_its_form(self):
        evaluation = self.promotion()
        self.assertRegex(evaluation.name, r"^TGE/\d{4}/\d{4}$")
        self.assertEqual(evaluation.current_grade_id, self.junior)
        self.assertEqual(evaluation.target_grade_id, self.intermediate)
        self.assertEqual(evaluation.template_id, self.intermediate.assessment_template_id)
        self.assertEqual(len(evaluation.line_ids), 13)
        self.assertTrue(evaluation.eligible)

    def test_final_score_and_result(self):
        evaluation = self.promotion()
        self.assertEqual(evaluation.result, "pending")
        self.score(evaluation, "Good", (90, 80, 70))
        self.assertEqual(evaluation.assessment_score, 80)
        # 40 % × 80 + 20 % × 90 + 30 % × 80 + 10 % × 70
        self.assertEqual(evaluation.final_score, 81)
        self.assertEqual(evaluation.result, "passed")
        self.score(evaluation, "Pass", (50, 50, 50))
        # 40 % × 60 + 20 % × 50 + 30 % × 50 + 10 % × 50
        self.assertEqual(evaluation.final_score, 54)
        self.assertEqual(evaluation.result, "failed")

    def test_grade_weights_must_total_100(self):
        with self.assertRefused(ValidationError, "must total 100"):
            self.junior.exam_part_ids.filtered(lambda p: p.part == "teaching").weight = 20

    def test_promotion_is_one_grade_at_a_time(self):
        evaluation = self.promotion(target_grade_id=self.senior.id)
        self.assertFalse(evaluation.eligible)
        self.assertIn("one grade at a time", evaluation.eligibility_problems)
        with self.assertRefused(UserError, "not eligible"):
            evaluation.action_submit()

    def test_conditions_of_the_target_grade(self):
        self.intermediate.write({"min_months_in_previous": 30, "min_experience_years": 8})
        evaluation = self.promotion()
        problems = evaluation.eligibility_problems
        self.assertIn("30 months in the current grade are required; 24 are done", problems)
        self.assertIn("8 years of experience are required; 5 are counted", problems)

    def test_officer_override_with_justification(self):
        self.intermediate.min_months_in_previous = 30
        evaluation = self.promotion()
        with self.assertRaises(AccessError):
            evaluation.with_user(self.engineer_user).write(
                {"override_eligibility": True, "override_reason": "me"}
            )
        officer_eval = evaluation.with_user(self.hr_officer)
        with self.assertRefused(ValidationError, "written justification"):
            officer_eval.write({"override_eligibility": True})
        officer_eval.write(
            {"override_eligibility": True, "override_reason": "Led the plant commissioning"}
        )
        officer_eval.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.score(evaluation)
        officer_eval.action_approve()
        officer_eval.action_apply()
        self.assertIn("Led the plant commissioning", evaluation.history_id.reason)

    def test_engineer_files_and_submits_their_own_request(self):
        evaluation = self.Evaluation.with_user(self.engineer_user).create(
            {"employee_id": self.engineer.id, "kind": "promotion", "note": "<p>Ready</p>"}
        )
        self.env.invalidate_all()  # submitted in a new request, with nothing cached
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        with self.assertRaises(AccessError):
            evaluation.write({"theory_score": 100})
        with self.assertRaisesRegex(UserError, "their own TGE/"):
            evaluation.action_approve()
        with self.assertRaises(AccessError):
            evaluation.write({"state": "approved"})
        # Colleagues' evaluations stay invisible.
        self.record(self.colleague, self.trainee, self.today - timedelta(days=800))
        other = self.promotion(self.colleague)
        with self.assertRaises(AccessError):
            other.with_user(self.engineer_user).read(["final_score"])
        visible = self.Evaluation.with_user(self.engineer_user).search([])
        self.assertEqual(visible, evaluation)

    def test_an_applied_evaluation_is_kept_as_applied(self):
        """Probe F4: HR back-dated an applied evaluation away from its history line."""
        evaluation = self.promotion()
        evaluation.action_submit()
        self.score(evaluation)
        officer_eval = evaluation.with_user(self.hr_officer)
        officer_eval.action_approve()
        officer_eval.action_apply()
        for vals in (
            {"effective_date": "2020-01-01"},
            {"override_reason": "rewritten"},
            {"theory_score": 10},
        ):
            with self.assertRaises(UserError):  # AccessError is one too
                officer_eval.write(vals)
        self.assertEqual(evaluation.effective_date, evaluation.history_id.date_from)
        officer_eval.write({"note": "<p>Certificate handed over</p>"})

    def test_apply_writes_history_exactly_once(self):
        evaluation = self.promotion(effective_date=self.today + timedelta(days=10))
        evaluation.action_submit()
        self.score(evaluation)
        officer_eval = evaluation.with_user(self.hr_officer)
        officer_eval.action_approve()
        officer_eval.action_apply()
        line = evaluation.history_id
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(line.grade_id, self.intermediate)
        self.assertEqual(line.date_from, self.today + timedelta(days=10))
        self.assertEqual(line.change_type, "promotion")
        self.assertEqual(line.origin, evaluation.name)
        with self.assertRefused(UserError, "not possible now"):
            officer_eval.action_apply()
        lines = self.engineer.technical_grade_history_ids
        self.assertEqual(len(lines), 3)
        self.assertEqual(
            lines.filtered(lambda h: h.grade_id == self.junior).date_to,
            line.date_from - timedelta(days=1),
        )

    def test_failed_evaluation_cannot_be_approved(self):
        evaluation = self.promotion()
        evaluation.action_submit()
        self.score(evaluation, "Pass", (10, 10, 10))
        with self.assertRefused(UserError, "has not passed"):
            evaluation.with_user(self.hr_officer).action_approve()

    def test_nobody_approves_their_own_evaluation(self):
        self.hr_officer.employee_ids = False
        officer_employee = self.env["hr.employee"].create(
            {"name": "HR", "user_id": self.hr_officer.id}
        )
        self.record(officer_employee, self.trainee, self.today - timedelta(days=800))
        evaluation = self.promotion(officer_employee)
        evaluation.action_submit()
        self.score(evaluation)
        with self.assertRefused(UserError, "their own TGE/"):
            evaluation.with_user(self.hr_officer).action_approve()

    def test_rejection_needs_a_reason_and_tells_the_applicant(self):
        evaluation = self.promotion()
        evaluation.action_submit()
        wizard = self.env["hr.technical.grade.approval.reason.wizard"].with_user(self.hr_officer)
        with self.assertRefused(UserError, "Say why"):
            evaluation.with_user(self.hr_officer).action_reject(" ")
        wizard.create(
            {
                "res_model": evaluation._name,
                "res_ids": evaluation.ids,
                "reason": "Practical exam missing",
            }
        ).action_confirm()
        self.assertEqual(evaluation.state, "rejected")
        message = evaluation.message_ids.filtered(
            lambda m: "Practical exam missing" in (m.body or "")
        )
        self.assertTrue(message)
        self.assertIn(self.engineer_user.partner_id, message.partner_ids)
        evaluation.action_draft()
        self.assertEqual(evaluation.state, "draft")

    def test_demotion_one_grade_down_with_a_reason(self):
        with self.assertRefused(ValidationError, "demotion reasons"):
            self.Evaluation.create({"employee_id": self.engineer.id, "kind": "demotion"})
        evaluation = self.Evaluation.create(
            {
                "employee_id": self.engineer.id,
                "kind": "demotion",
                "demotion_reason": "failed_reviews",
            }
        )
        self.assertEqual(evaluation.target_grade_id, self.trainee)
        self.assertTrue(evaluation.eligible)
        evaluation.target_grade_id = self.intermediate
        self.assertIn("one grade down", evaluation.eligibility_problems)

    def test_past_effective_date_only_for_officers(self):
        evaluation = self.Evaluation.with_user(self.engineer_user).create(
            {"employee_id": self.engineer.id, "kind": "promotion"}
        )
        with self.assertRefused(ValidationError, "Only HR officers"):
            evaluation.write({"effective_date": self.today - timedelta(days=3)})
        evaluation.with_user(self.hr_officer).write(
            {"effective_date": self.today - timedelta(days=3)}
        )
        self.assertEqual(evaluation.effective_date, self.today - timedelta(days=3))

    def test_form_shows_levels_and_scores(self):
        with Form(self.Evaluation.with_user(self.hr_officer)) as form:
            form.employee_id = self.engineer
            form.kind = "promotion"
            self.assertEqual(form.target_grade_id, self.intermediate)
        self.assertEqual(form.record.state, "draft")
