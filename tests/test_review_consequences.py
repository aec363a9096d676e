# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewConsequences(ReviewCase):
    """Demotion proposals, the lowest of a department, appeals, yearly results."""

    def failed(self, day, employee=None):
        review = self.open_review(employee, day)
        self.kpi_line(review.with_user(self.manager_user), "kpi_complaint").write(
            {"occurrences": 20, "evidence": "Complaint record"}
        )
        return self.finish(review, results=10, reviewers=10)

    def demotions(self, employee=None):
        return self.env["hr.technical.grade.evaluation"].search(
            [("employee_id", "=", (employee or self.engineer).id), ("kind", "=", "demotion")]
        )

    def test_two_consecutive_failures_make_one_proposal(self):
        january = self.failed(date(2026, 1, 10))
        self.assertEqual(january.band, "fail")
        february = self.failed(date(2026, 2, 10))
        proposal = self.demotions()
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.state, "draft")
        self.assertEqual(proposal.demotion_reason, "failed_reviews")
        self.assertEqual(proposal.target_grade_id, self.junior)
        self.assertEqual(proposal.review_ids, january | february)
        (january | february)._apply_consequences()
        self.assertEqual(len(self.demotions()), 1, "recomputing creates no duplicate")

    def test_failures_below_the_pass_mark_only_count_twice(self):
        self.company.technical_grade_review_pass_mark = 75
        first = self.open_review(day=date(2026, 3, 1))
        second = self.open_review(day=date(2026, 4, 1))
        for review in (first, second):
            # 50 % × 80 + 20 % × 70 + 30 % × 60 = 72: band 中, below the pass mark
            self.finish(review, results=70, reviewers=60)
            self.assertEqual(review.band, "average")
            self.assertTrue(review.failed)
        proposal = self.demotions()
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.review_ids, first | second)

    def test_failures_with_a_gap_propose_per_review_only(self):
        self.company.technical_grade_review_pass_mark = 75
        for day in (date(2026, 3, 1), date(2026, 5, 1)):
            self.finish(self.open_review(day=day), results=70, reviewers=60)
        self.assertFalse(self.demotions())

    def test_lowest_of_the_department_for_the_hr_decision(self):
        day = date(2026, 6, 1)
        low = self.finish(self.open_review(self.colleague, day), results=60, reviewers=60)
        self.finish(self.open_review(self.engineer, day), results=90, reviewers=90)
        lowest = self.env["hr.technical.grade.review"]._lowest_in_departments(
            [("period_start", "=", day)]
        )
        self.assertEqual(lowest, low)
        low.with_user(self.hr_officer).write(
            {"hr_decision": "training", "hr_decision_note": "Three days of stand-by training"}
        )
        self.assertEqual(low.hr_decision, "training")
        with self.assertRefused(AccessError, "HR's"):
            low.with_user(self.manager_user).write({"hr_decision": "dismiss"})

    def test_appeal_changes_the_result(self):
        review = self.failed(date(2026, 1, 10))
        self.assertEqual(review.band, "fail")
        with self.assertRefused(AccessError, "reviewed employee"):
            review.with_user(self.colleague_user).action_appeal("Not mine")
        review.with_user(self.engineer_user).action_appeal("The complaints were not valid.")
        self.assertEqual(review.appeal_state, "open")
        appeal_type = self.env.ref("hr_technical_grade.mail_activity_review_appeal")
        handlers = review.activity_ids.filtered(lambda a: a.activity_type_id == appeal_type)
        self.assertEqual(handlers.user_id, self.manager_user | self.head_user)
        review.with_user(self.manager_user).appeal_handling = "Two complaints were withdrawn."
        with self.assertRefused(AccessError, "HR's"):
            review.with_user(self.manager_user).results_score = 100
        with self.assertRefused(AccessError, "two levels up"):
            review.with_user(self.manager_user).action_appeal_decide("No", 80)
        review.with_user(self.head_user).action_appeal_decide("Complaints withdrawn.", 81)
        self.assertEqual(review.final_score, 81)
        self.assertEqual(review.band, "good")
        self.assertEqual(review.appeal_state, "decided")
        self.assertTrue(
            review.message_ids.filtered(lambda m: "becomes 81" in (m.body or "")),
            "the change is logged",
        )
        with self.assertRefused(UserError, "once"):
            review.with_user(self.engineer_user).action_appeal("Again")
        # Probe AP13: several reviews at once get a clear error, not a raw ValueError.
        with self.assertRefused(UserError, "one review at a time"):
            (review | self.failed(date(2026, 2, 10))).with_user(self.hr_officer).action_appeal("x")

    def test_the_plant_affairs_office_handles_appeals(self):
        """Seed 003, 第6条: the plant affairs office (厂务部) handles the appeals."""
        plain = self.env["res.users"].create({"name": "Not HR", "login": "tg_rv_not_hr"})
        with self.assertRefused(ValidationError, "officer rights"):
            self.company.technical_grade_plant_affairs_user_ids = plain
        self.company.technical_grade_plant_affairs_user_ids = self.hr_officer
        review = self.failed(date(2026, 1, 10))
        review.with_user(self.engineer_user).action_appeal("The complaints were not valid.")
        appeal_type = self.env.ref("hr_technical_grade.mail_activity_review_appeal")
        handlers = review.activity_ids.filtered(lambda a: a.activity_type_id == appeal_type)
        self.assertEqual(handlers.user_id, self.manager_user | self.head_user | self.hr_officer)
        review.with_user(self.hr_officer).appeal_handling = "Heard both sides."
        self.assertEqual(review.appeal_handling, "Heard both sides.")

    def test_appeal_period_ends(self):
        review = self.failed(date(2026, 1, 10))
        review.sudo().done_date = date(2020, 1, 1)
        self.assertFalse(review.appeal_deadline, "no time limit by default (the seeds set none)")
        self.company.technical_grade_appeal_days = 7
        self.assertEqual(review.appeal_deadline, date(2020, 1, 8))
        with self.assertRefused(UserError, "appeal period ended"):
            review.with_user(self.engineer_user).action_appeal("Too late")

    def test_yearly_result_is_the_mean_of_the_periods(self):
        reviews = self.env["hr.technical.grade.review"]
        for month, results in ((1, 90), (4, 70), (7, 100)):
            reviews |= self.finish(
                self.open_review(day=date(2026, month, 1)), results=results, reviewers=80
            )
        # 50 % × 80 + 20 % × results + 30 % × 80: 82, 78, 84
        self.assertEqual(reviews.mapped("final_score"), [82, 78, 84])
        self.assertEqual(set(reviews.mapped("year_score")), {81.33})
        self.assertEqual(set(reviews.mapped("year_band")), {"good"})
        later = self.open_review(day=date(2026, 10, 1))
        self.assertEqual(later.year_score, 81.33, "open reviews do not count yet")
        self.assertFalse(self.open_review(day=date(2027, 1, 1)).year_band)

    def test_appeal_through_the_wizard(self):
        review = self.failed(date(2026, 2, 10))
        Wizard = self.env["hr.technical.grade.review.appeal.wizard"]
        Wizard.with_user(self.engineer_user).create(
            {"review_id": review.id, "mode": "appeal", "text": "Wrong complaint count"}
        ).action_confirm()
        Wizard.with_user(self.head_user).create(
            {
                "review_id": review.id,
                "mode": "decide",
                "text": "The count stands.",
                "change_score": False,
                "new_score": 99,
            }
        ).action_confirm()
        self.assertEqual(review.appeal_state, "decided")
        self.assertFalse(review.score_overridden)
        self.assertEqual(review.band, "fail")
