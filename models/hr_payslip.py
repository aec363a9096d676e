# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from collections import defaultdict
from datetime import datetime, time

from odoo import api, fields, models
from odoo.addons.payroll.models.base_browsable import BaseBrowsableObject

# Key of the transaction cache (``cr.cache``) that holds the grade pay of the
# payslips being computed, by payslip id.
PAYS_CACHE_KEY = "hr_technical_grade.payslip_pays"


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    def compute_sheet(self):
        # OCA payroll computes the payslips one by one and, by unlinking the
        # old lines, empties the ORM cache before each of them.  The grade pay
        # of the whole batch is therefore read first, in a few queries, and
        # kept aside until every payslip has been computed.
        pays = self.env.cr.cache.setdefault(PAYS_CACHE_KEY, {})
        pays.update(self._technical_grade_pays())
        try:
            return super().compute_sheet()
        finally:
            for payslip_id in self.ids:
                pays.pop(payslip_id, None)

    @api.model
    def _technical_grade_confirmed(self, employees, date_from, date_to=None, starts_by=None):
        """The latest confirmed payslip of ``employees`` that pays a day from
        ``date_from`` (to ``date_to``, when given), as superuser.

        ``starts_by``: only a payslip whose period starts by that day (a grade
        held already may go back before the confirmed periods).  What changes
        the pay of those days (a grade, unpaid days, a bonus) is refused on it.
        """
        domain = [
            ("employee_id", "in", employees.ids),
            ("state", "=", "done"),
            ("date_to", ">=", date_from),
        ]
        if date_to:
            domain.append(("date_from", "<=", date_to))
        if starts_by:
            domain.append(("date_from", "<=", starts_by))
        return self.sudo().search(domain, order="date_to desc, id desc", limit=1)

    def _technical_grade_confirmed_values(self):
        """What a refusal says of this confirmed payslip: whose pay, its
        period, its number and the first day after it."""
        self.ensure_one()
        return {
            "employee": self.employee_id.name,
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "payslip": self.number or self.name,
            "next_day": fields.Date.add(self.date_to, days=1).isoformat(),
        }

    def _technical_grade_pays(self):
        """``{payslip id: grade pay}`` for the payslips, read per pay period.

        Worked days are counted on each payslip contract's working schedule,
        as OCA payroll counts the payslip's worked-days lines.
        """
        periods = defaultdict(lambda: self.browse())
        for payslip in self:
            periods[payslip.date_from, payslip.date_to] |= payslip
        pays = {}
        # The approved review bonuses of the whole batch, in one query.
        rewards = self.env["hr.technical.grade.reward"]._payslip_rewards(self)
        for (date_from, date_to), payslips in periods.items():
            calendars = {
                payslip.employee_id.id: payslip.contract_id.resource_calendar_id
                for payslip in payslips
                if payslip.contract_id.resource_calendar_id
            }
            by_employee = payslips.employee_id._get_technical_grade_pays(
                date_from, date_to, calendars
            )
            for payslip in payslips:
                reward, reward_name = rewards.get(payslip.id, (0.0, False))
                pays[payslip.id] = {
                    **by_employee[payslip.employee_id.id],
                    "reward": reward,
                    "reward_name": reward_name,
                }
        return pays

    def get_payroll_dict(self, contracts):
        """Offer the period's grade pay to salary rules as ``payroll.technical_grade``.

        The values are those of :meth:`hr.employee.get_technical_grade_pay`;
        rules read ``payroll.technical_grade.graded``,
        ``payroll.technical_grade.allowance``,
        ``payroll.technical_grade.allowance_name``, and so on; ``reward`` and
        ``reward_name`` are the period's approved review bonuses (TG_REWARD).
        """
        res = super().get_payroll_dict(contracts)
        pay = self.env.cr.cache.get(PAYS_CACHE_KEY, {}).get(self.id)
        if pay is None:
            pay = self._technical_grade_pays()[self.id]
        res["technical_grade"] = BaseBrowsableObject(pay)
        return res

    @api.model
    def get_worked_day_lines(self, contracts, date_from, date_to):
        """OCA payroll's worked days, with the unpaid days of review consequences.

        Stand-by training (seed 003) and unpaid leave (停薪留职, seed 000):
        the grade amounts are not paid for those days (they have no grade
        segment); one line per kind shows them, as a negative number of days.
        """
        res = super().get_worked_day_lines(contracts, date_from, date_to)
        Standby = self.env["hr.technical.grade.standby"]
        lines = {
            "training": ("TG_STANDBY", self.env._("Unpaid stand-by training")),
            "unpaid_leave": ("TG_UNPAID_LEAVE", self.env._("Unpaid leave (penalty)")),
        }
        for contract in contracts.filtered("resource_calendar_id"):
            standbys = Standby._in_period(contract.employee_id, date_from, date_to)
            for kind, (code, name) in lines.items():
                days = hours = 0.0
                for standby in standbys.filtered(lambda s, k=kind: s.kind == k):
                    start = max(standby.date_from, fields.Date.to_date(date_from))
                    end = min(standby.date_to, fields.Date.to_date(date_to))
                    data = contract.employee_id._get_work_days_data_batch(
                        datetime.combine(start, time.min),
                        datetime.combine(end, time.max),
                        calendar=contract.resource_calendar_id,
                        compute_leaves=False,
                    )[contract.employee_id.id]
                    days += data["days"]
                    hours += data["hours"]
                if days:
                    res.append(
                        {
                            "name": name,
                            "sequence": 10,
                            "code": code,
                            "number_of_days": -days,
                            "number_of_hours": -hours,
                            "contract_id": contract.id,
                        }
                    )
        return res
