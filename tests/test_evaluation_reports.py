# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PdfCase, TechnicalGradeCase, load_chinese


@tagged("post_install", "-at_install")
class TestEvaluationReports(PdfCase, TechnicalGradeCase):
    """The customer's forms print filled in, in English and in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env)
        today = date.today()
        cls.record(cls.engineer, cls.junior, today - timedelta(days=4 * 365))
        cls.engineer.technical_experience_date = today - timedelta(days=10 * 366)
        steps = cls.env["hr.technical.grade.approval.step"].search([])
        steps.active = False
        steps.create(
            {"name": "HR approval", "approver_type": "users", "user_ids": cls.hr_officer.ids}
        )
        Evaluation = cls.env["hr.technical.grade.evaluation"].with_user(cls.hr_officer)
        cls.evaluation = Evaluation.create({"employee_id": cls.engineer.id, "kind": "promotion"})
        levels = {level.name: level for level in cls.evaluation.template_id.level_ids}
        cls.evaluation.line_ids.write({"level_id": levels["Good"].id})
        cls.evaluation.write(
            {"theory_score": 88, "practical_score": 76, "teaching_score": 90, "scored": True}
        )
        cls.evaluation.action_submit()

    def html(self, xmlid, lang="en_US"):
        report = self.env.ref(f"hr_technical_grade.{xmlid}").with_context(lang=lang)
        content, _kind = report._render_qweb_html(report.report_name, self.evaluation.ids)
        return content.decode()

    def test_assessment_form_is_filled(self):
        html = self.html("action_report_evaluation_assessment")
        self.assertIn("Technical Grade Assessment Form", html)
        self.assertIn("Product knowledge", html)  # a criterion of the seed form
        self.assertIn("88.00", html)
        self.assertIn(f"{self.evaluation.final_score:.2f}", html)

    def test_promotion_form_lists_every_decision(self):
        self.evaluation.with_user(self.hr_officer).action_approve()
        html = self.html("action_report_evaluation_promotion")
        self.assertIn("HR approval", html)
        self.assertIn(self.hr_officer.name, html)
        self.assertIn("Technical Grade Promotion Form", html)

    def test_forms_in_chinese(self):
        for xmlid, title in (
            ("action_report_evaluation_application", "技术等级评定申请表"),
            ("action_report_evaluation_promotion", "技术等级晋级表"),
            ("action_report_evaluation_assessment", "售后服务工程师技术等级考核评定表"),
        ):
            self.assertTrue(title in self.html(xmlid, "zh_CN"), f"{title} not in {xmlid}")

    def test_certificate_only_for_a_passed_evaluation(self):
        officer_evaluation = self.evaluation.with_user(self.hr_officer)
        with self.assertRefused(UserError, "not possible now"):
            officer_evaluation.action_print_certificate()
        officer_evaluation.action_approve()
        officer_evaluation.action_apply()
        action = officer_evaluation.action_print_certificate()
        self.assertEqual(action["report_name"], "hr_technical_grade.report_evaluation_certificate")
        html = self.html("action_report_evaluation_certificate", "zh_CN")
        self.assertTrue("技术等级证书" in html, "the certificate is not in Chinese")
        self.assertIn(self.engineer.name, html)
        self.render_pdf(
            "hr_technical_grade.action_report_evaluation_certificate",
            self.evaluation,
            user=self.hr_officer,
        )

    def test_no_certificate_for_a_failure(self):
        self.evaluation.write({"theory_score": 0, "practical_score": 0, "teaching_score": 0})
        self.evaluation.line_ids.write({"points": 0})
        with self.assertRefused(UserError, "has no certificate"):
            self.evaluation.action_print_certificate()
