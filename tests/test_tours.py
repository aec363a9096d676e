# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The promotion journey in a real browser (static/src/tours/).

Each test brings the evaluation to the step before its tour through the
model API, runs the tour as the person who acts, then checks what the
clicks did in the database.
"""

from datetime import date, timedelta
from unittest.mock import patch

from odoo.addons.base.models.ir_actions_report import IrActionsReport
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import BrowserCase, form_ratings


@tagged("post_install", "-at_install")
class TestTours(BrowserCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The asset bundles the tours load, generated before the first tour as
        # Odoo's own runner does, so that no tour waits on a cold bundle.
        cls.env["ir.qweb"]._pregenerate_assets_bundles()
        ref = cls.env.ref

        def user(login, groups="base.group_user"):
            return new_test_user(cls.env, login=login, groups=groups)

        cls.engineer_user = user(
            "tg_tour_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.manager_user = user("tg_tour_manager")
        cls.chair_user = user(
            "tg_tour_chair", "base.group_user,hr_technical_grade.group_technical_grade_committee"
        )
        cls.gm_user = user("tg_tour_gm")
        cls.hr_user = user("tg_tour_hr", "hr_technical_grade.group_technical_grade_officer")
        # OCA payroll's officers see payslips of their own departments only:
        # whoever pays the whole company is a payroll manager.
        cls.payroll_user = user("tg_tour_payroll", "base.group_user,payroll.group_payroll_manager")
        Employee = cls.env["hr.employee"]
        department = cls.env["hr.department"].create({"name": "Tour After-Sales"})
        cls.manager = Employee.create(
            {"name": "Tour Manager", "user_id": cls.manager_user.id, "department_id": department.id}
        )
        today = date.today()
        cls.engineer = Employee.create(
            {
                "name": "Tour Engineer",
                "user_id": cls.engineer_user.id,
                "parent_id": cls.manager.id,
                "department_id": department.id,
                "technical_experience_date": today - timedelta(days=10 * 366),
            }
        )
        cls.intermediate = ref("hr_technical_grade.grade_intermediate")
        cls.senior = ref("hr_technical_grade.grade_senior")
        cls.env["hr.technical.grade.history"]._record_grade_change(
            [
                {
                    "employee_id": cls.engineer.id,
                    "grade_id": cls.intermediate.id,
                    "date_from": today - timedelta(days=3 * 366),
                    "change_type": "initial",
                    "reason": "tour",
                }
            ]
        )
        # The chain of the journey: superior, committee, general manager
        # (senior is appointed); the committee is its chair alone.
        ref("hr_technical_grade.approval_step_department_head").active = False
        ref("hr_technical_grade.approval_step_vice_presidents").active = False
        ref("hr_technical_grade.approval_step_general_manager").user_ids = cls.gm_user
        ref("hr_technical_grade.committee_default").write(
            {
                "member_ids": [Command.set(cls.chair_user.ids)],
                "chair_id": cls.chair_user.id,
                "quorum": 1,
            }
        )
        cls.env.company.technical_grade_notice_days = 0
        # Promotions are decided in the yearly campaign (the company default):
        # the engineer applies in the open campaign of their department.
        cls.env.company.technical_grade_promotion_in_campaign = True
        cls.campaign = cls.env["hr.technical.grade.campaign"].create(
            {
                "name": "Tour Campaign",
                "year": today.year,
                "date_from": date(today.year, 10, 1),
                "date_to": date(today.year, 12, 31),
                "department_ids": [Command.set(department.ids)],
                "state": "open",
            }
        )
        cls.Evaluation = cls.env["hr.technical.grade.evaluation"]

    # -- the journey up to each tour, through the model API -----------------

    def applied(self):
        public = self.env["hr.employee.public"].with_user(self.engineer_user)
        action = public.browse(self.engineer.id).action_apply_for_promotion()
        evaluation = self.Evaluation.with_user(self.engineer_user).browse(action["res_id"])
        evaluation.action_submit()
        return evaluation.with_env(self.env)

    def before_committee(self):
        evaluation = self.applied()
        evaluation.with_user(self.manager_user).action_approve()
        return evaluation

    def before_general_manager(self):
        evaluation = self.before_committee()
        chair = evaluation.with_user(self.chair_user)
        chair._record_member_score(
            {"theory": 90, "practical": 88, "teaching": 86}, ratings=form_ratings(evaluation)
        )
        chair._committee_sign("Promoted to senior.", "passed")
        return evaluation

    def approved(self):
        evaluation = self.before_general_manager()
        evaluation.with_user(self.gm_user).action_approve()
        return evaluation

    def inbox(self, evaluation):
        activity_type = self.env.ref("hr_technical_grade.mail_activity_evaluation_approval")
        return evaluation.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        ).user_id

    # -- the tours -----------------------------------------------------------

    def test_a_engineer_applies_for_promotion(self):
        self.start_tour("/odoo", "hr_technical_grade_tour_apply", login="tg_tour_engineer")
        evaluation = self.Evaluation.search([("employee_id", "=", self.engineer.id)])
        self.assertEqual(
            (evaluation.kind, evaluation.target_grade_id, evaluation.state),
            ("promotion", self.senior, "submitted"),
        )
        self.assertEqual(evaluation.campaign_id, self.campaign)
        self.assertEqual(evaluation.create_uid, self.engineer_user)
        self.assertEqual(self.inbox(evaluation), self.manager_user)

    def test_b_manager_approves_from_the_activity(self):
        evaluation = self.applied()
        self.start_tour("/odoo", "hr_technical_grade_tour_manager", login="tg_tour_manager")
        first = evaluation.approval_ids[0]
        self.assertEqual((first.state, first.decided_by_id), ("approved", self.manager_user))
        self.assertEqual(evaluation.committee_state, "scoring")
        self.assertEqual(evaluation.current_approval_id.name, "Evaluation committee")

    def test_c_committee_chair_scores_and_signs(self):
        evaluation = self.before_committee()
        # The chair's ratings of the form, given already: the tour checks they
        # are shown in the scoring dialog and enters the exams.
        own = evaluation.sudo().score_ids.filtered(lambda s: s.member_id == self.chair_user)
        for rating in own.line_ids:
            rating.level_id = form_ratings(evaluation)[rating.criterion_id.id]
        self.start_tour(
            "/odoo/action-hr_technical_grade.hr_technical_grade_evaluation_action",
            "hr_technical_grade_tour_committee",
            login="tg_tour_chair",
        )
        score = evaluation.score_ids
        self.assertEqual(
            (score.member_id, score.state, score.theory_score, score.teaching_score),
            (self.chair_user, "scored", 90.0, 86.0),
        )
        self.assertEqual(evaluation.assessment_score, score.assessment_score)
        self.assertGreater(score.assessment_score, 0)
        self.assertEqual(
            (evaluation.committee_state, evaluation.committee_decision, evaluation.practical_score),
            ("signed", "passed", 88.0),
        )
        self.assertEqual(evaluation.committee_signed_by_id, self.chair_user)
        self.assertIn("promoted to senior", evaluation.committee_opinion)
        self.assertEqual(self.inbox(evaluation), self.gm_user)

    def test_d_general_manager_approves(self):
        evaluation = self.before_general_manager()
        self.start_tour(
            "/odoo/action-hr_technical_grade.hr_technical_grade_evaluation_action",
            "hr_technical_grade_tour_general_manager",
            login="tg_tour_gm",
        )
        self.assertEqual((evaluation.state, evaluation.result), ("approved", "passed"))
        self.assertEqual(evaluation.approval_ids[-1].decided_by_id, self.gm_user)
        self.assertFalse(self.inbox(evaluation))

    def test_e_hr_applies_and_prints_the_certificate(self):
        evaluation = self.approved()
        printed = []
        render = IrActionsReport._render_qweb_pdf

        def fake_render(report, report_ref, res_ids=None, data=None):
            printed.append((report._get_report(report_ref).report_name, list(res_ids or [])))
            return b"%PDF-1.4 certificate", "pdf"

        with patch.object(IrActionsReport, "_render_qweb_pdf", fake_render):
            self.start_tour(
                "/odoo/action-hr_technical_grade.hr_technical_grade_evaluation_action",
                "hr_technical_grade_tour_apply_to_history",
                login="tg_tour_hr",
            )
        self.assertIs(IrActionsReport._render_qweb_pdf, render)
        self.assertEqual(evaluation.state, "done")
        line = evaluation.history_id
        self.assertEqual((line.grade_id, line.change_type), (self.senior, "promotion"))
        self.assertEqual(self.engineer.technical_grade_id, self.senior)
        certificate = self.env.ref("hr_technical_grade.action_report_evaluation_certificate")
        self.assertEqual(printed, [(certificate.report_name, evaluation.ids)])

    def test_f_payroll_officer_computes_the_new_allowance(self):
        # Promoted on 16 June: 15 days intermediate, 15 days senior.
        self.env["hr.technical.grade.history"]._record_grade_change(
            [
                {
                    "employee_id": self.engineer.id,
                    "grade_id": self.senior.id,
                    "date_from": date(2026, 6, 16),
                    "change_type": "promotion",
                    "reason": "tour",
                }
            ]
        )
        structure = self.env.ref("hr_technical_grade.payroll_structure_technical_grade")
        contract = self.env["hr.contract"].create(
            {
                "name": "Tour contract",
                "employee_id": self.engineer.id,
                "wage": 0,
                "date_start": "2020-01-01",
                "struct_id": structure.id,
                "state": "open",
            }
        )
        slip = self.env["hr.payslip"].create(
            {
                "employee_id": self.engineer.id,
                "contract_id": contract.id,
                "struct_id": structure.id,
                "date_from": "2026-06-01",
                "date_to": "2026-06-30",
            }
        )
        self.assertFalse(slip.line_ids)
        self.start_tour(
            f"/odoo/hr.payslip/{slip.id}",
            "hr_technical_grade_tour_payslip",
            login="tg_tour_payroll",
        )
        amounts = {line.code: line.total for line in slip.line_ids}
        # 1000 × 15/30 + 2000 × 15/30, and 2300 × 15/30 + 2500 × 15/30
        self.assertEqual(amounts["TG_ALW"], 1500.0)
        self.assertEqual(amounts["TG_BASE"], 2400.0)
        self.assertEqual(slip.state, "verify")
