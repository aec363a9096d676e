# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewScoring(ReviewCase):
    """Seed 003: parts that weigh are never 0 when missing; bands on the exact score."""

    def test_an_untouched_review_cannot_be_finished(self):
        for plan in (
            self.plan,
            self.env.ref("hr_technical_grade.review_plan_monthly"),
            self.env.ref("hr_technical_grade.review_plan_quarterly"),
        ):
            review = self.open_review(day=date(2026, 4, 1), plan=plan)
            self.assertFalse(review.band, plan.name)
            self.assertEqual(review.final_score, 0)
            self.assertTrue(review.missing_parts)
            with self.assertRaises(UserError):
                review.with_user(self.hr_officer).action_submit()
            self.assertEqual(review.state, "draft")

    def test_missing_results_form_blocks_submission(self):
        review = self.open_review()
        self.score_all(review, 80)
        review.with_user(self.manager_user).kpi_checked = True
        self.assertEqual(review.missing_parts, "results form")
        with self.assertRefused(UserError, "results form"):
            review.with_user(self.manager_user).action_submit()
        # A results form scored 0 is a score, not a missing part.
        review.with_user(self.manager_user).results_score = 0
        self.assertFalse(review.missing_parts)
        # 50 % × 80 + 20 % × 0 + 30 % × 80
        self.assertEqual(review.final_score, 64)

    def test_kpi_entry_without_evidence_blocks_submission(self):
        review = self.open_review()
        self.kpi_line(review.with_user(self.manager_user), "kpi_cost").occurrences = 1
        self.assertTrue(self.kpi_line(review, "kpi_cost").evidence_missing)
        review.with_user(self.manager_user).write({"results_score": 80, "kpi_checked": True})
        self.score_all(review, 80)
        with self.assertRefused(UserError, "evidence"):
            review.with_user(self.manager_user).action_submit()
        self.kpi_line(review.with_user(self.manager_user), "kpi_cost").evidence = "BX-1"
        review.with_user(self.manager_user).action_submit()
        self.assertEqual(review.state, "submitted")

    def test_360_expected_without_reviewers_is_missing(self):
        review = self.open_review()
        review.sudo().reviewer_ids.unlink()
        review.with_user(self.manager_user).write({"results_score": 80, "kpi_checked": True})
        self.assertEqual(review.missing_parts, "360° ability")
        with self.assertRefused(UserError, "360° ability"):
            review.with_user(self.manager_user).action_submit()

    def test_hr_takes_a_part_out_with_a_reason(self):
        review = self.open_review()
        review.sudo().reviewer_ids.unlink()
        review.with_user(self.manager_user).write({"results_score": 90, "kpi_checked": True})
        with self.assertRefused(ValidationError, "say why"):
            review.with_user(self.hr_officer).ability_excluded = True
        review.with_user(self.hr_officer).write(
            {"ability_excluded": True, "exclusion_reason": "No colleague worked with him."}
        )
        # 50 and 20 shared out over 70: 71.43 % and 28.57 %
        self.assertAlmostEqual(review.weight_kpi_applied, 71.43, places=2)
        self.assertAlmostEqual(review.weight_results_applied, 28.57, places=2)
        self.assertEqual(review.weight_360_applied, 0)
        # (50 × 80 + 20 × 90) / 70 = 82.857…
        self.assertEqual(review.final_score, 82.86)
        self.assertEqual(review.band, "good")
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = review.sudo().message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("ability_excluded", tracked)
        self.assertIn("exclusion_reason", tracked)
        # The superior does not take parts out.
        with self.assertRefused(AccessError, "superior scores"):
            review.with_user(self.manager_user).results_excluded = True

    def test_seed_003_band_on_the_360_composite(self):
        plan = self.env.ref("hr_technical_grade.review_plan_quarterly")
        review = self.open_review(day=date(2026, 4, 1), plan=plan)
        self.assertEqual(review.period, "2026 Q2")
        scores = {self.manager: 90, self.colleague: 80, self.trainee_employee: 60}
        for reviewer in review.sudo().reviewer_ids:
            reviewer.sudo().write({"score": scores[reviewer.reviewer_id], "state": "done"})
        # 40 × 90 + 30 × 80 + 30 × 60 = 78: 中, whatever the KPI sheet says
        self.assertEqual(review.final_score, 78)
        self.assertEqual(review.band, "average")
        self.assertEqual(review.weight_360_applied, 100)
        self.assertEqual(review.weight_kpi_applied, 0)

    def test_band_on_the_exact_score(self):
        plan = self.env.ref("hr_technical_grade.review_plan_quarterly")
        review = self.open_review(day=date(2026, 4, 1), plan=plan)
        # superior 89.99 (40 %), peer 90 (30 %), subordinate 90 (30 %): 89.996 shows as 90.00
        scores = {self.manager: 89.99, self.colleague: 90, self.trainee_employee: 90}
        for reviewer in review.sudo().reviewer_ids:
            reviewer.sudo().write({"score": scores[reviewer.reviewer_id], "state": "done"})
        self.assertEqual(review.final_score, 90.0)
        self.assertEqual(review.band, "good")
        scores = {self.manager: 59.99, self.colleague: 60, self.trainee_employee: 60}
        for reviewer in review.sudo().reviewer_ids:
            reviewer.sudo().write({"score": scores[reviewer.reviewer_id]})
        self.assertEqual(review.final_score, 60.0)
        self.assertEqual(review.band, "fail")

    def test_yearly_result_is_the_mean_of_the_quarters(self):
        plan = self.env.ref("hr_technical_grade.review_plan_quarterly")
        reviews = self.env["hr.technical.grade.review"]
        for month, score in ((1, 90), (4, 80), (7, 85), (10, 70)):
            review = self.open_review(day=date(2026, month, 1), plan=plan)
            for reviewer in review.sudo().reviewer_ids:
                reviewer.sudo().write({"score": score, "state": "done"})
            review.with_user(self.manager_user).action_submit()
            for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
                review.with_user(user).action_approve()
            reviews |= review
        self.assertEqual(set(reviews.mapped("year_score")), {81.25})
        self.assertEqual(set(reviews.mapped("year_band")), {"good"})


