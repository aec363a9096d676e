# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo.fields import Command

from .common import TechnicalGradeCase


class ReviewCase(TechnicalGradeCase):
    """A team for reviews: head ▸ manager ▸ engineer and colleague ▸ trainee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls.user

        cls.engineer_user = user("tg_rv_engineer", "hr_technical_grade.group_technical_grade_user")
        cls.colleague_user = user(
            "tg_rv_colleague", "hr_technical_grade.group_technical_grade_user"
        )
        cls.trainee_user = user("tg_rv_trainee")
        cls.manager_user = user("tg_rv_manager", "hr_technical_grade.group_technical_grade_manager")
        cls.head_user = user("tg_rv_head", "hr_technical_grade.group_technical_grade_manager")
        cls.plant_user = user("tg_rv_plant")
        cls.gm_user = user("tg_rv_gm")
        Employee = cls.env["hr.employee"]
        cls.head = Employee.create({"name": "Head", "user_id": cls.head_user.id})
        cls.department.manager_id = cls.head
        cls.manager = Employee.create(
            {
                "name": "Manager",
                "user_id": cls.manager_user.id,
                "parent_id": cls.head.id,
                "department_id": cls.department.id,
            }
        )
        cls.engineer.write({"user_id": cls.engineer_user.id, "parent_id": cls.manager.id})
        cls.colleague.write({"user_id": cls.colleague_user.id, "parent_id": cls.manager.id})
        cls.trainee_employee = Employee.create(
            {
                "name": "Trainee",
                "user_id": cls.trainee_user.id,
                "parent_id": cls.engineer.id,
                "department_id": cls.department.id,
            }
        )
        ref = cls.env.ref
        ref("hr_technical_grade.review_step_plant_manager").user_ids = cls.plant_user
        ref("hr_technical_grade.review_step_general_manager").user_ids = cls.gm_user
        # Only our officer decides the HR step in these tests.
        ref("hr_technical_grade.review_step_hr").write(
            {"approver_type": "users", "user_ids": [(6, 0, cls.hr_officer.ids)]}
        )
        # A company's blend of the seed parts: 50 % KPI (from a starting score of
        # 80), 20 % results form, 30 % 360°.
        cls.plan = ref("hr_technical_grade.review_plan_monthly").copy(
            {
                "name": "Blended monthly review",
                "kpi_use_start": True,
                "kpi_start_score": 80,
                "weight_kpi": 50,
                "weight_results": 20,
                "weight_360": 30,
            }
        )
        cls.record(cls.engineer, cls.intermediate, "2024-01-01")
        cls.record(cls.colleague, cls.junior, "2024-01-01")

    def open_review(self, employee=None, day=date(2026, 1, 15), plan=None):
        """Open a review; on the engineer's, HR adds the trainee as a subordinate.

        The engineer is staff: the seed proposes his superior and his peers.
        HR adds the trainee he leads, so that the tests see all three groups.
        """
        employee = employee or self.engineer
        review = (plan or self.plan).with_user(self.hr_officer)._open_reviews(employee, day)
        if employee == self.engineer and review.plan_id.weight_360 > 0:
            review.with_user(self.hr_officer).write(
                {
                    "reviewer_ids": [
                        Command.create(
                            {"reviewer_id": self.trainee_employee.id, "role": "subordinates"}
                        )
                    ]
                }
            )
        return review

    def run_review_opening_cron(self, batch_size=200):
        """Run the review opening cron until its queue is empty, as Odoo's cron
        engine would (one call per batch; the engine commits between)."""
        Plan = self.env["hr.technical.grade.review.plan"]
        for _batch in range(1000):
            Plan._cron_open_review_batches(batch_size)
            if not Plan.with_context(active_test=False).search_count([("is_opening", "=", True)]):
                return
        raise AssertionError("the review opening cron does not finish")

    def kpi_line(self, review, xmlid):
        kpi = self.env.ref(f"hr_technical_grade.{xmlid}")
        return review.line_ids.filtered(lambda line: line.kpi_id == kpi)

    def score_all(self, review, score):
        for reviewer in review.sudo().reviewer_ids:
            line = reviewer.with_user(reviewer.user_id)
            line.write({"score": score})
            line.action_submit_score()

    def finish(self, review, results=50, reviewers=50):
        review.with_user(self.manager_user).write({"results_score": results, "kpi_checked": True})
        self.score_all(review, reviewers)
        review.with_user(self.manager_user).action_submit()
        for user in (self.manager_user, self.hr_officer, self.plant_user, self.gm_user):
            review.with_user(user).action_approve()
        return review
