# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .review_common import ReviewCase
from .test_approval_engine import TransitionTableMixin, recording_moves

LOG = "hr.technical.grade.work.log"
CHECK_ACTIVITY = "hr_technical_grade.mail_activity_work_log_check"


@tagged("post_install", "-at_install")
class TestWorkLog(ReviewCase, TransitionTableMixin):
    """The daily work log (seed 003 第10条): the engineer writes, the superior
    checks, HR keeps it on file."""

    def write_log(self, day=date(2026, 11, 16), user=None):
        return (
            self.env[LOG]
            .with_user(user or self.engineer_user)
            .create(
                {
                    "date": day,
                    "planned_work": "<p>Commission the chiller at the customer's plant</p>",
                    "work_done": "<p>Chiller commissioned, report signed</p>",
                    "hours": 8,
                }
            )
        )

    def check_activities(self, log):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", LOG),
                ("res_id", "=", log.id),
                ("activity_type_id", "=", self.env.ref(CHECK_ACTIVITY).id),
            ]
        )

    def test_engineer_submits_and_the_superior_checks(self):
        log = self.write_log()
        self.assertEqual(log.employee_id, self.engineer)
        log.action_submit()
        self.assertEqual(log.state, "submitted")
        self.assertEqual(self.check_activities(log).user_id, self.manager_user)
        self.assertEqual(log.pending_approver_ids, self.manager_user)
        log.with_user(self.manager_user).action_approve()
        self.assertEqual(log.state, "checked")
        self.assertEqual(log.checked_by_id, self.manager_user)
        self.assertTrue(log.checked_on)
        self.assertFalse(self.check_activities(log).filtered(lambda a: a.active))
        # HR has it on file: reads it, changes nothing.
        self.assertEqual(log.with_user(self.hr_officer).hours, 8)

    def test_every_move_of_a_log_is_in_its_table(self):
        """The moves the actions make are exactly the log's transition table."""
        moves, recording = recording_moves()
        with recording:
            returned = self.write_log()
            returned.action_submit()
            returned.with_user(self.manager_user).action_return("Say which customer")
            returned.action_submit()
            returned.with_user(self.manager_user).action_approve()
        produced = {(old, new) for model, old, new in moves if model == LOG}
        self.assertEqual(produced, set(returned._state_transitions))

    def test_a_log_moves_only_through_its_table(self):
        self.assert_moves_out_of_the_table_refused(self.write_log(), self.hr_officer)

    def test_a_log_is_not_dated_ahead(self):
        tomorrow = self.write_log(day=self.env[LOG]._workflow_today() + timedelta(days=1))
        self.assertTrue(tomorrow)
        with self.assertRaisesRegex(ValidationError, "not later"):
            self.write_log(day=date(2999, 1, 1))
        with self.assertRaisesRegex(ValidationError, "not later"):
            tomorrow.with_user(self.engineer_user).write({"date": date(2999, 1, 1)})

    def test_checked_log_is_read_only_for_everyone(self):
        log = self.write_log()
        log.action_submit()
        log.with_user(self.manager_user).action_approve()
        for user in (self.engineer_user, self.manager_user, self.hr_officer):
            with self.assertRaises(UserError):
                log.with_user(user).write({"work_done": "<p>Rewritten</p>"})
        self.assertEqual(log.work_done, "<p>Chiller commissioned, report signed</p>")
        with self.assertRaises(UserError):
            log.with_user(self.engineer_user).unlink()
        # Nothing reopens it: not the engine, not HR.
        with self.assertRaises(UserError):
            log.with_user(self.hr_officer).action_draft()

    def test_submitted_log_stays_as_submitted(self):
        log = self.write_log()
        log.action_submit()
        with self.assertRaises(UserError):
            log.with_user(self.engineer_user).write({"hours": 2})

    def test_engineer_cannot_check_their_own_log(self):
        log = self.write_log()
        log.action_submit()
        with self.assertRaises(UserError):
            log.with_user(self.engineer_user).action_approve()
        with self.assertRaises(UserError):
            log.with_user(self.engineer_user).action_return("I disagree with myself")
        # Neither a colleague nor HR checks or returns it in the superior's place.
        with self.assertRaises(AccessError):
            log.with_user(self.colleague_user).action_approve()
        with self.assertRaises(AccessError):
            log.with_user(self.hr_officer).action_approve()
        with self.assertRaises(AccessError):
            log.with_user(self.hr_officer).action_return("Not HR's to return")
        self.assertEqual(log.state, "submitted")

    def test_superior_returns_with_a_comment_and_the_engineer_resubmits(self):
        log = self.write_log()
        log.action_submit()
        log.with_user(self.manager_user).action_return("Say which customer")
        self.assertEqual(log.state, "returned")
        self.assertEqual(log.return_comment, "Say which customer")
        self.assertFalse(self.check_activities(log))
        log.write({"work_done": "<p>Chiller commissioned at ACME, report signed</p>"})
        log.action_submit()
        log.with_user(self.manager_user).action_approve()
        self.assertEqual(log.state, "checked")
        # Both rounds stay on record.
        self.assertEqual(sorted(log.sudo().approval_ids.mapped("state")), ["approved", "rejected"])

    def test_engineer_cannot_read_a_colleagues_log(self):
        log = self.write_log()
        Log = self.env[LOG].with_user(self.colleague_user)
        self.assertFalse(Log.search([("id", "=", log.id)]))
        with self.assertRaises(AccessError):
            log.with_user(self.colleague_user).read(["work_done"])
        # Nor write one in their name.
        with self.assertRaises(AccessError):
            Log.create({"employee_id": self.engineer.id, "date": "2026-11-17"})

    def test_superior_reads_the_team_but_does_not_write_it(self):
        log = self.write_log()
        Log = self.env[LOG].with_user(self.manager_user)
        self.assertEqual(Log.search([("employee_id", "=", self.engineer.id)]), log)
        with self.assertRaises(AccessError):
            log.with_user(self.manager_user).write({"hours": 1})
        self.assertEqual(
            self.env[LOG].with_user(self.hr_officer).search([("id", "=", log.id)]), log
        )

    def test_payroll_reads_no_work_log(self):
        log = self.write_log()
        payroll = new_test_user(
            self.env, login="tg_wl_payroll", groups="base.group_user,payroll.group_payroll_user"
        )
        with self.assertRaises(AccessError):
            log.with_user(payroll).read(["work_done"])

    def test_forged_workflow_writes_are_refused(self):
        log = self.write_log()
        for user in (self.engineer_user, self.manager_user, self.hr_officer):
            for vals in (
                {"state": "checked"},
                {"checked_by_id": self.manager_user.id},
                {"return_comment": "forged"},
            ):
                with self.assertRaises(AccessError):
                    log.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self.env[LOG].with_user(self.engineer_user).create(
                {"date": "2026-11-18", "work_done": "<p>x</p>", "state": "checked"}
            )
        self.assertEqual(log.state, "draft")

    def test_one_log_per_employee_and_day(self):
        self.write_log()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(IntegrityError, "employee_date_unique"),
            self.env.cr.savepoint(),
        ):
            self.write_log()
        # A colleague logs the same day.
        self.assertTrue(self.write_log(user=self.colleague_user))

    def test_review_links_the_logs_of_its_period(self):
        review = self.open_review(day=date(2026, 11, 15))
        self.assertEqual(
            (review.period_start, review.period_end), (date(2026, 11, 1), date(2026, 11, 30))
        )
        checked = self.write_log(day=date(2026, 11, 2))
        checked.action_submit()
        checked.with_user(self.manager_user).action_approve()
        self.write_log(day=date(2026, 11, 3)).action_submit()
        self.write_log(day=date(2026, 11, 4))
        self.write_log(day=date(2026, 10, 31))  # another period
        self.write_log(day=date(2026, 11, 4), user=self.colleague_user)  # another engineer
        review.invalidate_recordset(["work_log_count", "work_log_unchecked_count"])
        self.assertEqual(review.work_log_count, 3)
        self.assertEqual(review.work_log_unchecked_count, 2)
        action = review.with_user(self.manager_user).action_open_work_logs()
        logs = self.env[LOG].with_user(self.manager_user).search(action["domain"])
        self.assertEqual(len(logs), 3)
        self.assertEqual(self.engineer.with_user(self.hr_officer).technical_grade_work_log_count, 4)

    def test_hr_user_outside_the_technical_grades_sees_no_count(self):
        self.write_log()
        hr_user = new_test_user(self.env, login="tg_wl_hr_user", groups="hr.group_hr_user")
        self.assertEqual(self.engineer.with_user(hr_user).technical_grade_work_log_count, 0)

    def test_forms_open_for_each_role(self):
        """What the web client reads to show the log, for the engineer, superior and HR."""
        log = self.write_log()
        log.action_submit()
        for user in (self.engineer_user, self.manager_user, self.hr_officer):
            Log = self.env[LOG].with_user(user)
            views = Log.get_views([(False, "form"), (False, "list"), (False, "calendar")])
            fields = views["models"][LOG]["fields"]
            Log.browse(log.id).web_read(
                {name: {} for name in fields if Log._fields[name].type != "one2many"}
            )
            self.assertTrue(Log.search_count([("id", "=", log.id)]))

    def test_engineer_cannot_move_their_log_to_a_colleague(self):
        """Probe 2026-12: a draft log cannot be moved to a colleague's name."""
        log = self.write_log()
        with self.assertRaises(AccessError):
            log.with_user(self.engineer_user).write({"employee_id": self.colleague.id})
        self.assertEqual(log.employee_id, self.engineer)
        # What they write, they still edit.
        log.with_user(self.engineer_user).write({"hours": 7, "employee_id": self.engineer.id})
        self.assertEqual(log.hours, 7)
