# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import Counter
from datetime import date, timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.hr_technical_grade_evaluation import OPEN_STATES

CAMPAIGN_ACTIVITY = "hr_technical_grade.mail_activity_campaign"


class HrTechnicalGradeCampaignWizard(models.TransientModel):
    """Open a promotion campaign: one promotion evaluation per eligible
    graded engineer in scope, created in one batch, and an activity for each
    employee and their manager."""

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

    def _sort_out(self, campaign, employees, day):
        """Split ``employees`` into eligible ones (with their target) and skipped ones.

        Returns ``(eligible, skipped)``: a list of ``(employee, target
        grade)`` and a list of ``(employee, reason)``.  The grade histories are
        read in one query, the open evaluations in one grouped query and the
        ladder once per company.
        """
        busy = {}
        for employee, in_campaign, states in self.env["hr.technical.grade.evaluation"]._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("kind", "=", "promotion"),
                "|",
                ("campaign_id", "=", campaign.id),
                ("state", "in", OPEN_STATES),
            ],
            groupby=["employee_id", "campaign_id"],
            aggregates=["state:array_agg"],
        ):
            if in_campaign == campaign and set(states) - {"rejected", "cancel"}:
                busy[employee] = self.env._("already has an evaluation in this campaign")
            elif in_campaign != campaign and employee not in busy:
                busy[employee] = self.env._("has a promotion request in progress")
        standings = employees._technical_grade_standings(day)
        ladders = {}
        Evaluation = self.env["hr.technical.grade.evaluation"]
        eligible, skipped = [], []
        for employee in employees:
            if employee in busy:
                skipped.append((employee, busy[employee]))
                continue
            standing = standings[employee.id]
            current = standing["grade"]
            key = (current.company_id, current.ladder_id)
            if key not in ladders:
                ladders[key] = list(current._ladder())
            ladder = ladders[key]
            rank = ladder.index(current) if current in ladder else None
            if rank is None or rank + 1 >= len(ladder):
                skipped.append((employee, self.env._("is at the top of the ladder")))
                continue
            target = ladder[rank + 1]
            problems = target._promotion_problems(standing, rank, rank + 1)
            if problems:
                wording = Evaluation.new({"employee_id": employee.id})
                skipped.append(
                    (
                        employee,
                        "; ".join(wording._word_problem(problem, current) for problem in problems),
                    )
                )
                continue
            eligible.append((employee, target))
        return eligible, skipped

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
        self.ensure_one()
        Campaign = self.env["hr.technical.grade.campaign"]
        campaign = self.campaign_id
        if campaign:
            campaign._check_campaign_state("draft", "open")
            campaign.write(self._campaign_vals())
        else:
            campaign = Campaign.create(self._campaign_vals())
        employees = self._scope()
        today = fields.Date.context_today(self)
        eligible, skipped = self._sort_out(campaign, employees, today)
        evaluations = self.env["hr.technical.grade.evaluation"].create(
            [
                {
                    "employee_id": employee.id,
                    "kind": "promotion",
                    "campaign_id": campaign.id,
                    "target_grade_id": target.id,
                }
                for employee, target in eligible
            ]
        )
        untold = self._schedule_activities(campaign, evaluations)
        campaign.state = "open"
        self._record_skipped(campaign, skipped, today)
        campaign.message_post(body=self._summary(evaluations, skipped, untold))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if evaluations else "warning",
                "message": self.env._(
                    "%(created)s promotion evaluations created, %(skipped)s engineers "
                    "skipped (the reasons are on the campaign's Skipped Engineers tab).",
                    created=len(evaluations),
                    skipped=len(skipped),
                ),
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": "hr.technical.grade.campaign",
                    "res_id": campaign.id,
                    "views": [(False, "form")],
                },
            },
        }

    def _schedule_activities(self, campaign, evaluations):
        """One activity for each employee (to apply) and manager (to know).

        Returns the employees who have no user and could not be told.
        """
        activity_type = self.env.ref(CAMPAIGN_ACTIVITY)
        deadline = campaign.deadline or fields.Date.context_today(self) + timedelta(days=14)
        model_id = self.env["ir.model"]._get_id("hr.technical.grade.evaluation")
        vals_list = []
        untold = self.env["hr.employee"]
        for evaluation in evaluations:
            employee = evaluation.employee_id
            common = {
                "res_model_id": model_id,
                "res_id": evaluation.id,
                "activity_type_id": activity_type.id,
                "date_deadline": deadline,
            }
            if employee.user_id:
                vals_list.append(
                    dict(
                        common,
                        user_id=employee.user_id.id,
                        summary=self.env._(
                            "%(campaign)s: prepare and submit your promotion application",
                            campaign=campaign.name,
                        ),
                    )
                )
            else:
                untold |= employee
            manager = employee.parent_id.user_id or employee.department_id.manager_id.user_id
            if manager and manager != employee.user_id:
                vals_list.append(
                    dict(
                        common,
                        user_id=manager.id,
                        summary=self.env._(
                            "%(campaign)s: %(employee)s is a candidate for %(grade)s",
                            campaign=campaign.name,
                            employee=employee.name,
                            grade=evaluation.target_grade_id.name,
                        ),
                    )
                )
        self.env["mail.activity"].create(vals_list)
        return untold

    def _record_skipped(self, campaign, skipped, day):
        """Keep who was skipped and why on the campaign, for HR only.

        The reasons tell each engineer's standing: they never go to the
        chatter, which every employee reads.  Each opening replaces the
        lines of the previous one.
        """
        campaign.sudo().skipped_ids.unlink()
        self.env["hr.technical.grade.campaign.skipped"].sudo().create(
            [
                {
                    "campaign_id": campaign.id,
                    "employee_id": employee.id,
                    "reason": reason,
                    "date": day,
                }
                for employee, reason in skipped
            ]
        )

    def _summary(self, evaluations, skipped, untold):
        """The opening message, for every reader of the campaign: counts only.

        Who was skipped and why, and who could not be told, are on the
        campaign's HR-only tabs.
        """
        lines = [
            self.env._(
                "Campaign opened: %(created)s promotion evaluations created, %(skipped)s "
                "engineers skipped.",
                created=len(evaluations),
                skipped=len(skipped),
            )
        ]
        for grade, count in sorted(
            Counter(evaluations.mapped("target_grade_id")).items(), key=lambda i: i[0].sequence
        ):
            lines.append(self.env._("To %(grade)s: %(count)s", grade=grade.name, count=count))
        if untold:
            lines.append(
                self.env._(
                    "Without a user, not told by activity: %(count)s candidates.",
                    count=len(untold),
                )
            )
        return Markup("<br/>").join(escape(line) for line in lines)
