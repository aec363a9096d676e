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
