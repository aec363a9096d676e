# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import fields, models


class HrTechnicalGradeConsequenceWizard(models.TransientModel):
    """HR ends or withdraws a pay step, cancels a stand-by or a reward, with the reason on record.

    The document's own action checks that the user is HR.
    """

    _name = "hr.technical.grade.consequence.wizard"
    _description = "Technical Grade Review Consequence Decision"

    pay_step_id = fields.Many2one("hr.technical.grade.pay.step", readonly=True)
    standby_id = fields.Many2one("hr.technical.grade.standby", readonly=True)
    reward_id = fields.Many2one("hr.technical.grade.reward", readonly=True)
    mode = fields.Selection(
        [
            ("end", "End the pay step"),
            ("withdraw", "Withdraw the pay step"),
            ("cancel", "Cancel the stand-by"),
            ("cancel_reward", "Cancel the reward"),
        ],
        required=True,
        default="end",
    )
    day = fields.Date(string="Last Day Paid Lower")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "end":
            self.pay_step_id.action_end(self.day, self.reason)
        elif self.mode == "withdraw":
            self.pay_step_id.action_withdraw(self.reason)
        elif self.mode == "cancel_reward":
            self.reward_id.action_cancel(self.reason)
        else:
            self.standby_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
