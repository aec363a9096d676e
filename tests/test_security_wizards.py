# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TechnicalGradeCase


@tagged("post_install", "-at_install")
class TestSecurityWizards(TechnicalGradeCase):
    """The December re-probe: wizards are their user's own; wrong values get clear errors."""

    def test_a_wizard_is_read_and_written_by_its_user_only(self):
        lead = self.user("tg_wizard_lead")
        engineer = self.user("tg_wizard_engineer")
        wizard = (
            self.env["hr.technical.grade.approval.reason.wizard"]
            .with_user(lead)
            .create(
                {
                    "res_model": "hr.technical.grade.evaluation",
                    "res_ids": [1],
                    "decision": "reject",
                    "reason": "The lead's own reason",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.with_user(engineer).write({"reason": "FORGED"})
        with self.assertRaises(AccessError):
            wizard.with_user(engineer).read(["reason"])
        Wizard = self.env["hr.technical.grade.approval.reason.wizard"].with_user(engineer)
        self.assertFalse(Wizard.search([]))
        self.assertEqual(wizard.reason, "The lead's own reason")
        rules = self.env["ir.rule"].search(
            [("domain_force", "=", "[('create_uid', '=', user.id)]")]
        )
        wizard_models = {
            name
            for name in self.env.registry
            if name.startswith("hr.technical.grade.") and self.env[name]._transient
        }
        self.assertEqual(set(rules.model_id.mapped("model")) & wizard_models, wizard_models)

    def test_reason_wizard_refuses_ids_that_are_not_ids(self):
        lead = self.user("tg_wizard_lead2")
        for res_ids in (["abc"], {"a": 1}, [True], [-3]):
            wizard = (
                self.env["hr.technical.grade.approval.reason.wizard"]
                .with_user(lead)
                .create(
                    {
                        "res_model": "hr.technical.grade.evaluation",
                        "res_ids": res_ids,
                        "decision": "reject",
                        "reason": "x",
                    }
                )
            )
            with self.assertRefused(UserError, "given by their ids"):
                wizard.action_confirm()

    def test_the_pass_mark_is_a_score(self):
        for mark in (1e9, -1, 101):
            with self.assertRefused(ValidationError, "from 0 to 100"):
                self.company.technical_grade_pass_mark = mark
        self.company.technical_grade_pass_mark = 60


@tagged("post_install", "-at_install")
class TestChatterAuthor(TechnicalGradeCase):
    def test_messages_are_posted_in_ones_own_name(self):
        """message_post is public: nobody names another author over RPC."""
        self.record(self.engineer, self.junior, "2024-01-01")
        evaluation = self.env["hr.technical.grade.evaluation"].create(
            {"employee_id": self.engineer.id, "kind": "promotion"}
        )
        admin = self.env.ref("base.partner_admin")
        for document in (evaluation,):
            with self.assertRaisesRegex(AccessError, "in your own name"):
                document.with_user(self.hr_officer).message_post(
                    body="Approved, I said so", author_id=admin.id
                )
            message = document.with_user(self.hr_officer).message_post(
                body="A note", author_id=self.hr_officer.partner_id.id
            )
            self.assertEqual(message.author_id, self.hr_officer.partner_id)
