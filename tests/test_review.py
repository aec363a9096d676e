# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date
from io import BytesIO

import openpyxl
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import load_chinese
from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReview(ReviewCase):
    """KPI entries, 360 weighting, bands and the result approval chain."""

    def test_reviewers_proposed_from_the_org_chart(self):
        review = self.open_review()
        reviewers = review.sudo().reviewer_ids
        self.assertEqual(
            {(r.reviewer_id, r.role) for r in reviewers},
            {
                (self.manager, "superior"),
                (self.colleague, "peers"),
                (self.trainee_employee, "subordinates"),
            },
        )
        activity_type = self.env.ref("hr_technical_grade.mail_activity_review_score")
        self.assertEqual(
            reviewers.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id,
            self.manager_user | self.colleague_user | self.trainee_user,
        )
        grade = self.engineer.technical_grade_id
        kpis = self.plan.kpi_ids.filtered(lambda kpi: kpi._applies_to(grade))
        self.assertEqual(review.line_ids.kpi_id, kpis)
        self.assertLess(len(kpis), len(self.plan.kpi_ids), "service targets per grade")
        self.assertEqual(review.period_end, date(2026, 1, 31))
        self.assertEqual(review.period, "2026-01")
        self.assertRegex(review.name, r"^TGR/\d{4}/\d{5}$")

    def test_one_scoring_activity_per_reviewer_and_period(self):
        """A superior scoring two engineers of a period has one activity listing
        both (not one per engineer); it follows the colleagues left to score."""
        activity_type = self.env.ref("hr_technical_grade.mail_activity_review_score")
        reviews = self.open_review() | self.open_review(self.colleague)
        lines = reviews.sudo().reviewer_ids.filtered(lambda r: r.user_id == self.manager_user)
        self.assertEqual(len(lines), 2)

        def open_activities():
            return (
                self.env["mail.activity"]
                .sudo()
                .search(
                    [
                        ("activity_type_id", "=", activity_type.id),
                        ("user_id", "=", self.manager_user.id),
                    ]
                )
            )

        activity = open_activities()
        self.assertEqual(len(activity), 1)
        self.assertIn(self.engineer.name, activity.note)
        self.assertIn(self.colleague.name, activity.note)
        self.assertIn("2 colleague(s)", activity.summary)
        first = lines.sorted("id")[0].with_user(self.manager_user)
        first.write({"score": 80})
        first.action_submit_score()
        activity = open_activities()
        self.assertEqual(len(activity), 1)
        self.assertIn("1 colleague(s)", activity.summary)
        self.assertNotIn(first.reviewed_employee_id.name, activity.note)
        last = (lines - first).with_user(self.manager_user)
        last.write({"score": 70})
        last.action_submit_score()
        self.assertFalse(open_activities())
        done = self.env["mail.message"].search(
            [
                ("model", "=", lines._name),
                ("res_id", "in", lines.ids),
                ("mail_activity_type_id", "=", activity_type.id),
            ]
        )
        self.assertEqual(len(done), 2, "each scored line's activity was marked done")

    def test_one_review_per_employee_and_period(self):
        review = self.open_review()
        self.assertFalse(self.open_review(day=date(2026, 1, 28)))
        with mute_logger("odoo.sql_db"), self.assertRefused(IntegrityError, "period_unique"):
            review.sudo().copy({"employee_id": self.engineer.id})

    def test_kpi_entries_with_the_seed_rules(self):
        review = self.open_review()
        manager = review.with_user(self.manager_user)
        evidence = "Dispatch orders"
        self.kpi_line(manager, "kpi_cost").write({"occurrences": 3, "evidence": evidence})
        self.kpi_line(manager, "kpi_complaint").write({"occurrences": 1, "evidence": evidence})
        self.kpi_line(manager, "kpi_commissioning_report").write(
            {"occurrences": 2, "evidence": evidence}
        )
        self.kpi_line(manager, "kpi_maintenance_contracts").write(
            {"amount": 50000, "evidence": evidence}
        )
        self.kpi_line(manager, "kpi_maintenance_quality").occurrences = 0
        self.assertEqual(self.kpi_line(review, "kpi_cost").adjustment, -5)  # not -7.5
        self.assertEqual(self.kpi_line(review, "kpi_maintenance_contracts").adjustment, 5)
        # This company's plan starts from 80: 80 - 5 - 5 + 20 + 5
        self.assertEqual(review.kpi_score, 95)

    def test_leadership_bonus_needs_the_leaders_opinion(self):
        review = self.open_review()
        line = self.kpi_line(review.with_user(self.manager_user), "kpi_leadership_tasks")
        with self.assertRefused(ValidationError, "written opinion"):
            line.value = 5
        with self.assertRefused(ValidationError, "never takes"):
            line.write({"value": -5, "comment": "Late"})
        line.write({"value": 25, "comment": "Led the plant shutdown"})
        self.assertEqual(review.kpi_score, 105, "no ceiling: the bonus is kept")

    def test_360_with_all_groups_and_fallbacks(self):
        review = self.open_review()
        scores = {self.manager: 90, self.colleague: 60, self.trainee_employee: 70}
        for reviewer in review.sudo().reviewer_ids:
            reviewer.with_user(reviewer.user_id).write({"score": scores[reviewer.reviewer_id]})
            reviewer.with_user(reviewer.user_id).action_submit_score()
        # 40 × 90 + 30 × 60 + 30 × 70
        self.assertAlmostEqual(review.score_360, 75.0)
        reviewers = review.sudo().reviewer_ids
        reviewers.filtered(lambda r: r.role == "peers").unlink()
        # no peers: 60 × 90 + 40 × 70
        self.assertAlmostEqual(review.score_360, 82.0)
        reviewers.exists().filtered(lambda r: r.role == "subordinates").unlink()
        self.assertAlmostEqual(review.score_360, 90.0)
        reviewers.exists().filtered(lambda r: r.role == "superior").unlink()
        self.assertAlmostEqual(review.score_360, 0.0)

    def test_no_subordinates_uses_60_40(self):
        review = self.open_review(self.colleague)
        # colleague: superior manager, peer engineer, no subordinates
        scores = {self.manager: 80, self.engineer: 50}
        for reviewer in review.sudo().reviewer_ids:
            reviewer.sudo().write({"score": scores[reviewer.reviewer_id], "state": "done"})
        self.assertAlmostEqual(review.score_360, 68.0)

    def test_band_edges_follow_company_thresholds(self):
        review = self.open_review()
        # Scores are the workflow's (an appeal's decision overrides one): set as such.
        workflow_review = review.sudo()
        for score, band in [
            (90, "excellent"),
            (89.99, "good"),
            (80, "good"),
            (70, "average"),
            (60, "poor"),
            (59.99, "fail"),
        ]:
            workflow_review.write({"score_override": score, "score_overridden": True})
            self.assertEqual(review.band, band, score)
        self.assertTrue(review.failed)
        self.company.technical_grade_band_poor = 55
        self.assertEqual(review.band, "poor")
        self.assertTrue(review.failed, "still below the review pass mark of 60")
        with self.assertRefused(ValidationError, "go down strictly"):
            self.company.technical_grade_band_good = 95

    def test_final_score_weights_and_no_raise(self):
        review = self.open_review()
        self.kpi_line(review.with_user(self.manager_user), "kpi_complaint").write(
            {"occurrences": 2, "evidence": "Complaint record"}
        )
        self.finish(review, results=80, reviewers=60)
        # 50 % × 70 + 20 % × 80 + 30 % × 60
        self.assertAlmostEqual(review.final_score, 69.0)
        self.assertEqual(review.band, "poor")
        self.assertTrue(review.no_raise)
        self.assertIn("No pay raise", review.consequence)
        self.assertFalse(review.demotion_evaluation_id)

    def test_result_approval_chain_in_the_inbox(self):
        review = self.open_review()
        review.with_user(self.manager_user).write({"results_score": 90, "kpi_checked": True})
        self.score_all(review, 90)
        review.with_user(self.manager_user).action_submit()
        activity_type = self.env.ref("hr_technical_grade.mail_activity_review_approval")

        def inbox():
            return review.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

        self.assertEqual(inbox().user_id, self.manager_user)
        with self.assertRefused(AccessError, "waits for the step"):
            review.with_user(self.plant_user).action_approve()
        for user, following in [
            (self.manager_user, self.hr_officer),
            (self.hr_officer, self.plant_user),
            (self.plant_user, self.gm_user),
        ]:
            review.with_user(user).action_approve()
            self.assertEqual(inbox().user_id, following)
            self.assertEqual(review.state, "submitted")
        review.with_user(self.gm_user).action_approve()
        self.assertEqual(review.state, "done")
        self.assertFalse(inbox())
        self.assertEqual(review.done_date, date.today())

    def test_submit_waits_for_every_reviewer(self):
        review = self.open_review()
        with self.assertRefused(UserError, "reviewer"):
            review.with_user(self.manager_user).action_submit()

    def test_evaluation_steps_do_not_enter_the_review_chain(self):
        review = self.open_review()
        self.score_all(review, 80)
        self.env["res.lang"]._activate_lang("zh_CN")
        first_step = self.env["hr.technical.grade.approval.step"].search(
            [("model_id.model", "=", "hr.technical.grade.review")], limit=1
        )
        first_step.update_field_translations("name", {"zh_CN": "上级评定"})
        review.with_user(self.manager_user).write({"results_score": 80, "kpi_checked": True})
        review.with_user(self.manager_user).action_submit()
        self.assertEqual(
            review.approval_ids.step_id.mapped("model"), ["hr.technical.grade.review"] * 4
        )
        self.assertEqual(
            set(review.approval_ids.mapped("res_model")), {"hr.technical.grade.review"}
        )
        # The trail names each step in every language, as the steps did then.
        first = review.approval_ids[0]
        self.assertEqual(first.step_id, first_step)
        self.assertEqual(first.name, first_step.name)
        self.assertEqual(first.with_context(lang="zh_CN").name, "上级评定")

    def test_xlsx_export_of_a_period(self):
        review = self.open_review()
        colleague_review = self.open_review(self.colleague)
        self.kpi_line(review.with_user(self.manager_user), "kpi_complaint").write(
            {"occurrences": 1, "evidence": "Complaint record"}
        )
        self.score_all(review, 80)
        reviews = review | colleague_review
        report = self.env["ir.actions.report"].with_user(self.hr_officer)
        content, kind = report._render_xlsx(
            "hr_technical_grade.action_report_review_results_xlsx", reviews.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(BytesIO(content)).active
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(header[:3], ["Employee", "Department", "Period"])
        complaint = self.env.ref("hr_technical_grade.kpi_complaint").name
        for label in (complaint, "KPI Score", "Superior", "Peers", "Subordinates", "Band"):
            self.assertIn(label, header)
        rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
        self.assertEqual(set(rows), {"Test Engineer", "Test Colleague"})
        engineer = dict(zip(header, rows["Test Engineer"], strict=True))
        self.assertEqual(engineer[complaint], -5)
        self.assertEqual(engineer["KPI Score"], 75)
        self.assertEqual(engineer["Peers"], 80)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.manager_user)._render_xlsx(
                "hr_technical_grade.action_report_review_results_xlsx", reviews.ids, {}
            )

    def test_xlsx_headers_in_chinese(self):
        load_chinese(self.env)
        review = self.open_review()
        report = self.env["ir.actions.report"].with_user(self.hr_officer).with_context(lang="zh_CN")
        content, _kind = report._render_xlsx(
            "hr_technical_grade.action_report_review_results_xlsx", review.ids, {}
        )
        header = [cell.value for cell in openpyxl.load_workbook(BytesIO(content)).active[3]]
        self.assertEqual(header[:2], ["员工", "部门"])
        complaint = self.env.ref("hr_technical_grade.kpi_complaint").with_context(lang="zh_CN")
        self.assertIn(complaint.name, header)
        self.assertNotEqual(complaint.name, "Customer complaints")

    def test_reviewer_added_by_hr_gets_an_activity(self):
        review = self.open_review()
        head_line = (
            self.env["hr.technical.grade.review.reviewer"]
            .with_user(self.hr_officer)
            .create({"review_id": review.id, "reviewer_id": self.head.id, "role": "superior"})
        )
        self.assertEqual(head_line.activity_ids.user_id, self.head_user)
        head_line.with_user(self.head_user).write({"score": 70})
        head_line.with_user(self.head_user).action_submit_score()
        self.assertFalse(head_line.activity_ids)
        self.assertEqual(head_line.state, "done")
