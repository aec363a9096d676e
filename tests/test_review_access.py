# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewAccess(ReviewCase):
    """The employee sees the result, never who scored what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review = cls.plan.with_user(cls.hr_officer)._open_reviews(
            cls.engineer, cls.env.ref("base.main_company").create_date.date()
        )
        scores = {cls.manager: 90, cls.colleague: 40, cls.trainee_employee: 70}
        for reviewer in cls.review.sudo().reviewer_ids:
            line = reviewer.with_user(reviewer.user_id)
            line.write({"score": scores[reviewer.reviewer_id]})
            line.action_submit_score()
        cls.review.with_user(cls.manager_user).write({"results_score": 80, "kpi_checked": True})

    def test_engineer_sees_the_result_not_the_reviewers(self):
        review = self.review.with_user(self.engineer_user)
        # Open, the review is not the engineer's to read: its scores would show
        # each reviewer's as they submit it (see test_security_review).
        with self.assertRaises(AccessError):
            review.read(["score_360"])
        self.review.with_user(self.manager_user).action_submit()
        for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
            self.review.with_user(user).action_approve()
        # staff: the superior 60 %, the peer 40 % (seed 003)
        self.assertAlmostEqual(review.score_360, 54 + 16)
        review.read(["final_score", "band"])
        with self.assertRaises(AccessError):
            review.read(["reviewer_ids"])
        with self.assertRaises(AccessError):
            review.read(["peers_score"])
        Reviewer = self.env["hr.technical.grade.review.reviewer"].with_user(self.engineer_user)
        self.assertFalse(Reviewer.search([("review_id", "=", self.review.id)]))

    def test_reviewers_see_only_their_own_score(self):
        Reviewer = self.env["hr.technical.grade.review.reviewer"].with_user(self.colleague_user)
        mine = Reviewer.search([])
        self.assertEqual(mine.reviewer_id, self.colleague)
        self.assertEqual(mine.score, 40)
        others = self.review.sudo().reviewer_ids - mine
        with self.assertRaises(AccessError):
            others.with_user(self.colleague_user).read(["score"])
        with self.assertRaises(AccessError):
            self.review.with_user(self.colleague_user).read(["final_score"])

    def test_superior_reads_the_team_review_but_not_the_scores_of_others(self):
        review = self.review.with_user(self.manager_user)
        review.read(["final_score", "score_360"])
        with self.assertRaises(AccessError):
            review.read(["reviewer_ids"])
        Reviewer = self.env["hr.technical.grade.review.reviewer"].with_user(self.manager_user)
        self.assertEqual(Reviewer.search([]).reviewer_id, self.manager)

    def test_scored_reviewer_cannot_change_their_score(self):
        mine = self.review.sudo().reviewer_ids.filtered(lambda r: r.user_id == self.colleague_user)
        with self.assertRaises(AccessError):
            mine.with_user(self.colleague_user).write({"score": 100})

    def test_engineer_cannot_edit_or_open_reviews(self):
        with self.assertRaises(AccessError):
            self.review.with_user(self.engineer_user).write({"results_score": 100})
        with self.assertRaises(AccessError):
            self.env["hr.technical.grade.review"].with_user(self.manager_user).create(
                {
                    "plan_id": self.plan.id,
                    "employee_id": self.colleague.id,
                    "period_start": "2026-01-01",
                    "period_end": "2026-01-31",
                }
            )

    def test_other_team_and_other_company_see_nothing(self):
        outsider = self.user("tg_rv_outsider", "hr_technical_grade.group_technical_grade_manager")
        Review = self.env["hr.technical.grade.review"].with_user(outsider)
        self.assertFalse(Review.search([("id", "=", self.review.id)]))
        other = self.env["res.company"].create({"name": "Other Co"})
        officer = new_test_user(
            self.env,
            login="tg_rv_other_officer",
            groups="base.group_user,hr_technical_grade.group_technical_grade_officer",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        Review = self.env["hr.technical.grade.review"].with_user(officer)
        self.assertFalse(Review.search([("id", "=", self.review.id)]))
        Plan = self.env["hr.technical.grade.review.plan"].with_user(officer)
        self.assertFalse(Plan.search([("id", "=", self.plan.id)]))
        kpi = self.env.ref("hr_technical_grade.kpi_complaint")
        self.assertEqual(
            self.env["hr.technical.grade.kpi"].with_user(officer).browse(kpi.id).name, kpi.name
        )

    def test_forms_open_for_each_role(self):
        """What the web client reads to show the review form, for each role."""
        finished = self.finish(self.open_review(day=self.review.period_start.replace(year=2030)))
        Review = self.env["hr.technical.grade.review"]
        for user in (self.engineer_user, self.manager_user, self.hr_officer, self.gm_user):
            views = Review.with_user(user).get_views([(False, "form"), (False, "list")])
            for view_type in ("form", "list"):
                fields = views["models"]["hr.technical.grade.review"]["fields"]
                names = [
                    name
                    for name in fields
                    if name in Review._fields and Review._fields[name].type != "one2many"
                ]
                records = Review.with_user(user).browse(finished.id)
                records.web_read({name: {} for name in names})
                self.assertTrue(views["views"][view_type]["arch"])
        Reviewer = self.env["hr.technical.grade.review.reviewer"].with_user(self.colleague_user)
        Reviewer.get_views([(False, "form"), (False, "list")])
        Reviewer.search([]).web_read({"reviewed_employee_id": {"fields": {"display_name": {}}}})
