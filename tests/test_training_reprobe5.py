# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Regression tests from the outside re-probe of probe 5 (reprobe 5).

Each test states what should hold; on commit 5a8775b they fail, each one for a
hole found over JSON-RPC with the demo users: the kept log of the technical
grade documents can still be rewritten through one's own comment, forged at
creation, or stripped of its files; a module leaves a course from its own side
under a planned training that assesses it; archiving such a module leaves the
training unable to take an attendee.
"""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTrainingReprobe5(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gm_partner = cls.env["res.partner"].create({"name": "Probe General Manager"})

    def own_comment(self, session):
        return session.message_post(
            body="Attendance checked.", message_type="comment", subtype_xmlid="mail.mt_comment"
        ).with_user(self.hr_officer)

    # The kept log: one's own comment is not a way around it --------------------

    def test_own_comment_is_not_put_in_another_authors_name(self):
        """HR posts a comment, then writes author_id: the comment reads as the GM's."""
        message = self.own_comment(self.session())
        with self.refused():
            message.write({"author_id": self.gm_partner.id})

    def test_own_comment_is_not_back_dated(self):
        """HR writes the date of their own comment to years before."""
        message = self.own_comment(self.session())
        with self.refused():
            message.write({"date": "2020-01-01 00:00:00"})

    def test_own_comment_is_not_turned_into_a_notification(self):
        """message_type notification: the comment then passes for the system's log."""
        message = self.own_comment(self.session())
        with self.refused():
            message.write({"message_type": "notification"})

    # The kept log: no message is forged when created -----------------------------

    def create_message(self, session, **values):
        return (
            self.env["mail.message"]
            .with_user(self.hr_officer)
            .create(
                {
                    "model": session._name,
                    "res_id": session.id,
                    "message_type": "comment",
                    "body": "Probe",
                    **values,
                }
            )
        )

    def test_no_tracking_is_forged(self):
        """mail.message.create with tracking_value_ids: a fake Planned -> Done tracking."""
        session = self.session()
        field = self.env["ir.model.fields"]._get(session._name, "state")
        with self.refused():
            self.create_message(
                session,
                message_type="notification",
                body="",
                tracking_value_ids=[
                    Command.create(
                        {
                            "field_id": field.id,
                            "old_value_char": "Planned",
                            "new_value_char": "Done",
                        }
                    )
                ],
            )

    def test_no_message_without_author(self):
        """author_id False: an anonymous entry in the log that nobody may delete."""
        with self.refused():
            self.create_message(self.session(), author_id=False)

    def test_no_back_dated_message(self):
        """A message created with a date years before."""
        with self.refused():
            self.create_message(self.session(), date="2019-05-05 10:00:00")

    def test_no_back_dated_post(self):
        """message_post(date=...) over RPC: a comment dated years before, in the log."""
        session = self.session().with_user(self.hr_officer)
        with self.refused():
            session.message_post(
                body="Approved long ago.", message_type="comment", date="2019-01-01 08:00:00"
            )

    # The kept log: its files -------------------------------------------------------

    def test_files_of_someone_elses_message_are_kept(self):
        """HR deletes or rewrites the file another user attached to their message."""
        session = self.session()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "evidence.txt",
                "datas": base64.b64encode(b"evidence"),
                "res_model": session._name,
                "res_id": session.id,
            }
        )
        session.sudo().message_post(
            body="Evidence attached.",
            author_id=self.gm_partner.id,
            message_type="comment",
            attachment_ids=attachment.ids,
        )
        attachment = attachment.with_user(self.hr_officer)
        with self.refused():
            attachment.write({"datas": base64.b64encode(b"rewritten")})
        with self.refused():
            attachment.unlink()

    # Modules and courses ----------------------------------------------------------------

    def test_a_module_leaves_no_course_under_its_planned_trainings(self):
        """From the module's side (course_ids), the course's planned-training check is skipped."""
        session = self.session()
        self.assertIn(self.basics, session.module_ids)
        with self.refused():
            self.basics.with_user(self.hr_officer).course_ids = [
                Command.unlink(self.junior_course.id)
            ]

    def test_archiving_a_module_leaves_planned_trainings_usable(self):
        """Archived, the module drops out of course.module_ids but stays on the planned
        training: adding an attendee is then refused ("modules of its course only")."""
        session = self.session()
        try:
            with self.env.cr.savepoint():
                self.basics.with_user(self.hr_officer).active = False
        except (AccessError, UserError, ValidationError):
            return  # archiving a module that a planned training assesses is refused: fine
        session.with_user(self.hr_officer).employee_ids = [Command.link(self.colleague.id)]
        self.assertIn(self.colleague, session.employee_ids)
