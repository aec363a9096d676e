# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .review_common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewKpiSheet(ReviewCase):
    """The shipped KPI sheet of seed 000, on the shipped monthly plan."""

    def setUp(self):
        super().setUp()
        self.monthly = self.env.ref("hr_technical_grade.review_plan_monthly")

    def open_monthly(self, employee=None):
        return self.monthly.with_user(self.hr_officer)._open_reviews(
            employee or self.engineer, date(2026, 3, 1)
        )

    def write_entry(self, review, xmlid, **vals):
        vals.setdefault("evidence", "Dispatch orders")
        self.kpi_line(review.with_user(self.manager_user), xmlid).write(vals)
        return self.kpi_line(review, xmlid)

    def test_seed_examples_on_the_shipped_sheet(self):
        review = self.open_monthly()
        self.assertEqual(self.write_entry(review, "kpi_coordination", occurrences=3).adjustment, 30)
        self.assertEqual(
            self.write_entry(review, "kpi_maintenance_contracts", amount=50000).adjustment, 5
        )
        self.assertEqual(
            self.write_entry(review, "kpi_work_summary", occurrences=3).adjustment, -10
        )
        # Full marks 5 + 10 + 20 = 35, then +30 +5 -10
        self.assertEqual(review.kpi_score, 60)

    def test_kpi_total_keeps_bonuses_unless_the_company_sets_a_ceiling(self):
        review = self.open_monthly()
        self.write_entry(review, "kpi_commissioning_report", occurrences=10)
        self.assertEqual(review.kpi_score, 135)
        self.company.technical_grade_kpi_ceiling = 100
        self.assertEqual(review.kpi_score, 100)

    def test_the_monthly_plan_is_the_kpi_sheet_alone(self):
        review = self.open_monthly()
        self.assertFalse(review.sudo().reviewer_ids, "no 360° expected")
        self.assertEqual(
            (review.weight_kpi_applied, review.weight_results_applied, review.weight_360_applied),
            (100, 0, 0),
        )
        self.assertFalse(review.band)
        review.with_user(self.manager_user).kpi_checked = True
        self.assertEqual(review.final_score, 35)
        self.assertEqual(review.band, "fail")

    def test_satisfaction_survey_and_complaints_are_two_items(self):
        review = self.open_monthly()
        survey = self.write_entry(review, "kpi_satisfaction_survey", occurrences=1)
        complaints = self.write_entry(review, "kpi_complaint", occurrences=2)
        self.assertEqual((survey.adjustment, complaints.adjustment), (-5, -10))
        self.assertNotEqual(survey.kpi_id.data_source, complaints.kpi_id.data_source)

    def test_leadership_tasks_are_a_bonus_without_ceiling(self):
        review = self.open_monthly()
        line = self.kpi_line(review.with_user(self.manager_user), "kpi_leadership_tasks")
        self.assertFalse(line.kpi_id.evidence_required, "the leader's opinion is the evidence")
        with self.assertRefused(ValidationError, "opinion"):
            line.value = 15
        line.write({"value": 15, "comment": "Took over the Wuxi site alone."})
        self.assertEqual(review.kpi_score, 50)

    def test_service_targets_per_grade_without_points(self):
        engineer = self.open_monthly()  # intermediate
        colleague = self.open_monthly(self.colleague)  # junior
        targets = "hr_technical_grade.kpi_category_service_targets"
        category = self.env.ref(targets)

        def names(review):
            lines = review.line_ids.filtered(lambda line: line.category_id == category)
            return set(lines.kpi_id.get_external_id().values())

        common = {
            "hr_technical_grade.kpi_resolution_rate",
            "hr_technical_grade.kpi_satisfaction_rate",
        }
        self.assertEqual(
            names(engineer),
            common
            | {"hr_technical_grade.kpi_complex_48h", "hr_technical_grade.kpi_solution_success"},
        )
        self.assertEqual(names(colleague), common | {"hr_technical_grade.kpi_response_24h"})
        success = self.write_entry(engineer, "kpi_solution_success", measured=79)
        self.assertFalse(success.target_met)
        self.assertEqual(success.adjustment, 0)
        success = self.write_entry(engineer, "kpi_solution_success", measured=80)
        self.assertTrue(success.target_met)
        late = self.write_entry(engineer, "kpi_complex_48h", measured=50)
        self.assertFalse(late.target_met)
        self.assertEqual(engineer.kpi_score, 35, "targets add or take no points")

    def test_categories_carry_no_weight(self):
        self.assertNotIn("weight", self.env["hr.technical.grade.kpi.category"]._fields)

    def test_the_requirements_of_each_grade_are_the_seeds(self):
        """Seed 000 (任职等级及要求): what each grade's engineer is expected to do."""
        expected = {
            self.junior: ("24 hours", "asks for help"),
            self.intermediate: ("48 hours", "80 %", "mentors the junior engineers"),
            self.senior: ("two suggestions a month", "trains new staff"),
            self.expert: ("technical adviser",),
        }
        for grade, phrases in expected.items():
            for phrase in phrases:
                self.assertIn(phrase, grade.description, grade.name)
