# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewDimensions(ReviewCase):
    """Seed 003 第3条: the results form assesses the staff's individual results
    and attitude, the department head's department goals, operating results
    and management results; each scored by the superior."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quarterly = cls.env.ref("hr_technical_grade.review_plan_quarterly").copy(
            {"name": "Results form only", "weight_results": 100, "weight_360": 0}
        )

    def score(self, review, user, scores):
        lines = review.results_line_ids
        review.with_user(user).write(
            {
                "results_line_ids": [
                    Command.update(line.id, {"score": score})
                    for line, score in zip(lines, scores, strict=False)
                ]
            }
        )

    def test_staff_are_scored_on_results_and_attitude(self):
        review = self.open_review(plan=self.quarterly, day=date(2026, 10, 1))
        self.assertEqual(
            review.results_line_ids.mapped("name"), ["Individual results", "Work attitude"]
        )
        self.score(review, self.manager_user, [90])
        # One dimension is not scored: the results form is missing, not 0.
        self.assertFalse(review.results_scored)
        self.assertEqual(review.missing_parts, "results form")
        self.score(review, self.manager_user, [90, 70])
        # 60 % × 90 + 40 % × 70
        self.assertTrue(review.results_scored)
        self.assertEqual(review.results_score, 82)
        self.assertEqual(review.final_score, 82)
        self.assertEqual(review.band, "good")

    def test_the_head_is_scored_on_the_departments_results(self):
        self.head.department_id = self.department
        review = self.open_review(employee=self.head, plan=self.quarterly, day=date(2026, 10, 1))
        self.assertEqual(
            review.results_line_ids.mapped("name"),
            ["Department goals", "Department operating results", "Management results"],
        )
        self.assertEqual(review.results_line_ids.mapped("weight"), [40, 30, 30])

    def test_no_single_score_by_hand_with_dimensions(self):
        review = self.open_review(plan=self.quarterly, day=date(2026, 10, 1))
        with self.assertRaises(UserError):
            review.with_user(self.manager_user).write({"results_score": 100})
        self.assertFalse(review.results_scored)

    def test_only_the_superior_scores_the_dimensions(self):
        review = self.open_review(plan=self.quarterly, day=date(2026, 10, 1))
        line = review.results_line_ids[0]
        for user in (self.engineer_user, self.colleague_user):
            with self.assertRaises(AccessError):
                line.with_user(user).write({"score": 100})
        with self.assertRaises(AccessError):
            line.with_user(self.manager_user).write({"weight": 100})
        with self.assertRaises(AccessError):
            self.env["hr.technical.grade.review.result"].with_user(self.manager_user).create(
                {"review_id": review.id, "score": 100}
            )
        self.assertFalse(line.scored)

    def test_dimensions_of_an_audience_weigh_100(self):
        staff = self.quarterly.results_dimension_ids.filtered(lambda d: d.audience == "staff")
        with self.assertRaises(ValidationError):
            self.quarterly.write(
                {"results_dimension_ids": [Command.update(staff[0].id, {"weight": 10})]}
            )

    def test_dimensions_written_one_by_one_weigh_100_too(self):
        """Probe 2026-12: HR wrote a dimension directly and the audience weighed 105 %."""
        Dimension = self.env["hr.technical.grade.review.dimension"].with_user(self.hr_officer)
        staff = self.quarterly.results_dimension_ids.filtered(lambda d: d.audience == "staff")
        weights = staff.mapped("weight")
        with self.assertRefused(ValidationError, "not 100"):
            staff[0].with_user(self.hr_officer).write({"weight": staff[0].weight + 5})
        with self.assertRefused(ValidationError, "not 100"):
            Dimension.create(
                {"plan_id": self.quarterly.id, "name": "Extra", "audience": "staff", "weight": 5}
            )
        with self.assertRefused(ValidationError, "not 100"):
            staff[0].with_user(self.hr_officer).unlink()
        self.assertEqual(staff.exists().mapped("weight"), weights)
        # A plan form still moves weight between its dimensions in one save.
        self.quarterly.with_user(self.hr_officer).write(
            {
                "results_dimension_ids": [
                    Command.update(staff[0].id, {"weight": weights[0] - 10}),
                    Command.update(staff[1].id, {"weight": weights[1] + 10}),
                ]
            }
        )
        self.assertEqual(sum(staff.mapped("weight")), 100)
