# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestGradeHistory(TechnicalGradeCase):
    def test_wizard_sets_the_initial_grade_with_its_reason(self):
        admin = self.user(
            "tg_test_grade_admin",
            "base.group_user,hr_technical_grade.group_technical_grade_admin",
        )
        wizard_form = Form(
            self.env["hr.technical.grade.set.wizard"]
            .with_user(admin)
            .with_context(active_model="hr.employee", active_ids=self.engineer.ids)
        )
        wizard_form.grade_id = self.junior
        wizard_form.date_from = date(2024, 3, 1)
        wizard_form.reason = "Passed the probation assessment"
        wizard_form.save().action_apply()

        line = self.engineer.technical_grade_history_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.grade_id, self.junior)
        self.assertEqual(line.date_from, date(2024, 3, 1))
        self.assertFalse(line.date_to)
        self.assertEqual(line.reason, "Passed the probation assessment")
        self.assertEqual(line.change_type, "initial")
        self.assertTrue(line.manual, "a grade set by hand is marked as such in the history")
        self.assertEqual(line.source, "loading")
        self.assertEqual(self.engineer.technical_grade_id, self.junior)
        self.assertEqual(self.engineer.technical_grade_date, date(2024, 3, 1))
        self.assertEqual(self.engineer.technical_grade_history_count, 1)

    def test_only_administrators_set_grades_by_hand(self):
        """HR officers grade through evaluations: no wizard, no history row of their own."""
        Wizard = self.env["hr.technical.grade.set.wizard"].with_user(self.hr_officer)
        with self.assertRaises(AccessError):
            Wizard.create(
                {
                    "employee_ids": [Command.set(self.engineer.ids)],
                    "grade_id": self.junior.id,
                    "date_from": "2024-03-01",
                    "reason": "probation",
                }
            )
        with self.assertRaises(AccessError):
            self.History.with_user(self.hr_officer).create(
                {
                    "employee_id": self.engineer.id,
                    "grade_id": self.expert.id,
                    "date_from": "2024-03-01",
                    "reason": "forged",
                }
            )
        line = self.record(self.engineer, self.junior, "2024-01-01")
        with self.assertRaises(AccessError):
            line.with_user(self.hr_officer).write({"grade_id": self.expert.id})
        self.assertEqual(self.engineer.technical_grade_id, self.junior)

    def test_wizard_needs_a_written_reason(self):
        wizard = self.env["hr.technical.grade.set.wizard"].create(
            {
                "employee_ids": [Command.set(self.engineer.ids)],
                "grade_id": self.junior.id,
                "date_from": "2024-03-01",
                "reason": "   ",
            }
        )
        with self.assertRefused(UserError, "Say why this grade is set by hand"):
            wizard.action_apply()
        self.assertFalse(self.engineer.technical_grade_history_ids)

    def test_lines_recorded_by_the_workflow_are_not_set_by_hand(self):
        line = self.record(self.engineer, self.junior, "2024-01-01")
        self.assertFalse(line.manual)
        self.assertEqual(line.source, "evaluation")

    def test_a_correction_by_hand_reads_as_such(self):
        self.record(self.engineer, self.junior, "2024-01-01")
        self.env["hr.technical.grade.set.wizard"].create(
            {
                "employee_ids": [Command.set(self.engineer.ids)],
                "grade_id": self.intermediate.id,
                "date_from": "2025-01-01",
                "change_type": "correction",
                "reason": "Wrong grade keyed in",
            }
        ).action_apply()
        line = self.engineer.technical_grade_history_ids.filtered("manual")
        self.assertEqual((line.change_type, line.source), ("correction", "correction"))

    def test_the_demo_histories_are_existing_grades_loaded_at_go_live(self):
        """The demo's grades predate the addon: loaded as Set Grade loads them, not corrected."""
        demo = self.env["ir.model.data"].search(
            [
                ("module", "=", "hr_technical_grade"),
                ("model", "=", "hr.technical.grade.history"),
                ("name", "=like", "history_%"),
            ]
        )
        self.assertTrue(demo, "the tests run on a database with demo data")
        lines = self.History.browse(demo.mapped("res_id")).exists()
        self.assertEqual(set(lines.mapped("source")), {"loading"})
        for xmlid in ("history_install_01_1", "history_install_04_2"):
            self.assertEqual(self.env.ref(f"hr_technical_grade.{xmlid}").source, "loading")

    def test_wizard_refuses_initial_grading_of_a_graded_employee(self):
        self.record(self.engineer, self.junior, "2024-01-01")
        wizard = self.env["hr.technical.grade.set.wizard"].create(
            {
                "employee_ids": [Command.set(self.engineer.ids)],
                "grade_id": self.senior.id,
                "date_from": "2025-01-01",
                "reason": "again",
            }
        )
        with self.assertRefused(UserError, "already have a grade history"):
            wizard.action_apply()
        wizard.change_type = "correction"
        wizard.action_apply()
        self.assertEqual(self.engineer.technical_grade_id, self.senior)

    def test_wizard_grades_several_employees_at_once(self):
        wizard = self.env["hr.technical.grade.set.wizard"].create(
            {
                "employee_ids": [Command.set((self.engineer | self.colleague).ids)],
                "grade_id": self.trainee.id,
                "date_from": "2025-02-01",
                "reason": "New hires",
            }
        )
        wizard.action_apply()
        self.assertEqual(self.engineer.technical_grade_id, self.trainee)
        self.assertEqual(self.colleague.technical_grade_id, self.trainee)

    def test_a_change_closes_the_running_line_the_day_before(self):
        first = self.record(self.engineer, self.junior, "2023-01-01")
        second = self.record(self.engineer, self.intermediate, "2024-03-16", "promotion")
        self.assertEqual(first.date_to, date(2024, 3, 15))
        self.assertFalse(second.date_to)
        self.assertEqual(self.engineer.technical_grade_id, self.intermediate)
        self.assertEqual(self.engineer.technical_grade_date, date(2024, 3, 16))
        self.assertEqual(
            self.engineer.technical_grade_history_ids.sorted("date_from"), first | second
        )

    def test_a_change_on_or_before_the_running_start_is_refused(self):
        self.record(self.engineer, self.junior, "2024-01-01")
        for day in ("2024-01-01", "2023-06-01"):
            with self.assertRefused(ValidationError, "must take effect after"):
                self.record(self.engineer, self.intermediate, day)
        self.assertEqual(len(self.engineer.technical_grade_history_ids), 1)

    def test_overlaps_and_gaps_are_refused(self):
        first = self.record(self.engineer, self.junior, "2023-01-01")
        self.record(self.engineer, self.intermediate, "2024-01-01")
        cases = [
            ({"date_to": date(2024, 1, 1)}, "overlap"),
            ({"date_to": date(2023, 12, 30)}, "gap"),
            ({"date_to": False}, "two running grades"),
            ({"date_from": date(2024, 2, 1), "date_to": date(2024, 3, 1)}, "two running grades"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals), self.assertRefused(ValidationError, message):
                first.write(vals)
        self.assertEqual(first.date_to, date(2023, 12, 31))
        with self.assertRefused(ValidationError, "two running grades"):
            self.History.create(
                {
                    "employee_id": self.engineer.id,
                    "grade_id": self.senior.id,
                    "date_from": "2024-06-01",
                    "reason": "by hand",
                }
            )

    def test_deleting_a_middle_line_is_refused(self):
        self.record(self.engineer, self.trainee, "2022-01-01")
        middle = self.record(self.engineer, self.junior, "2023-01-01")
        last = self.record(self.engineer, self.intermediate, "2024-01-01")
        (middle | last).manual = True  # loaded by hand: an administrator may remove them
        with self.assertRefused(ValidationError, "gap"):
            middle.unlink()
        last.unlink()  # removing the end of the chain keeps it continuous
        self.assertEqual(len(self.engineer.technical_grade_history_ids), 2)

    def test_a_line_decided_by_an_evaluation_is_never_removed_or_rewritten(self):
        admin = self.user(
            "tg_test_history_admin",
            "base.group_user,hr_technical_grade.group_technical_grade_admin",
        )
        self.record(self.engineer, self.trainee, "2022-01-01")
        decided = self.record(self.engineer, self.junior, "2023-01-01", "promotion")
        with self.assertRefused(UserError, "decided by an evaluation"):
            decided.with_user(admin).unlink()
        with self.assertRaises(AccessError):
            decided.with_user(admin).write({"grade_id": self.expert.id})
        decided.with_user(admin).write({"reason": "Promotion of the 2022 campaign"})
        self.assertEqual(self.engineer.technical_grade_id, self.junior)

    def test_reason_is_required(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.History.create(
                {
                    "employee_id": self.engineer.id,
                    "grade_id": self.junior.id,
                    "date_from": "2024-01-01",
                    "reason": False,
                }
            )

    def test_grade_of_another_company_is_refused(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.env["hr.technical.grade"].create(
            {"name": "Foreign", "code": "F1", "company_id": other.id}
        )
        with self.assertRaises(UserError):
            self.record(self.engineer, foreign, "2024-01-01")

    def test_current_grade_and_is_current_follow_today(self):
        today = date.today()
        self.record(self.engineer, self.junior, today - timedelta(days=400))
        future = self.record(self.engineer, self.intermediate, today + timedelta(days=10))
        self.assertEqual(self.engineer.technical_grade_id, self.junior)
        current = self.History.search(
            [("employee_id", "=", self.engineer.id), ("is_current", "=", True)]
        )
        self.assertEqual(current.grade_id, self.junior)
        self.assertFalse(future.is_current)
        not_current = self.History.search(
            [("employee_id", "=", self.engineer.id), ("is_current", "=", False)]
        )
        self.assertEqual(not_current, future)

    def test_daily_job_applies_a_dated_change_on_its_day(self):
        today = date.today()
        self.record(self.engineer, self.junior, today - timedelta(days=400))
        self.record(self.engineer, self.intermediate, today + timedelta(days=3))
        self.assertEqual(self.engineer.technical_grade_id, self.junior)
        Employee = self.env["hr.employee"]
        with freeze_time(today + timedelta(days=3)):
            Employee._cron_refresh_technical_grade()
        self.assertEqual(self.engineer.technical_grade_id, self.intermediate)
        self.assertEqual(self.engineer.technical_grade_date, today + timedelta(days=3))
        # A job that missed days catches up.
        self.record(self.engineer, self.senior, today + timedelta(days=20))
        with freeze_time(today + timedelta(days=25)):
            Employee._cron_refresh_technical_grade()
        self.assertEqual(self.engineer.technical_grade_id, self.senior)

    def test_employee_without_history_has_no_grade(self):
        self.assertFalse(self.colleague.technical_grade_id)
        self.assertFalse(self.colleague.technical_grade_date)
        self.assertEqual(self.colleague.technical_grade_history_count, 0)

    def test_grade_filter_and_group_on_employees(self):
        self.record(self.engineer, self.senior, "2024-01-01")
        Employee = self.env["hr.employee"]
        found = Employee.search([("technical_grade_id", "=", self.senior.id)])
        self.assertIn(self.engineer, found)
        self.assertNotIn(self.colleague, found)
        groups = dict(
            Employee._read_group(
                [("department_id", "=", self.department.id)],
                ["technical_grade_id"],
                ["__count"],
            )
        )
        self.assertEqual(groups[self.senior], 1)
        self.assertEqual(groups[self.env["hr.technical.grade"]], 1)

    def test_changes_are_tracked_in_the_chatter(self):
        line = self.record(self.engineer, self.junior, "2023-01-01")
        self.env.flush_all()
        self.cr.precommit.run()  # as if created in an earlier transaction
        line.write({"reason": "Corrected reason", "grade_id": self.intermediate.id})
        self.env.flush_all()
        self.cr.precommit.run()  # tracking values are written before commit
        line.invalidate_recordset(["message_ids"])
        tracked = line.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("reason", tracked)
        self.assertIn("grade_id", tracked)
