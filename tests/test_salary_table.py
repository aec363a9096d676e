# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PayslipCase, load_chinese


@tagged("post_install", "-at_install")
class TestSalaryTable(PayslipCase):
    """Dated salary tables: each day is paid at the rates in force that day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seed_table = cls.env.ref("hr_technical_grade.salary_table_seed")
        cls.hr_manager = cls.user(
            "tg_test_table_manager",
            "base.group_user,hr_technical_grade.group_technical_grade_admin",
        )
        cls.payroll_user = cls.user(
            "tg_test_table_payroll", "base.group_user,payroll.group_payroll_user"
        )

    # helpers ---------------------------------------------------------

    def new_table(self, day, factor=1.5, name="Salary Table 2027", state="active", **vals):
        """A version from ``day``: the seed rates × ``factor``."""
        return self.env["hr.technical.grade.salary.table"].create(
            {
                "name": name,
                "date_from": day,
                "state": state,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "grade_id": line.grade_id.id,
                            "base_wage": line.base_wage * factor,
                            "post_wage": line.post_wage * factor,
                            "allowance": line.allowance * factor,
                        },
                    )
                    for line in self.seed_table.line_ids
                ],
                **vals,
            }
        )

    @staticmethod
    def line(slip, code):
        return slip.line_ids.filtered(lambda line: line.code == code)

    # the first version ------------------------------------------------

    def test_seed_table_is_the_first_version(self):
        self.assertEqual(self.seed_table.date_from, date(2000, 1, 1))
        self.assertEqual(self.seed_table.state, "active")
        rates = {line.grade_id: line.monthly_total for line in self.seed_table.line_ids}
        self.assertEqual(rates[self.senior], 5500)
        # The ladder shows today's rates, read from the table.
        self.assertEqual(self.senior.allowance, 2000)
        self.new_table("2026-11-01")
        self.senior.invalidate_recordset()
        self.assertEqual(self.senior.allowance, 3000)

    # dated rates on payslips --------------------------------------------

    def test_new_rates_leave_earlier_periods_and_confirmed_payslips_alone(self):
        self.record(self.engineer, self.senior, "2025-01-01")
        self.record(self.colleague, self.junior, "2025-01-01")
        confirmed = self.payslip(self.engineer, "2026-11-01", "2026-11-30")
        confirmed.action_payslip_done()
        december = self.payslip(self.colleague, "2026-12-01", "2026-12-31")
        before = self.amounts(december)
        self.new_table("2027-01-01")
        december.compute_sheet()
        self.assertEqual(self.amounts(december), before)
        confirmed.invalidate_recordset()
        self.assertEqual(
            self.amounts(confirmed), {"TG_BASE": 2500, "TG_POST": 1000, "TG_ALW": 2000}
        )
        january = self.payslip(self.engineer, "2027-01-01", "2027-01-31")
        self.assertEqual(self.amounts(january), {"TG_BASE": 3750, "TG_POST": 1500, "TG_ALW": 3000})
        self.assertFalse(self.line(january, "TG_ALW").name.startswith("Grade Allowance ("))

    def test_table_change_and_grade_change_in_the_same_month(self):
        self.record(self.engineer, self.intermediate, "2025-01-01")
        self.record(self.engineer, self.senior, "2027-01-11", "promotion")
        self.new_table("2027-01-21")
        slip = self.payslip(self.engineer, "2027-01-01", "2027-01-31")
        # 10 days intermediate, 10 days senior at the old table, 11 days
        # senior at the new one: 1000×10/31 + 2000×10/31 + 3000×11/31.
        self.assertEqual(self.amounts(slip)["TG_ALW"], 2032.26)
        # 2300×10/31 + 2500×10/31 + 3750×11/31 = 2879.0322…
        self.assertEqual(self.amounts(slip)["TG_BASE"], 2879.03)
        label = self.line(slip, "TG_ALW").name
        self.assertIn("Intermediate Engineer (Seed Salary Table) 10/31 days", label)
        self.assertIn("Senior Engineer (Seed Salary Table) 10/31 days", label)
        self.assertIn("Senior Engineer (Salary Table 2027) 11/31 days", label)
        pay = self.engineer.get_technical_grade_pay(date(2027, 1, 1), date(2027, 1, 31))
        self.assertEqual(
            [(p["grade_id"], p["table"], p["days"]) for p in pay["parts"]],
            [
                (self.intermediate.id, "Seed Salary Table", 10),
                (self.senior.id, "Seed Salary Table", 10),
                (self.senior.id, "Salary Table 2027", 11),
            ],
        )

    def test_table_change_alone_is_labelled_in_chinese(self):
        load_chinese(self.env)
        self.record(self.engineer, self.senior, "2025-01-01")
        table = self.new_table("2027-01-16")
        table.with_context(lang="zh_CN").name = "2027年薪资表"
        slip = self.payslip(self.engineer, "2027-01-01", "2027-01-31")
        self.assertEqual(self.amounts(slip)["TG_ALW"], 2516.13)  # 2000×15/31 + 3000×16/31
        zh_slip = slip.with_context(lang="zh_CN")
        zh_slip.compute_sheet()
        label = self.line(zh_slip, "TG_ALW").with_context(lang="zh_CN").name
        self.assertIn("2027年薪资表", label)
        self.assertIn("15/31", label)
        self.assertIn("16/31", label)

    def test_draft_tables_are_not_paid(self):
        self.record(self.engineer, self.senior, "2025-01-01")
        self.new_table("2027-01-01", state="draft")
        slip = self.payslip(self.engineer, "2027-01-01", "2027-01-31")
        self.assertEqual(self.amounts(slip)["TG_ALW"], 2000)

    # read-only once paid ----------------------------------------------

    def test_table_used_by_a_confirmed_payslip_is_read_only(self):
        self.record(self.engineer, self.senior, "2025-01-01")
        slip = self.payslip(self.engineer, "2026-10-01", "2026-10-31")
        self.assertFalse(self.seed_table.locked)
        slip.action_payslip_done()
        self.seed_table.invalidate_recordset()
        self.assertTrue(self.seed_table.locked)
        line = self.seed_table.line_ids.filtered(lambda line: line.grade_id == self.senior)
        with self.assertRefused(UserError, "used by confirmed payslips"):
            line.write({"allowance": 1})
        with self.assertRefused(UserError, "used by confirmed payslips"):
            self.seed_table.write({"date_from": "2001-01-01"})
        with self.assertRefused(UserError, "used by confirmed payslips"):
            self.seed_table.unlink()
        with self.assertRefused(UserError, "used by confirmed payslips"):
            self.senior.allowance = 1
        # A version cannot take effect inside days already paid...
        with self.assertRefused(UserError, "cannot take effect before them"):
            self.new_table("2026-10-15")
        # ...and a correction needs a reason.
        with self.assertRefused(ValidationError, "needs a reason"):
            self.new_table("2026-11-01", corrected_table_id=self.seed_table.id)
        correction = self.new_table(
            "2026-11-01", corrected_table_id=self.seed_table.id, reason="Allowance raised"
        )
        self.assertFalse(correction.locked)
        self.assertEqual(self.amounts(slip)["TG_ALW"], 2000)

    def test_no_client_context_lifts_a_lock(self):
        """Locks are lifted for the module's own data files and upgrades only (probe F2)."""
        self.record(self.engineer, self.senior, "2025-01-01")
        self.payslip(self.engineer, "2026-10-01", "2026-10-31").action_payslip_done()
        line = self.seed_table.line_ids.filtered(lambda line: line.grade_id == self.senior)
        for context in (
            {"install_filename": "x.xml"},
            {"hr_technical_grade_salary_table_migration": True},
        ):
            table = self.seed_table.with_context(**context)
            with self.assertRefused(UserError, "used by confirmed payslips"):
                table.write({"name": "Forged"})
            with self.assertRefused(UserError, "used by confirmed payslips"):
                line.with_context(**context).write({"allowance": 1})
            with self.assertRefused(UserError, "cannot take effect before them"):
                self.new_table("2026-10-15").with_context(**context)

    def test_wrong_values_get_clear_errors(self):
        Table = self.env["hr.technical.grade.salary.table"]
        for vals, message in (
            ({"date_from": "garbage"}, "is not a date"),
            ({"date_from": [2028]}, "is not a date"),
            ({"date_from": "2030-01-01", "company_id": "abc"}, "given by its id"),
        ):
            with self.assertRefused(UserError, message):
                Table.create({"name": "Wrong", "state": "active", **vals})
        line = self.seed_table.line_ids[:1]
        for value in (1e308, "abc", [1], True):
            with self.assertRefused(UserError, "monthly amount"):
                line.write({"base_wage": value})

    def test_new_version_is_a_draft_copy(self):
        action = self.seed_table.with_user(self.hr_manager).action_new_version()
        copy = self.env["hr.technical.grade.salary.table"].browse(action["res_id"])
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.corrected_table_id, self.seed_table)
        self.assertEqual(len(copy.line_ids), len(self.seed_table.line_ids))

    # access -----------------------------------------------------------

    def test_access(self):
        Table = self.env["hr.technical.grade.salary.table"]
        self.assertIn(self.seed_table, Table.with_user(self.payroll_user).search([]))
        self.assertIn(self.seed_table, Table.with_user(self.hr_officer).search([]))
        with self.assertRaises(AccessError):
            self.seed_table.with_user(self.hr_officer).write({"name": "No"})
        plain = self.user("tg_test_table_plain")
        with self.assertRaises(AccessError):
            Table.with_user(plain).search([])
        with self.assertRaises(AccessError):
            self.env["hr.technical.grade.salary.table.line"].with_user(plain).search([])
        draft = self.new_table("2027-01-01", state="draft")
        draft.with_user(self.hr_manager).write({"name": "Salary Table 2027 (v2)"})
        draft.with_user(self.hr_manager).action_activate()
        self.assertEqual(draft.state, "active")

    # other readers ----------------------------------------------------

    def test_salary_adjustment_table_keeps_the_rates_of_its_year(self):
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-03-01", "promotion")
        self.new_table("2027-01-01")
        wizard = self.env["hr.technical.grade.adjustment.wizard"].create(
            {"date_from": "2026-01-01", "date_to": "2026-12-31"}
        )
        (row,) = [r for r in wizard._rows() if r["employee"] == self.engineer]
        self.assertEqual((row["old_allowance"], row["new_allowance"]), (500, 1000))
        self.assertEqual(row["difference"], 1100)
        # Printed in 2027, when the grades' current rates are the 2027 ones.
        with freeze_time("2027-02-01"):
            self.intermediate.invalidate_recordset()
            self.assertEqual(self.intermediate.allowance, 1500)
            (row,) = [r for r in wizard._rows() if r["employee"] == self.engineer]
            self.assertEqual((row["old_allowance"], row["new_allowance"]), (500, 1000))
            self.assertEqual((row["old_base_wage"], row["new_base_wage"]), (2000, 2300))
            self.assertEqual(row["difference"], 1100)

    def test_payroll_dict_offers_the_grade_pay(self):
        self.record(self.engineer, self.senior, "2025-01-01")
        slip = self.payslip(self.engineer, "2026-10-01", "2026-10-31", compute=False)
        payroll = slip.get_payroll_dict(slip.contract_id)
        self.assertTrue(payroll["technical_grade"].graded)
        self.assertEqual(payroll["technical_grade"].allowance, 2000)
        rule = self.env.ref("hr_technical_grade.salary_rule_tg_alw")
        self.assertIn("payroll.technical_grade.allowance", rule.amount_python_compute)

    # one day count, one base wage ---------------------------------------

    def four_day_calendar(self):
        attendances = [
            (
                0,
                0,
                {
                    "name": f"Day {day} {period}",
                    "dayofweek": str(day),
                    "hour_from": start,
                    "hour_to": end,
                    "day_period": period,
                },
            )
            for day in range(4)
            for start, end, period in ((8, 12, "morning"), (13, 17, "afternoon"))
        ]
        return self.env["resource.calendar"].create(
            {"name": "Four-day week", "attendance_ids": [(5, 0, 0), *attendances]}
        )

    def test_worked_days_on_the_contract_calendar_agree_with_the_payslip(self):
        self.company.technical_grade_proration = "worked"
        self.record(self.engineer, self.junior, "2025-01-01")
        self.record(self.engineer, self.intermediate, "2026-06-18", "promotion")
        slip = self.payslip(self.engineer, "2026-06-01", "2026-06-30", compute=False)
        standard = slip.contract_id.resource_calendar_id
        self.assertTrue(standard)
        # The employee works a four-day week since after the period; the
        # contract of the payslip keeps the schedule of the period.
        self.engineer.resource_calendar_id = self.four_day_calendar()
        self.assertEqual(slip.contract_id.resource_calendar_id, standard)
        slip.compute_sheet()
        (work100,) = [
            line
            for line in slip.get_worked_day_lines(slip.contract_id, slip.date_from, slip.date_to)
            if line["code"] == "WORK100"
        ]
        pay = slip.employee_id.get_technical_grade_pay(
            slip.date_from, slip.date_to, slip.contract_id.resource_calendar_id
        )
        self.assertEqual(sum(part["days"] for part in pay["parts"]), work100["number_of_days"])
        self.assertEqual(pay["parts"][0]["month_days"], work100["number_of_days"])
        self.assertEqual(work100["number_of_days"], 22)
        # 500 × 13/22 + 1000 × 9/22, as on the standard schedule of the contract.
        self.assertEqual(self.amounts(slip)["TG_ALW"], 704.55)

    def test_one_base_wage_per_engineer_and_day(self):
        self.record(self.engineer, self.senior, "2025-01-01")
        slip = self.payslip(self.engineer, "2026-11-01", "2026-11-30")
        contract = slip.contract_id
        officer_view = contract.with_user(self.payroll_user)
        self.assertTrue(officer_view.technical_grade_pay)
        self.assertEqual(officer_view.technical_grade_base_wage, 2500)
        self.assertEqual(self.amounts(slip)["TG_BASE"], 2500)
        # A new table from this month: the contract and the payslip move together.
        self.new_table("2026-11-01", factor=2)
        contract.invalidate_recordset()
        slip.compute_sheet()
        self.assertEqual(officer_view.technical_grade_base_wage, 5000)
        self.assertEqual(self.amounts(slip)["TG_BASE"], 5000)
        # The contract's own wage is not used, and cannot say otherwise.
        self.assertEqual(contract.wage, 0)
        with self.assertRefused(ValidationError, "paid by technical grade"):
            contract.wage = 5000
            contract.flush_recordset()
        arch = self.env["hr.contract"].get_view(view_type="form")["arch"]
        self.assertIn('name="technical_grade_base_wage"', arch)
        self.assertRegex(arch, r'<div[^>]*name="wage"[^>]*invisible="technical_grade_pay"')
