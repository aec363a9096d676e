# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The yearly cycle (seed 000: 每年度第四季度组织技术等级评定): promotions are
submitted in the yearly campaign; outside it an HR officer files one with a
recorded reason, or, when the company turns the per-grade evaluation cycle
on, an engineer is evaluated once in each window of their grade's cycle."""

import importlib.util
from datetime import date, timedelta
from pathlib import Path

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TechnicalGradeCase, force_state

MIGRATION = Path(__file__).parent.parent / "migrations" / "18.0.2.3.0" / "post-yearly14.py"


@tagged("post_install", "-at_install")
class TestYearlyCycle(TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "technical_grade_promotion_in_campaign": True,
                "technical_grade_evaluation_cycle": False,
            }
        )
        cls.engineer_user = cls.user(
            "tg_cycle_engineer", "hr_technical_grade.group_technical_grade_user"
        )
        cls.engineer.write(
            {
                "user_id": cls.engineer_user.id,
                "technical_experience_date": date.today() - timedelta(days=10 * 366),
            }
        )
        # Junior for four years: eligible for intermediate.
        cls.record(cls.engineer, cls.junior, date.today() - timedelta(days=4 * 366))
        # The superior's step alone: the chain is not what these tests look at.
        manager_user = cls.user("tg_cycle_manager")
        cls.engineer.parent_id = cls.env["hr.employee"].create(
            {"name": "Cycle Manager", "user_id": manager_user.id}
        )
        cls.env["hr.technical.grade.approval.step"].search(
            [("id", "!=", cls.env.ref("hr_technical_grade.approval_step_manager").id)]
        ).active = False
        cls.Evaluation = cls.env["hr.technical.grade.evaluation"]
        cls.Campaign = cls.env["hr.technical.grade.campaign"]

    def campaign(self, state="open", **vals):
        return self.Campaign.create(
            {
                "name": "Promotion Campaign Q4 2026",
                "year": 2026,
                "date_from": date(2026, 10, 1),
                "date_to": date(2026, 12, 31),
                "department_ids": [(6, 0, self.department.ids)],
                "state": state,
                **vals,
            }
        )

    def application(self, user=None, **vals):
        Evaluation = self.Evaluation.with_user(user or self.engineer_user)
        return Evaluation.create({"employee_id": self.engineer.id, "kind": "promotion", **vals})

    # -- the campaign ---------------------------------------------------------

    def test_outside_a_campaign_the_engineer_is_told_when_it_is(self):
        evaluation = self.application()
        with self.assertRefused(UserError, "fourth quarter \\(October to December\\)"):
            evaluation.action_submit()
        # A campaign being prepared is named, with its dates.
        campaign = self.campaign(state="draft")
        with self.assertRefused(UserError, "Promotion Campaign Q4 2026 runs from 10/01/2026"):
            evaluation.action_submit()
        with self.assertRefused(UserError, "only HR may file a promotion"):
            evaluation.action_submit()
        # Filed beside an open campaign: where to apply instead.
        campaign.state = "open"
        with self.assertRefused(UserError, "open until 12/31/2026: the engineer applies in it"):
            evaluation.action_submit()
        self.assertEqual(evaluation.state, "draft")

    def test_in_an_open_campaign_the_promotion_is_submitted(self):
        campaign = self.campaign()
        evaluation = self.application()
        evaluation.sudo().campaign_id = campaign
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        self.assertFalse(evaluation.cycle_window_start)

    def test_a_closed_campaign_no_longer_takes_promotions(self):
        campaign = self.campaign(state="closed")
        evaluation = self.application()
        evaluation.sudo().campaign_id = campaign
        with self.assertRefused(UserError, "yearly promotion campaign"):
            evaluation.action_submit()

    def test_the_engineers_application_goes_into_the_open_campaign(self):
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        with self.assertRefused(UserError, "fourth quarter"):
            public.action_apply_for_promotion()
        self.assertFalse(self.Evaluation.search([("employee_id", "=", self.engineer.id)]))
        campaign = self.campaign()
        action = public.action_apply_for_promotion()
        evaluation = self.Evaluation.browse(action["res_id"])
        self.assertEqual(evaluation.campaign_id, campaign)
        evaluation.with_user(self.engineer_user).action_submit()
        self.assertEqual(evaluation.state, "submitted")

    def test_my_technical_grade_says_when_to_apply(self):
        """Outside the campaign, My Technical Grade shows when it is instead of a
        button that would refuse; in the open campaign, the button is there."""
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        self.assertFalse(public.my_can_apply)
        self.assertIn("yearly promotion campaign", public.my_promotion_problems)
        self.assertIn("fourth quarter", public.my_promotion_problems)
        self.campaign()
        public.invalidate_recordset()
        self.assertTrue(public.my_can_apply)
        self.assertFalse(public.my_promotion_problems)

    def test_my_technical_grade_judges_on_the_campaigns_day(self):
        """In an open campaign, the engineer's page and Apply for Promotion count
        the months in grade to the campaign's day, as the campaign does."""
        # Intermediate since 15 December 2025: 12 months on 31 December 2026.
        self.record(self.engineer, self.intermediate, date(2025, 12, 15), "promotion")
        campaign = self.campaign()
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        with freeze_time("2026-12-02 09:00:00"):
            self.assertTrue(public.my_can_apply, public.my_promotion_problems)
            action = public.action_apply_for_promotion()
        evaluation = self.Evaluation.browse(action["res_id"])
        self.assertEqual(evaluation.campaign_id, campaign)
        self.assertEqual(evaluation.target_grade_id, self.senior)
        self.assertTrue(evaluation.eligible)

    def test_a_campaign_of_other_departments_is_not_the_engineers(self):
        elsewhere = self.env["hr.department"].create({"name": "Elsewhere"})
        self.campaign(department_ids=[(6, 0, elsewhere.ids)])
        public = (
            self.env["hr.employee.public"].with_user(self.engineer_user).browse(self.engineer.id)
        )
        with self.assertRefused(UserError, "fourth quarter"):
            public.action_apply_for_promotion()

    # -- HR's reason ------------------------------------------------------------

    def test_hr_files_a_promotion_outside_the_campaign_with_a_reason(self):
        evaluation = self.application(user=self.hr_officer)
        with self.assertRefused(UserError, "give the reason in Reason Outside the Campaign"):
            evaluation.with_user(self.hr_officer).action_submit()
        evaluation.with_user(self.hr_officer).cycle_reason = "   "
        with self.assertRefused(UserError, "yearly promotion campaign"):
            evaluation.with_user(self.hr_officer).action_submit()
        evaluation.with_user(self.hr_officer).cycle_reason = "Key engineer of the new plant"
        evaluation.with_user(self.hr_officer).action_submit()
        self.assertEqual(evaluation.state, "submitted")
        # The reason is on record (tracked) and stays as submitted.
        self.env.cr.flush()  # the tracking of the transaction, as on commit
        tracked = evaluation.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "cycle_reason"
        )
        self.assertIn("Key engineer of the new plant", tracked.mapped("new_value_text"))
        with self.assertRefused(UserError, "stays as it was submitted"):
            evaluation.with_user(self.hr_officer).cycle_reason = "Another reason"

    def test_only_hr_records_the_reason(self):
        evaluation = self.application()
        with self.assertRefused(AccessError, "Only HR officers"):
            evaluation.with_user(self.engineer_user).cycle_reason = "I am in a hurry"
        with self.assertRefused(AccessError, "Only HR officers"):
            self.application(cycle_reason="I am in a hurry")

    def test_the_company_may_file_promotions_at_any_time(self):
        self.company.technical_grade_promotion_in_campaign = False
        evaluation = self.application()
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")

    def test_the_rule_is_for_promotions_only(self):
        evaluation = self.Evaluation.create(
            {
                "employee_id": self.engineer.id,
                "kind": "demotion",
                "demotion_reason": "discipline",
            }
        )
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")

    # -- the per-grade evaluation cycle -------------------------------------------

    def test_the_shipped_cycles_are_the_seeds(self):
        """Seed 000: juniors every 2 months, intermediate and above every 6; the
        trainee's is not given, so trainees are promoted in the campaign."""
        self.assertEqual(
            [
                grade.evaluation_interval_months
                for grade in (
                    self.trainee,
                    self.junior,
                    self.intermediate,
                    self.senior,
                    self.expert,
                )
            ],
            [0, 2, 6, 6, 6],
        )
        self.assertFalse(
            self.env["res.company"].create({"name": "New"}).technical_grade_evaluation_cycle
        )

    def test_a_junior_is_evaluated_once_in_each_two_month_window(self):
        self.company.technical_grade_evaluation_cycle = True
        first = self.application()
        first.action_submit()
        self.assertEqual(
            (first.state, first.cycle_window_start, first.cycle_window_end),
            ("submitted", date(2026, 11, 1), date(2026, 12, 31)),
        )
        force_state(first, "rejected")
        second = self.application()
        with self.assertRefused(UserError, "next window opens on 01/01/2027"):
            second.action_submit()
        # A withdrawn request did not take part: it leaves the window free.
        force_state(first, "cancel")
        second.action_submit()
        self.assertEqual(second.cycle_window_start, date(2026, 11, 1))
        force_state(second, "rejected")
        with freeze_time("2027-01-04 09:00:00"):
            third = self.application()
            third.action_submit()
            self.assertEqual(third.cycle_window_start, date(2027, 1, 1))

    def test_hr_may_still_file_in_a_taken_window_with_a_reason(self):
        self.company.technical_grade_evaluation_cycle = True
        first = self.application()
        first.action_submit()
        force_state(first, "rejected")
        second = self.application(user=self.hr_officer)
        second.with_user(self.hr_officer).cycle_reason = "Re-evaluated after an appeal"
        second.with_user(self.hr_officer).action_submit()
        self.assertEqual((second.state, second.cycle_window_start), ("submitted", False))

    def test_no_window_without_the_setting_or_a_cycle(self):
        # The grade has a cycle, the company has not turned cycles on.
        evaluation = self.application()
        with self.assertRefused(UserError, "yearly promotion campaign"):
            evaluation.action_submit()
        # The company has, the grade has none.
        self.company.technical_grade_evaluation_cycle = True
        self.junior.evaluation_interval_months = 0
        with self.assertRefused(UserError, "yearly promotion campaign"):
            evaluation.action_submit()
        self.junior.evaluation_interval_months = 6
        evaluation.action_submit()
        self.assertEqual(evaluation.cycle_window_start, date(2026, 7, 1))

    def test_the_window_is_on_record_only_through_the_workflow(self):
        evaluation = self.application(user=self.hr_officer)
        with self.assertRefused(AccessError, "change through its actions only"):
            evaluation.with_user(self.hr_officer).cycle_window_start = date(2026, 11, 1)

    def test_an_upgraded_database_gets_the_seed_cycles_where_none_is_set(self):
        spec = importlib.util.spec_from_file_location("post_yearly14", MIGRATION)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        self.junior.evaluation_interval_months = 0
        self.senior.evaluation_interval_months = 4
        self.env.flush_all()
        migration.migrate(self.env.cr, "18.0.2.2.0")
        self.env.invalidate_all()
        self.assertEqual(
            [
                grade.evaluation_interval_months
                for grade in (self.trainee, self.junior, self.intermediate, self.senior)
            ],
            [0, 2, 6, 4],
        )
