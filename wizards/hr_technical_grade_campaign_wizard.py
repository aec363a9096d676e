# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrTechnicalGradeCampaignWizard(models.TransientModel):
    """Open a promotion campaign: the graded engineers in scope are queued,
    and the opening cron gives each eligible one a promotion evaluation, in
    batches, with an activity for the candidate and one per manager."""

    _name = "hr.technical.grade.campaign.wizard"
    _description = "Open a Promotion Campaign"

    campaign_id = fields.Many2one(
        "hr.technical.grade.campaign",
        domain="[('state', 'in', ('draft', 'open')), ('company_id', '=', company_id)]",
        help="A draft or open campaign to fill; a new campaign is created when empty.",
    )
    name = fields.Char(
        required=True,
        default=lambda self: self.env._(
            "Promotion Campaign Q4 %(year)s", year=fields.Date.context_today(self).year
        ),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    date_from = fields.Date(
        string="Period Start",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 10, 1),
    )
    date_to = fields.Date(
        string="Period End",
        required=True,
        default=lambda self: date(fields.Date.context_today(self).year, 12, 31),
    )
    deadline = fields.Date(
        required=True, default=lambda self: date(fields.Date.context_today(self).year, 12, 15)
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        domain="[('company_id', 'in', (company_id, False))]",
        help="Engineers of these departments and their sub-departments.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees",
        domain="[('company_id', '=', company_id)]",
        help="Engineers in scope besides those of the departments.",
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", required=True, default=lambda self: self.env.user
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(self.env._("The period must not end before it starts."))

    @api.onchange("campaign_id")
    def _onchange_campaign_id(self):
        campaign = self.campaign_id
        if campaign:
            self.update(
                {
                    "name": campaign.name,
                    "company_id": campaign.company_id,
                    "year": campaign.year,
                    "date_from": campaign.date_from,
                    "date_to": campaign.date_to,
                    "deadline": campaign.deadline or self.deadline,
                    "department_ids": campaign.department_ids,
                    "employee_ids": campaign.employee_ids,
                    "user_id": campaign.user_id or self.env.user,
                }
            )

    # ------------------------------------------------------------------
    # Scope and eligibility
    # ------------------------------------------------------------------

    def _scope(self):
        """Graded employees of the company in the departments or listed."""
        self.ensure_one()
        if not (self.department_ids or self.employee_ids):
            raise UserError(self.env._("Choose the departments or the employees in scope."))
        scope = []
        if self.department_ids:
            scope = [("department_id", "child_of", self.department_ids.ids)]
        if self.employee_ids:
            listed = [("id", "in", self.employee_ids.ids)]
            scope = ["|", *scope, *listed] if scope else listed
        return self.env["hr.employee"].search(
            [("company_id", "=", self.company_id.id), ("technical_grade_id", "!=", False), *scope],
            order="name, id",
        )

    # ------------------------------------------------------------------
    # Confirm
    # ------------------------------------------------------------------

    def _campaign_vals(self):
        return {
            "name": self.name,
            "company_id": self.company_id.id,
            "year": self.year,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "deadline": self.deadline,
            "department_ids": [fields.Command.set(self.department_ids.ids)],
            "employee_ids": [fields.Command.set(self.employee_ids.ids)],
            "user_id": self.user_id.id,
        }

    def action_confirm(self):
        """Queue the engineers in scope; the opening cron sorts them out in batches.

        Returns at once, whatever the number of engineers: the campaign's
        form shows the progress, its chatter says when the opening is over.
        """
        self.ensure_one()
        Campaign = self.env["hr.technical.grade.campaign"]
        campaign = self.campaign_id
        if campaign:
            campaign._check_campaign_state("draft", "open")
            campaign._check_not_opening()
            campaign.write(self._campaign_vals())
        else:
            campaign = Campaign.create(self._campaign_vals())
        employees = self._scope()
        campaign._queue_opening(employees)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(count)s engineers are being sorted out in the background; the "
                    "campaign shows the progress and says in its chatter when it is done.",
                    count=len(employees),
                ),
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": "hr.technical.grade.campaign",
                    "res_id": campaign.id,
                    "views": [(False, "form")],
                },
            },
        }
