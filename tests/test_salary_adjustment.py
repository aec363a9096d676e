# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from datetime import date, datetime
from io import BytesIO

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PdfCase, TechnicalGradeCase, load_chinese


@tagged("post_install", "-at_install")
class TestSalaryAdjustment(PdfCase, TechnicalGradeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.newcomer = Employee.create({"name": "Newcomer", "department_id": cls.department.id})
        cls.outsider = Employee.create({"name": "Elsewhere"})
        cls.record(cls.engineer, cls.junior, "2025-01-01")
        cls.record(cls.engineer, cls.intermediate, "2026-03-01", "promotion")
        cls.record(cls.colleague, cls.trainee, "2025-01-01")
        cls.record(cls.colleague, cls.junior, "2026-05-16", "promotion")
        cls.record(cls.newcomer, cls.trainee, "2026-04-01")  # initial: not a change
        cls.record(cls.outsider, cls.senior, "2024-01-01")
        cls.record(cls.outsider, cls.expert, "2027-01-01", "promotion")  # out of range
        cls.wizard = cls.env["hr.technical.grade.adjustment.wizard"].create(
            {"date_from": "2026-01-01", "date_to": "2026-12-31"}
        )

    def test_rows_are_the_grade_changes_of_the_period(self):
        rows = self.wizard._rows()
        ours = [
            r
            for r in rows
            if r["employee"] in (self.engineer | self.colleague | self.newcomer | self.outsider)
        ]
        self.assertEqual(
            [(r["employee"], r["old_grade"], r["new_grade"], r["date"]) for r in ours],
            [
                (self.engineer, self.junior, self.intermediate, date(2026, 3, 1)),
                (self.colleague, self.trainee, self.junior, date(2026, 5, 16)),
            ],
        )
        engineer, colleague = ours
        self.assertEqual((engineer["old_base_wage"], engineer["new_base_wage"]), (2000, 2300))
        self.assertEqual((engineer["old_allowance"], engineer["new_allowance"]), (500, 1000))
        self.assertEqual(engineer["difference"], 1100)  # 3900 - 2800
        self.assertEqual(colleague["difference"], 700)  # 2800 - 2100

    def test_department_filter(self):
        other = self.env["hr.department"].create({"name": "Sales"})
        self.wizard.department_ids = other
        with self.assertRaisesRegex(UserError, "No grade changed"):
            self.wizard.action_export_xlsx()
        self.wizard.department_ids = self.department
        self.assertEqual(
            {r["employee"] for r in self.wizard._rows()}, {self.engineer, self.colleague}
        )

    def render_xlsx(self, lang="en_US"):
        report = self.env["ir.actions.report"].with_context(lang=lang)
        content, kind = report._render_xlsx(
            "hr_technical_grade.action_report_salary_adjustment_xlsx", self.wizard.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(BytesIO(content)).active

    def test_xlsx_opens_with_the_rows_and_figures(self):
        self.wizard.department_ids = self.department
        sheet = self.render_xlsx()
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(
            header[:5], ["Employee", "Department", "Old Grade", "New Grade", "Effective Date"]
        )
        self.assertEqual(header[11], "Difference per Month")
        body = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
        self.assertEqual(
            body[0][:12],
            [
                "Test Engineer",
                "Test After-Sales",
                "Junior Engineer",
                "Intermediate Engineer",
                datetime(2026, 3, 1),
                2000,
                2300,
                300,
                600,
                500,
                1000,
                1100,
            ],
        )
        self.assertEqual(body[1][0], "Test Colleague")
        self.assertEqual(body[1][11], 700)
        self.assertEqual(body[2][0], "Total")
        self.assertEqual(body[2][11], 1800)

    def test_xlsx_headers_in_chinese(self):
        load_chinese(self.env)
        self.wizard.department_ids = self.department
        sheet = self.render_xlsx("zh_CN")
        header = [cell.value for cell in sheet[3]]
        self.assertEqual(header[:4], ["员工", "部门", "原等级", "新等级"])
        self.assertEqual(sheet["C4"].value, "初级工程师")

    def test_pdf_report(self):
        self.wizard.department_ids = self.department
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_technical_grade.action_report_salary_adjustment", self.wizard.ids
        )
        html = html.decode()
        self.assertIn("Salary Adjustment Table", html)
        self.assertIn("Test Engineer", html)
        self.assertIn("1,100.00", html)
        self.assertIn("1,800.00", html)  # total
        self.render_pdf("hr_technical_grade.action_report_salary_adjustment", self.wizard)
