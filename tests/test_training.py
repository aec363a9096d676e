# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""New staff of a ladder with a training period are graded when it ends; the
experienced may ask for an early confirmation (seed 000, 新员工考核)."""

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import NewStaffMixin, TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestTraining(NewStaffMixin, TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.ladder = cls.env.ref("hr_technical_grade.ladder_technical_sequence")
        cls.ladder.action_turn_on()
        cls.workshop = cls.env["hr.department"].create({"name": "Test Workshop"})
        cls.bay = cls.env["hr.department"].create(
            {"name": "Test Bay", "parent_id": cls.workshop.id}
        )
        cls.ladder.write(
            {
                "department_ids": [(6, 0, cls.workshop.ids)],
                "training_months": 2,
                "early_confirmation_months": 1,
                "early_confirmation_years": 1,
            }
        )
        cls.first = cls.ladder._first_grade()
        cls.responsible = cls.user(
            "tg_training_hr", "base.group_user,hr_technical_grade.group_technical_grade_officer"
        )
        cls.hire_user = cls.user("tg_training_hire")
        cls.hire = cls.env["hr.employee"].create(
            {
                "name": "Workshop Hire",
                "department_id": cls.bay.id,
                "user_id": cls.hire_user.id,
                "technical_experience_date": cls.today - relativedelta(years=3),
            }
        )

    def page(self, employee, user):
        return self.env["hr.employee.public"].with_user(user).browse(employee.id)

    def test_the_initial_grading_is_due_when_the_two_months_of_training_end(self):
        # 为期2个月的业务技能培训: the trial date of the contract plays no part.
        start = self.today - relativedelta(months=2)
        contract = self.contract(self.hire, start, trial_end=self.today + relativedelta(days=30))
        self.contract(
            self.env["hr.employee"].create({"name": "Later Hire", "department_id": self.bay.id}),
            start + relativedelta(days=1),
        )
        self.env["hr.contract"]._cron_prepare_initial_gradings()
        evaluation = self.initial(self.hire)
        self.assertEqual(
            (evaluation.initial_reason, evaluation.initial_due_date, evaluation.target_grade_id),
            ("training", self.today, self.first),
        )
        self.assertEqual(evaluation.contract_id, contract)
        activity = evaluation.activity_ids.filtered(lambda a: a.user_id == self.responsible)
        self.assertEqual(activity.date_deadline, self.today)
        # The later hire's training ends tomorrow: nothing yet.
        later = self.env["hr.employee"].search([("name", "=", "Later Hire")])
        self.assertFalse(self.initial(later))
        # Every day after: nothing more.
        self.env["hr.contract"]._cron_prepare_initial_gradings()
        self.assertEqual(self.initial(self.hire), evaluation)

    def test_a_transferee_is_graded_at_the_end_of_the_trial_not_of_a_training(self):
        transferee = self.env["hr.employee"].create(
            {"name": "Transferee", "department_id": self.bay.id}
        )
        self.contract(
            transferee,
            self.today - relativedelta(years=2),
            state="close",
            end=self.today - relativedelta(months=3),
        )
        current = self.contract(
            transferee,
            self.today - relativedelta(months=2),
            trial_end=self.today + relativedelta(days=5),
        )
        self.env["hr.contract"]._cron_prepare_initial_gradings()
        self.assertFalse(self.initial(transferee))
        current.trial_date_end = self.today
        self.env["hr.contract"]._cron_prepare_initial_gradings()
        self.assertEqual(self.initial(transferee).initial_reason, "transfer")
        # And a transferee asks for no early confirmation.
        self.assertFalse(self.page(transferee, self.env.user).my_training_end)

    def test_experienced_new_staff_ask_for_an_early_confirmation_after_a_month(self):
        # 有1年以上经验的售后人员可在1个月时申请提前转正考核.
        contract = self.contract(self.hire, self.today - relativedelta(months=1))
        page = self.page(self.hire, self.hire_user)
        self.assertEqual(page.my_training_end, contract.date_start + relativedelta(months=2))
        self.assertTrue(page.my_can_ask_early)
        self.assertFalse(page.my_early_problems)
        page.action_apply_for_early_confirmation()
        evaluation = self.initial(self.hire)
        self.assertEqual(
            (evaluation.state, evaluation.initial_reason, evaluation.initial_due_date),
            ("draft", "early", self.today),
        )
        self.assertEqual(evaluation.target_grade_id, self.first)
        self.assertEqual(
            evaluation.activity_ids.filtered(lambda a: a.user_id == self.responsible).date_deadline,
            self.today,
        )
        self.assertIn("early confirmation", evaluation.message_ids[:1].body)
        # Once asked, not again; and the training's end prepares none more.
        page.invalidate_recordset()
        self.assertFalse(page.my_can_ask_early)
        self.assertEqual(page.my_early_problems, "Your initial grading is on file.")
        with self.assertRaises(UserError):
            page.action_apply_for_early_confirmation()
        self.assertEqual(len(self.initial(self.hire)), 1)

    def test_an_early_confirmation_waits_for_the_month_and_needs_the_experience(self):
        self.contract(self.hire, self.today - relativedelta(days=20))
        page = self.page(self.hire, self.hire_user)
        self.assertFalse(page.my_can_ask_early)
        self.assertIn("can be asked for from", page.my_early_problems)
        with self.assertRaises(UserError):
            page.action_apply_for_early_confirmation()
        self.hire.technical_experience_date = self.today - relativedelta(months=11)
        page.invalidate_recordset()
        self.assertIn("needs 1 year(s) of experience; 0 are counted", page.my_early_problems)
        self.hire.technical_experience_date = False
        self.env["hr.contract"].search([("employee_id", "=", self.hire.id)]).date_start = (
            self.today - relativedelta(months=1, days=5)
        )
        page.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "needs 1 year"):
            page.action_apply_for_early_confirmation()
        self.assertFalse(self.initial(self.hire))

    def test_only_the_engineer_asks_and_only_in_training(self):
        self.contract(self.hire, self.today - relativedelta(months=1))
        colleague_user = self.user("tg_training_colleague")
        self.env["hr.employee"].create(
            {"name": "Colleague", "department_id": self.bay.id, "user_id": colleague_user.id}
        )
        with self.assertRaisesRegex(UserError, "your own"):
            self.page(self.hire, colleague_user).action_apply_for_early_confirmation()
        self.assertFalse(self.page(self.hire, colleague_user).my_training_end)
        # A ladder without early confirmation, or without training: no button.
        self.ladder.early_confirmation_months = 0
        page = self.page(self.hire, self.hire_user)
        self.assertFalse(page.my_can_ask_early)
        self.assertEqual(page.my_early_problems, "This ladder has no early confirmation.")
        self.ladder.training_months = 0
        page.invalidate_recordset()
        self.assertFalse(page.my_training_end)
        with self.assertRaisesRegex(UserError, "new staff in training"):
            page.action_apply_for_early_confirmation()
        # A graded engineer is past it.
        self.ladder.write({"training_months": 2, "early_confirmation_months": 1})
        self.record(self.hire, self.first, self.today)
        page.invalidate_recordset()
        self.assertFalse(page.my_training_end)
        self.assertFalse(self.initial(self.hire))

    def test_the_training_settings_cannot_be_negative(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.ladder.training_months = -2
                self.ladder.flush_recordset()
