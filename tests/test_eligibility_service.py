# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""One batched eligibility service on the employee (issue 14): the evaluation,
the campaign and My Technical Grade ask it and word each problem alike."""

from datetime import timedelta

from odoo.tests import tagged

from .common import CampaignCase


@tagged("post_install", "-at_install")
class TestEligibilityService(CampaignCase):
    def test_the_three_screens_word_a_problem_alike(self):
        """The colleague, a trainee for a month, is refused for the same
        reason by the campaign, his own request and My Technical Grade."""
        self.colleague.user_id = self.env["res.users"].create(
            {"name": "Eligibility Colleague", "login": "tg_eligibility_colleague"}
        )
        day = self.today
        _standing, target, problems = self.colleague._technical_grade_eligibility(day)[
            self.colleague.id
        ]
        self.assertEqual(target, self.junior)
        service = [text for _problem, text in problems]
        self.assertTrue(service)
        self.assertIn("months in the current grade are required", service[0])
        request = self.env["hr.technical.grade.evaluation"].new(
            {"employee_id": self.colleague.id, "kind": "promotion", "target_grade_id": target.id}
        )
        self.assertEqual([text for _p, text in request._eligibility_check(day)], service)
        public = self.env["hr.employee.public"].with_user(self.colleague.user_id)
        public = public.browse(self.colleague.id)
        self.assertEqual(public.my_promotion_problems, "\n".join(service))
        campaign = self.open_campaign(date_to=day, date_from=day - timedelta(days=30))
        reason = campaign.skipped_ids.filtered(lambda s: s.employee_id == self.colleague).reason
        self.assertEqual(reason, "; ".join(service))

    def test_one_grade_at_a_time_and_the_top_of_the_ladder(self):
        answers = (self.engineer | self.top | self.ungraded)._technical_grade_eligibility(
            self.today, targets={self.engineer.id: self.senior}
        )
        codes = {
            employee: [problem.code for problem, _text in answers[employee.id][2]]
            for employee in (self.engineer, self.top, self.ungraded)
        }
        self.assertEqual(codes[self.engineer], ["not_one_up"])
        self.assertEqual(codes[self.top], ["top_of_ladder"])
        self.assertEqual(codes[self.ungraded], ["not_graded"])
        self.assertFalse(answers[self.top.id][1], "no grade above the top")

    def test_the_evaluations_are_checked_in_one_batch(self):
        """The eligibility of a list of evaluations costs the same queries for
        2 evaluations as for 6: the service reads all standings together."""
        Evaluation = self.env["hr.technical.grade.evaluation"]
        Employee = self.env["hr.employee"]

        def evaluations(count):
            employees = Employee.create(
                [
                    {
                        "name": f"Batch candidate {count}-{i}",
                        "department_id": self.department.id,
                        "technical_experience_date": self.today - timedelta(days=10 * 366),
                    }
                    for i in range(count)
                ]
            )
            self.History._record_grade_change(
                [
                    {
                        "employee_id": employee.id,
                        "grade_id": self.junior.id,
                        "date_from": self.today - timedelta(days=4 * 366),
                        "change_type": "initial",
                        "reason": "batch",
                    }
                    for employee in employees
                ]
            )
            return Evaluation.create(
                [
                    {
                        "employee_id": e.id,
                        "kind": "promotion",
                        "target_grade_id": self.intermediate.id,
                    }
                    for e in employees
                ]
            )

        def queries(records):
            self.env.invalidate_all()
            records = records.with_user(self.hr_officer)
            before = self.env.cr.sql_log_count
            records.mapped("eligible")
            return self.env.cr.sql_log_count - before

        few, many = evaluations(2), evaluations(6)
        queries(few)  # caches of the ladder and the company warmed up
        self.assertEqual(queries(many), queries(few))
        self.assertTrue(all(many.mapped("eligible")))