@tagged("post_install", "-at_install")
class TestReviewerProposal(ReviewCase):
    """Seed 003 第5条: reviewers by role; seed 000: self-assessment, weight 0 by default."""

    def proposed(self, employee, plan=None):
        plan = plan or self.env.ref("hr_technical_grade.review_plan_quarterly")
        review = plan.with_user(self.hr_officer)._open_reviews(employee, date(2026, 4, 1))
        return review, {(r.reviewer_id, r.role) for r in review.sudo().reviewer_ids}

    def test_staff_by_the_superior_and_peers_of_the_same_group(self):
        outsider = self.env["hr.employee"].create(
            {"name": "Other team", "parent_id": self.manager.id}
        )
        _review, proposed = self.proposed(self.engineer)
        # Not the trainee he leads, not the manager's report of another department.
        self.assertEqual(proposed, {(self.manager, "superior"), (self.colleague, "peers")})
        self.assertNotIn((outsider, "peers"), proposed)

    def test_the_department_head_by_superior_and_subordinates(self):
        boss = self.env["hr.employee"].create({"name": "Plant Manager"})
        self.head.write({"parent_id": boss.id, "department_id": self.department.id})
        peer = self.env["hr.employee"].create({"name": "Other head", "parent_id": boss.id})
        _review, proposed = self.proposed(self.head)
        self.assertEqual(proposed, {(boss, "superior"), (self.manager, "subordinates")})
        self.assertNotIn((peer, "peers"), proposed)

    def test_self_assessment_with_its_own_weight(self):
        plan = self.env.ref("hr_technical_grade.review_plan_quarterly")
        self.assertEqual(plan.weight_self, 0)
        _review, proposed = self.proposed(self.engineer)
        self.assertNotIn((self.engineer, "self"), proposed)
        plan.weight_self = 20
        review, proposed = self.proposed(self.colleague)
        self.assertIn((self.colleague, "self"), proposed)
        scores = {self.manager: 80, self.engineer: 70, self.colleague: 100}
        for reviewer in review.sudo().reviewer_ids:
            reviewer.sudo().write({"score": scores[reviewer.reviewer_id], "state": "done"})
        # reviewers: 60 × 80 + 40 × 70 = 76; with the self-assessment at 20 %:
        # 80 % × 76 + 20 % × 100 = 80.8
        self.assertEqual(review.final_score, 80.8)

    def test_hr_edits_the_proposal_while_open(self):
        review, _proposed = self.proposed(self.engineer)
        hr_review = review.with_user(self.hr_officer)
        peer = hr_review.reviewer_ids.filtered(lambda r: r.role == "peers")
        hr_review.write(
            {
                "reviewer_ids": [
                    Command.unlink(peer.id),
                    Command.create(
                        {"reviewer_id": self.trainee_employee.id, "role": "subordinates"}
                    ),
                ]
            }
        )
        self.assertEqual(
            {(r.reviewer_id, r.role) for r in review.sudo().reviewer_ids},
            {(self.manager, "superior"), (self.trainee_employee, "subordinates")},
        )
