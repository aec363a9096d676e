# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TechnicalGradeCase

MY_FIELDS = [
    "my_grade_id",
    "my_grade_date",
    "my_next_grade_id",
    "my_months_in_grade",
    "my_required_months",
    "my_experience_years",
    "my_promotion_problems",
    "my_can_apply",
    "my_history_ids",
    "my_evaluation_ids",
    "my_review_ids",
    "my_recent_result",
    "my_has_review",
]


@tagged("post_install", "-at_install")
class TestSelfService(TechnicalGradeCase):
    """ "My technical grade": an engineer without HR rights sees and applies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer_user = cls.user(
            "tg_self_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.colleague_user = cls.user(
            "tg_self_colleague", "hr_technical_grade.group_technical_grade_user"
        )
        cls.engineer.user_id = cls.engineer_user
        cls.colleague.user_id = cls.colleague_user
        today = date.today()
        cls.since = today - timedelta(days=400)
        cls.record(cls.engineer, cls.trainee, cls.since)
        cls.record(cls.colleague, cls.senior, today - timedelta(days=30))
        cls.engineer.technical_experience_date = today - timedelta(days=3 * 366)

    def page(self, user, employee):
        public = self.env["hr.employee.public"].with_user(user).browse(employee.id)
        return public.web_read({name: {} for name in MY_FIELDS})[0], public

    def test_engineer_opens_their_own_grade(self):
        # The menu's server action runs for an engineer, who may not write employees.
        menu_action = self.env.ref("hr_technical_grade.action_my_technical_grade")
        action = menu_action.with_user(self.engineer_user).run()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("hr.employee.public", self.engineer.id)
        )
        values, _public = self.page(self.engineer_user, self.engineer)
        self.assertEqual(values["my_grade_id"], self.trainee.id)
        self.assertFalse(values["my_has_review"], "the page says: no review yet")
        self.assertEqual(values["my_grade_date"], self.since)
        self.assertEqual(values["my_next_grade_id"], self.junior.id)
        self.assertEqual(values["my_months_in_grade"], 13)
        self.assertEqual(values["my_experience_years"], 3)
        self.assertEqual(len(values["my_history_ids"]), 1)
        # No HR rights were needed, and none were given.
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.engineer_user).browse(self.colleague.id).read(
                ["technical_grade_id"]
            )

    def test_a_colleague_grade_stays_private(self):
        values, _public = self.page(self.engineer_user, self.colleague)
        self.assertFalse(values["my_grade_id"])
        self.assertFalse(values["my_history_ids"])
        self.assertFalse(values["my_can_apply"])

    def test_apply_for_promotion_when_eligible(self):
        values, public = self.page(self.engineer_user, self.engineer)
        self.assertTrue(values["my_can_apply"])
        action = public.action_apply_for_promotion()
        evaluation = self.env["hr.technical.grade.evaluation"].browse(action["res_id"])
        self.assertEqual(
            (evaluation.employee_id, evaluation.kind, evaluation.target_grade_id, evaluation.state),
            (self.engineer, "promotion", self.junior, "draft"),
        )
        # One open request at a time.
        public.invalidate_recordset()
        self.assertFalse(public.my_can_apply)
        self.assertEqual(public.my_evaluation_ids, evaluation)
        with self.assertRefused(UserError, "cannot apply now"):
            public.action_apply_for_promotion()

    def test_what_is_missing_is_said(self):
        self.junior.min_months_in_previous = 24
        values, public = self.page(self.engineer_user, self.engineer)
        self.assertFalse(values["my_can_apply"])
        self.assertEqual(values["my_required_months"], 24)
        self.assertIn("24 months", values["my_promotion_problems"])
        with self.assertRefused(UserError, "24 months"):
            public.action_apply_for_promotion()

    def test_nobody_applies_for_a_colleague(self):
        _values, public = self.page(self.engineer_user, self.colleague)
        with self.assertRefused(UserError, "your own promotion"):
            public.action_apply_for_promotion()
