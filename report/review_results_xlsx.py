# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).

from odoo import models
from odoo.exceptions import AccessError

OFFICER = "hr_technical_grade.group_technical_grade_officer"


class ReviewResultsXlsx(models.AbstractModel):
    """A period's review results: one row per employee, a column per KPI and 360 group."""

    _name = "report.hr_technical_grade.review_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Performance Review Results (XLSX)"

    def _columns(self, kpis):
        labels = dict(
            self.env["hr.technical.grade.review"]._fields["band"]._description_selection(self.env)
        )
        columns = [
            (self.env._("Employee"), lambda r: r.employee_id.name, 24),
            (self.env._("Department"), lambda r: r.department_id.display_name or "", 24),
            (self.env._("Period"), lambda r: r.period or "", 10),
        ]
        for kpi in kpis:
            columns.append(
                (
                    kpi.name,
                    lambda r, kpi=kpi: sum(
                        r.line_ids.filtered(lambda line: line.kpi_id == kpi).mapped("adjustment")
                    ),
                    12,
                )
            )
        columns += [
            (self.env._("KPI Score"), lambda r: r.kpi_score, 10),
            (self.env._("Results Form"), lambda r: r.results_score, 10),
            (self.env._("Superior"), lambda r: r.superior_score, 10),
            (self.env._("Peers"), lambda r: r.peers_score, 10),
            (self.env._("Subordinates"), lambda r: r.subordinates_score, 10),
            (self.env._("360° Ability"), lambda r: r.score_360, 10),
            (self.env._("Final Score"), lambda r: r.final_score, 10),
            (self.env._("Band"), lambda r: labels.get(r.band, ""), 12),
            (
                self.env._("No Raise This Cycle"),
                lambda r: self.env._("Yes") if r.no_raise else "",
                10,
            ),
        ]
        return columns

    def generate_xlsx_report(self, workbook, data, reviews):
        if not self.env.user.has_group(OFFICER):
            raise AccessError(self.env._("Only HR exports the review results."))
        # The 360 group scores are HR's: read them once the right is checked.
        reviews = reviews.sudo().sorted(lambda r: (r.period_start, r.department_id.id, r.id))
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
        )
        number = workbook.add_format({"num_format": "0.00"})
        kpis = reviews.line_ids.kpi_id.sorted(lambda k: (k.sequence, k.id))
        columns = self._columns(kpis)
        sheet = workbook.add_worksheet(self.env._("Review Results")[:31])
        periods = ", ".join(dict.fromkeys(reviews.mapped("period")))
        sheet.write(
            0, 0, self.env._("Performance Review Results %(periods)s", periods=periods), title
        )
        for col, (label, _getter, width) in enumerate(columns):
            sheet.write(2, col, label, header)
            sheet.set_column(col, col, width)
        for row, review in enumerate(reviews, start=3):
            for col, (_label, getter, _width) in enumerate(columns):
                value = getter(review)
                if isinstance(value, float | int):
                    sheet.write_number(row, col, value, number)
                else:
                    sheet.write_string(row, col, value)
        sheet.freeze_panes(3, 1)
