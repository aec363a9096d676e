# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Regression tests from an outside probe of the layered training (probe 5).

Each test states what should hold; on commit 1ce8464 they fail, each one for a
hole found over JSON-RPC with the demo users.
"""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTrainingProbe5(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Probe Other Company"})
        cls.hr_officer.company_ids = [Command.link(cls.other_company.id)]

    def test_state_is_not_written_past_the_actions(self):
        """HR writes state directly: a done training with every result pending."""
        session = self.session()
        self.assertEqual(session.pending_count, 1)
        with self.refused():
            session.write({"state": "done"})
        self.env.invalidate_all()
        self.assertEqual(session.state, "draft")

    def test_a_training_is_not_created_done(self):
        """create({'state': 'done'}) (or context default_state) skips action_done."""
        created = None
        try:
            with self.env.cr.savepoint():
                created = self.Session.with_context(default_state="done").create(
                    {
                        "name": "Born done",
                        "course_id": self.junior_course.id,
                        "employee_ids": [Command.set(self.engineer.ids)],
                    }
                )
        except (AccessError, UserError, ValidationError):
            return
        self.assertEqual(created.state, "draft", "a training is planned when created")

    def test_reopening_stays_on_record(self):
        """HR deletes the reopen note and the tracking of the reopening."""
        session = self.session()
        session.result_ids.with_user(self.hr_officer).result = "passed"
        session.action_done()
        session.action_reopen()
        notes = session.message_ids.filtered(
            lambda message: "Reopened" in (message.body or "") or message.tracking_value_ids
        )
        self.assertTrue(notes)
        with self.refused():
            notes.with_user(self.hr_officer).unlink()

    def test_no_message_is_rewritten_in_another_authors_name(self):
        """HR rewrites the body of a message posted by someone else (here OdooBot)."""
        session = self.session()
        bot = self.env.ref("base.partner_root")
        message = session.sudo().message_post(
            body="Checked by the committee.", author_id=bot.id, message_type="comment"
        )
        with self.refused():
            message.with_user(self.hr_officer).write({"body": "Approved by the GM."})

    def test_a_module_keeps_the_company_of_its_courses(self):
        """The course checks its modules' company; the module does not check its courses'."""
        both = {"allowed_company_ids": [self.env.company.id, self.other_company.id]}
        with self.refused():
            self.basics.with_user(self.hr_officer).with_context(
                **both
            ).company_id = self.other_company

    def test_a_foreign_module_joins_no_course_from_its_side(self):
        """Linking from the module (course_ids) skips the course's company check."""
        both = {"allowed_company_ids": [self.env.company.id, self.other_company.id]}
        module = self.env["hr.technical.grade.training.module"].with_user(self.hr_officer)
        foreign = module.with_context(**both).create(
            {"name": "Foreign", "standard": "s", "company_id": self.other_company.id}
        )
        with self.refused():
            foreign.with_context(**both).course_ids = [Command.link(self.junior_course.id)]

    def test_clearing_a_standard_keeps_passes_against_it(self):
        """A module without a standard cannot be passed, yet passes survive its clearing."""
        session = self.session()
        session.result_ids.with_user(self.hr_officer).result = "passed"
        with self.refused():
            self.basics.with_user(self.hr_officer).standard = False

    def test_a_done_trainings_results_outlive_an_employee(self):
        """Deleting the employee cascades the recorded results out of a done training."""
        employee = self.env["hr.employee"].create({"name": "Leaves Soon"})
        session = self.session(employees=employee)
        session.result_ids.with_user(self.hr_officer).result = "failed"
        session.action_done()
        try:
            with self.env.cr.savepoint():
                employee.unlink()
        except Exception:
            return
        self.assertTrue(session.exists().result_ids, "the done training lost its results")

    def test_the_actions_answer_rpc_clients(self):
        """action_done/action_cancel return None: XML-RPC cannot marshal it."""
        session = self.session()
        self.assertIsNotNone(session.action_cancel())
        session.action_reopen()
        session.result_ids.with_user(self.hr_officer).result = "passed"
        self.assertIsNotNone(session.action_done())
