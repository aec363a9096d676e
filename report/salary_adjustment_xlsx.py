# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models


class SalaryAdjustmentXlsx(models.AbstractModel):
    """The salary adjustment table as a spreadsheet, headers in the user's language."""

    _name = "report.hr_technical_grade.salary_adjustment_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Salary Adjustment Table (XLSX)"

    def _columns(self):
        """``(label, getter, width, kind)`` of each column; kind: text, date, money or days.

        Money and days columns are totalled.
        """
        return [
            (self.env._("Employee"), lambda r: r["employee"].name, 24, "text"),
            (self.env._("Department"), lambda r: r["department"].display_name, 28, "text"),
            (self.env._("Old Grade"), lambda r: r["old_grade"].name, 18, "text"),
            (self.env._("New Grade"), lambda r: r["new_grade"].name, 18, "text"),
            (self.env._("Effective Date"), lambda r: r["date"], 14, "date"),
            (self.env._("Old Base Wage"), lambda r: r["old_base_wage"], 12, "rate"),
            (self.env._("New Base Wage"), lambda r: r["new_base_wage"], 12, "rate"),
            (self.env._("Old Post Wage"), lambda r: r["old_post_wage"], 12, "rate"),
            (self.env._("New Post Wage"), lambda r: r["new_post_wage"], 12, "rate"),
            (self.env._("Old Allowance"), lambda r: r["old_allowance"], 12, "rate"),
            (self.env._("New Allowance"), lambda r: r["new_allowance"], 12, "rate"),
            (self.env._("Difference per Month"), lambda r: r["difference"], 14, "money"),
            (self.env._("Pay Step From"), lambda r: r["pay_step_from"], 14, "date"),
            (self.env._("Pay Step To"), lambda r: r["pay_step_to"], 14, "date"),
            (self.env._("Grade Paid (Pay Step)"), lambda r: r["pay_step_grade"], 18, "text"),
            (
                self.env._("Pay Step Difference per Month"),
                lambda r: r["pay_step_difference"],
                14,
                "money",
            ),
            (self.env._("Pay Step Amount in Period"), lambda r: r["pay_step_amount"], 14, "money"),
            (self.env._("Unpaid Stand-by Days"), lambda r: r["standby_days"], 12, "days"),
            (self.env._("Stand-by Amount Not Paid"), lambda r: r["standby_amount"], 14, "money"),
            (self.env._("Source Document"), lambda r: r["origin"], 20, "text"),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
        )
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        days_format = workbook.add_format({"num_format": "0.##"})
        columns = self._columns()
        for wizard in wizards:
            money = workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(wizard.company_id.currency_id)}
            )
            formats = {"date": date_format, "rate": money, "money": money, "days": days_format}
            sheet = workbook.add_worksheet(self.env._("Salary Adjustment")[:31])
            sheet.write(
                0,
                0,
                self.env._(
                    "Salary Adjustment Table %(start)s – %(end)s",
                    start=wizard.date_from.isoformat(),
                    end=wizard.date_to.isoformat(),
                ),
                title,
            )
            for col, (label, _getter, width, _kind) in enumerate(columns):
                sheet.write(2, col, label, header)
                sheet.set_column(col, col, width)
            rows = wizard._rows()
            for row_index, row in enumerate(rows, start=3):
                for col, (_label, getter, _width, kind) in enumerate(columns):
                    value = getter(row)
                    if value is None or value is False or value == "":
                        sheet.write_blank(row_index, col, None)
                    elif kind == "date":
                        sheet.write_datetime(row_index, col, value, date_format)
                    elif kind == "text":
                        sheet.write_string(row_index, col, value)
                    else:
                        sheet.write_number(row_index, col, value, formats[kind])
            total_row = len(rows) + 3
            sheet.write(total_row, 0, self.env._("Total"), header)
            for col, (_label, getter, _width, kind) in enumerate(columns):
                if kind in ("money", "days"):
                    total = sum(getter(row) or 0 for row in rows)
                    sheet.write_number(total_row, col, total, formats[kind])
            sheet.freeze_panes(3, 1)
