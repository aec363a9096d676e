# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, datetime
from io import BytesIO

import openpyxl

from odoo.tests import tagged

from .common import PayslipCase, PdfCase, load_chinese
from .review_common import ReviewCase

# Columns of the pay consequences in the spreadsheet (0-based), after
# "Difference per Month" (11).
STEP_FROM, STEP_TO, STEP_GRADE, STEP_MONTHLY, STEP_AMOUNT = 12, 13, 14, 15, 16
STANDBY_DAYS, STANDBY_AMOUNT, ORIGIN = 17, 18, 19
KEYS = (
    "pay_step_from",
    "pay_step_to",
    "pay_step_grade",
    "pay_step_difference",
    "pay_step_amount",
    "standby_days",
    "standby_amount",
)


@tagged("post_install", "-at_install")
class TestSalaryAdjustmentConsequences(PdfCase, ReviewCase, PayslipCase):
    """The pay steps and unpaid stand-by days on the salary adjustment table (issue 15).

    The engineer holds Intermediate Engineer (3,900 a month: 2,300 + 600 +
    1,000); one level down, Junior Engineer, is 2,800 (2,000 + 300 + 500).
    Today is Monday 16 November 2026, a 30-day month.
    """

    def failed(self, day, employee=None):
        review = self.open_review(employee, day)
        self.kpi_line(review.with_user(self.manager_user), "kpi_complaint").write(
            {"occurrences": 20, "evidence": "Complaint record"}
        )
        return self.finish(review, results=10, reviewers=10)

    def november_step_and_standby(self):
        """A pay step from the 16th of November and stand-by Monday 23 to Wednesday 25."""
        review = self.failed(date(2026, 10, 1))
        step = review.pay_step_ids
        self.assertEqual(step.date_from, date(2026, 12, 1))
        # As if the review had finished in October, paid lower from the 16th.
        step.sudo().write({"date_from": date(2026, 11, 16)})
        standby = (
            self.env["hr.technical.grade.standby"]
            .with_user(self.hr_officer)
            .create(
                {
                    "employee_id": self.engineer.id,
                    "review_id": review.id,
                    "date_from": "2026-11-23",
                    "date_to": "2026-11-25",
                }
            )
        )
        self.assertEqual(standby.working_days, 3)
        return step, standby

    def wizard(self, date_from="2026-11-01", date_to="2026-11-30", **vals):
        return (
            self.env["hr.technical.grade.adjustment.wizard"]
            .with_user(self.hr_officer)
            .create({"date_from": date_from, "date_to": date_to, **vals})
        )

    def row_of(self, rows, employee):
        (row,) = [row for row in rows if row["employee"] == employee]
        return row

    def render_xlsx(self, wizard, lang="en_US"):
        report = self.env["ir.actions.report"].with_context(lang=lang)
        content, kind = report._render_xlsx(
            "hr_technical_grade.action_report_salary_adjustment_xlsx", wizard.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(BytesIO(content)).active

    # ------------------------------------------------------------------
    # The amounts, from the payslip's proration
    # ------------------------------------------------------------------

    def test_pay_step_from_the_16th_and_three_standby_days(self):
        self.november_step_and_standby()
        row = self.row_of(self.wizard()._rows(), self.engineer)
        # No grade change in November: a row of its own.
        self.assertFalse(row["old_grade"] or row["new_grade"] or row["date"])
        self.assertEqual(
            {key: row[key] for key in KEYS},
            {
                "pay_step_from": date(2026, 11, 16),
                "pay_step_to": date(2026, 11, 30),
                "pay_step_grade": "Junior Engineer",
                "pay_step_difference": -1100.0,  # 2,800 - 3,900
                "pay_step_amount": -550.0,  # -1,100 × 15/30
                "standby_days": 3,
                "standby_amount": 280.0,  # paid at the step's grade: 2,800 × 3/30
            },
        )
        # The payslip of November pays exactly what the table shows.
        slip = self.amounts(self.payslip(self.engineer, "2026-11-01", "2026-11-30"))
        self.assertAlmostEqual(
            slip["TG_BASE"] + slip["TG_POST"] + slip["TG_ALW"], 3900 - 550 - 280, places=2
        )

    def test_rates_of_the_table_in_force_each_day(self):
        self.november_step_and_standby()
        # A new table from Saturday 21 November, every rate × 1.5.
        seed = self.env.ref("hr_technical_grade.salary_table_seed")
        self.env["hr.technical.grade.salary.table"].create(
            {
                "name": "Salary Table from 21 November",
                "date_from": "2026-11-21",
                "state": "active",
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "grade_id": line.grade_id.id,
                            "base_wage": line.base_wage * 1.5,
                            "post_wage": line.post_wage * 1.5,
                            "allowance": line.allowance * 1.5,
                        },
                    )
                    for line in seed.line_ids
                ],
            }
        )
        row = self.row_of(self.wizard()._rows(), self.engineer)
        # On the step's first day the seed table is in force.
        self.assertEqual(row["pay_step_difference"], -1100.0)
        # 16-20: -1,100 × 5/30; 21-30: -1,650 × 10/30; each component rounded
        # once, as on the payslip: -733.34.
        self.assertEqual(row["pay_step_amount"], -733.34)
        # 23-25 at the new junior rates: 4,200 × 3/30.
        self.assertEqual(row["standby_amount"], 420.0)
        slip = self.amounts(self.payslip(self.engineer, "2026-11-01", "2026-11-30"))
        # Without the consequences: 3,900 × 20/30 + 5,850 × 10/30 = 4,550.
        self.assertAlmostEqual(
            slip["TG_BASE"] + slip["TG_POST"] + slip["TG_ALW"], 4550 - 733.34 - 420, places=2
        )

    def test_grade_change_and_pay_step_on_one_row(self):
        # The colleague is promoted on 10 November, then fails a review: paid
        # one level down, as Junior Engineer, from December.
        self.record(self.colleague, self.intermediate, "2026-11-10", "promotion")
        self.failed(date(2026, 10, 1), self.colleague)
        self.failed(date(2026, 10, 1))  # the engineer: a row of his own
        rows = self.wizard("2026-11-01", "2026-12-31")._rows()
        colleague = self.row_of(rows, self.colleague)
        self.assertEqual(
            (colleague["old_grade"], colleague["new_grade"], colleague["difference"]),
            (self.junior, self.intermediate, 1100),
        )
        self.assertEqual(
            (colleague["pay_step_from"], colleague["pay_step_to"], colleague["pay_step_grade"]),
            (date(2026, 12, 1), date(2026, 12, 31), "Junior Engineer"),
        )
        self.assertEqual(colleague["pay_step_amount"], -1100.0)  # the whole of December
        self.assertEqual(colleague["standby_days"], 0)
        self.assertEqual(colleague["standby_amount"], 0.0)
        engineer = self.row_of(rows, self.engineer)
        self.assertEqual(engineer["pay_step_amount"], -1100.0)
        self.assertIsNone(engineer["old_base_wage"])
        # Grade change rows are first, rows of consequences only after.
        self.assertEqual([r["employee"] for r in rows][-1], self.engineer)
        # Another department's table has none of them.
        other = self.env["hr.department"].create({"name": "Sales"})
        self.assertFalse(self.wizard(department_ids=[(6, 0, other.ids)])._rows())

    def test_grade_changes_only_without_consequences(self):
        self.record(self.colleague, self.intermediate, "2026-11-10", "promotion")
        (row,) = self.wizard()._rows()
        self.assertEqual(row["employee"], self.colleague)
        self.assertEqual(
            {key: row[key] for key in KEYS},
            {
                "pay_step_from": False,
                "pay_step_to": False,
                "pay_step_grade": "",
                "pay_step_difference": None,
                "pay_step_amount": None,
                "standby_days": None,
                "standby_amount": None,
            },
        )

    def test_a_withdrawn_step_and_a_cancelled_standby_leave_the_table(self):
        step, standby = self.november_step_and_standby()
        step.with_user(self.hr_officer).action_withdraw("Appeal upheld")
        row = self.row_of(self.wizard()._rows(), self.engineer)
        self.assertEqual((row["pay_step_from"], row["pay_step_amount"]), (False, 0.0))
        self.assertEqual(row["standby_amount"], 390.0)  # at the grade held: 3,900 × 3/30
        standby.with_user(self.hr_officer).action_cancel("Postponed")
        self.assertFalse([r for r in self.wizard()._rows() if r["employee"] == self.engineer])

    def test_a_fixed_number_of_queries_for_any_number_of_employees(self):
        review = self.failed(date(2026, 10, 1))
        # Stand-by from Monday 30 November to Wednesday 2 December: one day in November.
        self.env["hr.technical.grade.standby"].with_user(self.hr_officer).create(
            {
                "employee_id": self.engineer.id,
                "review_id": review.id,
                "date_from": "2026-11-30",
                "date_to": "2026-12-02",
            }
        )
        PayStep = self.env["hr.technical.grade.pay.step"].sudo()
        Employee = self.env["hr.employee"]

        def team(size, tag, first_day):
            # Promotions on different days: the rates of each day are read together.
            for index in range(size):
                employee = Employee.create(
                    {"name": f"Stepped {tag} {index}", "department_id": self.department.id}
                )
                self.record(employee, self.junior, "2024-01-01")
                self.record(
                    employee, self.intermediate, date(2026, 11, first_day + index), "promotion"
                )
                PayStep.create(
                    {
                        "employee_id": employee.id,
                        "review_id": review.id,
                        "grade_id": self.intermediate.id,
                        "paid_grade_id": self.junior.id,
                        "date_from": "2026-11-16",
                    }
                )

        def count(wizard):
            # Both counts start from cold caches (records, access rules).
            self.env.flush_all()
            self.env.registry.clear_cache()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            rows = wizard._rows()
            return self.env.cr.sql_log_count - before, rows

        team(2, "A", 1)
        wizard = self.wizard()
        small, rows = count(wizard)
        self.assertEqual(len(rows), 3)
        self.assertEqual({row["pay_step_amount"] for row in rows[:2]}, {-550.0})
        engineer = self.row_of(rows, self.engineer)
        # Held at Intermediate Engineer on 30 November: 3,900 × 1/30.
        self.assertEqual((engineer["standby_days"], engineer["standby_amount"]), (1, 130.0))
        team(8, "B", 3)
        large, rows = count(wizard)
        self.assertEqual(len(rows), 11)
        # Ten employees take no more queries than two (the first count also
        # fills a few caches of the user's companies).
        self.assertLessEqual(large, small)

    # ------------------------------------------------------------------
    # The reports, in English and Chinese
    # ------------------------------------------------------------------

    def test_xlsx_columns_and_totals(self):
        self.november_step_and_standby()
        self.record(self.colleague, self.intermediate, "2026-11-10", "promotion")
        sheet = self.render_xlsx(self.wizard())
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(
            header[STEP_FROM:],
            [
                "Pay Step From",
                "Pay Step To",
                "Grade Paid (Pay Step)",
                "Pay Step Difference per Month",
                "Pay Step Amount in Period",
                "Unpaid Stand-by Days",
                "Stand-by Amount Not Paid",
                "Source Document",
            ],
        )
        body = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
        colleague, engineer, total = body
        self.assertEqual(colleague[0], "Test Colleague")
        self.assertEqual(colleague[11], 1100)
        self.assertEqual(colleague[STEP_FROM:ORIGIN], [None] * 7)
        self.assertEqual(engineer[0], "Test Engineer")
        self.assertEqual(engineer[2:12], [None] * 10)
        self.assertEqual(
            engineer[STEP_FROM:ORIGIN],
            [
                datetime(2026, 11, 16),
                datetime(2026, 11, 30),
                "Junior Engineer",
                -1100,
                -550,
                3,
                280,
            ],
        )
        self.assertEqual(total[0], "Total")
        self.assertEqual(total[11], 1100)
        self.assertEqual(total[STEP_MONTHLY:ORIGIN], [-1100, -550, 3, 280])

    def test_xlsx_in_chinese(self):
        self.november_step_and_standby()
        load_chinese(self.env)
        sheet = self.render_xlsx(self.wizard(), "zh_CN")
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(header[:2], ["员工", "部门"])
        # The labels go through the translations of the reader's language.
        columns = (
            self.env["report.hr_technical_grade.salary_adjustment_xlsx"]
            .with_context(lang="zh_CN")
            ._columns()
        )
        self.assertEqual(header, [label for label, *_rest in columns])
        engineer = [cell.value for cell in next(sheet.iter_rows(min_row=4))]
        # The grade paid in Chinese, the amounts as in English.
        self.assertEqual(engineer[STEP_GRADE], "初级工程师")
        self.assertEqual(engineer[STEP_MONTHLY:ORIGIN], [-1100, -550, 3, 280])

    def test_pdf_shows_the_consequences_and_their_totals(self):
        self.november_step_and_standby()
        wizard = self.wizard()
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_technical_grade.action_report_salary_adjustment", wizard.ids
        )
        html = html.decode()
        for text in (
            "Pay Step Amount in Period",
            "Unpaid Stand-by Days",
            "Stand-by Amount Not Paid",
            "Junior Engineer",
            "1,100.00",  # negative amounts: "-\ufeff1,100.00"
            "550.00",
            "280.00",
        ):
            self.assertIn(text, html)
        self.render_pdf("hr_technical_grade.action_report_salary_adjustment", wizard)
        # In Chinese, the grade paid in Chinese.
        load_chinese(self.env)
        zh_html, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html("hr_technical_grade.action_report_salary_adjustment", wizard.ids)
        )
        self.assertIn("初级工程师", zh_html.decode())
