# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import timedelta

from odoo import api, fields, models

from ..grade_rules import history as rules

CRON_CATCH_UP_DAYS = 31


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Private to HR (see the note on hr.employee): engineers read their own
    # grade through the history model, whose record rules are per person.
    technical_grade_history_ids = fields.One2many(
        "hr.technical.grade.history",
        "employee_id",
        string="Grade History",
        groups="hr.group_hr_user",
    )
    technical_grade_id = fields.Many2one(
        "hr.technical.grade",
        compute="_compute_technical_grade",
        store=True,
        index=True,
        groups="hr.group_hr_user",
        tracking=True,
        help="The grade held today, read from the grade history.",
    )
    technical_grade_date = fields.Date(
        string="Grade Since",
        compute="_compute_technical_grade",
        store=True,
        groups="hr.group_hr_user",
        help="The day the current grade took effect.",
    )
    technical_grade_history_count = fields.Integer(
        compute="_compute_technical_grade_history_count",
        groups="hr.group_hr_user",
    )

    @api.depends(
        "technical_grade_history_ids.grade_id",
        "technical_grade_history_ids.date_from",
        "technical_grade_history_ids.date_to",
    )
    def _compute_technical_grade(self):
        today = fields.Date.context_today(self)
        chains = self.env["hr.technical.grade.history"]._segments_by_employee(self)
        grades = self.env["hr.technical.grade"]
        for employee in self:
            current = rules.segment_at(chains.get(employee.id, []), today)
            employee.technical_grade_id = grades.browse(current.value) if current else False
            employee.technical_grade_date = current.date_from if current else False

    def _compute_technical_grade_history_count(self):
        counts = dict(
            self.env["hr.technical.grade.history"]._read_group(
                [("employee_id", "in", self.ids)],
                groupby=["employee_id"],
                aggregates=["__count"],
            )
        )
        for employee in self:
            employee.technical_grade_history_count = counts.get(employee, 0)

    @api.model
    def _cron_refresh_technical_grade(self):
        """Move employees to the grade their history holds today.

        Stored grades change by themselves when the history is edited; this
        daily job catches the days on which a dated change takes effect.
        """
        today = fields.Date.context_today(self)
        # A month of margin: days on which the job did not run are caught up.
        since = today - timedelta(days=CRON_CATCH_UP_DAYS)
        lines = self.env["hr.technical.grade.history"].search(
            [
                "|",
                "&",
                ("date_from", ">", since),
                ("date_from", "<=", today),
                "&",
                ("date_to", ">=", since),
                ("date_to", "<", today),
            ]
        )
        employees = lines.employee_id.with_context(active_test=False)
        fnames = ["technical_grade_id", "technical_grade_date"]
        for fname in fnames:
            self.env.add_to_compute(self._fields[fname], employees)
        employees._recompute_recordset(fnames)
        return employees

    def action_open_technical_grade_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_history_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id, "search_default_group_by_employee": 0}
        return action

    def action_set_technical_grade(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_technical_grade.hr_technical_grade_set_wizard_action"
        )
        action["context"] = {"active_model": "hr.employee", "active_ids": self.ids}
        return action
